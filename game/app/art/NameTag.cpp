// The staff badge: brushed-gold rim, cream face, the shop logo (a speech bubble with a heart on a
// teal disc), the trainee's name and an optional "favourite" line with a small star.
#include "art/NameTag.h"

#include <SFML/Graphics/Text.hpp>
#include <algorithm>
#include <cmath>

namespace counterplay::app::art {
namespace {

constexpr float kWidth = 200.f;
constexpr float kNameHeight = 56.f;
constexpr float kFavHeight = 18.f;
const sf::Color kInk(28, 33, 48);
const sf::Color kMuted(108, 104, 112);
const sf::Color kTeal(42, 157, 143);
const sf::Color kCoral(231, 111, 81);
const sf::Color kGold(233, 196, 106);

Poly star(Vec c, float r) {
    Poly p;
    for (int i = 0; i < 10; ++i) {
        const float a = (-90.f + 36.f * i) * 3.14159265f / 180.f;
        const float rr = i % 2 ? r * 0.45f : r;
        p.push_back(c + Vec(std::cos(a) * rr, std::sin(a) * rr));
    }
    return p;
}

/// Sets up `text` at `charSize` pixels, shrinking it to fit `maxWidth` pixels.
void fitText(sf::Text& text, float charSize, float maxWidth) {
    text.setCharacterSize(static_cast<unsigned>(std::max(6.f, std::round(charSize))));
    const float w = text.getLocalBounds().width;
    if (w > maxWidth && w > 0.f)
        text.setCharacterSize(
            static_cast<unsigned>(std::max(6.f, std::floor(charSize * maxWidth / w))));
}

}  // namespace

sf::Vector2f nameTagSize(bool withFavourite) {
    return {kWidth, kNameHeight + (withFavourite ? kFavHeight : 0.f)};
}

void paintNameTag(Mesh& m, bool withFavourite) {
    const sf::Vector2f size = nameTagSize(withFavourite);
    const float h = size.y - 3.f, w = size.x - 3.f;
    m.roundRect({2.f, 3.f, w, h}, 11.f, sf::Color(20, 16, 24, 70));  // drop shadow
    m.roundRect({0.f, 0.f, w, h}, 11.f, lgrad({0.f, 0.f}, lighter(kGold, 0.3f), {w, h}, darker(kGold, 0.3f)));
    m.roundRect({3.f, 3.f, w - 6.f, h - 6.f}, 8.5f, vgrad(sf::Color(255, 253, 247), sf::Color(244, 236, 222), 3.f, h - 3.f));
    // Glossy top half.
    m.roundRect({5.f, 4.f, w - 10.f, kNameHeight * 0.4f}, 7.f, sf::Color(255, 255, 255, 90));
    // Logo: a teal disc, a white speech bubble, a coral heart.
    const Vec c(29.f, kNameHeight / 2.f - 1.f);
    m.ellipse(c + Vec(0.f, 1.5f), {18.5f, 18.5f}, sf::Color(20, 60, 60, 60), 40);
    m.ellipse(c, {18.f, 18.f}, vgrad(lighter(kTeal, 0.15f), darker(kTeal, 0.2f), c.y - 18.f, c.y + 18.f), 40);
    m.ellipse(c + Vec(0.f, -1.5f), {11.f, 8.5f}, sf::Color(255, 252, 246), 32);
    m.triangle(c + Vec(-6.f, 4.f), c + Vec(-1.f, 6.f), c + Vec(-9.f, 11.f), sf::Color(255, 252, 246));
    const Vec hc = c + Vec(0.f, -2.f);
    m.ellipse(hc + Vec(-2.3f, -1.2f), {2.8f, 2.8f}, kCoral, 16);
    m.ellipse(hc + Vec(2.3f, -1.2f), {2.8f, 2.8f}, kCoral, 16);
    m.triangle(hc + Vec(-5.0f, -0.4f), hc + Vec(5.0f, -0.4f), hc + Vec(0.f, 4.6f), kCoral);
    // Divider and a coral stripe along the bottom edge of the name area.
    m.rect({54.f, 12.f, 1.5f, kNameHeight - 24.f}, sf::Color(214, 200, 178));
    if (withFavourite) {
        m.rect({12.f, kNameHeight - 2.f, w - 24.f, 1.f}, sf::Color(224, 212, 192));
        m.fill(star({70.f, kNameHeight + kFavHeight / 2.f - 3.f}, 5.5f), kCoral);
    } else {
        m.roundRect({62.f, kNameHeight - 13.f, 40.f, 3.f}, 1.5f, kCoral);
    }
}

void drawNameTagText(sf::RenderTarget& target, const sf::Transform& toPixels, float pixelScale,
                     const sf::Font& font, const sf::String& name, const sf::String& favourite) {
    sf::Text text(name, font);
    text.setFillColor(kInk);
    fitText(text, 22.f * pixelScale, 128.f * pixelScale);
    sf::FloatRect b = text.getLocalBounds();
    const float nameBottom = favourite.isEmpty() ? kNameHeight - 16.f : kNameHeight - 6.f;
    const Vec nameAt = toPixels.transformPoint({62.f, (nameBottom + 6.f) / 2.f});
    text.setPosition(std::round(nameAt.x - b.left), std::round(nameAt.y - b.top - b.height / 2.f));
    target.draw(text);
    if (favourite.isEmpty()) return;
    sf::Text fav(favourite, font);
    fav.setFillColor(kMuted);
    fitText(fav, 12.f * pixelScale, 112.f * pixelScale);
    b = fav.getLocalBounds();
    const Vec favAt = toPixels.transformPoint({80.f, kNameHeight + kFavHeight / 2.f - 3.f});
    fav.setPosition(std::round(favAt.x - b.left), std::round(favAt.y - b.top - b.height / 2.f));
    target.draw(fav);
}

}  // namespace counterplay::app::art
