// Partial redraw for software OpenGL. On a machine without a GPU (Mesa's llvmpipe, also what
// Xvfb gives) filling a 1280x720 frame with textured layers costs about 5 ms of CPU, while a
// dialogue scene changes a few glyphs, a countdown bar and now and then the customer's pose.
// When the window's back buffer is known to keep its pixels across buffer swaps (probed once
// at start-up), the App redraws only the rectangles a screen reports as changed, with the GL
// scissor test; otherwise, and whenever in doubt, it draws whole frames.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/View.hpp>
#include <string>
#include <vector>

namespace counterplay::app {

/// True when partial redraw is safe on `window`: its GL renderer is a software rasteriser and
/// three colours drawn and swapped in turn each stay in the back buffer after the swap.
/// `detail` says what was found (for the log). COUNTERPLAY_PARTIAL_REDRAW=0 turns it off.
bool probePreservedBackBuffer(sf::RenderWindow& window, std::string& detail);

/// Maps logical-canvas rectangles (through `view`) to window pixel rectangles, padded by two
/// pixels, clipped to the view's viewport, and merged where they overlap or nearly touch
/// (one draw pass per rectangle, so fewer is cheaper). Top-left origin, like SFML.
std::vector<sf::IntRect> damageToPixels(const sf::RenderWindow& window, const sf::View& view,
                                        const std::vector<sf::FloatRect>& damage);

/// Limits GL drawing to one window pixel rectangle while it lives (GL's scissor test).
class ScissorScope {
public:
    ScissorScope(const sf::RenderWindow& window, const sf::IntRect& pixels);
    ~ScissorScope();
    ScissorScope(const ScissorScope&) = delete;
    ScissorScope& operator=(const ScissorScope&) = delete;
};

}  // namespace counterplay::app
