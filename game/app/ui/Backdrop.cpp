#include "ui/Backdrop.h"

#include <cmath>

#include "ui/Theme.h"

namespace counterplay::app::ui {
namespace {

void addGlow(sf::VertexArray& va, sf::Vector2f c, float r, sf::Color color) {
    const int n = 36;
    sf::Color edge = color;
    edge.a = 0;
    for (int i = 0; i < n; ++i) {
        const float a0 = 6.2831853f * i / n, a1 = 6.2831853f * (i + 1) / n;
        va.append({c, color});
        va.append({c + sf::Vector2f(std::cos(a0) * r, std::sin(a0) * r), edge});
        va.append({c + sf::Vector2f(std::cos(a1) * r, std::sin(a1) * r), edge});
    }
}

}  // namespace

Backdrop::Backdrop() {
    const sf::Color top(24, 29, 44), bottom(38, 36, 58);
    gradient_.append({{0, 0}, top});
    gradient_.append({{theme::kWidth, 0}, top});
    gradient_.append({{theme::kWidth, theme::kHeight}, bottom});
    gradient_.append({{0, theme::kHeight}, bottom});
    addGlow(glow_, {1050, 140}, 420, sf::Color(231, 111, 81, 40));
    addGlow(glow_, {180, 660}, 380, sf::Color(42, 157, 143, 38));
    addGlow(glow_, {700, 380}, 300, sf::Color(233, 196, 106, 16));
}

void Backdrop::draw(sf::RenderTarget& target, float time) const {
    target.draw(gradient_);
    sf::RenderStates states;
    states.transform.translate(std::sin(time * 0.17f) * 24.f, std::cos(time * 0.13f) * 16.f);
    target.draw(glow_, states);
}

void drawLeftScrim(sf::RenderTarget& target, float solidUntil, float fadeEnd, sf::Uint8 alpha) {
    sf::Color solid = theme::kInk;
    solid.a = alpha;
    sf::Color clear = solid;
    clear.a = 0;
    const sf::Vertex quads[] = {
        {{0, 0}, solid}, {{solidUntil, 0}, solid}, {{solidUntil, theme::kHeight}, solid},
        {{0, theme::kHeight}, solid},
        {{solidUntil, 0}, solid}, {{fadeEnd, 0}, clear}, {{fadeEnd, theme::kHeight}, clear},
        {{solidUntil, theme::kHeight}, solid},
    };
    target.draw(quads, 8, sf::Quads);
}

void drawScrim(sf::RenderTarget& target, sf::Color color) {
    const sf::Vertex q[] = {{{0, 0}, color}, {{theme::kWidth, 0}, color},
                            {{theme::kWidth, theme::kHeight}, color}, {{0, theme::kHeight}, color}};
    target.draw(q, 4, sf::Quads);
}

}  // namespace counterplay::app::ui
