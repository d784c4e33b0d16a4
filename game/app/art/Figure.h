// The customer figure, painted in "figure units": x from -360 to 360 (0 = the middle), y from 0
// (above the head, room for a bun or a hat) to 1000 (the bottom edge, usually hidden behind the
// dialogue box). It is painted in three layers so faces can be cached and cross-faded cheaply:
//   base    = back hair, body and clothes, neck, ears, head (no features)
//   face    = base + the facial features of one expression, cropped to kFaceRect
//   overlay = front hair, glasses, earrings, hat (over the face)
#pragma once

#include <string>

#include "art/Paint.h"
#include "counterplay/core/Model.h"

namespace counterplay::app::art {

inline constexpr float kFigureWidth = 720.f;
inline constexpr float kFigureHeight = 1000.f;
inline constexpr float kFigureLeft = -360.f;
/// The part of the figure a face layer covers (brows to chin, cheek to cheek, tears included).
inline const sf::FloatRect kFaceRect{-140.f, 140.f, 280.f, 226.f};

enum class HairStyle { Short, Bob, Long, Bun, Ponytail, Curly, Bald };
enum class OutfitKind { Blouse, Coat, Suit, Sweater, Tshirt, Dress };
enum class AccessoryKind { None, Glasses, Earrings, Scarf, Hat, Tie };
enum class Expression { Neutral, Annoyed, Angry, Upset, Surprised, Relieved, Happy };

/// A Look resolved into colours and kinds (unknown values get friendly defaults).
struct Style {
    sf::Color skin, skinShade, skinDeep, skinLight;
    sf::Color hair, hairShade, hairLight, brow;
    sf::Color cloth, clothShade, clothLight;
    sf::Color accent;  ///< scarf, tie, hat band: a muted colour that goes with the clothes
    sf::Color ink;     ///< lash lines and outlines
    sf::Color lip, eye;
    bool masculine = false;  ///< short or no hair and no earrings: broader jaw, plainer lashes
    HairStyle hairStyle = HairStyle::Short;
    OutfitKind outfit = OutfitKind::Sweater;
    AccessoryKind accessory = AccessoryKind::None;
};

Style resolveStyle(const core::Look& look);
/// Expression id to enum; unknown ids are Neutral.
Expression parseExpression(const std::string& id);

/// True while the idle blink has the eyes shut at `time` seconds (about every 3.6 s, 0.13 s
/// long, sometimes twice).
bool eyesShutAt(float time);

/// Back hair, body, clothes, neck, ears and head skin.
void paintFigureBase(Mesh& m, const Style& s);
/// Brows, eyes, nose, mouth, blush and tears for one expression (eyes shut for a blink).
void paintFace(Mesh& m, const Style& s, Expression e, bool eyesClosed);
/// Front hair, glasses, earrings and hat.
void paintFigureOverlay(Mesh& m, const Style& s);

// Parts, painted by the files named in brackets (used by the functions above).
Poly headOutline(const Style& s);                    // [FigureFace.cpp]
void paintHead(Mesh& m, const Style& s);             // [FigureFace.cpp]
void paintGlasses(Mesh& m, const Style& s);          // [FigureFace.cpp]
void paintBody(Mesh& m, const Style& s);             // [FigureBody.cpp]
void paintNeckAccessory(Mesh& m, const Style& s);    // [FigureBody.cpp] scarf or tie
void paintEarrings(Mesh& m, const Style& s);         // [FigureBody.cpp]
void paintHairBack(Mesh& m, const Style& s);         // [FigureHair.cpp]
void paintHairShadow(Mesh& m, const Style& s);       // [FigureHair.cpp] fringe shadow on skin
void paintHairFront(Mesh& m, const Style& s);        // [FigureHair.cpp]
void paintHat(Mesh& m, const Style& s);              // [FigureHair.cpp]

}  // namespace counterplay::app::art
