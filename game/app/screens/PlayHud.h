// The play screen's heads-up display: the top bar (scenario title, mode, key hints), the
// customer's mood and trust meters (can be hidden), the countdown on timed nodes, and the
// trainee's name tag.
#pragma once

#include <vector>

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

    // Partial redraw support (PartialRedraw.h).
    /// Adds the areas (meters easing, the countdown) that changed since the last draw().
    void damage(std::vector<sf::FloatRect>& out, float time) const;
    /// Everything the HUD draws (the top bar and the countdown below it).
    static sf::FloatRect bounds() { return {0, 0, 1280, 140}; }

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
    struct Drawn {
        bool timer = false, urgent = false;
        int seconds = -1;
        float fill = 0.f;
        bool metersMoving = false;
        float show = 0.f;
    };
    mutable Drawn drawn_;
    float fillWidth() const;
    bool urgent() const;
};

}  // namespace counterplay::app
