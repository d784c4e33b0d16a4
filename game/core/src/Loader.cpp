// The scenario loader: guarded YAML tree -> Scenario model, with every problem reported as a
// diagnostic (schema from Schema.cpp, semantic checks from Validator.cpp). Never throws.
#include "counterplay/core/Loader.h"

#include <filesystem>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "DiagSink.h"
#include "DocumentLoad.h"
#include "Schema.h"
#include "TreeReader.h"
#include "Validator.h"
#include "YamlGuard.h"
#include "counterplay/core/Hash.h"

namespace counterplay::core {

namespace {

using schema::FieldSpec;
using schema::MapKind;
using schema::ValueType;
using validate::kNoNode;
constexpr std::uint32_t npos = YNode::npos;

constexpr FieldSpec kIdItem{"", ValueType::Id};
constexpr FieldSpec kAnyInt{"", ValueType::Integer};
constexpr FieldSpec kMapItem{"", ValueType::Map};

class ScenarioReader {
public:
    ScenarioReader(const YamlTree& tree, DiagSink& sink, Scenario& scenario,
                   const Catalogue* catalogue)
        : r_(tree, sink), s_(scenario), catalogue_(catalogue) {
        if (catalogue_)
            for (const Principle& p : catalogue_->principles) principleIds_.insert(p.id);
    }

    void read() {
        const Path root;
        const TreeReader::Fields f = r_.readMap(r_.tree().root, MapKind::Scenario, root);
        r_.getInt(f, "format", root, s_.format);
        r_.getId(f, "id", root, s_.id);
        s_.title = r_.getText(f, "title", root);
        s_.summary = r_.getText(f, "summary", root);
        r_.getId(f, "setting", root, s_.setting);
        r_.getInt(f, "difficulty", root, s_.difficulty);
        if (const std::uint32_t v = f["source"]; v != npos) {
            const Path p = root.child("source");
            if (r_.expect(v, f.field("source"), p)) {
                s_.source = r_.readSource(v, p);
                if (catalogue_) r_.checkSourceRef(s_.source, catalogue_->sources, p);
            }
        }
        readPrinciples(f, root);
        r_.getInt(f, "pass_threshold", root, s_.passThreshold);
        readCustomer(f, root);
        readState(f, root);
        readNodes(f, root);
        s_.startIndex = kNoNode;
        if (const std::uint32_t v = f["start"]; v != npos && nodesRead_)
            s_.startIndex = resolveNode(v, f.field("start"), root.child("start"), s_.start);
        else
            r_.getId(f, "start", root, s_.start);
        readCriticalActions(f, root);
        validate::checkGraph(s_, r_.sink());
    }

private:
    void readPrinciples(const TreeReader::Fields& f, const Path& root) {
        const Path p = root.child("principles");
        const std::uint32_t v = r_.getCollection(f, "principles", root);
        if (v == npos) return;
        r_.forEachItem(v, [&](int i, std::uint32_t item) {
            const Path ip = p.item(i);
            std::string id;
            if (!r_.readId(item, kIdItem, ip, id)) return;
            checkPrinciple(id, item, ip);
            for (const std::string& seen : s_.principles)
                if (seen == id) r_.sink().warning(r_.pos(item), ip, "'" + id + "' is listed twice");
            s_.principles.push_back(std::move(id));
        });
    }

    void checkPrinciple(std::string_view id, std::uint32_t node, const Path& path) {
        if (!catalogue_ || principleIds_.count(id) != 0) return;
        validate::Suggester s(id);
        for (const Principle& p : catalogue_->principles) s.consider(p.id);
        r_.sink().error(r_.pos(node), path, "unknown principle '" + std::string(id) + "'" + s.hint());
    }

    void readCustomer(const TreeReader::Fields& f, const Path& root) {
        const std::uint32_t v = f["customer"];
        const Path p = root.child("customer");
        if (v == npos || !r_.expect(v, f.field("customer"), p)) return;
        Customer& c = s_.customer;
        const TreeReader::Fields cf = r_.readMap(v, MapKind::Customer, p);
        c.name = r_.getText(cf, "name", p);
        if (const std::uint32_t lv = cf["look"]; lv != npos) {
            const Path lp = p.child("look");
            if (r_.expect(lv, cf.field("look"), lp)) {
                const TreeReader::Fields lf = r_.readMap(lv, MapKind::Look, lp);
                r_.getColour(lf, "skin", lp, c.look.skin);
                r_.getId(lf, "hair", lp, c.look.hair);
                r_.getColour(lf, "hair_color", lp, c.look.hairColor);
                r_.getId(lf, "outfit", lp, c.look.outfit);
                r_.getColour(lf, "outfit_color", lp, c.look.outfitColor);
                r_.getId(lf, "accessory", lp, c.look.accessory);
            }
        }
        r_.getInt(cf, "mood", p, c.mood);
        r_.getInt(cf, "trust", p, c.trust);
    }

