// The body: neck, shoulders and the six outfits, plus the scarf, tie and earrings. Light comes
// from the upper left; clothes get a top-to-bottom gradient, shaded sleeves and a few folds.
#include <algorithm>

#include "art/Figure.h"

namespace counterplay::app::art {
namespace {

struct Cut {
    Vec neck;     ///< right end of the neckline
    float depth;  ///< lowest point of the neckline (y)
    bool vee;     ///< V shape (else round)
    float shoulder;
    float sleeveEnd;  ///< y where the sleeve ends (1000 = long sleeves)
};

Cut cutFor(OutfitKind o) {
    switch (o) {
        case OutfitKind::Tshirt: return {{50.f, 390.f}, 430.f, false, 200.f, 600.f};
        case OutfitKind::Sweater: return {{46.f, 386.f}, 418.f, false, 202.f, 1000.f};
        case OutfitKind::Blouse: return {{44.f, 386.f}, 482.f, true, 198.f, 1000.f};
        case OutfitKind::Coat: return {{56.f, 384.f}, 560.f, true, 212.f, 1000.f};
        case OutfitKind::Suit: return {{50.f, 384.f}, 592.f, true, 218.f, 1000.f};
        case OutfitKind::Dress: return {{80.f, 404.f}, 472.f, false, 196.f, 530.f};
    }
    return {{46.f, 386.f}, 418.f, false, 202.f, 1000.f};
}

/// The neckline from the left end to the right end, through its lowest point.
Poly neckline(const Cut& c) {
    const Vec l(-c.neck.x, c.neck.y), r = c.neck;
    if (c.vee)
        return Path(l).cubic({l.x * 0.7f, l.y + 30.f}, {-8.f, c.depth - 14.f}, {0.f, c.depth})
            .cubic({8.f, c.depth - 14.f}, {r.x * 0.7f, r.y + 30.f}, r)
            .pts();
    return Path(l).cubic({l.x * 0.8f, c.depth + 2.f}, {r.x * 0.8f, c.depth + 2.f}, r).pts();
}

/// The garment's body (without sleeves), with the neckline cut out. It narrows to the waist so a
/// sliver of background shows between the arms and the body.
Poly torso(const Cut& c) {
    const float sx = c.shoulder;
    Path right(c.neck);
    right.cubic(c.neck + Vec(40.f, 4.f), {sx - 60.f, 412.f}, {sx - 18.f, 438.f})
        .line({sx - 30.f, 470.f})
        .cubic({sx - 40.f, 560.f}, {sx - 66.f, 700.f}, {sx - 70.f, 800.f})
        .cubic({sx - 72.f, 880.f}, {sx - 58.f, 950.f}, {sx - 50.f, 1000.f})
        .line({0.f, 1000.f});
    Poly body = symmetric(right.pts());
    const Poly cut = neckline(c);
    body.insert(body.end(), cut.begin() + 1, cut.end() - 1);
    return body;
}

/// One arm hanging from the shoulder (side -1 = left, 1 = right), shoulder cap to bottom edge:
/// rounded at the shoulder, a little narrower at the elbow, slightly out from the body.
Poly arm(const Cut& c, float side) {
    const float sx = c.shoulder;
    return Path({side * (sx - 50.f), 452.f})
        .cubic({side * (sx - 24.f), 432.f}, {side * (sx + 6.f), 440.f}, {side * (sx + 14.f), 488.f})
        .cubic({side * (sx + 20.f), 570.f}, {side * (sx + 20.f), 700.f}, {side * (sx + 16.f), 800.f})
        .cubic({side * (sx + 14.f), 880.f}, {side * (sx + 12.f), 950.f}, {side * (sx + 8.f), 1000.f})
        .line({side * (sx - 42.f), 1000.f})
        .cubic({side * (sx - 40.f), 900.f}, {side * (sx - 36.f), 760.f}, {side * (sx - 36.f), 680.f})
        .cubic({side * (sx - 36.f), 620.f}, {side * (sx - 40.f), 580.f}, {side * (sx - 44.f), 540.f})
        .pts();
}

/// The arms: skin below short sleeves, the sleeves shaded darker on the outside with a fold
/// along the inner edge.
void paintArms(Mesh& m, const Style& s, const Cut& c, bool skinPass) {
    for (float side : {-1.f, 1.f}) {
        const Poly a = arm(c, side);
        const float inner = side * (c.shoulder - 40.f), outer = side * (c.shoulder + 18.f);
        if (skinPass) {
            if (c.sleeveEnd < 1000.f) m.fill(a, hgrad(s.skin, s.skinShade, inner, outer));
            continue;
        }
        const Poly sleeve =
            c.sleeveEnd < 1000.f
                ? clipConvex(a, Poly{{-400.f, 0.f}, {400.f, 0.f},
                                     {400.f, c.sleeveEnd + (side > 0 ? 0.f : 14.f)},
                                     {-400.f, c.sleeveEnd + (side > 0 ? 14.f : 0.f)}})
                : a;
        m.fill(sleeve, hgrad(s.cloth, darker(s.cloth, 0.28f), inner, outer));
        const float end = std::min(c.sleeveEnd, 1000.f);
        m.taper(Path({side * (c.shoulder - 42.f), 560.f})
                    .cubic({side * (c.shoulder - 36.f), 680.f}, {side * (c.shoulder - 38.f), 860.f},
                           {side * (c.shoulder - 42.f), end}),
                1.f, 3.f, 2.f, fade(s.clothShade, 0.75f));
        if (c.sleeveEnd < 1000.f)
            m.stroke(Path({inner, c.sleeveEnd + 12.f}).line({outer + side * 2.f, c.sleeveEnd - 2.f}),
                     5.f, darker(s.cloth, 0.18f));
        else
            m.taper(Path({side * (c.shoulder + 4.f), 760.f}).quad({side * (c.shoulder - 10.f), 772.f},
                                                                    {side * (c.shoulder - 24.f), 768.f}),
                    0.5f, 2.5f, 0.5f, fade(s.clothShade, 0.5f));
    }
}

void paintButtons(Mesh& m, const Style& s, float x, std::initializer_list<float> ys, float r) {
    for (float y : ys) {
        m.ellipse({x, y + 1.5f}, {r, r}, fade(s.clothShade, 0.8f), 16);
        m.ellipse({x, y}, {r, r}, mix(s.clothLight, sf::Color(250, 244, 232), 0.4f), 16);
        m.ellipse({x - r * 0.3f, y - r * 0.3f}, {r * 0.35f, r * 0.35f}, sf::Color(255, 255, 255, 140),
                  8);
    }
}

/// Lapels for a coat or suit: a band along each side of the V, with a notch.
void paintLapels(Mesh& m, const Style& s, const Cut& c, float width) {
    for (float side : {-1.f, 1.f}) {
        const Vec n(side * c.neck.x, c.neck.y);
        Poly lapel = Path(n)
                         .line({side * (c.neck.x + width * 0.9f), c.neck.y + 30.f})
                         .line({side * (c.neck.x + width * 1.15f), c.neck.y + 86.f})
                         .line({side * (c.neck.x + width * 0.7f), c.neck.y + 98.f})
                         .line({side * (c.neck.x + width * 1.05f), c.neck.y + 116.f})
                         .cubic({side * (c.neck.x + width * 0.6f), c.depth - 60.f},
                                {side * 20.f, c.depth + 10.f}, {side * 6.f, c.depth + 16.f})
                         .line({0.f, c.depth})
                         .pts();
        // Close the lapel along the V edge, from the V's bottom back up to this side's neck.
        const Poly vee = neckline(c);
        Poly outline = lapel;
        if (side > 0) {
            for (const Vec& v : vee)
                if (v.x > 0.5f) outline.push_back(v);
        } else {
            for (auto it = vee.rbegin(); it != vee.rend(); ++it)
                if (it->x < -0.5f) outline.push_back(*it);
        }
        m.fill(outline, vgrad(lighter(s.cloth, 0.12f), s.cloth, c.neck.y, c.depth));
        m.taper(lapel, 1.f, 2.5f, 1.f, fade(s.clothShade, 0.8f));
    }
}

void paintFolds(Mesh& m, const Style& s) {
    const sf::Color fold = fade(s.clothShade, 0.45f);
    m.taper(Path({70.f, 690.f}).cubic({84.f, 740.f}, {92.f, 790.f}, {118.f, 850.f}), 0.5f, 3.f,
            0.5f, fold);
    m.taper(Path({-96.f, 760.f}).cubic({-90.f, 810.f}, {-80.f, 860.f}, {-90.f, 930.f}), 0.5f, 2.6f,
            0.5f, fold);
}

}  // namespace

void paintBody(Mesh& m, const Style& s) {
    const Cut c = cutFor(s.outfit);
    // Neck with the shadow under the chin, and the skin of the upper chest.
    const Poly neck = {{-38.f, 290.f}, {38.f, 290.f}, {42.f, 366.f}, {52.f, 398.f},
                       {-52.f, 398.f}, {-42.f, 366.f}};
    m.fill(neck, vgrad(darker(s.skin, 0.38f), s.skinShade, 320.f, 398.f));
    const Poly chest = {{-52.f, 380.f}, {52.f, 380.f}, {150.f, 424.f}, {140.f, 660.f},
                        {-140.f, 660.f}, {-150.f, 424.f}};
    m.fill(chest, vgrad(mix(s.skin, s.skinShade, 0.5f), s.skin, 390.f, 470.f));
    if (s.outfit == OutfitKind::Dress)
        for (float side : {-1.f, 1.f})
            m.taper(Path({side * 18.f, 428.f}).quad({side * 44.f, 420.f}, {side * 74.f, 424.f}),
                    0.3f, 2.f, 0.3f, fade(s.skinDeep, 0.35f));
    paintArms(m, s, c, true);

    // Inner layers showing in a V.
    if (s.outfit == OutfitKind::Coat) {
        const sf::Color knit(236, 226, 210);
        m.fill(Poly{{-60.f, 372.f}, {60.f, 372.f}, {80.f, 640.f}, {-80.f, 640.f}},
               vgrad(knit, darker(knit, 0.12f), 372.f, 600.f));
        m.roundRect({-50.f, 352.f, 100.f, 44.f}, 16.f, vgrad(knit, darker(knit, 0.1f), 352.f, 396.f));
        for (int i = 0; i < 9; ++i)
            m.stroke(Path({-40.f + i * 10.f, 356.f}).line({-40.f + i * 10.f, 392.f}), 1.5f,
                     fade(darker(knit, 0.3f), 0.5f));
    }
    if (s.outfit == OutfitKind::Suit) {
        const sf::Color shirt(246, 246, 242);
        m.fill(Poly{{-56.f, 376.f}, {56.f, 376.f}, {70.f, 660.f}, {-70.f, 660.f}},
               vgrad(shirt, darker(shirt, 0.1f), 376.f, 620.f));
    }

    const Poly body = torso(c);
    m.fill(body, lgrad({0.f, 400.f}, s.clothLight, {0.f, 1000.f}, darker(s.cloth, 0.2f)));
    paintArms(m, s, c, false);
    // Light along the shoulders.
    for (float side : {-1.f, 1.f})
        m.taper(Path({side * (c.neck.x + 10.f), c.neck.y + 6.f})
                    .cubic({side * 120.f, 402.f}, {side * (c.shoulder - 40.f), 414.f},
                           {side * (c.shoulder + 6.f), 450.f}),
                0.5f, 5.f, 0.5f, fade(lighter(s.cloth, 0.35f), 0.6f));

    const Poly cut = neckline(c);
    switch (s.outfit) {
        case OutfitKind::Tshirt:
            m.stroke(cut, 9.f, darker(s.cloth, 0.18f), false);
            paintFolds(m, s);
            break;
        case OutfitKind::Sweater: {
            m.stroke(translate(cut, {0.f, 4.f}), 17.f, darker(s.cloth, 0.12f), false);
            for (std::size_t i = 1; i + 1 < cut.size(); i += 2)
                m.stroke(Path(cut[i] + Vec(0.f, -3.f)).line(cut[i] + Vec(0.f, 11.f)), 1.6f,
                         fade(s.clothShade, 0.5f), false, false);
            for (float x : {-128.f, -64.f, 64.f, 128.f}) {  // cable knit columns
                Path cable({x, 450.f});
                for (int k = 0; k < 22; ++k)
                    cable.line({x + ((k % 2) ? 7.f : -7.f), 470.f + k * 25.f});
                m.stroke(cable.pts(), 2.2f, fade(s.clothShade, 0.3f), false);
            }
            break;
        }
        case OutfitKind::Blouse: {
            for (float side : {-1.f, 1.f}) {
                const Poly flap = Path({side * 40.f, 382.f})
                                      .cubic({side * 70.f, 384.f}, {side * 100.f, 396.f},
                                             {side * 104.f, 414.f})
                                      .cubic({side * 104.f, 440.f}, {side * 80.f, 452.f},
                                             {side * 58.f, 454.f})
                                      .cubic({side * 40.f, 456.f}, {side * 16.f, 470.f},
                                             {side * 4.f, 486.f})
                                      .cubic({side * 14.f, 450.f}, {side * 30.f, 410.f},
                                             {side * 40.f, 382.f})
                                      .pts();
                m.fill(translate(flap, {side * 2.f, 4.f}), fade(s.clothShade, 0.5f));
                m.fill(flap, vgrad(lighter(s.cloth, 0.3f), s.clothLight, 382.f, 470.f));
            }
            m.stroke(Path({0.f, 490.f}).line({0.f, 1000.f}), 2.f, fade(s.clothShade, 0.6f));
            paintButtons(m, s, 0.f, {540.f, 630.f, 720.f, 810.f, 900.f}, 5.f);
            paintFolds(m, s);
            break;
        }
        case OutfitKind::Coat:
            paintLapels(m, s, c, 44.f);
            m.stroke(Path({-4.f, 566.f}).line({-4.f, 1000.f}), 2.5f, fade(s.clothShade, 0.7f));
            paintButtons(m, s, -48.f, {660.f, 780.f, 900.f}, 8.f);
            paintButtons(m, s, 40.f, {660.f, 780.f, 900.f}, 8.f);
            break;
        case OutfitKind::Suit:
            for (float side : {-1.f, 1.f}) {  // shirt collar points
                const Poly collar = {{side * 6.f, 396.f}, {side * 46.f, 372.f}, {side * 56.f, 392.f},
                                     {side * 34.f, 434.f}};
                m.fill(collar, sf::Color(250, 250, 247));
                m.stroke(collar, 1.5f, sf::Color(196, 196, 200), true);
            }
            paintLapels(m, s, c, 34.f);
            m.stroke(Path({0.f, 600.f}).line({0.f, 1000.f}), 2.f, fade(s.clothShade, 0.7f));
            paintButtons(m, s, 0.f, {660.f, 770.f}, 7.f);
            m.stroke(Path({-150.f, 566.f}).line({-100.f, 562.f}), 2.f, fade(s.clothShade, 0.8f));
            break;
        case OutfitKind::Dress: {
            Path waist({-166.f, 760.f});
            waist.quad({0.f, 776.f}, {166.f, 760.f});
            Poly belt = waist.pts();
            const Poly lower = translate(waist.pts(), {0.f, 16.f});
            belt.insert(belt.end(), lower.rbegin(), lower.rend());
            m.fill(belt, darker(s.cloth, 0.3f));
            m.roundRect({-12.f, 762.f, 24.f, 18.f}, 4.f, sf::Color(226, 190, 110));
            for (float x : {-110.f, -40.f, 40.f, 110.f})
                m.taper(Path({x, 800.f}).line({x * 1.12f, 1000.f}), 0.5f, 2.5f, 3.f,
                        fade(s.clothShade, 0.4f));
            m.stroke(cut, 3.f, darker(s.cloth, 0.2f), false);
            break;
        }
    }
}

void paintNeckAccessory(Mesh& m, const Style& s) {
    if (s.accessory == AccessoryKind::Tie) {
        const sf::Color tie = s.outfit == OutfitKind::Suit ? mix(s.accent, sf::Color(140, 40, 60), 0.5f)
                                                           : s.accent;
        const float end = s.outfit == OutfitKind::Suit ? 700.f : 640.f;
        const Poly knot = {{-16.f, 394.f}, {16.f, 394.f}, {11.f, 426.f}, {-11.f, 426.f}};
        const Poly blade = {{-11.f, 424.f}, {11.f, 424.f}, {26.f, end - 30.f}, {0.f, end},
                            {-26.f, end - 30.f}};
        Poly clipped = blade;
        if (s.outfit == OutfitKind::Suit)
            clipped = clipConvex(blade, {{-50.f, 380.f}, {50.f, 380.f}, {0.f, 592.f}});
        m.fill(clipped, vgrad(lighter(tie, 0.1f), darker(tie, 0.2f), 424.f, end));
        for (float y = 450.f; y < end - 40.f; y += 34.f)  // diagonal stripes
            m.fill(clipConvex(clipConvex(Poly{{-30.f, y}, {30.f, y - 18.f}, {30.f, y - 10.f},
                                              {-30.f, y + 8.f}},
                                         blade),
                              s.outfit == OutfitKind::Suit
                                  ? Poly{{-50.f, 380.f}, {50.f, 380.f}, {0.f, 592.f}}
                                  : blade),
                   fade(lighter(tie, 0.4f), 0.6f));
        m.fill(knot, vgrad(lighter(tie, 0.15f), darker(tie, 0.15f), 394.f, 426.f));
        return;
    }
    if (s.accessory != AccessoryKind::Scarf) return;
    // A chunky knitted loop scarf: a band around the neck and a looser loop draped in front.
    const sf::Color a = s.accent, as = darker(s.accent, 0.32f), al = lighter(s.accent, 0.2f);
    const Poly back = Path({-66.f, 346.f})
                          .quad({0.f, 370.f}, {66.f, 346.f})
                          .cubic({84.f, 364.f}, {90.f, 396.f}, {80.f, 420.f})
                          .quad({0.f, 452.f}, {-80.f, 420.f})
                          .cubic({-90.f, 396.f}, {-84.f, 364.f}, {-66.f, 346.f})
                          .pts();
    m.fill(back, vgrad(as, a, 350.f, 440.f));
    const Poly loop = Path({-84.f, 404.f})
                          .quad({0.f, 446.f}, {84.f, 404.f})
                          .cubic({100.f, 430.f}, {96.f, 470.f}, {70.f, 494.f})
                          .quad({0.f, 530.f}, {-70.f, 494.f})
                          .cubic({-96.f, 470.f}, {-100.f, 430.f}, {-84.f, 404.f})
                          .pts();
    m.fill(translate(loop, {3.f, 8.f}), fade(darker(s.cloth, 0.5f), 0.35f));
    m.fill(loop, vgrad(al, darker(a, 0.12f), 404.f, 530.f));
    // Knit ribs across both bands.
    for (int i = -5; i <= 5; ++i) {
        const float x = i * 14.f;
        const float topBack = 372.f - 0.0055f * x * x, topLoop = 446.f - 0.006f * x * x;
        m.taper(Path({x, topBack + 6.f}).quad({x + 3.f, topBack + 24.f}, {x * 1.05f, topBack + 40.f}),
                0.5f, 2.2f, 0.5f, fade(as, 0.45f));
        m.taper(Path({x * 1.1f, topLoop + 8.f}).quad({x * 1.12f + 3.f, topLoop + 30.f},
                                                    {x * 1.05f, topLoop + 58.f}),
                0.5f, 2.4f, 0.5f, fade(as, 0.45f));
    }
    m.taper(Path({-80.f, 420.f}).quad({0.f, 462.f}, {80.f, 420.f}), 0.5f, 3.f, 0.5f, fade(as, 0.6f));
}

void paintEarrings(Mesh& m, const Style&) {
    const sf::Color gold(236, 196, 104), goldDark(176, 128, 52);
    for (float side : {-1.f, 1.f}) {
        const Vec lobe(side * 110.f, 260.f);
        m.stroke(Path(lobe).line(lobe + Vec(0.f, 14.f)), 1.8f, goldDark);
        m.ellipse(lobe, {4.5f, 4.5f}, vgrad(gold, goldDark, lobe.y - 4.f, lobe.y + 4.f), 16);
        m.ellipse(lobe + Vec(0.f, 20.f), {6.5f, 8.f}, vgrad(gold, goldDark, lobe.y + 12.f, lobe.y + 28.f),
                  20);
        m.ellipse(lobe + Vec(-2.f, 17.f), {2.f, 2.5f}, sf::Color(255, 248, 220, 200), 10);
    }
}

}  // namespace counterplay::app::art
