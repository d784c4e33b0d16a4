// Props shared by several settings: room shell, floor, lamps, windows, plants, counters,
// abstract text lines and distant bystanders.
#include <algorithm>
#include <cmath>

#include "art/Backgrounds.h"

namespace counterplay::app::art {

void paintRoom(Mesh& m, sf::Color wallTop, sf::Color wallBottom, float floorY, sf::Color floorFar,
               sf::Color floorNear) {
    m.rect({0.f, 0.f, kSceneWidth, floorY}, vgrad(wallTop, wallBottom, 0.f, floorY));
    m.rect({0.f, floorY, kSceneWidth, kSceneHeight - floorY},
           vgrad(floorFar, floorNear, floorY, kSceneHeight));
    // Light falls off towards the corners (a soft vignette keeps the middle bright).
    m.rect({0.f, 0.f, 220.f, floorY}, hgrad(fade(darker(wallBottom, 0.4f), 0.35f),
                                            fade(wallBottom, 0.f), 0.f, 220.f));
    m.rect({kSceneWidth - 220.f, 0.f, 220.f, floorY},
           hgrad(fade(wallBottom, 0.f), fade(darker(wallBottom, 0.4f), 0.35f), kSceneWidth - 220.f,
                 kSceneWidth));
}

void paintFloorBoards(Mesh& m, float floorY, sf::Color line) {
    for (int i = -8; i <= 8; ++i) {
        const float xTop = kSceneWidth / 2.f + i * 90.f;
        const float xBottom = kSceneWidth / 2.f + i * 150.f;
        m.stroke(Path({xTop, floorY}).line({xBottom, kSceneHeight}), 1.5f, line, false, false);
    }
    for (int k = 1; k < 4; ++k) {
        const float y = floorY + (kSceneHeight - floorY) * (k * k) / 16.f;
        m.rect({0.f, y, kSceneWidth, 1.f}, fade(line, 0.5f));
    }
}

void paintSkirting(Mesh& m, float floorY, sf::Color color) {
    m.rect({0.f, floorY - 14.f, kSceneWidth, 14.f}, vgrad(lighter(color, 0.15f), color, floorY - 14.f, floorY));
    m.rect({0.f, floorY, kSceneWidth, 6.f}, fade(sf::Color(20, 12, 10), 0.18f));
}

void paintPendant(Mesh& m, float x, float y, float size, sf::Color shade) {
    m.radial({x, y + size * 1.4f}, {size * 4.f, size * 3.f}, sf::Color(255, 226, 160, 60),
             sf::Color(255, 226, 160, 0));
    m.rect({x - 1.f, 0.f, 2.f, y}, sf::Color(60, 50, 46));
    const Poly dome = Path({x - size, y + size * 0.8f})
                          .cubic({x - size, y - size * 0.1f}, {x - size * 0.5f, y - size * 0.2f}, {x, y - size * 0.2f})
                          .cubic({x + size * 0.5f, y - size * 0.2f}, {x + size, y - size * 0.1f}, {x + size, y + size * 0.8f})
                          .pts();
    m.ellipse({x, y + size * 0.85f}, {size * 0.5f, size * 0.22f}, sf::Color(255, 240, 200));
    m.fill(dome, hgrad(lighter(shade, 0.2f), darker(shade, 0.25f), x - size, x + size));
    m.ellipse({x, y + size * 0.8f}, {size, size * 0.12f}, darker(shade, 0.3f), 32);
    m.ellipse({x, y + size * 0.86f}, {size * 0.45f, size * 0.1f}, sf::Color(255, 246, 214), 24);
}

void paintWindow(Mesh& m, sf::FloatRect r, sf::Color frame) {
    m.rect({r.left - 8.f, r.top - 8.f, r.width + 16.f, r.height + 16.f}, frame);
    m.rect(r, vgrad(sf::Color(178, 214, 232), sf::Color(226, 236, 226), r.top, r.top + r.height));
    // Trees outside: soft green blobs low in the window.
    for (int i = 0; i < 6; ++i) {
        const float cx = r.left + r.width * (0.1f + 0.17f * i);
        const float rad = r.width * (0.14f + 0.05f * hash01(static_cast<unsigned>(i) + 3u));
        const Poly blob = clipConvex(ellipsePoly({cx, r.top + r.height * 0.82f}, {rad, rad * 0.8f}),
                                     roundRectPoly(r, 0.f, 1));
        m.fill(blob, fade(sf::Color(132, 170, 120), 0.75f));
    }
    m.fill(clipConvex(Poly{{r.left + r.width * 0.15f, r.top}, {r.left + r.width * 0.45f, r.top},
                           {r.left + r.width * 0.2f, r.top + r.height}, {r.left - r.width * 0.1f, r.top + r.height}},
                      roundRectPoly(r, 0.f, 1)),
           sf::Color(255, 255, 255, 40));
    m.rect({r.left + r.width / 2.f - 4.f, r.top, 8.f, r.height}, frame);
    m.rect({r.left, r.top + r.height * 0.45f - 4.f, r.width, 8.f}, frame);
    m.rect({r.left - 14.f, r.top + r.height + 6.f, r.width + 28.f, 10.f}, lighter(frame, 0.2f));
}

void paintPlant(Mesh& m, Vec base, float size, sf::Color pot) {
    paintFloorShadow(m, base, {size * 0.3f, size * 0.05f}, 0.3f);
    const sf::Color leaf(98, 142, 96), leafDark(66, 108, 72);
    for (int i = 0; i < 9; ++i) {
        const float a = (-160.f + 140.f * i / 8.f) * 3.14159265f / 180.f;
        const float l = size * (0.55f + 0.25f * hash01(static_cast<unsigned>(i) * 7u + 1u));
        const Vec root = base + Vec(0.f, -size * 0.3f);
        const Vec tip = root + Vec(std::cos(a) * l * 0.7f, std::sin(a) * l);
        const Vec mid = (root + tip) * 0.5f;
        const Vec n(-(tip - root).y * 0.16f, (tip - root).x * 0.16f);
        m.fill(Path(root).quad(mid + n, tip).quad(mid - n, root).pts(),
               i % 2 ? leaf : leafDark);
    }
    const Poly potShape = {{base.x - size * 0.2f, base.y - size * 0.34f},
                           {base.x + size * 0.2f, base.y - size * 0.34f},
                           {base.x + size * 0.15f, base.y},
                           {base.x - size * 0.15f, base.y}};
    m.fill(potShape, hgrad(lighter(pot, 0.15f), darker(pot, 0.25f), base.x - size * 0.2f, base.x + size * 0.2f));
    m.rect({base.x - size * 0.22f, base.y - size * 0.36f, size * 0.44f, size * 0.05f}, lighter(pot, 0.1f));
}

void paintCounter(Mesh& m, sf::FloatRect r, sf::Color front, sf::Color top) {
    paintFloorShadow(m, {r.left + r.width / 2.f, r.top + r.height}, {r.width * 0.55f, 14.f}, 0.3f);
    m.rect({r.left, r.top + 12.f, r.width, r.height - 12.f},
           vgrad(front, darker(front, 0.2f), r.top, r.top + r.height));
    const int panels = std::max(1, static_cast<int>(r.width / 110.f));
    for (int i = 0; i < panels; ++i) {
        const float pw = (r.width - 24.f) / panels;
        const sf::FloatRect p(r.left + 12.f + i * pw + 6.f, r.top + 30.f, pw - 12.f, r.height - 46.f);
        m.roundRect(p, 6.f, fade(darker(front, 0.15f), 0.6f));
        m.roundRect({p.left + 2.f, p.top + 2.f, p.width - 4.f, p.height - 4.f}, 5.f,
                    vgrad(lighter(front, 0.06f), front, p.top, p.top + p.height));
    }
    m.rect({r.left - 8.f, r.top, r.width + 16.f, 14.f}, vgrad(lighter(top, 0.15f), top, r.top, r.top + 14.f));
    m.rect({r.left - 8.f, r.top + 14.f, r.width + 16.f, 4.f}, darker(top, 0.3f));
}

void paintFloorShadow(Mesh& m, Vec center, Vec radii, float alpha) {
    m.radial(center, radii, sf::Color(30, 18, 20, static_cast<sf::Uint8>(255 * alpha)),
             sf::Color(30, 18, 20, 0), 32);
}

void paintTextLines(Mesh& m, sf::FloatRect r, int lines, float thickness, sf::Color c, unsigned seed) {
    if (lines <= 0) return;
    const float gap = r.height / lines;
    for (int i = 0; i < lines; ++i) {
        const float w = r.width * (0.45f + 0.55f * hash01(seed + static_cast<unsigned>(i) * 13u));
        m.roundRect({r.left, r.top + i * gap + (gap - thickness) / 2.f, w, thickness}, thickness / 2.f, c);
    }
}

void paintBystander(Mesh& m, Vec seatBase, float scale, float facing, sf::Color tone,
                    sf::Color hair, sf::Color skin) {
    const float s = scale;
    // Bystanders sit back in the scene: slightly hazed towards the room's warm light.
    const sf::Color haze(236, 224, 208);
    tone = mix(tone, haze, 0.18f), hair = mix(hair, haze, 0.12f), skin = mix(skin, haze, 0.1f);
    const Vec neck = seatBase + Vec(0.f, -150.f * s);
    const Poly body = Path(seatBase + Vec(-62.f * s, 0.f))
                          .cubic(seatBase + Vec(-66.f * s, -70.f * s), neck + Vec(-60.f * s, 10.f * s),
                                 neck + Vec(-18.f * s, 0.f))
                          .line(neck + Vec(18.f * s, 0.f))
                          .cubic(neck + Vec(60.f * s, 10.f * s), seatBase + Vec(66.f * s, -70.f * s),
                                 seatBase + Vec(62.f * s, 0.f))
                          .pts();
    m.fill(body, vgrad(tone, darker(tone, 0.25f), neck.y, seatBase.y));
    const Vec head = neck + Vec(facing * 6.f * s, -34.f * s);
    m.rect({neck.x - 9.f * s, neck.y - 16.f * s, 18.f * s, 18.f * s}, darker(skin, 0.2f));
    m.ellipse(head + Vec(-facing * 8.f * s, -4.f * s), {36.f * s, 40.f * s}, hair, 32);
    m.ellipse(head, {30.f * s, 35.f * s}, hgrad(facing > 0 ? darker(skin, 0.15f) : skin,
                                                  facing > 0 ? skin : darker(skin, 0.15f),
                                                  head.x - 30.f * s, head.x + 30.f * s),
              32);
    m.fill(Path(head + Vec(-32.f * s, -4.f * s))
               .cubic(head + Vec(-30.f * s, -44.f * s), head + Vec(30.f * s, -44.f * s), head + Vec(33.f * s, -6.f * s))
               .quad(head + Vec(facing * 10.f * s, -30.f * s), head + Vec(-32.f * s, -4.f * s))
               .pts(),
           hair);
    // Eyes looking towards the middle of the scene.
    for (float side : {-1.f, 1.f})
        m.ellipse(head + Vec(side * 11.f * s + facing * 8.f * s, 2.f * s), {3.f * s, 3.6f * s},
                  sf::Color(50, 38, 40), 12);
}

}  // namespace counterplay::app::art
