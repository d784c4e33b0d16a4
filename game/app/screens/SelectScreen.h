// Scenario select: a card per scenario (title, setting, difficulty, principles, best score,
// completed mark) and a "practise next" banner from the trainee's weakest principles.
#pragma once

#include <vector>

#include "screens/ScenarioCard.h"
#include "screens/Screen.h"
#include "ui/Backdrop.h"
#include "ui/Button.h"
#include "ui/FocusGroup.h"
#include "ui/ScrollArea.h"

namespace counterplay::app {

class SelectScreen : public Screen {
public:
    explicit SelectScreen(Context& ctx);
    std::string id() const override { return "select"; }
    void handleEvent(const sf::Event& event, sf::Vector2f mouse) override;
    void update(float dt, sf::Vector2f mouse) override;
    void draw(sf::RenderTarget& target) override;
    void relayout() override;
    void onShow() override { relayout(); }

private:
    enum Id { kBack = 1000, kSettings, kRecommended };
    void activate(int id);

    ui::Backdrop backdrop_;
    ui::FocusGroup focus_;
    ui::ScrollArea scroll_;
    ui::Label heading_, trainee_, recTitle_, recReason_, recKicker_, empty_, hint_;
    ui::Button back_, settings_, recStart_;
    ui::RoundedRect recPanel_;
    std::vector<ScenarioCard> cards_;
    std::string recommendedId_;
    float appear_ = 0.f;
};

}  // namespace counterplay::app
