// The debrief's content views: the score summary (ring, pass/fail, the customer's "would you
// recommend us?"), the principle chart (earned of achievable), the decision list with feedback,
// and the best path. Each builds its labels once and draws from cache.
#pragma once

#include <vector>

#include "Context.h"
#include "counterplay/core/Analysis.h"
#include "counterplay/core/Scorecard.h"
#include "ui/Label.h"
#include "ui/RoundedRect.h"

namespace counterplay::app {

/// Left column: score ring, pass/fail, ending, critical actions, NPS answer.
class ScoreSummary {
public:
    void build(Context& ctx, const core::Scorecard& card, sf::FloatRect area);
    void draw(sf::RenderTarget& target, float appear) const;

private:
    Context* ctx_ = nullptr;
    sf::FloatRect area_;
    int percent_ = 0, recommend_ = 0, threshold_ = 70;
    bool passed_ = false;
    ui::Label percentText_, verdict_, threshold_label_, ending_, critical_, criticalNa_, npsQuestion_, npsAnswer_, npsClass_,
        moodTrust_, stats_;
    ui::RoundedRect panel_, npsPanel_, verdictBg_;
};

/// A scrollable list of rows, each a few labels and shapes laid out once (chart, decisions, path).
class DebriefList {
public:
    struct Row {
        std::vector<ui::Label> labels;
        std::vector<ui::RoundedRect> shapes;  // drawn before the labels
        float top = 0, height = 0;
    };
    /// Principle bars: name, earned of achievable.
    void buildPrinciples(Context& ctx, const core::Scorecard& card, float left, float width, float top);
    /// Every decision with what was said, its feedback, points and time.
    void buildDecisions(Context& ctx, const core::Scorecard& card, const core::Scenario& scenario, float left,
                        float width, float top);
    /// The best path from the analysis, step by step.
    void buildBestPath(Context& ctx, const core::Analysis& analysis, const core::Scenario& scenario, float left,
                       float width, float top);
    float contentHeight() const { return height_; }
    /// Draws rows intersecting [viewTop, viewBottom] (content coordinates).
    void draw(sf::RenderTarget& target, float viewTop, float viewBottom) const;

private:
    Row& addRow(float height);
    std::vector<Row> rows_;
    float top_ = 0, height_ = 0;
};

}  // namespace counterplay::app
