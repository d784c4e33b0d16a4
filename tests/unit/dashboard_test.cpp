// The dashboard core (Cohort): team table, heatmap, trends, first against latest, per-choice
// counts, wrong turns, decision-time medians, practise next and the privacy threshold.
#include "counterplay/core/Dashboard.h"

#include <cstdlib>
#include <ctime>

#include "results_fixture.h"

namespace counterplay::testing {
namespace {

using core::Figure;
constexpr std::int64_t kDay = 86400000;

/// An attempt with its own first choice, first decision time and trainee key.
core::NewAttempt attemptOf(const std::string& name, const std::string& key, int listen, int empathy,
                           std::int64_t endedAt, int firstChoice = 0, std::int64_t firstMs = 4000) {
    core::NewAttempt a = sampleAttempt(name, listen, empathy, endedAt);
    a.traineeKey = key;
    a.scorecard.decisions[0].choiceIndex = firstChoice;
    a.scorecard.decisions[0].choiceId = "start." + std::to_string(firstChoice);
    a.scorecard.decisions[0].elapsedMs = firstMs;
    a.transcript.decisions[0].choiceIndex = firstChoice;
    a.transcript.decisions[0].choiceId = "start." + std::to_string(firstChoice);
    a.transcript.decisions[0].elapsedMs = firstMs;
    return a;
}

class DashboardTest : public ResultsFixture {
protected:
    void SetUp() override {
        ResultsFixture::SetUp();
        setenv("TZ", "UTC", 1);
        tzset();
    }
    core::Cohort cohort() { return core::Cohort::load(*store); }
    core::DashboardOptions options;
};

TEST_F(DashboardTest, TeamTableKeepsTraineesWithTheSameNameApart) {
    store->recordAttempt(attemptOf("Kim", "k1", 3, 4, kJan1));                   // 100%, passed
    store->recordAttempt(attemptOf("Kim", "k2", 0, 0, kJan1 + 1000));            // 0%
    store->recordAttempt(attemptOf("Kim", "k1", 1, 0, kJan1 + kDay, 0, 10000));  // 14%
    const auto rows = cohort().teamTable({}, options);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].key, "k1");
    EXPECT_EQ(rows[0].attempts, 2);
    EXPECT_EQ(rows[0].scenariosPassed, 1);
    EXPECT_EQ(rows[0].scenariosAvailable, 1);
    EXPECT_DOUBLE_EQ(rows[0].meanPercent, 57.0);  // (100 + 14) / 2
    EXPECT_EQ(rows[0].lastPercent, 14);
    EXPECT_EQ(rows[0].lastActiveMs, kJan1 + kDay);
    // Decision times 4, 7, 10, 7 s: median 7.
    EXPECT_DOUBLE_EQ(rows[0].medianSecondsPerDecision, 7.0);
    EXPECT_EQ(rows[1].key, "k2");
    EXPECT_EQ(rows[1].attempts, 1);

    const auto byMean = cohort().teamTable({}, options, core::TeamSort::MeanScore, true);
    EXPECT_EQ(byMean[0].key, "k1");
    const auto byMeanUp = cohort().teamTable({}, options, core::TeamSort::MeanScore, false);
    EXPECT_EQ(byMeanUp[0].key, "k2");
}

TEST_F(DashboardTest, FiltersByDateOutcomeNameAndOrigin) {
    store->recordAttempt(attemptOf("Kim Minji", "k1", 3, 4, kJan1));
    store->recordAttempt(attemptOf("Lee Jisoo", "k2", 0, 0, kJan1 + kDay));
    const auto c = cohort();
    core::DashboardFilter f;
    f.nameSearch = "minji";
    EXPECT_EQ(c.select(f).size(), 1u);
    f = {};
    f.sinceMs = kJan1 + 1;
    ASSERT_EQ(c.teamTable(f, options).size(), 1u);
    EXPECT_EQ(c.teamTable(f, options)[0].key, "k2");
    f = {};
    f.outcome = core::DashboardFilter::Outcome::Passed;
    EXPECT_EQ(c.teamTable(f, options)[0].key, "k1");
    f.outcome = core::DashboardFilter::Outcome::Failed;
    EXPECT_EQ(c.teamTable(f, options)[0].key, "k2");
    f = {};
    f.scenarioIds = {"other"};
    EXPECT_TRUE(c.select(f).empty());
    // The origin columns exist (schema 3); these local attempts have no other store.
    EXPECT_TRUE(c.hasOriginColumns());
    f = {};
    f.originStore = "Gangnam";
    EXPECT_TRUE(c.select(f).empty());
}

