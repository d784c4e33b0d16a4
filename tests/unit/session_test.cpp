// Session: choices, conditions, timeouts with a manual clock, replay and save/restore.
#include "counterplay/core/Session.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "TestScenarios.h"
#include "counterplay/core/Shuffle.h"

using namespace counterplay::core;
using testscen::add;
using testscen::Builder;
using testscen::set;

namespace {

/// greet -> (apologise | blame | [apologised] offer) ... with a 10 s limit on `ask`.
std::shared_ptr<const Scenario> shop() {
    return Builder("shop")
        .mood(40)
        .trust(50)
        .flag("apologised")
        .counter("excuses")
        .node("greet")
        .choice("ask", {{"p.a", 2}}, "", {add("mood", 10), set("apologised", true)}, {"apologise"})
        .choice("ask", {{"p.a", -1}}, "", {add("excuses", 1), add("trust", -60)}, {"excuse"})
        .node("ask")
        .timeout(10, "lost", {{"p.b", -2}}, {add("mood", -5)}, {"slow"})
        .choice("happy", {{"p.b", 3}}, "apologised and trust >= 40")
        .choice("lost", {{"p.b", -3}}, "excuses > 0")
        .choice("meh", {{"p.b", 1}})
        .node("happy")
        .ending("loyal", 10)
        .node("meh")
        .ending("resolved")
        .node("lost")
        .ending("lost")
        .build();
}

}  // namespace

TEST(Session, StartsAtStartNode) {
    ManualClock clock(5000);
    Session s(shop(), clock);
    EXPECT_EQ(s.currentNode().id, "greet");
    EXPECT_FALSE(s.finished());
    EXPECT_FALSE(s.stuck());
    EXPECT_EQ(s.visited(), std::vector<std::string>{"greet"});
    EXPECT_EQ(s.transcript().scenarioId, "shop");
    EXPECT_EQ(s.transcript().contentHash, "hash-shop");
    EXPECT_EQ(s.remainingMs(), std::nullopt);
    EXPECT_EQ(s.elapsedInNodeMs(), 0);
}

TEST(Session, ChooseAppliesEffectsAndRecords) {
    ManualClock clock(0);
    Session s(shop(), clock);
    clock.advance(1234);
    ASSERT_TRUE(s.choose(0));
    EXPECT_EQ(s.currentNode().id, "ask");
    EXPECT_EQ(s.state().mood, 50);
    EXPECT_TRUE(s.state().flags.at("apologised"));
    ASSERT_EQ(s.transcript().decisions.size(), 1u);
    const Decision& d = s.transcript().decisions[0];
    EXPECT_EQ(d.nodeId, "greet");
    EXPECT_EQ(d.choiceIndex, 0);
    EXPECT_EQ(d.choiceId, "greet.0");
    EXPECT_EQ(d.elapsedMs, 1234);
    EXPECT_EQ(s.elapsedInNodeMs(), 0);  // the new node's timer starts now
    EXPECT_EQ(s.takenTags(), (std::vector<std::vector<std::string>>{{"apologise"}}));
}

TEST(Session, ConditionsFilterChoices) {
    ManualClock clock;
    Session a(shop(), clock);
    a.choose(0);  // apologised, trust 50
    EXPECT_EQ(a.availableChoices(), (std::vector<std::size_t>{0, 2}));
    EXPECT_FALSE(a.choose(1));  // excuses == 0: not available, nothing changes
    EXPECT_EQ(a.currentNode().id, "ask");
    EXPECT_EQ(a.transcript().decisions.size(), 1u);

    Session b(shop(), clock);
    b.choose(1);  // excuse, trust 0 (clamped)
    EXPECT_EQ(b.state().trust, 0);
    EXPECT_EQ(b.availableChoices(), (std::vector<std::size_t>{1, 2}));
    EXPECT_FALSE(b.choose(0));
    EXPECT_TRUE(b.choose(1));
    EXPECT_TRUE(b.finished());
    EXPECT_EQ(b.currentNode().id, "lost");
}

TEST(Session, OutOfRangeAndFinishedChoicesAreRefused) {
    ManualClock clock;
    Session s(shop(), clock);
    EXPECT_FALSE(s.choose(2));
    EXPECT_FALSE(s.choose(99));
    s.choose(0);
    s.choose(2);
    ASSERT_TRUE(s.finished());
    EXPECT_TRUE(s.availableChoices().empty());
    EXPECT_FALSE(s.choose(0));
    EXPECT_FALSE(s.update());
    EXPECT_FALSE(s.stuck());
    EXPECT_EQ(s.visited(), (std::vector<std::string>{"greet", "ask", "meh"}));
}

