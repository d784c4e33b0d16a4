// The inspector's scenario card: the scenario's own fields (title, summary, the customer's name,
// setting, difficulty, pass threshold, the customer's starting mood and trust) and its
// `principles:` list, picked from the catalogue by name. Shown when no node is selected, or from
// the node inspector's "Scenario" button. Every change is one EditSession operation.
#include <imgui.h>

#include <algorithm>

#include "screens/EditorInspectorStyle.h"
#include "screens/EditorScreen.h"

namespace counterplay::app {

using inspector::kGold;

void EditorScreen::drawCardNumber(const char* label, const std::string& key, int value, int min,
                                  int max) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(200.f);
    const std::string k = "card/" + key;
    int& buf = ints_[k];
    if (editingKey_ != k) buf = value;
    ImGui::PushID(k.c_str());
    ImGui::SetNextItemWidth(90.f);
    ImGui::InputInt("##n", &buf, 0, 0);
    ImGui::PopID();
    logItem(k);
    if (ImGui::IsItemActivated()) editingKey_ = k;
    if (ImGui::IsItemDeactivated() && editingKey_ == k) {
        editingKey_.clear();
        if (buf != value) afterEdit(session_->setScenarioField(key, std::to_string(buf)), key);
    }
    ImGui::SameLine();
    ImGui::TextDisabled(
        "%s",
        F("edit.card.range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}}).c_str());
}

void EditorScreen::drawCardPrinciples(const core::Scenario& sc) {
    ImGui::TextColored(kGold, "%s", T("edit.card.principles"));
    const core::Catalogue* catalogue = session_->catalogue();
    std::optional<std::vector<std::string>> changed;
    for (std::size_t i = 0; i < sc.principles.size(); ++i) {
        const std::string& id = sc.principles[i];
        ImGui::PushID(static_cast<int>(i));
        // The button first: a long name never pushes it out of view.
        if (ImGui::SmallButton(T("edit.points.remove"))) {
            auto next = sc.principles;
            next.erase(next.begin() + static_cast<long>(i));
            changed = next;
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(principleName(id).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", id.c_str());
        ImGui::PopID();
    }
    if (catalogue) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        if (ImGui::BeginCombo("##card-add-principle", T("edit.points.add"))) {
            for (const core::Principle& p : catalogue->principles) {
                if (std::find(sc.principles.begin(), sc.principles.end(), p.id) !=
                    sc.principles.end())
                    continue;
                if (ImGui::Selectable(p.name.in(ctx_.lang()).c_str())) {
                    auto next = sc.principles;
                    next.push_back(p.id);
                    changed = next;
                }
            }
            ImGui::EndCombo();
        }
        logItem("card/add-principle");
    }
    if (changed) afterEdit(session_->setPrinciples(*changed), "principles");
}

void EditorScreen::drawScenarioCard() {
    const auto scPtr = session_->scenario();
    const core::Scenario sc = *scPtr;  // copy: an edit replaces the model
    ImGui::TextColored(kGold, "%s", F("edit.card.heading", {{"id", sc.id}}).c_str());
    ImGui::Separator();
    ImGui::TextDisabled("%s", T("edit.lang.ko"));
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    ImGui::SameLine(half + ImGui::GetStyle().ItemSpacing.x + ImGui::GetStyle().WindowPadding.x);
    ImGui::TextDisabled("%s", T("edit.lang.en"));
    const auto textRow = [&](const char* label, const char* path, const core::Text& value,
                             float height) {
        ImGui::TextDisabled("%s", T(label));
        textPair(std::string("card/") + path, value, height,
                 [this, path](core::Lang lang, const std::string& v) {
                     return session_->setText(path, lang, v);
                 });
    };
    textRow("edit.card.title", "title", sc.title, 30.f);
    textRow("edit.card.summary", "summary", sc.summary, 54.f);
    textRow("edit.card.customer", "customer.name", sc.customer.name, 30.f);
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", T("edit.card.setting"));
    ImGui::SameLine(200.f);
    std::string picked;
    ImGui::SetNextItemWidth(220.f);
    if (valueCombo("##setting", sc.setting,
                   core::EditSession::allowedValues(core::ValueList::Setting), picked, "setting."))
        afterEdit(session_->setScenarioField("setting", picked), "setting");
    drawCardNumber(T("edit.card.difficulty"), "difficulty", sc.difficulty, 1, 3);
    drawCardNumber(T("edit.card.pass"), "pass_threshold", sc.passThreshold, 0, 100);
    drawCardNumber(T("edit.card.mood"), "customer.mood", sc.customer.mood, 0, 100);
    drawCardNumber(T("edit.card.trust"), "customer.trust", sc.customer.trust, 0, 100);
    ImGui::Spacing();
    drawCardPrinciples(sc);
}

}  // namespace counterplay::app
