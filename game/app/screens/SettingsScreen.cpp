#include "screens/SettingsScreen.h"

#include <algorithm>

#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

SettingsScreen::SettingsScreen(Context& ctx) : Screen(ctx) {
    relayout();
    focus_.focusId(kLang);
}

sf::String SettingsScreen::valueOf(int row) const {
    const Settings& s = ctx_.settings;
    switch (row) {
    case kLang: return ctx_.tr(s.lang == core::Lang::Ko ? "lang.ko" : "lang.en");
    case kSpeed: return ctx_.tr("settings.speed." + std::to_string(s.textSpeed));
    case kSize: return ctx_.tr("settings.size." + std::to_string(s.textSize));
    case kMeters: return ctx_.tr(s.showMeters ? "settings.on" : "settings.off");
    case kMode: return ctx_.tr(s.mode == PlayMode::Coach ? "settings.mode.coach" : "settings.mode.assessment");
    case kFullscreen: return ctx_.tr(s.fullscreen ? "settings.on" : "settings.off");
    default: return {};
    }
}

void SettingsScreen::relayout() {
    const int focused = focus_.focusedId();
    heading_ = Label(ctx_.fonts.bold, ctx_.tr("settings.heading"), theme::kSizeTitle, theme::kTextOnDark);
    heading_.setPosition(200, 40);
    hint_ = Label(ctx_.fonts.regular, ctx_.tr("settings.hint"), theme::kSizeTiny, theme::kTextOnDarkMuted, 880);
    hint_.setPosition(202, 88);
    const char* labels[] = {"settings.lang", "settings.speed", "settings.size",
                            "settings.meters", "settings.mode", "settings.fullscreen"};
    focus_.clear();
    focus_.setArrowsNavigate(false);
    for (int i = 0; i < kRowCount; ++i) {
        rows_[i].setup(ctx_.fonts.regular, ctx_.fonts.bold, {200, 124 + i * 62.f, 880, 52}, ctx_.tr(labels[i]),
                       valueOf(i));
        focus_.add(&rows_[i], i);
    }
    back_.setup(ctx_.fonts.bold, ctx_.tr("settings.back"), {200, 650, 220, 48}, ButtonStyle::Primary,
                theme::kSizeBody);
    focus_.add(&back_, kBack);
    edit_.setup(ctx_.fonts.bold, ctx_.tr("edit.open-scenarios"), {440, 650, 260, 48}, ButtonStyle::Secondary,
                theme::kSizeBody);
    focus_.add(&edit_, kEdit);
    samplePanel_.set({200, 508, 880, 124}, theme::kRadius);
    samplePanel_.setGradient(sf::Color(30, 36, 54, 240), sf::Color(22, 26, 40, 246));
    samplePanel_.setOutline(sf::Color(255, 255, 255, 28), 1.5f);
    sampleKicker_ = Label(ctx_.fonts.bold, ctx_.tr("settings.sample"), theme::kSizeTiny, theme::kGold);
    sampleKicker_.setPosition(224, 518);
    sample_ = Label(ctx_.fonts.regular, ctx_.tr("settings.sample.text"), 21.f * ctx_.settings.textScale(),
                    theme::kTextOnDark, 832);
    sample_.setLineSpacing(1.12f);
    sample_.setPosition(224, 542);
    if (focused >= 0) focus_.focusId(focused);
}

void SettingsScreen::step(int row, int delta) {
    Settings& s = ctx_.settings;
    switch (row) {
    case kLang: s.lang = s.lang == core::Lang::Ko ? core::Lang::En : core::Lang::Ko; break;
    case kSpeed: s.textSpeed = (s.textSpeed + delta + 4) % 4; break;
    case kSize: s.textSize = (s.textSize + delta + 4) % 4; break;
    case kMeters: s.showMeters = !s.showMeters; break;
    case kMode: s.mode = s.mode == PlayMode::Coach ? PlayMode::Assessment : PlayMode::Coach; break;
    case kFullscreen: s.fullscreen = !s.fullscreen; break;
    default: return;
    }
    ctx_.nav->applySettings();
}

void SettingsScreen::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    if (event.type == sf::Event::KeyPressed) {
        const int f = focus_.focusedId();
        switch (event.key.code) {
        case sf::Keyboard::Escape: ctx_.nav->closeTop(); return;
        case sf::Keyboard::Up: focus_.cycle(-1); return;
        case sf::Keyboard::Down: focus_.cycle(1); return;
        case sf::Keyboard::Left:
        case sf::Keyboard::Right:
            if (f >= 0 && f < kRowCount) step(f, event.key.code == sf::Keyboard::Left ? -1 : 1);
            return;
        default: break;
        }
    }
    if (event.type == sf::Event::MouseButtonReleased && event.mouseButton.button == sf::Mouse::Right) {
        for (int i = 0; i < kRowCount; ++i)
            if (rows_[i].hit(mouse)) step(i, -1);
        return;
    }
    const int id = focus_.handleEvent(event, mouse);
    if (id == kBack) ctx_.nav->closeTop();
    else if (id == kEdit) ctx_.nav->goEditor({});
    else if (id >= 0 && id < kRowCount) step(id, 1);
}

void SettingsScreen::update(float dt, sf::Vector2f mouse) { focus_.update(dt, mouse); }

void SettingsScreen::draw(sf::RenderTarget& target) {
    backdrop_.draw(target, ctx_.time);
    target.draw(heading_);
    target.draw(hint_);
    drawShadow(target, samplePanel_.rect(), theme::kRadius);
    target.draw(samplePanel_);
    target.draw(sampleKicker_);
    target.draw(sample_);
    focus_.draw(target);
}

}  // namespace counterplay::app
