// The dashboard's trends (the team's and one trainee's mean score and pass rate per day, week or
// month, drawn with ImGui's draw list), first attempt against latest per scenario, and the
// per-decision statistics of one scenario as a list (option counts with the best marked, common
// wrong turns, median time with slow trainees flagged). All figures are core::Cohort's.
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

void DashboardScreen::drawDecisions(const DashboardViews& v) {
    const auto cohort = model_.cohort();
    if (!cohort) return;
    ImGui::TextUnformatted(T("dash.dec.scenario"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(320.f);
    if (ImGui::BeginCombo("##decscenario", scenarioTitle(query_.scenarioId).c_str())) {
        for (const core::CohortScenario& s : cohort->scenarios())
            if (ImGui::Selectable(scenarioTitle(s.id).c_str(), s.id == query_.scenarioId)) {
                query_.scenarioId = s.id;
                model_.request(query_);
            }
        ImGui::EndCombo();
    }
    const core::DecisionStats& d = v.decisions;
    if (d.scenarioId != query_.scenarioId) {
        ImGui::TextDisabled("%s", T("dash.updating"));
        return;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", F("dash.dec.summary", {{"n", std::to_string(d.attempts)}}).c_str());
    if (!d.bestKnown) ImGui::TextDisabled("%s", T("dash.dec.no-best"));
    const ScenarioEntry* entry = ctx_.library.find(d.scenarioId);
    auto nodeText = [&](const std::string& nodeId) -> std::string {
        if (entry)
            if (const core::Node* n = entry->scenario->findNode(nodeId))
                for (const core::Line& l : n->lines)
                    if (l.speaker == "customer") return l.text.in(ctx_.lang());
        return {};
    };
    ImGui::BeginChild("decisions");
    if (!d.wrongTurns.empty() && ImGui::CollapsingHeader(T("dash.dec.wrong"), ImGuiTreeNodeFlags_DefaultOpen)) {
        int shown = 0;
        for (const core::DecisionStats::WrongTurn& w : d.wrongTurns) {
            if (shown++ == 8) break;
            const std::string choice = w.choiceIndex == core::kTimeoutChoice ? T("dash.timeout")
                                       : w.text.in(ctx_.lang()).empty()      ? w.choiceId
                                                                             : w.text.in(ctx_.lang());
            ImGui::Bullet();
            ImGui::TextWrapped("%s", F("dash.dec.wrong-line", {{"n", std::to_string(w.attempts)},
                                                               {"node", w.nodeId}, {"choice", choice}})
                                         .c_str());
        }
    }
    for (const core::DecisionPointStats& p : d.points) {
        ImGui::PushID(p.nodeId.c_str());
        const std::string header = F("dash.dec.point", {{"node", p.nodeId}, {"n", std::to_string(p.reached)},
                                                        {"median", [&] {
                                                             char b[16];
                                                             std::snprintf(b, sizeof b, "%.1f", p.medianSeconds);
                                                             return std::string(b);
                                                         }()},
                                                        {"wrong", std::to_string(p.wrongTurns)}}) +
                                   "###" + p.nodeId;
        if (ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            const std::string said = nodeText(p.nodeId);
            if (!said.empty()) ImGui::TextDisabled("%s", said.c_str());
            int most = 1;
            for (const core::ChoiceCount& c : p.choices) most = std::max(most, c.chosen);
            for (const core::ChoiceCount& c : p.choices) {
                const std::string text = c.choiceIndex == core::kTimeoutChoice ? T("dash.timeout")
                                         : c.text.in(ctx_.lang()).empty()      ? c.choiceId
                                                                               : c.text.in(ctx_.lang());
                const float frac = static_cast<float>(c.chosen) / most;
                ImGui::PushStyleColor(ImGuiCol_PlotHistogram,
                                      c.best ? ImVec4(0.2f, 0.65f, 0.38f, 1.f) : ImVec4(0.35f, 0.45f, 0.62f, 1.f));
                ImGui::ProgressBar(frac, ImVec2(140.f, 0), (std::to_string(c.chosen)).c_str());
                ImGui::PopStyleColor();
                ImGui::SameLine();
                if (c.best) ImGui::TextColored({0.45f, 0.9f, 0.55f, 1.f}, "%s", T("dash.dec.best"));
                else ImGui::TextDisabled("  ");
                ImGui::SameLine();
                ImGui::TextWrapped("%s  (%s)", text.c_str(),
                                   F("dash.dec.trainees", {{"n", std::to_string(c.trainees)}}).c_str());
            }
            if (!p.slowTrainees.empty()) {
                std::string names;
                for (const std::string& key : p.slowTrainees) {
                    if (!names.empty()) names += ", ";
                    std::string label = key;
                    for (const core::TeamRow& r : v.team)
                        if (r.key == key) label = traineeLabel(r.key, r.name);
                    names += label;
                }
                ImGui::TextColored({0.96f, 0.7f, 0.3f, 1.f}, "%s", F("dash.dec.slow", {{"names", names}}).c_str());
            }
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace counterplay::app
