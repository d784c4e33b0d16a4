// Hardware store: sage walls, a pegboard of tools on the left, a lawnmower on a display plinth in
// the middle, shelves of paint tins and the counter with the till on the right, a wall clock at five to six
// (the lawnmower call comes five minutes before closing), over a concrete floor.
#include <cmath>

#include "art/Backgrounds.h"

namespace counterplay::app::art {
namespace {

constexpr float kFloorY = 540.f;
const sf::Color kSteel(170, 176, 182);
const sf::Color kPeg(206, 170, 124);

void paintHammer(Mesh& m, Vec at) {
    m.roundRect({at.x - 5.f, at.y, 10.f, 96.f}, 4.f, hgrad(sf::Color(236, 150, 60), sf::Color(196, 110, 40), at.x - 5.f, at.x + 5.f));
    m.roundRect({at.x - 26.f, at.y - 10.f, 52.f, 18.f}, 3.f, vgrad(lighter(kSteel, 0.2f), darker(kSteel, 0.2f), at.y - 10.f, at.y + 8.f));
    m.fill(Poly{{at.x + 26.f, at.y - 10.f}, {at.x + 40.f, at.y - 16.f}, {at.x + 34.f, at.y + 2.f}, {at.x + 26.f, at.y + 8.f}}, darker(kSteel, 0.15f));
}

void paintWrench(Mesh& m, Vec at, float len) {
    m.stroke(Path(at).line(at + Vec(0.f, len)), 10.f, kSteel, false);
    for (float y : {at.y, at.y + len}) {
        m.ellipse({at.x, y}, {13.f, 13.f}, lighter(kSteel, 0.1f), 20);
        m.rect({at.x - 5.f, y - 14.f, 10.f, 12.f}, kPeg);  // the jaw's opening shows the board
    }
}

void paintScrewdriver(Mesh& m, Vec at, sf::Color handle) {
    m.roundRect({at.x - 7.f, at.y, 14.f, 42.f}, 6.f, hgrad(lighter(handle, 0.3f), darker(handle, 0.2f), at.x - 7.f, at.x + 7.f));
    m.rect({at.x - 2.f, at.y + 42.f, 4.f, 48.f}, kSteel);
}

void paintSaw(Mesh& m, Vec at) {
    const Poly blade = {{at.x, at.y}, {at.x + 150.f, at.y + 10.f}, {at.x + 150.f, at.y + 26.f}, {at.x, at.y + 46.f}};
    m.fill(blade, vgrad(lighter(kSteel, 0.3f), darker(kSteel, 0.1f), at.y, at.y + 46.f));
    for (int i = 0; i < 14; ++i) {
        const float t = i / 14.f;
        const Vec p = Vec(at.x + 150.f * t, at.y + 46.f - 20.f * t);
        m.triangle(p, p + Vec(10.f, -1.5f), p + Vec(5.f, 5.f), darker(kSteel, 0.1f));
    }
    const Poly handle = Path({at.x - 50.f, at.y - 6.f}).line({at.x + 6.f, at.y - 6.f}).line({at.x + 6.f, at.y + 54.f})
                            .line({at.x - 44.f, at.y + 54.f}).quad({at.x - 62.f, at.y + 24.f}, {at.x - 50.f, at.y - 6.f}).pts();
    m.fill(handle, sf::Color(196, 70, 56));
    m.roundRect({at.x - 38.f, at.y + 10.f, 30.f, 28.f}, 10.f, kPeg);
}

void paintPliers(Mesh& m, Vec at) {
    for (float side : {-1.f, 1.f}) {
        m.taper(Path(at + Vec(side * 16.f, 90.f)).quad(at + Vec(side * 10.f, 40.f), at + Vec(0.f, 30.f)), 12.f, 9.f, 6.f,
                sf::Color(60, 110, 170));
        m.taper(Path(at + Vec(0.f, 32.f)).line(at + Vec(side * 4.f, 0.f)), 8.f, 7.f, 4.f, kSteel);
    }
    m.ellipse(at + Vec(0.f, 32.f), {5.f, 5.f}, darker(kSteel, 0.3f), 12);
}

void paintPegboard(Mesh& m) {
    const sf::FloatRect r(40.f, 56.f, 440.f, 290.f);
    m.rect({r.left - 8.f, r.top - 8.f, r.width + 16.f, r.height + 16.f}, sf::Color(150, 112, 80));
    m.rect(r, vgrad(lighter(kPeg, 0.05f), darker(kPeg, 0.08f), r.top, r.top + r.height));
    for (float y = r.top + 14.f; y < r.top + r.height; y += 22.f)
        for (float x = r.left + 14.f; x < r.left + r.width; x += 22.f)
            m.ellipse({x, y}, {2.2f, 2.2f}, darker(kPeg, 0.35f), 8);
    paintHammer(m, {100.f, 96.f});
    paintWrench(m, {170.f, 96.f}, 110.f);
    paintWrench(m, {214.f, 106.f}, 86.f);
    for (int i = 0; i < 4; ++i)
        paintScrewdriver(m, {268.f + i * 30.f, 86.f}, i % 2 ? sf::Color(226, 190, 60) : sf::Color(200, 70, 60));
    paintPliers(m, {420.f, 86.f});
    paintSaw(m, {120.f, 256.f});
    // Tape measure.
    m.roundRect({380.f, 230.f, 70.f, 66.f}, 14.f, vgrad(sf::Color(250, 204, 60), sf::Color(220, 170, 40), 230.f, 296.f));
    m.ellipse({415.f, 263.f}, {17.f, 17.f}, sf::Color(60, 60, 64), 24);
    m.rect({448.f, 282.f, 22.f, 10.f}, sf::Color(240, 220, 120));
}

void paintLawnmower(Mesh& m) {
    sf::Transform shift;  // painted at the left, placed right of the customer
    shift.translate(360.f, 0.f);
    m.push(shift);
    // A low wooden plinth, the mower on it, its handle rising behind.
    const float plinthTop = 486.f;
    paintFloorShadow(m, {330.f, kFloorY + 30.f}, {200.f, 18.f}, 0.3f);
    m.rect({150.f, plinthTop, 360.f, kFloorY + 20.f - plinthTop}, vgrad(sf::Color(200, 170, 130), sf::Color(160, 126, 92), plinthTop, kFloorY + 20.f));
    m.rect({140.f, plinthTop - 8.f, 380.f, 10.f}, sf::Color(214, 186, 146));
    const sf::Color green(70, 150, 80), greenDark(46, 110, 60);
    m.stroke(Path({250.f, 420.f}).line({220.f, 350.f}).line({180.f, 350.f}), 8.f, sf::Color(60, 64, 70), false);
    m.stroke(Path({420.f, 420.f}).line({404.f, 350.f}).line({180.f, 350.f}), 8.f, sf::Color(60, 64, 70), false);
    m.roundRect({170.f, 342.f, 60.f, 16.f}, 8.f, sf::Color(40, 40, 44));  // grip
    const Poly deck = Path({196.f, 470.f}).line({204.f, 420.f}).cubic({230.f, 392.f}, {420.f, 388.f}, {450.f, 420.f})
                          .line({464.f, 470.f}).pts();
    m.fill(deck, vgrad(lighter(green, 0.2f), greenDark, 390.f, 470.f));
    m.roundRect({268.f, 376.f, 110.f, 44.f}, 12.f, vgrad(sf::Color(70, 72, 80), sf::Color(40, 42, 48), 376.f, 420.f));  // engine
    m.ellipse({323.f, 376.f}, {26.f, 8.f}, sf::Color(200, 60, 50), 20);
    m.stroke(Path({210.f, 440.f}).line({454.f, 440.f}), 3.f, fade(lighter(green, 0.4f), 0.8f), false);
    for (float x : {222.f, 440.f}) {  // wheels
        m.ellipse({x, 466.f}, {26.f, 26.f}, sf::Color(40, 40, 44), 28);
        m.ellipse({x, 466.f}, {11.f, 11.f}, sf::Color(200, 200, 196), 20);
    }
    // A price tag hanging from the handle (shape only).
    m.stroke(Path({400.f, 354.f}).line({416.f, 372.f}), 1.5f, sf::Color(120, 120, 120), false);
    m.roundRect({404.f, 372.f, 34.f, 22.f}, 4.f, sf::Color(250, 230, 120));
    m.pop();
}

void paintPaintShelves(Mesh& m) {
    const float left = 870.f, right = 1250.f;
    for (int s = 0; s < 2; ++s) {
        const float y = 170.f + s * 110.f;
        m.rect({left, y, right - left, 10.f}, sf::Color(150, 112, 80));
        m.rect({left, y + 10.f, right - left, 4.f}, fade(sf::Color(60, 40, 30), 0.3f));
        for (int k = 0; k < 7; ++k) {
            const float x = left + 16.f + k * 52.f;
            const sf::Color c = rotateHue(sf::Color(200, 90, 70), k * 48.f + s * 20.f, 0.7f, 0.55f);
            m.roundRect({x, y - 62.f, 44.f, 62.f}, 4.f, hgrad(lighter(kSteel, 0.3f), darker(kSteel, 0.15f), x, x + 44.f));
            m.rect({x, y - 48.f, 44.f, 30.f}, hgrad(lighter(c, 0.15f), darker(c, 0.15f), x, x + 44.f));
            m.ellipse({x + 22.f, y - 62.f}, {22.f, 4.f}, darker(kSteel, 0.2f), 20);
        }
    }
}

void paintClock(Mesh& m, Vec c, float r, float hours, float minutes) {
    m.ellipse(c + Vec(3.f, 4.f), {r, r}, sf::Color(40, 40, 40, 40), 48);
    m.ellipse(c, {r, r}, sf::Color(60, 64, 70), 48);
    m.ellipse(c, {r - 5.f, r - 5.f}, sf::Color(252, 250, 244), 48);
    for (int i = 0; i < 12; ++i) {
        const float a = i * 30.f * 3.14159265f / 180.f;
        const Vec d(std::sin(a), -std::cos(a));
        m.stroke(Path(c + d * (r - 11.f)).line(c + d * (r - (i % 3 ? 14.f : 18.f))), i % 3 ? 1.5f : 3.f,
                 sf::Color(60, 64, 70), false);
    }
    const float ha = (hours + minutes / 60.f) * 30.f * 3.14159265f / 180.f;
    const float ma = minutes * 6.f * 3.14159265f / 180.f;
    m.stroke(Path(c).line(c + Vec(std::sin(ha), -std::cos(ha)) * (r * 0.5f)), 4.f, sf::Color(40, 40, 44));
    m.stroke(Path(c).line(c + Vec(std::sin(ma), -std::cos(ma)) * (r * 0.78f)), 2.5f, sf::Color(40, 40, 44));
    m.ellipse(c, {3.5f, 3.5f}, sf::Color(200, 60, 50), 12);
}

}  // namespace

void paintHardware(Mesh& m) {
    paintRoom(m, sf::Color(222, 226, 212), sf::Color(204, 210, 194), kFloorY, sf::Color(190, 184, 170),
              sf::Color(160, 154, 142));
    for (int i = 0; i < 6; ++i)  // concrete floor joints
        m.rect({0.f, kFloorY + 26.f + i * i * 9.f, kSceneWidth, 1.5f}, fade(sf::Color(120, 112, 100), 0.35f));
    paintSkirting(m, kFloorY, sf::Color(120, 126, 116));
    // Ceiling strip lights.
    for (float x : {300.f, 980.f}) {
        m.radial({x, 20.f}, {260.f, 90.f}, sf::Color(255, 255, 240, 80), sf::Color(255, 255, 240, 0));
        m.roundRect({x - 110.f, 10.f, 220.f, 12.f}, 6.f, sf::Color(250, 250, 244));
    }
    paintPegboard(m);
    paintClock(m, {820.f, 120.f}, 34.f, 5.f, 55.f);
    paintPaintShelves(m);
    paintLawnmower(m);
    const sf::FloatRect counter(880.f, 400.f, 400.f, kFloorY + 14.f - 400.f);
    paintCounter(m, counter, sf::Color(190, 96, 60), sf::Color(200, 196, 186));
    m.roundRect({1120.f, 340.f, 110.f, 60.f}, 6.f, vgrad(sf::Color(70, 74, 80), sf::Color(44, 46, 52), 340.f, 400.f));  // till
    m.roundRect({1130.f, 348.f, 60.f, 24.f}, 3.f, sf::Color(120, 200, 170));
    for (int i = 0; i < 3; ++i) m.roundRect({1200.f, 350.f + i * 14.f, 20.f, 10.f}, 2.f, sf::Color(200, 200, 196));
    m.roundRect({960.f, 384.f, 90.f, 16.f}, 3.f, sf::Color(246, 242, 230));  // order pad
    m.stroke(Path({1062.f, 386.f}).line({1096.f, 394.f}), 3.f, sf::Color(60, 90, 160), false);
}

}  // namespace counterplay::app::art
