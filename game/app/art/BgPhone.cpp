// Call desk: the staff side of the shop counter. A corkboard of notes and a big wall clock at
// three o'clock (the promised 3 pm call-back) on the left, binders on a shelf on the right, and
// on the desk the telephone with its coiled cord, a notepad and pen, a monitor and a mug.
#include <cmath>

#include "art/Backgrounds.h"

namespace counterplay::app::art {
namespace {

constexpr float kDeskY = 452.f;
const sf::Color kPhone(70, 76, 88);

void paintCorkboard(Mesh& m) {
    const sf::FloatRect r(56.f, 80.f, 290.f, 210.f);
    m.roundRect({r.left - 8.f, r.top - 8.f, r.width + 16.f, r.height + 16.f}, 6.f, sf::Color(160, 120, 84));
    m.rect(r, vgrad(sf::Color(214, 170, 120), sf::Color(196, 150, 104), r.top, r.top + r.height));
    const sf::Color notes[] = {{252, 236, 140}, {250, 200, 190}, {190, 226, 236}, {250, 250, 244}, {200, 232, 190}};
    const Vec at[] = {{76.f, 100.f}, {160.f, 96.f}, {248.f, 108.f}, {90.f, 190.f}, {200.f, 186.f}};
    for (int i = 0; i < 5; ++i) {
        const float w = i == 3 ? 96.f : 70.f, h = i == 3 ? 84.f : 70.f;
        sf::Transform t;
        t.rotate(-4.f + 8.f * hash01(static_cast<unsigned>(i) + 40u), at[i] + Vec(w / 2.f, h / 2.f));
        m.push(t);
        m.rect({at[i].x + 3.f, at[i].y + 4.f, w, h}, sf::Color(60, 40, 20, 40));
        m.rect({at[i].x, at[i].y, w, h}, notes[i]);
        if (i == 3) {  // a small calendar grid
            m.rect({at[i].x, at[i].y, w, 16.f}, sf::Color(220, 90, 80));
            for (int gy = 0; gy < 4; ++gy)
                for (int gx = 0; gx < 6; ++gx)
                    m.rect({at[i].x + 6.f + gx * 15.f, at[i].y + 22.f + gy * 15.f, 10.f, 10.f},
                           gx == 3 && gy == 1 ? sf::Color(231, 111, 81) : sf::Color(220, 214, 204));
        } else {
            paintTextLines(m, {at[i].x + 10.f, at[i].y + 14.f, w - 20.f, h - 24.f}, 4, 3.f,
                           sf::Color(90, 90, 110, 150), static_cast<unsigned>(i) * 31u);
        }
        m.ellipse({at[i].x + w / 2.f, at[i].y + 6.f}, {5.f, 5.f}, sf::Color(200, 60, 60), 12);
        m.pop();
    }
}

void paintWallClock(Mesh& m, Vec c, float r) {
    m.ellipse(c + Vec(4.f, 6.f), {r + 6.f, r + 6.f}, sf::Color(40, 30, 20, 40), 64);
    m.ellipse(c, {r + 6.f, r + 6.f}, vgrad(sf::Color(196, 150, 100), sf::Color(150, 108, 70), c.y - r, c.y + r), 64);
    m.ellipse(c, {r, r}, sf::Color(252, 250, 244), 64);
    for (int i = 0; i < 60; ++i) {
        const float a = i * 6.f * 3.14159265f / 180.f;
        const Vec d(std::sin(a), -std::cos(a));
        const bool hour = i % 5 == 0;
        m.stroke(Path(c + d * (r - 6.f)).line(c + d * (r - (hour ? 16.f : 10.f))), hour ? 3.f : 1.2f,
                 sf::Color(60, 60, 70), false, false);
    }
    // Three o'clock: the hour hand to the right, the minute hand straight up.
    m.stroke(Path(c).line(c + Vec(r * 0.5f, 0.f)), 6.f, sf::Color(40, 40, 48));
    m.stroke(Path(c).line(c + Vec(0.f, -r * 0.78f)), 3.5f, sf::Color(40, 40, 48));
    m.stroke(Path(c + Vec(0.f, 12.f)).line(c + Vec(0.f, -r * 0.85f)), 1.5f, sf::Color(220, 70, 60));
    m.ellipse(c, {5.f, 5.f}, sf::Color(220, 70, 60), 16);
}

void paintBinderShelf(Mesh& m) {
    const float left = 980.f, right = 1250.f, y = 232.f;
    m.rect({left, y, right - left, 10.f}, sf::Color(160, 120, 84));
    m.rect({left, y + 10.f, right - left, 4.f}, fade(sf::Color(60, 40, 30), 0.3f));
    const sf::Color spines[] = {{70, 110, 160}, {200, 80, 70}, {60, 140, 120}, {230, 180, 70}, {70, 110, 160},
                                {150, 100, 160}, {200, 80, 70}};
    for (int i = 0; i < 7; ++i) {
        const float x = left + 12.f + i * 34.f;
        m.roundRect({x, y - 110.f, 30.f, 110.f}, 3.f, hgrad(lighter(spines[i], 0.15f), darker(spines[i], 0.15f), x, x + 30.f));
        m.roundRect({x + 7.f, y - 90.f, 16.f, 30.f}, 2.f, sf::Color(250, 248, 240));
        m.ellipse({x + 15.f, y - 30.f}, {6.f, 6.f}, darker(spines[i], 0.3f), 12);
    }
}

void paintTelephone(Mesh& m, Vec at) {
    // Base with keypad, handset on the cradle, coiled cord curling across the desk.
    m.radial(at + Vec(90.f, 92.f), {130.f, 20.f}, sf::Color(40, 30, 20, 70), sf::Color(40, 30, 20, 0), 24);
    const Poly base = {{at.x, at.y + 90.f}, {at.x + 16.f, at.y + 20.f}, {at.x + 164.f, at.y + 20.f}, {at.x + 180.f, at.y + 90.f}};
    m.fill(base, vgrad(lighter(kPhone, 0.2f), darker(kPhone, 0.2f), at.y + 20.f, at.y + 90.f));
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            m.roundRect({at.x + 96.f + c * 20.f, at.y + 36.f + r * 16.f, 15.f, 11.f}, 3.f, sf::Color(226, 230, 236));
    m.roundRect({at.x + 24.f, at.y + 38.f, 60.f, 24.f}, 4.f, sf::Color(150, 210, 190));
    const Poly handset = Path({at.x + 4.f, at.y + 14.f}).cubic({at.x + 10.f, at.y - 14.f}, {at.x + 40.f, at.y - 6.f}, {at.x + 60.f, at.y + 2.f})
                             .line({at.x + 120.f, at.y + 2.f})
                             .cubic({at.x + 140.f, at.y - 6.f}, {at.x + 170.f, at.y - 14.f}, {at.x + 176.f, at.y + 14.f})
                             .line({at.x + 176.f, at.y + 26.f}).line({at.x + 4.f, at.y + 26.f}).pts();
    m.fill(handset, vgrad(lighter(kPhone, 0.35f), kPhone, at.y - 10.f, at.y + 26.f));
    Path cord({at.x + 2.f, at.y + 70.f});
    for (int i = 0; i < 14; ++i) {
        const float x = at.x - 10.f - i * 7.f, y = at.y + 80.f + std::sin(i * 0.5f) * 10.f;
        cord.quad({x + 3.f, y - 10.f}, {x, y}).quad({x - 3.f, y + 10.f}, {x - 4.f, y});
    }
    m.stroke(cord.pts(), 2.5f, darker(kPhone, 0.2f), false);
}

}  // namespace

void paintPhone(Mesh& m) {
    m.rect({0.f, 0.f, kSceneWidth, kDeskY}, vgrad(sf::Color(242, 232, 218), sf::Color(230, 214, 196), 0.f, kDeskY));
    m.rect({0.f, kDeskY - 120.f, kSceneWidth, 120.f}, vgrad(fade(sf::Color(180, 150, 120), 0.f), fade(sf::Color(180, 150, 120), 0.25f), kDeskY - 120.f, kDeskY));
    paintCorkboard(m);
    paintWallClock(m, {800.f, 170.f}, 62.f);
    paintBinderShelf(m);
    paintPendant(m, 1110.f, 40.f, 22.f, sf::Color(90, 120, 120));
    // The desk: worktop edge and surface running to the bottom of the screen.
    m.rect({0.f, kDeskY, kSceneWidth, kSceneHeight - kDeskY}, vgrad(sf::Color(206, 160, 116), sf::Color(170, 124, 88), kDeskY, kSceneHeight));
    m.rect({0.f, kDeskY, kSceneWidth, 6.f}, sf::Color(226, 186, 140));
    for (int i = 0; i < 5; ++i)
        m.rect({0.f, kDeskY + 40.f + i * 48.f, kSceneWidth, 2.f}, fade(sf::Color(140, 96, 64), 0.3f));
    paintTelephone(m, {600.f, kDeskY - 30.f});
    // Notepad with a written line or two, and a pen.
    const float nx = 800.f;
    m.fill(Poly{{nx, kDeskY + 30.f}, {nx + 140.f, kDeskY + 22.f}, {nx + 154.f, kDeskY + 110.f}, {nx + 10.f, kDeskY + 120.f}}, sf::Color(252, 246, 200));
    for (int i = 0; i < 4; ++i)
        m.stroke(Path({nx + 10.f, kDeskY + 50.f + i * 16.f}).line({nx + 146.f, kDeskY + 42.f + i * 16.f}), 1.f, sf::Color(150, 180, 210), false);
    m.stroke(Path({nx + 20.f, kDeskY + 48.f}).line({nx + 100.f, kDeskY + 44.f}), 2.f, sf::Color(60, 70, 120), false);
    m.stroke(Path({nx + 170.f, kDeskY + 40.f}).line({nx + 230.f, kDeskY + 100.f}), 5.f, sf::Color(60, 90, 160));
    // Monitor on the right, showing an order list.
    m.rect({1096.f, kDeskY - 40.f, 20.f, 44.f}, sf::Color(80, 84, 92));
    m.roundRect({1060.f, kDeskY - 6.f, 92.f, 12.f}, 5.f, sf::Color(80, 84, 92));
    m.roundRect({980.f, kDeskY - 196.f, 250.f, 160.f}, 8.f, sf::Color(50, 54, 62));
    m.rect({990.f, kDeskY - 186.f, 230.f, 140.f}, vgrad(sf::Color(236, 242, 246), sf::Color(214, 226, 234), kDeskY - 186.f, kDeskY - 46.f));
    for (int i = 0; i < 5; ++i) {
        m.ellipse({1004.f, kDeskY - 166.f + i * 26.f}, {5.f, 5.f}, i == 1 ? sf::Color(231, 111, 81) : sf::Color(42, 157, 143), 12);
        m.roundRect({1016.f, kDeskY - 170.f + i * 26.f, 150.f - 20.f * (i % 3), 8.f}, 4.f, sf::Color(150, 160, 176));
    }
    // Mug with a wisp of steam.
    m.roundRect({910.f, kDeskY - 40.f, 46.f, 54.f}, 8.f, hgrad(sf::Color(240, 120, 100), sf::Color(200, 90, 76), 910.f, 956.f));
    m.stroke(Path({956.f, kDeskY - 28.f}).quad({976.f, kDeskY - 14.f}, {956.f, kDeskY}), 5.f, sf::Color(200, 90, 76), false);
    m.taper(Path({932.f, kDeskY - 46.f}).cubic({920.f, kDeskY - 70.f}, {944.f, kDeskY - 90.f}, {930.f, kDeskY - 120.f}), 1.f, 5.f, 1.f,
            sf::Color(255, 255, 255, 90));
}

}  // namespace counterplay::app::art