TEST(Session, TimeoutFiresExactlyAtTheLimit) {
    ManualClock clock(100);
    Session s(shop(), clock);
    s.choose(0);
    EXPECT_EQ(s.remainingMs(), 10'000);
    clock.advance(9'999);
    EXPECT_FALSE(s.update());
    EXPECT_EQ(s.remainingMs(), 1);
    clock.advance(1);
    EXPECT_EQ(s.remainingMs(), 0);
    EXPECT_TRUE(s.update());
    EXPECT_EQ(s.currentNode().id, "lost");
    const Decision& d = s.transcript().decisions.back();
    EXPECT_EQ(d.choiceIndex, kTimeoutChoice);
    EXPECT_EQ(d.choiceId, "ask.timeout");
    EXPECT_EQ(d.elapsedMs, 10'000);
    EXPECT_EQ(s.state().mood, 45);
    EXPECT_EQ(s.takenTags().back(), std::vector<std::string>{"slow"});
}

TEST(Session, LateUpdateStillRecordsTheLimit) {
    ManualClock clock;
    Session s(shop(), clock);
    s.choose(0);
    clock.advance(25'000);  // the app was slow to notice
    EXPECT_TRUE(s.update());
    EXPECT_EQ(s.transcript().decisions.back().elapsedMs, 10'000);
}

TEST(Session, ChoosingAfterTheLimitIsRefusedUntilUpdate) {
    ManualClock clock;
    Session s(shop(), clock);
    s.choose(0);
    clock.advance(10'000);
    EXPECT_FALSE(s.choose(2));
    EXPECT_EQ(s.currentNode().id, "ask");
    EXPECT_TRUE(s.update());
    EXPECT_EQ(s.transcript().decisions.back().choiceIndex, kTimeoutChoice);
}

TEST(Session, StuckWhenEveryChoiceIsConditionedAway) {
    auto sc = Builder("stuck")
                  .flag("ready")
                  .node("a")
                  .choice("end", {}, "ready")
                  .node("end")
                  .ending()
                  .build();
    ManualClock clock;
    Session s(sc, clock);
    EXPECT_TRUE(s.availableChoices().empty());
    EXPECT_TRUE(s.stuck());
    EXPECT_FALSE(s.finished());
    EXPECT_FALSE(s.update());
}

TEST(Session, NotStuckWhenATimeoutCanFire) {
    auto sc = Builder("timer-only")
                  .flag("ready")
                  .node("a")
                  .timeout(5, "end")
                  .choice("end", {}, "ready")
                  .node("end")
                  .ending()
                  .build();
    ManualClock clock;
    Session s(sc, clock);
    EXPECT_FALSE(s.stuck());
    clock.advance(5000);
    EXPECT_TRUE(s.update());
    EXPECT_TRUE(s.finished());
}

TEST(Session, ReplayIsDeterministic) {
    ManualClock clock;
    Session live(shop(), clock);
    clock.advance(700);
    live.choose(0);
    clock.advance(10'000);
    live.update();
    ASSERT_TRUE(live.finished());

    for (int run = 0; run < 2; ++run) {
        ManualClock replayClock(run * 99'999);
        std::string error;
        auto replay = replayTranscript(shop(), live.transcript(), replayClock, error);
        ASSERT_TRUE(replay) << error;
        EXPECT_EQ(replay->transcript(), live.transcript());
        EXPECT_EQ(replay->state(), live.state());
        EXPECT_EQ(replay->visited(), live.visited());
        EXPECT_TRUE(replay->finished());
    }
}

TEST(Session, ReplayErrors) {
    ManualClock clock;
    Session live(shop(), clock);
    live.choose(1);
    live.choose(1);
    const Transcript good = live.transcript();
    std::string error;

    Transcript t = good;
    t.contentHash = "other";
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));
    EXPECT_NE(error.find("another version"), std::string::npos) << error;

    t = good;
    t.contentHash.clear();  // no hash: accepted
    EXPECT_TRUE(replayTranscript(shop(), t, clock, error)) << error;

    t = good;
    t.scenarioId = "else";
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));

    t = good;
    t.decisions[1].nodeId = "nowhere";
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));
    EXPECT_EQ(error, "decision 2: the transcript is at node 'nowhere' but the scenario is at node 'ask'");

    t = good;
    t.decisions[0].choiceIndex = 0;  // apologise: then `excuses > 0` is false
    t.decisions[0].choiceId = "greet.0";
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));
    EXPECT_EQ(error, "decision 2: choice 'ask.1' was not available (its condition is false)");

    t = good;
    t.decisions[0].choiceIndex = 7;
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));
    EXPECT_EQ(error, "decision 1: node 'greet' has no choice number 7");

    t = good;
    t.decisions[0].choiceId = "greet.9";
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));

    t = good;
    t.decisions.push_back(t.decisions.back());
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));
    EXPECT_NE(error.find("already ended"), std::string::npos);

    t = good;
    t.decisions[0].choiceIndex = kTimeoutChoice;  // greet has no time limit
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));

    t = good;
    t.decisions[1].elapsedMs = 10'000;  // chosen after the 10 s limit
    EXPECT_FALSE(replayTranscript(shop(), t, clock, error));
    EXPECT_NE(error.find("after the time limit"), std::string::npos) << error;
}

