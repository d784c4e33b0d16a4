#include "screens/DebriefViews.h"

#include <SFML/Graphics/VertexArray.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

namespace {

void drawArc(sf::RenderTarget& target, sf::Vector2f c, float radius, float thickness, float from, float to,
             sf::Color color) {
    sf::VertexArray strip(sf::TriangleStrip);
    const int steps = std::max(2, static_cast<int>(std::abs(to - from) * 40));
    for (int i = 0; i <= steps; ++i) {
        const float a = (from + (to - from) * static_cast<float>(i) / steps) * 6.2831853f - 1.5707963f;
        const sf::Vector2f d(std::cos(a), std::sin(a));
        strip.append({c + d * (radius + thickness / 2), color});
        strip.append({c + d * (radius - thickness / 2), color});
    }
    target.draw(strip);
}

/// "12.3" (locale-independent: the C locale may have been changed to one with a decimal comma).
std::string seconds(std::int64_t ms) {
    ms = std::max<std::int64_t>(0, ms);
    return std::to_string(ms / 1000) + "." + std::to_string((ms % 1000) / 100);
}

sf::Color npsColor(int recommend) {
    return recommend >= 9 ? theme::kGood : (recommend >= 7 ? theme::kWarn : theme::kBad);
}

}  // namespace

void ScoreSummary::build(Context& ctx, const core::Scorecard& card, sf::FloatRect area) {
    ctx_ = &ctx;
    area_ = area;
    percent_ = card.percent;
    passed_ = card.passed;
    recommend_ = std::clamp(card.recommend, 0, 10);
    threshold_ = card.passThreshold;
    const float x = area.left + 28, w = area.width - 56;
    panel_.set({area.left, area.top, area.width, 300}, theme::kRadius);
    panel_.setFill(theme::kPaper);
    percentText_ = Label(ctx.fonts.bold, std::to_string(card.percent) + "%", 34.f, theme::kText);
    const sf::Vector2f ps = percentText_.size();
    percentText_.setPosition(x + 80 - ps.x / 2, area.top + 110 - ps.y / 2 - 3);
    verdict_ = Label(ctx.fonts.bold, ctx.tr(card.passed ? "debrief.passed" : "debrief.failed"), theme::kSizeHeading,
                     sf::Color::White);
    const sf::Vector2f vs = verdict_.size();
    verdictBg_.set({x + 190, area.top + 46, vs.x + 40, 44}, 22);
    verdictBg_.setFill(card.passed ? theme::kGood : theme::kBad);
    verdict_.setPosition(x + 210, area.top + 46 + (44 - vs.y) / 2);
    threshold_label_ = Label(ctx.fonts.regular,
                             ctx.trf("debrief.threshold", {{"percent", std::to_string(card.passThreshold)},
                                                           {"earned", std::to_string(card.earnedTotal)},
                                                           {"best", std::to_string(card.bestTotal)}}),
                             theme::kSizeTiny, theme::kTextMuted, w - 190);
    threshold_label_.setPosition(x + 192, area.top + 102);
    ending_ = Label(ctx.fonts.bold, ctx.trf("debrief.ending", {{"title", card.endingTitle.in(ctx.lang())}}),
                    theme::kSizeSmall, theme::kText, w);
    ending_.setPosition(x, area.top + 196);
    std::string missed;
    for (const core::CriticalResult& c : card.critical)
        if (!c.met && !c.notApplicable)  // n/a (played from a later node) is not a miss
            missed += (missed.empty() ? "" : "\n") + ctx.strings.format("debrief.critical", ctx.lang(),
                                                                        {{"label", c.label.in(ctx.lang())},
                                                                         {"reason", ctx.str("debrief.reason." + c.reason)}});
    critical_ = Label(ctx.fonts.bold, utf8(missed), theme::kSizeTiny, theme::kBad, w);
    critical_.setPosition(x, ending_.position().y + ending_.size().y + 6);
    // Played from a later node (the editor's "Play from here"): the actions it cannot judge are
    // said to be not applicable, in a quiet colour, so the trainer sees why they are not missed.
    std::string na;
    for (const core::CriticalResult& c : card.critical)
        if (c.notApplicable)
            na += (na.empty() ? "" : "\n") + ctx.strings.format("debrief.critical.na", ctx.lang(),
                                                                  {{"label", c.label.in(ctx.lang())}});
    criticalNa_ = Label(ctx.fonts.regular, utf8(na), theme::kSizeTiny, theme::kTextMuted, w);
    criticalNa_.setPosition(x, critical_.position().y + (missed.empty() ? 0.f : critical_.size().y + 4));
    const std::int64_t totalS = card.totalMs / 1000;
    stats_ = Label(ctx.fonts.regular,
                   ctx.trf("debrief.stats", {{"n", std::to_string(card.decisions.size())},
                                             {"time", std::to_string(totalS / 60) + ":" +
                                                          (totalS % 60 < 10 ? "0" : "") + std::to_string(totalS % 60)}}),
                   theme::kSizeTiny, theme::kTextMuted, w);
    stats_.setPosition(x, area.top + 300 - 34);

    const float ny = area.top + 318;
    npsPanel_.set({area.left, ny, area.width, area.top + area.height - ny}, theme::kRadius);
    npsPanel_.setFill(theme::kPaper);
    npsQuestion_ = Label(ctx.fonts.regular, ctx.tr("debrief.nps.question"), theme::kSizeSmall, theme::kTextMuted, w);
    npsQuestion_.setPosition(x, ny + 18);
    npsAnswer_ = Label(ctx.fonts.bold, std::to_string(recommend_), 40.f, npsColor(recommend_));
    npsAnswer_.setPosition(x, ny + 48);
    npsClass_ = Label(ctx.fonts.bold, ctx.tr("debrief.nps." + card.npsClass), theme::kSizeBody, theme::kText);
    npsClass_.setPosition(x + npsAnswer_.size().x + 16, ny + 60);
    moodTrust_ = Label(ctx.fonts.regular,
                       ctx.trf("debrief.moodtrust", {{"mood", std::to_string(card.finalMood)},
                                                     {"trust", std::to_string(card.finalTrust)}}),
                       theme::kSizeTiny, theme::kTextMuted, w);
    moodTrust_.setPosition(x, ny + 140);
}

