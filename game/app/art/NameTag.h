// The trainee's staff badge: a pin-on name tag with the shop logo, the name and optionally a
// "favourite" line (seed 000 item 9: let customers know you).
#pragma once

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/String.hpp>

#include "art/Paint.h"

namespace counterplay::app::art {

/// Badge size in logical pixels at scale 1 (taller when there is a favourite line).
sf::Vector2f nameTagSize(bool withFavourite);

/// Paints the badge body (no text) in badge units (0,0)-(nameTagSize).
void paintNameTag(Mesh& m, bool withFavourite);

/// Draws the name (and favourite line) on the badge; `toPixels` maps badge units to the target.
void drawNameTagText(sf::RenderTarget& target, const sf::Transform& toPixels, float pixelScale,
                     const sf::Font& font, const sf::String& name, const sf::String& favourite);

}  // namespace counterplay::app::art
