// Settings: language, text speed, text size (with a live sample), meters, coach or assessment
// mode, fullscreen. Every change applies at once and is saved. "Edit scenarios" opens the
// trainer's editor on a list of the library's scenarios.
#pragma once

#include "screens/Screen.h"
#include "ui/Backdrop.h"
#include "ui/Button.h"
#include "ui/FocusGroup.h"
#include "ui/OptionRow.h"

namespace counterplay::app {

class SettingsScreen : public Screen {
public:
    explicit SettingsScreen(Context& ctx);
    std::string id() const override { return "settings"; }
    void handleEvent(const sf::Event& event, sf::Vector2f mouse) override;
    void update(float dt, sf::Vector2f mouse) override;
    void draw(sf::RenderTarget& target) override;
    void relayout() override;

private:
    enum Id { kLang, kSpeed, kSize, kMeters, kMode, kFullscreen, kRowCount, kBack = 100, kEdit = 101 };
    void step(int row, int delta);
    sf::String valueOf(int row) const;

    ui::Backdrop backdrop_;
    ui::FocusGroup focus_;
    ui::OptionRow rows_[kRowCount];
    ui::Button back_;
    ui::Button edit_;  // "Edit scenarios": the editor's list of the library's scenarios
    ui::Label heading_, hint_, sampleKicker_, sample_;
    ui::RoundedRect samplePanel_;
};

}  // namespace counterplay::app