TEST(Session, PartialReplayIsAllowed) {
    ManualClock clock;
    Transcript t;
    t.decisions.push_back({"greet", 0, "greet.0", 300});
    std::string error;
    auto s = replayTranscript(shop(), t, clock, error);
    ASSERT_TRUE(s) << error;
    EXPECT_EQ(s->currentNode().id, "ask");
    EXPECT_FALSE(s->finished());
}

TEST(Session, SnapshotAndRestoreMidScenario) {
    ManualClock clock(50);
    Session live(shop(), clock);
    clock.advance(1500);
    live.choose(0);
    clock.advance(4000);  // 4 s into `ask`'s 10 s limit
    const SessionSnapshot snap = live.snapshot();
    EXPECT_EQ(snap.elapsedInNodeMs, 4000);

    ManualClock later(1'000'000);  // e.g. after a crash and restart
    std::string error;
    auto restored = Session::restore(shop(), later, snap, error);
    ASSERT_TRUE(restored) << error;
    EXPECT_EQ(restored->currentNode().id, "ask");
    EXPECT_EQ(restored->elapsedInNodeMs(), 4000);
    EXPECT_EQ(restored->remainingMs(), 6000);
    EXPECT_EQ(restored->state(), live.state());
    EXPECT_EQ(restored->transcript(), live.transcript());
    later.advance(5999);
    EXPECT_FALSE(restored->update());
    later.advance(1);
    EXPECT_TRUE(restored->update());
    EXPECT_EQ(restored->transcript().decisions.back().elapsedMs, 10'000);
}

TEST(Session, RestoreRejectsMismatch) {
    ManualClock clock;
    Session live(shop(), clock);
    live.choose(0);
    SessionSnapshot snap = live.snapshot();
    std::string error;
    auto other = Builder("shop").hash("changed").node("greet").ending().build();
    EXPECT_FALSE(Session::restore(other, clock, snap, error));
    EXPECT_NE(error.find("content hash"), std::string::npos);
    snap.transcript.decisions[0].nodeId = "ask";
    EXPECT_FALSE(Session::restore(shop(), clock, snap, error));
    snap = live.snapshot();
    snap.elapsedInNodeMs = -5;
    EXPECT_FALSE(Session::restore(shop(), clock, snap, error));
}

TEST(Session, SnapshotOfFreshSessionRestores) {
    ManualClock clock;
    Session live(shop(), clock);
    std::string error;
    auto restored = Session::restore(shop(), clock, live.snapshot(), error);
    ASSERT_TRUE(restored) << error;
    EXPECT_EQ(restored->currentNode().id, "greet");
}

namespace {

/// wide (6 choices, the last two hidden until `warm`) -> scale (5 choices, shuffle: false) -> end.
std::shared_ptr<const Scenario> wide() {
    Builder b("wide");
    b.flag("warm").node("wide");
    for (int i = 0; i < 4; ++i) b.choice("scale", {{"p", i}}, "", {set("warm", true)});
    b.choice("scale", {{"p", 9}}, "warm").choice("scale", {{"p", 9}}, "warm");
    b.node("scale").keepOrder();
    for (int i = 0; i < 5; ++i) b.choice("end", {{"p", i}});
    return b.node("end").ending().build();
}

std::vector<std::string> shownIds(const Session& s) {
    std::vector<std::string> ids;
    for (std::size_t i : s.shownChoices()) ids.push_back(s.currentNode().choices[i].id);
    return ids;
}

}  // namespace

TEST(SessionShuffle, NoSeedShowsFileOrder) {
    ManualClock clock;
    Session s(wide(), clock);
    EXPECT_FALSE(s.shuffleSeed().has_value());
    EXPECT_EQ(s.shownChoices(), s.availableChoices());
    EXPECT_FALSE(s.transcript().shuffleSeed.has_value());
}

TEST(SessionShuffle, SeedShufflesTheAvailableChoices) {
    ManualClock clock;
    int differs = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Session s(wide(), clock, seed);
        EXPECT_EQ(s.transcript().shuffleSeed, seed);
        std::vector<std::size_t> shown = s.shownChoices();
        EXPECT_EQ(shown.size(), 4u);  // the two `warm` choices stay hidden
        differs += shown != s.availableChoices();
        std::sort(shown.begin(), shown.end());
        EXPECT_EQ(shown, s.availableChoices());
    }
    EXPECT_GT(differs, 15);  // 1 in 24 keeps file order by chance
}

