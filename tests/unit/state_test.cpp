// Session state: starting values, effects, clamping.
#include "counterplay/core/State.h"

#include <climits>

#include <gtest/gtest.h>

#include "TestScenarios.h"

using namespace counterplay::core;
using testscen::add;
using testscen::set;

namespace {
std::shared_ptr<const Scenario> scenario() {
    return testscen::Builder()
        .mood(30)
        .trust(80)
        .flag("apologised", false)
        .flag("greeted", true)
        .counter("excuses", 1)
        .node("a")
        .ending()
        .build();
}
}  // namespace

TEST(State, InitialFromScenario) {
    State s = State::initial(*scenario());
    EXPECT_EQ(s.mood, 30);
    EXPECT_EQ(s.trust, 80);
    EXPECT_EQ(s.flags.at("apologised"), false);
    EXPECT_EQ(s.flags.at("greeted"), true);
    EXPECT_EQ(s.counters.at("excuses"), 1);
}

TEST(State, InitialClampsOutOfRangeCustomer) {
    auto sc = std::make_shared<Scenario>(*scenario());
    sc->customer.mood = 140;
    sc->customer.trust = -3;
    State s = State::initial(*sc);
    EXPECT_EQ(s.mood, 100);
    EXPECT_EQ(s.trust, 0);
}

TEST(State, ApplyAddsAndSets) {
    State s = State::initial(*scenario());
    s.apply({add("mood", 15), add("trust", -20), set("apologised", true), set("greeted", false),
             add("excuses", 2)});
    EXPECT_EQ(s.mood, 45);
    EXPECT_EQ(s.trust, 60);
    EXPECT_TRUE(s.flags.at("apologised"));
    EXPECT_FALSE(s.flags.at("greeted"));
    EXPECT_EQ(s.counters.at("excuses"), 3);
}

TEST(State, ClampsAfterEachChangeNotAtTheEnd) {
    State s = State::initial(*scenario());  // mood 30
    // -50 clamps to 0, then +20 gives 20 (not 30 - 50 + 20 = 0).
    s.apply({add("mood", -50), add("mood", 20)});
    EXPECT_EQ(s.mood, 20);
    s.apply({add("trust", 50), add("trust", -10)});  // 80 -> 100 -> 90
    EXPECT_EQ(s.trust, 90);
}

TEST(State, CountersMayGoNegativeAndDoNotOverflow) {
    State s = State::initial(*scenario());
    s.apply({add("excuses", -5)});
    EXPECT_EQ(s.counters.at("excuses"), -4);
    s.apply({add("excuses", INT_MAX), add("excuses", INT_MAX)});
    EXPECT_EQ(s.counters.at("excuses"), INT_MAX);
    s.apply({Effect{"excuses", Effect::Kind::Set, 7}});
    EXPECT_EQ(s.counters.at("excuses"), 7);
}

TEST(State, UndeclaredVariablesAreIgnored) {
    State s = State::initial(*scenario());
    State before = s;
    s.apply({add("nonsense", 3)});
    EXPECT_EQ(s, before);
}

TEST(State, ValueOf) {
    State s = State::initial(*scenario());
    EXPECT_EQ(s.valueOf("mood"), 30);
    EXPECT_EQ(s.valueOf("trust"), 80);
    EXPECT_EQ(s.valueOf("greeted"), 1);
    EXPECT_EQ(s.valueOf("apologised"), 0);
    EXPECT_EQ(s.valueOf("excuses"), 1);
    EXPECT_EQ(s.valueOf("nope"), std::nullopt);
}
