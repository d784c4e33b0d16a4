// The dashboard's drill-down into one attempt: who, what, when and its seal status (checked
// again here with core::checkAttempt, red when altered), the scorecard per principle and the
// critical actions, and the transcript: each customer line, the choice, its feedback, points
// and the time taken.
#include <imgui.h>

#include "counterplay/core/CohortReport.h"
#include "counterplay/core/Keyring.h"
#include "platform/Log.h"
#include "screens/DashboardScreen.h"

namespace counterplay::app {
namespace {

const ImVec4 kRed{1.f, 0.36f, 0.36f, 1.f};
const ImVec4 kGreen{0.45f, 0.9f, 0.55f, 1.f};
const ImVec4 kAmber{0.96f, 0.7f, 0.3f, 1.f};
const ImVec4 kGold{0.96f, 0.76f, 0.35f, 1.f};

std::string seconds(std::int64_t ms) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f s", static_cast<double>(ms) / 1000.0);
    return b;
}

}  // namespace

void DashboardScreen::openAttempt(std::int64_t attemptId) {
    Drill d;
    d.id = attemptId;
    std::string error;
    auto store = core::ResultsStore::open(model_.dbPath(), error, core::ResultsStore::Mode::ReadOnly);
    if (!store) {
        d.error = error;
    } else {
        try {
            d.attempt = store->getAttempt(attemptId);
            if (!d.attempt) {
                d.error = F("dash.drill.gone", {{"id", std::to_string(attemptId)}});
            } else {
                if (!scenarioIndex_) {
                    scenarioIndex_ = std::make_unique<core::ScenarioIndex>();
                    if (!ctx_.library.dir().empty()) scenarioIndex_->addFolder(ctx_.library.dir());
                }
                std::string warning;
                const core::Trust trust = core::loadTrust(warning);
                d.integrity = core::checkAttempt(*d.attempt, store->sealedFromId(), trust, scenarioIndex_.get());
            }
        } catch (const std::exception& e) {
            d.error = e.what();
        }
    }
    logLine("dashboard: attempt " + std::to_string(attemptId) + " opened (" +
            (d.attempt ? core::integrityStatusName(d.integrity.status) : "error") + ")");
    drill_ = std::move(d);
}

