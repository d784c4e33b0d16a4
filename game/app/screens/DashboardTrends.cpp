// The dashboard's trends (the team's and one trainee's mean score and pass rate per day, week or
// month, drawn with ImGui's draw list) and first attempt against latest per scenario. All figures
// are core::Cohort's. (The per-decision statistics are in DashboardDecisions.cpp.)
#include <imgui.h>

#include <algorithm>

#include "screens/DashboardScreen.h"

namespace counterplay::app {
namespace {

constexpr ImU32 kScoreBlue = IM_COL32(86, 156, 230, 255);
constexpr ImU32 kPassGreen = IM_COL32(72, 190, 120, 255);

/// Bars (mean score, 0..100) with a line (pass rate) over them, one slot per period. Hidden and
/// empty periods leave a gap. Labels under the first, middle and last period.
void trendChart(const char* id, const std::vector<core::TrendPoint>& points, float height, const char* hiddenText) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton(id, ImVec2(width, height + 22.f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = origin, b(origin.x + width, origin.y + height);
    dl->AddRectFilled(a, b, IM_COL32(24, 28, 40, 255), 4.f);
    auto gridLabels = [&] {  // drawn over the bars so a tall bar never hides them
        for (int pct : {25, 50, 75})
            dl->AddText({a.x + 3, b.y - height * pct / 100.f - 15}, IM_COL32(200, 204, 220, 255),
                        (std::to_string(pct) + "%").c_str());
    };
    for (int pct : {25, 50, 75}) {
        const float y = b.y - height * pct / 100.f;
        dl->AddLine({a.x, y}, {b.x, y}, IM_COL32(70, 76, 96, 255));
    }
    const int n = static_cast<int>(points.size());
    if (n == 0) {
        gridLabels();
        return;
    }
    const float slot = width / n;
    ImVec2 last{};
    bool haveLast = false;
    int hovered = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int i = 0; i < n; ++i) {
        const core::TrendPoint& p = points[i];
        const float x0 = a.x + slot * i, cx = x0 + slot / 2;
        if (ImGui::IsItemHovered() && mouse.x >= x0 && mouse.x < x0 + slot) hovered = i;
        if (p.meanPercent.shown()) {
            const float top = b.y - height * static_cast<float>(p.meanPercent.value) / 100.f;
            dl->AddRectFilled({x0 + slot * 0.2f, top}, {x0 + slot * 0.8f, b.y}, kScoreBlue, 2.f);
        } else if (p.meanPercent.state == core::Figure::State::Hidden) {
            dl->AddRect({x0 + slot * 0.2f, b.y - height * 0.3f}, {x0 + slot * 0.8f, b.y},
                        IM_COL32(120, 120, 140, 255), 2.f);
        }
        if (p.passRate.shown()) {
            const ImVec2 pt(cx, b.y - height * static_cast<float>(p.passRate.value));
            if (haveLast) dl->AddLine(last, pt, kPassGreen, 2.5f);
            dl->AddCircleFilled(pt, 3.5f, kPassGreen);
            last = pt;
            haveLast = true;
        } else {
            haveLast = false;
        }
    }
    gridLabels();
    for (int i : {0, n / 2, n - 1}) {
        const float x = a.x + slot * i + 2;
        dl->AddText({std::min(x, b.x - 80.f), b.y + 3}, IM_COL32(170, 176, 196, 255), points[i].period.c_str());
        if (n == 1) break;
    }
    if (hovered >= 0) {
        const core::TrendPoint& p = points[hovered];
        auto fig = [&](const core::Figure& f, double scale) {
            if (f.shown()) return std::to_string(static_cast<int>(f.value * scale + 0.5)) + "%";
            return std::string(f.state == core::Figure::State::Hidden ? hiddenText : "-");
        };
        ImGui::SetTooltip("%s: %d\n%s / %s", p.period.c_str(), p.attempts, fig(p.meanPercent, 1).c_str(),
                          fig(p.passRate, 100).c_str());
    }
}

std::string figureText(const core::Figure& f, const char* hidden, const char* na) {
    if (f.shown()) return std::to_string(static_cast<int>(f.value + 0.5)) + "%";
    return f.state == core::Figure::State::Hidden ? hidden : na;
}

}  // namespace

void DashboardScreen::drawTrends(const DashboardViews& v) {
    int bucket = static_cast<int>(query_.bucket);
    ImGui::TextUnformatted(T("dash.trend.by"));
    ImGui::SameLine();
    bool changed = ImGui::RadioButton(T("dash.trend.day"), &bucket, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(T("dash.trend.week"), &bucket, 1);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(T("dash.trend.month"), &bucket, 2);
    ImGui::SameLine();
    ImGui::TextColored(ImColor(kScoreBlue), "%s", T("dash.trend.mean"));
    ImGui::SameLine();
    ImGui::TextColored(ImColor(kPassGreen), "%s", T("dash.trend.pass"));
    if (changed) {
        query_.bucket = static_cast<core::TrendBucket>(bucket);
        model_.request(query_);
    }
    const float chartH = 120.f;
    ImGui::TextUnformatted(T("dash.trend.team"));
    trendChart("teamtrend", v.teamTrend, chartH, T("dash.hidden"));
    if (query_.traineeKey.empty()) {
        ImGui::TextDisabled("%s", T("dash.trend.pick"));
    } else {
        std::string name = query_.traineeKey;
        for (const core::TeamRow& r : v.team)
            if (r.key == query_.traineeKey) name = traineeLabel(r.key, r.name);
        ImGui::TextUnformatted(F("dash.trend.trainee", {{"name", name}}).c_str());
        trendChart("traineetrend", v.traineeTrend, chartH, T("dash.hidden"));
    }
    ImGui::Separator();
    ImGui::TextUnformatted(T("dash.first.title"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    const bool one = !query_.traineeKey.empty();
    if (ImGui::BeginTable("first", one ? 5 : 4, flags)) {
        ImGui::TableSetupColumn(T("dash.col.scenario"), 0, 3.f);
        ImGui::TableSetupColumn(T("dash.first.trainees"), 0, 1.f);
        ImGui::TableSetupColumn(T("dash.first.first"), 0, 1.f);
        ImGui::TableSetupColumn(T("dash.first.latest"), 0, 1.f);
        if (one) ImGui::TableSetupColumn(T("dash.first.theirs"), 0, 1.6f);
        ImGui::TableHeadersRow();
        for (const core::FirstVsLatest& f : v.teamFirst) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(scenarioTitle(f.scenarioId).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", f.trainees);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(figureText(f.firstPercent, T("dash.hidden"), T("dash.na")).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(figureText(f.latestPercent, T("dash.hidden"), T("dash.na")).c_str());
            if (one) {
                ImGui::TableNextColumn();
                for (const core::FirstVsLatest& t : v.traineeFirst)
                    if (t.scenarioId == f.scenarioId)
                        ImGui::Text("%s -> %s", figureText(t.firstPercent, "-", "-").c_str(),
                                    figureText(t.latestPercent, "-", "-").c_str());
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace counterplay::app
