// The title screen: the game's name, language, trainee name and id (picked from the manager's
// roster when there is one, or typed), resume / start / new trainee / settings / quit, and the
// manager dashboard (top right).
#pragma once

#include <optional>

#include "Autosave.h"
#include "screens/RosterPicker.h"
#include "screens/Screen.h"
#include "ui/Backdrop.h"
#include "ui/Button.h"
#include "ui/FocusGroup.h"
#include "ui/Label.h"
#include "ui/TextField.h"

namespace counterplay::app {

class TitleScreen : public Screen {
public:
    explicit TitleScreen(Context& ctx);
    std::string id() const override { return autosave_ && resumeEntry_ ? "title-resume" : "title"; }
    void handleEvent(const sf::Event& event, sf::Vector2f mouse) override;
    void update(float dt, sf::Vector2f mouse) override;
    void draw(sf::RenderTarget& target) override;
    void relayout() override;
    void onShow() override;
    bool capturesText() const override;

private:
    enum Id { kResume, kStart, kNew, kSettings, kQuit, kKo, kEn, kName, kTraineeId, kDashboard };
    void activate(int id);
    bool commitTrainee();

    ui::Backdrop backdrop_;
    ui::FocusGroup focus_;
    ui::Label title_, subtitle_, tagline_, nameLabel_, idLabel_, message_, footer_, warning_;
    ui::Label resumeDetail_;
    ui::TextField name_, traineeId_;
    ui::Button resume_, start_, newTrainee_, settings_, quit_, ko_, en_, dashboard_;
    std::optional<Autosave> autosave_;
    const ScenarioEntry* resumeEntry_ = nullptr;
    const ScenarioEntry* showcase_ = nullptr;
    RosterPicker picker_;  ///< the manager's roster under the name field (hidden when empty)
    float appear_ = 0.f;
};

}  // namespace counterplay::app
