// A settings row: a label on the left and the current value between < and > on the right.
// Click or Enter steps forward; Left/Right step back and forth (the screen calls step()).
#pragma once

#include "ui/Label.h"
#include "ui/RoundedRect.h"
#include "ui/Widget.h"

namespace counterplay::app::ui {

class OptionRow : public Widget {
public:
    void setup(const sf::Font& font, const sf::Font& bold, sf::FloatRect rect, const sf::String& label,
               const sf::String& value);
    void setValue(const sf::String& value);
    sf::FloatRect rect() const override { return rect_; }
    void update(float dt, bool hovered) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void layoutValue();
    sf::FloatRect rect_;
    float hover_ = 0.f;
    mutable Label label_, value_;
    mutable RoundedRect body_, ring_, pill_;
};

}  // namespace counterplay::app::ui
