// Injected time source, so a session can be replayed and tested without real time.
#pragma once

#include <cstdint>

namespace counterplay::core {

/// Milliseconds from an arbitrary origin; must never go backwards.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;
};

/// std::chrono::steady_clock.
class SteadyClock final : public Clock {
public:
    std::int64_t nowMs() const override;
};

/// A clock that moves only when told to (tests, replays, headless play).
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t startMs = 0) : now_(startMs) {}
    std::int64_t nowMs() const override { return now_; }
    void advance(std::int64_t ms) { now_ += ms; }
    void set(std::int64_t ms) { now_ = ms; }

private:
    std::int64_t now_;
};

/// A clock that can be paused (the game pauses timers on focus loss or in the pause menu):
/// reads `source` but does not advance while paused.
class PausableClock final : public Clock {
public:
    explicit PausableClock(const Clock& source);
    std::int64_t nowMs() const override;
    void pause();
    void resume();
    bool paused() const { return paused_; }

private:
    const Clock& source_;
    std::int64_t offset_ = 0;   // total paused time
    std::int64_t pausedAt_ = 0;
    bool paused_ = false;
};

}  // namespace counterplay::core
