// Hair: for each style a back part (behind the head and body) and a front part (cap, fringe and
// locks over the face edge), plus the fringe's shadow on the forehead and the hat. Hair gets a
// top-lit gradient, a sheen band across the crown and a few darker strands.
#include <cmath>

#include "art/Figure.h"

namespace counterplay::app::art {
namespace {

Fill hairFill(const Style& s, float top, float bottom) {
    return vgrad(mix(s.hair, s.hairLight, 0.12f), darker(s.hair, 0.22f), top, bottom);
}

Poly mirrored(const Path& rightHalfTopDown) { return symmetric(rightHalfTopDown.pts()); }

/// The front hair outline of a style (empty for bald and curly, which are built from pieces).
Poly frontOutline(HairStyle h) {
    switch (h) {
        case HairStyle::Short:
            return Path({0.f, 44.f})
                .cubic({74.f, 42.f}, {128.f, 90.f}, {126.f, 176.f})
                .line({118.f, 226.f})
                .line({107.f, 228.f})
                .line({104.f, 168.f})
                .quad({96.f, 150.f}, {86.f, 158.f})
                .cubic({76.f, 144.f}, {62.f, 134.f}, {44.f, 136.f})
                .cubic({20.f, 130.f}, {-8.f, 112.f}, {-36.f, 100.f})
                .cubic({-60.f, 114.f}, {-88.f, 128.f}, {-100.f, 150.f})
                .line({-105.f, 228.f})
                .line({-118.f, 226.f})
                .cubic({-128.f, 90.f}, {-74.f, 42.f}, {0.f, 44.f})
                .pts();
        case HairStyle::Bob: {
            Path p({0.f, 40.f});
            p.cubic({82.f, 38.f}, {138.f, 94.f}, {140.f, 190.f})
                .cubic({142.f, 262.f}, {148.f, 320.f}, {138.f, 350.f})
                .quad({124.f, 364.f}, {104.f, 352.f})
                .cubic({100.f, 320.f}, {100.f, 262.f}, {102.f, 204.f})
                .cubic({103.f, 176.f}, {100.f, 160.f}, {94.f, 150.f});
            const float xs[] = {94.f, 62.f, 30.f, 0.f, -30.f, -62.f, -94.f};
            for (int i = 0; i + 1 < 7; ++i)  // blunt bangs with soft lock tips
                p.quad({(xs[i] + xs[i + 1]) / 2.f, 160.f}, {xs[i + 1], 148.f});
            p.cubic({-100.f, 160.f}, {-103.f, 176.f}, {-102.f, 204.f})
                .cubic({-100.f, 262.f}, {-100.f, 320.f}, {-104.f, 352.f})
                .quad({-124.f, 364.f}, {-138.f, 350.f})
                .cubic({-148.f, 320.f}, {-142.f, 262.f}, {-140.f, 190.f})
                .cubic({-138.f, 94.f}, {-82.f, 38.f}, {0.f, 40.f});
            return p.pts();
        }
        case HairStyle::Long:
            return Path({26.f, 44.f})
                .cubic({100.f, 48.f}, {142.f, 104.f}, {142.f, 200.f})
                .cubic({144.f, 300.f}, {166.f, 420.f}, {164.f, 530.f})
                .cubic({162.f, 560.f}, {156.f, 584.f}, {148.f, 600.f})
                .cubic({142.f, 580.f}, {132.f, 566.f}, {124.f, 556.f})
                .cubic({122.f, 460.f}, {106.f, 340.f}, {104.f, 240.f})
                .cubic({102.f, 190.f}, {90.f, 158.f}, {70.f, 140.f})
                .cubic({52.f, 126.f}, {38.f, 108.f}, {28.f, 90.f})
                .cubic({8.f, 122.f}, {-40.f, 140.f}, {-80.f, 158.f})
                .cubic({-96.f, 170.f}, {-104.f, 200.f}, {-104.f, 240.f})
                .cubic({-106.f, 340.f}, {-122.f, 460.f}, {-124.f, 556.f})
                .cubic({-132.f, 566.f}, {-142.f, 580.f}, {-148.f, 600.f})
                .cubic({-156.f, 584.f}, {-162.f, 560.f}, {-164.f, 530.f})
                .cubic({-166.f, 420.f}, {-144.f, 300.f}, {-142.f, 200.f})
                .cubic({-142.f, 100.f}, {-80.f, 42.f}, {0.f, 42.f})
                .pts();
        case HairStyle::Bun:
            return Path({0.f, 52.f})
                .cubic({70.f, 50.f}, {122.f, 94.f}, {122.f, 176.f})
                .line({114.f, 214.f})
                .line({106.f, 204.f})
                .cubic({104.f, 160.f}, {80.f, 122.f}, {40.f, 112.f})
                .cubic({20.f, 106.f}, {-20.f, 106.f}, {-40.f, 112.f})
                .cubic({-80.f, 122.f}, {-104.f, 160.f}, {-106.f, 204.f})
                .line({-114.f, 214.f})
                .line({-122.f, 176.f})
                .cubic({-122.f, 94.f}, {-70.f, 50.f}, {0.f, 52.f})
                .pts();
        case HairStyle::Ponytail:
            return Path({0.f, 46.f})
                .cubic({74.f, 44.f}, {126.f, 92.f}, {124.f, 176.f})
                .line({117.f, 214.f})
                .line({106.f, 212.f})
                .cubic({104.f, 168.f}, {96.f, 140.f}, {70.f, 128.f})
                .cubic({40.f, 120.f}, {-10.f, 134.f}, {-56.f, 156.f})
                .quad({-78.f, 170.f}, {-92.f, 162.f})
                .cubic({-100.f, 160.f}, {-104.f, 180.f}, {-106.f, 212.f})
                .line({-117.f, 214.f})
                .cubic({-126.f, 92.f}, {-74.f, 44.f}, {0.f, 46.f})
                .pts();
        case HairStyle::Curly:
        case HairStyle::Bald:
            break;
    }
    return {};
}

void paintStrands(Mesh& m, const Style& s, const std::vector<Poly>& strands) {
    for (const Poly& p : strands) m.taper(p, 0.4f, 2.6f, 0.4f, fade(s.hairShade, 0.55f));
}

/// The sheen across the crown: a few short light strokes along an arc, brightest on the left.
void paintSheen(Mesh& m, const Style& s, float y) {
    const float spans[][2] = {{-84.f, -52.f}, {-46.f, -6.f}, {2.f, 30.f}, {38.f, 60.f}};
    for (int i = 0; i < 4; ++i) {
        Path arc({spans[i][0], y + 0.0042f * spans[i][0] * spans[i][0]});
        for (int k = 1; k <= 6; ++k) {
            const float x = spans[i][0] + (spans[i][1] - spans[i][0]) * k / 6.f;
            arc.line({x, y + 0.0042f * x * x});
        }
        m.taper(arc.pts(), 1.f, i < 2 ? 7.f : 5.f, 1.f, fade(s.hairLight, i < 2 ? 0.55f : 0.35f));
    }
}

/// Curls: a cloud of overlapping circles, each lit from above, with a curl stroke in it.
void paintCurls(Mesh& m, const Style& s, const std::vector<std::pair<Vec, float>>& curls,
                sf::Color base) {
    for (const auto& [c, r] : curls)
        m.ellipse(c, {r, r}, vgrad(mix(base, s.hairLight, 0.18f), darker(base, 0.25f), c.y - r, c.y + r),
                  28);
    for (const auto& [c, r] : curls)
        m.taper(Path(c + Vec(-r * 0.5f, r * 0.1f))
                    .quad(c + Vec(-r * 0.3f, -r * 0.55f), c + Vec(r * 0.4f, -r * 0.3f)),
                0.5f, 2.4f, 0.5f, fade(s.hairLight, 0.5f));
}

std::vector<std::pair<Vec, float>> curlRing(float cy, Vec radii, float a0, float a1, int n, float r) {
    std::vector<std::pair<Vec, float>> out;
    for (int i = 0; i < n; ++i) {
        const float a = (a0 + (a1 - a0) * i / (n - 1)) * 3.14159265f / 180.f;
        const float wobble = 0.84f + 0.24f * hash01(static_cast<unsigned>(i) * 17u + static_cast<unsigned>(n));
        out.push_back({{std::cos(a) * radii.x, cy + std::sin(a) * radii.y}, r * wobble});
    }
    return out;
}

}  // namespace

void paintHairBack(Mesh& m, const Style& s) {
    const sf::Color back = darker(s.hair, 0.28f);
    switch (s.hairStyle) {
        case HairStyle::Bob: {
            const Poly p = mirrored(Path({0.f, 40.f})
                                        .cubic({84.f, 38.f}, {140.f, 96.f}, {140.f, 200.f})
                                        .cubic({142.f, 270.f}, {150.f, 320.f}, {138.f, 352.f})
                                        .quad({70.f, 372.f}, {0.f, 362.f}));
            m.fill(p, vgrad(back, darker(back, 0.3f), 100.f, 370.f));
            break;
        }
        case HairStyle::Long: {
            const Poly p = mirrored(Path({0.f, 40.f})
                                        .cubic({92.f, 38.f}, {150.f, 100.f}, {150.f, 220.f})
                                        .cubic({152.f, 330.f}, {172.f, 450.f}, {178.f, 570.f})
                                        .quad({120.f, 610.f}, {0.f, 600.f}));
            m.fill(p, vgrad(back, darker(back, 0.35f), 120.f, 600.f));
            break;
        }
        case HairStyle::Bun:
            m.ellipse({0.f, 46.f}, {50.f, 44.f}, hairFill(s, 2.f, 90.f), 40);
            m.taper(Path({-34.f, 40.f}).quad({0.f, 10.f}, {34.f, 34.f}), 0.5f, 3.f, 0.5f,
                    fade(s.hairShade, 0.6f));
            m.taper(Path({-26.f, 62.f}).quad({6.f, 36.f}, {36.f, 56.f}), 0.5f, 3.f, 0.5f,
                    fade(s.hairShade, 0.6f));
            m.taper(Path({-28.f, 22.f}).quad({-4.f, 12.f}, {18.f, 16.f}), 0.5f, 5.f, 0.5f,
                    fade(s.hairLight, 0.6f));
            break;
        case HairStyle::Ponytail: {
            const Poly tail = Path({40.f, 70.f})
                                  .cubic({120.f, 30.f}, {196.f, 80.f}, {194.f, 190.f})
                                  .cubic({192.f, 290.f}, {176.f, 380.f}, {150.f, 470.f})
                                  .cubic({150.f, 400.f}, {156.f, 280.f}, {140.f, 200.f})
                                  .cubic({130.f, 150.f}, {100.f, 110.f}, {40.f, 70.f})
                                  .pts();
            m.fill(tail, vgrad(s.hair, darker(s.hair, 0.35f), 60.f, 470.f));
            paintStrands(m, s, {Path({150.f, 90.f}).cubic({186.f, 160.f}, {180.f, 300.f}, {160.f, 420.f}),
                                Path({130.f, 90.f}).cubic({166.f, 170.f}, {166.f, 280.f}, {154.f, 380.f})});
            m.taper(Path({140.f, 70.f}).cubic({176.f, 96.f}, {186.f, 150.f}, {184.f, 210.f}), 0.5f,
                    5.f, 0.5f, fade(s.hairLight, 0.45f));
            break;
        }
        case HairStyle::Curly: {
            auto ring = curlRing(202.f, {140.f, 150.f}, 180.f, 360.f, 11, 44.f);
            auto low = curlRing(236.f, {132.f, 140.f}, -10.f, 50.f, 3, 40.f);
            auto lowL = curlRing(236.f, {132.f, 140.f}, 130.f, 190.f, 3, 40.f);
            ring.insert(ring.end(), low.begin(), low.end());
            ring.insert(ring.end(), lowL.begin(), lowL.end());
            m.ellipse({0.f, 210.f}, {138.f, 160.f}, back, 48);
            paintCurls(m, s, ring, back);
            break;
        }
        case HairStyle::Short:
        case HairStyle::Bald:
            break;
    }
}

void paintHairShadow(Mesh& m, const Style& s) {
    const Poly head = headOutline(s);
    const sf::Color shadow = fade(darker(s.skin, 0.4f), 0.55f);
    if (s.hairStyle == HairStyle::Curly) {
        m.fill(clipConvex(ellipsePoly({0.f, 112.f}, {110.f, 38.f}), head), shadow);
        return;
    }
    const Poly front = frontOutline(s.hairStyle);
    if (front.empty()) return;
    m.fill(clipConvex(translate(front, {3.f, 9.f}), head), shadow);
}

void paintHairFront(Mesh& m, const Style& s) {
    switch (s.hairStyle) {
        case HairStyle::Bald: {
            for (float side : {-1.f, 1.f}) {
                const Poly patch = Path({side * 98.f, 158.f})
                                       .cubic({side * 120.f, 166.f}, {side * 128.f, 200.f},
                                              {side * 122.f, 238.f})
                                       .line({side * 108.f, 240.f})
                                       .cubic({side * 108.f, 212.f}, {side * 104.f, 184.f},
                                              {side * 98.f, 158.f})
                                       .pts();
                m.fill(patch, hairFill(s, 158.f, 240.f));
                m.taper(Path({side * 104.f, 170.f}).quad({side * 116.f, 196.f}, {side * 114.f, 230.f}),
                        0.4f, 2.f, 0.4f, fade(s.hairShade, 0.5f));
            }
            m.ellipse({-38.f, 100.f}, {30.f, 13.f}, fade(s.skinLight, 0.55f), 24);
            m.ellipse({-60.f, 116.f}, {7.f, 5.f}, fade(s.skinLight, 0.45f), 12);
            return;
        }
        case HairStyle::Curly: {
            m.fill(Path({-120.f, 170.f})
                       .cubic({-130.f, 70.f}, {-60.f, 36.f}, {0.f, 36.f})
                       .cubic({60.f, 36.f}, {130.f, 70.f}, {120.f, 170.f})
                       .quad({0.f, 110.f}, {-120.f, 170.f})
                       .pts(),
                   hairFill(s, 36.f, 170.f));
            auto fringe = curlRing(182.f, {108.f, 76.f}, 195.f, 345.f, 9, 27.f);
            for (float side : {-1.f, 1.f}) {
                fringe.push_back({{side * 118.f, 196.f}, 24.f});
                fringe.push_back({{side * 122.f, 236.f}, 22.f});
            }
            paintCurls(m, s, fringe, s.hair);
            return;
        }
        default:
            break;
    }
    const Poly front = frontOutline(s.hairStyle);
    m.fill(front, hairFill(s, 40.f, s.hairStyle == HairStyle::Long ? 560.f : 300.f));
    switch (s.hairStyle) {
        case HairStyle::Short:
            paintSheen(m, s, 78.f);
            paintStrands(m, s, {Path({-34.f, 104.f}).cubic({0.f, 110.f}, {40.f, 120.f}, {78.f, 150.f}),
                                Path({-30.f, 70.f}).cubic({10.f, 80.f}, {60.f, 100.f}, {100.f, 140.f}),
                                Path({-40.f, 100.f}).quad({-70.f, 112.f}, {-94.f, 140.f})});
            break;
        case HairStyle::Bob:
            paintSheen(m, s, 72.f);
            paintStrands(m, s, {Path({0.f, 60.f}).quad({30.f, 100.f}, {30.f, 146.f}),
                                Path({-20.f, 60.f}).quad({-56.f, 100.f}, {-62.f, 146.f}),
                                Path({116.f, 200.f}).quad({124.f, 280.f}, {118.f, 340.f}),
                                Path({-116.f, 200.f}).quad({-124.f, 280.f}, {-118.f, 340.f})});
            break;
        case HairStyle::Long:
            paintSheen(m, s, 76.f);
            paintStrands(m, s, {Path({26.f, 70.f}).cubic({-10.f, 110.f}, {-50.f, 130.f}, {-84.f, 150.f}),
                                Path({20.f, 60.f}).cubic({-30.f, 90.f}, {-100.f, 130.f}, {-124.f, 220.f}),
                                Path({120.f, 220.f}).cubic({126.f, 320.f}, {140.f, 440.f}, {150.f, 540.f}),
                                Path({-120.f, 240.f}).cubic({-126.f, 340.f}, {-140.f, 450.f}, {-146.f, 550.f})});
            break;
        case HairStyle::Bun:
            paintSheen(m, s, 82.f);
            paintStrands(m, s, {Path({-60.f, 116.f}).quad({-40.f, 76.f}, {-10.f, 56.f}),
                                Path({60.f, 116.f}).quad({40.f, 76.f}, {10.f, 56.f}),
                                Path({0.f, 108.f}).line({0.f, 56.f})});
            for (float side : {-1.f, 1.f})  // loose wisps at the temples
                m.taper(Path({side * 104.f, 178.f}).cubic({side * 112.f, 210.f}, {side * 100.f, 236.f},
                                                          {side * 110.f, 262.f}),
                        2.5f, 2.f, 0.3f, s.hair);
            break;
        case HairStyle::Ponytail:
            paintSheen(m, s, 76.f);
            paintStrands(m, s, {Path({80.f, 80.f}).cubic({40.f, 110.f}, {-10.f, 130.f}, {-60.f, 152.f}),
                                Path({60.f, 60.f}).cubic({100.f, 80.f}, {116.f, 120.f}, {114.f, 180.f})});
            break;
        default:
            break;
    }
}

void paintHat(Mesh& m, const Style& s) {
    const sf::Color felt = mix(s.accent, sf::Color(86, 66, 58), 0.45f);
    m.ellipse({0.f, 116.f}, {172.f, 26.f}, vgrad(darker(felt, 0.1f), darker(felt, 0.35f), 90.f, 142.f),
              64);
    const Poly crown = Path({-106.f, 116.f})
                           .cubic({-112.f, 40.f}, {-70.f, 10.f}, {0.f, 12.f})
                           .cubic({70.f, 10.f}, {112.f, 40.f}, {106.f, 116.f})
                           .quad({0.f, 128.f}, {-106.f, 116.f})
                           .pts();
    m.fill(crown, lgrad({-80.f, 20.f}, lighter(felt, 0.15f), {80.f, 120.f}, darker(felt, 0.2f)));
    const Poly band = Path({-110.f, 88.f}).quad({0.f, 98.f}, {110.f, 88.f}).line({108.f, 114.f})
                          .quad({0.f, 126.f}, {-108.f, 114.f}).pts();
    m.fill(clipConvex(band, ellipsePoly({0.f, 70.f}, {107.f, 60.f})), darker(s.accent, 0.15f));
    m.fill(band, darker(s.accent, 0.15f));
    m.taper(Path({-160.f, 124.f}).quad({0.f, 148.f}, {160.f, 124.f}), 0.5f, 3.f, 0.5f,
            fade(lighter(felt, 0.3f), 0.7f));
    m.taper(Path({-60.f, 30.f}).quad({-20.f, 18.f}, {20.f, 22.f}), 0.5f, 5.f, 0.5f,
            fade(lighter(felt, 0.35f), 0.6f));
}

}  // namespace counterplay::app::art
