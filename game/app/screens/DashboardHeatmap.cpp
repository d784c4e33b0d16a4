// The dashboard's heatmap: trainees x principles, each cell the percentage of the achievable
// points earned (core::Cohort::heatmap), "n/a" for 0 of 0, the team row hidden below the privacy
// threshold. Clicking a cell lists the attempts behind it; clicking one opens the drill-down.
// A cell with an altered attempt behind it is outlined in red.
#include <imgui.h>

#include <algorithm>

#include "platform/Log.h"
#include "screens/DashboardScreen.h"

namespace counterplay::app {
namespace {

const ImVec4 kAlteredRed{1.f, 0.36f, 0.36f, 1.f};

bool anyAltered(const std::vector<std::int64_t>& ids, const std::map<std::int64_t, std::string>& altered) {
    if (altered.empty()) return false;
    return std::any_of(ids.begin(), ids.end(), [&](std::int64_t id) { return altered.count(id) > 0; });
}

}  // namespace

void DashboardScreen::drawHeatmap(const DashboardViews& v) {
    const core::Heatmap& h = v.heatmap;
    const auto altered = model_.alteredSnapshot();
    ImGui::TextDisabled("%s", F("dash.heat.hint", {{"n", std::to_string(query_.minGroupSize)}}).c_str());
    const int columns = static_cast<int>(h.principleIds.size()) + 1;
    const float listHeight = cell_ ? 190.f : 0.f;
    const float tableHeight = std::max(120.f, ImGui::GetContentRegionAvail().y - listHeight);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_SizingFixedFit;
    if (columns > 1 && ImGui::BeginTable("heat", std::min(columns, 64), flags, ImVec2(0, tableHeight))) {
        ImGui::TableSetupScrollFreeze(1, 2);  // the name column, the header and the team row
        ImGui::TableSetupColumn(T("dash.col.name"), ImGuiTableColumnFlags_WidthFixed, 230.f);
        for (int c = 1; c < std::min(columns, 64); ++c) {
            const std::string& id = h.principleIds[c - 1];
            const std::string label = principleName(id) + "###p" + std::to_string(c);
            ImGui::TableSetupColumn(label.c_str(), ImGuiTableColumnFlags_WidthFixed, 92.f);
        }
        // Header row with tooltips (principle names are long; the header cuts them).
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < std::min(columns, 64); ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TableHeader(ImGui::TableGetColumnName(c));
            if (c > 0 && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%s", principleName(h.principleIds[c - 1]).c_str(),
                                  h.principleIds[c - 1].c_str());
        }
        // One cell: coloured background, text, click to list its attempts.
        auto drawCell = [&](int row, int c, const core::HeatCell& cell, const std::string& key) {
            ImGui::TableSetColumnIndex(c);
            std::string text;
            switch (cell.percent.state) {
            case core::Figure::State::Value:
                text = std::to_string(static_cast<int>(cell.percent.value + 0.5)) + "%";
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                                       ImGui::GetColorU32(heatColour(cell.percent.value)));
                break;
            case core::Figure::State::NotApplicable: text = T("dash.na"); break;
            case core::Figure::State::Hidden: text = T("dash.hidden"); break;
            }
            const bool bad = anyAltered(cell.attemptIds, *altered);
            if (bad) text += " !";
            const bool picked = cell_ && cell_->row == row && cell_->column == c;
            ImGui::PushID(row * 100 + c);
            if (bad) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.f, 0.85f, 0.85f, 1.f));
            const bool clicked = ImGui::Selectable(text.c_str(), picked, 0, ImVec2(0, 0));
            if (bad) {
                ImGui::PopStyleColor();
                const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
                ImGui::GetWindowDrawList()->AddRect(a, b, ImGui::GetColorU32(kAlteredRed), 0.f, 0, 2.f);
            }
            ImGui::PopID();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", F("dash.heat.cell", {{"earned", std::to_string(cell.earned)},
                                                             {"achievable", std::to_string(cell.achievable)},
                                                             {"n", std::to_string(cell.attemptIds.size())}})
                                            .c_str());
            if (clicked && row >= 0) {
                CellPick p;
                p.row = row;
                p.column = c;
                p.traineeKey = key;
                p.principleId = h.principleIds[c - 1];
                p.attemptIds = cell.attemptIds;
                logLine("dashboard: heatmap cell " + key + " x " + p.principleId + " (" +
                        std::to_string(p.attemptIds.size()) + " attempts)");
                cell_ = std::move(p);
            }
        };
        // The team row.
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextColored({0.96f, 0.76f, 0.35f, 1.f}, "%s", T("dash.heat.team"));
        for (int c = 1; c < std::min(columns, 64); ++c)
            if (c - 1 < static_cast<int>(h.cohort.size())) drawCell(-1, c, h.cohort[c - 1], {});
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(h.trainees.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                const core::TeamRow& t = h.trainees[r];
                ImGui::TextUnformatted(traineeLabel(t.key, t.name).c_str());
                for (int c = 1; c < std::min(columns, 64); ++c)
                    if (c - 1 < static_cast<int>(h.cells[r].size())) drawCell(r, c, h.cells[r][c - 1], t.key);
            }
        }
        ImGui::EndTable();
    } else if (columns <= 1) {
        ImGui::TextDisabled("%s", T("dash.empty"));
    }
    if (cell_) {
        ImGui::Separator();
        std::string name = cell_->traineeKey;
        if (const auto c = model_.cohort())
            for (const core::CohortTrainee& t : c->trainees())
                if (t.key == cell_->traineeKey) name = traineeLabel(t.key, t.name);
        ImGui::Text("%s", F("dash.heat.attempts", {{"trainee", name},
                                                   {"principle", principleName(cell_->principleId)},
                                                   {"n", std::to_string(cell_->attemptIds.size())}})
                              .c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(T("dash.close"))) cell_.reset();
        if (cell_) {
            ImGui::BeginChild("cellattempts", ImVec2(0, 0), true);
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(cell_->attemptIds.size()));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                    attemptRow(cell_->attemptIds[cell_->attemptIds.size() - 1 - i]);  // newest first
            ImGui::EndChild();
        }
    }
}

}  // namespace counterplay::app
