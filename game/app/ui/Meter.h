// A labelled 0..100 bar (customer mood and trust): eases toward its value, coloured red ->
// amber -> green, with a short flash when the value jumps.
#pragma once

#include "ui/Label.h"
#include "ui/RoundedRect.h"

namespace counterplay::app::ui {

class Meter {
public:
    void setup(const sf::Font& font, const sf::String& label, sf::FloatRect rect);
    void setLabel(const sf::String& label) { label_.setString(label); }
    /// Sets the target value; `instant` skips the easing (resume, first show).
    void setValue(int value, bool instant = false);
    void update(float dt);
    void draw(sf::RenderTarget& target, float alpha = 1.f) const;
    /// True when neither the easing nor the flash is moving (partial redraw).
    bool settled() const { return shown_ == static_cast<float>(value_) && flash_ <= 0.f; }

private:
    sf::FloatRect rect_;
    float shown_ = 50.f;
    int value_ = 50;
    float flash_ = 0.f;
    int lastDelta_ = 0;
    mutable Label label_;
    mutable Label number_;
    mutable RoundedRect track_;
    mutable RoundedRect bar_;
};

}  // namespace counterplay::app::ui
