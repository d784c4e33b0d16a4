// The backdrop of the menu screens: a deep gradient with slow, soft light circles. Geometry is
// built once; only a transform moves per frame.
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace counterplay::app::ui {

class Backdrop {
public:
    Backdrop();
    void draw(sf::RenderTarget& target, float time) const;

private:
    sf::VertexArray gradient_{sf::Quads};
    sf::VertexArray glow_{sf::Triangles};
};

/// A horizontal scrim over a scene: opaque ink at the left fading to transparent at `fadeEnd`
/// (logical x), so text on the left stays readable over art.
void drawLeftScrim(sf::RenderTarget& target, float solidUntil, float fadeEnd, sf::Uint8 alpha);

/// A full-canvas translucent layer (menus over the game).
void drawScrim(sf::RenderTarget& target, sf::Color color);

}  // namespace counterplay::app::ui
