// The editor's operations (see EditSession.h): each one is a short sequence of YamlDocument
// minimal edits, so that only the lines it concerns change. Keys are inserted in the schema's
// order when the map is written in it (before the first later key that exists).
#include <algorithm>
#include <set>

#include "EditDraft.h"
#include "Validator.h"
#include "counterplay/core/EditSession.h"
#include "counterplay/core/YamlFormat.h"

namespace counterplay::core {

namespace {

using Draft = EditSession::Draft;

// The documented key order of a choice and of a time limit (docs/scenario-format.md).
const std::vector<std::string> kChoiceOrder = {"id",     "text",     "condition", "effects",
                                               "points", "feedback", "tags",      "next"};
const std::vector<std::string> kTimeoutOrder = {"seconds", "next",     "effects",
                                                "points",  "feedback", "tags"};

std::string childPath(const std::string& parent, const std::string& key) {
    if (key.find_first_of(".[]") != std::string::npos) return parent + "[\"" + key + "\"]";
    return parent + "." + key;
}

std::string quoted(const std::string& v) { return YamlDocument::doubleQuoted(v); }

std::string plainOrQuoted(const std::string& v) {
    return YamlDocument::canBePlain(v, true) ? v : quoted(v);
}

std::string flowText(const Text& t) {
    return "{ko: " + quoted(t.ko) + ", en: " + quoted(t.en) + "}";
}

/// The first key after `key` in `order` that the map at `mapPath` has: insert before it.
std::string beforeKeyFor(const YamlDocument& doc, const std::string& mapPath,
                         const std::string& key, const std::vector<std::string>& order) {
    const int m = doc.find(mapPath);
    auto it = std::find(order.begin(), order.end(), key);
    if (m < 0 || it == order.end()) return {};
    for (++it; it != order.end(); ++it)
        if (doc.child(m, *it) >= 0) return *it;
    return {};
}

const std::vector<std::string>& orderFor(const std::string& mapPath) {
    return mapPath.ends_with(".time_limit") ? kTimeoutOrder : kChoiceOrder;
}

/// Sets `mapPath.key` to a scalar, adding the key (in schema order) when missing.
bool setOrInsert(Draft& d, const std::string& mapPath, const std::string& key,
                 const std::string& value) {
    const YamlDocument& doc = d.doc();
    if (doc.find(mapPath) < 0) return d.fail("nothing at " + mapPath);
    const std::string path = childPath(mapPath, key);
    if (doc.find(path) >= 0) return d.step(doc.setScalar(path, value));
    return d.step(
        doc.insertScalarEntry(mapPath, key, value, beforeKeyFor(doc, mapPath, key, orderFor(mapPath))));
}

/// Removes `path` when it exists.
bool removeIfPresent(Draft& d, const std::string& path) {
    const YamlDocument& doc = d.doc();
    if (doc.find(path) < 0) return true;
    return d.step(doc.remove(path));
}

/// Replaces the map `mapPath.key` with `entries` (key, value as YAML), keeping a block map's
/// unchanged lines: only changed values, removed keys and added keys are touched.
bool setMap(Draft& d, const std::string& mapPath, const std::string& key,
            const std::vector<std::pair<std::string, std::string>>& entries) {
    const std::string path = childPath(mapPath, key);
    if (d.doc().find(mapPath) < 0) return d.fail("nothing at " + mapPath);
    if (entries.empty()) return removeIfPresent(d, path);
    std::string flow = "{";
    for (std::size_t i = 0; i < entries.size(); ++i)
        flow += (i ? ", " : "") + plainOrQuoted(entries[i].first) + ": " + entries[i].second;
    flow += "}";
    const YamlDocument& doc = d.doc();
    const int n = doc.find(path);
    if (n < 0)
        return d.step(
            doc.insertRawEntry(mapPath, key, flow, beforeKeyFor(doc, mapPath, key, orderFor(mapPath))));
    const DocNode& node = doc.nodes()[n];
    if (node.kind != DocNode::Kind::Map || node.flow) return d.step(doc.replaceRaw(path, flow));
    // A block map: entry by entry.
    std::vector<std::string> existing;
    for (int c : node.children) existing.push_back(doc.nodes()[c].key);
    for (auto it = existing.rbegin(); it != existing.rend(); ++it) {
        const bool kept = std::any_of(entries.begin(), entries.end(),
                                      [&](const auto& e) { return e.first == *it; });
        if (!kept && !d.step(d.doc().remove(childPath(path, *it)))) return false;
    }
    for (const auto& [k, v] : entries) {
        const YamlDocument& now = d.doc();
        const int c = now.find(childPath(path, k));
        if (c >= 0) {
            if (now.nodes()[c].value != v && !d.step(now.setScalar(childPath(path, k), v)))
                return false;
        } else if (!d.step(now.insertScalarEntry(path, k, v))) {
            return false;
        }
    }
    return true;
}

/// Replaces the list `mapPath.key` with `items` (block lists item by item).
bool setList(Draft& d, const std::string& mapPath, const std::string& key,
             const std::vector<std::string>& items) {
    const std::string path = childPath(mapPath, key);
    if (d.doc().find(mapPath) < 0) return d.fail("nothing at " + mapPath);
    if (items.empty()) return removeIfPresent(d, path);
    std::string flow = "[";
    for (std::size_t i = 0; i < items.size(); ++i) flow += (i ? ", " : "") + plainOrQuoted(items[i]);
    flow += "]";
    const YamlDocument& doc = d.doc();
    const int n = doc.find(path);
    if (n < 0)
        return d.step(
            doc.insertRawEntry(mapPath, key, flow, beforeKeyFor(doc, mapPath, key, orderFor(mapPath))));
    const DocNode& node = doc.nodes()[n];
    if (node.kind != DocNode::Kind::Sequence || node.flow) return d.step(doc.replaceRaw(path, flow));
    const std::size_t had = node.children.size();
    for (std::size_t i = had; i-- > items.size();)
        if (!d.step(d.doc().remove(path + "[" + std::to_string(i) + "]"))) return false;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const YamlDocument& now = d.doc();
        const std::string item = path + "[" + std::to_string(i) + "]";
        if (i < had) {
            if (now.nodes()[now.find(item)].value != items[i] && !d.step(now.setScalar(item, items[i])))
                return false;
        } else if (!d.step(now.insertItem(path, i, items[i]))) {
            return false;
        }
    }
    return true;
}

/// "- " + body, the body's other lines indented under the dash.
std::string asItem(const std::string& body) {
    std::string out = "- ";
    for (std::size_t i = 0; i < body.size(); ++i) {
        out += body[i];
        if (body[i] == '\n' && i + 1 < body.size()) out += "  ";
    }
    return out;
}

/// True when the nodes of `nodes:` are separated by blank lines (the canonical layout).
bool nodesSpaced(const YamlDocument& doc) {
    const int m = doc.child(0, "nodes");
    if (m < 0 || doc.nodes()[m].children.size() < 2) return true;
    const std::size_t b = doc.nodes()[doc.nodes()[m].children[1]].lineBegin;
    return b >= 2 && doc.bytes()[b - 1] == '\n' && doc.bytes()[b - 2] == '\n';
}

bool checkId(Draft& d, const std::string& id, const char* what) {
    if (!validate::isId(id)) return d.fail(std::string(what) + ": " + validate::notAnIdMessage(id));
    return true;
}

/// The node id a document path is inside ("nodes.a.choices[0]" -> "a"), or "".
std::string nodeOfPath(const std::string& path) {
    if (path.starts_with("nodes[\"")) {
        const std::size_t end = path.find("\"]", 7);
        return end == std::string::npos ? "" : path.substr(7, end - 7);
    }
    if (!path.starts_with("nodes.")) return "";
    const std::size_t end = path.find_first_of(".[", 6);
    return path.substr(6, end == std::string::npos ? std::string::npos : end - 6);
}

Text label(const std::string& ko, const std::string& en) { return Text{ko, en}; }

}  // namespace

