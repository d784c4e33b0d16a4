#include "screens/DialogueBox.h"

#include <SFML/Graphics/ConvexShape.hpp>
#include <algorithm>
#include <cmath>

#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

namespace {
constexpr float kLeft = 40.f, kWidth = 1200.f, kBottom = 704.f, kPadX = 34.f;
}

void DialogueBox::setup(Context& ctx) {
    ctx_ = &ctx;
    text_.setFont(ctx.fonts.regular);
    text_.setColor(theme::kTextOnDark);
    text_.setLineSpacing(1.12f);
    plate_.setFont(ctx.fonts.bold);
    plate_.setSize(theme::kSizeBody);
    plate_.setColor(theme::kInk);
    hint_.setFont(ctx.fonts.regular);
    hint_.setSize(theme::kSizeTiny);
    hint_.setColor(theme::kTextOnDarkMuted);
    layout();
}

void DialogueBox::show(const sf::String& speaker, const sf::String& text, bool narrator, float textScale) {
    narrator_ = narrator;
    textScale_ = textScale;
    hasPlate_ = !speaker.isEmpty();
    plate_.setString(speaker);
    text_.setString(text);
    revealed_ = 0.f;
    text_.setVisibleCount(0);
    layout();
}

void DialogueBox::layout() {
    ++serial_;
    text_.setSize(21.f * textScale_);
    text_.setWrapWidth(kWidth - 2 * kPadX);
    text_.setColor(narrator_ ? theme::kGold : theme::kTextOnDark);
    const float textH = text_.size().y;
    const float height = std::max(168.f, textH + 74.f);
    const float top = kBottom - height;
    box_.set({kLeft, top, kWidth, height}, theme::kRadius + 4);
    box_.setGradient(sf::Color(30, 36, 54, 236), sf::Color(22, 26, 40, 244));
    box_.setOutline(sf::Color(255, 255, 255, 28), 1.5f);
    text_.setPosition(kLeft + kPadX, top + 38.f);
    const sf::Vector2f ps = plate_.size();
    plateBg_.set({kLeft + 24, top - 22, ps.x + 44, 44}, 22);
    plateBg_.setFill(theme::kGold);
    plate_.setPosition(kLeft + 46, top - 22 + (44 - ps.y) / 2);
    hint_.setPosition(kLeft + kWidth - 24 - hint_.size().x, top + 10);
}

void DialogueBox::setHint(const sf::String& hint) {
    hint_.setString(hint);
    layout();
}

void DialogueBox::update(float dt, float cps) {
    const float total = static_cast<float>(text_.revealLength());
    if (cps <= 0.f) revealed_ = total;
    else revealed_ = std::min(total, revealed_ + cps * dt);
    text_.setVisibleCount(static_cast<std::size_t>(revealed_));
}

void DialogueBox::complete() {
    revealed_ = static_cast<float>(text_.revealLength());
    text_.setVisibleCount(static_cast<std::size_t>(-1));
}

sf::FloatRect DialogueBox::markerArea() const {
    const sf::FloatRect r = box_.rect();
    return {r.left + r.width - 44, r.top + r.height - 37, 24, 24};
}

sf::FloatRect DialogueBox::bounds() const {
    const sf::FloatRect r = box_.rect();
    // The plate sits 22 above the box; shadows reach about 16 beyond the shapes.
    return {r.left - 16, r.top - 40, r.width + 32, r.height + 56};
}

void DialogueBox::draw(sf::RenderTarget& target, float time, bool showMarker) const {
    drawShadow(target, box_.rect(), theme::kRadius + 4);
    target.draw(box_);
    if (hasPlate_) {
        drawShadow(target, plateBg_.rect(), 22, 0.6f);
        target.draw(plateBg_);
        target.draw(plate_);
    }
    target.draw(hint_);
    target.draw(text_);
    if (showMarker) {
        const sf::FloatRect r = box_.rect();
        const float bob = std::sin(time * 5.f) * 3.f;
        sf::ConvexShape tri(3);
        const float x = r.left + r.width - 40, y = r.top + r.height - 30 + bob;
        tri.setPoint(0, {x, y});
        tri.setPoint(1, {x + 16, y});
        tri.setPoint(2, {x + 8, y + 10});
        tri.setFillColor(theme::kAccent);
        target.draw(tri);
    }
}

}  // namespace counterplay::app
