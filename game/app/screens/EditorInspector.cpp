// The editor's inspector: the selected node (its buttons, lines, choices or ending, time limit),
// or the scenario card when no node is selected. This file has the shared field widgets: texts
// shown whole and wrapped that turn into an input when clicked, the Next combo that marks the
// targets closing a loop, and enumeration combos. Text fields keep what is typed in buffers_ and
// commit it through the EditSession only when the field is left or Enter is pressed, so each undo
// step is one whole edit. The parts: EditorInspectorBranch.cpp (a choice or the timeout branch),
// EditorInspectorNode.cpp (lines, endings), EditorInspectorCard.cpp (the scenario card).
#include <imgui.h>

#include <algorithm>

#include "platform/Log.h"
#include "screens/EditorInspectorStyle.h"
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

/// The height of a frame holding `text` wrapped to `width` (at least one line).
float wrappedHeight(const char* text, float width) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float inner = std::max(8.f, width - 2.f * st.FramePadding.x);
    const float h = ImGui::CalcTextSize(text, nullptr, false, inner).y;
    return std::max(h, ImGui::GetTextLineHeight()) + 2.f * st.FramePadding.y;
}

}  // namespace

void EditorScreen::logItem(const std::string& key) {
    if (!scrollToKey_.empty() && key == scrollToKey_) {  // a Search or Translation jump
        ImGui::SetScrollHereY(0.3f);
        ImGui::SetItemDefaultFocus();
        logLine("editor: inspector scrolled to " + key);
        scrollToKey_.clear();
    }
    if (loggedFor_ != selected_) {
        loggedFor_ = selected_;
        loggedItems_.clear();
    }
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const std::string at = std::to_string(static_cast<int>((a.x + b.x) / 2.f)) + "," +
                           std::to_string(static_cast<int>((a.y + b.y) / 2.f));
    std::string& last = loggedItems_[key];
    if (last == at) return;
    last = at;
    logLine("editor: field " + key + " at " + at);
}

bool EditorScreen::wrappedField(const std::string& key, const std::string& value, float width) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const bool empty = value.empty();
    const char* shown = empty ? T("edit.to-fill") : value.c_str();
    const float h = wrappedHeight(shown, width);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(key.c_str());
    const bool clicked = ImGui::InvisibleButton("##show", {width, h});
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, {pos.x + width, pos.y + h},
                      ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                      st.FrameRounding);
    const ImU32 colour =
        empty ? ImGui::GetColorU32(inspector::kGold) : ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                {pos.x + st.FramePadding.x, pos.y + st.FramePadding.y}, colour, shown, nullptr,
                std::max(8.f, width - 2.f * st.FramePadding.x));
    return clicked;
}

