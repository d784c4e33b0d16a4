// Inbox: the written complaint. An office desk with a large monitor showing an email client
// (folders, a message list with the flagged, unread complaint on top, and the open message with
// its red warning badge), a keyboard, a mug and a plant, a window with blinds on the right.
#include <cmath>

#include "art/Backgrounds.h"

namespace counterplay::app::art {
namespace {

constexpr float kDeskY = 500.f;
const sf::Color kCoral(231, 111, 81);
const sf::Color kTeal(42, 157, 143);
const sf::Color kLine(176, 184, 198);

void paintBlinds(Mesh& m) {
    const sf::FloatRect r(60.f, 70.f, 230.f, 280.f);
    m.rect({r.left - 10.f, r.top - 10.f, r.width + 20.f, r.height + 20.f}, sf::Color(248, 246, 242));
    m.rect(r, vgrad(sf::Color(190, 220, 240), sf::Color(236, 238, 226), r.top, r.top + r.height));
    for (float y = r.top + 4.f; y < r.top + r.height * 0.7f; y += 14.f) {
        m.rect({r.left, y, r.width, 9.f}, vgrad(sf::Color(250, 248, 244), sf::Color(222, 218, 210), y, y + 9.f));
    }
    m.rect({r.left + 30.f, r.top, 2.f, r.height * 0.85f}, sf::Color(200, 196, 190));
}

/// The email client filling the monitor's screen `s`.
void paintMailClient(Mesh& m, sf::FloatRect s) {
    m.rect(s, sf::Color(250, 251, 253));
    // Title bar with window buttons, and a toolbar.
    m.rect({s.left, s.top, s.width, 26.f}, sf::Color(226, 230, 238));
    const sf::Color dots[] = {{236, 106, 94}, {244, 190, 80}, {98, 196, 98}};
    for (int i = 0; i < 3; ++i) m.ellipse({s.left + 16.f + i * 18.f, s.top + 13.f}, {6.f, 6.f}, dots[i], 16);
    m.roundRect({s.left + s.width / 2.f - 90.f, s.top + 7.f, 180.f, 12.f}, 6.f, sf::Color(248, 249, 252));
    m.rect({s.left, s.top + 26.f, s.width, 34.f}, sf::Color(240, 242, 247));
    for (int i = 0; i < 5; ++i)
        m.roundRect({s.left + 150.f + i * 44.f, s.top + 34.f, 30.f, 18.f}, 5.f, i == 0 ? kTeal : sf::Color(208, 214, 226));
    const float top = s.top + 60.f, bottom = s.top + s.height;
    // Folder sidebar.
    const float side = s.left + 130.f;
    m.rect({s.left, top, 130.f, bottom - top}, sf::Color(236, 240, 246));
    m.roundRect({s.left + 14.f, top + 14.f, 102.f, 26.f}, 13.f, kCoral);
    m.roundRect({s.left + 26.f, top + 24.f, 54.f, 6.f}, 3.f, sf::Color(255, 255, 255, 230));
    for (int i = 0; i < 5; ++i) {
        m.roundRect({s.left + 22.f, top + 58.f + i * 28.f, 12.f, 10.f}, 2.f, kLine);
        m.roundRect({s.left + 42.f, top + 60.f + i * 28.f, 50.f + 14.f * (i % 2), 6.f}, 3.f, kLine);
    }
    // Message list: the complaint is first, unread and flagged.
    const float list = side + 230.f;
    m.rect({side, top, 1.f, bottom - top}, sf::Color(214, 220, 230));
    for (int i = 0; i < 6; ++i) {
        const float y = top + i * 56.f;
        if (i == 0) m.rect({side + 1.f, y, 229.f, 56.f}, sf::Color(253, 232, 226));
        m.ellipse({side + 24.f, y + 28.f}, {13.f, 13.f}, i == 0 ? kCoral : rotateHue(kTeal, i * 50.f, 0.6f, 0.65f), 24);
        m.roundRect({side + 46.f, y + 14.f, 100.f, 7.f}, 3.5f, i == 0 ? sf::Color(60, 64, 80) : kLine);
        m.roundRect({side + 46.f, y + 30.f, 150.f - 10.f * (i % 3), 5.f}, 2.5f, sf::Color(200, 206, 216));
        if (i == 0) {
            m.ellipse({side + 214.f, y + 18.f}, {4.f, 4.f}, kTeal, 12);
            m.fill(Poly{{side + 206.f, y + 30.f}, {side + 220.f, y + 33.f}, {side + 206.f, y + 37.f}}, sf::Color(220, 60, 60));
            m.rect({side + 205.f, y + 30.f, 2.f, 14.f}, sf::Color(220, 60, 60));
        }
        m.rect({side + 10.f, y + 55.f, 210.f, 1.f}, sf::Color(230, 234, 240));
    }
    // The open message: sender, subject, the warning badge and the text.
    m.rect({list, top, 1.f, bottom - top}, sf::Color(214, 220, 230));
    const float x = list + 24.f, w = s.left + s.width - x - 24.f;
    m.ellipse({x + 20.f, top + 34.f}, {20.f, 20.f}, kCoral, 32);
    m.ellipse({x + 20.f, top + 28.f}, {7.f, 7.f}, sf::Color(255, 240, 232), 16);
    m.fill(Path({x + 7.f, top + 48.f}).cubic({x + 9.f, top + 36.f}, {x + 31.f, top + 36.f}, {x + 33.f, top + 48.f}).pts(),
           sf::Color(255, 240, 232));
    m.roundRect({x + 52.f, top + 20.f, 120.f, 8.f}, 4.f, sf::Color(60, 64, 80));
    m.roundRect({x + 52.f, top + 36.f, 80.f, 6.f}, 3.f, kLine);
    const Vec badge(x + w - 20.f, top + 32.f);
    m.fill(Poly{{badge.x, badge.y - 18.f}, {badge.x + 19.f, badge.y + 14.f}, {badge.x - 19.f, badge.y + 14.f}}, sf::Color(224, 72, 64));
    m.roundRect({badge.x - 2.5f, badge.y - 8.f, 5.f, 14.f}, 2.5f, sf::Color(255, 255, 255));
    m.ellipse({badge.x, badge.y + 10.f}, {2.8f, 2.8f}, sf::Color(255, 255, 255), 10);
    m.roundRect({x, top + 76.f, w * 0.7f, 12.f}, 6.f, sf::Color(44, 48, 64));
    paintTextLines(m, {x, top + 104.f, w, 190.f}, 10, 6.f, sf::Color(150, 158, 174), 7u);
    m.roundRect({x, bottom - 40.f, 84.f, 24.f}, 12.f, kTeal);
    m.roundRect({x + 96.f, bottom - 40.f, 84.f, 24.f}, 12.f, sf::Color(214, 220, 230));
}

}  // namespace

void paintInbox(Mesh& m) {
    m.rect({0.f, 0.f, kSceneWidth, kDeskY}, vgrad(sf::Color(236, 230, 222), sf::Color(222, 212, 200), 0.f, kDeskY));
    paintBlinds(m);
    paintPlant(m, {1236.f, kDeskY + 14.f}, 160.f, sf::Color(236, 230, 220));
    // Desk surface.
    m.rect({0.f, kDeskY, kSceneWidth, kSceneHeight - kDeskY}, vgrad(sf::Color(222, 196, 164), sf::Color(190, 160, 128), kDeskY, kSceneHeight));
    m.rect({0.f, kDeskY, kSceneWidth, 5.f}, sf::Color(236, 214, 186));
    // Monitor with its stand and a soft glow on the wall.
    const sf::FloatRect bezel(400.f, 40.f, 740.f, 430.f);
    m.radial({bezel.left + bezel.width / 2.f, bezel.top + bezel.height / 2.f}, {520.f, 330.f},
             sf::Color(200, 220, 255, 60), sf::Color(200, 220, 255, 0));
    const float standX = bezel.left + bezel.width / 2.f;
    m.fill(Poly{{standX - 40.f, 466.f}, {standX + 40.f, 466.f}, {standX + 50.f, kDeskY + 10.f}, {standX - 50.f, kDeskY + 10.f}},
           sf::Color(70, 74, 84));
    m.roundRect({standX - 100.f, kDeskY + 4.f, 200.f, 14.f}, 7.f, sf::Color(70, 74, 84));
    m.roundRect({bezel.left + 4.f, bezel.top + 6.f, bezel.width, bezel.height}, 14.f, sf::Color(30, 20, 20, 50));
    m.roundRect(bezel, 14.f, vgrad(sf::Color(60, 64, 74), sf::Color(40, 42, 50), bezel.top, bezel.top + bezel.height));
    paintMailClient(m, {bezel.left + 14.f, bezel.top + 14.f, bezel.width - 28.f, bezel.height - 36.f});
    m.fill(Poly{{bezel.left + 14.f, bezel.top + 14.f}, {bezel.left + 200.f, bezel.top + 14.f},
                {bezel.left + 60.f, bezel.top + bezel.height - 22.f}, {bezel.left + 14.f, bezel.top + bezel.height - 22.f}},
           sf::Color(255, 255, 255, 18));
    // A sticky note on the bezel.
    m.rect({bezel.left + bezel.width - 60.f, bezel.top + bezel.height - 70.f, 56.f, 52.f}, sf::Color(252, 236, 140));
    paintTextLines(m, {bezel.left + bezel.width - 52.f, bezel.top + bezel.height - 60.f, 40.f, 30.f}, 3, 3.f,
                   sf::Color(90, 90, 110, 150), 3u);
    // Keyboard, mouse and a mug of tea.
    const float kx = standX - 180.f, mugX = 1146.f;
    m.roundRect({kx, kDeskY + 50.f, 360.f, 70.f}, 10.f, sf::Color(236, 236, 240));
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 14; ++c)
            m.roundRect({kx + 12.f + c * 24.6f, kDeskY + 58.f + r * 15.f, 20.f, 11.f}, 3.f, sf::Color(214, 216, 224));
    m.ellipse({kx + 420.f, kDeskY + 84.f}, {20.f, 28.f}, sf::Color(236, 236, 240), 24);
    m.roundRect({mugX, kDeskY - 50.f, 56.f, 64.f}, 10.f, hgrad(sf::Color(120, 170, 160), sf::Color(80, 130, 120), mugX, mugX + 56.f));
    m.stroke(Path({mugX + 56.f, kDeskY - 36.f}).quad({mugX + 80.f, kDeskY - 20.f}, {mugX + 56.f, kDeskY - 2.f}), 6.f, sf::Color(80, 130, 120), false);
    for (int i = 0; i < 2; ++i)
        m.taper(Path({mugX + 18.f + i * 18.f, kDeskY - 58.f}).cubic({mugX + 6.f + i * 18.f, kDeskY - 84.f}, {mugX + 30.f + i * 18.f, kDeskY - 104.f}, {mugX + 16.f + i * 18.f, kDeskY - 134.f}),
                1.f, 5.f, 1.f, sf::Color(255, 255, 255, 90));
}

}  // namespace counterplay::app::art
