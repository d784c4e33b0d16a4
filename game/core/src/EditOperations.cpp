// The editor's operations (see EditSession.h): each one is a short sequence of YamlDocument
// minimal edits, so that only the lines it concerns change. Keys are inserted in the schema's
// order when the map is written in it (before the first later key that exists).
#include <algorithm>
#include <set>

#include "EditSteps.h"
#include "Validator.h"
#include "counterplay/core/EditSession.h"
#include "counterplay/core/YamlFormat.h"

namespace counterplay::core {

using namespace editsteps;

namespace {

/// True when the nodes of `nodes:` are separated by blank lines (the canonical layout).
bool nodesSpaced(const YamlDocument& doc) {
    const int m = doc.child(0, "nodes");
    if (m < 0 || doc.nodes()[m].children.size() < 2) return true;
    const std::size_t b = doc.nodes()[doc.nodes()[m].children[1]].lineBegin;
    return b >= 2 && doc.bytes()[b - 1] == '\n' && doc.bytes()[b - 2] == '\n';
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

}  // namespace

std::string EditSession::branchFocus(const BranchRef& where) const { return where.node; }

// ---- fields ----------------------------------------------------------------------------------

namespace {
/// One language of the text map at `textPath` set to `value` (the key or the whole `{ko, en}`
/// map added when missing): setText's step, shared with applyBatch.
bool textStep(EditSession::Draft& d, const std::string& textPath, Lang lang,
              std::string_view value) {
    const std::string code = langCode(lang);
    const YamlDocument& doc = d.doc();
    const int t = doc.find(textPath);
    if (t >= 0 && doc.nodes()[t].kind == DocNode::Kind::Map) {
        if (doc.child(t, code) >= 0) return d.step(doc.setScalar(textPath + "." + code, value));
        return d.step(doc.insertScalarEntry(textPath, code, value, lang == Lang::Ko ? "en" : ""));
    }
    if (t >= 0) return d.fail(textPath + " is not a {ko, en} text");
    const std::size_t dot = textPath.rfind('.');
    if (dot == std::string::npos) return d.fail("nothing at " + textPath);
    const std::string parent = textPath.substr(0, dot);
    const std::string key = textPath.substr(dot + 1);
    if (doc.find(parent) < 0) return d.fail("nothing at " + parent);
    return d.step(doc.insertRawEntry(parent, key,
                                     "{" + code + ": " + quoted(std::string(value)) + "}",
                                     beforeKeyFor(doc, parent, key)));
}
}  // namespace

bool EditSession::setText(const std::string& textPath, Lang lang, std::string_view value) {
    const std::string code = langCode(lang);
    return edit(
        label("텍스트 편집", "edit text"), nodeOfPath(textPath),
        [&](Draft& d) { return textStep(d, textPath, lang, value); },
        "text:" + textPath + "." + code);
}

bool EditSession::applyBatch(const std::vector<BatchEdit>& edits, Text stepLabel,
                             std::string focus) {
    // Texts and choice ids first, node renames last: a rename changes the paths of its node.
    std::vector<const BatchEdit*> ordered;
    for (const BatchEdit& e : edits) ordered.push_back(&e);
    std::stable_partition(ordered.begin(), ordered.end(), [](const BatchEdit* e) {
        return e->kind != BatchEdit::Kind::NodeId;
    });
    return edit(std::move(stepLabel), std::move(focus), [&](Draft& d) {
        for (const BatchEdit* e : ordered) {
            switch (e->kind) {
                case BatchEdit::Kind::Text:
                    if (!textStep(d, e->path, e->lang, e->value)) return false;
                    break;
                case BatchEdit::Kind::ChoiceId: {
                    if (!checkId(d, e->value, "choice id")) return false;
                    const std::string cp = choicePath(e->node, e->choice) + ".id";
                    if (d.doc().find(cp) < 0)
                        return d.fail("choice " + std::to_string(e->choice) + " of node '" +
                                      e->node + "' has no id");
                    if (!d.step(d.doc().setScalar(cp, e->value))) return false;
                    break;
                }
                case BatchEdit::Kind::NodeId:
                    if (!checkId(d, e->value, "node id")) return false;
                    if (!d.step(d.doc().renameNode(e->node, e->value))) return false;
                    break;
            }
        }
        return true;
    });
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
            if (where.choice == kTimeoutChoice)
                return n->timeLimit ? &n->timeLimit->feedback : nullptr;
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
            if (doc.find(lp) < 0)
                return d.fail("node '" + node + "' has no line " + std::to_string(line));
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
        entries.emplace_back(e.variable,
                             flag ? (e.value ? "true" : "false") : std::to_string(e.value));
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
        return d.step(
            doc.insertScalarEntry(cp, "id", id, kids.empty() ? "" : doc.nodes()[kids.front()].key));
    });
}

bool EditSession::setTimeLimit(const std::string& node, int seconds, std::string_view next,
                               const Text& feedback) {
    const std::string np = nodePath(node);
    return edit(label("시간 제한 설정", "set the time limit"), node, [&](Draft& d) {
        const YamlDocument& doc = d.doc();
        if (doc.find(np) < 0) return d.fail("no node '" + node + "'");
        if (doc.find(np + ".time_limit") >= 0)
            return setOrInsert(d, np + ".time_limit", "seconds", std::to_string(seconds));
        if (next.empty()) return d.fail("a new time limit needs the node its timeout leads to");
        if (!checkId(d, std::string(next), "next")) return false;
        const std::string body = "seconds: " + std::to_string(seconds) +
                                 "\nnext: " + std::string(next) +
                                 "\nfeedback: " + flowText(feedback) + "\n";
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
            body +=
                "ending:\n  kind: " + n.endingKind + "\n  title: " + flowText(n.endingTitle) + "\n";
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
                    const std::size_t count = list < 0 ? 0 : d.doc().nodes()[list].children.size();
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
    const bool ok =
        edit(label("노드 삭제 '" + node + "'", "delete node '" + node + "'"), node, [&](Draft& d) {
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
        return d.step(
            d.doc().move(lp, static_cast<std::size_t>(from), static_cast<std::size_t>(to)));
    });
}

}  // namespace counterplay::core
