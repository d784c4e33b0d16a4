// The dialogue box of the play screen: a name plate, the current line typed out, and a blinking
// "continue" marker once the line is complete. Narrator lines have no plate and a muted style.
#pragma once

#include "Context.h"
#include "ui/Label.h"
#include "ui/RoundedRect.h"

namespace counterplay::app {

class DialogueBox {
public:
    void setup(Context& ctx);
    /// Shows a new line; `speaker` is the plate text (empty for the narrator).
    void show(const sf::String& speaker, const sf::String& text, bool narrator, float textScale);
    /// Advances the typewriter by dt at `charsPerSecond` (0 = instant).
    void update(float dt, float charsPerSecond);
    /// Reveals the whole line at once.
    void complete();
    bool isComplete() const { return revealed_ >= static_cast<float>(text_.revealLength()); }
    /// Draws the box; `showMarker` adds the blinking continue marker.
    void draw(sf::RenderTarget& target, float time, bool showMarker) const;
    /// The top edge of the box (choices are laid out above it).
    float top() const { return box_.rect().top; }
    void setHint(const sf::String& hint);

    // Partial redraw support (PartialRedraw.h).
    /// Changes whenever a new line is shown or the layout is rebuilt.
    unsigned serial() const { return serial_; }
    /// Characters of the current line revealed so far.
    std::size_t revealedCount() const { return text_.visibleCount(); }
    /// Where characters [from, to) of the current line are drawn.
    sf::FloatRect charactersRect(std::size_t from, std::size_t to) const {
        return text_.charactersRect(from, to);
    }
    /// The area the continue marker moves in.
    sf::FloatRect markerArea() const;
    /// The box with its name plate and shadow.
    sf::FloatRect bounds() const;

private:
    void layout();

    Context* ctx_ = nullptr;
    float textScale_ = 1.f;
    bool narrator_ = false;
    float revealed_ = 0.f;
    mutable ui::Label text_;
    ui::Label plate_;
    ui::Label hint_;
    ui::RoundedRect box_;
    ui::RoundedRect plateBg_;
    bool hasPlate_ = false;
    unsigned serial_ = 0;
};

}  // namespace counterplay::app
