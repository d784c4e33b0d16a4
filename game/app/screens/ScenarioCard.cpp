#include "screens/ScenarioCard.h"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/View.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <algorithm>
#include <cmath>

#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

namespace {
constexpr float kThumbH = 96.f;
}

void ScenarioCard::setup(Context& ctx, const ScenarioEntry& entry, sf::FloatRect contentRect,
                         const ScrollArea& scroll, const core::ScenarioProgress* progress,
                         bool recommended) {
    ctx_ = &ctx;
    entry_ = &entry;
    scroll_ = &scroll;
    rect_ = contentRect;
    recommended_ = recommended;
    const core::Scenario& s = *entry.scenario;
    difficulty_ = std::clamp(s.difficulty, 1, 3);
    completed_ = progress != nullptr && progress->completed;
    passed_ = progress != nullptr && progress->passed;
    const float x = rect_.left + 18, w = rect_.width - 36;
    float y = rect_.top + kThumbH + 12;
    title_ = Label(ctx.fonts.bold, ctx.text(s.title), theme::kSizeBody, theme::kText, w);
    title_.setPosition(x, y);
    y += title_.size().y + 2;
    meta_ = Label(ctx.fonts.regular, ctx.tr("setting." + s.setting), theme::kSizeTiny, theme::kTextMuted);
    meta_.setPosition(x, y);
    y += 24;
    // Principle chips: as many as fit on two rows.
    chips_.clear();
    chipRects_.clear();
    chipBgs_.clear();
    float cx = x, cy = y;
    int rows = 1;
    const int maxRows = std::max(1, static_cast<int>((rect_.top + rect_.height - 40 - y) / 26.f));
    std::size_t shown = 0;
    for (const std::string& id : s.principles) {
        Label chip(ctx.fonts.regular, utf8(ctx.library.principleName(id, ctx.lang())), theme::kSizeTiny,
                   theme::kInkSoft);
        const float cw = chip.size().x + 16;
        if (cx + cw > x + w - 44) {
            if (rows >= maxRows) break;
            ++rows;
            cx = x;
            cy += 26;
        }
        chip.setPosition(cx + 8, cy + 3);
        chipRects_.push_back({cx, cy, cw, 22});
        chipBgs_.emplace_back(chipRects_.back(), 11.f, sf::Color(42, 157, 143, 34));
        chips_.push_back(std::move(chip));
        cx += cw + 6;
        ++shown;
    }
    more_ = Label(ctx.fonts.regular,
                  shown < s.principles.size() ? utf8("+" + std::to_string(s.principles.size() - shown))
                                              : sf::String(),
                  theme::kSizeTiny, theme::kTextMuted);
    more_.setPosition(cx + 4, cy + 3);
    const std::string bestText =
        progress != nullptr && progress->attempts > 0
            ? ctx.strings.format("select.best", ctx.lang(), {{"percent", std::to_string(progress->bestPercent)}})
            : ctx.str("select.notplayed");
    best_ = Label(ctx.fonts.bold, utf8(bestText), theme::kSizeSmall,
                  progress != nullptr && progress->attempts > 0 ? theme::kText : theme::kTextMuted);
    best_.setPosition(x, rect_.top + rect_.height - 34);
    badge_ = Label(ctx.fonts.bold,
                   passed_ ? ctx.tr("select.passed") : (completed_ ? ctx.tr("select.completed") : sf::String()),
                   theme::kSizeTiny, sf::Color::White);
    const sf::Vector2f bs = badge_.size();
    badge_.setPosition(rect_.left + rect_.width - 18 - bs.x - 12, rect_.top + rect_.height - 32);
    badgeBg_.set({rect_.left + rect_.width - 18 - bs.x - 38, rect_.top + rect_.height - 36, bs.x + 38, 26}, 13);
    badgeBg_.setFill(passed_ ? theme::kGood : theme::kTeal);
    body_.set(rect_, theme::kRadius);
    body_.setFill(theme::kPaper);
    ring_.set({rect_.left - 4, rect_.top - 4, rect_.width + 8, rect_.height + 8}, theme::kRadius + 4);
    ring_.setFill(sf::Color::Transparent);
    ring_.setOutline(theme::kGold, 3.f);
}

sf::FloatRect ScenarioCard::rect() const {
    return {rect_.left, rect_.top - scroll_->offset(), rect_.width, rect_.height};
}

bool ScenarioCard::hit(sf::Vector2f p) const {
    return enabled() && scroll_->contains(p) && rect().contains(p);
}

void ScenarioCard::update(float dt, bool hovered) {
    const float target = hovered || focused_ ? 1.f : 0.f;
    hover_ += (target - hover_) * std::min(1.f, dt * 12.f);
}