TEST_F(DashboardTest, HeatmapCellsAndTheCohortRow) {
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1));
    store->recordAttempt(attemptOf("A", "a", 0, 2, kJan1 + 1));
    store->recordAttempt(attemptOf("B", "b", 3, 0, kJan1 + 2));
    store->recordAttempt(attemptOf("C", "c", 0, 0, kJan1 + 3));
    const auto h = cohort().heatmap({}, options);
    ASSERT_EQ(h.principleIds,
              (std::vector<std::string>{"complaint.empathise", "complaint.listen"}));
    ASSERT_EQ(h.trainees.size(), 3u);
    const core::HeatCell& aEmp = h.cells[0][0];
    EXPECT_EQ(aEmp.earned, 6);
    EXPECT_EQ(aEmp.achievable, 8);
    EXPECT_DOUBLE_EQ(aEmp.percent.value, 75.0);
    EXPECT_EQ(aEmp.attemptIds, (std::vector<std::int64_t>{1, 2}));
    EXPECT_DOUBLE_EQ(h.cells[0][1].percent.value, 50.0);  // 3 of 6
    // Cohort: listen 6 of 12.
    ASSERT_TRUE(h.cohort[1].percent.shown());
    EXPECT_DOUBLE_EQ(h.cohort[1].percent.value, 50.0);
    EXPECT_EQ(h.cohort[1].percent.trainees, 3);
    EXPECT_TRUE(h.cohort[1].attemptIds.empty());  // the cohort row: every attempt in the filter
}

TEST_F(DashboardTest, HeatmapColumnsFollowTheCatalogueOrder) {
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1));
    core::DashboardOptions ordered = options;
    ordered.principleOrder = {"complaint.listen", "trust.unknown", "complaint.empathise"};
    EXPECT_EQ(cohort().heatmap({}, ordered).principleIds,
              (std::vector<std::string>{"complaint.listen", "complaint.empathise"}));
    ordered.principleOrder = {"complaint.listen"};  // the rest after it, by id
    const auto h = cohort().heatmap({}, ordered);
    EXPECT_EQ(h.principleIds,
              (std::vector<std::string>{"complaint.listen", "complaint.empathise"}));
    // The cells move with their columns: empathise is now the second.
    EXPECT_DOUBLE_EQ(h.cells[0][1].percent.value,
                     cohort().heatmap({}, options).cells[0][0].percent.value);
}

