// Cafe: cream walls over a tiled lower wall, the bar counter along the back with an espresso
// machine and a pastry case, a chalk menu board with abstract lines, pendant lamps, a window,
// and guests at the tables on both sides turned to watch what happens (scenario hot-cup-burn).
#include <cmath>

#include "art/Backgrounds.h"

namespace counterplay::app::art {
namespace {

constexpr float kFloorY = 548.f;
const sf::Color kWood(150, 100, 68);
const sf::Color kChrome(196, 200, 204);

void paintTiles(Mesh& m) {
    const float top = 300.f;
    m.rect({0.f, top, kSceneWidth, kFloorY - top}, sf::Color(232, 228, 216));
    for (float y = top; y < kFloorY; y += 22.f) {
        m.rect({0.f, y, kSceneWidth, 1.5f}, sf::Color(208, 200, 186));
        const float offset = (static_cast<int>((y - top) / 22.f) % 2) ? 22.f : 0.f;
        for (float x = offset; x < kSceneWidth; x += 44.f) m.rect({x, y, 1.5f, 22.f}, sf::Color(214, 206, 192));
    }
    m.rect({0.f, top - 8.f, kSceneWidth, 8.f}, sf::Color(120, 84, 60));
}

/// Checkered tiles in perspective: column lines run to a vanishing point high above the room.
void paintCheckerFloor(Mesh& m) {
    const Vec vp(640.f, -900.f);
    const float tile = 74.f;
    auto colX = [&](int k, float y) { return vp.x + k * tile * (y - vp.y) / (kFloorY - vp.y); };
    float y0 = kFloorY;
    for (int r = 0; y0 < kSceneHeight; ++r) {
        const float y1 = y0 + 20.f + r * 7.f;
        for (int k = -14; k < 14; ++k)
            if ((k + r) % 2 == 0)
                m.fill(Poly{{colX(k, y0), y0}, {colX(k + 1, y0), y0}, {colX(k + 1, y1), y1}, {colX(k, y1), y1}},
                       fade(sf::Color(150, 96, 72), 0.3f));
        y0 = y1;
    }
}

void paintMenuBoard(Mesh& m) {
    const sf::FloatRect r(760.f, 56.f, 430.f, 176.f);
    m.roundRect({r.left - 10.f, r.top - 10.f, r.width + 20.f, r.height + 20.f}, 6.f, kWood);
    m.rect(r, vgrad(sf::Color(58, 64, 60), sf::Color(46, 52, 50), r.top, r.top + r.height));
    const sf::Color chalk(236, 232, 220, 200);
    for (int col = 0; col < 2; ++col) {
        const float x = r.left + 28.f + col * 210.f;
        m.roundRect({x, r.top + 20.f, 110.f, 8.f}, 4.f, sf::Color(240, 200, 120, 220));  // heading
        for (int i = 0; i < 4; ++i) {
            const float y = r.top + 50.f + i * 28.f;
            m.roundRect({x, y, 90.f + 30.f * hash01(static_cast<unsigned>(col * 10 + i)), 5.f}, 2.5f, chalk);
            m.roundRect({x + 156.f, y, 20.f, 5.f}, 2.5f, chalk);
        }
    }
    // A little chalk cup in the corner.
    m.stroke(Path({r.left + r.width - 60.f, r.top + 30.f}).line({r.left + r.width - 56.f, r.top + 52.f})
                 .line({r.left + r.width - 36.f, r.top + 52.f}).line({r.left + r.width - 32.f, r.top + 30.f}),
             2.f, chalk, false);
}

void paintMugShelf(Mesh& m) {
    m.rect({380.f, 196.f, 300.f, 8.f}, kWood);
    const sf::Color mugs[] = {{240, 236, 228}, {120, 160, 150}, {230, 150, 110}, {240, 236, 228}, {90, 110, 140}};
    for (int i = 0; i < 5; ++i) {
        const float x = 396.f + i * 56.f;
        m.roundRect({x, 160.f, 34.f, 36.f}, 5.f, hgrad(lighter(mugs[i], 0.1f), darker(mugs[i], 0.15f), x, x + 34.f));
        m.stroke(Path({x + 34.f, 168.f}).quad({x + 48.f, 176.f}, {x + 34.f, 186.f}), 4.f, darker(mugs[i], 0.1f), false);
    }
    m.rect({380.f, 120.f, 300.f, 6.f}, kWood);
    for (int i = 0; i < 4; ++i) {  // jars of beans
        const float x = 404.f + i * 70.f;
        m.roundRect({x, 74.f, 40.f, 46.f}, 6.f, sf::Color(220, 230, 232, 200));
        m.roundRect({x + 3.f, 90.f, 34.f, 28.f}, 4.f, sf::Color(110, 70, 44));
        m.roundRect({x - 2.f, 68.f, 44.f, 10.f}, 3.f, sf::Color(90, 90, 96));
    }
}

void paintEspressoMachine(Mesh& m, float x, float counterTop) {
    const float w = 190.f, h = 120.f, top = counterTop - h;
    m.roundRect({x, top, w, h}, 10.f, hgrad(lighter(kChrome, 0.3f), darker(kChrome, 0.3f), x, x + w));
    m.roundRect({x + 10.f, top + 10.f, w - 20.f, 36.f}, 6.f, sf::Color(186, 72, 56));
    for (int i = 0; i < 2; ++i) {  // gauges
        const Vec g(x + 60.f + i * 70.f, top + 28.f);
        m.ellipse(g, {12.f, 12.f}, sf::Color(250, 248, 240), 24);
        m.stroke(ellipsePoly(g, {12.f, 12.f}, 24), 2.f, kChrome, true);
        m.stroke(Path(g).line(g + Vec(5.f, -7.f)), 1.5f, sf::Color(40, 40, 40), false);
    }
    for (int i = 0; i < 2; ++i) {  // group heads with portafilters and a cup under each
        const float gx = x + 56.f + i * 78.f;
        m.roundRect({gx - 16.f, top + 56.f, 32.f, 18.f}, 4.f, darker(kChrome, 0.35f));
        m.roundRect({gx - 4.f, top + 66.f, 44.f, 8.f}, 4.f, sf::Color(40, 36, 36));
        m.roundRect({gx - 12.f, counterTop - 30.f, 24.f, 22.f}, 4.f, sf::Color(248, 246, 240));
    }
    m.rect({x + 6.f, counterTop - 8.f, w - 12.f, 8.f}, darker(kChrome, 0.45f));
    m.stroke(Path({x + w - 10.f, top + 50.f}).line({x + w + 10.f, top + 94.f}), 4.f, darker(kChrome, 0.2f), false);
    for (int i = 0; i < 4; ++i)  // cups warming on top
        m.roundRect({x + 24.f + i * 38.f, top - 20.f, 28.f, 20.f}, 4.f, sf::Color(246, 244, 238));
    // Steam.
    for (int i = 0; i < 2; ++i) {
        const float sx = x + w + 16.f + i * 10.f;
        m.taper(Path({sx, top + 80.f}).cubic({sx - 14.f, top + 50.f}, {sx + 14.f, top + 30.f}, {sx, top}), 1.f,
                5.f, 1.f, sf::Color(255, 255, 255, 70));
    }
}

void paintPastryCase(Mesh& m, float x, float counterTop) {
    const float w = 200.f, h = 86.f;
    m.roundRect({x, counterTop - h, w, h}, 8.f, sf::Color(220, 236, 240, 110));
    m.rect({x, counterTop - h / 2.f, w, 4.f}, sf::Color(200, 190, 180));
    const sf::Color pastry(218, 160, 90), berry(190, 70, 90), cream(250, 240, 220);
    for (int i = 0; i < 4; ++i) {
        const float px = x + 30.f + i * 46.f;
        m.ellipse({px, counterTop - h / 2.f - 12.f}, {18.f, 11.f}, vgrad(lighter(pastry, 0.2f), darker(pastry, 0.2f), counterTop - h / 2.f - 24.f, counterTop - h / 2.f), 20);
        m.ellipse({px, counterTop - 16.f}, {17.f, 12.f}, i % 2 ? cream : berry, 20);
    }
    m.stroke(roundRectPoly({x, counterTop - h, w, h}, 8.f), 3.f, sf::Color(255, 255, 255, 160), true);
}

void paintGuestTable(Mesh& m, float x, float facing, sf::Color a, sf::Color b) {
    const float tableY = 468.f;
    paintFloorShadow(m, {x, kFloorY + 40.f}, {150.f, 16.f}, 0.25f);
    paintBystander(m, {x - 70.f, tableY + 20.f}, 0.95f, facing, a, sf::Color(70, 50, 40), sf::Color(226, 186, 154));
    paintBystander(m, {x + 70.f, tableY + 24.f}, 0.9f, facing, b, sf::Color(40, 34, 32), sf::Color(190, 140, 110));
    m.ellipse({x, tableY}, {110.f, 16.f}, vgrad(lighter(kWood, 0.2f), kWood, tableY - 16.f, tableY + 16.f), 40);
    m.rect({x - 6.f, tableY + 10.f, 12.f, kFloorY + 30.f - tableY}, darker(kWood, 0.3f));
    m.roundRect({x - 40.f, kFloorY + 24.f, 80.f, 10.f}, 5.f, darker(kWood, 0.3f));
    for (float cx : {x - 34.f, x + 30.f}) {
        m.roundRect({cx - 12.f, tableY - 24.f, 24.f, 22.f}, 4.f, sf::Color(248, 246, 240));
        m.ellipse({cx, tableY - 2.f}, {18.f, 4.f}, sf::Color(236, 232, 226), 16);
    }
}

}  // namespace

void paintCafe(Mesh& m) {
    paintRoom(m, sf::Color(244, 230, 208), sf::Color(236, 218, 192), kFloorY, sf::Color(214, 196, 170),
              sf::Color(186, 160, 130));
    paintTiles(m);
    paintCheckerFloor(m);
    paintWindow(m, {40.f, 90.f, 240.f, 196.f}, sf::Color(120, 84, 60));
    paintMugShelf(m);
    paintMenuBoard(m);
    for (float x : {450.f, 700.f, 950.f}) paintPendant(m, x, 250.f, 24.f, sf::Color(60, 70, 66));
    // The bar counter along the back, with the machine and the pastry case on it.
    const float counterTop = 420.f;
    paintCounter(m, {360.f, counterTop, 920.f, kFloorY - counterTop + 10.f}, sf::Color(136, 92, 64),
                 sf::Color(226, 214, 196));
    paintPastryCase(m, 420.f, counterTop);
    paintEspressoMachine(m, 960.f, counterTop);
    m.roundRect({1200.f, counterTop - 60.f, 50.f, 60.f}, 6.f, sf::Color(90, 96, 104));  // grinder
    m.fill(Poly{{1205.f, counterTop - 60.f}, {1245.f, counterTop - 60.f}, {1235.f, counterTop - 100.f},
                {1215.f, counterTop - 100.f}},
           sf::Color(200, 210, 214, 200));
    // Guests at their tables, turned towards the middle of the room.
    paintGuestTable(m, 170.f, 1.f, sf::Color(120, 140, 170), sf::Color(200, 120, 100));
    paintBystander(m, {1190.f, 560.f}, 1.05f, -1.f, sf::Color(110, 130, 110), sf::Color(120, 80, 50),
                   sf::Color(236, 200, 170));
    paintBystander(m, {760.f, 560.f}, 1.1f, -1.f, sf::Color(160, 120, 150), sf::Color(50, 40, 36),
                   sf::Color(214, 170, 136));
}

}  // namespace counterplay::app::art
