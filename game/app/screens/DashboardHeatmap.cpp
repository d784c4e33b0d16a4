// The dashboard's heatmap: trainees x principles, each cell the percentage of the achievable
// points earned (core::Cohort::heatmap), "n/a" for 0 of 0, the team row hidden below the privacy
// threshold. Clicking a cell lists the attempts behind it; clicking one opens the drill-down.
// A cell with an altered attempt behind it is outlined in red. The columns follow the principle
// catalogue (the order trainees learn them), and each heading shows the whole principle name
// wrapped over up to three lines (a name longer still ends in "…"; the tooltip has all of it).
// Clicking a principle's heading sorts the trainees by it (core::heatmapRowOrder), again to
// reverse; the name heading goes back to name order; the team row stays on top.
#include <imgui.h>

#include <algorithm>

#include "platform/Log.h"
#include "screens/DashboardScreen.h"

namespace counterplay::app {
namespace {

const ImVec4 kAlteredRed{1.f, 0.36f, 0.36f, 1.f};

constexpr int kHeaderLines = 3;
constexpr float kColumnWidth = 132.f;

/// `text` broken at spaces into lines no wider than `width` in the current font, at most
/// `maxLines`; when it needs more, the last line is cut and ends in "…".
std::vector<std::string> wrapLines(const std::string& text, float width, int maxLines) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::vector<std::string> lines;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end && static_cast<int>(lines.size()) < maxLines) {
        if (static_cast<int>(lines.size()) == maxLines - 1) {  // the last line takes the rest
            lines.push_back(ellipsised(std::string(s, end), width));
            break;
        }
        const char* brk = font->CalcWordWrapPositionA(scale, s, end, width);
        if (brk <= s) {  // not even one character fits: take one anyway
            brk = s + 1;
            while (brk < end && (static_cast<unsigned char>(*brk) & 0xC0) == 0x80) ++brk;
        }
        std::string line(s, brk);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(std::move(line));
        s = brk;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    return lines;
}

bool anyAltered(const std::vector<std::int64_t>& ids,
                const std::map<std::int64_t, std::string>& altered) {
    if (altered.empty()) return false;
    return std::any_of(ids.begin(), ids.end(), [&](std::int64_t id) { return altered.count(id) > 0; });
}

}  // namespace

