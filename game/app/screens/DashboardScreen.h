// The manager's dashboard, drawn with Dear ImGui over the SFML window: a filter bar, then tabs
// for the team table, the trainee x principle heatmap, trends, per-decision statistics, practise
// next, and actions (import, pull from the LRS, export the selection); a drill-down window shows
// one attempt. Every figure comes from core::Cohort (DashboardModel computes the views off the
// UI thread); attempts whose seal check failed are drawn in red wherever they appear.
// The panels live in DashboardTeam.cpp, DashboardHeatmap.cpp, DashboardTrends.cpp,
// DashboardDecisions.cpp, DashboardAttempt.cpp, DashboardCoach.cpp (passphrase gate, notes,
// sign-offs, roster, privacy threshold) and DashboardActions.cpp.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "counterplay/core/Coaching.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/ManagerAccess.h"
#include "counterplay/core/Roster.h"
#include "screens/DashboardModel.h"
#include "screens/Screen.h"

struct ImVec4;

namespace counterplay::app {

class DashboardScreen : public Screen {
public:
    explicit DashboardScreen(Context& ctx);
    ~DashboardScreen() override;
    std::string id() const override;
    void handleEvent(const sf::Event& event, sf::Vector2f mouse) override;
    void update(float dt, sf::Vector2f mouse) override;
    void draw(sf::RenderTarget& target) override;
    void relayout() override {}
    bool usesImGui() const override { return true; }
    void buildImGui(float dt) override;
    bool capturesText() const override { return true; }
    std::string debugInfo() const override;

private:
    enum class Tab { Team, Heatmap, Trends, Decisions, Practise, Coaching, Actions };

    // DashboardScreen.cpp
    const char* T(const char* key) const;
    std::string F(const char* key, std::initializer_list<std::pair<const char*, std::string>> args) const;
    void drawTopBar();
    void drawFilters();
    void applyFilters();
    /// When the filters leave no trainee: says so, with "did you mean" for a name search close
    /// to a trainee (core::Cohort::suggestTrainee) and a button to clear the filters; true when
    /// it drew that instead of the tab.
    bool drawNoMatch(const DashboardViews& v);
    std::string traineeLabel(const std::string& key, const std::string& name) const;
    std::string scenarioTitle(const std::string& id) const;
    std::string principleName(const std::string& id) const;
    /// Indices into `ids` in the principle catalogue's order (the order trainees learn them),
    /// then any id the catalogue lacks, by id.
    std::vector<int> catalogueOrder(const std::vector<std::string>& ids) const;
    /// One attempt as a selectable row ("#id date scenario 73% passed"), red when altered;
    /// clicking opens the drill-down.
    void attemptRow(std::int64_t attemptId);
    void selectTrainee(const std::string& key);

    // DashboardTeam.cpp
    void drawTeam(const DashboardViews& v);
    void drawPractise(const DashboardViews& v);
    /// Altered attempts per trainee key (the seal check's so far), for the red marks.
    std::map<std::string, int> alteredPerTrainee();
    /// The red "altered" mark after a trainee's name, with its tooltip; nothing when none.
    void alteredMark(const std::map<std::string, int>& perTrainee, const std::string& key);
    // DashboardHeatmap.cpp
    void drawHeatmap(const DashboardViews& v);
    // DashboardTrends.cpp
    void drawTrends(const DashboardViews& v);
    // DashboardDecisions.cpp: the Decisions tab. The chosen scenario's graph (GraphCanvas) with
    // per-node badges, per-choice counts, the best options and the common wrong turns, and the
    // clicked decision point's detail beside it; or the list (a toggle, and the fallback when the
    // scenario's file is not in the library).
    struct DecisionGraph;  // layouts cached per scenario, the canvas, the figures it draws
    void drawDecisions(const DashboardViews& v);
    void drawDecisionList(const DashboardViews& v);
    void drawDecisionGraph(const DashboardViews& v, const ScenarioEntry& entry);
    void drawDecisionDetail(const DashboardViews& v, const ScenarioEntry& entry);
    /// Logs the decision point just clicked with its figures (for the app test and support).
    void logDecisionPick(const DashboardViews& v, const ScenarioEntry& entry);
    /// The option bars of one decision point (count, ★ best, text, trainees), in both views.
    void drawChoiceBars(const core::DecisionPointStats& point);
    /// Comma-separated names of trainee keys (traineeLabel, so equal names stay apart).
    std::string traineeNames(const DashboardViews& v, const std::vector<std::string>& keys) const;
    std::shared_ptr<DecisionGraph> decGraph_;  // shared_ptr: complete in DashboardDecisions.cpp
    bool decList_ = false;                     // the manager chose the list view
    std::string decNoGraphLogged_;  // the scenario last logged as having no graph
    // DashboardAttempt.cpp
    void openAttempt(std::int64_t attemptId);
    void drawAttemptWindow();
    // DashboardCoach.cpp
    /// The results store for coaching writes (opened read-write once; null with the reason in
    /// coachStoreError_).
    core::ResultsStore* coachStore();
    /// The manager passphrase window; true once unlocked.
    bool drawGate();
    void drawNotes(const core::StoredAttempt& attempt);
    void drawCoaching(const DashboardViews& v);
    // DashboardActions.cpp
    void drawActions(const DashboardViews& v);
    void pollJob();

