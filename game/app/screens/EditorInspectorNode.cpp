// The inspector's view of a node's lines (speaker, expression, ko/en text; add, delete, move) and
// of an ending (kind, title), with turning a node into an ending and back. Every change is one
// EditSession operation (one undo step).
#include <imgui.h>

#include "screens/EditorInspectorStyle.h"
#include "screens/EditorScreen.h"

namespace counterplay::app {

using inspector::kGold;

void EditorScreen::drawLine(const core::Node& n, int i) {
    const core::Line& line = n.lines[static_cast<std::size_t>(i)];
    const int count = static_cast<int>(n.lines.size());
    ImGui::PushID(1000 + i);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", F("edit.line", {{"n", std::to_string(i + 1)}}).c_str());
    ImGui::SameLine();
    std::string picked;
    ImGui::SetNextItemWidth(105.f);
    if (valueCombo("##speaker", line.speaker,
                   core::EditSession::allowedValues(core::ValueList::Speaker), picked,
                   "edit.speaker."))
        afterEdit(session_->setSpeaker(n.id, i, picked), "speaker");
    logItem("line" + std::to_string(i) + ".speaker");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("edit.line.speaker-tip"));
    ImGui::SameLine();
    // The expression: "follows the mood" (no key) or one of the faces.
    std::vector<std::string> faces{""};
    for (const std::string& f : core::EditSession::allowedValues(core::ValueList::Expression))
        faces.push_back(f);
    ImGui::SetNextItemWidth(125.f);
    if (valueCombo("##expression", line.expression, faces, picked, "edit.expression."))
        afterEdit(session_->setExpression(n.id, i, picked), "expression");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("edit.line.expression-tip"));
    if (i > 0) {
        ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.line.up")))
            afterEdit(session_->moveLine(n.id, i, i - 1), "move line");
    }
    if (i + 1 < count) {
        ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.line.down")))
            afterEdit(session_->moveLine(n.id, i, i + 1), "move line");
    }
    if (count > 1) {
        ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.line.delete")))
            afterEdit(session_->deleteLine(n.id, i), "delete line");
        logItem("line" + std::to_string(i) + ".delete");
    }
    textPair("line" + std::to_string(i), line.text, 54.f,
             [this, id = n.id, i](core::Lang lang, const std::string& v) {
                 return session_->setLineText(id, i, lang, v);
             });
    ImGui::PopID();
}

void EditorScreen::drawLines(const core::Node& n) {
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    ImGui::TextDisabled("%s", T("edit.lang.ko"));
    ImGui::SameLine(half + ImGui::GetStyle().ItemSpacing.x + ImGui::GetStyle().WindowPadding.x);
    ImGui::TextDisabled("%s", T("edit.lang.en"));
    for (int i = 0; i < static_cast<int>(n.lines.size()); ++i) drawLine(n, i);
    // A new line at the end, said by whoever said the last one, its text to fill in.
    if (ImGui::SmallButton(T("edit.line.add"))) {
        core::NewLine line;
        if (!n.lines.empty()) line.speaker = n.lines.back().speaker;
        afterEdit(session_->addLine(n.id, static_cast<int>(n.lines.size()), line), "add line");
    }
    logItem("add-line");
}

void EditorScreen::drawEnding(const core::Node& n) {
    const core::Ending& e = *n.ending;
    ImGui::Separator();
    ImGui::TextColored(kGold, "%s", T("edit.ending.heading"));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", T("edit.ending.kind"));
    ImGui::SameLine();
    std::string picked;
    ImGui::SetNextItemWidth(-1.f);
    if (valueCombo("##kind", e.kind, core::EditSession::allowedValues(core::ValueList::EndingKind),
                   picked, "edit.ending-kind."))
        afterEdit(session_->setEndingKind(n.id, picked), "ending kind");
    logItem("ending-kind");
    ImGui::TextDisabled("%s", T("edit.ending.title"));
    const std::string path = core::EditSession::nodePath(n.id) + ".ending.title";
    textPair("ending-title", e.title, 30.f, [this, path](core::Lang lang, const std::string& v) {
        return session_->setText(path, lang, v);
    });
    ImGui::Spacing();
    // Back to a node with choices: one new choice to fill in, leading to an ending other than
    // this one (an ending never loops back).
    if (ImGui::SmallButton(T("edit.ending.to-choices"))) {
        const auto sc = session_->scenario();
        std::string target;
        for (const core::Node& other : sc->nodes)
            if (other.ending && other.id != n.id) {
                target = other.id;
                break;
            }
        if (target.empty()) {
            status_ = T("edit.ending.no-target");
            statusError_ = true;
        } else {
            core::NewChoice choice;
            choice.id = session_->freshChoiceId(n.id);
            choice.next = target;
            afterEdit(session_->makeChoiceNode(n.id, choice), "make choice node");
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("edit.ending.to-choices-tip"));
}

void EditorScreen::drawMakeEnding(const core::Node& n) {
    ImGui::Spacing();
    if (ImGui::SmallButton(T("edit.ending.make"))) {
        // Its title is left to fill in (Problems lists it until it is written).
        afterEdit(session_->makeEnding(n.id, "resolved", {}), "make ending");
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("edit.ending.make-tip"));
}

}  // namespace counterplay::app
