// A full screen of the game (title, select, play, debrief, settings). The App owns a stack of
// them, routes events with the mouse already mapped to the 1280x720 logical canvas, and fades
// between them.
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>
#include <optional>
#include <string>
#include <vector>

#include "Context.h"

namespace counterplay::app {

class Screen {
public:
    explicit Screen(Context& ctx) : ctx_(ctx) {}
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    /// Short id for logs and screenshot names ("title", "select", "play", ...).
    virtual std::string id() const = 0;
    virtual void handleEvent(const sf::Event& event, sf::Vector2f mouse) = 0;
    virtual void update(float dt, sf::Vector2f mouse) = 0;
    virtual void draw(sf::RenderTarget& target) = 0;
    /// Rebuild texts and layout (language, text size or progress changed).
    virtual void relayout() = 0;
    /// The screen is on top again (a screen above it closed).
    virtual void onShow() {}
    /// Window focus lost / regained, and the app about to close (save what matters).
    virtual void onFocusLost() {}
    virtual void onFocusGained() {}
    virtual void onClose() {}
    /// True while a text field has focus (single-key shortcuts are then typed instead).
    virtual bool capturesText() const { return false; }
    /// True for screens drawn with Dear ImGui (the manager dashboard): the App then feeds every
    /// event to ImGui, builds the font with every Hangul syllable, and calls buildImGui().
    virtual bool usesImGui() const { return false; }
    /// Builds the screen's ImGui windows (between ImGui's NewFrame and Render), after draw().
    virtual void buildImGui(float dt) { (void)dt; }
    /// Extra lines for the F3 developer overlay.
    virtual std::string debugInfo() const { return {}; }

    /// Partial redraw (PartialRedraw.h): adds the logical rectangles whose pixels would change
    /// if the screen were drawn now instead of as at its last draw(), and returns true; an
    /// empty list means nothing changed. Returns false (the default) when the whole screen
    /// must be drawn. Only called when the previous frame came from this screen's draw().
    virtual bool damage(std::vector<sf::FloatRect>& out) const {
        (void)out;
        return false;
    }
    /// Limits the next draw() to what meets `clip` (logical; nullopt = everything). Drawing
    /// outside it is harmless, since the scissor drops it: skipping it only saves time.
    void setDrawClip(std::optional<sf::FloatRect> clip) { clip_ = clip; }

protected:
    /// True when something occupying `r` has to be drawn in this pass.
    bool inClip(const sf::FloatRect& r) const { return !clip_ || clip_->intersects(r); }

    Context& ctx_;
    std::optional<sf::FloatRect> clip_;
};

}  // namespace counterplay::app