    void readState(const TreeReader::Fields& f, const Path& root) {
        known_ = {"mood", "trust"};
        const std::uint32_t v = f["state"];
        const Path p = root.child("state");
        if (v == npos || !r_.expect(v, f.field("state"), p)) return;
        const TreeReader::Fields sf = r_.readMap(v, MapKind::State, p);
        for (const std::string_view which : {std::string_view("flags"), std::string_view("counters")}) {
            const std::uint32_t mv = sf[which];
            const Path mp = p.child(which);
            if (mv == npos || !r_.expect(mv, sf.field(which), mp)) continue;
            const bool flags = which == "flags";
            r_.forEachEntry(mv, [&](std::uint32_t k, std::uint32_t value) {
                std::string_view name;
                if (!r_.readKey(k, mp, name)) return;
                const Path vp = mp.child(name);
                if (name == "mood" || name == "trust") {
                    r_.sink().error(r_.pos(k), vp,
                                    "'" + std::string(name) +
                                        "' is built in: choose another name for this " +
                                        (flags ? "flag" : "counter"));
                    return;
                }
                if (!flags && s_.flags.count(std::string(name)) != 0) {
                    r_.sink().error(r_.pos(k), vp,
                                    "'" + std::string(name) + "' is already declared as a flag");
                    return;
                }
                if (flags) {
                    bool b = false;
                    if (r_.readBool(value, vp, b)) s_.flags.emplace(name, b);
                } else {
                    int n = 0;
                    if (r_.readInt(value, kAnyInt, vp, n)) s_.counters.emplace(name, n);
                }
                known_.emplace(name);
            });
        }
    }

    void readNodes(const TreeReader::Fields& f, const Path& root) {
        const Path p = root.child("nodes");
        const std::uint32_t v = r_.getCollection(f, "nodes", root);
        if (v == npos) return;
        const std::size_t count = r_.at(v).count / 2;
        s_.nodes.reserve(count);
        s_.nodeIndex.reserve(count);
        std::vector<std::uint32_t> values;
        values.reserve(count);
        // First pass: the node ids, so that every `next` can be resolved while reading choices.
        r_.forEachEntry(v, [&](std::uint32_t k, std::uint32_t value) {
            std::string_view name;
            r_.readKey(k, p, name);
            if (r_.at(k).kind != YNode::Kind::Scalar) return;
            const auto [it, inserted] = s_.nodeIndex.try_emplace(std::string(name), s_.nodes.size());
            if (!inserted) return;  // a duplicate key: the guard reported it
            Node& node = s_.nodes.emplace_back();
            node.id = it->first;
            const Pos pos = r_.pos(k);
            node.line = pos.line;
            node.column = pos.column;
            values.push_back(value);
        });
        for (std::size_t i = 0; i < s_.nodes.size(); ++i)
            readNode(s_.nodes[i], values[i], p.child(s_.nodes[i].id));
        nodesRead_ = true;
    }

