// The conversation so far (H during play, or from the pause menu): every line shown and every
// answer given, in a scrollable panel; above it, the coach's notes on the trainee's earlier
// attempts of this scenario and their sign-offs.
#pragma once

#include <vector>

#include "Context.h"
#include "counterplay/core/Session.h"
#include "ui/Button.h"
#include "ui/Label.h"
#include "ui/RoundedRect.h"
#include "ui/ScrollArea.h"

namespace counterplay::app {

class HistoryPanel {
public:
    void setup(Context& ctx) { ctx_ = &ctx; }
    /// Opens on the session's history; `linesShown` = lines of the current node seen so far.
    void open(const core::Session& session, std::size_t linesShown);
    void close() { visible_ = false; }
    bool visible() const { return visible_; }
    /// True when the panel asks to close (H, Esc, the close button).
    bool handleEvent(const sf::Event& event, sf::Vector2f mouse);
    void update(float dt, sf::Vector2f mouse);
    void draw(sf::RenderTarget& target) const;

private:
    struct Entry {
        ui::Label who, text;
        float y = 0, height = 0;
        int kind = 0;  // 0 customer, 1 narrator/staff, 2 trainee answer, 3 timeout, 4 coach
    };
    void addEntry(const sf::String& who, const sf::String& text, int kind, float& y);
    /// The manager's notes on this trainee's earlier attempts of the scenario and their standing
    /// sign-offs, first in the list (core Coaching.h; nothing when there are none).
    void addCoaching(const std::string& scenarioId, float& y);

    Context* ctx_ = nullptr;
    bool visible_ = false;
    float age_ = 0.f;
    std::vector<Entry> entries_;
    ui::ScrollArea scroll_;
    ui::Label heading_, hint_;
    ui::RoundedRect panel_;
    mutable ui::RoundedRect bubble_;
    ui::Button close_;
};

}  // namespace counterplay::app
