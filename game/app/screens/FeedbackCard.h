// Coach mode: the card shown right after a decision with its feedback and the principles it
// served (+) or broke (-). Also used for a timeout.
#pragma once

#include <vector>

#include "Context.h"
#include "ui/Button.h"
#include "ui/Label.h"
#include "ui/RoundedRect.h"

namespace counterplay::app {

class FeedbackCard {
public:
    void setup(Context& ctx) { ctx_ = &ctx; }
    /// Shows the card for a decision: what was said (or a timeout), its feedback and points.
    void show(const sf::String& said, const core::Text& feedback, const core::Points& points, bool timeout,
              float textScale);
    void hide() { visible_ = false; }
    bool visible() const { return visible_; }
    /// True when the card is not fading in (partial redraw).
    bool settled() const { return !visible_ || age_ >= kAppearSeconds; }
    /// Adds the Continue button's area while its focus highlight eases in (partial redraw).
    void damage(std::vector<sf::FloatRect>& out) const;
    static constexpr float kAppearSeconds = 0.22f;
    /// True when the trainee dismissed the card (Enter, Space, click on Continue).
    bool handleEvent(const sf::Event& event, sf::Vector2f mouse);
    void update(float dt, sf::Vector2f mouse);
    void draw(sf::RenderTarget& target) const;

private:
    Context* ctx_ = nullptr;
    bool visible_ = false;
    float age_ = 0.f;
    int net_ = 0;
    bool timeout_ = false;
    ui::Label heading_, said_, feedback_;
    std::vector<ui::Label> chips_;
    std::vector<ui::RoundedRect> chipBgs_;
    ui::RoundedRect panel_, stripe_;
    ui::Button continue_;
    mutable bool drawnButtonMoving_ = false;
};

}  // namespace counterplay::app
