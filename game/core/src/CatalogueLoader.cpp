// The principle catalogue loader (scenarios/principles.yaml): same guarded reader, schema table
// and diagnostics as scenarios. Never throws.
#include <set>

#include "DiagSink.h"
#include "DocumentLoad.h"
#include "Schema.h"
#include "TreeReader.h"
#include "Validator.h"
#include "YamlGuard.h"
#include "counterplay/core/Loader.h"

namespace counterplay::core {

namespace {

using schema::FieldSpec;
using schema::MapKind;
using schema::ValueType;
constexpr std::uint32_t npos = YNode::npos;
constexpr FieldSpec kMapItem{"", ValueType::Map};

// YYYY, YYYY-MM or YYYY-MM-DD (digits only; the month and day are not range-checked further
// than 01-12 and 01-31).
bool isDate(const std::string& d) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (i >= d.size() || d[i] < '0' || d[i] > '9') return false;
        return true;
    };
    auto number = [&](std::size_t from) { return (d[from] - '0') * 10 + (d[from + 1] - '0'); };
    if (!(d.size() == 4 || d.size() == 7 || d.size() == 10) || !digits(0, 4)) return false;
    if (d.size() >= 7 && (d[4] != '-' || !digits(5, 2) || number(5) < 1 || number(5) > 12))
        return false;
    if (d.size() == 10 && (d[7] != '-' || !digits(8, 2) || number(8) < 1 || number(8) > 31))
        return false;
    return true;
}

class CatalogueReader {
public:
    CatalogueReader(const YamlTree& tree, DiagSink& sink, Catalogue& catalogue)
        : r_(tree, sink), c_(catalogue) {}

    void read() {
        const Path root;
        const TreeReader::Fields f = r_.readMap(r_.tree().root, MapKind::Catalogue, root);
        int format = 1;
        r_.getInt(f, "format", root, format);
        readGroups(f, root);
        readSources(f, root);
        readPrinciples(f, root);
    }

private:
    void readGroups(const TreeReader::Fields& f, const Path& root) {
        const Path p = root.child("groups");
        const std::uint32_t v = r_.getCollection(f, "groups", root);
        if (v == npos) return;
        r_.forEachItem(v, [&](int i, std::uint32_t item) {
            const Path ip = p.item(i);
            if (!r_.expect(item, kMapItem, ip)) return;
            const TreeReader::Fields gf = r_.readMap(item, MapKind::Group, ip);
            PrincipleGroup g;
            if (r_.getId(gf, "id", ip, g.id) && !groupIds_.insert(g.id).second)
                r_.sink().error(r_.pos(gf["id"]), ip.child("id"),
                                "duplicate group id '" + g.id + "'");
            g.name = r_.getText(gf, "name", ip);
            c_.groups.push_back(std::move(g));
        });
    }

    void readSources(const TreeReader::Fields& f, const Path& root) {
        const Path p = root.child("sources");
        const std::uint32_t v = r_.getCollection(f, "sources", root);
        if (v == npos) return;
        std::set<std::string> ids;
        r_.forEachItem(v, [&](int i, std::uint32_t item) {
            const Path ip = p.item(i);
            if (!r_.expect(item, kMapItem, ip)) return;
            const TreeReader::Fields sf = r_.readMap(item, MapKind::CatalogueSource, ip);
            Source s;
            if (r_.getId(sf, "id", ip, s.id) && !ids.insert(s.id).second)
                r_.sink().error(r_.pos(sf["id"]), ip.child("id"),
                                "duplicate source id '" + s.id + "'");
            r_.getId(sf, "kind", ip, s.kind);
            s.title = r_.getText(sf, "title", ip);
            s.author = r_.getLabel(sf, "author", ip);
            s.publisher = r_.getLabel(sf, "publisher", ip);
            if (!sf.has("author") && !sf.has("publisher"))
                r_.sink().error(r_.pos(item), ip,
                                "missing key 'author' or 'publisher': give at least one (the "
                                "publisher or the site when the author is unknown)");
            if (r_.getString(sf, "date", ip, s.date) && !isDate(s.date))
                r_.sink().error(r_.pos(sf["date"]), ip.child("date"),
                                "expected a date YYYY, YYYY-MM or YYYY-MM-DD, found '" + s.date +
                                    "'");
            s.itemLabel = r_.getText(sf, "item_label", ip);
            if (sf.has("item_label"))
                for (const std::string* t : {&s.itemLabel.ko, &s.itemLabel.en})
                    if (!t->empty() && t->find("{item}") == std::string::npos)
                        r_.sink().error(r_.pos(sf["item_label"]), ip.child("item_label"),
                                        "an item label must contain {item}, found '" + *t + "'");
            s.note = r_.getText(sf, "note", ip);
            r_.getString(sf, "url", ip, s.url);
            c_.sources.push_back(std::move(s));
        });
    }

