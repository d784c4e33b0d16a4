// The head, the seven expressions and the glasses. Each expression is a small set of numbers
// (eye opening, lids, brow raise and tilt, mouth corners and opening, blush, tears) chosen so the
// mood reads at a glance even at thumbnail size: angry = brows down and in, mouth shouting;
// upset = brows up in the middle, tears; surprised = wide eyes and an O; happy = smiling eyes.
#include <algorithm>
#include <cmath>

#include "art/Figure.h"

namespace counterplay::app::art {
namespace {

constexpr float kEyeY = 220.f;
constexpr float kEyeX = 47.f;
constexpr float kMouthY = 306.f;

struct FaceParams {
    float eyeOpen = 1.f;   // 0 shut .. 1 normal .. 1.3 wide
    float lowerLid = 0.f;  // + raised (squint, smile), - dropped (shock)
    float iris = 1.f;      // iris size
    float gaze = 0.f;      // irises shifted sideways (looking away)
    bool smileEyes = false;
    bool glisten = false;
    float browRaise = 0.f, browTilt = 0.f, browArch = 2.f, browAsym = 0.f;
    // Mouth: half width, corner lift (+ up), centre of the upper and lower edge (+ down).
    float mouthW = 20.f, corner = 2.f, upperC = 1.f, lowerC = 1.f, mouthAsym = 0.f;
    bool open = false, round = false, teethTop = false, teethBottom = false, tongue = false;
    float blush = 0.f, flush = 0.f, tears = 0.f;
    bool furrow = false;
};

FaceParams paramsFor(Expression e) {
    FaceParams p;
    switch (e) {
        case Expression::Neutral:
            p.browTilt = 0.05f;
            break;
        case Expression::Annoyed:
            p.eyeOpen = 0.56f, p.lowerLid = 0.2f, p.browRaise = -5.f, p.browTilt = 0.45f;
            p.browArch = 0.f, p.browAsym = 10.f, p.gaze = 6.f;
            p.mouthW = 16.f, p.corner = -3.f, p.upperC = -1.f, p.mouthAsym = 3.5f;
            break;
        case Expression::Angry:
            p.eyeOpen = 0.84f, p.lowerLid = 0.4f, p.iris = 0.9f, p.browRaise = -7.f;
            p.browTilt = 1.05f, p.browArch = -2.f;
            p.open = true, p.mouthW = 30.f, p.corner = -7.f, p.upperC = -8.f, p.lowerC = 30.f;
            p.teethTop = p.teethBottom = true;
            p.flush = 0.75f, p.furrow = true;
            break;
        case Expression::Upset:
            p.eyeOpen = 0.82f, p.lowerLid = 0.22f, p.iris = 1.05f, p.glisten = true;
            p.browRaise = 5.f, p.browTilt = -0.95f, p.browArch = 1.f;
            p.open = true, p.mouthW = 16.f, p.corner = -8.f, p.upperC = -3.f, p.lowerC = 4.f;
            p.blush = 0.5f, p.tears = 1.f;
            break;
        case Expression::Surprised:
            p.eyeOpen = 1.32f, p.lowerLid = -0.25f, p.iris = 0.8f, p.browRaise = 17.f;
            p.browTilt = -0.15f, p.browArch = 6.f;
            p.round = true, p.mouthW = 10.f, p.lowerC = 14.f;
            break;
        case Expression::Relieved:
            p.eyeOpen = 0.5f, p.lowerLid = 0.35f, p.browRaise = 3.f, p.browTilt = -0.4f;
            p.browArch = 3.f;
            p.mouthW = 21.f, p.corner = 6.f, p.upperC = 3.f;
            p.blush = 0.35f;
            break;
        case Expression::Happy:
            p.smileEyes = true, p.browRaise = 6.f, p.browTilt = -0.1f, p.browArch = 5.f;
            p.open = true, p.mouthW = 28.f, p.corner = 10.f, p.upperC = 2.f, p.lowerC = 28.f;
            p.teethTop = p.tongue = true;
            p.blush = 0.65f;
            break;
    }
    return p;
}

/// The point on a parabola through `a` and `b` whose middle is at `midY`.
Vec throughMid(Vec a, Vec b, float midY) {
    const Vec mid((a.x + b.x) / 2.f, midY);
    return mid * 2.f - (a + b) * 0.5f;
}

void paintBrow(Mesh& m, const Style& s, const FaceParams& p, float side) {
    const float raise = p.browRaise + side * p.browAsym * 0.5f;
    const Vec inner(side * 19.f, 183.f - raise + p.browTilt * 12.f);
    const Vec outer(side * 77.f, 181.f - raise - p.browTilt * 5.f);
    const float midY = std::min(inner.y, outer.y) - 4.f - p.browArch + std::abs(p.browTilt) * 2.f;
    const Poly brow = Path(inner).quad(throughMid(inner, outer, midY), outer).pts();
    if (s.masculine)
        m.taper(brow, 9.f, 8.f, 3.5f, s.brow);
    else
        m.taper(brow, 7.5f, 6.5f, 2.2f, s.brow);
}

void paintEye(Mesh& m, const Style& s, const FaceParams& p, float side, bool closed) {
    const float cx = side * kEyeX, cy = kEyeY;
    const Vec inner(side * 22.f, cy + 2.f), outer(side * 73.f, cy - 3.f);
    if (p.smileEyes) {  // happy: an upward arc, the classic smiling eye
        const Poly arc = Path({side * 24.f, cy + 6.f})
                             .cubic({side * 32.f, cy - 12.f}, {side * 62.f, cy - 12.f},
                                    {side * 72.f, cy + 3.f})
                             .pts();
        m.taper(arc, 3.f, 5.5f, 3.5f, s.ink);
        return;
    }
    if (closed || p.eyeOpen < 0.12f) {  // blink: the lid line, curving down
        const Poly lid = Path(inner).cubic({side * 32.f, cy + 9.f}, {side * 60.f, cy + 8.f}, outer)
                             .line({side * 80.f, cy - 6.f})
                             .pts();
        m.taper(lid, 2.f, 4.5f, 2.f, s.ink);
        return;
    }
    const float open = p.eyeOpen;
    const float lift = p.lowerLid * 9.f;
    const Path upper = Path(inner).cubic({side * 27.f, cy - 26.f * open},
                                         {side * 60.f, cy - 29.f * open}, outer);
    const Path lower = Path(outer).cubic({side * 66.f, cy + 11.f - lift},
                                         {side * 33.f, cy + 12.f - lift}, inner);
    Poly eye = upper.pts();
    eye.insert(eye.end(), lower.pts().begin() + 1, lower.pts().end() - 1);

    m.fill(eye, vgrad(sf::Color(226, 216, 218), sf::Color(252, 250, 248), cy - 20.f, cy + 8.f));
    const float r = 15.f * p.iris;
    const Vec ic(cx + side * 1.f + p.gaze, cy + 1.f);
    m.fill(clipConvex(ellipsePoly(ic, {r * 0.92f, r}, 32), eye),
           vgrad(darker(s.eye, 0.45f), lighter(s.eye, 0.32f), ic.y - r, ic.y + r));
    m.fill(clipConvex(ellipsePoly(ic, {r * 0.46f, r * 0.5f}, 24), eye), sf::Color(32, 22, 24));
    // The lid's shadow across the top of the eye.
    const Poly lidShadow = translate(upper.pts(), {0.f, 5.f});
    Poly band = upper.pts();
    band.insert(band.end(), lidShadow.rbegin(), lidShadow.rend());
    m.fill(clipConvex(band, eye), sf::Color(60, 36, 40, 70));
    // Catch-lights, lit from the upper left on both eyes.
    const float hl = p.glisten ? 5.2f : 4.f;
    m.fill(clipConvex(ellipsePoly(ic + Vec(-5.f, -6.f), {hl, hl}, 16), eye),
           sf::Color(255, 255, 255, 235));
    m.fill(clipConvex(ellipsePoly(ic + Vec(5.f, 6.f), {2.f, 2.f}, 12), eye),
           sf::Color(255, 255, 255, 190));
    if (p.glisten)
        m.fill(clipConvex(ellipsePoly(ic + Vec(-1.f, 8.f), {7.f, 2.5f}, 16), eye),
               sf::Color(255, 255, 255, 120));

    Poly lash = upper.pts();
    if (s.masculine) {
        m.taper(lash, 1.5f, 4.f, 2.f, s.ink);
    } else {
        lash.push_back({side * 81.f, cy - 8.f * std::min(open, 1.f)});
        m.taper(lash, 2.f, 5.f, 2.5f, s.ink);
    }
    Poly lowerLine(lower.pts().begin(), lower.pts().begin() + lower.pts().size() * 2 / 3);
    m.taper(lowerLine, 2.f, 1.6f, 0.4f, fade(s.skinDeep, 0.75f));
    const Poly crease = translate(Poly(upper.pts().begin() + 2, upper.pts().end() - 1),
                                  {side * 1.5f, -7.f - 2.f * (open - 1.f)});
    m.taper(crease, 0.3f, 1.6f, 0.3f, fade(s.skinDeep, 0.55f));
}

/// A mouth edge: corners `a` and `b`, a parabola whose middle is `centerY`, sampled at x.
float edgeY(Vec a, Vec b, float centerY, float x) {
    const float t = (x - a.x) / (b.x - a.x);
    const float base = a.y + (b.y - a.y) * t;
    const float u = (2.f * t - 1.f);
    return base + (centerY - (a.y + b.y) / 2.f) * (1.f - u * u);
}

void paintMouth(Mesh& m, const Style& s, const FaceParams& p) {
    const float y0 = kMouthY;
    const sf::Color lipLine = mix(s.lip, s.ink, 0.4f);
    const sf::Color inside(112, 40, 52);
    if (p.round) {  // surprised "O"
        const Vec c(0.f, y0 + 5.f);
        m.ellipse(c, {p.mouthW + 1.5f, p.lowerC + 1.5f}, lipLine, 32);
        m.ellipse(c, {p.mouthW, p.lowerC}, inside, 32);
        m.fill(clipConvex(ellipsePoly(c + Vec(0.f, p.lowerC * 0.7f), {p.mouthW * 0.7f, 6.f}, 20),
                          ellipsePoly(c, {p.mouthW, p.lowerC}, 32)),
               sf::Color(206, 108, 116));
        m.taper(Path({-7.f, c.y + p.lowerC + 6.f}).quad({0.f, c.y + p.lowerC + 9.f},
                                                       {7.f, c.y + p.lowerC + 6.f}),
                0.5f, 2.f, 0.5f, fade(s.skinDeep, 0.4f));
        return;
    }
    const Vec a(-p.mouthW, y0 - p.corner - p.mouthAsym), b(p.mouthW, y0 - p.corner + p.mouthAsym);
    const float up = y0 + p.upperC, low = y0 + p.lowerC;
    const int n = 16;
    if (!p.open) {
        Poly line;
        for (int i = 0; i <= n; ++i) {
            const float x = a.x + (b.x - a.x) * i / n;
            line.push_back({x, edgeY(a, b, up, x)});
        }
        m.taper(line, 1.6f, 3.4f, 1.6f, lipLine);
        m.taper(Path({-8.f, up + 9.f}).quad({0.f, up + 11.f}, {8.f, up + 9.f}), 0.4f, 2.2f, 0.4f,
                fade(s.skinDeep, 0.35f));
        return;
    }
    Poly upper, lower, mouth;
    for (int i = 0; i <= n; ++i) {
        const float x = a.x + (b.x - a.x) * i / n;
        upper.push_back({x, edgeY(a, b, up, x)});
        lower.push_back({x, edgeY(a, b, low, x)});
    }
    mouth = upper;
    mouth.insert(mouth.end(), lower.rbegin() + 1, lower.rend() - 1);
    m.fill(mouth, inside);
    auto band = [&](const Poly& edge, float depth, bool down) {
        Poly bandPoly = edge, inner;
        for (std::size_t i = 0; i < edge.size(); ++i) {
            const float u = 2.f * i / (edge.size() - 1) - 1.f;
            const float gap = lower[i].y - upper[i].y;
            const float d = std::min(depth, gap * 0.42f) * (1.f - u * u * u * u);
            inner.push_back({edge[i].x, edge[i].y + (down ? d : -d)});
        }
        bandPoly.insert(bandPoly.end(), inner.rbegin(), inner.rend());
        return bandPoly;
    };
    if (p.tongue) m.fill(band(lower, 10.f, false), sf::Color(210, 104, 112));
    if (p.teethTop) m.fill(band(upper, 7.f, true), sf::Color(252, 248, 244));
    if (p.teethBottom) m.fill(band(lower, 5.f, false), sf::Color(240, 234, 230));
    m.taper(upper, 1.2f, 2.6f, 1.2f, lipLine);
    m.taper(lower, 1.f, 1.8f, 1.f, fade(lipLine, 0.7f));
    m.taper(Path({-9.f, low + 8.f}).quad({0.f, low + 10.f}, {9.f, low + 8.f}), 0.4f, 2.2f, 0.4f,
            fade(s.skinDeep, 0.35f));
}

void paintTears(Mesh& m, const FaceParams& p) {
    const sf::Color wet(214, 236, 250, 210), tear(190, 224, 248, 200);
    for (float side : {-1.f, 1.f}) {
        const Poly rim = Path({side * 70.f, kEyeY + 1.f})
                             .cubic({side * 64.f, kEyeY + 9.f}, {side * 36.f, kEyeY + 10.f},
                                    {side * 24.f, kEyeY + 3.f})
                             .pts();
        m.taper(rim, 1.f, 3.f * p.tears, 1.f, wet);
    }
    // One tear running down the cheek, with a drop at its end.
    const Poly streak = Path({-64.f, kEyeY + 8.f})
                            .cubic({-68.f, kEyeY + 24.f}, {-70.f, kEyeY + 40.f}, {-69.f, 276.f})
                            .pts();
    m.taper(streak, 3.f, 5.5f, 7.f, fade(tear, 0.8f));
    const Poly drop = Path({-69.f, 266.f})
                          .cubic({-65.f, 276.f}, {-60.f, 281.f}, {-60.f, 288.f})
                          .arc({-69.f, 288.f}, {9.f, 9.f}, 0.f, 180.f)
                          .cubic({-78.f, 281.f}, {-73.f, 276.f}, {-69.f, 266.f})
                          .pts();
    m.fill(drop, vgrad(fade(tear, 0.85f), sf::Color(150, 200, 240, 240), 266.f, 297.f));
    m.stroke(drop, 1.2f, sf::Color(120, 170, 220, 160), true);
    m.ellipse({-72.f, 286.f}, {2.2f, 3.2f}, sf::Color(255, 255, 255, 230), 10);
}

}  // namespace

Poly headOutline(const Style& s) {
    Path right({0.f, 62.f});
    right.cubic({60.f, 62.f}, {108.f, 102.f}, {110.f, 172.f});
    if (s.masculine)
        right.cubic({112.f, 222.f}, {110.f, 262.f}, {99.f, 294.f})
            .cubic({86.f, 330.f}, {48.f, 352.f}, {0.f, 355.f});
    else
        right.cubic({112.f, 222.f}, {106.f, 258.f}, {92.f, 288.f})
            .cubic({76.f, 322.f}, {40.f, 350.f}, {0.f, 353.f});
    return symmetric(right.pts());
}

void paintHead(Mesh& m, const Style& s) {
    for (float side : {-1.f, 1.f}) {  // ears sit behind the head's edge
        m.ellipse({side * 108.f, 234.f}, {16.f, 28.f}, vgrad(s.skin, s.skinShade, 210.f, 262.f), 32);
        m.taper(Path({side * 112.f, 218.f}).quad({side * 120.f, 236.f}, {side * 110.f, 252.f}), 1.f,
                3.f, 1.f, fade(s.skinDeep, 0.6f));
    }
    const Poly head = headOutline(s);
    m.fill(head, lgrad({-90.f, 120.f}, lighter(s.skin, 0.1f), {100.f, 330.f}, darker(s.skin, 0.1f)));
    // A soft shade towards the jaw and a warm glow on the cheeks.
    m.fill(clipConvex(head, Poly{{-200.f, 286.f}, {200.f, 286.f}, {200.f, 400.f}, {-200.f, 400.f}}),
           vgrad(fade(s.skinShade, 0.f), fade(s.skinShade, 0.5f), 286.f, 356.f));
    if (s.masculine) return;
    for (float side : {-1.f, 1.f}) {
        m.radial({side * 62.f, 268.f}, {30.f, 18.f}, sf::Color(236, 130, 130, 38),
                 sf::Color(236, 130, 130, 0), 24);
    }
}

void paintFace(Mesh& m, const Style& s, Expression e, bool eyesClosed) {
    const FaceParams p = paramsFor(e);
    if (p.flush > 0.f) {
        m.radial({0.f, 250.f}, {118.f, 46.f}, sf::Color(226, 70, 70, static_cast<sf::Uint8>(90 * p.flush)),
                 sf::Color(226, 70, 70, 0), 40);
    }
    for (float side : {-1.f, 1.f}) {
        if (p.blush > 0.f)
            m.radial({side * 64.f, 262.f}, {27.f, 14.f},
                     sf::Color(238, 112, 124, static_cast<sf::Uint8>(150 * p.blush)),
                     sf::Color(238, 112, 124, 0), 28);
        paintBrow(m, s, p, side);
        paintEye(m, s, p, side, eyesClosed);
    }
    if (p.furrow)
        for (float side : {-1.f, 1.f})
            m.taper(Path({side * 7.f, 186.f}).quad({side * 4.f, 194.f}, {side * 6.f, 202.f}), 0.4f,
                    1.8f, 0.4f, fade(s.skinDeep, 0.6f));
    // Nose: one soft shadow stroke and the tip.
    m.taper(Path({-2.f, 248.f}).quad({8.f, 266.f}, {-1.f, 275.f}), 1.f, 2.6f, 1.2f,
            fade(s.skinDeep, 0.5f));
    m.ellipse({-3.f, 268.f}, {4.f, 3.f}, fade(s.skinLight, 0.5f), 12);
    paintMouth(m, s, p);
    if (p.tears > 0.f) paintTears(m, p);
}

void paintGlasses(Mesh& m, const Style& s) {
    const sf::Color frame = mix(sf::Color(64, 44, 38), s.cloth, 0.15f);
    for (float side : {-1.f, 1.f}) {
        const sf::FloatRect lens(side * kEyeX - 34.f, kEyeY - 24.f, 68.f, 48.f);
        m.roundRect(lens, 17.f, sf::Color(255, 255, 255, 26));
        m.taper(Path({side * kEyeX - 20.f, kEyeY + 8.f}).line({side * kEyeX - 4.f, kEyeY - 16.f}),
                3.f, 5.f, 3.f, sf::Color(255, 255, 255, 70));
        m.stroke(roundRectPoly(lens, 17.f), 3.4f, frame, true);
        m.stroke(Path({side * (kEyeX + 34.f), kEyeY - 10.f}).line({side * 106.f, kEyeY - 8.f}), 3.f,
                 frame);
    }
    m.stroke(Path({-13.f, kEyeY - 8.f}).quad({0.f, kEyeY - 15.f}, {13.f, kEyeY - 8.f}), 3.f, frame);
}

}  // namespace counterplay::app::art
