// Play from here: the start node and state set by hand, checked with "did you mean" and ranges;
// critical actions before the node are "not applicable" in the scorecard, never "missed".
#include "counterplay/core/PlayFromHere.h"

#include "EditSessionFixture.h"
#include "counterplay/core/Analysis.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Session.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

std::shared_ptr<const Scenario> fixture() {
    static const ScenarioLoad l = loadScenarioText(kFixture, "fixture.yaml", shippedCatalogue());
    EXPECT_TRUE(l.ok());
    return l.scenario;
}

Scorecard playThrough(const std::shared_ptr<const Scenario>& sc,
                      const std::vector<std::size_t>& choices) {
    ManualClock clock(0);
    Session session(sc, clock);
    for (std::size_t c : choices) {
        clock.advance(1000);
        EXPECT_TRUE(session.choose(c));
    }
    EXPECT_TRUE(session.finished());
    return computeScorecard(analyzeScenario(*sc), session);
}

}  // namespace

TEST(PlayFromHere, StartsAtTheNodeWithTheStateSet) {
    const PlayStart p = playFromHere(*fixture(), "middle", {{"trust", "80"}, {"excuses", "1"},
                                                            {"apologised", "true"}});
    ASSERT_TRUE(p.ok()) << p.error;
    EXPECT_EQ(p.scenario->start, "middle");
    EXPECT_EQ(p.decisionsBefore, 1);
    ManualClock clock(0);
    Session s(p.scenario, clock);
    EXPECT_EQ(s.currentNode().id, "middle");
    EXPECT_EQ(s.state().trust, 80);
    EXPECT_EQ(s.state().counters.at("excuses"), 1);
    EXPECT_TRUE(s.state().flags.at("apologised"));
    // excuses == 1: the promise is not offered.
    EXPECT_EQ(s.availableChoices(), std::vector<std::size_t>{1});
    // The original is untouched.
    EXPECT_EQ(fixture()->start, "greet");
}

TEST(PlayFromHere, CriticalActionsBeforeTheNodeAreNotApplicable) {
    const PlayStart p = playFromHere(*fixture(), "middle", {});
    ASSERT_TRUE(p.ok()) << p.error;
    EXPECT_EQ(p.notApplicable, std::vector<std::string>{"listen-first"});
    const Scorecard card = playThrough(p.scenario, {0});  // promise -> happy
    ASSERT_EQ(card.critical.size(), 1u);
    EXPECT_FALSE(card.critical[0].met);
    EXPECT_TRUE(card.critical[0].notApplicable);
    EXPECT_EQ(card.critical[0].reason, "not applicable");
    EXPECT_FALSE(card.criticalMissed);
    EXPECT_TRUE(card.passed);
    EXPECT_EQ(card.bestTotal, 3);  // the best from the node, not from the start

    // From the start the same action is judged as usual.
    const PlayStart whole = playFromHere(*fixture(), "", {});
    ASSERT_TRUE(whole.ok());
    EXPECT_TRUE(whole.notApplicable.empty());
    const Scorecard missed = playThrough(whole.scenario, {1, 1});  // excuse, shrug
    EXPECT_EQ(missed.critical[0].reason, "missed");
    EXPECT_FALSE(missed.critical[0].notApplicable);
    EXPECT_TRUE(missed.criticalMissed);
}

TEST(PlayFromHere, DeadlinesCountFromTheNode) {
    std::string text = kFixture;
    text.replace(text.find("deadline: 1"), 11, "deadline: 3");
    text.replace(text.find("tags: [listen]"), 14, "tags: [other]");
    // The tagged choice is now shrug at `middle` (decision 2 from the start).
    text.replace(text.find("        feedback: {ko: \"무관심\""), 0, "        tags: [listen]\n");
    const ScenarioLoad l = loadScenarioText(text, "fixture.yaml", shippedCatalogue());
    ASSERT_TRUE(l.ok()) << (l.diagnostics.empty() ? "" : l.diagnostics[0].format());
    const PlayStart p = playFromHere(*l.scenario, "middle", {});
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p.notApplicable.empty());
    EXPECT_EQ(p.scenario->criticalActions[0].deadline, 2);  // 3 - one decision before
    const Scorecard card = playThrough(p.scenario, {1});
    EXPECT_TRUE(card.critical[0].met);
}

TEST(PlayFromHere, RefusesWhatDoesNotExistWithAHint) {
    const PlayStart node = playFromHere(*fixture(), "midle", {});
    EXPECT_FALSE(node.ok());
    EXPECT_EQ(node.error, "no node 'midle' in this scenario (did you mean 'middle'?)");
    EXPECT_EQ(node.problem.kind, PlayStartProblem::Kind::UnknownNode);
    EXPECT_EQ(node.problem.suggestion, "middle");
    const PlayStart range = playFromHere(*fixture(), "", {{"mood", "150"}});
    EXPECT_EQ(range.problem.kind, PlayStartProblem::Kind::OutOfRange);
    EXPECT_EQ(range.problem.value, "150");
    EXPECT_EQ(playFromHere(*fixture(), "", {{"trsut", "5"}}).error,
              "no state variable 'trsut' in this scenario (did you mean 'trust'?)");
    EXPECT_EQ(playFromHere(*fixture(), "", {{"mood", "150"}}).error,
              "'mood' is from 0 to 100, got 150");
    EXPECT_EQ(playFromHere(*fixture(), "", {{"trust", "-1"}}).error,
              "'trust' is from 0 to 100, got -1");
    EXPECT_EQ(playFromHere(*fixture(), "", {{"excuses", "x"}}).error,
              "'excuses' takes an integer, got 'x'");
    EXPECT_EQ(playFromHere(*fixture(), "", {{"apologised", "maybe"}}).error,
              "flag 'apologised' takes true or false, got 'maybe'");
    StateSetting s;
    std::string error;
    EXPECT_TRUE(parseStateSetting("mood=60", s, error));
    EXPECT_EQ(s.name, "mood");
    EXPECT_EQ(s.value, "60");
    EXPECT_FALSE(parseStateSetting("mood", s, error));
    EXPECT_FALSE(parseStateSetting("=3", s, error));
}
