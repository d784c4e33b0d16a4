#include "screens/DebriefScreen.h"

#include "ExportScorecard.h"
#include "platform/Log.h"
#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

namespace {
constexpr float kRightX = 480.f, kRightW = 760.f, kListTop = 160.f, kListBottom = 612.f;
}

DebriefScreen::DebriefScreen(Context& ctx, std::unique_ptr<DebriefData> data)
    : Screen(ctx), data_(std::move(data)) {
    relayout();
}

std::string DebriefScreen::id() const {
    static const char* kTabs[] = {"debrief", "debrief-decisions", "debrief-best"};
    return kTabs[tab_];
}

void DebriefScreen::relayout() {
    const core::Scorecard& card = data_->scorecard;
    const int focused = focus_.focusedId();
    kicker_ = Label(ctx_.fonts.bold, ctx_.tr("debrief.kicker"), theme::kSizeSmall, theme::kGold);
    kicker_.setPosition(42, 24);
    title_ = Label(ctx_.fonts.bold, ctx_.text(card.scenarioTitle), theme::kSizeTitle, theme::kTextOnDark, 1180);
    title_.setPosition(40, 48);
    summary_.build(ctx_, card, {40, 110, 410, 518});
    const char* tabKeys[] = {"debrief.tab.principles", "debrief.tab.decisions", "debrief.tab.best"};
    for (int i = 0; i < 3; ++i) {
        tabs_[i].setup(ctx_.fonts.bold, ctx_.tr(tabKeys[i]), {kRightX + i * 212.f, 110, 204, 40}, ButtonStyle::Toggle,
                       theme::kSizeSmall);
        tabs_[i].setSelected(i == tab_);
    }
    const float by = 652;
    retry_.setup(ctx_.fonts.bold, ctx_.tr("debrief.retry"), {40, by, 200, 48}, ButtonStyle::Secondary, theme::kSizeBody);
    const bool trial = data_->entry->trial;
    next_.setup(ctx_.fonts.bold, ctx_.tr(trial ? "debrief.editor" : "debrief.next"), {252, by, 220, 48}, ButtonStyle::Primary, theme::kSizeBody);
    export_.setup(ctx_.fonts.regular, ctx_.tr("debrief.export"), {484, by, 240, 48}, ButtonStyle::Secondary,
                  theme::kSizeBody);
    list_button_.setup(ctx_.fonts.regular, ctx_.tr("debrief.list"), {1020, by, 220, 48}, ButtonStyle::Ghost,
                       theme::kSizeBody);
    sf::String status;
    if (!exportedPath_.empty()) status = ctx_.trf("debrief.exported", {{"path", exportedPath_}});
    else if (!exportError_.empty()) status = ctx_.trf("debrief.export.failed", {{"error", exportError_}});
    else if (trial) status = ctx_.tr("debrief.trial");
    else if (data_->attemptId < 0) status = ctx_.trf("debrief.notstored", {{"error", data_->storeError}});
    else status = ctx_.tr("debrief.stored");
    status_ = Label(ctx_.fonts.regular, status, theme::kSizeTiny,
                    (data_->attemptId < 0 && !trial) || !exportError_.empty() ? theme::kAccentHover : theme::kTextOnDarkMuted, kRightW);
    status_.setPosition(kRightX, 620);
    focus_.clear();
    focus_.setArrowsNavigate(false);
    focus_.add(&next_, kNext);
    focus_.add(&retry_, kRetry);
    focus_.add(&export_, kExport);
    if (!trial) focus_.add(&list_button_, kList);  // a trial has one way out: back to the editor
    for (int i = 0; i < 3; ++i) focus_.add(&tabs_[i], kTabPrinciples + i);
    focus_.focusId(focused >= 0 ? focused : kNext);
    showTab(tab_);
}

void DebriefScreen::showTab(int tab) {
    tab_ = tab;
    for (int i = 0; i < 3; ++i) tabs_[i].setSelected(i == tab_);
    const core::Scenario& scenario = *data_->entry->scenario;
    if (tab == kTabPrinciples) list_.buildPrinciples(ctx_, data_->scorecard, kRightX + 4, kRightW - 24, kListTop);
    else if (tab == kTabDecisions)
        list_.buildDecisions(ctx_, data_->scorecard, scenario, kRightX, kRightW - 20, kListTop);
    else list_.buildBestPath(ctx_, *data_->entry->analysis, scenario, kRightX, kRightW - 20, kListTop);
    scroll_.setRegion({kRightX - 8, kListTop, kRightW + 16, kListBottom - kListTop});
    scroll_.setContentHeight(list_.contentHeight() + 8);
    scroll_.scrollTo(0, true);
    logLine("screen=" + id());
}

void DebriefScreen::doExport() {
    std::string path, error;
    if (exportScorecardHtml(ctx_, *data_, path, error)) {
        exportedPath_ = path;
        exportError_.clear();
        logLine("scorecard exported: " + path);
    } else {
        exportError_ = error;
        logLine("scorecard export failed: " + error);
    }
    relayout();
}

void DebriefScreen::activate(int id) {
    switch (id) {
    case kTabPrinciples:
    case kTabDecisions:
    case kTabBest: showTab(id); break;
    case kRetry: ctx_.nav->goPlay(*data_->entry, nullptr); break;
    case kNext:
        if (data_->entry->trial) {
            ctx_.nav->returnToEditor();
            break;
        }
        if (const ScenarioEntry* n = ctx_.library.next(data_->entry->scenario->id)) ctx_.nav->goPlay(*n, nullptr);
        break;
    case kExport: doExport(); break;
    case kList:
        if (data_->entry->trial) ctx_.nav->returnToEditor();
        else ctx_.nav->goSelect();
        break;
    default: break;
    }
}

void DebriefScreen::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    if (event.type == sf::Event::KeyPressed) {
        switch (event.key.code) {
        case sf::Keyboard::Left: showTab((tab_ + 2) % 3); return;
        case sf::Keyboard::Right: showTab((tab_ + 1) % 3); return;
        case sf::Keyboard::B: showTab(kTabBest); return;
        case sf::Keyboard::D: showTab(kTabDecisions); return;
        case sf::Keyboard::P: showTab(kTabPrinciples); return;
        case sf::Keyboard::R: activate(kRetry); return;
        case sf::Keyboard::N: activate(kNext); return;
        case sf::Keyboard::E: activate(kExport); return;
        case sf::Keyboard::Escape: activate(kList); return;
        default: break;
        }
    }
    if (scroll_.handleEvent(event, mouse, true)) return;
    const int id = focus_.handleEvent(event, mouse);
    if (id >= 0) activate(id);
}

void DebriefScreen::update(float dt, sf::Vector2f mouse) {
    appear_ = std::min(1.f, appear_ + dt * 1.5f);
    scroll_.update(dt);
    focus_.update(dt, mouse);
}

void DebriefScreen::draw(sf::RenderTarget& target) {
    backdrop_.draw(target, ctx_.time);
    target.draw(kicker_);
    target.draw(title_);
    const float eased = 1.f - (1.f - appear_) * (1.f - appear_);
    summary_.draw(target, eased);
    scroll_.begin(target);
    list_.draw(target, kListTop + scroll_.offset(), kListTop + scroll_.offset() + scroll_.region().height);
    scroll_.end(target);
    scroll_.drawScrollbar(target, theme::kTextOnDarkMuted);
    focus_.draw(target);
    target.draw(status_);
}

}  // namespace counterplay::app
