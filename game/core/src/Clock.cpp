// Time sources: the steady clock and a pausable wrapper (ManualClock is inline in the header).
#include "counterplay/core/Clock.h"

#include <chrono>

namespace counterplay::core {

std::int64_t SteadyClock::nowMs() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

PausableClock::PausableClock(const Clock& source) : source_(source) {}

std::int64_t PausableClock::nowMs() const {
    // While paused, time stands still at the moment of pausing.
    const std::int64_t raw = paused_ ? pausedAt_ : source_.nowMs();
    return raw - offset_;
}

void PausableClock::pause() {
    if (paused_) return;
    pausedAt_ = source_.nowMs();
    paused_ = true;
}

void PausableClock::resume() {
    if (!paused_) return;
    offset_ += source_.nowMs() - pausedAt_;
    paused_ = false;
}

}  // namespace counterplay::core
