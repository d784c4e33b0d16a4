// The play screen: draws a core Session (background, customer, dialogue, choices, countdown,
// meters) and drives it with the trainee's input. Autosaves after every decision; in coach mode
// shows feedback after each choice; stores the finished attempt and opens the debrief.
#pragma once

#include <memory>

#include "Autosave.h"
#include "art/Art.h"
#include "counterplay/core/Session.h"
#include "screens/ChoicePanel.h"
#include "screens/DialogueBox.h"
#include "screens/FeedbackCard.h"
#include "screens/HistoryPanel.h"
#include "screens/PauseMenu.h"
#include "screens/PlayHud.h"
#include "screens/Screen.h"
#include "ui/Label.h"

namespace counterplay::app {

class PlayScreen : public Screen {
public:
    /// Starts `entry` fresh, or resumes `resume` (falling back to a fresh start, with a notice,
    /// when the snapshot no longer fits the scenario).
    PlayScreen(Context& ctx, const ScenarioEntry& entry, const Autosave* resume);
    ~PlayScreen() override;

    std::string id() const override;
    void handleEvent(const sf::Event& event, sf::Vector2f mouse) override;
    void update(float dt, sf::Vector2f mouse) override;
    void draw(sf::RenderTarget& target) override;
    void relayout() override;
    void onShow() override;
    void onFocusLost() override;
    void onFocusGained() override;
    void onClose() override;
    std::string debugInfo() const override;
    bool damage(std::vector<sf::FloatRect>& out) const override;

    /// Benchmark support: keeps the typewriter running on the current line forever.
    void setBenchLoop(bool on);

private:
    enum class Phase { Lines, Choosing, Feedback, Ending, Leaving };
    enum PauseReason : unsigned { kMenu = 1, kHistory = 2, kFeedback = 4, kFocus = 8 };

    void enterNode();
    void showLine();
    void showLine(const core::Node& node);
    void showFeedback();
    void advance();
    void afterLines();
    void decide(std::size_t choiceIndex);
    void afterDecision(bool timeout);
    void finish();
    void save();
    void setPaused(unsigned reason, bool on);
    std::string expressionFor(const core::Line& line) const;
    void setExpression(const std::string& expression);
    bool markerShown() const;
    bool settled() const;
    bool overlaid() const;

    const ScenarioEntry& entry_;
    core::PausableClock clock_;
    std::unique_ptr<core::Session> session_;
    std::int64_t startedAtMs_ = 0;
    Phase phase_ = Phase::Lines;
    std::size_t lineIndex_ = 0;
    std::size_t shownNode_ = static_cast<std::size_t>(-1);
    unsigned paused_ = 0;
    std::vector<std::size_t> available_;  // display (shuffled) order -> choice index

    std::string expression_ = "neutral", previousExpression_ = "neutral";
    float blend_ = 1.f;

    PlayHud hud_;
    DialogueBox dialogue_;
    ChoicePanel choices_;
    FeedbackCard feedback_;
    PauseMenu pause_;
    HistoryPanel history_;
    ui::Label notice_;
    float noticeTime_ = 0.f;
    ui::Button endButton_;
    bool benchLoop_ = false;

    // Partial redraw (PartialRedraw.h): what the last draw() showed, to tell what changed since.
    struct Drawn {
        bool valid = false;
        bool settled = false;
        bool overlaid = false;
        Phase phase = Phase::Lines;
        unsigned dialogueSerial = 0;
        std::size_t revealed = 0;
        bool marker = false;
        std::string expression;
        float blend = 1.f;
        art::CustomerPose pose;
    };
    mutable Drawn drawn_;
    mutable art::CustomerBounds customerDrawn_;
    Phase settledPhase_ = Phase::Lines;
    float settle_ = 0.f;  // seconds in the current phase (choices slide in, cards fade)
};

}  // namespace counterplay::app
