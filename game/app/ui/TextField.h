// A one-line text entry (trainee name and id): typed text via TextEntered, Backspace, Delete,
// Home/End, Left/Right, a blinking caret and a placeholder.
#pragma once

#include "ui/Label.h"
#include "ui/RoundedRect.h"
#include "ui/Widget.h"

namespace counterplay::app::ui {

class TextField : public Widget {
public:
    void setup(const sf::Font& font, sf::FloatRect rect, const sf::String& placeholder,
               std::size_t maxChars);
    void setPlaceholder(const sf::String& placeholder);
    void setValue(const sf::String& value);
    const sf::String& value() const { return value_; }

    sf::FloatRect rect() const override { return rect_; }
    void update(float dt, bool hovered) override;
    void draw(sf::RenderTarget& target) const override;
    bool handleFocusedEvent(const sf::Event& event) override;
    bool clickActivates() const override { return false; }

private:
    void refresh();

    sf::FloatRect rect_;
    sf::String value_;
    std::size_t caret_ = 0;
    std::size_t maxChars_ = 40;
    float blink_ = 0.f;
    float hover_ = 0.f;
    mutable Label text_;
    mutable Label placeholder_;
    mutable Label beforeCaret_;  // measures the caret position
    mutable RoundedRect box_;
};

}  // namespace counterplay::app::ui
