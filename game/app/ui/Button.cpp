#include "ui/Button.h"

#include <algorithm>
#include <cmath>

#include "ui/Theme.h"

namespace counterplay::app::ui {
namespace {

constexpr float kChoicePadX = 18.f;
constexpr float kBadge = 30.f;

}  // namespace

void Button::setup(const sf::Font& font, const sf::String& text, sf::FloatRect rect,
                   ButtonStyle style, float textSize) {
    style_ = style;
    textSize_ = textSize;
    label_.setFont(font);
    label_.setSize(textSize);
    label_.setString(text);
    badge_.setFont(font);
    badge_.setSize(textSize * 0.85f);
    rect_ = rect;
    layout();
}

void Button::setText(const sf::String& text) {
    label_.setString(text);
    layout();
}

void Button::setRect(sf::FloatRect rect) {
    rect_ = rect;
    layout();
}

void Button::setBadge(const sf::String& badge) {
    badge_.setString(badge);
    layout();
}

float Button::preferredHeight(float width) {
    label_.setWrapWidth(width - kChoicePadX * 2 - kBadge - 14.f);
    return std::max(52.f, label_.size().y + 26.f);
}

void Button::layout() {
    const float radius = style_ == ButtonStyle::Choice ? 12.f : std::min(theme::kRadius, rect_.height / 2);
    body_.set(rect_, radius);
    ring_.set({rect_.left - 4, rect_.top - 4, rect_.width + 8, rect_.height + 8}, radius + 4);
    ring_.setFill(sf::Color::Transparent);
    ring_.setOutline(theme::kGold, 3.f);
    if (style_ == ButtonStyle::Choice) {
        label_.setWrapWidth(rect_.width - kChoicePadX * 2 - kBadge - 14.f);
        const sf::Vector2f s = label_.size();
        label_.setPosition(rect_.left + kChoicePadX + kBadge + 14.f,
                           rect_.top + (rect_.height - s.y) / 2.f);
        badgeBg_.set({rect_.left + kChoicePadX, rect_.top + (rect_.height - kBadge) / 2, kBadge, kBadge},
                     kBadge / 2);
        const sf::Vector2f b = badge_.size();
        badge_.setPosition(rect_.left + kChoicePadX + (kBadge - b.x) / 2.f,
                           rect_.top + (rect_.height - b.y) / 2.f);
    } else {
        label_.setWrapWidth(0.f);
        const sf::Vector2f s = label_.size();
        label_.setPosition(rect_.left + (rect_.width - s.x) / 2.f,
                           rect_.top + (rect_.height - s.y) / 2.f);
    }
}

void Button::update(float dt, bool hovered) {
    const float target = (hovered || focused_) && enabled() ? 1.f : 0.f;
    hoverTarget_ = target;
    hover_ += (target - hover_) * std::min(1.f, dt * 14.f);
    if (std::abs(target - hover_) < 0.002f) hover_ = target;  // land exactly (see Meter::update)
}

void Button::draw(sf::RenderTarget& target) const {
    sf::Color fill, fillHover, text;
    switch (style_) {
    case ButtonStyle::Primary:
        fill = theme::kAccent; fillHover = theme::kAccentHover; text = sf::Color::White; break;
    case ButtonStyle::Secondary:
        fill = theme::kInkSoft; fillHover = theme::kInkLine; text = theme::kTextOnDark; break;
    case ButtonStyle::Light:
        fill = theme::kCream; fillHover = sf::Color::White; text = theme::kText; break;
    case ButtonStyle::Ghost:
        fill = sf::Color(255, 255, 255, 0); fillHover = sf::Color(255, 255, 255, 40);
        text = theme::kTextOnDark; break;
    case ButtonStyle::Choice:
        fill = sf::Color(252, 248, 240, 238); fillHover = sf::Color::White; text = theme::kText; break;
    case ButtonStyle::Toggle:
        fill = selected_ ? theme::kTeal : theme::kInkSoft;
        fillHover = selected_ ? theme::kTealHover : theme::kInkLine;
        text = theme::kTextOnDark; break;
    }
    if (!enabled()) {
        fill = theme::fade(fill, 0.45f);
        fillHover = fill;
        text = theme::fade(text, 0.5f);
    }
    const float a = opacity_;
    const float lift = style_ == ButtonStyle::Choice ? -2.f * hover_ : 0.f;
    sf::RenderStates states;
    states.transform.translate(style_ == ButtonStyle::Choice ? 6.f * hover_ : 0.f, lift);
    if (style_ != ButtonStyle::Ghost && a > 0.5f)
        drawShadow(target, {rect_.left, rect_.top + lift, rect_.width, rect_.height}, 12.f,
                   (0.5f + 0.5f * hover_) * a);
    body_.setFill(theme::fade(theme::mix(fill, fillHover, hover_), a));
    if (style_ == ButtonStyle::Choice)
        body_.setOutline(theme::fade(theme::mix(theme::kCreamDim, theme::kAccent, hover_), a), 2.f);
    else if (style_ == ButtonStyle::Ghost)
        body_.setOutline(theme::fade(theme::kTextOnDarkMuted, 0.6f * a), 1.5f);
    target.draw(body_, states);
    if (focused_ && enabled()) {
        ring_.setOutline(theme::fade(theme::kGold, a), 3.f);
        target.draw(ring_, states);
    }
    if (style_ == ButtonStyle::Choice) {
        badgeBg_.setFill(theme::fade(theme::mix(theme::kInk, theme::kAccent, hover_), a));
        target.draw(badgeBg_, states);
        badge_.setColor(theme::fade(sf::Color::White, a));
        target.draw(badge_, states);
    }
    label_.setColor(theme::fade(text, a));
    target.draw(label_, states);
}

}  // namespace counterplay::app::ui
