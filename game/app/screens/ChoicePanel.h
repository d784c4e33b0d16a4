// The trainee's options on the play screen: numbered buttons (1-9) stacked on the right,
// sliding in one after another; mouse hover, number keys, arrows/Tab and Enter.
#pragma once

#include <vector>

#include "Context.h"
#include "ui/Button.h"
#include "ui/FocusGroup.h"

namespace counterplay::app {

class ChoicePanel {
public:
    void setup(Context& ctx) { ctx_ = &ctx; }
    /// Shows the options (in display order) in the area above `bottom`.
    void show(const std::vector<sf::String>& texts, float textScale, float bottom);
    void hide();
    bool visible() const { return visible_; }
    /// Returns the display index chosen (0-based) or -1.
    int handleEvent(const sf::Event& event, sf::Vector2f mouse);
    void update(float dt, sf::Vector2f mouse);
    void draw(sf::RenderTarget& target) const;
    /// True when the options have finished sliding in and their highlights easing (partial redraw).
    bool settled() const;

private:
    Context* ctx_ = nullptr;
    std::vector<ui::Button> buttons_;
    ui::FocusGroup focus_;
    bool visible_ = false;
    float age_ = 0.f;
};

}  // namespace counterplay::app
