// Base of the focusable widgets (buttons, text fields, toggles): what keyboard navigation needs.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>

namespace counterplay::app::ui {

class Widget {
public:
    virtual ~Widget() = default;
    /// Logical rectangle (for hit tests and arrow-key navigation).
    virtual sf::FloatRect rect() const = 0;
    virtual bool enabled() const { return enabled_; }
    void setEnabled(bool on) { enabled_ = on; }
    bool focused() const { return focused_; }
    void setFocused(bool on) { focused_ = on; }
    virtual bool hit(sf::Vector2f p) const { return enabled() && rect().contains(p); }
    /// Animations (hover, caret); `hovered` = the mouse is over it.
    virtual void update(float dt, bool hovered) = 0;
    virtual void draw(sf::RenderTarget& target) const = 0;
    /// Whether a click activates it (buttons) or only focuses it (text fields).
    virtual bool clickActivates() const { return true; }
    /// Keys and text for a focused widget (text fields); true when consumed.
    virtual bool handleFocusedEvent(const sf::Event&) { return false; }

protected:
    bool enabled_ = true;
    bool focused_ = false;
};

}  // namespace counterplay::app::ui