bool EditorScreen::textField(const std::string& key, const std::string& value, float width,
                             float height) {
    std::string& buf = buffers_[key];
    if (editingKey_ != key) buf = value;
    const std::string id = "##" + key;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    bool activated = false, deactivated = false;
    if (height > 0.f) {
        // Not being edited: the whole text, wrapped; a click turns it into the input.
        if (editingKey_ != key && focusKey_ != key) {
            if (wrappedField(key, buf, width)) {
                focusKey_ = key;
                focusFrames_ = 0;
            }
            return false;
        }
        if (focusKey_ == key && focusFrames_++ == 0) ImGui::SetKeyboardFocusHere();
        if (focusFrames_ > 4) focusKey_.clear();  // the input never took the focus
        flags |= ImGuiInputTextFlags_CtrlEnterForNewLine;
        const float h =
            std::max(height, wrappedHeight(buf.c_str(), width) + ImGui::GetTextLineHeight());
        ImGui::BeginGroup();
        ImGui::InputTextMultiline(id.c_str(), buf.data(), buf.capacity() + 1, {width, h}, flags,
                                  resizeString, &buf);
        activated = ImGui::IsItemActivated();
        deactivated = ImGui::IsItemDeactivated();
        // ImGui's input does not wrap: while typing a text wider than the field, the whole of
        // it shows wrapped under the field.
        if (ImGui::CalcTextSize(buf.c_str()).x > width - 2.f * ImGui::GetStyle().FramePadding.x) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", buf.c_str());
            ImGui::PopStyleColor();
            ImGui::PopTextWrapPos();
        }
        ImGui::EndGroup();
    } else {
        ImGui::SetNextItemWidth(width);
        ImGui::InputText(id.c_str(), buf.data(), buf.capacity() + 1, flags, resizeString, &buf);
        activated = ImGui::IsItemActivated();
        deactivated = ImGui::IsItemDeactivated();
    }
    if (activated) {
        editingKey_ = key;
        if (focusKey_ == key) focusKey_.clear();
        logLine("editor: editing " + key);  // the app tests type once the field has the focus
    }
    if (deactivated && editingKey_ == key) {
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

bool EditorScreen::nextCombo(const char* id, const std::string& from, const std::string& current,
                             std::string& picked) {
    const auto sc = session_->scenario();
    bool chosen = false;
    ImGui::SetNextItemWidth(-1.f);
    if (ImGui::BeginCombo(id, current.c_str())) {
        const std::set<std::string> loops = session_->loopTargets(from);
        for (const core::Node& n : sc->nodes) {
            if (loops.count(n.id)) {
                const std::string label = n.id + "   " + T("edit.next.loop");
                ImGui::Selectable(label.c_str(), n.id == current, ImGuiSelectableFlags_Disabled);
            } else if (ImGui::Selectable(n.id.c_str(), n.id == current) && n.id != current) {
                picked = n.id;
                chosen = true;
            }
        }
        ImGui::EndCombo();
    }
    return chosen;
}

bool EditorScreen::valueCombo(const char* id, const std::string& current,
                              const std::vector<std::string>& values, std::string& picked,
                              const char* keyPrefix) {
    const auto name = [&](const std::string& v) {
        return std::string(T((std::string(keyPrefix) + (v.empty() ? "none" : v)).c_str()));
    };
    bool chosen = false;
    if (ImGui::BeginCombo(id, name(current).c_str())) {
        for (const std::string& v : values)
            if (ImGui::Selectable(name(v).c_str(), v == current) && v != current) {
                picked = v;
                chosen = true;
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

void EditorScreen::drawNodeButtons(const core::Node& n) {
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
            // A readable id and empty texts: Problems lists them as missing until written.
            core::NewChoice choice;
            choice.id = session_->freshChoiceId(n.id);
            choice.next = !n.choices.empty() ? n.choices.front().next
                          : n.timeLimit      ? n.timeLimit->next
                                             : std::string();
            afterEdit(session_->addChoice(n.id, static_cast<int>(n.choices.size()), choice),
                      "add choice");
        }
        logItem("add-choice");
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(T("edit.card.open"))) scenarioCard_ = true;
    logItem("scenario-card");
}

void EditorScreen::drawInspector() {
    const auto sc = session_->scenario();
    if (inspected_ != selected_) {  // a node was picked: the card gives way to it
        inspected_ = selected_;
        scenarioCard_ = false;
    }
    const core::Node* node = sc && !selected_.empty() ? sc->findNode(selected_) : nullptr;
    if (!node || scenarioCard_) {
        if (node && ImGui::SmallButton(F("edit.card.back", {{"id", node->id}}).c_str()))
            scenarioCard_ = false;
        if (!node) ImGui::TextDisabled("%s", T("edit.node.none"));
        if (sc) drawScenarioCard();
        return;
    }
    // Copy: an edit below replaces the model the reference points into.
    const core::Node n = *node;
    ImGui::TextColored(inspector::kGold, "%s", F("edit.node.heading", {{"id", n.id}}).c_str());
    if (n.id == sc->start) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", T("edit.node.start"));
    }
    drawNodeButtons(n);
    ImGui::Separator();
    drawLines(n);
    if (n.ending) {
        drawEnding(n);
        return;
    }
    ImGui::Separator();
    for (int i = 0; i < static_cast<int>(n.choices.size()); ++i) drawChoice(n, i);
    ImGui::Separator();
    drawTimeLimit(n);
    drawMakeEnding(n);
}

}  // namespace counterplay::app