void ScenarioCard::draw(sf::RenderTarget& target) const {
    sf::RenderStates lift;
    lift.transform.translate(0, -4.f * hover_);
    drawShadow(target, {rect_.left, rect_.top - 4.f * hover_, rect_.width, rect_.height}, theme::kRadius,
               0.7f + 0.6f * hover_);
    body_.setOutline(theme::mix(theme::kCreamDim, theme::kAccent, hover_), 2.f);
    target.draw(body_, lift);
    // Thumbnail: the setting's background, clipped to the card's top by a sub-view.
    {
        const sf::View saved = target.getView();
        const sf::FloatRect vp = saved.getViewport();
        const sf::Vector2f vs = saved.getSize();
        const sf::Vector2f vc = saved.getCenter();
        const sf::FloatRect thumb(rect_.left + 6, rect_.top + 6 - 4.f * hover_, rect_.width - 12, kThumbH);
        const float top = vc.y - vs.y / 2;  // content y at the top of the current view
        const float left = vc.x - vs.x / 2;
        sf::FloatRect clipped = thumb;
        const float visTop = std::max(thumb.top, top), visBottom = std::min(thumb.top + thumb.height, top + vs.y);
        if (visBottom > visTop) {
            clipped.top = visTop;
            clipped.height = visBottom - visTop;
            sf::View v(clipped);
            v.setViewport({vp.left + (clipped.left - left) / vs.x * vp.width,
                           vp.top + (clipped.top - top) / vs.y * vp.height,
                           clipped.width / vs.x * vp.width, clipped.height / vs.y * vp.height});
            target.setView(v);
            ctx_->art->drawBackground(target, entry_->scenario->setting, thumb);
            target.setView(saved);
        }
    }
    // Difficulty dots on the thumbnail.
    for (int i = 0; i < 3; ++i) {
        sf::CircleShape dot(5.f, 16);
        dot.setPosition(rect_.left + rect_.width - 64 + i * 16, rect_.top + 16 - 4.f * hover_);
        dot.setFillColor(i < difficulty_ ? theme::kAccent : sf::Color(255, 255, 255, 170));
        dot.setOutlineThickness(1.5f);
        dot.setOutlineColor(sf::Color(0, 0, 0, 60));
        target.draw(dot);
    }
    if (recommended_) {
        fillRounded(target, {rect_.left + 14, rect_.top + 14 - 4.f * hover_, 30, 30}, 15, theme::kGold);
        // A five-pointed star (SFML draws convex shapes only, so five triangles around a pentagon).
        const sf::Vector2f c(rect_.left + 29, rect_.top + 30 - 4.f * hover_);
        sf::VertexArray star(sf::Triangles);
        for (int i = 0; i < 5; ++i) {
            const float a = -1.5707963f + i * 1.2566371f;
            const sf::Vector2f tip(c.x + std::cos(a) * 10.f, c.y + std::sin(a) * 10.f);
            const sf::Vector2f l(c.x + std::cos(a - 0.6283185f) * 4.f, c.y + std::sin(a - 0.6283185f) * 4.f);
            const sf::Vector2f r(c.x + std::cos(a + 0.6283185f) * 4.f, c.y + std::sin(a + 0.6283185f) * 4.f);
            for (sf::Vector2f p : {tip, l, r, c, l, r}) star.append({p, theme::kInk});
        }
        target.draw(star);
    }
    target.draw(title_, lift);
    target.draw(meta_, lift);
    for (std::size_t i = 0; i < chips_.size(); ++i) {
        target.draw(chipBgs_[i], lift);
        target.draw(chips_[i], lift);
    }
    target.draw(more_, lift);
    target.draw(best_, lift);
    if (completed_ || passed_) {
        target.draw(badgeBg_, lift);
        // Check mark.
        const sf::FloatRect b = badgeBg_.rect();
        const sf::Color w = sf::Color::White;
        const float bx = b.left + 12, by = b.top + 13 - 4.f * hover_;
        const sf::Vertex check[] = {{{bx - 1, by - 1}, w}, {{bx + 4, by + 4}, w}, {{bx + 4, by + 7}, w},
                                    {{bx - 1, by + 2}, w}, {{bx + 4, by + 4}, w}, {{bx + 11, by - 4}, w},
                                    {{bx + 11, by - 1}, w}, {{bx + 4, by + 7}, w}};
        target.draw(check, 8, sf::Quads);
        target.draw(badge_, lift);
    }
    if (focused_) target.draw(ring_, lift);
}

}  // namespace counterplay::app
