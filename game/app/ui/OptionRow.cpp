#include "ui/OptionRow.h"

#include <SFML/Graphics/ConvexShape.hpp>
#include <algorithm>

#include "ui/Theme.h"

namespace counterplay::app::ui {

void OptionRow::setup(const sf::Font& font, const sf::Font& bold, sf::FloatRect rect, const sf::String& label,
                      const sf::String& value) {
    rect_ = rect;
    label_ = Label(font, label, theme::kSizeBody, theme::kTextOnDark);
    label_.setPosition(rect.left + 24, rect.top + (rect.height - label_.size().y) / 2);
    value_ = Label(bold, value, theme::kSizeBody, theme::kTextOnDark);
    body_.set(rect, theme::kRadius);
    ring_.set({rect.left - 4, rect.top - 4, rect.width + 8, rect.height + 8}, theme::kRadius + 4);
    ring_.setFill(sf::Color::Transparent);
    ring_.setOutline(theme::kGold, 3.f);
    layoutValue();
}

void OptionRow::setValue(const sf::String& value) {
    value_.setString(value);
    layoutValue();
}

void OptionRow::layoutValue() {
    const float pillW = 340, x = rect_.left + rect_.width - pillW - 16;
    // Shrink a long value until it fits between the arrows.
    for (float size = theme::kSizeBody; size >= theme::kSizeTiny; size -= 1.f) {
        value_.setSize(size);
        if (value_.size().x <= pillW - 76) break;
    }
    pill_.set({x, rect_.top + 8, pillW, rect_.height - 16}, (rect_.height - 16) / 2);
    pill_.setFill(theme::kInk);
    const sf::Vector2f vs = value_.size();
    value_.setPosition(x + (pillW - vs.x) / 2, rect_.top + (rect_.height - vs.y) / 2);
}

void OptionRow::update(float dt, bool hovered) {
    const float target = hovered || focused_ ? 1.f : 0.f;
    hover_ += (target - hover_) * std::min(1.f, dt * 14.f);
}

void OptionRow::draw(sf::RenderTarget& target) const {
    body_.setFill(theme::mix(theme::kInkSoft, theme::kInkLine, hover_));
    target.draw(body_);
    if (focused_) target.draw(ring_);
    target.draw(label_);
    target.draw(pill_);
    target.draw(value_);
    const sf::FloatRect p = pill_.rect();
    const float cy = p.top + p.height / 2;
    for (int side = -1; side <= 1; side += 2) {
        sf::ConvexShape tri(3);
        const float x = side < 0 ? p.left + 18 : p.left + p.width - 18;
        tri.setPoint(0, {x - side * 5.f, cy - 7});
        tri.setPoint(1, {x + side * 5.f, cy});
        tri.setPoint(2, {x - side * 5.f, cy + 7});
        tri.setFillColor(theme::mix(theme::kTextOnDarkMuted, theme::kAccent, hover_));
        target.draw(tri);
    }
}

}  // namespace counterplay::app::ui