TEST_F(DashboardTest, HeatmapRowsSortByOnePrincipleWithBlanksLast) {
    store->recordAttempt(attemptOf("Ann", "a", 3, 4, kJan1));       // empathise 100%, listen 100%
    store->recordAttempt(attemptOf("Bo", "b", 0, 2, kJan1 + 1));    // empathise 50%, listen 0%
    store->recordAttempt(attemptOf("Cy", "c", 3, 2, kJan1 + 2));    // empathise 50%, listen 100%
    core::NewAttempt none = attemptOf("Di", "d", 0, 0, kJan1 + 3);  // listen n/a (0 of 0)
    none.scorecard.principles = {{"complaint.empathise", 1, 4, -2}, {"complaint.listen", 0, 0, 0}};
    store->recordAttempt(none);
    const auto h = cohort().heatmap({}, options);
    ASSERT_EQ(h.principleIds,
              (std::vector<std::string>{"complaint.empathise", "complaint.listen"}));
    // Empathise: Di 25, Bo 50, Cy 50 (a tie stays in name order), Ann 100.
    EXPECT_EQ(core::heatmapRowOrder(h, 0, false), (std::vector<int>{3, 1, 2, 0}));
    EXPECT_EQ(core::heatmapRowOrder(h, 0, true), (std::vector<int>{0, 1, 2, 3}));
    // Listen: Di has no figure and comes last in both directions.
    EXPECT_EQ(core::heatmapRowOrder(h, 1, false), (std::vector<int>{1, 0, 2, 3}));
    EXPECT_EQ(core::heatmapRowOrder(h, 1, true), (std::vector<int>{0, 2, 1, 3}));
    // No column: name order.
    EXPECT_EQ(core::heatmapRowOrder(h, -1, true), (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(core::heatmapRowOrder(h, 2, false), (std::vector<int>{0, 1, 2, 3}));
}

TEST_F(DashboardTest, NameSearchSuggestsTheNearestTrainee) {
    store->recordAttempt(attemptOf("Kim Minji", "emp-104", 3, 4, kJan1));
    store->recordAttempt(attemptOf("Lee Jisoo", "emp-221", 0, 0, kJan1 + 1));
    const auto c = cohort();
    EXPECT_EQ(c.suggestTrainee("minjy"), "Minji");         // a word of a name, as written
    EXPECT_EQ(c.suggestTrainee("lee jisu"), "Lee Jisoo");  // the whole name
    EXPECT_EQ(c.suggestTrainee("EMP-212"), "emp-221");     // a key, case-insensitive
    EXPECT_EQ(c.suggestTrainee("jisoo"), "");              // matches as it is: nothing to correct
    EXPECT_EQ(c.suggestTrainee("zzzzzz"), "");             // nothing close
    EXPECT_EQ(c.suggestTrainee(""), "");
}

TEST_F(DashboardTest, ZeroOfZeroIsNotApplicableNotFull) {
    core::NewAttempt a = attemptOf("A", "a", 0, 0, kJan1);
    a.scorecard.principles = {{"complaint.empathise", 0, 0, 0}, {"complaint.listen", 0, 3, -1}};
    store->recordAttempt(a);
    const auto h = cohort().heatmap({}, options);
    EXPECT_EQ(h.cells[0][0].percent.state, Figure::State::NotApplicable);
    EXPECT_EQ(h.cohort[0].percent.state, Figure::State::NotApplicable);
    EXPECT_EQ(h.cells[0][1].percent.state, Figure::State::Value);
    EXPECT_DOUBLE_EQ(h.cells[0][1].percent.value, 0.0);
}

TEST_F(DashboardTest, PrivacyThresholdHidesSmallCohorts) {
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1));
    store->recordAttempt(attemptOf("B", "b", 3, 0, kJan1 + 1));
    auto c = cohort();
    const auto h = c.heatmap({}, options);  // 2 trainees < 3
    EXPECT_EQ(h.cohort[0].percent.state, Figure::State::Hidden);
    EXPECT_EQ(h.cohort[0].percent.trainees, 2);
    EXPECT_TRUE(h.cells[0][0].percent.shown());  // a trainee's own cell is not an average
    const auto team = c.trend({}, options, core::TrendBucket::Day);
    ASSERT_EQ(team.size(), 1u);
    EXPECT_EQ(team[0].meanPercent.state, Figure::State::Hidden);
    EXPECT_EQ(team[0].passRate.state, Figure::State::Hidden);
    const auto own = c.trend({}, options, core::TrendBucket::Day, "a");
    EXPECT_TRUE(own[0].meanPercent.shown());
    options.minGroupSize = 2;
    EXPECT_TRUE(c.heatmap({}, options).cohort[0].percent.shown());
    EXPECT_EQ(core::cohortFigure(50, 2, 3).state, Figure::State::Hidden);
    EXPECT_EQ(core::cohortFigure(50, 3, 3).state, Figure::State::Value);
}

