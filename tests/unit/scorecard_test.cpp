// Scorecard: points against the analysis, percent, pass/fail, critical actions, NPS.
#include "counterplay/core/Scorecard.h"

#include <gtest/gtest.h>

#include "TestScenarios.h"
#include "counterplay/core/Json.h"
#include "counterplay/core/Session.h"

using namespace counterplay::core;
using testscen::add;
using testscen::Builder;

namespace {

/// Plays choice indices (kTimeoutChoice = let the timer run out), 1 s per decision.
Scorecard play(const std::shared_ptr<const Scenario>& sc, const std::vector<int>& choices) {
    ManualClock clock;
    Session s(sc, clock);
    for (int c : choices) {
        if (c == kTimeoutChoice) {
            clock.advance(*s.remainingMs());
            EXPECT_TRUE(s.update());
        } else {
            clock.advance(1000);
            EXPECT_TRUE(s.choose(static_cast<std::size_t>(c))) << "choice " << c;
        }
    }
    return computeScorecard(analyzeScenario(*sc), s);
}

/// Three decisions, each offering tags a / b / none, then an ending.
std::shared_ptr<const Scenario> tagged(Builder b) {
    for (int i = 0; i < 3; ++i) {
        const std::string next = i < 2 ? "n" + std::to_string(i + 1) : "end";
        b.node("n" + std::to_string(i))
            .choice(next, {{"p", 1}}, "", {}, {"a"})
            .choice(next, {{"p", 1}}, "", {}, {"b"})
            .choice(next, {{"p", 1}});
    }
    b.node("end").ending("resolved");
    return b.build();
}

const CriticalResult& crit(const Scorecard& c, const std::string& id) {
    for (const CriticalResult& r : c.critical)
        if (r.id == id) return r;
    throw std::runtime_error("no critical " + id);
}

}  // namespace

TEST(Scorecard, BestAnswerPasses) {
    Scorecard c = play(testscen::lateOrder(), {0});
    EXPECT_EQ(c.scenarioId, "example-late-order");
    EXPECT_EQ(c.contentHash, "hash-example-late-order");
    EXPECT_EQ(c.earnedTotal, 3);
    EXPECT_EQ(c.bestTotal, 3);
    EXPECT_EQ(c.worstTotal, -2);
    EXPECT_EQ(c.percent, 100);
    EXPECT_TRUE(c.finished);
    EXPECT_TRUE(c.passed);
    EXPECT_FALSE(c.criticalMissed);
    ASSERT_EQ(c.critical.size(), 1u);
    EXPECT_TRUE(c.critical[0].met);
    EXPECT_EQ(c.critical[0].reason, "");
    EXPECT_EQ(c.endingId, "fixed");  // default ending id: the node id
    EXPECT_EQ(c.endingKind, "loyal");
    EXPECT_EQ(c.endingTitle.en, "en:end fixed");
    // mood 35 + 15 = 50, trust 60: round(110 / 20) = round(5.5) = 6 -> detractor
    EXPECT_EQ(c.finalMood, 50);
    EXPECT_EQ(c.finalTrust, 60);
    EXPECT_EQ(c.recommend, 6);
    EXPECT_EQ(c.npsClass, "detractor");
    ASSERT_EQ(c.principles.size(), 3u);
    EXPECT_EQ(c.principles[0], (PrincipleScore{"complaint.greet-thank", 0, 0, -2}));
    EXPECT_EQ(c.principles[1], (PrincipleScore{"complaint.listen", 1, 1, 0}));
    EXPECT_EQ(c.principles[2], (PrincipleScore{"trust.small-promises", 2, 2, -2}));
    ASSERT_EQ(c.decisions.size(), 1u);
    EXPECT_EQ(c.decisions[0].choiceId, "arrive.0");
    EXPECT_EQ(c.decisions[0].choiceText.en, "en:arrive.0");
    EXPECT_EQ(c.decisions[0].feedback.en, "en:fb arrive.0");
    EXPECT_EQ(c.decisions[0].tags, std::vector<std::string>{"apologise"});
    EXPECT_EQ(c.decisions[0].elapsedMs, 1000);
    EXPECT_FALSE(c.decisions[0].timeout);
    EXPECT_EQ(c.totalMs, 1000);
}

