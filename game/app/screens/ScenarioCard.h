// One card on the scenario select screen: a thumbnail of the setting, title, setting and
// difficulty, the principles trained, best score and a completed mark. Lives in a scroll area:
// drawn in content coordinates, hit-tested in screen coordinates.
#pragma once

#include <vector>

#include "Context.h"
#include "ui/Label.h"
#include "ui/RoundedRect.h"
#include "ui/ScrollArea.h"
#include "ui/Widget.h"

namespace counterplay::app {

class ScenarioCard : public ui::Widget {
public:
    /// `contentRect` is the card's place in the scroll area's content.
    void setup(Context& ctx, const ScenarioEntry& entry, sf::FloatRect contentRect,
               const ui::ScrollArea& scroll, const core::ScenarioProgress* progress,
               bool recommended);
    const ScenarioEntry* entry() const { return entry_; }
    sf::FloatRect contentRect() const { return rect_; }

    sf::FloatRect rect() const override;
    bool hit(sf::Vector2f p) const override;
    void update(float dt, bool hovered) override;
    /// Draws in content coordinates (call between ScrollArea::begin and end).
    void draw(sf::RenderTarget& target) const override;

private:
    Context* ctx_ = nullptr;
    const ScenarioEntry* entry_ = nullptr;
    const ui::ScrollArea* scroll_ = nullptr;
    sf::FloatRect rect_;
    float hover_ = 0.f;
    bool completed_ = false, passed_ = false, recommended_ = false;
    int difficulty_ = 1;
    ui::Label title_, meta_, best_, badge_, more_;
    std::vector<ui::Label> chips_;
    std::vector<sf::FloatRect> chipRects_;
    std::vector<ui::RoundedRect> chipBgs_;
    mutable ui::RoundedRect body_, ring_, thumbMask_, badgeBg_;
};

}  // namespace counterplay::app