    void readNode(Node& n, std::uint32_t v, const Path& p) {
        static constexpr FieldSpec kNodeValue{"", ValueType::Map};
        if (!r_.expect(v, kNodeValue, p)) return;
        const TreeReader::Fields f = r_.readMap(v, MapKind::Node, p);
        r_.getBool(f, "shuffle", p, n.shuffle);  // absent: shuffled
        if (const std::uint32_t lv = f["lines"]; lv != npos) {
            const Path lp = p.child("lines");
            if (r_.expect(lv, f.field("lines"), lp) && r_.checkCount(lv, f.field("lines"), lp)) {
                n.lines.reserve(r_.at(lv).count);
                r_.forEachItem(lv, [&](int i, std::uint32_t item) {
                    const Path ip = lp.item(i);
                    if (!r_.expect(item, kMapItem, ip)) return;
                    const TreeReader::Fields lf = r_.readMap(item, MapKind::Line, ip);
                    Line& line = n.lines.emplace_back();
                    r_.getId(lf, "speaker", ip, line.speaker);
                    r_.getId(lf, "expression", ip, line.expression);
                    line.text = r_.getText(lf, "text", ip);
                });
            }
        }
        if (const std::uint32_t cv = f["choices"]; cv != npos) {
            const Path cp = p.child("choices");
            if (r_.expect(cv, f.field("choices"), cp) && r_.checkCount(cv, f.field("choices"), cp)) {
                n.choices.reserve(r_.at(cv).count);
                r_.forEachItem(cv, [&](int i, std::uint32_t item) {
                    readChoice(n, i, item, cp.item(i));
                });
            }
        }
        if (const std::uint32_t tv = f["time_limit"]; tv != npos) {
            const Path tp = p.child("time_limit");
            if (r_.expect(tv, f.field("time_limit"), tp)) n.timeLimit = readTimeLimit(tv, tp);
        }
        if (const std::uint32_t ev = f["ending"]; ev != npos) {
            const Path ep = p.child("ending");
            if (r_.expect(ev, f.field("ending"), ep)) n.ending = readEnding(n, ev, ep);
        }
        const Pos nodePos{n.line, n.column};
        if (f.has("choices") && f.has("ending"))
            r_.sink().error(r_.pos(f.keyOf("ending")), p,
                            "a node has either 'choices' or an 'ending', not both");
        else if (!f.has("choices") && !f.has("ending"))
            r_.sink().error(nodePos, p,
                            "dead end: the node has neither 'choices' nor an 'ending'");
        if (f.has("ending") && f.has("time_limit"))
            r_.sink().error(r_.pos(f.keyOf("time_limit")), p.child("time_limit"),
                            "an ending node cannot have a time limit");
        if (f.has("ending") && f.has("shuffle"))
            r_.sink().warning(r_.pos(f.keyOf("shuffle")), p.child("shuffle"),
                              "'shuffle' has no effect on an ending node (it has no choices)");
    }

    void readChoice(Node& n, int index, std::uint32_t item, const Path& p) {
        if (!r_.expect(item, kMapItem, p)) return;
        Choice& c = n.choices.emplace_back();
        const Pos pos = r_.pos(item);
        c.line = pos.line;
        c.column = pos.column;
        c.nextIndex = kNoNode;
        const TreeReader::Fields f = r_.readMap(item, MapKind::Choice, p);
        if (!r_.getId(f, "id", p, c.id)) c.id = n.id + "." + std::to_string(index);
        const std::uint32_t idNode = f["id"];
        checkUniqueChoiceId(c.id, idNode != npos ? r_.pos(idNode) : pos,
                            idNode != npos ? p.child("id") : p);
        c.text = r_.getText(f, "text", p);
        if (const std::uint32_t v = f["condition"]; v != npos) {
            const Path cp = p.child("condition");
            if (r_.expect(v, f.field("condition"), cp))
                c.condition = validate::parseCondition(r_.tree(), v, known_, r_.sink(), cp);
        }
        if (const std::uint32_t v = f["effects"]; v != npos)
            c.effects = readEffects(v, f.field("effects"), p.child("effects"));
        if (const std::uint32_t v = f["points"]; v != npos)
            c.points = readPoints(v, f.field("points"), p.child("points"));
        c.feedback = r_.getText(f, "feedback", p);
        if (const std::uint32_t v = f["tags"]; v != npos) c.tags = readTags(v, f.field("tags"), p.child("tags"));
        if (const std::uint32_t v = f["next"]; v != npos) {
            const Pos np = r_.pos(f.keyOf("next"));
            c.nextLine = np.line;
            c.nextColumn = np.column;
            c.nextIndex = resolveNode(v, f.field("next"), p.child("next"), c.next);
        }
    }

