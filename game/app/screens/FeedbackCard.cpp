#include "screens/FeedbackCard.h"

#include <algorithm>

#include "ui/Backdrop.h"
#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

namespace {
constexpr float kW = 820.f, kLeft = (theme::kWidth - kW) / 2, kPad = 36.f;
}

void FeedbackCard::show(const sf::String& said, const core::Text& feedback, const core::Points& points,
                        bool timeout, float textScale) {
    Context& ctx = *ctx_;
    net_ = 0;
    for (const auto& [id, p] : points) net_ += p;
    timeout_ = timeout;
    const char* headKey = timeout ? "feedback.timeout" : (net_ > 0 ? "feedback.good" : (net_ < 0 ? "feedback.bad" : "feedback.neutral"));
    const float w = kW - 2 * kPad;
    heading_ = Label(ctx.fonts.bold, ctx.tr(headKey), theme::kSizeTitle * 0.85f, theme::kText);
    said_ = Label(ctx.fonts.regular, said, theme::kSizeSmall * textScale, theme::kTextMuted, w);
    feedback_ = Label(ctx.fonts.regular, ctx.text(feedback), theme::kSizeBody * textScale, theme::kText, w);
    feedback_.setLineSpacing(1.1f);
    // Layout top-down, then centre vertically.
    float y = 0;
    const float headingY = y; y += 48;
    const float saidY = y; y += said_.size().y + 14;
    const float feedbackY = y; y += feedback_.size().y + 18;
    chips_.clear();
    chipBgs_.clear();
    float cx = kLeft + kPad;
    const float chipsY = y;
    float cy = y;
    for (const auto& [id, p] : points) {
        if (p == 0) continue;
        const std::string label = (p > 0 ? "+" : "") + std::to_string(p) + "  " + ctx.library.principleName(id, ctx.lang());
        Label chip(ctx.fonts.bold, utf8(label), theme::kSizeSmall, p > 0 ? theme::kGood : theme::kBad);
        const float cw = chip.size().x + 24;
        if (cx + cw > kLeft + kW - kPad) { cx = kLeft + kPad; cy += 38; }
        chipBgs_.emplace_back(sf::FloatRect{cx, cy, cw, 30}, 15.f, theme::fade(p > 0 ? theme::kGood : theme::kBad, 0.14f));
        chip.setPosition(cx + 12, cy + 5);
        chips_.push_back(std::move(chip));
        cx += cw + 8;
    }
    if (!chips_.empty()) y = cy + 46;
    const float buttonY = y; y += 52;
    const float height = y + 2 * kPad;
    const float top = std::max(80.f, (theme::kHeight - height) / 2 - 20);
    const float o = top + kPad;
    heading_.setPosition(kLeft + kPad, o + headingY);
    said_.setPosition(kLeft + kPad, o + saidY);
    feedback_.setPosition(kLeft + kPad, o + feedbackY);
    for (std::size_t i = 0; i < chips_.size(); ++i) {
        sf::FloatRect r = chipBgs_[i].rect();
        r.top += o;
        chipBgs_[i].set(r, 15.f);
        chips_[i].setPosition(chips_[i].position().x, chips_[i].position().y + o);
    }
    (void)chipsY;
    panel_.set({kLeft, top, kW, height}, theme::kRadius + 4);
    panel_.setFill(theme::kPaper);
    const sf::Color tone = timeout ? theme::kWarn : (net_ > 0 ? theme::kGood : (net_ < 0 ? theme::kBad : theme::kTeal));
    stripe_.set({kLeft + 14, top + 26, 6, height - 52}, 3);
    stripe_.setFill(tone);
    continue_.setup(ctx.fonts.bold, ctx.tr("feedback.continue"), {kLeft + kW - kPad - 220, o + buttonY, 220, 48},
                    ButtonStyle::Primary, theme::kSizeBody);
    continue_.setFocused(true);
    visible_ = true;
    age_ = 0.f;
}

bool FeedbackCard::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    if (!visible_ || age_ < 0.2f) return false;
    if (event.type == sf::Event::KeyPressed &&
        (event.key.code == sf::Keyboard::Enter || event.key.code == sf::Keyboard::Space))
        return true;
    if (event.type == sf::Event::MouseButtonReleased && event.mouseButton.button == sf::Mouse::Left &&
        continue_.hit(mouse))
        return true;
    return false;
}

void FeedbackCard::update(float dt, sf::Vector2f mouse) {
    if (!visible_) return;
    age_ += dt;
    continue_.update(dt, continue_.hit(mouse));
}

void FeedbackCard::damage(std::vector<sf::FloatRect>& out) const {
    if (visible_ && (!continue_.settled() || drawnButtonMoving_)) out.push_back(continue_.drawnArea());
}

void FeedbackCard::draw(sf::RenderTarget& target) const {
    if (!visible_) return;
    drawnButtonMoving_ = !continue_.settled();
    const float t = std::min(1.f, age_ / kAppearSeconds);
    drawScrim(target, theme::fade(theme::kScrim, t * 0.8f));
    const sf::View saved = target.getView();
    sf::View v = saved;
    v.move(0, (1.f - t) * (1.f - t) * -30.f);
    target.setView(v);
    drawShadow(target, panel_.rect(), theme::kRadius + 4, 1.5f);
    target.draw(panel_);
    target.draw(stripe_);
    target.draw(heading_);
    target.draw(said_);
    target.draw(feedback_);
    for (std::size_t i = 0; i < chips_.size(); ++i) {
        target.draw(chipBgs_[i]);
        target.draw(chips_[i]);
    }
    continue_.draw(target);
    target.setView(saved);
}

}  // namespace counterplay::app
