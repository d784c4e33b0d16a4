// Setting backgrounds, painted in scene units (1280 x 720, the logical canvas). Each keeps the
// middle of the wall calm (the customer stands there) and puts its props to the sides; there is
// no text, only abstract signage. One file per setting; shared props live in BgProps.cpp.
#pragma once

#include <string>

#include "art/Paint.h"

namespace counterplay::app::art {

inline constexpr float kSceneWidth = 1280.f;
inline constexpr float kSceneHeight = 720.f;

/// Paints the background for a setting id; unknown ids get a calm neutral room.
void paintBackground(Mesh& m, const std::string& setting);

void paintBoutique(Mesh& m);   // [BgBoutique.cpp]
void paintCafe(Mesh& m);       // [BgCafe.cpp]
void paintCosmetics(Mesh& m);  // [BgCosmetics.cpp]
void paintHardware(Mesh& m);   // [BgHardware.cpp]
void paintPhone(Mesh& m);      // [BgPhone.cpp]
void paintHotel(Mesh& m);      // [BgHotel.cpp]
void paintInbox(Mesh& m);      // [BgInbox.cpp]

// ---- shared props [BgProps.cpp] ----------------------------------------------------------------

/// Back wall (vertical gradient) down to `floorY`, then a floor fading to `floorNear`.
void paintRoom(Mesh& m, sf::Color wallTop, sf::Color wallBottom, float floorY, sf::Color floorFar,
               sf::Color floorNear);
/// Wooden floor boards converging slightly towards the middle, below `floorY`.
void paintFloorBoards(Mesh& m, float floorY, sf::Color line);
/// A skirting board along the bottom of the wall.
void paintSkirting(Mesh& m, float floorY, sf::Color color);
/// A pendant lamp hanging from the ceiling to (x, y) with a warm glow.
void paintPendant(Mesh& m, float x, float y, float size, sf::Color shade);
/// A window with soft daylight, sky and a hint of trees outside.
void paintWindow(Mesh& m, sf::FloatRect r, sf::Color frame);
/// A potted plant standing on `base` (bottom centre), `size` ~ height.
void paintPlant(Mesh& m, Vec base, float size, sf::Color pot);
/// A counter (front panel and top) in the rectangle; `top` is the worktop colour.
void paintCounter(Mesh& m, sf::FloatRect r, sf::Color front, sf::Color top);
/// A soft shadow ellipse on the floor.
void paintFloorShadow(Mesh& m, Vec center, Vec radii, float alpha = 0.25f);
/// Lines of abstract "text" (rounded bars) in a rectangle.
void paintTextLines(Mesh& m, sf::FloatRect r, int lines, float thickness, sf::Color c,
                    unsigned seed);
/// A person seen at a distance: simple rounded silhouette (cafe guests). `facing` -1/1 turns the
/// head; `tone` is the clothes colour, `hair` the hair colour.
void paintBystander(Mesh& m, Vec seatBase, float scale, float facing, sf::Color tone,
                    sf::Color hair, sf::Color skin);

}  // namespace counterplay::app::art
