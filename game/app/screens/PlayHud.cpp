#include "screens/PlayHud.h"

#include <algorithm>
#include <cmath>

#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

void PlayHud::setup(Context& ctx, const core::Scenario& scenario) {
    ctx_ = &ctx;
    bar_.set({0, 0, theme::kWidth, 62}, 0);
    bar_.setGradient(sf::Color(20, 24, 36, 225), sf::Color(20, 24, 36, 190));
    mood_.setup(ctx.fonts.regular, "", {880, 12, 160, 40});
    trust_.setup(ctx.fonts.regular, "", {1064, 12, 160, 40});
    timerBg_.set({490, 72, 300, 50}, 25);
    timerBg_.setFill(sf::Color(20, 24, 36, 215));
    timerTrack_.set({510, 106, 260, 6}, 3);
    timerTrack_.setFill(sf::Color(255, 255, 255, 40));
    relayout(scenario);
}

void PlayHud::relayout(const core::Scenario& scenario) {
    Context& ctx = *ctx_;
    title_ = Label(ctx.fonts.bold, ctx.text(scenario.title), theme::kSizeBody, theme::kTextOnDark);
    title_.setPosition(28, 10);
    const bool coach = ctx.settings.mode == PlayMode::Coach;
    mode_ = Label(ctx.fonts.bold, ctx.tr(coach ? "play.mode.coach" : "play.mode.assessment"), theme::kSizeTiny,
                  theme::kInk);
    const float mx = 28;
    modeBg_.set({mx, 36, mode_.size().x + 20, 20}, 10);
    modeBg_.setFill(coach ? theme::kTeal : theme::kGold);
    mode_.setPosition(mx + 10, 37);
    hint_ = Label(ctx.fonts.regular, ctx.tr("play.keys"), theme::kSizeTiny, theme::kTextOnDarkMuted);
    hint_.setPosition(mx + mode_.size().x + 34, 38);
    mood_.setLabel(ctx.tr("play.mood"));
    trust_.setLabel(ctx.tr("play.trust"));
    timerText_ = Label(ctx.fonts.bold, "", theme::kSizeSmall, theme::kTextOnDark);
    shownSeconds_ = -1;
}

void PlayHud::setMeters(int mood, int trust, bool instant) {
    mood_.setValue(mood, instant);
    trust_.setValue(trust, instant);
}

void PlayHud::setTimer(std::optional<std::int64_t> remainingMs, std::int64_t totalMs, bool paused) {
    remaining_ = remainingMs;
    total_ = std::max<std::int64_t>(1, totalMs);
    paused_ = paused;
    if (!remaining_) return;
    const int seconds = static_cast<int>((*remaining_ + 999) / 1000);
    if (seconds != shownSeconds_) {
        shownSeconds_ = seconds;
        timerText_.setString(ctx_->trf("play.timer", {{"s", std::to_string(seconds)}}));
        timerText_.setPosition(640 - timerText_.size().x / 2, 80);
    }
}

void PlayHud::update(float dt) {
    mood_.update(dt);
    trust_.update(dt);
    const float target = remaining_ ? 1.f : 0.f;
    show_ += (target - show_) * std::min(1.f, dt * 8.f);
    if (std::abs(target - show_) < 0.01f) show_ = target;  // land exactly (see Meter::update)
}

float PlayHud::fillWidth() const {
    if (!remaining_) return 0.f;
    const float frac = std::clamp(static_cast<float>(*remaining_) / static_cast<float>(total_), 0.f, 1.f);
    return std::max(6.f, 260 * frac);
}

bool PlayHud::urgent() const {
    return remaining_ && !paused_ && fillWidth() < 260 * 0.34f;
}

void PlayHud::damage(std::vector<sf::FloatRect>& out, float /*time*/) const {
    const bool metersMoving = !mood_.settled() || !trust_.settled();
    if (metersMoving || drawn_.metersMoving) out.push_back({870, 4, 370, 52});  // both meters
    const bool timer = show_ > 0.02f && remaining_;
    if (!timer && !drawn_.timer) return;
    // The box, the pulsing glow and the text, and the 20 pixels it slides while fading in or out.
    const sf::FloatRect whole{480, 40, 320, 96};
    if (timer != drawn_.timer || show_ != drawn_.show || urgent() || drawn_.urgent ||
        shownSeconds_ != drawn_.seconds)
        out.push_back(whole);
    else if (fillWidth() != drawn_.fill)
        out.push_back({506, 102, 268, 14});  // only the bar moved
}

void PlayHud::draw(sf::RenderTarget& target, float time) const {
    target.draw(bar_);
    target.draw(title_);
    target.draw(modeBg_);
    target.draw(mode_);
    target.draw(hint_);
    if (ctx_->settings.showMeters) {
        mood_.draw(target);
        trust_.draw(target);
    }
    drawn_ = {show_ > 0.02f && remaining_.has_value(), urgent(), shownSeconds_, fillWidth(),
              !mood_.settled() || !trust_.settled(), show_};
    if (show_ > 0.02f && remaining_) {
        const float frac = std::clamp(static_cast<float>(*remaining_) / static_cast<float>(total_), 0.f, 1.f);
        const bool urgent = frac < 0.34f && !paused_;
        const float pulse = urgent ? 0.5f + 0.5f * std::sin(time * 10.f) : 0.f;
        sf::RenderStates s;
        s.transform.translate(0, (1.f - show_) * -20.f);
        if (urgent) {
            RoundedRect glow({486 - 3 * pulse, 68 - 3 * pulse, 308 + 6 * pulse, 58 + 6 * pulse}, 29,
                             theme::fade(theme::kBad, 0.35f));
            target.draw(glow, s);
        }
        target.draw(timerBg_, s);
        target.draw(timerTrack_, s);
        timerFill_.set({510, 106, std::max(6.f, 260 * frac), 6}, 3);
        timerFill_.setFill(theme::mix(theme::kBad, theme::kTeal, std::min(1.f, frac * 2.f)));
        target.draw(timerFill_, s);
        target.draw(timerText_, s);
    }
}

}  // namespace counterplay::app
