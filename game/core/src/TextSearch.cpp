// Search and replace over a scenario's texts and ids (see TextSearch.h).
#include "counterplay/core/TextSearch.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace counterplay::core {
namespace {

char foldAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string folded(std::string_view s, bool ignoreCase) {
    std::string out(s);
    if (ignoreCase) std::transform(out.begin(), out.end(), out.begin(), foldAscii);
    return out;
}

/// The non-overlapping occurrences of `query` in `text` (byte offsets).
std::vector<std::size_t> occurrences(std::string_view text, std::string_view query,
                                     const SearchOptions& o) {
    std::vector<std::size_t> out;
    if (query.empty()) return out;
    const std::string t = folded(text, o.ignoreCase), q = folded(query, o.ignoreCase);
    if (o.wholeField) {
        if (t == q) out.push_back(0);
        return out;
    }
    for (std::size_t at = t.find(q); at != std::string::npos; at = t.find(q, at + q.size()))
        out.push_back(at);
    return out;
}

/// Collects the matches of one scenario in file order.
class Finder {
public:
    Finder(std::string_view query, const SearchOptions& o) : query_(query), o_(o) {}

    void text(const TextLocation& where, const std::string& path, const Text& t) {
        if (o_.ko) add(where, Lang::Ko, path, t.ko);
        if (o_.en) add(where, Lang::En, path, t.en);
    }
    void id(const TextLocation& where, const std::string& path, const std::string& id) {
        if (!o_.ids) return;
        for (std::size_t at : occurrences(id, query_, o_))
            out_.push_back({where, std::nullopt, path, id, at, query_.size()});
    }
    std::vector<TextMatch> take() { return std::move(out_); }

private:
    void add(const TextLocation& where, Lang lang, const std::string& path,
             const std::string& text) {
        for (std::size_t at : occurrences(text, query_, o_))
            out_.push_back(
                {where, lang, path, text, at, o_.wholeField ? text.size() : query_.size()});
    }

