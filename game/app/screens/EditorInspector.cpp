// The editor's inspector: the selected node's lines and choices with ko and en side by side,
// each choice's condition (checked as it is typed), next node, points per principle and
// feedback, and the node's time limit with its timeout branch. Text fields keep what is typed in
// EditorScreen::buffers_ and commit it through the EditSession only when the field is left or
// Enter is pressed, so each undo step is one whole edit.
#include <imgui.h>

#include <algorithm>

#include "platform/Log.h"
#include "screens/EditorScreen.h"

namespace counterplay::app {
namespace {

int resizeString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

const ImVec4 kRed{1.f, 0.42f, 0.42f, 1.f};
const ImVec4 kGold{0.96f, 0.76f, 0.35f, 1.f};

}  // namespace

void EditorScreen::logItem(const std::string& key) {
    if (loggedFor_ != selected_) {
        loggedFor_ = selected_;
        loggedItems_.clear();
    }
    if (std::find(loggedItems_.begin(), loggedItems_.end(), key) != loggedItems_.end()) return;
    loggedItems_.push_back(key);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    logLine("editor: field " + key + " at " + std::to_string(static_cast<int>((a.x + b.x) / 2.f)) +
            "," + std::to_string(static_cast<int>((a.y + b.y) / 2.f)));
}

bool EditorScreen::textField(const std::string& key, const std::string& value, float width,
                             float height) {
    std::string& buf = buffers_[key];
    if (editingKey_ != key) buf = value;
    const std::string id = "##" + key;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (height > 0.f) {
        flags |= ImGuiInputTextFlags_CtrlEnterForNewLine;
        ImGui::InputTextMultiline(id.c_str(), buf.data(), buf.capacity() + 1, {width, height},
                                  flags, resizeString, &buf);
    } else {
        ImGui::SetNextItemWidth(width);
        ImGui::InputText(id.c_str(), buf.data(), buf.capacity() + 1, flags, resizeString, &buf);
    }
    if (ImGui::IsItemActivated()) editingKey_ = key;
    // The fields do not wrap: hovering one shows its whole text wrapped.
    if (height > 0.f && editingKey_ != key && !buf.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(420.f);
        ImGui::TextUnformatted(buf.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (ImGui::IsItemDeactivated() && editingKey_ == key) {
        editingKey_.clear();
        return buf != value;
    }
    return false;
}

void EditorScreen::textPair(const std::string& key, const core::Text& value, float height,
                            const std::function<bool(core::Lang, const std::string&)>& commit) {
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    if (textField(key + ".ko", value.ko, w, height))
        afterEdit(commit(core::Lang::Ko, buffers_[key + ".ko"]), key + ".ko");
    logItem(key + ".ko");
    ImGui::SameLine();
    if (textField(key + ".en", value.en, w, height))
        afterEdit(commit(core::Lang::En, buffers_[key + ".en"]), key + ".en");
    logItem(key + ".en");
}

bool EditorScreen::nextCombo(const char* id, const std::string& current, std::string& picked) {
    const auto sc = session_->scenario();
    bool chosen = false;
    ImGui::SetNextItemWidth(-1.f);
    if (ImGui::BeginCombo(id, current.c_str())) {
        for (const core::Node& n : sc->nodes) {
            if (ImGui::Selectable(n.id.c_str(), n.id == current) && n.id != current) {
                picked = n.id;
                chosen = true;
            }
        }
        ImGui::EndCombo();
    }
    return chosen;
}

std::string EditorScreen::principleName(const std::string& id) const {
    if (const core::Catalogue* c = session_ ? session_->catalogue() : nullptr)
        if (const core::Principle* p = c->find(id)) return p->name.in(ctx_.lang());
    return id;
}

void EditorScreen::drawPoints(const core::BranchRef& where, const core::Points& points) {
    ImGui::TextDisabled("%s", T("edit.points"));
    const core::Catalogue* catalogue = session_->catalogue();
    const std::string base = where.node + "/" + std::to_string(where.choice) + "/points/";
    std::optional<core::Points> changed;
    int row = 0;
    for (const auto& [id, value] : points) {
        ImGui::PushID(row++);
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 170.f);
        if (ImGui::BeginCombo("##principle", principleName(id).c_str())) {
            if (catalogue)
                for (const core::Principle& p : catalogue->principles)
                    if (ImGui::Selectable(p.name.in(ctx_.lang()).c_str(), p.id == id) &&
                        p.id != id && !points.count(p.id)) {
                        core::Points next = points;
                        next.erase(id);
                        next[p.id] = value;
                        changed = next;
                    }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        const std::string key = base + id;
        int& buf = ints_[key];
        if (editingKey_ != key) buf = value;
        ImGui::SetNextItemWidth(70.f);
        ImGui::InputInt("##value", &buf, 0, 0);
        if (ImGui::IsItemActivated()) editingKey_ = key;
        if (ImGui::IsItemDeactivated() && editingKey_ == key) {
            editingKey_.clear();
            if (buf != value) {
                core::Points next = points;
                next[id] = buf;
                changed = next;
            }
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.points.remove"))) {
            core::Points next = points;
            next.erase(id);
            changed = next;
        }
        ImGui::PopID();
    }
    if (catalogue) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        if (ImGui::BeginCombo("##add-principle", T("edit.points.add"))) {
            for (const core::Principle& p : catalogue->principles)
                if (!points.count(p.id) && ImGui::Selectable(p.name.in(ctx_.lang()).c_str())) {
                    core::Points next = points;
                    next[p.id] = 1;
                    changed = next;
                }
            ImGui::EndCombo();
        }
    }
    if (changed) afterEdit(session_->setPoints(where, *changed), "points");
}

void EditorScreen::drawBranch(const core::Node& node, const core::BranchRef& where,
                              const std::string& next, const core::Points& points,
                              const core::Text& feedback) {
    ImGui::TextDisabled("%s", T("edit.next"));
    std::string picked;
    if (nextCombo("##next", next, picked)) afterEdit(session_->setNext(where, picked), "next");
    drawPoints(where, points);
    ImGui::TextDisabled("%s", T("edit.feedback"));
    const std::string key = node.id + "/" + std::to_string(where.choice) + "/feedback";
    textPair(key, feedback, 48.f, [this, where](core::Lang lang, const std::string& v) {
        return session_->setFeedback(where, lang, v);
    });
}

void EditorScreen::drawChoice(const core::Node& node, int index) {
    const core::Choice& c = node.choices[static_cast<std::size_t>(index)];
    const std::string head = F("edit.choice", {{"n", std::to_string(index + 1)}}) + "  " +
                             c.text.in(ctx_.lang()) + "###choice" + std::to_string(index);
    ImGui::PushID(index);
    if (ImGui::CollapsingHeader(head.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        const std::string key = node.id + "/c" + std::to_string(index);
        textPair("choice" + std::to_string(index), c.text, 40.f,
                 [this, &node, index](core::Lang lang, const std::string& v) {
                     return session_->setChoiceText(node.id, index, lang, v);
                 });
        // Condition, checked as it is typed with the loader's own message.
        ImGui::TextDisabled("%s", T("edit.condition"));
        const std::string condKey = key + "/condition";
        // From the document: a condition that does not parse is not in the model.
        std::string current = c.condition ? c.condition->source() : std::string();
        const core::YamlDocument& doc = session_->document();
        if (const int at = doc.find(core::EditSession::choicePath(node.id, index) + ".condition");
            at >= 0 &&
            doc.nodes()[static_cast<std::size_t>(at)].kind == core::DocNode::Kind::Scalar)
            current = doc.nodes()[static_cast<std::size_t>(at)].value;
        if (textField(condKey, current, ImGui::GetContentRegionAvail().x, 0.f))
            afterEdit(session_->setCondition(node.id, index, buffers_[condKey]), "condition");
        const core::ConditionCheck check =
            core::checkCondition(buffers_[condKey], *session_->scenario());
        if (!check.ok) ImGui::TextColored(kRed, "%s", check.message.c_str());
        drawBranch(node, {node.id, index}, c.next, c.points, c.feedback);
        const int count = static_cast<int>(node.choices.size());
        if (index > 0 && ImGui::SmallButton(T("edit.choice.up"))) {
            afterEdit(session_->moveChoice(node.id, index, index - 1), "move choice");
        }
        if (index > 0) ImGui::SameLine();
        if (index + 1 < count && ImGui::SmallButton(T("edit.choice.down"))) {
            afterEdit(session_->moveChoice(node.id, index, index + 1), "move choice");
        }
        if (index + 1 < count) ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.choice.delete")))
            afterEdit(session_->deleteChoice(node.id, index), "delete choice");
        ImGui::Spacing();
    }
    ImGui::PopID();
}

void EditorScreen::drawTimeLimit(const core::Node& node) {
    bool timed = node.timeLimit.has_value();
    if (ImGui::Checkbox(T("edit.time-limit.on"), &timed)) {
        if (timed) {
            const std::string next =
                !node.choices.empty() ? node.choices.front().next : std::string();
            afterEdit(session_->setTimeLimit(node.id, 30, next), "time limit");
        } else {
            afterEdit(session_->removeTimeLimit(node.id), "remove time limit");
        }
        return;
    }
    if (!node.timeLimit) return;
    const core::TimeLimit& tl = *node.timeLimit;
    const std::string key = node.id + "/time";
    int& buf = ints_[key];
    if (editingKey_ != key) buf = tl.seconds;
    ImGui::SetNextItemWidth(90.f);
    ImGui::InputInt(T("edit.time-limit"), &buf, 0, 0);
    if (ImGui::IsItemActivated()) editingKey_ = key;
    if (ImGui::IsItemDeactivated() && editingKey_ == key) {
        editingKey_.clear();
        if (buf != tl.seconds) afterEdit(session_->setTimeLimit(node.id, buf), "time limit");
    }
    ImGui::TextColored(kGold, "%s", T("edit.timeout"));
    ImGui::PushID("timeout");
    drawBranch(node, {node.id, core::kTimeoutChoice}, tl.next, tl.points, tl.feedback);
    ImGui::PopID();
}

void EditorScreen::drawInspector() {
    const auto sc = session_->scenario();
    const core::Node* node = sc && !selected_.empty() ? sc->findNode(selected_) : nullptr;
    if (!node) {
        ImGui::TextDisabled("%s", T("edit.node.none"));
        return;
    }
    // Copy: an edit below replaces the model the reference points into.
    const core::Node n = *node;
    ImGui::TextColored(kGold, "%s", F("edit.node.heading", {{"id", n.id}}).c_str());
    if (n.id == sc->start) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", T("edit.node.start"));
    }
    if (ImGui::SmallButton(T("edit.node.add"))) popup_ = Popup::AddNode;
    ImGui::SameLine();
    if (ImGui::SmallButton(T("edit.node.duplicate"))) popup_ = Popup::Duplicate;
    ImGui::SameLine();
    if (ImGui::SmallButton(T("edit.node.rename"))) popup_ = Popup::Rename;
    ImGui::SameLine();
    if (ImGui::SmallButton(T("edit.node.delete"))) popup_ = Popup::Delete;
    if (!n.ending) {
        ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.choice.add"))) {
            core::NewChoice choice;
            choice.text = {ctx_.strings.get("edit.choice.new-text", core::Lang::Ko),
                           ctx_.strings.get("edit.choice.new-text", core::Lang::En)};
            choice.feedback = {ctx_.strings.get("edit.choice.new-feedback", core::Lang::Ko),
                               ctx_.strings.get("edit.choice.new-feedback", core::Lang::En)};
            choice.next = !n.choices.empty() ? n.choices.front().next
                          : n.timeLimit      ? n.timeLimit->next
                                             : std::string();
            afterEdit(session_->addChoice(n.id, static_cast<int>(n.choices.size()), choice),
                      "add choice");
        }
        logItem("add-choice");
    }
    ImGui::Separator();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    ImGui::TextDisabled("%s", T("edit.lang.ko"));
    ImGui::SameLine(half + ImGui::GetStyle().ItemSpacing.x + ImGui::GetStyle().WindowPadding.x);
    ImGui::TextDisabled("%s", T("edit.lang.en"));
    for (int i = 0; i < static_cast<int>(n.lines.size()); ++i) {
        const core::Line& line = n.lines[static_cast<std::size_t>(i)];
        ImGui::PushID(1000 + i);
        ImGui::TextDisabled("%s  %s", F("edit.line", {{"n", std::to_string(i + 1)}}).c_str(),
                            F("edit.line.speaker", {{"who", line.speaker}}).c_str());
        textPair("line" + std::to_string(i), line.text, 54.f,
                 [this, id = n.id, i](core::Lang lang, const std::string& v) {
                     return session_->setLineText(id, i, lang, v);
                 });
        ImGui::PopID();
    }
    if (n.ending) {
        ImGui::Separator();
        ImGui::TextColored(kGold, "%s", F("edit.ending", {{"kind", n.ending->kind}}).c_str());
        ImGui::TextWrapped("%s", n.ending->title.in(ctx_.lang()).c_str());
        return;
    }
    ImGui::Separator();
    for (int i = 0; i < static_cast<int>(n.choices.size()); ++i) drawChoice(n, i);
    ImGui::Separator();
    drawTimeLimit(n);
}

}  // namespace counterplay::app