    DashboardModel model_;
    DashboardQuery query_;
    Tab tab_ = Tab::Team;
    std::optional<Tab> switchTo_;  // a tab to select on the next frame (clicks elsewhere)
    float time_ = 0.f;
    std::chrono::steady_clock::time_point opened_ = std::chrono::steady_clock::now();
    bool firstViewsLogged_ = false;
    bool escapeUsed_ = false;  // this Escape closed the drill-down (do not leave the screen too)
    int frames_ = 0;
    float worstFrameMs_ = 0.f;
    std::string lastId_ = "dashboard";
    int alteredMarksLogged_ = -1;    // trainees marked altered when last logged
    std::string heatColumnsLogged_;  // the heatmap's column order when last logged

    // Filter bar text fields.
    std::array<char, 16> since_{}, until_{};
    std::array<char, 96> search_{};
    int scenarioPick_ = 0, storePick_ = 0, machinePick_ = 0, outcomePick_ = 0;
    std::string filterError_;
    std::string searchSuggestion_;  ///< "did you mean" for the name search ("" when none)
    std::string noMatchLogged_;     ///< the search and suggestion last logged as matching nobody

    // Heatmap cell opened (trainee row, principle column; row -1 = cohort).
    struct CellPick {
        int row = -1, column = -1;
        std::string traineeKey, principleId;
        std::vector<std::int64_t> attemptIds;
    };
    std::optional<CellPick> cell_;
    std::string heatSortPrinciple_;  ///< the heatmap's rows sorted by this principle ("" = name)
    bool heatSortDescending_ = false;
    bool logHeatSort_ = false;  ///< a heading was just clicked: log the order it gives

    // The attempt drill-down.
    struct Drill {
        std::int64_t id = 0;
        std::optional<core::StoredAttempt> attempt;
        core::AttemptIntegrity integrity;
        std::string error;
        bool open = true;
    };
    std::optional<Drill> drill_;
    std::unique_ptr<core::ScenarioIndex> scenarioIndex_;

    // Manager access and coaching.
    bool unlocked_ = false;
    std::unique_ptr<core::ManagerPassphrase> passphrase_;
    std::array<char, 128> pass_{}, pass2_{};
    std::string gateMessage_;
    std::string gateMessageKey_;  ///< the ui.yaml key of gateMessage_ ("" when none)
    std::int64_t gateWaitUntil_ = 0;
    bool gatePending_ = false;  // a try typed during the wait, checked the moment it ends
    int gateFieldGen_ = 0;  ///< bumped when a try clears the fields (new ImGui ids)
    bool gateFocused_ = false;
    bool gateConfirmTyped_ = false;  ///< the second field has been typed in since the last clear
    bool gateFocusConfirm_ = false;  ///< put the keyboard in the second field on the next frame
    std::unique_ptr<core::ResultsStore> coachStore_;
    std::string coachStoreError_;
    int noteDecision_ = -1;
    std::array<char, 96> manager_{};
    std::array<char, 2048> noteText_{};
    std::string noteMessage_, coachMessage_;
    int signPrinciple_ = 0;
    std::array<char, 256> signNote_{};
    std::array<char, 128> rosterName_{}, rosterId_{}, rosterStore_{};

    // Actions: one background job at a time (import, pull, export).
    struct Job;
    std::shared_ptr<Job> job_;
    std::thread jobThread_;
    std::array<char, 512> importPath_{}, exportPath_{};
    std::array<char, 256> lrsUrl_{}, lrsKey_{}, lrsSecret_{};
    int exportFormat_ = 0;
    std::vector<std::string> actionLog_;
};

/// The heatmap colour of a percentage (green 70+, amber 40-69, red below 40), shared with the
/// printed report's bands.
ImVec4 heatColour(double percent);

/// `text` as is when it fits in `width` pixels of the current ImGui font, else cut at a code
/// point and ended with "…" so it does (for lists that must stay inside their window).
std::string ellipsised(const std::string& text, float width);

}  // namespace counterplay::app
