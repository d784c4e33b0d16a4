// Resolves a scenario Look into a Style and composes the figure layers from the part painters.
#include "art/Figure.h"

#include <algorithm>
#include <cmath>

namespace counterplay::app::art {

Style resolveStyle(const core::Look& look) {
    Style s;
    s.skin = parseHex(look.skin, sf::Color(236, 196, 164));
    s.skinShade = darker(s.skin, 0.26f);
    s.skinDeep = darker(s.skin, 0.5f);
    s.skinLight = lighter(s.skin, 0.3f);
    s.hair = parseHex(look.hairColor, sf::Color(70, 46, 32));
    s.hairShade = darker(s.hair, 0.5f);
    s.hairLight = mix(s.hair, sf::Color(255, 236, 214), luminance(s.hair) > 0.5f ? 0.35f : 0.22f);
    s.ink = sf::Color(58, 40, 42);
    s.brow = luminance(s.hair) > 0.42f ? darker(s.hair, 0.62f) : mix(s.hair, s.ink, 0.25f);
    s.cloth = parseHex(look.outfitColor, sf::Color(88, 110, 140));
    s.clothShade = darker(s.cloth, 0.34f);
    s.clothLight = lighter(s.cloth, 0.2f);
    const float l = std::clamp(0.75f - luminance(s.cloth) * 0.4f, 0.42f, 0.62f);
    s.accent = rotateHue(s.cloth, 150.f, 0.75f, l);
    s.lip = mix(s.skin, sf::Color(190, 86, 92), 0.42f);
    s.eye = sf::Color(74, 50, 38);

    const std::string& h = look.hair;
    s.hairStyle = h == "bob"        ? HairStyle::Bob
                  : h == "long"     ? HairStyle::Long
                  : h == "bun"      ? HairStyle::Bun
                  : h == "ponytail" ? HairStyle::Ponytail
                  : h == "curly"    ? HairStyle::Curly
                  : h == "bald"     ? HairStyle::Bald
                                    : HairStyle::Short;
    const std::string& o = look.outfit;
    s.outfit = o == "blouse"   ? OutfitKind::Blouse
               : o == "coat"   ? OutfitKind::Coat
               : o == "suit"   ? OutfitKind::Suit
               : o == "tshirt" ? OutfitKind::Tshirt
               : o == "dress"  ? OutfitKind::Dress
                               : OutfitKind::Sweater;
    const std::string& a = look.accessory;
    s.accessory = a == "glasses"    ? AccessoryKind::Glasses
                  : a == "earrings" ? AccessoryKind::Earrings
                  : a == "scarf"    ? AccessoryKind::Scarf
                  : a == "hat"      ? AccessoryKind::Hat
                  : a == "tie"      ? AccessoryKind::Tie
                                    : AccessoryKind::None;
    s.masculine = (s.hairStyle == HairStyle::Short || s.hairStyle == HairStyle::Bald) &&
                  s.accessory != AccessoryKind::Earrings;
    return s;
}

bool eyesShutAt(float time) {
    if (!std::isfinite(time) || time < 0.f) return false;
    const float period = 3.6f;
    const float n = std::floor(time / period);
    const float local = time - n * period;
    const unsigned cycle = static_cast<unsigned>(std::fmod(n, 100000.f));
    const float start = 0.4f + hash01(cycle) * 2.4f;
    const float d = local - start;
    if (d >= 0.f && d < 0.13f) return true;
    return hash01(cycle + 7919u) > 0.75f && d >= 0.32f && d < 0.45f;
}

Expression parseExpression(const std::string& id) {
    if (id == "annoyed") return Expression::Annoyed;
    if (id == "angry") return Expression::Angry;
    if (id == "upset") return Expression::Upset;
    if (id == "surprised") return Expression::Surprised;
    if (id == "relieved") return Expression::Relieved;
    if (id == "happy") return Expression::Happy;
    return Expression::Neutral;
}

void paintFigureBase(Mesh& m, const Style& s) {
    paintHairBack(m, s);
    paintBody(m, s);
    paintNeckAccessory(m, s);
    paintHead(m, s);
    paintHairShadow(m, s);
}

void paintFigureOverlay(Mesh& m, const Style& s) {
    paintHairFront(m, s);
    if (s.accessory == AccessoryKind::Glasses) paintGlasses(m, s);
    if (s.accessory == AccessoryKind::Earrings) paintEarrings(m, s);
    if (s.accessory == AccessoryKind::Hat) paintHat(m, s);
}

}  // namespace counterplay::app::art