    std::string_view query_;
    const SearchOptions& o_;
    std::vector<TextMatch> out_;
};

/// Parses "[3]" at `at`; the index or -1.
int bracketIndex(std::string_view s, std::size_t& at) {
    if (at >= s.size() || s[at] != '[') return -1;
    const std::size_t end = s.find(']', at);
    if (end == std::string_view::npos) return -1;
    int v = 0;
    for (std::size_t i = at + 1; i < end; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    at = end + 1;
    return v;
}

}  // namespace

TextLocation locateTextPath(std::string_view path) {
    TextLocation loc;
    if (path == "title")
        loc.field = TextField::Title;
    else if (path == "summary")
        loc.field = TextField::Summary;
    else if (path == "customer.name")
        loc.field = TextField::CustomerName;
    if (loc.field != TextField::Other) return loc;
    std::size_t at = 0;
    if (path.starts_with("nodes[\"")) {
        const std::size_t end = path.find("\"]", 7);
        if (end == std::string_view::npos) return loc;
        loc.node = std::string(path.substr(7, end - 7));
        at = end + 2;
    } else if (path.starts_with("nodes.")) {
        const std::size_t end = path.find_first_of(".[", 6);
        loc.node = std::string(path.substr(6, end == std::string_view::npos ? end : end - 6));
        at = end == std::string_view::npos ? path.size() : end;
    } else {
        return loc;
    }
    const std::string_view rest = path.substr(at);
    auto indexed = [&](std::string_view prefix, std::string_view suffix, TextField field) {
        if (!rest.starts_with(prefix)) return false;
        std::size_t i = prefix.size() - 1;  // the '['
        const int index = bracketIndex(rest, i);
        if (index < 0 || rest.substr(i) != suffix) return false;
        loc.field = field;
        loc.index = index;
        return true;
    };
    if (rest.empty()) {
        loc.field = TextField::NodeId;
    } else if (indexed(".lines[", ".text", TextField::Line) ||
               indexed(".choices[", ".text", TextField::Choice) ||
               indexed(".choices[", ".feedback", TextField::Feedback) ||
               indexed(".choices[", ".id", TextField::ChoiceId)) {
    } else if (rest == ".time_limit.feedback") {
        loc.field = TextField::Feedback;
        loc.index = kTimeoutChoice;
    } else if (rest == ".ending.title") {
        loc.field = TextField::EndingTitle;
    }
    if (loc.field == TextField::Other) loc.node.clear();
    return loc;
}

std::vector<TextMatch> findText(const Scenario& sc, std::string_view query,
                                const SearchOptions& o) {
    Finder f(query, o);
    f.text({TextField::Title, "", -1}, "title", sc.title);
    f.text({TextField::Summary, "", -1}, "summary", sc.summary);
    f.text({TextField::CustomerName, "", -1}, "customer.name", sc.customer.name);
    for (const Node& n : sc.nodes) {
        const std::string np = EditSession::nodePath(n.id);
        f.id({TextField::NodeId, n.id, -1}, np, n.id);
        for (std::size_t i = 0; i < n.lines.size(); ++i) {
            const int li = static_cast<int>(i);
            f.text({TextField::Line, n.id, li}, EditSession::linePath(n.id, li) + ".text",
                   n.lines[i].text);
        }
        for (std::size_t i = 0; i < n.choices.size(); ++i) {
            const int ci = static_cast<int>(i);
            const Choice& c = n.choices[i];
            const std::string cp = EditSession::choicePath(n.id, ci);
            // Only ids written in the file: the default "<node>.<index>" is not text to replace.
            if (c.id != n.id + "." + std::to_string(i))
                f.id({TextField::ChoiceId, n.id, ci}, cp + ".id", c.id);
            f.text({TextField::Choice, n.id, ci}, cp + ".text", c.text);
            if (o.feedback) f.text({TextField::Feedback, n.id, ci}, cp + ".feedback", c.feedback);
        }
        if (n.timeLimit && o.feedback)
            f.text({TextField::Feedback, n.id, kTimeoutChoice}, np + ".time_limit.feedback",
                   n.timeLimit->feedback);
        if (n.ending)
            f.text({TextField::EndingTitle, n.id, -1}, np + ".ending.title", n.ending->title);
    }
    return f.take();
}

std::vector<BatchEdit> replacementEdits(const std::vector<TextMatch>& matches,
                                        std::string_view query, std::string_view with,
                                        const SearchOptions& o, int* replaced) {
    if (replaced) *replaced = 0;
    // Group the occurrences by field (path and language), keeping the fields in match order.
    using Key = std::tuple<std::string, int>;
    std::map<Key, std::size_t> slot;
    std::vector<std::pair<const TextMatch*, std::vector<std::size_t>>> fields;
    for (const TextMatch& m : matches) {
        const Key key{m.path, m.lang ? static_cast<int>(*m.lang) : -1};
        auto [it, fresh] = slot.emplace(key, fields.size());
        if (fresh) fields.push_back({&m, {}});
        fields[it->second].second.push_back(m.offset);
    }
    std::vector<BatchEdit> out;
    for (auto& [m, offsets] : fields) {
        std::sort(offsets.begin(), offsets.end());
        offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
        const std::vector<std::size_t> still = occurrences(m->text, query, o);
        std::string text = m->text;
        bool any = false;
        for (auto it = offsets.rbegin(); it != offsets.rend(); ++it) {
            if (std::find(still.begin(), still.end(), *it) == still.end()) continue;
            const std::size_t length = o.wholeField ? text.size() : query.size();
            text.replace(*it, length, with);
            any = true;
            if (replaced) ++*replaced;
        }
        if (!any) continue;
        BatchEdit e;
        e.value = text;
        switch (m->where.field) {
            case TextField::NodeId:
                e.kind = BatchEdit::Kind::NodeId;
                e.node = m->where.node;
                break;
            case TextField::ChoiceId:
                e.kind = BatchEdit::Kind::ChoiceId;
                e.node = m->where.node;
                e.choice = m->where.index;
                break;
            default:
                e.kind = BatchEdit::Kind::Text;
                e.path = m->path;
                e.lang = m->lang.value_or(Lang::En);
                break;
        }
        out.push_back(std::move(e));
    }
    return out;
}

bool replaceMatches(EditSession& session, const std::vector<TextMatch>& matches,
                    std::string_view query, std::string_view with, const SearchOptions& o,
                    int& replaced, std::string& error) {
    replaced = 0;
    // Only the occurrences the scenario still has: a field edited since the search is left alone.
    const std::shared_ptr<const Scenario> sc = session.scenario();
    const std::vector<TextMatch> now = sc ? findText(*sc, query, o) : std::vector<TextMatch>{};
    std::vector<TextMatch> current;
    for (const TextMatch& m : matches)
        for (const TextMatch& n : now)
            if (n.path == m.path && n.lang == m.lang && n.offset == m.offset && n.text == m.text) {
                current.push_back(n);
                break;
            }
    int count = 0;
    const std::vector<BatchEdit> edits = replacementEdits(current, query, with, o, &count);
    if (edits.empty()) {
        error = "nothing to replace: the text changed since the search";
        return false;
    }
    const std::string q(query), w(with);
    const Text label = current.size() == 1 ? Text{"바꾸기 '" + q + "' → '" + w + "'",
                                                  "replace '" + q + "' with '" + w + "'"}
                                           : Text{"모두 바꾸기 '" + q + "' → '" + w + "'",
                                                  "replace all '" + q + "' with '" + w + "'"};
    std::string focus = current.front().where.node;
    if (current.front().where.field == TextField::NodeId && edits.size() == 1)
        focus = edits.front().value;
    if (!session.applyBatch(edits, label, focus)) {
        error = session.lastError();
        return false;
    }
    replaced = count;
    return true;
}

}  // namespace counterplay::core
