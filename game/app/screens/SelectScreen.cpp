#include "screens/SelectScreen.h"

#include "platform/Log.h"
#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

namespace {
constexpr float kGridTop = 206.f;
constexpr float kCardW = 392.f, kCardH = 262.f, kGap = 20.f, kGridLeft = 38.f;
}  // namespace

SelectScreen::SelectScreen(Context& ctx) : Screen(ctx) { relayout(); }

void SelectScreen::relayout() {
    const sf::Font& reg = ctx_.fonts.regular;
    const sf::Font& bold = ctx_.fonts.bold;
    const int focused = focus_.focusedId();
    heading_ = Label(bold, ctx_.tr("select.heading"), theme::kSizeTitle, theme::kTextOnDark);
    heading_.setPosition(40, 30);
    hint_ = Label(reg, ctx_.tr("select.hint"), theme::kSizeTiny, theme::kTextOnDarkMuted);
    hint_.setPosition(42, 78);
    back_.setup(reg, ctx_.tr("select.back"), {820, 34, 120, 40}, ButtonStyle::Ghost, theme::kSizeSmall);
    settings_.setup(reg, ctx_.tr("select.settings"), {950, 34, 120, 40}, ButtonStyle::Ghost, theme::kSizeSmall);

    const std::string key = ctx_.traineeKey();
    Recommendation rec = ctx_.progress.recommend(ctx_.library, key);
    recommendedId_ = rec.scenarioId;
    const ScenarioEntry* recEntry = ctx_.library.find(rec.scenarioId);
    recPanel_.set({40, 104, 1200, 82}, theme::kRadius);
    recPanel_.setGradient(sf::Color(58, 52, 78), sf::Color(48, 44, 66));
    recPanel_.setOutline(theme::fade(theme::kGold, 0.55f), 1.5f);
    recKicker_ = Label(bold, ctx_.tr(rec.firstSteps ? "select.rec.first" : "select.rec.kicker"),
                       theme::kSizeTiny, theme::kGold);
    recKicker_.setPosition(64, 116);
    recTitle_ = Label(bold, recEntry ? ctx_.text(recEntry->scenario->title) : sf::String(), theme::kSizeHeading,
                      theme::kTextOnDark, 760.f);
    recTitle_.setPosition(64, 136);
    sf::String reason;
    if (!rec.principleId.empty())
        reason = ctx_.trf("select.rec.reason",
                          {{"principle", ctx_.library.principleName(rec.principleId, ctx_.lang())},
                           {"percent", std::to_string(rec.principlePercent)}});
    else if (rec.firstSteps)
        reason = ctx_.tr("select.rec.firstreason");
    else if (ctx_.progress.scenarios(key).count(rec.scenarioId) == 0)
        reason = ctx_.tr("select.rec.new");
    else
        reason = ctx_.tr("select.rec.review");
    recReason_ = Label(reg, reason, theme::kSizeSmall, theme::kTextOnDarkMuted, 680.f);
    recReason_.setPosition(recTitle_.position().x + recTitle_.size().x + 18, 142);
    if (recTitle_.size().x > 420) recReason_.setString("");
    recStart_.setup(bold, ctx_.tr("select.rec.start"), {1060, 124, 160, 44}, ButtonStyle::Primary,
                    theme::kSizeBody);
    recStart_.setEnabled(recEntry != nullptr);

    scroll_.setRegion({0, kGridTop - 6, theme::kWidth, theme::kHeight - kGridTop + 6});
    const auto& progress = ctx_.progress.scenarios(key);
    const auto& entries = ctx_.library.entries();
    cards_.clear();
    cards_.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const float x = kGridLeft + static_cast<float>(i % 3) * (kCardW + kGap);
        const float y = kGridTop + 10 + static_cast<float>(i / 3) * (kCardH + kGap);
        auto it = progress.find(entries[i].scenario->id);
        cards_[i].setup(ctx_, entries[i], {x, y, kCardW, kCardH}, scroll_,
                        it != progress.end() ? &it->second : nullptr,
                        entries[i].scenario->id == recommendedId_);
    }
    const std::size_t rows = (entries.size() + 2) / 3;
    scroll_.setContentHeight(static_cast<float>(rows) * (kCardH + kGap) + 30);
    empty_ = Label(reg, entries.empty() ? ctx_.trf("select.empty", {{"dir", ctx_.library.dir()}}) : sf::String(),
                   theme::kSizeBody, theme::kTextOnDarkMuted, 1000.f);
    empty_.setPosition(60, 300);

    focus_.clear();
    focus_.setSpaceActivates(true);
    for (std::size_t i = 0; i < cards_.size(); ++i) focus_.add(&cards_[i], static_cast<int>(i));
    focus_.add(&recStart_, kRecommended);
    focus_.add(&back_, kBack);
    focus_.add(&settings_, kSettings);
    int initial = cards_.empty() ? kBack : 0;
    for (std::size_t i = 0; i < cards_.size(); ++i)
        if (cards_[i].entry()->scenario->id == ctx_.lastScenarioId) initial = static_cast<int>(i);
    focus_.focusId(focused >= 0 ? focused : initial);
    const int f = focus_.focusedId();
    if (f >= 0 && f < static_cast<int>(cards_.size())) {
        const sf::FloatRect r = cards_[f].contentRect();
        scroll_.ensureVisible(r.top - kGridTop, r.top + r.height - kGridTop + 16);
        scroll_.settle();
    }
}

