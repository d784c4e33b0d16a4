// recommendPractise: the "practise next" rule shared by the game, the dashboard and the report.
#include <gtest/gtest.h>

#include "counterplay/core/PractiseNext.h"

namespace counterplay::core {
namespace {

const std::vector<PractiseScenario> kLibrary = {
    {"hard-listen", 3, {"listen"}},
    {"easy-listen", 1, {"listen", "empathise"}},
    {"mid-safety", 2, {"safety"}},
};

ScenarioProgress played(const std::string& id, int best, bool passed) {
    ScenarioProgress p;
    p.scenarioId = id;
    p.attempts = 1;
    p.bestPercent = best;
    p.passed = passed;
    return p;
}

TEST(PractiseNext, FirstStepsIsTheEasiestScenario) {
    const PractiseAdvice a = recommendPractise(kLibrary, {}, {});
    EXPECT_TRUE(a.firstSteps);
    EXPECT_EQ(a.scenarioId, "easy-listen");
    EXPECT_TRUE(a.principleId.empty());
}

TEST(PractiseNext, NothingToPlayRecommendsNothing) {
    EXPECT_TRUE(recommendPractise({}, {}, {}).scenarioId.empty());
}

TEST(PractiseNext, TrainsTheWeakestPrincipleWithAnUnpassedScenario) {
    std::map<std::string, ScenarioProgress> progress = {
        {"easy-listen", played("easy-listen", 40, false)}};
    std::vector<PrincipleTotal> totals = {{"empathise", 9, 10, 1}, {"listen", 1, 4, 1}};
    sortWeakestFirst(totals);
    ASSERT_EQ(totals.front().principleId, "listen");
    const PractiseAdvice a = recommendPractise(kLibrary, progress, totals);
    EXPECT_FALSE(a.firstSteps);
    EXPECT_EQ(a.principleId, "listen");
    EXPECT_EQ(a.principlePercent, 25);
    // Never played (hard-listen) comes before played-and-failed (easy-listen).
    EXPECT_EQ(a.scenarioId, "hard-listen");
}

TEST(PractiseNext, SkipsAPrincipleWhoseBestScenarioIsPassed) {
    std::map<std::string, ScenarioProgress> progress = {
        {"mid-safety", played("mid-safety", 90, true)},
        {"easy-listen", played("easy-listen", 50, false)}};
    std::vector<PrincipleTotal> totals = {{"safety", 1, 10, 1}, {"listen", 5, 10, 1}};
    sortWeakestFirst(totals);
    const PractiseAdvice a = recommendPractise(kLibrary, progress, totals);
    EXPECT_EQ(a.principleId, "listen");
    EXPECT_EQ(a.scenarioId, "hard-listen");
}

TEST(PractiseNext, AllStrongGivesTheBestCandidateOverall) {
    std::map<std::string, ScenarioProgress> progress = {
        {"easy-listen", played("easy-listen", 100, true)}};
    const std::vector<PrincipleTotal> totals = {{"listen", 4, 4, 1}};
    const PractiseAdvice a = recommendPractise(kLibrary, progress, totals);
    EXPECT_TRUE(a.principleId.empty());
    EXPECT_EQ(a.scenarioId, "mid-safety");  // not passed, never played, easier than hard-listen
}

TEST(PractiseNext, SortWeakestFirstBreaksTiesById) {
    std::vector<PrincipleTotal> totals = {{"b", 1, 2, 1}, {"a", 2, 4, 1}, {"c", 0, 0, 1}};
    sortWeakestFirst(totals);
    EXPECT_EQ(totals[0].principleId, "a");
    EXPECT_EQ(totals[1].principleId, "b");
    EXPECT_EQ(totals[2].principleId, "c");  // nothing achievable counts as 100%
}

}  // namespace
}  // namespace counterplay::core
