// The debrief: overall score and pass/fail, the customer's "would you recommend us?", a chart of
// the principles, every decision with its feedback, the best path on request, and retry / next
// scenario / export scorecard / back to the list.
#pragma once

#include <memory>

#include "screens/DebriefData.h"
#include "screens/DebriefViews.h"
#include "screens/Screen.h"
#include "ui/Backdrop.h"
#include "ui/Button.h"
#include "ui/FocusGroup.h"
#include "ui/ScrollArea.h"

namespace counterplay::app {

class DebriefScreen : public Screen {
public:
    DebriefScreen(Context& ctx, std::unique_ptr<DebriefData> data);
    std::string id() const override;
    void handleEvent(const sf::Event& event, sf::Vector2f mouse) override;
    void update(float dt, sf::Vector2f mouse) override;
    void draw(sf::RenderTarget& target) override;
    void relayout() override;
    void onShow() override { relayout(); }

private:
    enum Id { kTabPrinciples, kTabDecisions, kTabBest, kRetry, kNext, kExport, kList };
    void activate(int id);
    void showTab(int tab);
    void doExport();

    std::unique_ptr<DebriefData> data_;
    ui::Backdrop backdrop_;
    ui::FocusGroup focus_;
    ui::ScrollArea scroll_;
    ScoreSummary summary_;
    DebriefList list_;
    int tab_ = kTabPrinciples;
    ui::Label kicker_, title_, status_;
    ui::Button tabs_[3], retry_, next_, export_, list_button_;
    std::string exportedPath_, exportError_;
    float appear_ = 0.f;
};

}  // namespace counterplay::app