TEST_F(DashboardTest, TrendsByDayWeekAndMonth) {
    options.minGroupSize = 1;
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1));              // Mon 2024-01-01, 100
    store->recordAttempt(attemptOf("A", "a", 0, 0, kJan1 + 1000));       // same day, 0
    store->recordAttempt(attemptOf("B", "b", 3, 2, kJan1 + 7 * kDay));   // 2024-01-08, 71 passed
    store->recordAttempt(attemptOf("B", "b", 0, 0, kJan1 + 31 * kDay));  // 2024-02-01
    const auto c = cohort();
    const auto days = c.trend({}, options, core::TrendBucket::Day);
    ASSERT_EQ(days.size(), 3u);
    EXPECT_EQ(days[0].period, "2024-01-01");
    EXPECT_EQ(days[0].attempts, 2);
    EXPECT_DOUBLE_EQ(days[0].meanPercent.value, 50.0);
    EXPECT_DOUBLE_EQ(days[0].passRate.value, 0.5);
    const auto weeks = c.trend({}, options, core::TrendBucket::Week);
    ASSERT_EQ(weeks.size(), 3u);
    EXPECT_EQ(weeks[0].period, "2024-W01");
    EXPECT_EQ(weeks[1].period, "2024-W02");
    const auto months = c.trend({}, options, core::TrendBucket::Month);
    ASSERT_EQ(months.size(), 2u);
    EXPECT_EQ(months[0].period, "2024-01");
    EXPECT_EQ(months[0].attempts, 3);
    const auto mine = c.trend({}, options, core::TrendBucket::Month, "b");
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(mine[0].attempts, 1);
}

TEST_F(DashboardTest, FirstAttemptAgainstLatest) {
    options.minGroupSize = 1;
    store->recordAttempt(attemptOf("A", "a", 0, 0, kJan1));       // first 0
    store->recordAttempt(attemptOf("A", "a", 1, 0, kJan1 + 5));   // middle 14
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1 + 10));  // latest 100
    store->recordAttempt(attemptOf("B", "b", 3, 2, kJan1 + 1));   // first = latest 71
    const auto team = cohort().firstVsLatest({}, options);
    ASSERT_EQ(team.size(), 1u);
    EXPECT_EQ(team[0].scenarioId, "washed-blouse");
    EXPECT_EQ(team[0].trainees, 2);
    EXPECT_DOUBLE_EQ(team[0].firstPercent.value, 35.5);
    EXPECT_DOUBLE_EQ(team[0].latestPercent.value, 85.5);
    const auto a = cohort().firstVsLatest({}, options, "a");
    EXPECT_DOUBLE_EQ(a[0].firstPercent.value, 0.0);
    EXPECT_DOUBLE_EQ(a[0].latestPercent.value, 100.0);
    options.minGroupSize = 3;
    EXPECT_EQ(cohort().firstVsLatest({}, options)[0].latestPercent.state, Figure::State::Hidden);
}

/// The best path of the sample scenario: option 1 at "start", then the timeout at "second".
core::Analysis sampleAnalysis() {
    core::Analysis a;
    a.best.exists = true;
    a.best.steps = {{"start", 1}, {"second", core::kTimeoutChoice}};
    return a;
}

TEST_F(DashboardTest, PerChoiceCountsWithTheBestOptionMarked) {
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1, 0));
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1 + 1, 0));
    store->recordAttempt(attemptOf("B", "b", 3, 4, kJan1 + 2, 1));
    store->recordAttempt(attemptOf("C", "c", 3, 4, kJan1 + 3, 0));
    const auto c = cohort();
    const core::Analysis analysis = sampleAnalysis();
    const auto stats = c.decisionStats("washed-blouse", {}, nullptr, &analysis);
    EXPECT_EQ(stats.attempts, 4);
    EXPECT_TRUE(stats.bestKnown);
    ASSERT_EQ(stats.points.size(), 2u);
    const auto& start = stats.points[1].nodeId == "start" ? stats.points[1] : stats.points[0];
    EXPECT_EQ(start.reached, 4);
    ASSERT_EQ(start.choices.size(), 2u);
    EXPECT_EQ(start.choices[0].choiceIndex, 0);
    EXPECT_EQ(start.choices[0].chosen, 3);
    EXPECT_EQ(start.choices[0].trainees, 2);
    EXPECT_FALSE(start.choices[0].best);
    EXPECT_EQ(start.choices[1].chosen, 1);
    EXPECT_TRUE(start.choices[1].best);
    // Without the analysis nothing is marked.
    const auto plain = c.decisionStats("washed-blouse", {});
    EXPECT_FALSE(plain.bestKnown);
    for (const auto& p : plain.points)
        for (const auto& ch : p.choices) EXPECT_FALSE(ch.best);
    EXPECT_TRUE(plain.wrongTurns.empty());
}

