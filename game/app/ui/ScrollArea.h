// A clipped, scrollable region of the logical canvas: content is drawn in logical coordinates
// as if unscrolled (starting at the region's top); begin()/end() swap in a view whose viewport is
// the region, so anything outside is clipped by the GPU. Wheel, arrows, PageUp/PageDown,
// Home/End and dragging the scrollbar scroll it; motion is smoothed.
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/View.hpp>
#include <SFML/Window/Event.hpp>

namespace counterplay::app::ui {

class ScrollArea {
public:
    void setRegion(sf::FloatRect region);
    const sf::FloatRect& region() const { return region_; }
    void setContentHeight(float height);
    float contentHeight() const { return content_; }
    /// Current scroll offset in logical pixels (0 = top).
    float offset() const { return current_; }
    void scrollBy(float dy);
    void scrollTo(float y, bool instant = false);
    /// Scrolls the least needed so content rows [top, bottom] are visible.
    void ensureVisible(float top, float bottom);
    bool canScroll() const { return content_ > region_.height + 0.5f; }
    /// Jumps to the scroll target without the smooth motion.
    void settle() { current_ = target_; }

    /// Wheel over the region; keys when `keys` (Up/Down/PageUp/PageDown/Home/End). True when used.
    bool handleEvent(const sf::Event& event, sf::Vector2f mouse, bool keys);
    void update(float dt);
    /// Mouse position in content coordinates.
    sf::Vector2f toContent(sf::Vector2f mouse) const { return {mouse.x, mouse.y + current_}; }
    bool contains(sf::Vector2f mouse) const { return region_.contains(mouse); }

    void begin(sf::RenderTarget& target) const;
    void end(sf::RenderTarget& target) const;
    void drawScrollbar(sf::RenderTarget& target, sf::Color color) const;

private:
    float maxOffset() const;

    sf::FloatRect region_;
    float content_ = 0.f;
    float target_ = 0.f;
    float current_ = 0.f;
    bool dragging_ = false;
    float dragStartY_ = 0.f, dragStartOffset_ = 0.f;
    mutable sf::View saved_;
};

}  // namespace counterplay::app::ui