    TimeLimit readTimeLimit(std::uint32_t v, const Path& p) {
        TimeLimit t;
        t.nextIndex = kNoNode;
        const TreeReader::Fields f = r_.readMap(v, MapKind::TimeLimit, p);
        r_.getInt(f, "seconds", p, t.seconds);
        if (const std::uint32_t nv = f["next"]; nv != npos) {
            const Pos np = r_.pos(f.keyOf("next"));
            t.nextLine = np.line;
            t.nextColumn = np.column;
            t.nextIndex = resolveNode(nv, f.field("next"), p.child("next"), t.next);
        }
        if (const std::uint32_t ev = f["effects"]; ev != npos)
            t.effects = readEffects(ev, f.field("effects"), p.child("effects"));
        if (const std::uint32_t pv = f["points"]; pv != npos)
            t.points = readPoints(pv, f.field("points"), p.child("points"));
        t.feedback = r_.getText(f, "feedback", p);
        if (const std::uint32_t tv = f["tags"]; tv != npos) t.tags = readTags(tv, f.field("tags"), p.child("tags"));
        return t;
    }

    Ending readEnding(const Node& n, std::uint32_t v, const Path& p) {
        Ending e;
        const TreeReader::Fields f = r_.readMap(v, MapKind::Ending, p);
        if (!r_.getId(f, "id", p, e.id)) e.id = n.id;
        r_.getId(f, "kind", p, e.kind);
        e.title = r_.getText(f, "title", p);
        int recommend = 0;
        if (r_.getInt(f, "recommend", p, recommend)) e.recommend = recommend;
        return e;
    }

    std::vector<Effect> readEffects(std::uint32_t v, const FieldSpec& fs, const Path& p) {
        std::vector<Effect> out;
        if (!r_.expect(v, fs, p)) return out;
        out.reserve(r_.at(v).count / 2);
        r_.forEachEntry(v, [&](std::uint32_t k, std::uint32_t value) {
            std::string_view name;
            if (!r_.readKey(k, p, name)) return;
            const Path vp = p.child(name);
            const std::string var(name);
            if (var == "mood" || var == "trust" || s_.counters.count(var) != 0) {
                int n = 0;
                if (r_.parseInt(value, n)) {
                    out.push_back(Effect{var, Effect::Kind::Add, n});
                } else if (r_.at(value).kind != YNode::Kind::Invalid) {
                    r_.sink().error(r_.pos(value), vp,
                                    "'" + var + "' is a number: expected an integer to add, found " +
                                        r_.describe(value));
                }
            } else if (s_.flags.count(var) != 0) {
                bool b = false;
                if (r_.parseBool(value, b)) {
                    out.push_back(Effect{var, Effect::Kind::Set, b ? 1 : 0});
                } else if (r_.at(value).kind != YNode::Kind::Invalid) {
                    r_.sink().error(r_.pos(value), vp,
                                    "'" + var + "' is a flag: expected true or false, found " +
                                        r_.describe(value));
                }
            } else {
                validate::Suggester s(name);
                for (const std::string& known : known_) s.consider(known);
                r_.sink().error(r_.pos(k), vp,
                                "unknown state variable '" + var + "'" + s.hint() +
                                    "; declare it under state.flags or state.counters");
            }
        });
        return out;
    }

    Points readPoints(std::uint32_t v, const FieldSpec& fs, const Path& p) {
        Points out;
        if (!r_.expect(v, fs, p)) return out;
        r_.forEachEntry(v, [&](std::uint32_t k, std::uint32_t value) {
            std::string_view name;
            if (!r_.readKey(k, p, name)) return;
            const Path vp = p.child(name);
            checkPrinciple(name, k, vp);
            int n = 0;
            if (r_.readInt(value, kAnyInt, vp, n)) out.emplace(std::string(name), n);
        });
        return out;
    }

    std::vector<std::string> readTags(std::uint32_t v, const FieldSpec& fs, const Path& p) {
        std::vector<std::string> tags = r_.readIdList(v, fs, p);
        for (const std::string& t : tags) tags_.insert(t);
        return tags;
    }

    void checkUniqueChoiceId(const std::string& id, Pos pos, const Path& p) {
        const auto [it, inserted] = choiceIds_.try_emplace(id, pos.line);
        if (!inserted)
            r_.sink().error(pos, p,
                            "duplicate choice id '" + id + "' (first used on line " +
                                std::to_string(it->second) + "); choice ids must be unique");
    }