std::string EditSession::branchFocus(const BranchRef& where) const { return where.node; }

// ---- fields ----------------------------------------------------------------------------------

bool EditSession::setText(const std::string& textPath, Lang lang, std::string_view value) {
    const std::string code = langCode(lang);
    return edit(
        label("텍스트 편집", "edit text"), nodeOfPath(textPath),
        [&](Draft& d) {
            const YamlDocument& doc = d.doc();
            const int t = doc.find(textPath);
            if (t >= 0 && doc.nodes()[t].kind == DocNode::Kind::Map) {
                if (doc.child(t, code) >= 0)
                    return d.step(doc.setScalar(textPath + "." + code, value));
                return d.step(doc.insertScalarEntry(textPath, code, value,
                                                    lang == Lang::Ko ? "en" : ""));
            }
            if (t >= 0) return d.fail(textPath + " is not a {ko, en} text");
            const std::size_t dot = textPath.rfind('.');
            if (dot == std::string::npos) return d.fail("nothing at " + textPath);
            const std::string parent = textPath.substr(0, dot);
            const std::string key = textPath.substr(dot + 1);
            if (doc.find(parent) < 0) return d.fail("nothing at " + parent);
            return d.step(doc.insertRawEntry(
                parent, key, "{" + code + ": " + quoted(std::string(value)) + "}",
                beforeKeyFor(doc, parent, key, orderFor(parent))));
        },
        "text:" + textPath + "." + code);
}

