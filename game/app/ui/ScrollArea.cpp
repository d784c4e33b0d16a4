#include "ui/ScrollArea.h"

#include <algorithm>
#include <cmath>

#include "ui/Label.h"
#include "ui/RoundedRect.h"
#include "ui/Theme.h"

namespace counterplay::app::ui {

void ScrollArea::setRegion(sf::FloatRect region) {
    region_ = region;
    scrollTo(target_, true);
}

void ScrollArea::setContentHeight(float height) {
    content_ = height;
    scrollTo(target_, true);
}

float ScrollArea::maxOffset() const { return std::max(0.f, content_ - region_.height); }

void ScrollArea::scrollBy(float dy) { scrollTo(target_ + dy); }

void ScrollArea::scrollTo(float y, bool instant) {
    target_ = std::clamp(y, 0.f, maxOffset());
    if (instant) current_ = target_;
}

void ScrollArea::ensureVisible(float top, float bottom) {
    if (top < target_) scrollTo(top - 8.f);
    else if (bottom > target_ + region_.height) scrollTo(bottom - region_.height + 8.f);
}

bool ScrollArea::handleEvent(const sf::Event& event, sf::Vector2f mouse, bool keys) {
    const float page = region_.height * 0.85f;
    switch (event.type) {
    case sf::Event::MouseWheelScrolled:
        if (!region_.contains(mouse)) return false;
        scrollBy(-event.mouseWheelScroll.delta * 60.f);
        return true;
    case sf::Event::MouseButtonPressed: {
        const sf::FloatRect bar(region_.left + region_.width - 14.f, region_.top, 14.f, region_.height);
        if (event.mouseButton.button != sf::Mouse::Left || !canScroll() || !bar.contains(mouse))
            return false;
        dragging_ = true;
        dragStartY_ = mouse.y;
        dragStartOffset_ = target_;
        return true;
    }
    case sf::Event::MouseButtonReleased:
        if (!dragging_) return false;
        dragging_ = false;
        return true;
    case sf::Event::MouseMoved:
        if (!dragging_) return false;
        scrollTo(dragStartOffset_ + (mouse.y - dragStartY_) * content_ / region_.height, true);
        return true;
    case sf::Event::KeyPressed:
        if (!keys) return false;
        switch (event.key.code) {
        case sf::Keyboard::Up: scrollBy(-50.f); return true;
        case sf::Keyboard::Down: scrollBy(50.f); return true;
        case sf::Keyboard::PageUp: scrollBy(-page); return true;
        case sf::Keyboard::PageDown: scrollBy(page); return true;
        case sf::Keyboard::Home: scrollTo(0.f); return true;
        case sf::Keyboard::End: scrollTo(maxOffset()); return true;
        default: return false;
        }
    default: return false;
    }
}

void ScrollArea::update(float dt) {
    current_ += (target_ - current_) * std::min(1.f, dt * 16.f);
    if (std::abs(target_ - current_) < 0.5f) current_ = target_;
}

void ScrollArea::begin(sf::RenderTarget& target) const {
    saved_ = target.getView();
    const sf::FloatRect vp = saved_.getViewport();
    const sf::Vector2f size = saved_.getSize();
    sf::View clip(sf::FloatRect(region_.left, region_.top, region_.width, region_.height));
    const float scale = Label::pixelScale();
    clip.move(0.f, std::round(current_ * scale) / scale);
    clip.setViewport({vp.left + region_.left / size.x * vp.width, vp.top + region_.top / size.y * vp.height,
                      region_.width / size.x * vp.width, region_.height / size.y * vp.height});
    target.setView(clip);
}

void ScrollArea::end(sf::RenderTarget& target) const { target.setView(saved_); }

void ScrollArea::drawScrollbar(sf::RenderTarget& target, sf::Color color) const {
    if (!canScroll()) return;
    const float trackH = region_.height - 8.f;
    const float thumbH = std::max(36.f, trackH * region_.height / content_);
    const float y = region_.top + 4.f + (trackH - thumbH) * (current_ / maxOffset());
    fillRounded(target, {region_.left + region_.width - 9.f, region_.top + 4.f, 5.f, trackH}, 2.5f,
                theme::fade(color, 0.25f));
    fillRounded(target, {region_.left + region_.width - 10.f, y, 7.f, thumbH}, 3.5f, color);
}

}  // namespace counterplay::app::ui