void DashboardScreen::drawHeatmap(const DashboardViews& v) {
    const core::Heatmap& h = v.heatmap;
    const auto altered = model_.alteredSnapshot();
    ImGui::TextDisabled("%s",
                        F("dash.heat.hint", {{"n", std::to_string(query_.minGroupSize)}}).c_str());
    const std::vector<int> order = catalogueOrder(h.principleIds);  // column c shows order[c - 1]
    const int columns = std::min(static_cast<int>(order.size()) + 1, 64);
    {
        std::string ids;
        for (int i : order) ids += (ids.empty() ? "" : ",") + h.principleIds[i];
        if (ids != heatColumnsLogged_) {
            heatColumnsLogged_ = ids;
            logLine("dashboard: heatmap columns " + ids);
        }
    }
    const float listHeight = cell_ ? 190.f : 0.f;
    const float tableHeight = std::max(120.f, ImGui::GetContentRegionAvail().y - listHeight);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    if (columns > 1 && ImGui::BeginTable("heat", columns, flags, ImVec2(0, tableHeight))) {
        ImGui::TableSetupScrollFreeze(1, 2);  // the name column, the header and the team row
        ImGui::TableSetupColumn(T("dash.col.name"), ImGuiTableColumnFlags_WidthFixed, 230.f);
        for (int c = 1; c < columns; ++c) {
            const std::string label =
                principleName(h.principleIds[order[c - 1]]) + "###p" + std::to_string(c);
            ImGui::TableSetupColumn(label.c_str(), ImGuiTableColumnFlags_WidthFixed, kColumnWidth);
        }
        // Header row: the whole name, wrapped, with the name and id in a tooltip.
        const float padY = ImGui::GetStyle().CellPadding.y;
        const float headerHeight = kHeaderLines * ImGui::GetTextLineHeight() + 2 * padY;
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, headerHeight);
        ImGui::TableSetColumnIndex(0);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                               ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        // Clicking a principle's heading sorts the trainees by it (again: the other way);
        // clicking the name heading goes back to name order. The team row stays on top.
        const int sortColumn = [&] {
            for (int c = 1; c < columns; ++c)
                if (h.principleIds[order[c - 1]] == heatSortPrinciple_) return c;
            return 0;
        }();
        const bool headerClick =
            ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
        int clickedColumn = -1;
        {
            const ImVec2 topLeft = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            ImGui::TextUnformatted(ImGui::TableGetColumnName(0));
            if (ImGui::IsWindowHovered() &&
                ImGui::IsMouseHoveringRect(
                    topLeft, {topLeft.x + width, topLeft.y + headerHeight - 2 * padY})) {
                ImGui::SetTooltip("%s", T("dash.heat.sort-name"));
                if (headerClick) clickedColumn = 0;
            }
        }
        for (int c = 1; c < columns; ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                                   ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
            const std::string& id = h.principleIds[order[c - 1]];
            const std::string name = principleName(id);
            const ImVec2 topLeft = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            // The sorted column's heading keeps room on the right for its arrow.
            const float arrow = ImGui::GetFontSize() * 0.7f;
            const float textWidth = c == sortColumn ? width - arrow - 4.f : width;
            for (const std::string& line : wrapLines(name, textWidth, kHeaderLines))
                ImGui::TextUnformatted(line.c_str());
            if (c == sortColumn) {
                // A small triangle at the top right: up when ascending (weakest first).
                const float x = topLeft.x + width - arrow, y = topLeft.y + 3.f;
                const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
                ImDrawList* dl = ImGui::GetWindowDrawList();
                if (heatSortDescending_)
                    dl->AddTriangleFilled({x, y}, {x + arrow, y}, {x + arrow / 2, y + arrow * 0.8f},
                                          colour);
                else
                    dl->AddTriangleFilled({x + arrow / 2, y}, {x + arrow, y + arrow * 0.8f},
                                          {x, y + arrow * 0.8f}, colour);
            }
            if (ImGui::IsWindowHovered() &&
                ImGui::IsMouseHoveringRect(
                    topLeft, {topLeft.x + width, topLeft.y + headerHeight - 2 * padY})) {
                ImGui::SetTooltip("%s\n%s\n%s", name.c_str(), id.c_str(), T("dash.heat.sort-hint"));
                if (headerClick) clickedColumn = c;
            }
        }
        if (clickedColumn == 0 && !heatSortPrinciple_.empty()) {
            heatSortPrinciple_.clear();
            heatSortDescending_ = false;
            logLine("dashboard: heatmap sorted by name");
        } else if (clickedColumn > 0) {
            const std::string& id = h.principleIds[order[clickedColumn - 1]];
            heatSortDescending_ = id == heatSortPrinciple_ && !heatSortDescending_;
            heatSortPrinciple_ = id;
            logHeatSort_ = true;  // logged below, with the order it gives
        }
        // The rows in the order asked for (the core's rule), as indices into h.trainees.
        const int sortIndex = [&] {
            for (std::size_t i = 0; i < h.principleIds.size(); ++i)
                if (h.principleIds[i] == heatSortPrinciple_) return static_cast<int>(i);
            return -1;
        }();
        const std::vector<int> rows = core::heatmapRowOrder(h, sortIndex, heatSortDescending_);
        if (logHeatSort_ && sortIndex >= 0) {
            // The first and last figures shown, so the app test can check the direction.
            auto shown = [&](int r) {
                const core::Figure& f = h.cells[r][sortIndex].percent;
                return f.shown() ? std::to_string(static_cast<int>(f.value + 0.5))
                                 : std::string("-");
            };
            std::string last = "-";
            for (auto it = rows.rbegin(); it != rows.rend(); ++it)
                if (h.cells[*it][sortIndex].percent.shown()) {
                    last = shown(*it);
                    break;
                }
            logLine("dashboard: heatmap sorted by " + heatSortPrinciple_ +
                    (heatSortDescending_ ? " descending" : " ascending") + ", first " +
                    (rows.empty() ? "-" : shown(rows.front())) + " last " + last);
            logHeatSort_ = false;
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
                p.principleId = h.principleIds[order[c - 1]];
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
        for (int c = 1; c < columns; ++c)
            if (order[c - 1] < static_cast<int>(h.cohort.size()))
                drawCell(-1, c, h.cohort[order[c - 1]], {});
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int shownRow = clipper.DisplayStart; shownRow < clipper.DisplayEnd; ++shownRow) {
                const int r = rows[shownRow];
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                const core::TeamRow& t = h.trainees[r];
                ImGui::TextUnformatted(traineeLabel(t.key, t.name).c_str());
                for (int c = 1; c < columns; ++c)
                    if (order[c - 1] < static_cast<int>(h.cells[r].size()))
                        drawCell(r, c, h.cells[r][order[c - 1]], t.key);
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