    void readPrinciples(const TreeReader::Fields& f, const Path& root) {
        const Path p = root.child("principles");
        const std::uint32_t v = r_.getCollection(f, "principles", root);
        if (v == npos) return;
        std::set<std::string> ids;
        c_.principles.reserve(r_.at(v).count);
        r_.forEachItem(v, [&](int i, std::uint32_t item) {
            const Path ip = p.item(i);
            if (!r_.expect(item, kMapItem, ip)) return;
            const TreeReader::Fields pf = r_.readMap(item, MapKind::Principle, ip);
            Principle pr;
            const bool hasId = r_.getId(pf, "id", ip, pr.id);
            if (hasId && !ids.insert(pr.id).second)
                r_.sink().error(r_.pos(pf["id"]), ip.child("id"),
                                "duplicate principle id '" + pr.id + "'");
            if (r_.getId(pf, "group", ip, pr.group)) {
                if (groupIds_.count(pr.group) == 0) {
                    validate::Suggester s(pr.group);
                    for (const std::string& g : groupIds_) s.consider(g);
                    r_.sink().error(r_.pos(pf["group"]), ip.child("group"),
                                    "unknown group '" + pr.group + "'" + s.hint());
                } else if (hasId && pr.id.rfind(pr.group + ".", 0) != 0) {
                    r_.sink().error(r_.pos(pf["id"]), ip.child("id"),
                                    "a principle id starts with its group: expected '" +
                                        pr.group + "." + "...', found '" + pr.id + "'");
                }
            }
            pr.name = r_.getText(pf, "name", ip);
            pr.summary = r_.getText(pf, "summary", ip);
            if (const std::uint32_t sv = pf["source"]; sv != npos) {
                const Path sp = ip.child("source");
                if (r_.expect(sv, pf.field("source"), sp)) {
                    pr.source = r_.readSource(sv, sp);
                    r_.checkSourceRef(pr.source, c_.sources, sp);
                }
            }
            c_.principles.push_back(std::move(pr));
        });
    }

    TreeReader r_;
    Catalogue& c_;
    std::set<std::string> groupIds_;
};

}  // namespace

CatalogueLoad loadCatalogueText(std::string_view bytes, const std::string& fileName) {
    return detail::loadMapDocument<CatalogueLoad>(
        bytes, fileName,
        "a principle catalogue is a map of keys (format, groups, sources, principles)",
        [&](CatalogueLoad& out, const YamlTree& tree, DiagSink& sink) {
            auto catalogue = std::make_shared<Catalogue>();
            catalogue->file = fileName;
            CatalogueReader(tree, sink, *catalogue).read();
            out.catalogue = std::move(catalogue);
        },
        [](CatalogueLoad& out) { out.catalogue.reset(); });
}

CatalogueLoad loadCatalogueFile(const std::string& path) {
    return detail::loadGuardedDocument<CatalogueLoad>(
        path, [&](const std::string& bytes) { return loadCatalogueText(bytes, path); });
}

}  // namespace counterplay::core