namespace {
Node* modelNode(Scenario& sc, const std::string& id) {
    auto it = sc.nodeIndex.find(id);
    return it == sc.nodeIndex.end() || it->second >= sc.nodes.size() ? nullptr
                                                                       : &sc.nodes[it->second];
}
}  // namespace

bool EditSession::setLineText(const std::string& node, int line, Lang lang,
                              std::string_view value) {
    const std::string path = linePath(node, line) + ".text";
    focus_ = node;
    if (fastText(path, lang, value, [&](Scenario& sc) -> Text* {
            Node* n = modelNode(sc, node);
            return n && line >= 0 && static_cast<std::size_t>(line) < n->lines.size()
                       ? &n->lines[static_cast<std::size_t>(line)].text
                       : nullptr;
        }))
        return true;
    return setText(path, lang, value);
}

bool EditSession::setChoiceText(const std::string& node, int choice, Lang lang,
                                std::string_view value) {
    const std::string path = choicePath(node, choice) + ".text";
    focus_ = node;
    if (fastText(path, lang, value, [&](Scenario& sc) -> Text* {
            Node* n = modelNode(sc, node);
            return n && choice >= 0 && static_cast<std::size_t>(choice) < n->choices.size()
                       ? &n->choices[static_cast<std::size_t>(choice)].text
                       : nullptr;
        }))
        return true;
    return setText(path, lang, value);
}

bool EditSession::setFeedback(const BranchRef& where, Lang lang, std::string_view value) {
    const std::string path = branchPath(where) + ".feedback";
    focus_ = where.node;
    if (fastText(path, lang, value, [&](Scenario& sc) -> Text* {
            Node* n = modelNode(sc, where.node);
            if (!n) return nullptr;
            if (where.choice == kTimeoutChoice) return n->timeLimit ? &n->timeLimit->feedback : nullptr;
            return where.choice >= 0 && static_cast<std::size_t>(where.choice) < n->choices.size()
                       ? &n->choices[static_cast<std::size_t>(where.choice)].feedback
                       : nullptr;
        }))
        return true;
    return setText(path, lang, value);
}

bool EditSession::setExpression(const std::string& node, int line, std::string_view expression) {
    const std::string lp = linePath(node, line);
    return edit(
        label("표정 바꾸기", "set the expression"), node,
        [&](Draft& d) {
            const YamlDocument& doc = d.doc();
            if (doc.find(lp) < 0) return d.fail("node '" + node + "' has no line " + std::to_string(line));
            if (expression.empty()) return removeIfPresent(d, lp + ".expression");
            if (doc.find(lp + ".expression") >= 0)
                return d.step(doc.setScalar(lp + ".expression", expression));
            return d.step(doc.insertScalarEntry(lp, "expression", expression, "text"));
        },
        "expr:" + lp);
}

bool EditSession::setCondition(const std::string& node, int choice, std::string_view source) {
    const std::string cp = choicePath(node, choice);
    return edit(
        label("조건 편집", "edit the condition"), node,
        [&](Draft& d) {
            if (d.doc().find(cp) < 0)
                return d.fail("node '" + node + "' has no choice " + std::to_string(choice));
            if (source.empty()) return removeIfPresent(d, cp + ".condition");
            return setOrInsert(d, cp, "condition", std::string(source));
        },
        "cond:" + cp);
}

bool EditSession::setNext(const BranchRef& where, std::string_view target) {
    const std::string bp = branchPath(where);
    return edit(label("다음 노드 바꾸기", "change the next node"), where.node, [&](Draft& d) {
        if (!checkId(d, std::string(target), "next")) return false;
        return setOrInsert(d, bp, "next", std::string(target));
    });
}

bool EditSession::setEffects(const BranchRef& where, const std::vector<Effect>& effects) {
    if (fullLoadPending_) reloadModel();  // the flags are read from the model of this text
    std::vector<std::pair<std::string, std::string>> entries;
    const Scenario* sc = load_.scenario.get();
    for (const Effect& e : effects) {
        const bool flag = sc && sc->flags.count(e.variable);
        entries.emplace_back(e.variable, flag ? (e.value ? "true" : "false") : std::to_string(e.value));
    }
    const std::string bp = branchPath(where);
    return edit(label("효과 편집", "edit the effects"), where.node,
                [&](Draft& d) { return setMap(d, bp, "effects", entries); });
}