TEST_F(DashboardTest, WrongTurnsAreWhereAttemptsFirstLeaveTheBestPath) {
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1, 0));  // leaves at start
    store->recordAttempt(attemptOf("B", "b", 3, 4, kJan1, 0));  // leaves at start
    store->recordAttempt(attemptOf("C", "c", 3, 4, kJan1, 1));  // follows it all the way
    const core::Analysis analysis = sampleAnalysis();
    const auto stats = cohort().decisionStats("washed-blouse", {}, nullptr, &analysis);
    ASSERT_EQ(stats.wrongTurns.size(), 1u);
    EXPECT_EQ(stats.wrongTurns[0].nodeId, "start");
    EXPECT_EQ(stats.wrongTurns[0].choiceIndex, 0);
    EXPECT_EQ(stats.wrongTurns[0].attempts, 2);
    for (const auto& p : stats.points) EXPECT_EQ(p.wrongTurns, p.nodeId == "start" ? 2 : 0);
}

TEST_F(DashboardTest, DecisionTimeMediansFlagSlowTrainees) {
    store->recordAttempt(attemptOf("A", "a", 3, 4, kJan1, 0, 4000));
    store->recordAttempt(attemptOf("B", "b", 3, 4, kJan1, 0, 5000));
    store->recordAttempt(attemptOf("C", "c", 3, 4, kJan1, 0, 6000));
    store->recordAttempt(attemptOf("D", "d", 3, 4, kJan1, 0, 30000));
    const auto stats = cohort().decisionStats("washed-blouse", {});
    for (const auto& p : stats.points) {
        if (p.nodeId != "start") continue;
        EXPECT_DOUBLE_EQ(p.medianSeconds, 5.5);
        EXPECT_EQ(p.slowTrainees, (std::vector<std::string>{"d"}));
    }
    std::vector<double> v{3, 1, 2};
    EXPECT_DOUBLE_EQ(core::median(v), 2.0);
    std::vector<double> none;
    EXPECT_DOUBLE_EQ(core::median(none), 0.0);
}

TEST_F(DashboardTest, PractiseNextUsesTheGamesRulePerTrainee) {
    store->recordAttempt(attemptOf("A", "a", 3, 0, kJan1));  // empathise weakest, failed
    store->recordAttempt(attemptOf("B", "b", 3, 4, kJan1));  // passed everything
    options.library = {{"washed-blouse", 2, {"complaint.listen", "complaint.empathise"}},
                       {"cold-soup", 1, {"complaint.empathise"}}};
    const auto advice = cohort().practiseNext({}, options);
    ASSERT_EQ(advice.size(), 2u);
    EXPECT_EQ(advice[0].key, "a");
    EXPECT_EQ(advice[0].advice.principleId, "complaint.empathise");
    EXPECT_EQ(advice[0].advice.scenarioId, "cold-soup");  // never played beats played
    EXPECT_EQ(advice[0].weakest.front().principleId, "complaint.empathise");
    EXPECT_EQ(advice[1].key, "b");
    EXPECT_TRUE(advice[1].advice.principleId.empty());  // nothing weak: best candidate overall
    EXPECT_EQ(advice[1].advice.scenarioId, "cold-soup");
}

}  // namespace
}  // namespace counterplay::testing