void SelectScreen::activate(int id) {
    switch (id) {
    case kBack: ctx_.nav->goTitle(); return;
    case kSettings: ctx_.nav->openSettings(); return;
    case kRecommended:
        if (const ScenarioEntry* e = ctx_.library.find(recommendedId_)) ctx_.nav->goPlay(*e, nullptr);
        return;
    default:
        if (id >= 0 && id < static_cast<int>(cards_.size())) ctx_.nav->goPlay(*cards_[id].entry(), nullptr);
    }
}

void SelectScreen::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    if (event.type == sf::Event::KeyPressed) {
        const int f = focus_.focusedId();
        const int n = static_cast<int>(cards_.size());
        // Reading-order movement across the grid with Left/Right; Home/End jump.
        if (f >= 0 && f < n && (event.key.code == sf::Keyboard::Right || event.key.code == sf::Keyboard::Left)) {
            const int next = f + (event.key.code == sf::Keyboard::Right ? 1 : -1);
            if (next >= 0 && next < n) focus_.focusId(next);
            const sf::FloatRect r = cards_[focus_.focusedId()].contentRect();
            scroll_.ensureVisible(r.top - kGridTop, r.top + r.height - kGridTop + 16);
            return;
        }
        if (event.key.code == sf::Keyboard::Home && n > 0) { focus_.focusId(0); scroll_.scrollTo(0); return; }
        if (event.key.code == sf::Keyboard::End && n > 0) { focus_.focusId(n - 1); scroll_.scrollTo(1e6f); return; }
        if (event.key.code == sf::Keyboard::Escape) { ctx_.nav->goTitle(); return; }
        if (event.key.code == sf::Keyboard::PageDown || event.key.code == sf::Keyboard::PageUp) {
            scroll_.handleEvent(event, mouse, true);
            return;
        }
    }
    if (scroll_.handleEvent(event, mouse, false)) return;
    const int id = focus_.handleEvent(event, mouse);
    if (event.type == sf::Event::KeyPressed) {
        const int f = focus_.focusedId();
        if (f >= 0 && f < static_cast<int>(cards_.size())) {
            const sf::FloatRect r = cards_[f].contentRect();
            scroll_.ensureVisible(r.top - kGridTop, r.top + r.height - kGridTop + 16);
        }
    }
    if (id >= 0) activate(id);
}

void SelectScreen::update(float dt, sf::Vector2f mouse) {
    appear_ = std::min(1.f, appear_ + dt * 3.f);
    scroll_.update(dt);
    focus_.update(dt, mouse);
}

void SelectScreen::draw(sf::RenderTarget& target) {
    backdrop_.draw(target, ctx_.time);
    target.draw(heading_);
    target.draw(hint_);
    ctx_.art->drawNameTag(target, ctx_.fonts.bold, utf8(ctx_.settings.traineeName), {1080, 26}, 0.85f);
    back_.draw(target);
    settings_.draw(target);
    drawShadow(target, recPanel_.rect(), theme::kRadius);
    target.draw(recPanel_);
    target.draw(recKicker_);
    target.draw(recTitle_);
    target.draw(recReason_);
    recStart_.draw(target);
    scroll_.begin(target);
    for (const ScenarioCard& c : cards_) c.draw(target);
    scroll_.end(target);
    scroll_.drawScrollbar(target, theme::kTextOnDarkMuted);
    target.draw(empty_);
}

}  // namespace counterplay::app