bool EditSession::setPoints(const BranchRef& where, const Points& points) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const auto& [id, pts] : points) entries.emplace_back(id, std::to_string(pts));
    const std::string bp = branchPath(where);
    return edit(label("점수 편집", "edit the points"), where.node,
                [&](Draft& d) { return setMap(d, bp, "points", entries); });
}

bool EditSession::setTags(const BranchRef& where, const std::vector<std::string>& tags) {
    const std::string bp = branchPath(where);
    return edit(label("태그 편집", "edit the tags"), where.node, [&](Draft& d) {
        for (const std::string& t : tags)
            if (!checkId(d, t, "tag")) return false;
        return setList(d, bp, "tags", tags);
    });
}

bool EditSession::setChoiceId(const std::string& node, int choice, std::string_view id) {
    const std::string cp = choicePath(node, choice);
    return edit(label("선택지 id 바꾸기", "change the choice id"), node, [&](Draft& d) {
        if (!checkId(d, std::string(id), "choice id")) return false;
        const YamlDocument& doc = d.doc();
        const int c = doc.find(cp);
        if (c < 0) return d.fail("node '" + node + "' has no choice " + std::to_string(choice));
        if (doc.find(cp + ".id") >= 0) return d.step(doc.setScalar(cp + ".id", id));
        const auto& kids = doc.nodes()[c].children;
        return d.step(doc.insertScalarEntry(cp, "id", id,
                                            kids.empty() ? "" : doc.nodes()[kids.front()].key));
    });
}

bool EditSession::setTimeLimit(const std::string& node, int seconds, std::string_view next) {
    const std::string np = nodePath(node);
    return edit(label("시간 제한 설정", "set the time limit"), node, [&](Draft& d) {
        const YamlDocument& doc = d.doc();
        if (doc.find(np) < 0) return d.fail("no node '" + node + "'");
        if (doc.find(np + ".time_limit") >= 0)
            return setOrInsert(d, np + ".time_limit", "seconds", std::to_string(seconds));
        if (next.empty()) return d.fail("a new time limit needs the node its timeout leads to");
        if (!checkId(d, std::string(next), "next")) return false;
        const std::string body = "seconds: " + std::to_string(seconds) + "\nnext: " +
                                 std::string(next) + "\nfeedback: {ko: \"\", en: \"\"}\n";
        return d.step(doc.insertBlockEntry(np, "time_limit", body, false, "choices"));
    });
}

bool EditSession::removeTimeLimit(const std::string& node) {
    const std::string tp = nodePath(node) + ".time_limit";
    return edit(label("시간 제한 없애기", "remove the time limit"), node, [&](Draft& d) {
        if (d.doc().find(tp) < 0) return d.fail("node '" + node + "' has no time limit");
        return d.step(d.doc().remove(tp));
    });
}

// ---- nodes -----------------------------------------------------------------------------------

bool EditSession::addNode(const NewNode& n) {
    return edit(label("노드 추가 '" + n.id + "'", "add node '" + n.id + "'"), n.id, [&](Draft& d) {
        if (!checkId(d, n.id, "node id")) return false;
        const YamlDocument& doc = d.doc();
        if (doc.find(nodePath(n.id)) >= 0) return d.fail("a node '" + n.id + "' already exists");
        std::string body = "lines:\n  - ";
        if (n.speaker != "customer") body += "speaker: " + n.speaker + "\n    ";
        body += "text: " + flowText(n.line) + "\n";
        if (n.ending) {
            body += "ending:\n  kind: " + n.endingKind + "\n  title: " + flowText(n.endingTitle) + "\n";
        } else {
            if (!checkId(d, n.next, "next")) return false;
            std::string item = asItem(choiceBody("", n.choiceText, n.choiceFeedback, n.next));
            body += "choices:\n";
            for (std::size_t pos = 0; pos < item.size();) {
                std::size_t nl = item.find('\n', pos);
                if (nl == std::string::npos) nl = item.size() - 1;
                body += "  " + item.substr(pos, nl + 1 - pos);
                pos = nl + 1;
            }
        }
        return d.step(doc.insertBlockEntry("nodes", n.id, body, nodesSpaced(doc)));
    });
}

