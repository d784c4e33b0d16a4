// The play screen's heads-up display: the top bar (scenario title, mode, key hints), the
// customer's mood and trust meters (can be hidden), the countdown on timed nodes, and the
// trainee's name tag.
#pragma once

#include <optional>

#include "Context.h"
#include "ui/Label.h"
#include "ui/Meter.h"
#include "ui/RoundedRect.h"

namespace counterplay::app {

class PlayHud {
public:
    void setup(Context& ctx, const core::Scenario& scenario);
    /// Re-reads strings (language change).
    void relayout(const core::Scenario& scenario);
    void setMeters(int mood, int trust, bool instant);
    /// Remaining and total milliseconds of the node's timer; nullopt hides the countdown.
    void setTimer(std::optional<std::int64_t> remainingMs, std::int64_t totalMs, bool paused);
    void update(float dt);
    void draw(sf::RenderTarget& target, float time) const;

private:
    Context* ctx_ = nullptr;
    ui::Label title_, mode_, hint_, timerText_, moodLabel_;
    ui::Meter mood_, trust_;
    ui::RoundedRect bar_, modeBg_, timerBg_, timerTrack_;
    mutable ui::RoundedRect timerFill_;
    std::optional<std::int64_t> remaining_;
    std::int64_t total_ = 1;
    bool paused_ = false;
    float show_ = 0.f;  // countdown fade-in
    int shownSeconds_ = -1;
};

}  // namespace counterplay::app
