// Clocks: manual and pausable (no real time in tests; SteadyClock only checked for monotony).
#include "counterplay/core/Clock.h"

#include <gtest/gtest.h>

using namespace counterplay::core;

TEST(Clock, ManualClockMovesOnlyWhenTold) {
    ManualClock c(100);
    EXPECT_EQ(c.nowMs(), 100);
    c.advance(250);
    EXPECT_EQ(c.nowMs(), 350);
    c.set(1000);
    EXPECT_EQ(c.nowMs(), 1000);
}

TEST(Clock, SteadyClockNeverGoesBackwards) {
    SteadyClock c;
    const auto a = c.nowMs();
    const auto b = c.nowMs();
    EXPECT_LE(a, b);
}

TEST(Clock, PausableStopsWhilePaused) {
    ManualClock source(1000);
    PausableClock c(source);
    EXPECT_EQ(c.nowMs(), 1000);
    source.advance(500);
    EXPECT_EQ(c.nowMs(), 1500);
    c.pause();
    EXPECT_TRUE(c.paused());
    source.advance(10'000);
    EXPECT_EQ(c.nowMs(), 1500);
    c.resume();
    EXPECT_FALSE(c.paused());
    EXPECT_EQ(c.nowMs(), 1500);
    source.advance(200);
    EXPECT_EQ(c.nowMs(), 1700);
}

TEST(Clock, PauseAndResumeAreIdempotent) {
    ManualClock source(0);
    PausableClock c(source);
    c.pause();
    source.advance(100);
    c.pause();  // second pause must not move the pause point
    source.advance(100);
    c.resume();
    c.resume();  // second resume must not add the gap again
    EXPECT_EQ(c.nowMs(), 0);
    source.advance(50);
    EXPECT_EQ(c.nowMs(), 50);
}

TEST(Clock, RepeatedPausesAccumulate) {
    ManualClock source(0);
    PausableClock c(source);
    for (int i = 0; i < 3; ++i) {
        source.advance(10);  // running
        c.pause();
        source.advance(1000);  // paused
        c.resume();
    }
    EXPECT_EQ(c.nowMs(), 30);
}
