// The editor's operations on a node's lines, on endings and on the scenario card, and the
// questions the inspector asks (a fresh choice id, whether a next node closes a loop, the values
// the format allows). Each operation is a short sequence of minimal YamlDocument edits (see
// EditSession.h); the field edits are in EditOperations.cpp.
#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "EditSteps.h"
#include "Schema.h"
#include "counterplay/core/EditSession.h"
#include "counterplay/core/YamlFormat.h"

namespace counterplay::core {

using namespace editsteps;

namespace {

/// The enumeration of `key` in the map kind `kind` of the schema table.
std::vector<std::string> enumOf(schema::MapKind kind, std::string_view key) {
    const schema::MapSpec& spec = schema::spec(kind);
    const int i = spec.indexOf(key);
    std::vector<std::string> out;
    if (i < 0) return out;
    for (std::string_view v : spec.fields[static_cast<std::size_t>(i)].choices) out.emplace_back(v);
    return out;
}

bool allowed(ValueList which, std::string_view value) {
    const std::vector<std::string> values = EditSession::allowedValues(which);
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

/// The YAML body of a new line (without the "- ").
std::string lineBody(const NewLine& line) {
    std::string body;
    if (!line.speaker.empty() && line.speaker != "customer")
        body += "speaker: " + line.speaker + "\n";
    if (!line.expression.empty()) body += "expression: " + line.expression + "\n";
    return body + "text: " + flowText(line.text) + "\n";
}

bool isInteger(std::string_view v) {
    if (v.starts_with('-')) v.remove_prefix(1);
    return !v.empty() && v.size() < 10 &&
           std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t childCount(const YamlDocument& doc, const std::string& path) {
    const int n = doc.find(path);
    return n < 0 ? 0 : doc.nodes()[static_cast<std::size_t>(n)].children.size();
}

}  // namespace

std::vector<std::string> EditSession::allowedValues(ValueList which) {
    switch (which) {
        case ValueList::Speaker:
            return enumOf(schema::MapKind::Line, "speaker");
        case ValueList::Expression:
            return enumOf(schema::MapKind::Line, "expression");
        case ValueList::EndingKind:
            return enumOf(schema::MapKind::Ending, "kind");
        case ValueList::Setting:
            return enumOf(schema::MapKind::Scenario, "setting");
    }
    return {};
}

// ---- lines -----------------------------------------------------------------------------------

bool EditSession::addLine(const std::string& node, int index, const NewLine& line) {
    const std::string np = nodePath(node);
    return edit(label("대사 추가", "add a line"), node, [&](Draft& d) {
        if (!line.speaker.empty() && !allowed(ValueList::Speaker, line.speaker))
            return d.fail("speaker: '" + line.speaker + "' is not one of " +
                          joined(allowedValues(ValueList::Speaker)));
        if (!line.expression.empty() && !allowed(ValueList::Expression, line.expression))
            return d.fail("expression: '" + line.expression + "' is not one of " +
                          joined(allowedValues(ValueList::Expression)));
        const YamlDocument& doc = d.doc();
        if (doc.find(np) < 0) return d.fail("no node '" + node + "'");
        const int list = doc.find(np + ".lines");
        if (list < 0 || doc.nodes()[static_cast<std::size_t>(list)].children.empty()) {
            if (list >= 0 && !d.step(doc.remove(np + ".lines"))) return false;
            return d.step(d.doc().insertBlockEntry(np, "lines", asItem(lineBody(line)), false,
                                                   beforeKeyFor(d.doc(), np, "lines")));
        }
        if (index < 0 || static_cast<std::size_t>(index) > childCount(doc, np + ".lines"))
            return d.fail("no position " + std::to_string(index));
        return d.step(
            doc.insertItem(np + ".lines", static_cast<std::size_t>(index), lineBody(line)));
    });
}

bool EditSession::deleteLine(const std::string& node, int index) {
    const std::string lp = linePath(node, index);
    return edit(label("대사 삭제", "delete a line"), node, [&](Draft& d) {
        if (d.doc().find(lp) < 0)
            return d.fail("node '" + node + "' has no line " + std::to_string(index));
        if (childCount(d.doc(), nodePath(node) + ".lines") < 2)
            return d.fail("node '" + node + "' needs at least one line");
        return d.step(d.doc().remove(lp));
    });
}

bool EditSession::moveLine(const std::string& node, int from, int to) {
    const std::string lp = nodePath(node) + ".lines";
    return edit(label("대사 순서 바꾸기", "reorder the lines"), node, [&](Draft& d) {
        if (from < 0 || to < 0) return d.fail("position out of range");
        return d.step(
            d.doc().move(lp, static_cast<std::size_t>(from), static_cast<std::size_t>(to)));
    });
}

bool EditSession::setSpeaker(const std::string& node, int line, std::string_view speaker) {
    const std::string lp = linePath(node, line);
    return edit(label("말하는 사람 바꾸기", "change the speaker"), node, [&](Draft& d) {
        if (d.doc().find(lp) < 0)
            return d.fail("node '" + node + "' has no line " + std::to_string(line));
        if (speaker.empty() || speaker == "customer") return removeIfPresent(d, lp + ".speaker");
        if (!allowed(ValueList::Speaker, speaker))
            return d.fail("speaker: '" + std::string(speaker) + "' is not one of " +
                          joined(allowedValues(ValueList::Speaker)));
        return setOrInsert(d, lp, "speaker", std::string(speaker));
    });
}

// ---- endings ---------------------------------------------------------------------------------

bool EditSession::setEndingKind(const std::string& node, std::string_view kind) {
    const std::string ep = nodePath(node) + ".ending";
    return edit(label("엔딩 종류 바꾸기", "change the ending kind"), node, [&](Draft& d) {
        if (d.doc().find(ep) < 0) return d.fail("node '" + node + "' is not an ending");
        if (!allowed(ValueList::EndingKind, kind))
            return d.fail("kind: '" + std::string(kind) + "' is not one of " +
                          joined(allowedValues(ValueList::EndingKind)));
        return setOrInsert(d, ep, "kind", std::string(kind));
    });
}

bool EditSession::makeEnding(const std::string& node, std::string_view kind, const Text& title) {
    const std::string np = nodePath(node);
    return edit(label("엔딩으로 바꾸기 '" + node + "'", "make '" + node + "' an ending"), node,
                [&](Draft& d) {
                    if (d.doc().find(np) < 0) return d.fail("no node '" + node + "'");
                    if (d.doc().find(np + ".ending") >= 0)
                        return d.fail("node '" + node + "' is already an ending");
                    if (!allowed(ValueList::EndingKind, kind))
                        return d.fail("kind: '" + std::string(kind) + "' is not one of " +
                                      joined(allowedValues(ValueList::EndingKind)));
                    for (const char* key : {"choices", "time_limit", "shuffle"})
                        if (!removeIfPresent(d, np + "." + key)) return false;
                    const std::string body =
                        "kind: " + std::string(kind) + "\ntitle: " + flowText(title) + "\n";
                    return d.step(d.doc().insertBlockEntry(np, "ending", body, false,
                                                           beforeKeyFor(d.doc(), np, "ending")));
                });
}

bool EditSession::makeChoiceNode(const std::string& node, const NewChoice& choice) {
    const std::string np = nodePath(node);
    return edit(label("선택지 노드로 바꾸기 '" + node + "'", "give '" + node + "' choices"), node,
                [&](Draft& d) {
                    if (d.doc().find(np + ".ending") < 0)
                        return d.fail("node '" + node + "' is not an ending");
                    if (!choice.id.empty() && !checkId(d, choice.id, "choice id")) return false;
                    if (!checkId(d, choice.next, "next")) return false;
                    if (!d.step(d.doc().remove(np + ".ending"))) return false;
                    const std::string item =
                        asItem(choiceBody(choice.id, choice.text, choice.feedback, choice.next));
                    return d.step(d.doc().insertBlockEntry(np, "choices", item, false,
                                                           beforeKeyFor(d.doc(), np, "choices")));
                });
}

// ---- the scenario card -----------------------------------------------------------------------

bool EditSession::setScenarioField(std::string_view key, std::string_view value) {
    const std::string k(key), v(value);
    return edit(
        label("시나리오 정보 편집 (" + k + ")", "edit the scenario's " + k), "", [&](Draft& d) {
            if (k == "setting") {
                if (!allowed(ValueList::Setting, v))
                    return d.fail("setting: '" + v + "' is not one of " +
                                  joined(allowedValues(ValueList::Setting)));
                return setOrInsert(d, "", "setting", v);
            }
            const bool optional = k == "pass_threshold";
            if (k != "difficulty" && !optional && k != "customer.mood" && k != "customer.trust")
                return d.fail("'" + k + "' is not a field the scenario card edits");
            if (optional && v.empty()) return removeIfPresent(d, k);
            if (!isInteger(v)) return d.fail(k + ": '" + v + "' is not a whole number");
            const std::size_t dot = k.find('.');
            if (dot == std::string::npos) return setOrInsert(d, "", k, v);
            return setOrInsert(d, k.substr(0, dot), k.substr(dot + 1), v);
        });
}

bool EditSession::setPrinciples(const std::vector<std::string>& ids) {
    return edit(label("시나리오 원칙 편집", "edit the scenario's principles"), "", [&](Draft& d) {
        if (ids.empty()) return d.fail("a scenario lists at least one principle");
        for (const std::string& id : ids)
            if (!checkId(d, id, "principle")) return false;
        return setList(d, "", "principles", ids);
    });
}

// ---- questions -------------------------------------------------------------------------------

std::string EditSession::freshChoiceId(const std::string& node) const {
    std::set<std::string> taken;
    std::size_t count = 0;
    if (const Scenario* sc = load_.scenario.get()) {
        for (const Node& n : sc->nodes)
            for (const Choice& c : n.choices) taken.insert(c.id);
        if (const Node* n = sc->findNode(node)) count = n->choices.size();
    }
    for (std::size_t k = count + 1;; ++k) {
        std::string id = node + ".choice-" + std::to_string(k);
        if (!taken.count(id)) return id;
    }
}

bool EditSession::makesLoop(const std::string& from, const std::string& target) const {
    return loopTargets(from).count(target) > 0;
}

std::set<std::string> EditSession::loopTargets(const std::string& from) const {
    std::set<std::string> reaching{from};
    const Scenario* sc = load_.scenario.get();
    if (!sc) return reaching;
    std::map<std::string, std::vector<std::string>> into;  // node -> the nodes leading to it
    for (const Node& n : sc->nodes) {
        for (const Choice& c : n.choices) into[c.next].push_back(n.id);
        if (n.timeLimit) into[n.timeLimit->next].push_back(n.id);
    }
    std::deque<std::string> queue{from};
    while (!queue.empty()) {
        const auto it = into.find(queue.front());
        queue.pop_front();
        if (it == into.end()) continue;
        for (const std::string& prev : it->second)
            if (reaching.insert(prev).second) queue.push_back(prev);
    }
    return reaching;
}

}  // namespace counterplay::core
