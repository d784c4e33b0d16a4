// The dashboard's team table (sortable by its headers, one row per trainee key) and the
// practise-next list. Sorting is core::Cohort::teamTable's; the table only asks for it. A
// trainee with altered attempts (the seal check's, DashboardModel::alteredSnapshot) gets a red
// mark by the name in both, with a tooltip saying how many and that they are left out.
#include <imgui.h>

#include <map>

#include "counterplay/core/CohortReport.h"
#include "platform/Log.h"
#include "screens/DashboardScreen.h"

namespace counterplay::app {
namespace {

const ImVec4 kAlteredRed{1.f, 0.36f, 0.36f, 1.f};

}  // namespace

std::map<std::string, int> DashboardScreen::alteredPerTrainee() {
    std::map<std::string, int> out;
    const auto cohort = model_.cohort();
    const auto altered = model_.alteredSnapshot();
    if (!cohort || !altered) return out;
    for (const auto& [id, why] : *altered)
        if (const core::CohortAttempt* a = model_.attempt(id))
            ++out[cohort->trainees()[a->trainee].key];
    const int marked = static_cast<int>(out.size());
    if (marked != alteredMarksLogged_) {
        alteredMarksLogged_ = marked;
        int attempts = 0;
        for (const auto& [key, n] : out) attempts += n;
        logLine("dashboard: trainees marked altered " + std::to_string(marked) + ", attempts " +
                std::to_string(attempts));
    }
    return out;
}

void DashboardScreen::alteredMark(const std::map<std::string, int>& perTrainee,
                                  const std::string& key) {
    const auto it = perTrainee.find(key);
    if (it == perTrainee.end()) return;
    const std::string n = std::to_string(it->second);
    ImGui::SameLine();
    ImGui::TextColored(kAlteredRed, "%s", F("dash.team.altered-mark", {{"n", n}}).c_str());
    // The row's selectable owns the hover: test the mark's rectangle itself.
    if (ImGui::IsWindowHovered() &&
        ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()))
        ImGui::SetTooltip("%s", F("dash.team.altered", {{"n", n}}).c_str());
}

void DashboardScreen::drawTeam(const DashboardViews& v) {
    ImGui::TextDisabled("%s", T("dash.team.hint"));
    const std::map<std::string, int> altered = alteredPerTrainee();
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("team", 7, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    struct Col {
        const char* key;
        core::TeamSort sort;
        float weight;
    };
    const Col cols[] = {{"dash.col.name", core::TeamSort::Name, 3.f},
                        {"dash.col.attempts", core::TeamSort::Attempts, 1.f},
                        {"dash.col.passed", core::TeamSort::Passed, 1.3f},
                        {"dash.col.mean", core::TeamSort::MeanScore, 1.f},
                        {"dash.col.last", core::TeamSort::LastScore, 1.f},
                        {"dash.col.median", core::TeamSort::MedianSeconds, 1.3f},
                        {"dash.col.active", core::TeamSort::LastActive, 1.8f}};
    for (int i = 0; i < 7; ++i) {
        ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthStretch;
        if (i == 0) cf |= ImGuiTableColumnFlags_DefaultSort;
        const std::string label = std::string(T(cols[i].key)) + "###c" + std::to_string(i);
        ImGui::TableSetupColumn(label.c_str(), cf, cols[i].weight, static_cast<ImGuiID>(i));
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
            query_.sort = cols[std::clamp<int>(static_cast<int>(s.ColumnUserID), 0, 6)].sort;
            query_.descending = s.SortDirection == ImGuiSortDirection_Descending;
            model_.request(query_);
            logLine(std::string("dashboard: sort column ") + std::to_string(s.ColumnUserID) +
                     (query_.descending ? " descending" : " ascending"));
        }
        specs->SpecsDirty = false;
    }
    // The rows shown are the computed ones; while a new sort computes the old order stays.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.team.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const core::TeamRow& row = v.team[r];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(r);
            const std::string label = traineeLabel(row.key, row.name);
            if (ImGui::Selectable(label.c_str(), query_.traineeKey == row.key, ImGuiSelectableFlags_SpanAllColumns))
                selectTrainee(row.key);
            alteredMark(altered, row.key);
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.attempts);
            ImGui::TableNextColumn();
            ImGui::Text("%d / %d", row.scenariosPassed, row.scenariosAvailable);
            ImGui::TableNextColumn();
            ImGui::Text("%.0f%%", row.meanPercent);
            ImGui::TableNextColumn();
            ImGui::Text("%d%%", row.lastPercent);
            ImGui::TableNextColumn();
            ImGui::Text("%.1f", row.medianSecondsPerDecision);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.lastActiveMs ? core::localDateTime(row.lastActiveMs).c_str() : "-");
        }
    }
    ImGui::EndTable();
}

void DashboardScreen::drawPractise(const DashboardViews& v) {
    ImGui::TextDisabled("%s", T("dash.practise.hint"));
    const std::map<std::string, int> altered = alteredPerTrainee();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("practise", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T("dash.col.name"), ImGuiTableColumnFlags_WidthStretch, 2.f);
    ImGui::TableSetupColumn(T("dash.practise.next"), ImGuiTableColumnFlags_WidthStretch, 3.f);
    ImGui::TableSetupColumn(T("dash.practise.weakest"), ImGuiTableColumnFlags_WidthStretch, 4.f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.advice.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const core::TraineeAdvice& a = v.advice[r];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(r);
            if (ImGui::Selectable(traineeLabel(a.key, a.name).c_str(), query_.traineeKey == a.key))
                selectTrainee(a.key);
            // The column is narrow: the mark goes on its own line under the name.
            if (altered.count(a.key)) ImGui::Dummy({0, 0});
            alteredMark(altered, a.key);
            ImGui::PopID();
            ImGui::TableNextColumn();
            if (a.advice.scenarioId.empty()) {
                ImGui::TextDisabled("%s", T("dash.practise.nothing"));
            } else if (a.advice.firstSteps || a.advice.principleId.empty()) {
                ImGui::Text("%s  (%s)", scenarioTitle(a.advice.scenarioId).c_str(), T("dash.practise.first"));
            } else {
                ImGui::Text("%s", scenarioTitle(a.advice.scenarioId).c_str());
                ImGui::TextDisabled("%s", F("dash.practise.because", {{"principle", principleName(a.advice.principleId)},
                                                                      {"percent", std::to_string(a.advice.principlePercent)}})
                                              .c_str());
            }
            ImGui::TableNextColumn();
            std::string weak;
            int shown = 0;
            for (const core::PrincipleTotal& p : a.weakest) {
                if (shown == 3) break;
                if (p.achievable <= 0) continue;
                if (!weak.empty()) weak += ", ";
                weak += principleName(p.principleId) + " " +
                        std::to_string(static_cast<int>(100.0 * p.ratio() + 0.5)) + "%";
                ++shown;
            }
            ImGui::TextWrapped("%s", weak.empty() ? "-" : weak.c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace counterplay::app
