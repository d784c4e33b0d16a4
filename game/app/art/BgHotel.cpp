// Hotel lobby: cream walls over wood panelling, a marble floor, an arched window with curtains
// and a palm on the left, a chandelier, and on the right the front desk with its bell and lamp
// in front of the wooden key rack.
#include <cmath>

#include "art/Backgrounds.h"

namespace counterplay::app::art {
namespace {

constexpr float kFloorY = 548.f;
const sf::Color kWood(128, 84, 58);
const sf::Color kGold(214, 172, 96);
const sf::Color kMarble(242, 236, 226);

void paintPanelling(Mesh& m) {
    const float top = 360.f;
    m.rect({0.f, top, kSceneWidth, kFloorY - top}, vgrad(kWood, darker(kWood, 0.2f), top, kFloorY));
    m.rect({0.f, top - 10.f, kSceneWidth, 12.f}, vgrad(lighter(kWood, 0.3f), kWood, top - 10.f, top + 2.f));
    for (int i = 0; i < 9; ++i) {
        const sf::FloatRect p(24.f + i * 142.f, top + 26.f, 118.f, kFloorY - top - 52.f);
        m.roundRect(p, 4.f, darker(kWood, 0.15f));
        m.roundRect({p.left + 3.f, p.top + 3.f, p.width - 6.f, p.height - 6.f}, 3.f,
                    vgrad(lighter(kWood, 0.08f), kWood, p.top, p.top + p.height));
    }
}

void paintMarbleFloor(Mesh& m) {
    m.rect({0.f, kFloorY, kSceneWidth, kSceneHeight - kFloorY}, vgrad(kMarble, darker(kMarble, 0.12f), kFloorY, kSceneHeight));
    for (int i = -6; i <= 6; ++i)
        m.stroke(Path({640.f + i * 140.f, kFloorY}).line({640.f + i * 260.f, kSceneHeight}), 1.5f, sf::Color(200, 190, 176, 120), false, false);
    for (int k = 1; k < 4; ++k)
        m.rect({0.f, kFloorY + k * k * 16.f, kSceneWidth, 1.5f}, sf::Color(200, 190, 176, 120));
    for (int i = 0; i < 9; ++i) {  // veins
        const float x = 60.f + i * 140.f, y = kFloorY + 30.f + 60.f * hash01(static_cast<unsigned>(i) + 90u);
        m.taper(Path({x, y}).cubic({x + 30.f, y + 10.f}, {x + 40.f, y + 40.f}, {x + 90.f, y + 50.f}), 0.3f, 1.6f, 0.3f,
                sf::Color(190, 180, 170, 140));
    }
    m.rect({0.f, kFloorY, kSceneWidth, 40.f}, vgrad(sf::Color(120, 80, 50, 50), sf::Color(120, 80, 50, 0), kFloorY, kFloorY + 40.f));
}

void paintArchedWindow(Mesh& m) {
    const float l = 90.f, r = 300.f, top = 70.f, bottom = 350.f;
    const float cx = (l + r) / 2.f, rad = (r - l) / 2.f;
    const Poly arch = Path({l, bottom}).line({l, top + rad}).arc({cx, top + rad}, {rad, rad}, 180.f, 360.f).line({r, bottom}).pts();
    const Poly frame = Path({l - 12.f, bottom + 8.f}).line({l - 12.f, top + rad}).arc({cx, top + rad}, {rad + 12.f, rad + 12.f}, 180.f, 360.f)
                           .line({r + 12.f, bottom + 8.f}).pts();
    m.fill(frame, sf::Color(244, 236, 222));
    m.fill(arch, vgrad(sf::Color(170, 206, 230), sf::Color(230, 226, 210), top, bottom));
    m.stroke(Path({cx, top}).line({cx, bottom}), 6.f, sf::Color(244, 236, 222), false);
    m.stroke(Path({l, top + rad}).line({r, top + rad}), 6.f, sf::Color(244, 236, 222), false);
    // Curtains gathered at the sides.
    for (float side : {-1.f, 1.f}) {
        const float x0 = side < 0 ? l - 30.f : r + 30.f;
        const Poly curtain = Path({x0, top - 20.f}).line({x0 - side * 60.f, top - 20.f})
                                 .cubic({x0 - side * 40.f, 200.f}, {x0 - side * 10.f, 260.f}, {x0 - side * 30.f, bottom + 20.f})
                                 .line({x0 + side * 6.f, bottom + 20.f}).pts();
        m.fill(curtain, hgrad(sf::Color(150, 50, 60), sf::Color(110, 30, 44), x0 - 60.f, x0 + 60.f));
        for (int k = 1; k < 3; ++k)
            m.taper(Path({x0 - side * 20.f * k, top - 10.f}).cubic({x0 - side * 16.f * k, 180.f}, {x0 - side * 6.f * k, 260.f}, {x0 - side * 10.f * k, bottom + 16.f}),
                    1.f, 3.f, 1.f, fade(sf::Color(80, 20, 30), 0.6f));
    }
    m.roundRect({l - 60.f, top - 28.f, r - l + 120.f, 10.f}, 5.f, kGold);
}

void paintChandelier(Mesh& m, Vec c) {
    m.radial(c + Vec(0.f, 20.f), {200.f, 110.f}, sf::Color(255, 230, 170, 80), sf::Color(255, 230, 170, 0));
    m.rect({c.x - 1.5f, 0.f, 3.f, c.y - 20.f}, kGold);
    m.ellipse({c.x, c.y}, {80.f, 14.f}, vgrad(lighter(kGold, 0.2f), darker(kGold, 0.3f), c.y - 14.f, c.y + 14.f), 40);
    m.ellipse({c.x, c.y - 26.f}, {20.f, 10.f}, kGold, 24);
    for (int i = 0; i < 7; ++i) {
        const float x = c.x - 72.f + i * 24.f;
        const float y = c.y - 14.f - (i % 2) * 8.f;
        m.rect({x - 3.f, y - 18.f, 6.f, 18.f}, sf::Color(250, 246, 236));
        m.radial({x, y - 24.f}, {16.f, 16.f}, sf::Color(255, 236, 180, 200), sf::Color(255, 236, 180, 0), 16);
        m.ellipse({x, y - 24.f}, {4.f, 6.f}, sf::Color(255, 244, 200), 12);
    }
    for (int i = 0; i < 9; ++i)  // crystal drops
        m.ellipse({c.x - 64.f + i * 16.f, c.y + 18.f + (i % 2) * 6.f}, {3.f, 5.f}, sf::Color(230, 240, 250, 220), 10);
}

void paintKeyRack(Mesh& m) {
    const sf::FloatRect r(880.f, 110.f, 340.f, 210.f);
    m.rect({r.left + 6.f, r.top + 8.f, r.width, r.height}, sf::Color(40, 20, 10, 50));
    m.rect(r, vgrad(lighter(kWood, 0.1f), darker(kWood, 0.1f), r.top, r.top + r.height));
    const int cols = 7, rows = 4;
    const float cw = (r.width - 16.f) / cols, ch = (r.height - 16.f) / rows;
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x) {
            const sf::FloatRect cell(r.left + 8.f + x * cw + 3.f, r.top + 8.f + y * ch + 3.f, cw - 6.f, ch - 6.f);
            m.rect(cell, vgrad(darker(kWood, 0.55f), darker(kWood, 0.35f), cell.top, cell.top + cell.height));
            const unsigned n = static_cast<unsigned>(y * cols + x);
            if (hash01(n + 5u) < 0.62f) {  // a brass key with a red tassel
                const Vec hook(cell.left + cell.width / 2.f, cell.top + 8.f);
                m.ellipse(hook, {2.f, 2.f}, kGold, 8);
                m.ellipse(hook + Vec(0.f, 8.f), {5.f, 5.f}, kGold, 12);
                m.rect({hook.x - 1.5f, hook.y + 12.f, 3.f, 16.f}, kGold);
                m.rect({hook.x, hook.y + 22.f, 4.f, 3.f}, kGold);
                m.fill(Poly{{hook.x - 4.f, hook.y + 28.f}, {hook.x + 4.f, hook.y + 28.f}, {hook.x + 6.f, hook.y + 40.f}, {hook.x - 6.f, hook.y + 40.f}},
                       sf::Color(170, 40, 50));
            } else if (hash01(n + 77u) < 0.4f) {  // a letter waiting
                m.rect({cell.left + 6.f, cell.top + cell.height - 20.f, cell.width - 12.f, 16.f}, sf::Color(246, 240, 226));
            }
        }
    m.rect({r.left - 10.f, r.top - 12.f, r.width + 20.f, 12.f}, lighter(kWood, 0.2f));
}

void paintFrontDesk(Mesh& m) {
    const sf::FloatRect d(780.f, 392.f, 520.f, kFloorY + 16.f - 392.f);
    paintFloorShadow(m, {d.left + d.width / 2.f, d.top + d.height}, {300.f, 16.f}, 0.3f);
    m.rect({d.left, d.top + 20.f, d.width, d.height - 20.f}, vgrad(lighter(kWood, 0.1f), darker(kWood, 0.25f), d.top, d.top + d.height));
    for (int i = 0; i < 4; ++i)
        m.roundRect({d.left + 20.f + i * 126.f, d.top + 46.f, 110.f, d.height - 70.f}, 4.f, fade(lighter(kWood, 0.15f), 0.6f));
    m.rect({d.left, d.top + 30.f, d.width, 5.f}, kGold);
    m.rect({d.left - 12.f, d.top, d.width + 24.f, 22.f}, vgrad(sf::Color(250, 246, 240), sf::Color(214, 206, 196), d.top, d.top + 22.f));
    for (int i = 0; i < 5; ++i)
        m.taper(Path({d.left + i * 110.f, d.top + 4.f}).quad({d.left + i * 110.f + 30.f, d.top + 12.f}, {d.left + i * 110.f + 70.f, d.top + 16.f}),
                0.3f, 1.2f, 0.3f, sf::Color(180, 170, 160, 160));
    // Service bell, guest book and a green banker's lamp.
    const Vec bell(880.f, d.top);
    m.ellipse(bell + Vec(0.f, -2.f), {24.f, 5.f}, darker(kGold, 0.3f), 24);
    m.fill(Path(bell + Vec(-20.f, -4.f)).cubic(bell + Vec(-20.f, -30.f), bell + Vec(20.f, -30.f), bell + Vec(20.f, -4.f)).pts(),
           hgrad(lighter(kGold, 0.4f), darker(kGold, 0.2f), bell.x - 20.f, bell.x + 20.f));
    m.ellipse(bell + Vec(0.f, -28.f), {4.f, 3.f}, darker(kGold, 0.2f), 10);
    m.fill(Poly{{960.f, d.top}, {1060.f, d.top}, {1070.f, d.top - 10.f}, {970.f, d.top - 10.f}}, sf::Color(120, 40, 50));
    m.fill(Poly{{972.f, d.top - 10.f}, {1066.f, d.top - 10.f}, {1070.f, d.top - 13.f}, {976.f, d.top - 13.f}}, sf::Color(250, 246, 236));
    const Vec lamp(1200.f, d.top);
    m.rect({lamp.x - 3.f, lamp.y - 60.f, 6.f, 60.f}, kGold);
    m.ellipse({lamp.x, lamp.y - 2.f}, {22.f, 5.f}, kGold, 20);
    m.radial({lamp.x, lamp.y - 50.f}, {90.f, 50.f}, sf::Color(255, 236, 170, 90), sf::Color(255, 236, 170, 0));
    m.fill(Path({lamp.x - 46.f, lamp.y - 50.f}).cubic({lamp.x - 40.f, lamp.y - 80.f}, {lamp.x + 40.f, lamp.y - 80.f}, {lamp.x + 46.f, lamp.y - 50.f}).pts(),
           vgrad(sf::Color(60, 140, 100), sf::Color(30, 90, 64), lamp.y - 76.f, lamp.y - 50.f));
}

}  // namespace

void paintHotel(Mesh& m) {
    paintRoom(m, sf::Color(240, 228, 206), sf::Color(230, 214, 188), kFloorY, kMarble, darker(kMarble, 0.1f));
    // Faint damask stripes on the upper wall.
    for (int i = 0; i < 16; ++i) m.rect({i * 80.f + 36.f, 0.f, 8.f, 350.f}, sf::Color(214, 194, 160, 50));
    paintPanelling(m);
    paintMarbleFloor(m);
    paintArchedWindow(m);
    paintChandelier(m, {560.f, 110.f});
    paintKeyRack(m);
    paintFrontDesk(m);
    paintPlant(m, {400.f, 600.f}, 260.f, sf::Color(200, 170, 110));
}

}  // namespace counterplay::app::art
