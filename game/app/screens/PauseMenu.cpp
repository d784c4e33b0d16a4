#include "screens/PauseMenu.h"

#include <algorithm>

#include "ui/Backdrop.h"
#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

void PauseMenu::open() {
    visible_ = true;
    age_ = 0.f;
    relayout();
    focus_.focusId(kResume);
}

void PauseMenu::relayout() {
    Context& ctx = *ctx_;
    const float w = 420, x = (theme::kWidth - w) / 2, top = 150;
    panel_.set({x, top, w, 430}, theme::kRadius + 4);
    panel_.setGradient(sf::Color(40, 46, 68), sf::Color(30, 35, 52));
    panel_.setOutline(sf::Color(255, 255, 255, 30), 1.5f);
    heading_ = Label(ctx.fonts.bold, ctx.tr("pause.heading"), theme::kSizeTitle, theme::kTextOnDark);
    heading_.setPosition(x + (w - heading_.size().x) / 2, top + 28);
    const char* keys[] = {"pause.resume", "pause.settings", "pause.history", "pause.restart", "pause.quit"};
    const int focused = focus_.focusedId();
    focus_.clear();
    for (int i = 0; i < 5; ++i) {
        buttons_[i].setup(i == 0 ? ctx.fonts.bold : ctx.fonts.regular, ctx.tr(keys[i]),
                          {x + 50, top + 96 + i * 58.f, w - 100, 46},
                          i == 0 ? ButtonStyle::Primary : ButtonStyle::Secondary, theme::kSizeBody);
        focus_.add(&buttons_[i], i);
    }
    note_ = Label(ctx.fonts.regular, ctx.tr("pause.note"), theme::kSizeTiny, theme::kTextOnDarkMuted, w - 60);
    note_.setPosition(x + (w - note_.size().x) / 2, top + 392);
    if (focused >= 0) focus_.focusId(focused);
}

PauseMenu::Action PauseMenu::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    if (!visible_) return kNone;
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Escape) return kResume;
    const int id = focus_.handleEvent(event, mouse);
    return id >= 0 ? static_cast<Action>(id) : kNone;
}

void PauseMenu::update(float dt, sf::Vector2f mouse) {
    if (!visible_) return;
    age_ += dt;
    focus_.update(dt, mouse);
}

void PauseMenu::draw(sf::RenderTarget& target) const {
    if (!visible_) return;
    const float t = std::min(1.f, age_ / 0.18f);
    drawScrim(target, theme::fade(theme::kScrim, t));
    const sf::View saved = target.getView();
    sf::View v = saved;
    v.zoom(1.f + (1.f - t) * 0.06f);
    target.setView(v);
    drawShadow(target, panel_.rect(), theme::kRadius + 4, 1.5f);
    target.draw(panel_);
    target.draw(heading_);
    focus_.draw(target);
    target.draw(note_);
    target.setView(saved);
}

}  // namespace counterplay::app