TEST(Scorecard, TimeoutRecordAndMissedCriticalAction) {
    Scorecard c = play(testscen::lateOrder(), {kTimeoutChoice});
    EXPECT_EQ(c.earnedTotal, -2);
    EXPECT_EQ(c.percent, 0);
    EXPECT_FALSE(c.passed);
    EXPECT_TRUE(c.criticalMissed);
    EXPECT_EQ(c.critical[0].reason, "missed");
    ASSERT_EQ(c.decisions.size(), 1u);
    const DecisionRecord& d = c.decisions[0];
    EXPECT_TRUE(d.timeout);
    EXPECT_EQ(d.choiceIndex, kTimeoutChoice);
    EXPECT_EQ(d.choiceId, "arrive.timeout");
    EXPECT_TRUE(d.choiceText.empty());
    EXPECT_EQ(d.feedback.en, "en:timeout arrive");
    EXPECT_EQ(d.points, (Points{{"complaint.greet-thank", -2}}));
    EXPECT_EQ(d.elapsedMs, 30'000);
    EXPECT_EQ(c.totalMs, 30'000);
    EXPECT_EQ(c.recommend, 1);  // the ending's own answer
    EXPECT_EQ(c.npsClass, "detractor");
    EXPECT_EQ(c.endingKind, "lost");
}

TEST(Scorecard, LateCriticalAction) {
    auto sc = tagged(Builder().critical("first-a", "a", std::nullopt, 1));
    EXPECT_TRUE(crit(play(sc, {0, 2, 2}), "first-a").met);
    Scorecard late = play(sc, {2, 0, 2});
    EXPECT_FALSE(crit(late, "first-a").met);
    EXPECT_EQ(crit(late, "first-a").reason, "late");
    EXPECT_TRUE(late.criticalMissed);
    EXPECT_EQ(late.percent, 100);
    EXPECT_FALSE(late.passed);  // whatever the points
}

TEST(Scorecard, OutOfOrderCriticalActions) {
    auto sc = tagged(Builder().critical("do-a", "a", 1).critical("do-b", "b", 2));
    Scorecard inOrder = play(sc, {0, 1, 2});
    EXPECT_TRUE(inOrder.passed);
    EXPECT_FALSE(inOrder.criticalMissed);

    Scorecard swapped = play(sc, {1, 0, 2});
    EXPECT_TRUE(crit(swapped, "do-a").met);
    EXPECT_EQ(crit(swapped, "do-b").reason, "out of order");
    EXPECT_FALSE(swapped.passed);

    Scorecard onlyB = play(sc, {1, 2, 2});
    EXPECT_EQ(crit(onlyB, "do-a").reason, "missed");
    EXPECT_EQ(crit(onlyB, "do-b").reason, "out of order");

    Scorecard none = play(sc, {2, 2, 2});
    EXPECT_EQ(crit(none, "do-a").reason, "missed");
    EXPECT_EQ(crit(none, "do-b").reason, "missed");  // missed takes precedence
}

TEST(Scorecard, UnorderedActionsHaveNoOrder) {
    auto sc = tagged(Builder().critical("do-a", "a").critical("do-b", "b"));
    EXPECT_TRUE(play(sc, {1, 0, 2}).passed);
}

TEST(Scorecard, PercentRoundsAndClamps) {
    auto sc = Builder()
                  .threshold(60)
                  .node("a")
                  .choice("end", {{"p", 3}})
                  .choice("end", {{"p", 2}})
                  .choice("end", {{"p", 1}})
                  .choice("end", {{"p", -4}})
                  .node("end")
                  .ending()
                  .build();
    EXPECT_EQ(play(sc, {0}).percent, 100);
    Scorecard two = play(sc, {1});
    EXPECT_EQ(two.percent, 67);  // 66.67 rounds up
    EXPECT_TRUE(two.passed);
    Scorecard one = play(sc, {2});
    EXPECT_EQ(one.percent, 33);
    EXPECT_FALSE(one.passed);
    Scorecard negative = play(sc, {3});
    EXPECT_EQ(negative.earnedTotal, -4);
    EXPECT_EQ(negative.percent, 0);
}

TEST(Scorecard, HalfPercentRoundsUp) {
    // 1 of 8 = 12.5% -> 13
    auto sc = Builder().node("a").choice("end", {{"p", 8}}).choice("end", {{"p", 1}})
                  .node("end").ending().build();
    EXPECT_EQ(play(sc, {1}).percent, 13);
}

TEST(Scorecard, NonPositiveBestTotal) {
    // Every path loses points: reaching the best (least bad) total is 100%.
    auto sc = Builder()
                  .node("a")
                  .choice("end", {{"p", -1}})
                  .choice("end", {{"p", -3}})
                  .node("end")
                  .ending()
                  .build();
    EXPECT_EQ(play(sc, {0}).percent, 100);
    EXPECT_EQ(play(sc, {1}).percent, 0);
    auto zero = Builder().node("a").choice("end").node("end").ending().build();
    EXPECT_EQ(play(zero, {0}).percent, 100);
}

TEST(Scorecard, UnfinishedNeverPasses) {
    auto sc = tagged(Builder());
    Scorecard c = play(sc, {0, 0});
    EXPECT_FALSE(c.finished);
    EXPECT_FALSE(c.passed);
    EXPECT_EQ(c.endingId, "");
    EXPECT_EQ(c.percent, 67);
}

TEST(Scorecard, RecommendFromMoodAndTrust) {
    auto make = [](int mood, int trust, std::optional<int> rec) {
        return Builder().mood(mood).trust(trust).node("a").choice("end").node("end")
            .ending("resolved", rec, "custom-end").build();
    };
    Scorecard c = play(make(100, 100, std::nullopt), {0});
    EXPECT_EQ(c.recommend, 10);
    EXPECT_EQ(c.npsClass, "promoter");
    EXPECT_EQ(c.endingId, "custom-end");
    EXPECT_EQ(play(make(85, 84, std::nullopt), {0}).recommend, 8);   // 8.45
    EXPECT_EQ(play(make(85, 85, std::nullopt), {0}).recommend, 9);   // 8.5 rounds up
    EXPECT_EQ(play(make(0, 0, std::nullopt), {0}).recommend, 0);
    EXPECT_EQ(play(make(0, 0, 9), {0}).recommend, 9);
    EXPECT_EQ(play(make(0, 0, 42), {0}).recommend, 10);  // clamped
}

TEST(Scorecard, NpsClasses) {
    EXPECT_STREQ(npsClassFor(0), "detractor");
    EXPECT_STREQ(npsClassFor(6), "detractor");
    EXPECT_STREQ(npsClassFor(7), "passive");
    EXPECT_STREQ(npsClassFor(8), "passive");
    EXPECT_STREQ(npsClassFor(9), "promoter");
    EXPECT_STREQ(npsClassFor(10), "promoter");
}

TEST(Scorecard, SameTranscriptSameScorecard) {
    auto sc = testscen::lateOrder();
    ManualClock clock;
    Session live(sc, clock);
    clock.advance(4321);
    live.choose(0);
    const Analysis analysis = analyzeScenario(*sc);
    std::string dumps[2];
    for (std::string& dump : dumps) {
        ManualClock replayClock(777);
        std::string error;
        auto replay = replayTranscript(analysis.best.exists ? sc : nullptr, live.transcript(),
                                       replayClock, error);
        ASSERT_TRUE(replay) << error;
        dump = nlohmann::json(computeScorecard(analyzeScenario(*sc), *replay)).dump();
    }
    EXPECT_EQ(dumps[0], dumps[1]);
    EXPECT_EQ(dumps[0], nlohmann::json(computeScorecard(analysis, live)).dump());
    EXPECT_NE(dumps[0].find("\"elapsedMs\":4321"), std::string::npos);
}

// The full example of docs/scenario-format.md, through the real loader.
#include <fstream>
#include <sstream>

#include "counterplay/core/Loader.h"

namespace {
std::shared_ptr<const Scenario> documentedExample() {
    std::ifstream in(std::string(COUNTERPLAY_SOURCE_DIR) + "/docs/scenario-format.md");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string doc = buffer.str();
    const std::string fence = "```yaml\n";
    const auto begin = doc.rfind(fence);
    if (begin == std::string::npos) return nullptr;
    const auto end = doc.find("```", begin + fence.size());
    const std::string yaml = doc.substr(begin + fence.size(), end - begin - fence.size());
    ScenarioLoad load = loadScenarioText(yaml, "example-late-order.yaml", nullptr);
    return load.ok() ? load.scenario : nullptr;
}
}  // namespace

TEST(Scorecard, DocumentedExample) {
    auto sc = documentedExample();
    ASSERT_TRUE(sc) << "the example in docs/scenario-format.md did not load";
    EXPECT_EQ(sc->contentHash.size(), 64u);
    Scorecard good = play(sc, {0});
    EXPECT_TRUE(good.passed);
    EXPECT_EQ(good.percent, 100);
    EXPECT_EQ(good.endingKind, "loyal");
    EXPECT_EQ(good.contentHash, sc->contentHash);
    Scorecard slow = play(sc, {kTimeoutChoice});
    EXPECT_FALSE(slow.passed);
    EXPECT_EQ(slow.critical.at(0).reason, "missed");
    EXPECT_EQ(slow.decisions.at(0).choiceId, "arrive.timeout");
    EXPECT_EQ(slow.recommend, 1);
    Scorecard excuse = play(sc, {1});
    EXPECT_FALSE(excuse.passed);
    EXPECT_EQ(excuse.decisions.at(0).choiceId, "arrive.1");  // default id: <node>.<index>
}