TEST(SessionShuffle, ShownOrderIsTheSeedsOrderFilteredByConditions) {
    ManualClock clock;
    Session s(wide(), clock, 7);
    std::vector<std::size_t> expected;
    for (std::size_t i : shuffledOrder(7, "wide", 0, 6))
        if (i < 4) expected.push_back(i);
    EXPECT_EQ(s.shownChoices(), expected);
}

TEST(SessionShuffle, ShuffleFalseKeepsFileOrder) {
    ManualClock clock;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        Session s(wide(), clock, seed);
        ASSERT_TRUE(s.choose(0));  // choose takes the file index, whatever the order shown
        EXPECT_EQ(s.transcript().decisions[0].choiceId, "wide.0");
        ASSERT_EQ(s.currentNode().id, "scale");
        EXPECT_EQ(s.shownChoices(), (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    }
}

TEST(SessionShuffle, RestoreAndReplayShowTheSameOrder) {
    ManualClock clock;
    Builder b("three");
    b.node("a");
    for (int i = 0; i < 5; ++i) b.choice("b");
    b.node("b");
    for (int i = 0; i < 5; ++i) b.choice("c");
    auto sc = b.node("c").ending().build();
    Session live(sc, clock, 424242);
    const std::vector<std::string> firstOrder = shownIds(live);
    live.choose(live.shownChoices()[0]);
    const std::vector<std::string> secondOrder = shownIds(live);
    EXPECT_NE(firstOrder[0], "");

    std::string error;
    const SessionSnapshot snap = live.snapshot();
    EXPECT_EQ(snap.transcript.shuffleSeed, 424242u);
    auto restored = Session::restore(sc, clock, snap, error);
    ASSERT_TRUE(restored) << error;
    EXPECT_EQ(restored->shuffleSeed(), 424242u);
    EXPECT_EQ(shownIds(*restored), secondOrder);

    ManualClock replayClock;
    auto replayed = replayTranscript(sc, live.transcript(), replayClock, error);
    ASSERT_TRUE(replayed) << error;
    EXPECT_EQ(shownIds(*replayed), secondOrder);
    EXPECT_EQ(replayed->transcript(), live.transcript());

    // A transcript without a seed (recorded before shuffling existed) replays in file order.
    Transcript old = live.transcript();
    old.shuffleSeed.reset();
    auto oldReplay = replayTranscript(sc, old, replayClock, error);
    ASSERT_TRUE(oldReplay) << error;
    EXPECT_EQ(oldReplay->shownChoices(), oldReplay->availableChoices());
    EXPECT_EQ(oldReplay->state(), live.state());
}

TEST(SessionShuffle, DifferentNodesGetDifferentOrders) {
    Builder b("nodes");
    b.node("a");
    for (int i = 0; i < 6; ++i) b.choice("b");
    b.node("b");
    for (int i = 0; i < 6; ++i) b.choice("c");
    auto sc = b.node("c").ending().build();
    ManualClock clock;
    int same = 0;
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        Session s(sc, clock, seed);
        const std::vector<std::size_t> first = s.shownChoices();
        s.choose(0);
        same += first == s.shownChoices();
    }
    EXPECT_LT(same, 5);  // 1 in 720 by chance
}
