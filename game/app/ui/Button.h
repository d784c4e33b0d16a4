// A button: rounded panel with a label, hover and press animation, focus ring. The Choice style
// is the dialogue answer: a number badge and wrapped, left-aligned text.
#pragma once

#include <SFML/Graphics/Font.hpp>

#include "ui/Label.h"
#include "ui/RoundedRect.h"
#include "ui/Widget.h"

namespace counterplay::app::ui {

enum class ButtonStyle { Primary, Secondary, Light, Ghost, Choice, Toggle };

class Button : public Widget {
public:
    Button() = default;
    void setup(const sf::Font& font, const sf::String& text, sf::FloatRect rect, ButtonStyle style,
               float textSize = 20.f);
    void setText(const sf::String& text);
    void setRect(sf::FloatRect rect);
    /// Choice style: the number in the badge ("1".."9").
    void setBadge(const sf::String& badge);
    /// Toggle style: drawn as selected (segmented controls).
    void setSelected(bool on) { selected_ = on; }
    bool selected() const { return selected_; }
    /// Choice style: the height the wrapped text needs at `width`.
    float preferredHeight(float width);
    /// Overall opacity 0..1 (for fading menus in).
    void setOpacity(float alpha) { opacity_ = alpha; }

    sf::FloatRect rect() const override { return rect_; }
    void update(float dt, bool hovered) override;
    void draw(sf::RenderTarget& target) const override;
    /// True when the hover/focus highlight has finished easing (partial redraw).
    bool settled() const { return hover_ == hoverTarget_; }
    /// Everything the button may paint: its shadow, focus ring and hover lift included.
    sf::FloatRect drawnArea() const {
        return {rect_.left - 16, rect_.top - 16, rect_.width + 32, rect_.height + 32};
    }

private:
    void layout();

    ButtonStyle style_ = ButtonStyle::Primary;
    sf::FloatRect rect_;
    float textSize_ = 20.f;
    mutable Label label_;
    mutable Label badge_;
    mutable RoundedRect body_;
    mutable RoundedRect badgeBg_;
    mutable RoundedRect ring_;
    float hover_ = 0.f;
    float hoverTarget_ = 0.f;
    float opacity_ = 1.f;
    bool selected_ = false;
};

}  // namespace counterplay::app::ui