void ScoreSummary::draw(sf::RenderTarget& target, float appear) const {
    const float x = area_.left + 28;
    drawShadow(target, panel_.rect(), theme::kRadius);
    target.draw(panel_);
    const sf::Vector2f c(x + 80, area_.top + 110);
    drawArc(target, c, 64, 14, 0.f, 1.f, theme::kCreamDim);
    const float frac = std::clamp(static_cast<float>(percent_) / 100.f, 0.f, 1.f) * appear;
    if (frac > 0.001f) drawArc(target, c, 64, 14, 0.f, frac, passed_ ? theme::kGood : theme::kAccent);
    // The pass mark: a small dark notch across the ring.
    const float t0 = static_cast<float>(threshold_) / 100.f;
    drawArc(target, c, 64, 18, t0 - 0.004f, t0 + 0.004f, theme::kInk);
    target.draw(percentText_);
    target.draw(verdictBg_);
    target.draw(verdict_);
    target.draw(threshold_label_);
    target.draw(ending_);
    target.draw(critical_);
    target.draw(criticalNa_);
    target.draw(stats_);
    drawShadow(target, npsPanel_.rect(), theme::kRadius);
    target.draw(npsPanel_);
    target.draw(npsQuestion_);
    target.draw(npsAnswer_);
    target.draw(npsClass_);
    // The 0..10 scale with the answer marked.
    const float cell = (area_.width - 56 - 10 * 4) / 11.f;
    for (int i = 0; i <= 10; ++i) {
        const sf::FloatRect r(x + i * (cell + 4), npsPanel_.rect().top + 108, cell, 20);
        const bool on = i == recommend_;
        fillRounded(target, r, 5, on ? npsColor(i) : theme::fade(npsColor(i), 0.25f));
    }
    target.draw(moodTrust_);
}

DebriefList::Row& DebriefList::addRow(float height) {
    Row r;
    r.top = top_ + height_;
    r.height = height;
    height_ += height;
    rows_.push_back(std::move(r));
    return rows_.back();
}

