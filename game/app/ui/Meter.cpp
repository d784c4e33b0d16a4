#include "ui/Meter.h"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/Theme.h"

namespace counterplay::app::ui {

void Meter::setup(const sf::Font& font, const sf::String& label, sf::FloatRect rect) {
    rect_ = rect;
    label_.setFont(font);
    label_.setSize(theme::kSizeTiny + 1.f);
    label_.setString(label);
    label_.setPosition(rect.left, rect.top);
    number_.setFont(font);
    number_.setSize(theme::kSizeTiny + 1.f);
    track_.set({rect.left, rect.top + 22.f, rect.width, 10.f}, 5.f);
    track_.setFill(sf::Color(255, 255, 255, 50));
}

void Meter::setValue(int value, bool instant) {
    value = std::clamp(value, 0, 100);
    if (value != value_ && !instant) {
        lastDelta_ = value - value_;
        flash_ = 1.f;
    }
    value_ = value;
    if (instant) shown_ = static_cast<float>(value);
    number_.setString(std::to_string(value_));
}

void Meter::update(float dt) {
    shown_ += (static_cast<float>(value_) - shown_) * std::min(1.f, dt * 5.f);
    // Land exactly: an easing that never arrives would move the bar by invisible amounts forever.
    if (std::abs(static_cast<float>(value_) - shown_) < 0.05f) shown_ = static_cast<float>(value_);
    flash_ = std::max(0.f, flash_ - dt * 1.2f);
}

void Meter::draw(sf::RenderTarget& target, float alpha) const {
    label_.setColor(theme::fade(theme::kTextOnDarkMuted, alpha));
    target.draw(label_);
    const sf::Vector2f ns = number_.size();
    number_.setPosition(rect_.left + rect_.width - ns.x, rect_.top);
    const sf::Color flashColor = lastDelta_ > 0 ? theme::kGood : theme::kBad;
    number_.setColor(theme::fade(theme::mix(theme::kTextOnDark, flashColor, flash_), alpha));
    target.draw(number_);
    track_.setFill(theme::fade(sf::Color(255, 255, 255, 45), alpha));
    target.draw(track_);
    const float w = std::max(10.f, rect_.width * shown_ / 100.f);
    bar_.set({rect_.left, rect_.top + 22.f, w, 10.f}, 5.f);
    bar_.setFill(theme::fade(theme::mix(theme::scale3(shown_), sf::Color::White, flash_ * 0.4f), alpha));
    target.draw(bar_);
}

}  // namespace counterplay::app::ui
