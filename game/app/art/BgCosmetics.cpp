// Cosmetics shop: blush-white walls, backlit wall shelves of bottles, jars and tubes on the
// left, a soft round panel in the middle, and a tiered nail-polish rack in every colour on the
// right, over a glossy floor.
#include <cmath>

#include "art/Backgrounds.h"

namespace counterplay::app::art {
namespace {

constexpr float kFloorY = 546.f;
const sf::Color kUnit(252, 248, 248);
const sf::Color kRose(226, 160, 170);

/// One product standing on a shelf at (x, base): perfume, pump bottle, jar or tube by `kind`.
void paintProduct(Mesh& m, float x, float base, int kind, sf::Color c) {
    const sf::Color glass = fade(lighter(c, 0.35f), 0.9f);
    switch (kind % 4) {
        case 0: {  // perfume: faceted bottle and a gold cap
            m.roundRect({x - 15.f, base - 38.f, 30.f, 38.f}, 6.f, hgrad(lighter(glass, 0.3f), glass, x - 15.f, x + 15.f));
            m.roundRect({x - 9.f, base - 30.f, 18.f, 22.f}, 4.f, fade(c, 0.6f));
            m.rect({x - 4.f, base - 46.f, 8.f, 8.f}, sf::Color(214, 180, 110));
            m.roundRect({x - 7.f, base - 58.f, 14.f, 13.f}, 3.f, sf::Color(226, 196, 124));
            break;
        }
        case 1: {  // pump bottle
            m.roundRect({x - 12.f, base - 56.f, 24.f, 56.f}, 8.f, hgrad(lighter(c, 0.2f), darker(c, 0.15f), x - 12.f, x + 12.f));
            m.roundRect({x - 8.f, base - 38.f, 16.f, 18.f}, 3.f, sf::Color(255, 255, 255, 150));
            m.rect({x - 3.f, base - 66.f, 6.f, 10.f}, sf::Color(240, 240, 240));
            m.rect({x - 3.f, base - 68.f, 14.f, 4.f}, sf::Color(240, 240, 240));
            break;
        }
        case 2: {  // jar
            m.roundRect({x - 17.f, base - 24.f, 34.f, 24.f}, 5.f, hgrad(lighter(c, 0.25f), c, x - 17.f, x + 17.f));
            m.roundRect({x - 18.f, base - 32.f, 36.f, 9.f}, 3.f, sf::Color(236, 220, 200));
            break;
        }
        default: {  // tube standing on its cap
            m.fill(Poly{{x - 11.f, base - 52.f}, {x + 11.f, base - 52.f}, {x + 8.f, base - 10.f}, {x - 8.f, base - 10.f}},
                   hgrad(lighter(c, 0.3f), c, x - 11.f, x + 11.f));
            m.rect({x - 11.f, base - 54.f, 22.f, 4.f}, darker(c, 0.15f));
            m.roundRect({x - 8.f, base - 10.f, 16.f, 10.f}, 2.f, sf::Color(250, 250, 250));
            break;
        }
    }
}

void paintWallShelves(Mesh& m) {
    const sf::FloatRect unit(40.f, 60.f, 380.f, 470.f);
    paintFloorShadow(m, {unit.left + unit.width / 2.f, unit.top + unit.height + 10.f}, {230.f, 16.f}, 0.2f);
    m.roundRect({unit.left - 10.f, unit.top - 10.f, unit.width + 20.f, unit.height + 20.f}, 8.f, kUnit);
    const sf::Color palette[] = {{232, 150, 160}, {180, 150, 210}, {246, 206, 150}, {150, 196, 200},
                                 {240, 180, 140}, {210, 120, 140}, {170, 200, 160}};
    const int shelves = 4;
    const float h = unit.height / shelves;
    for (int s = 0; s < shelves; ++s) {
        const sf::FloatRect bay(unit.left, unit.top + s * h, unit.width, h - 12.f);
        m.rect(bay, vgrad(sf::Color(252, 236, 238), sf::Color(244, 216, 222), bay.top, bay.top + bay.height));
        m.radial({bay.left + bay.width / 2.f, bay.top + 6.f}, {bay.width * 0.6f, 40.f},
                 sf::Color(255, 255, 250, 160), sf::Color(255, 255, 250, 0));
        m.rect({unit.left - 10.f, bay.top + bay.height, unit.width + 20.f, 12.f},
               vgrad(kUnit, darker(kUnit, 0.1f), bay.top + bay.height, bay.top + bay.height + 12.f));
        const float base = bay.top + bay.height;
        for (int k = 0; k < 9; ++k) {
            const unsigned n = static_cast<unsigned>(s * 9 + k);
            paintProduct(m, unit.left + 26.f + k * 41.f, base, static_cast<int>(n * 7 % 11), palette[n % 7]);
        }
    }
}

void paintPolishRack(Mesh& m) {
    const sf::FloatRect rack(900.f, 150.f, 320.f, 380.f);
    paintFloorShadow(m, {rack.left + rack.width / 2.f, rack.top + rack.height + 14.f}, {200.f, 14.f}, 0.22f);
    m.roundRect({rack.left - 12.f, rack.top - 60.f, rack.width + 24.f, rack.height + 74.f}, 14.f, kUnit);
    m.roundRect({rack.left, rack.top - 48.f, rack.width, 40.f}, 10.f, vgrad(lighter(kRose, 0.1f), kRose, rack.top - 48.f, rack.top - 8.f));
    // A drop of polish as the rack's emblem.
    const Vec d(rack.left + rack.width / 2.f, rack.top - 28.f);
    m.fill(Path(d + Vec(0.f, -13.f)).cubic(d + Vec(6.f, -4.f), d + Vec(10.f, 2.f), d + Vec(9.f, 6.f))
               .arc(d + Vec(0.f, 6.f), {9.f, 8.f}, 0.f, 180.f)
               .cubic(d + Vec(-10.f, 2.f), d + Vec(-6.f, -4.f), d + Vec(0.f, -13.f))
               .pts(),
           sf::Color(255, 250, 250));
    const int tiers = 7, perTier = 11;
    for (int t = 0; t < tiers; ++t) {
        const float base = rack.top + 50.f + t * 50.f;
        m.rect({rack.left + 6.f, base, rack.width - 12.f, 6.f}, sf::Color(232, 220, 222));
        m.rect({rack.left + 6.f, base + 6.f, rack.width - 12.f, 3.f}, sf::Color(210, 196, 200));
        for (int k = 0; k < perTier; ++k) {
            const float hue = 360.f * (k + t * 0.5f) / perTier;
            const float light = 0.42f + 0.12f * static_cast<float>(t % 3);
            const sf::Color c = rotateHue(sf::Color(220, 60, 80), hue, t == 6 ? 0.2f : 0.62f, light);
            const float x = rack.left + 22.f + k * 27.6f;
            m.roundRect({x - 10.f, base - 24.f, 20.f, 24.f}, 5.f, hgrad(lighter(c, 0.2f), darker(c, 0.2f), x - 10.f, x + 10.f));
            m.rect({x - 6.f, base - 20.f, 3.f, 14.f}, sf::Color(255, 255, 255, 90));
            m.roundRect({x - 4.5f, base - 40.f, 9.f, 17.f}, 2.f, t % 2 ? sf::Color(40, 36, 40) : sf::Color(236, 230, 226));
        }
    }
}

}  // namespace

void paintCosmetics(Mesh& m) {
    paintRoom(m, sf::Color(252, 240, 242), sf::Color(242, 224, 230), kFloorY, sf::Color(236, 222, 226),
              sf::Color(214, 196, 204));
    // Glossy floor: soft reflections of the units and long light streaks.
    m.rect({40.f, kFloorY + 4.f, 380.f, 60.f}, vgrad(sf::Color(255, 255, 255, 70), sf::Color(255, 255, 255, 0), kFloorY, kFloorY + 64.f));
    m.rect({888.f, kFloorY + 4.f, 344.f, 60.f}, vgrad(sf::Color(255, 255, 255, 70), sf::Color(255, 255, 255, 0), kFloorY, kFloorY + 64.f));
    for (int i = 0; i < 5; ++i)
        m.fill(Poly{{200.f + i * 220.f, kFloorY}, {230.f + i * 220.f, kFloorY}, {180.f + i * 270.f, kSceneHeight},
                    {120.f + i * 270.f, kSceneHeight}},
               sf::Color(255, 255, 255, 28));
    paintSkirting(m, kFloorY, sf::Color(250, 244, 244));
    // A soft round panel behind the customer with a thin gold ring.
    m.ellipse({640.f, 270.f}, {210.f, 210.f}, vgrad(sf::Color(248, 226, 230), sf::Color(240, 212, 220), 60.f, 480.f), 96);
    m.stroke(ellipsePoly({640.f, 270.f}, {222.f, 222.f}, 96), 3.f, sf::Color(222, 190, 140), true);
    for (float x : {520.f, 780.f}) paintPendant(m, x, 40.f, 20.f, sf::Color(236, 200, 200));
    paintWallShelves(m);
    paintPolishRack(m);
    paintPlant(m, {1250.f, 580.f}, 190.f, sf::Color(246, 236, 236));
}

}  // namespace counterplay::app::art