void DebriefList::buildPrinciples(Context& ctx, const core::Scorecard& card, float left, float width, float top) {
    rows_.clear();
    top_ = top;
    height_ = 4;
    // Catalogue order (the seeds' order: trust 1-10, complaint steps 1-7, service practice), grouped.
    const core::Catalogue* cat = ctx.library.catalogue();
    auto rank = [cat](const std::string& id) -> std::pair<std::size_t, std::size_t> {
        if (cat == nullptr) return {0, 0};
        for (std::size_t i = 0; i < cat->principles.size(); ++i) {
            const core::Principle& p = cat->principles[i];
            if (p.id != id) continue;
            for (std::size_t g = 0; g < cat->groups.size(); ++g)
                if (cat->groups[g].id == p.group) return {g, i};
            return {cat->groups.size(), i};
        }
        return {cat->groups.size() + 1, 0};
    };
    std::vector<const core::PrincipleScore*> sorted;
    for (const core::PrincipleScore& p : card.principles) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const core::PrincipleScore* a, const core::PrincipleScore* b) { return rank(a->id) < rank(b->id); });
    const float nameW = width * 0.42f, barX = left + nameW + 16, barW = width - nameW - 110;
    std::size_t lastGroup = static_cast<std::size_t>(-1);
    for (const core::PrincipleScore* p : sorted) {
        const std::size_t group = rank(p->id).first;
        if (group != lastGroup && cat != nullptr && group < cat->groups.size()) {
            lastGroup = group;
            Label head(ctx.fonts.bold, ctx.text(cat->groups[group].name), theme::kSizeTiny, theme::kGold);
            Row& row = addRow(height_ > 8 ? 38.f : 26.f);
            head.setPosition(left, row.top + row.height - 22);
            row.labels.push_back(std::move(head));
        }
        Label name(ctx.fonts.regular, utf8(ctx.library.principleName(p->id, ctx.lang())), theme::kSizeSmall,
                   theme::kTextOnDark, nameW);
        // The principle's source as a citation, on its own line under the name and the bar.
        const std::string citation = ctx.library.principleCitation(p->id, ctx.lang());
        Label cite(ctx.fonts.regular, utf8(citation), theme::kSizeTiny, theme::kTextOnDarkMuted, width - 8);
        const float citeH = citation.empty() ? 0.f : cite.size().y + 6;
        const float h = std::max(36.f, name.size().y + 12);
        Row& row = addRow(h + citeH);
        name.setPosition(left, row.top + (h - name.size().y) / 2);
        if (!citation.empty()) {
            cite.setPosition(left, row.top + h - 4);
            row.labels.push_back(std::move(cite));
        }
        const float frac =
            p->achievable > 0 ? std::clamp(static_cast<float>(p->earned) / p->achievable, 0.f, 1.f) : 0.f;
        const float by = row.top + h / 2 - 6;
        row.shapes.emplace_back(sf::FloatRect{barX, by, barW, 12}, 6.f, sf::Color(255, 255, 255, 30));
        if (frac > 0)
            row.shapes.emplace_back(sf::FloatRect{barX, by, std::max(12.f, barW * frac), 12}, 6.f,
                                    theme::scale3(frac * 100.f));
        if (p->earned < 0) row.shapes.emplace_back(sf::FloatRect{barX, by, 12, 12}, 6.f, theme::kBad);
        Label value(ctx.fonts.bold, std::to_string(p->earned) + " / " + std::to_string(p->achievable),
                    theme::kSizeSmall, p->earned < 0 ? theme::kBad : theme::kTextOnDark);
        value.setPosition(left + width - value.size().x - 4, row.top + (h - value.size().y) / 2);
        row.labels.push_back(std::move(name));
        row.labels.push_back(std::move(value));
    }
}

