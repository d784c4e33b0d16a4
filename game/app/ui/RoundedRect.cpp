#include "ui/RoundedRect.h"

#include <SFML/Graphics/RenderTarget.hpp>
#include <algorithm>
#include <cmath>

#include "ui/Theme.h"

namespace counterplay::app::ui {
namespace {

constexpr int kSegments = 8;  // per corner

/// Points around a rounded rect, clockwise from the top-right corner's start.
void outlinePoints(sf::FloatRect r, float rad, float inset, sf::Vector2f* out) {
    rad = std::max(0.f, rad - inset);
    const float l = r.left + inset, t = r.top + inset;
    const float w = r.width - 2 * inset, h = r.height - 2 * inset;
    const sf::Vector2f centers[4] = {
        {l + w - rad, t + rad}, {l + w - rad, t + h - rad}, {l + rad, t + h - rad}, {l + rad, t + rad}};
    int i = 0;
    for (int c = 0; c < 4; ++c)
        for (int k = 0; k <= kSegments; ++k) {
            const float a = (-90.f + 90.f * c + 90.f * k / kSegments) * 3.14159265f / 180.f;
            out[i++] = centers[c] + sf::Vector2f(std::cos(a) * rad, std::sin(a) * rad);
        }
}

}  // namespace

void RoundedRect::set(sf::FloatRect rect, float radius) {
    radius = std::min({radius, rect.width / 2, rect.height / 2});
    if (rect == rect_ && radius == radius_ && fill_.getVertexCount() > 0) return;
    rect_ = rect;
    radius_ = std::max(0.f, radius);
    rebuild();
}

void RoundedRect::setFill(sf::Color color) { setGradient(color, color); }

void RoundedRect::setGradient(sf::Color top, sf::Color bottom) {
    if (top == top_ && bottom == bottom_) return;
    top_ = top;
    bottom_ = bottom;
    recolor();
}

void RoundedRect::setOutline(sf::Color color, float thickness) {
    if (color == outlineColor_ && thickness == outline_) return;
    const bool geometry = thickness != outline_;
    outlineColor_ = color;
    outline_ = thickness;
    if (geometry) rebuild(); else recolor();
}

void RoundedRect::rebuild() {
    constexpr int n = 4 * (kSegments + 1);
    sf::Vector2f outer[n];
    outlinePoints(rect_, radius_, 0.f, outer);
    fill_.resize(n + 2);
    fill_[0].position = {rect_.left + rect_.width / 2, rect_.top + rect_.height / 2};
    for (int i = 0; i < n; ++i) fill_[i + 1].position = outer[i];
    fill_[n + 1].position = outer[0];
    edge_.clear();
    if (outline_ > 0.f) {
        sf::Vector2f inner[n];
        outlinePoints(rect_, radius_, outline_, inner);
        edge_.resize(2 * (n + 1));
        for (int i = 0; i <= n; ++i) {
            edge_[2 * i].position = outer[i % n];
            edge_[2 * i + 1].position = inner[i % n];
        }
    }
    recolor();
}

void RoundedRect::recolor() {
    for (std::size_t i = 0; i < fill_.getVertexCount(); ++i) {
        const float t = rect_.height > 0 ? (fill_[i].position.y - rect_.top) / rect_.height : 0.f;
        fill_[i].color = theme::mix(top_, bottom_, t);
    }
    for (std::size_t i = 0; i < edge_.getVertexCount(); ++i) edge_[i].color = outlineColor_;
}

void RoundedRect::draw(sf::RenderTarget& target, sf::RenderStates states) const {
    if (fill_.getVertexCount() == 0) return;
    if (top_.a > 0 || bottom_.a > 0) target.draw(fill_, states);
    if (edge_.getVertexCount() > 0 && outlineColor_.a > 0) target.draw(edge_, states);
}

void drawShadow(sf::RenderTarget& target, sf::FloatRect rect, float radius, float alpha) {
    // A soft ring around the (opaque) panel, offset downwards: only the visible band is drawn, so
    // the cost is proportional to the perimeter, not the area (it matters with software GL).
    constexpr int n = 4 * (kSegments + 1);
    constexpr float grow = 9.f, drop = 4.f;
    sf::Vector2f inner[n], outer[n];
    const sf::FloatRect base(rect.left + 1.f, rect.top + drop, rect.width - 2.f, rect.height - 2.f);
    radius = std::min({radius, base.width / 2, base.height / 2});
    outlinePoints(base, radius, 0.f, inner);
    outlinePoints({base.left - grow, base.top - grow, base.width + 2 * grow, base.height + 2 * grow},
                  radius + grow, 0.f, outer);
    const sf::Color dark(0, 0, 0, static_cast<sf::Uint8>(std::clamp(60.f * alpha, 0.f, 255.f)));
    const sf::Color clear(0, 0, 0, 0);
    sf::Vertex strip[2 * (n + 1)];
    for (int i = 0; i <= n; ++i) {
        strip[2 * i] = sf::Vertex(outer[i % n], clear);
        strip[2 * i + 1] = sf::Vertex(inner[i % n], dark);
    }
    target.draw(strip, 2 * (n + 1), sf::TriangleStrip);
}

void fillRounded(sf::RenderTarget& target, sf::FloatRect rect, float radius, sf::Color color) {
    target.draw(RoundedRect(rect, radius, color));
}

}  // namespace counterplay::app::ui