void DashboardScreen::drawAttemptWindow() {
    if (!drill_) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({io.DisplaySize.x * 0.12f, io.DisplaySize.y * 0.08f}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize({io.DisplaySize.x * 0.76f, io.DisplaySize.y * 0.86f}, ImGuiCond_Appearing);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.13f, 0.15f, 0.22f, 0.99f));
    const std::string title = F("dash.drill.title", {{"id", std::to_string(drill_->id)}}) + "###drill";
    bool open = true;
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        ImGui::PopStyleColor();
        if (!open) drill_.reset();
        return;
    }
    lastId_ = "dashboard-attempt";
    if (!drill_->error.empty() || !drill_->attempt) {
        ImGui::TextColored(kRed, "%s", drill_->error.c_str());
    } else {
        const core::StoredAttempt& a = *drill_->attempt;
        const core::AttemptSummary& s = a.summary;
        const core::AttemptIntegrity& in = drill_->integrity;
        ImGui::Text("%s", traineeLabel(s.traineeKey, s.traineeName).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", scenarioTitle(s.scenarioId).c_str());
        ImGui::TextDisabled("%s", F("dash.drill.when", {{"start", core::localDateTime(s.startedAtMs)},
                                                        {"end", core::localDateTime(s.endedAtMs)},
                                                        {"time", seconds(s.durationMs)},
                                                        {"store", s.originStore.empty() ? "-" : s.originStore}})
                                      .c_str());
        // An altered attempt's stored score is not to be believed: never green.
        const ImVec4 verdict = in.status == core::IntegrityStatus::Altered ? kRed
                               : s.passed                                  ? kGreen
                                                                           : kAmber;
        ImGui::TextColored(verdict, "%s", F("dash.drill.score", {{"percent", std::to_string(s.percent)},
                                                                 {"earned", std::to_string(s.earnedTotal)},
                                                                 {"best", std::to_string(s.bestTotal)},
                                                                 {"threshold", std::to_string(s.passThreshold)},
                                                                 {"verdict", s.passed ? T("dash.passed") : T("dash.failed")}})
                                              .c_str());
        // Seal status.
        switch (in.status) {
        case core::IntegrityStatus::Ok:
            ImGui::TextColored(kGreen, "%s", (in.replayed ? T("dash.seal.ok-replayed") : T("dash.seal.ok")));
            break;
        case core::IntegrityStatus::Altered:
            ImGui::TextColored(kRed, "%s", F("dash.seal.altered", {{"why", in.reason}}).c_str());
            break;
        case core::IntegrityStatus::Unsealed: ImGui::TextColored(kAmber, "%s", T("dash.seal.unsealed")); break;
        case core::IntegrityStatus::UnknownSigner:
            ImGui::TextColored(kAmber, "%s", F("dash.seal.unknown", {{"why", in.reason}}).c_str());
            break;
        }
        if (!s.originFingerprint.empty()) ImGui::TextDisabled("%s", F("dash.seal.key", {{"fp", s.originFingerprint}}).c_str());
        const bool altered = in.status == core::IntegrityStatus::Altered;
        if (altered) ImGui::PushStyleColor(ImGuiCol_Text, kRed);
        if (ImGui::BeginTabBar("drilltabs")) {
            if (ImGui::BeginTabItem(T("dash.drill.transcript"))) {
                const ScenarioEntry* entry = ctx_.library.find(s.scenarioId);
                const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                              ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
                if (ImGui::BeginTable("transcript", 6, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
                    ImGui::TableSetupScrollFreeze(0, 1);
                    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 26.f);
                    ImGui::TableSetupColumn(T("dash.drill.customer"), 0, 3.f);
                    ImGui::TableSetupColumn(T("dash.drill.choice"), 0, 3.f);
                    ImGui::TableSetupColumn(T("dash.drill.feedback"), 0, 3.f);
                    ImGui::TableSetupColumn(T("dash.drill.points"), 0, 1.4f);
                    ImGui::TableSetupColumn(T("dash.drill.time"), ImGuiTableColumnFlags_WidthFixed, 60.f);
                    ImGui::TableHeadersRow();
                    std::vector<core::CoachingNote> notes;
                    if (core::ResultsStore* cs = coachStore()) {
                        try {
                            notes = core::notesForAttempt(*cs, s.id);
                        } catch (const std::exception&) {
                        }
                    }
                    int step = 0;
                    for (const core::DecisionRecord& d : a.scorecard.decisions) {
                        ++step;
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::Text("%d", step);
                        ImGui::TableNextColumn();
                        std::string said;
                        if (entry)
                            if (const core::Node* n = entry->scenario->findNode(d.nodeId))
                                for (const core::Line& l : n->lines)
                                    if (l.speaker == "customer") said += (said.empty() ? "" : "\n") + l.text.in(ctx_.lang());
                        ImGui::TextWrapped("%s", said.empty() ? d.nodeId.c_str() : said.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextWrapped("%s", d.timeout ? T("dash.timeout") : d.choiceText.in(ctx_.lang()).c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextWrapped("%s", d.feedback.in(ctx_.lang()).c_str());
                        // A note is wrapped in the column, never cut: it is the manager's words.
                        ImGui::PushStyleColor(ImGuiCol_Text, kGold);
                        for (const core::CoachingNote& n : notes)
                            if (n.decisionIndex == step - 1)
                                ImGui::TextWrapped("%s", F("dash.note.inline",
                                                           {{"author", n.author}, {"text", n.text}})
                                                             .c_str());
                        ImGui::PopStyleColor();
                        ImGui::TableNextColumn();
                        for (const auto& [principle, pts] : d.points)
                            ImGui::TextWrapped("%+d %s", pts, principleName(principle).c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(seconds(d.elapsedMs).c_str());
                    }
                    ImGui::EndTable();
                }
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem(T("dash.drill.notes"))) {
                if (altered) ImGui::PopStyleColor();
                drawNotes(a);
                if (altered) ImGui::PushStyleColor(ImGuiCol_Text, kRed);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem(T("dash.drill.scorecard"))) {
                const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
                if (ImGui::BeginTable("card", 3, flags)) {
                    ImGui::TableSetupColumn(T("dash.drill.principle"), 0, 4.f);
                    ImGui::TableSetupColumn(T("dash.drill.earned"), 0, 1.f);
                    ImGui::TableSetupColumn("%", 0, 1.f);
                    ImGui::TableHeadersRow();
                    for (const core::PrincipleScore& p : a.scorecard.principles) {
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(principleName(p.id).c_str());
                        ImGui::TableNextColumn();
                        ImGui::Text("%d / %d", p.earned, p.achievable);
                        ImGui::TableNextColumn();
                        if (p.achievable > 0) {
                            const double pct = 100.0 * std::max(0, p.earned) / p.achievable;
                            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(heatColour(pct)));
                            ImGui::Text("%.0f%%", pct);
                        } else {
                            ImGui::TextUnformatted(T("dash.na"));
                        }
                    }
                    ImGui::EndTable();
                }
                for (const core::CriticalResult& c : a.scorecard.critical)
                    ImGui::TextColored(c.met ? kGreen : kRed, "%s %s%s", c.met ? "+" : "x", c.label.in(ctx_.lang()).c_str(),
                                       c.met ? "" : (" (" + c.reason + ")").c_str());
                ImGui::TextDisabled("%s", F("dash.drill.ending", {{"ending", a.scorecard.endingTitle.in(ctx_.lang())},
                                                                  {"mood", std::to_string(s.finalMood)},
                                                                  {"trust", std::to_string(s.finalTrust)},
                                                                  {"nps", std::to_string(s.recommend)}})
                                              .c_str());
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        if (altered) ImGui::PopStyleColor();
    }
    ImGui::End();
    ImGui::PopStyleColor();
    if (!open) drill_.reset();
}

}  // namespace counterplay::app