    // Reads a node reference; returns its index, or kNoNode (reported) when it names no node.
    std::size_t resolveNode(std::uint32_t v, const FieldSpec& fs, const Path& p, std::string& id) {
        if (!r_.expect(v, fs, p)) return kNoNode;
        id.assign(r_.str(v));
        const auto it = s_.nodeIndex.find(id);
        if (it != s_.nodeIndex.end()) return it->second;
        validate::Suggester s(id);
        for (const Node& n : s_.nodes) s.consider(n.id);
        r_.sink().error(r_.pos(v), p, "unknown node '" + id + "'" + s.hint());
        return kNoNode;
    }

    void readCriticalActions(const TreeReader::Fields& f, const Path& root) {
        const std::uint32_t v = f["critical_actions"];
        const Path p = root.child("critical_actions");
        if (v == npos || !r_.expect(v, f.field("critical_actions"), p)) return;
        std::set<std::string> ids;
        r_.forEachItem(v, [&](int i, std::uint32_t item) {
            const Path ip = p.item(i);
            if (!r_.expect(item, kMapItem, ip)) return;
            const TreeReader::Fields cf = r_.readMap(item, MapKind::CriticalAction, ip);
            CriticalAction& a = s_.criticalActions.emplace_back();
            if (r_.getId(cf, "id", ip, a.id) && !ids.insert(a.id).second)
                r_.sink().error(r_.pos(cf["id"]), ip.child("id"),
                                "duplicate critical action id '" + a.id + "'");
            if (r_.getId(cf, "tag", ip, a.tag) && nodesRead_ && tags_.count(a.tag) == 0) {
                validate::Suggester s(a.tag);
                for (const std::string& t : tags_) s.consider(t);
                r_.sink().error(r_.pos(cf["tag"]), ip.child("tag"),
                                "no choice carries the tag '" + a.tag + "'" + s.hint() +
                                    ", so this critical action can never be met");
            }
            a.label = r_.getText(cf, "label", ip);
            int n = 0;
            if (r_.getInt(cf, "order", ip, n)) a.order = n;
            if (r_.getInt(cf, "deadline", ip, n)) a.deadline = n;
        });
    }

    TreeReader r_;
    Scenario& s_;
    const Catalogue* catalogue_;
    bool nodesRead_ = false;  // false: no usable `nodes`, so references to nodes are not checked
    std::unordered_set<std::string_view> principleIds_;
    std::set<std::string> known_;   // state variables conditions and effects may name
    std::set<std::string> tags_;    // every tag any choice or timeout carries
    std::unordered_map<std::string, int> choiceIds_;  // id -> line of first use
};

}  // namespace

bool ScenarioLoad::ok() const { return scenario != nullptr && !hasErrors(diagnostics); }
bool CatalogueLoad::ok() const { return catalogue != nullptr && !hasErrors(diagnostics); }

ScenarioLoad loadScenarioText(std::string_view bytes, const std::string& fileName,
                              const Catalogue* catalogue) {
    return detail::loadMapDocument<ScenarioLoad>(
        bytes, fileName, "a scenario file is a map of keys (format, id, title, ...)",
        [&](ScenarioLoad& out, const YamlTree& tree, DiagSink& sink) {
            auto scenario = std::make_shared<Scenario>();
            scenario->file = fileName;
            scenario->contentHash = sha256Hex(bytes);
            ScenarioReader(tree, sink, *scenario, catalogue).read();
            out.scenario = std::move(scenario);
        },
        [](ScenarioLoad& out) { out.scenario.reset(); });
}

ScenarioLoad loadScenarioFile(const std::string& path, const Catalogue* catalogue) {
    return detail::loadGuardedDocument<ScenarioLoad>(
        path, [&](const std::string& bytes) { return loadScenarioText(bytes, path, catalogue); });
}

std::string findCatalogueFor(const std::string& scenarioPath) {
    namespace fs = std::filesystem;
    try {
        const fs::path given(scenarioPath);
        fs::path relative = given.parent_path();  // keeps the caller's spelling
        fs::path dir = fs::absolute(given).parent_path();
        for (int level = 0; level < 64; ++level) {
            std::error_code ec;
            if (fs::is_regular_file(dir / "principles.yaml", ec))
                return ((given.is_absolute() ? dir : relative) / "principles.yaml")
                    .lexically_normal()
                    .string();
            if (!dir.has_parent_path() || dir.parent_path() == dir) break;
            dir = dir.parent_path();
            relative /= "..";
        }
    } catch (...) {
    }
    return {};
}

}  // namespace counterplay::core
