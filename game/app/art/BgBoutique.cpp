// Boutique: blush walls with wainscoting, an arched niche with folded knits on the left (behind
// the customer), a clothes rail in the middle, a tall gold mirror and the till on the right.
#include <cmath>

#include "art/Backgrounds.h"

namespace counterplay::app::art {
namespace {

constexpr float kFloorY = 540.f;
const sf::Color kBrass(206, 164, 92);

/// A garment on a hanger: a top, a dress or a coat, hanging from the rail at (x, railY).
void paintGarment(Mesh& m, float x, float railY, int kind, sf::Color c) {
    m.stroke(Path({x, railY + 2.f}).quad({x - 7.f, railY - 8.f}, {x - 1.f, railY - 12.f}), 2.f,
             kBrass, false);
    const float top = railY + 16.f;
    m.stroke(Path({x - 30.f, top + 4.f}).line({x, top - 8.f}).line({x + 30.f, top + 4.f}), 3.f,
             sf::Color(120, 84, 60), false);
    const float len = kind == 0 ? 130.f : kind == 1 ? 230.f : 200.f;
    const float hem = kind == 1 ? 52.f : 36.f;
    const Poly body = Path({x - 30.f, top + 4.f})
                          .cubic({x - 14.f, top - 4.f}, {x + 14.f, top - 4.f}, {x + 30.f, top + 4.f})
                          .line({x + 34.f, top + 30.f})
                          .cubic({x + 28.f, top + len * 0.5f}, {x + hem, top + len * 0.8f},
                                 {x + hem, top + len})
                          .quad({x, top + len + 6.f}, {x - hem, top + len})
                          .cubic({x - hem, top + len * 0.8f}, {x - 28.f, top + len * 0.5f},
                                 {x - 34.f, top + 30.f})
                          .pts();
    m.fill(translate(body, {6.f, 4.f}), sf::Color(60, 30, 30, 30));
    m.fill(body, hgrad(lighter(c, 0.12f), darker(c, 0.18f), x - hem, x + hem));
    m.taper(Path({x - 8.f, top + 40.f}).cubic({x - 12.f, top + len * 0.5f}, {x - 16.f, top + len * 0.8f},
                                             {x - 22.f, top + len - 4.f}),
            0.5f, 3.f, 0.5f, fade(darker(c, 0.35f), 0.5f));
    if (kind == 2) {  // coat: lapel line and buttons
        m.stroke(Path({x - 12.f, top}).line({x, top + 60.f}).line({x + 12.f, top}), 2.f,
                 darker(c, 0.3f), false);
        for (int i = 0; i < 3; ++i) m.ellipse({x + 4.f, top + 80.f + i * 36.f}, {3.f, 3.f}, darker(c, 0.4f), 10);
    } else if (kind == 0) {
        m.ellipse({x, top + 6.f}, {10.f, 6.f}, darker(c, 0.25f), 16);
    } else {
        m.fill(Poly{{x - 28.f, top + 66.f}, {x + 28.f, top + 66.f}, {x + 28.f, top + 74.f}, {x - 28.f, top + 74.f}},
               darker(c, 0.2f));
    }
}

void paintRail(Mesh& m) {
    const float railY = 150.f, left = 526.f, right = 874.f;
    paintFloorShadow(m, {(left + right) / 2.f, kFloorY + 30.f}, {210.f, 18.f}, 0.22f);
    for (float x : {left, right}) {
        m.rect({x - 4.f, railY, 8.f, kFloorY + 24.f - railY}, hgrad(lighter(kBrass, 0.3f), darker(kBrass, 0.3f), x - 4.f, x + 4.f));
        m.roundRect({x - 34.f, kFloorY + 20.f, 68.f, 8.f}, 4.f, darker(kBrass, 0.2f));
    }
    m.roundRect({left - 10.f, railY - 5.f, right - left + 20.f, 10.f}, 5.f,
                vgrad(lighter(kBrass, 0.35f), darker(kBrass, 0.25f), railY - 5.f, railY + 5.f));
    const sf::Color colours[] = {{196, 132, 140}, {244, 236, 220}, {150, 170, 140}, {70, 86, 120},
                                 {222, 176, 90}, {190, 110, 84}, {236, 206, 196}};
    const int kinds[] = {0, 1, 0, 2, 1, 0, 2};
    for (int i = 0; i < 7; ++i) paintGarment(m, left + 38.f + i * 46.f, railY, kinds[i], colours[i]);
}

void paintKnitShelf(Mesh& m) {
    m.rect({176.f, 300.f, 150.f, 8.f}, sf::Color(250, 240, 232));
    m.rect({176.f, 308.f, 150.f, 4.f}, sf::Color(196, 166, 150));
    const sf::Color knits[] = {{214, 190, 170}, {170, 120, 120}, {130, 150, 170}};
    for (int s = 0; s < 3; ++s)
        for (int k = 0; k < 3; ++k) {
            const float x = 184.f + s * 48.f, y = 300.f - (k + 1) * 16.f;
            m.roundRect({x, y, 42.f, 15.f}, 5.f, vgrad(lighter(knits[(s + k) % 3], 0.1f), knits[(s + k) % 3], y, y + 15.f));
            m.stroke(Path({x + 4.f, y + 11.f}).line({x + 38.f, y + 11.f}), 1.f, fade(darker(knits[(s + k) % 3], 0.3f), 0.5f), false);
        }
}

void paintMirror(Mesh& m) {
    const float cx = 1004.f, top = 120.f, bottom = 528.f, halfW = 70.f;
    paintFloorShadow(m, {cx, bottom + 18.f}, {110.f, 14.f}, 0.3f);
    auto arch = [&](float inset) {
        return Path({cx - halfW + inset, bottom - inset})
            .line({cx - halfW + inset, top + halfW})
            .arc({cx, top + halfW}, {halfW - inset, halfW - inset}, 180.f, 360.f)
            .line({cx + halfW - inset, bottom - inset})
            .pts();
    };
    m.fill(translate(arch(0.f), {8.f, 6.f}), sf::Color(60, 30, 30, 40));
    m.fill(arch(0.f), lgrad({cx - halfW, top}, lighter(kBrass, 0.35f), {cx + halfW, bottom}, darker(kBrass, 0.3f)));
    const Poly glass = arch(9.f);
    m.fill(glass, vgrad(sf::Color(214, 224, 228), sf::Color(236, 230, 226), top, bottom));
    m.fill(clipConvex(Poly{{cx - 40.f, top}, {cx - 6.f, top}, {cx - 60.f, bottom}, {cx - 94.f, bottom}}, glass),
           sf::Color(255, 255, 255, 70));
    m.fill(clipConvex(Poly{{cx + 8.f, top}, {cx + 20.f, top}, {cx - 30.f, bottom}, {cx - 42.f, bottom}}, glass),
           sf::Color(255, 255, 255, 50));
    m.rect({cx - 80.f, bottom, 160.f, 14.f}, darker(kBrass, 0.25f));
}

void paintTill(Mesh& m) {
    const sf::FloatRect counter(1090.f, 410.f, 210.f, 140.f);
    paintCounter(m, counter, sf::Color(238, 226, 214), sf::Color(196, 164, 140));
    // Card terminal, a vase of flowers and a boutique bag.
    m.roundRect({1120.f, 376.f, 46.f, 34.f}, 5.f, sf::Color(60, 62, 70));
    m.roundRect({1126.f, 381.f, 34.f, 14.f}, 3.f, sf::Color(120, 200, 200));
    const Vec vase(1230.f, 410.f);
    for (int i = 0; i < 5; ++i) {
        const float a = (-120.f + 15.f * i) * 3.14159265f / 180.f;
        const Vec tip = vase + Vec(std::cos(a) * 70.f, -40.f + std::sin(a) * 60.f);
        m.stroke(Path(vase + Vec(0.f, -30.f)).quad(vase + Vec(0.f, -60.f), tip), 2.f, sf::Color(110, 140, 96), false);
        m.ellipse(tip, {11.f, 11.f}, i % 2 ? sf::Color(236, 150, 160) : sf::Color(250, 226, 200), 20);
        m.ellipse(tip, {4.f, 4.f}, sf::Color(226, 180, 90), 10);
    }
    m.fill(Path({vase.x - 16.f, vase.y}).cubic({vase.x - 26.f, vase.y - 30.f}, {vase.x - 8.f, vase.y - 36.f},
                                               {vase.x - 6.f, vase.y - 44.f})
               .line({vase.x + 6.f, vase.y - 44.f})
               .cubic({vase.x + 8.f, vase.y - 36.f}, {vase.x + 26.f, vase.y - 30.f}, {vase.x + 16.f, vase.y})
               .pts(),
           hgrad(sf::Color(170, 200, 210), sf::Color(110, 150, 170), vase.x - 20.f, vase.x + 20.f));
}

}  // namespace

void paintBoutique(Mesh& m) {
    paintRoom(m, sf::Color(246, 234, 226), sf::Color(234, 214, 206), kFloorY, sf::Color(204, 170, 140),
              sf::Color(168, 128, 100));
    paintFloorBoards(m, kFloorY, sf::Color(140, 100, 76, 70));
    // Wainscoting panels along the lower wall.
    m.rect({0.f, 392.f, kSceneWidth, 6.f}, sf::Color(250, 242, 236));
    for (int i = 0; i < 10; ++i)
        m.stroke(roundRectPoly({14.f + i * 128.f, 412.f, 104.f, 106.f}, 4.f), 2.f, sf::Color(222, 198, 190), true);
    paintSkirting(m, kFloorY, sf::Color(250, 242, 236));
    // The arched niche behind the customer, softly lit.
    const Poly niche = Path({110.f, kFloorY - 14.f}).line({110.f, 250.f}).arc({250.f, 250.f}, {140.f, 150.f}, 180.f, 360.f)
                           .line({390.f, kFloorY - 14.f}).pts();
    m.fill(niche, vgrad(sf::Color(232, 206, 200), sf::Color(240, 222, 214), 100.f, kFloorY));
    m.radial({250.f, 240.f}, {170.f, 200.f}, sf::Color(255, 246, 236, 110), sf::Color(255, 246, 236, 0));
    m.stroke(niche, 3.f, sf::Color(250, 240, 232), false);
    paintPendant(m, 460.f, 60.f, 26.f, sf::Color(214, 170, 120));
    paintPendant(m, 720.f, 40.f, 26.f, sf::Color(214, 170, 120));
    paintKnitShelf(m);
    paintRail(m);
    paintMirror(m);
    paintPlant(m, {440.f, 566.f}, 190.f, sf::Color(232, 222, 210));
    paintTill(m);
}

}  // namespace counterplay::app::art