bool EditSession::duplicateNode(const std::string& from, const std::string& to) {
    return edit(label("노드 복제 '" + from + "' → '" + to + "'",
                      "duplicate node '" + from + "' as '" + to + "'"),
                to, [&](Draft& d) {
                    if (!checkId(d, to, "node id")) return false;
                    if (!d.step(d.doc().duplicateNode(from, to))) return false;
                    std::set<std::string> ids;
                    if (const Scenario* sc = d.scenario())
                        for (const Node& node : sc->nodes)
                            for (const Choice& c : node.choices) ids.insert(c.id);
                    const int list = d.doc().find(nodePath(to) + ".choices");
                    const std::size_t count =
                        list < 0 ? 0 : d.doc().nodes()[list].children.size();
                    for (std::size_t i = 0; i < count; ++i) {
                        const std::string idPath = choicePath(to, static_cast<int>(i)) + ".id";
                        const int idNode = d.doc().find(idPath);
                        if (idNode < 0) continue;
                        const std::string old = d.doc().nodes()[idNode].value;
                        std::string fresh;
                        for (int k = 2; fresh.empty() || ids.count(fresh); ++k)
                            fresh = old + "-" + std::to_string(k);
                        ids.insert(fresh);
                        if (!d.step(d.doc().setScalar(idPath, fresh))) return false;
                    }
                    return true;
                });
}

bool EditSession::renameNode(const std::string& from, const std::string& to) {
    return edit(label("노드 이름 바꾸기 '" + from + "' → '" + to + "'",
                      "rename node '" + from + "' to '" + to + "'"),
                to, [&](Draft& d) {
                    if (!checkId(d, to, "node id")) return false;
                    return d.step(d.doc().renameNode(from, to));
                });
}

DeletePreview EditSession::previewDelete(const std::string& node) const {
    DeletePreview p;
    p.exists = doc_.find(nodePath(node)) >= 0;
    const Scenario* sc = load_.scenario.get();
    if (!p.exists || !sc) return p;
    p.isStart = sc->start == node;
    for (const Node& n : sc->nodes) {
        if (n.id == node) continue;
        for (std::size_t i = 0; i < n.choices.size(); ++i)
            if (n.choices[i].next == node)
                p.dangling.push_back({n.id, static_cast<int>(i), n.choices[i].id});
        if (n.timeLimit && n.timeLimit->next == node)
            p.dangling.push_back({n.id, kTimeoutChoice, n.id + ".timeout"});
    }
    return p;
}

bool EditSession::deleteNode(const std::string& node, DeletePreview* report) {
    const DeletePreview preview = previewDelete(node);
    const bool ok = edit(label("노드 삭제 '" + node + "'", "delete node '" + node + "'"), node,
                         [&](Draft& d) {
                             if (!preview.exists) return d.fail("no node '" + node + "'");
                             return d.step(d.doc().remove(nodePath(node)));
                         });
    if (ok && report) *report = preview;
    return ok;
}

// ---- choices ---------------------------------------------------------------------------------

bool EditSession::addChoice(const std::string& node, int index, const NewChoice& c) {
    const std::string np = nodePath(node);
    return edit(label("선택지 추가", "add a choice"), node, [&](Draft& d) {
        if (!c.id.empty() && !checkId(d, c.id, "choice id")) return false;
        if (!checkId(d, c.next, "next")) return false;
        const YamlDocument& doc = d.doc();
        if (doc.find(np) < 0) return d.fail("no node '" + node + "'");
        if (doc.find(np + ".ending") >= 0)
            return d.fail("node '" + node + "' is an ending; an ending has no choices");
        const std::string body = choiceBody(c.id, c.text, c.feedback, c.next);
        const int list = doc.find(np + ".choices");
        if (list < 0 || doc.nodes()[list].children.empty()) {
            if (list >= 0 && !d.step(doc.remove(np + ".choices"))) return false;
            return d.step(d.doc().insertBlockEntry(np, "choices", asItem(body)));
        }
        if (index < 0) return d.fail("no position " + std::to_string(index));
        return d.step(doc.insertItem(np + ".choices", static_cast<std::size_t>(index), body));
    });
}

bool EditSession::deleteChoice(const std::string& node, int index) {
    const std::string cp = choicePath(node, index);
    return edit(label("선택지 삭제", "delete a choice"), node, [&](Draft& d) {
        if (d.doc().find(cp) < 0)
            return d.fail("node '" + node + "' has no choice " + std::to_string(index));
        return d.step(d.doc().remove(cp));
    });
}

bool EditSession::moveChoice(const std::string& node, int from, int to) {
    const std::string lp = nodePath(node) + ".choices";
    return edit(label("선택지 순서 바꾸기", "reorder the choices"), node, [&](Draft& d) {
        if (from < 0 || to < 0) return d.fail("position out of range");
        return d.step(d.doc().move(lp, static_cast<std::size_t>(from), static_cast<std::size_t>(to)));
    });
}

}  // namespace counterplay::core
