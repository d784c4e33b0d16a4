#include "ui/Theme.h"

#include <algorithm>

namespace counterplay::app::theme {

sf::Color mix(sf::Color a, sf::Color b, float t) {
    t = std::clamp(t, 0.f, 1.f);
    auto m = [t](sf::Uint8 x, sf::Uint8 y) {
        return static_cast<sf::Uint8>(x + (static_cast<float>(y) - x) * t + 0.5f);
    };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

sf::Color fade(sf::Color c, float alpha) {
    c.a = static_cast<sf::Uint8>(std::clamp(c.a * alpha, 0.f, 255.f));
    return c;
}

sf::Color scale3(float value) {
    value = std::clamp(value, 0.f, 100.f);
    return value < 50.f ? mix(kBad, kWarn, value / 50.f) : mix(kWarn, kGood, (value - 50.f) / 50.f);
}

}  // namespace counterplay::app::theme
