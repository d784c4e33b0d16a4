// A rounded rectangle (SFML has none): cached triangle-fan geometry, rebuilt only when the
// rectangle or radius changes, recoloured cheaply for hover animations.
#pragma once

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace counterplay::app::ui {

class RoundedRect : public sf::Drawable {
public:
    RoundedRect() = default;
    RoundedRect(sf::FloatRect rect, float radius, sf::Color fill) { set(rect, radius); setFill(fill); }

    /// Sets the geometry (rebuilds only on change).
    void set(sf::FloatRect rect, float radius);
    void setFill(sf::Color color);
    /// A vertical gradient fill (top colour, bottom colour).
    void setGradient(sf::Color top, sf::Color bottom);
    /// An outline of `thickness` drawn inside the edge; 0 disables it.
    void setOutline(sf::Color color, float thickness);
    const sf::FloatRect& rect() const { return rect_; }

private:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;
    void rebuild();
    void recolor();

    sf::FloatRect rect_;
    float radius_ = 0.f;
    sf::Color top_ = sf::Color::White, bottom_ = sf::Color::White;
    sf::Color outlineColor_ = sf::Color::Transparent;
    float outline_ = 0.f;
    sf::VertexArray fill_{sf::TriangleFan};
    sf::VertexArray edge_{sf::TriangleStrip};
};

/// Draws a soft drop shadow (two widened translucent rounded rects) under `rect`.
void drawShadow(sf::RenderTarget& target, sf::FloatRect rect, float radius, float alpha = 1.f);

/// One-off rounded rectangle (for geometry that changes every frame).
void fillRounded(sf::RenderTarget& target, sf::FloatRect rect, float radius, sf::Color color);

}  // namespace counterplay::app::ui
