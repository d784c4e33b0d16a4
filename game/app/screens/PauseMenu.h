// The pause menu (Esc during play): resume, settings, history, quit to the scenario list.
#pragma once

#include "Context.h"
#include "ui/Button.h"
#include "ui/FocusGroup.h"
#include "ui/Label.h"
#include "ui/RoundedRect.h"

namespace counterplay::app {

class PauseMenu {
public:
    enum Action { kNone = -1, kResume, kSettings, kHistory, kRestart, kQuit };
    void setup(Context& ctx) { ctx_ = &ctx; }
    void open();
    void close() { visible_ = false; }
    bool visible() const { return visible_; }
    void relayout();
    Action handleEvent(const sf::Event& event, sf::Vector2f mouse);
    void update(float dt, sf::Vector2f mouse);
    void draw(sf::RenderTarget& target) const;

private:
    Context* ctx_ = nullptr;
    bool visible_ = false;
    float age_ = 0.f;
    ui::Label heading_, note_;
    ui::Button buttons_[5];
    ui::FocusGroup focus_;
    ui::RoundedRect panel_;
};

}  // namespace counterplay::app