void DebriefList::buildDecisions(Context& ctx, const core::Scorecard& card, const core::Scenario& scenario,
                                 float left, float width, float top) {
    rows_.clear();
    top_ = top;
    height_ = 4;
    const float scale = ctx.settings.textScale();
    int n = 0;
    for (const core::DecisionRecord& d : card.decisions) {
        ++n;
        int net = 0;
        for (const auto& [id, pts] : d.points) net += pts;
        Label head(ctx.fonts.bold,
                   ctx.trf(d.timeout ? "debrief.decision.timeout" : "debrief.decision",
                           {{"n", std::to_string(n)}, {"s", seconds(d.elapsedMs)}}),
                   theme::kSizeTiny, theme::kTextMuted);
        Label said(ctx.fonts.bold, d.timeout ? ctx.tr("play.timeout.said") : ctx.text(d.choiceText),
                   theme::kSizeSmall * scale, theme::kText, width - 48);
        Label feedback(ctx.fonts.regular, ctx.text(d.feedback), theme::kSizeSmall * scale, theme::kText, width - 48);
        std::vector<Label> chips;
        std::vector<sf::FloatRect> chipRects;
        std::vector<bool> positive;
        float cx = 0, cy = 0;
        for (const auto& [id, pts] : d.points) {
            if (pts == 0) continue;
            Label chip(ctx.fonts.bold,
                       utf8((pts > 0 ? "+" : "") + std::to_string(pts) + " " + ctx.library.principleName(id, ctx.lang())),
                       theme::kSizeTiny, pts > 0 ? theme::kGood : theme::kBad);
            const float cw = chip.size().x + 20;
            if (cx + cw > width - 48) { cx = 0; cy += 28; }
            chipRects.push_back({cx, cy, cw, 24});
            positive.push_back(pts > 0);
            chips.push_back(std::move(chip));
            cx += cw + 6;
        }
        const float chipsH = chips.empty() ? 0 : cy + 34;
        const float h = 18 + head.size().y + 6 + said.size().y + 8 + feedback.size().y + 10 + chipsH + 12;
        Row& row = addRow(h + 12);
        const float x = left + 24;
        float y = row.top + 16;
        row.shapes.emplace_back(sf::FloatRect{left, row.top, width, h}, 12.f, theme::kPaper);
        row.shapes.emplace_back(sf::FloatRect{left, row.top, 6, h}, 3.f,
                                net > 0 ? theme::kGood : (net < 0 ? theme::kBad : theme::kTeal));
        head.setPosition(x, y);
        y += head.size().y + 6;
        said.setPosition(x, y);
        y += said.size().y + 8;
        feedback.setPosition(x, y);
        y += feedback.size().y + 10;
        for (std::size_t i = 0; i < chips.size(); ++i) {
            const sf::FloatRect r(x + chipRects[i].left, y + chipRects[i].top, chipRects[i].width, 24);
            row.shapes.emplace_back(r, 12.f, theme::fade(positive[i] ? theme::kGood : theme::kBad, 0.14f));
            chips[i].setPosition(r.left + 10, r.top + 3);
        }
        row.labels.push_back(std::move(head));
        row.labels.push_back(std::move(said));
        row.labels.push_back(std::move(feedback));
        for (Label& c : chips) row.labels.push_back(std::move(c));
    }
    (void)scenario;
}

void DebriefList::buildBestPath(Context& ctx, const core::Analysis& analysis, const core::Scenario& scenario,
                                float left, float width, float top) {
    rows_.clear();
    top_ = top;
    height_ = 4;
    const float scale = ctx.settings.textScale();
    Label intro(ctx.fonts.regular,
                ctx.trf("debrief.best.intro", {{"total", std::to_string(analysis.best.total)}}),
                theme::kSizeSmall, theme::kTextOnDarkMuted, width);
    Row& first = addRow(intro.size().y + 16);
    intro.setPosition(left, first.top);
    first.labels.push_back(std::move(intro));
    int n = 0;
    for (const core::PathStep& step : analysis.best.steps) {
        const core::Node* node = scenario.findNode(step.nodeId);
        if (node == nullptr) continue;
        ++n;
        sf::String text;
        if (step.choiceIndex == core::kTimeoutChoice) text = ctx.tr("play.timeout.said");
        else if (step.choiceIndex >= 0 && static_cast<std::size_t>(step.choiceIndex) < node->choices.size())
            text = ctx.text(node->choices[static_cast<std::size_t>(step.choiceIndex)].text);
        Label num(ctx.fonts.bold, std::to_string(n), theme::kSizeSmall, sf::Color::White);
        Label body(ctx.fonts.regular, text, theme::kSizeSmall * scale, theme::kText, width - 80);
        const float h = std::max(48.f, body.size().y + 24);
        Row& row = addRow(h + 10);
        row.shapes.emplace_back(sf::FloatRect{left, row.top, width, h}, 12.f, theme::kPaper);
        row.shapes.emplace_back(sf::FloatRect{left + 14, row.top + h / 2 - 15, 30, 30}, 15.f, theme::kTeal);
        num.setPosition(left + 29 - num.size().x / 2, row.top + h / 2 - num.size().y / 2);
        body.setPosition(left + 60, row.top + (h - body.size().y) / 2);
        row.labels.push_back(std::move(num));
        row.labels.push_back(std::move(body));
    }
    if (const core::Node* end = scenario.findNode(analysis.best.endingNode); end && end->ending) {
        Label last(ctx.fonts.bold, ctx.trf("debrief.best.ending", {{"title", end->ending->title.in(ctx.lang())}}),
                   theme::kSizeSmall, theme::kGold, width);
        Row& row = addRow(last.size().y + 20);
        last.setPosition(left, row.top + 8);
        row.labels.push_back(std::move(last));
    }
}

void DebriefList::draw(sf::RenderTarget& target, float viewTop, float viewBottom) const {
    for (const Row& row : rows_) {
        if (row.top + row.height < viewTop || row.top > viewBottom) continue;
        for (const RoundedRect& s : row.shapes) target.draw(s);
        for (const Label& l : row.labels) target.draw(l);
    }
}

}  // namespace counterplay::app
