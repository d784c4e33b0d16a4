#include "ui/FocusGroup.h"

#include <cmath>
#include <limits>

namespace counterplay::app::ui {

void FocusGroup::clear() {
    items_.clear();
    focus_ = -1;
    pressed_ = -1;
}

void FocusGroup::add(Widget* widget, int id) { items_.push_back({widget, id}); }

void FocusGroup::setFocus(int index) {
    for (std::size_t i = 0; i < items_.size(); ++i)
        items_[i].widget->setFocused(static_cast<int>(i) == index);
    focus_ = index;
}

int FocusGroup::focusedId() const {
    return focus_ >= 0 && focus_ < static_cast<int>(items_.size()) ? items_[focus_].id : -1;
}

void FocusGroup::focusId(int id) {
    for (std::size_t i = 0; i < items_.size(); ++i)
        if (items_[i].id == id) return setFocus(static_cast<int>(i));
}

void FocusGroup::clearFocus() { setFocus(-1); }

void FocusGroup::cycle(int step) {
    const int n = static_cast<int>(items_.size());
    if (n == 0) return;
    int i = focus_;
    for (int k = 0; k < n; ++k) {
        i = (i < 0 ? (step > 0 ? 0 : n - 1) : (i + step + n) % n);
        if (items_[i].widget->enabled()) return setFocus(i);
    }
}

void FocusGroup::moveFocus(int dx, int dy) {
    if (focus_ < 0) return cycle(1);
    const sf::FloatRect from = items_[focus_].widget->rect();
    const sf::Vector2f c(from.left + from.width / 2, from.top + from.height / 2);
    int best = -1;
    float bestScore = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (static_cast<int>(i) == focus_ || !items_[i].widget->enabled()) continue;
        const sf::FloatRect r = items_[i].widget->rect();
        const sf::Vector2f d(r.left + r.width / 2 - c.x, r.top + r.height / 2 - c.y);
        const float along = d.x * dx + d.y * dy;
        if (along <= 1.f) continue;
        const float across = std::abs(dx != 0 ? d.y : d.x);
        const float score = along + across * 2.5f;
        if (score < bestScore) {
            bestScore = score;
            best = static_cast<int>(i);
        }
    }
    if (best >= 0) setFocus(best);
}

int FocusGroup::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    if (focus_ >= 0 && items_[focus_].widget->handleFocusedEvent(event)) return -1;
    switch (event.type) {
    case sf::Event::MouseMoved:
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (items_[i].widget->hit(mouse) && focus_ != static_cast<int>(i))
                setFocus(static_cast<int>(i));
        return -1;
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button != sf::Mouse::Left) return -1;
        pressed_ = -1;
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (items_[i].widget->hit(mouse)) {
                pressed_ = static_cast<int>(i);
                setFocus(pressed_);
            }
        return -1;
    case sf::Event::MouseButtonReleased: {
        if (event.mouseButton.button != sf::Mouse::Left) return -1;
        const int p = pressed_;
        pressed_ = -1;
        if (p >= 0 && p < static_cast<int>(items_.size()) && items_[p].widget->hit(mouse) &&
            items_[p].widget->clickActivates())
            return items_[p].id;
        return -1;
    }
    case sf::Event::KeyPressed:
        switch (event.key.code) {
        case sf::Keyboard::Tab: cycle(event.key.shift ? -1 : 1); return -1;
        case sf::Keyboard::Up: if (arrows_) moveFocus(0, -1); return -1;
        case sf::Keyboard::Down: if (arrows_) moveFocus(0, 1); return -1;
        case sf::Keyboard::Left: if (arrows_) moveFocus(-1, 0); return -1;
        case sf::Keyboard::Right: if (arrows_) moveFocus(1, 0); return -1;
        case sf::Keyboard::Space:
            if (!spaceActivates_) return -1;
            [[fallthrough]];
        case sf::Keyboard::Enter:
            return focusedId() >= 0 && items_[focus_].widget->enabled() ? items_[focus_].id : -1;
        default: return -1;
        }
    default: return -1;
    }
}

void FocusGroup::update(float dt, sf::Vector2f mouse) {
    for (const Item& item : items_) item.widget->update(dt, item.widget->hit(mouse));
}

void FocusGroup::draw(sf::RenderTarget& target) const {
    for (const Item& item : items_) item.widget->draw(target);
}

}  // namespace counterplay::app::ui
