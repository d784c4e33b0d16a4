#include "screens/HistoryPanel.h"

#include <algorithm>
#include <set>

#include "counterplay/core/CohortReport.h"
#include "counterplay/core/Coaching.h"
#include "ui/Backdrop.h"
#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

namespace {
constexpr float kX = 200, kW = 880, kTop = 56, kH = 610, kListTop = kTop + 80;
}

void HistoryPanel::addEntry(const sf::String& who, const sf::String& text, int kind, float& y) {
    Context& ctx = *ctx_;
    Entry e;
    const float scale = ctx.settings.textScale();
    const bool mine = kind == 2 || kind == 3;
    const float x = mine ? kX + 150 : kX + 40;
    const float w = kW - 190;
    e.kind = kind;
    e.who = Label(ctx.fonts.bold, who, theme::kSizeTiny * scale, mine ? theme::kAccentHover : theme::kGold);
    e.text = Label(ctx.fonts.regular, text, theme::kSizeSmall * scale,
                   kind == 1 ? theme::kTextOnDarkMuted : theme::kTextOnDark, w - 32);
    e.who.setPosition(x + 16, y + 10);
    e.text.setPosition(x + 16, y + 12 + e.who.size().y + 2);
    e.y = y;
    e.height = e.who.size().y + e.text.size().y + 28;
    y += e.height + 10;
    entries_.push_back(std::move(e));
}

void HistoryPanel::addCoaching(const std::string& scenarioId, float& y) {
    Context& ctx = *ctx_;
    core::ResultsStore* store = ctx.progress.store();
    if (store == nullptr) return;
    // Only this trainee's own notes and sign-offs (by their key), never anyone else's.
    const std::string key = ctx.traineeKey();
    try {
        core::AttemptFilter mine;
        mine.traineeKey = key;
        mine.scenarioId = scenarioId;
        std::set<std::int64_t> here;
        for (const auto& a : store->listAttempts(mine)) here.insert(a.id);
        const sf::String coach = ctx.tr("history.coach");
        for (const core::CoachingNote& n : core::notesForTrainee(*store, key)) {
            if (!here.count(n.attemptId)) continue;
            const std::string where =
                n.decisionIndex < 0 ? ctx.str("history.coach.whole")
                                    : ctx.strings.format("history.coach.step", ctx.lang(),
                                                         {{"n", std::to_string(n.decisionIndex + 1)}});
            addEntry(coach + utf8(" \xC2\xB7 " + n.author),
                     utf8(where + ": " + n.text), 4, y);
        }
        for (const core::SignOff& o : core::signOffs(*store, key)) {
            if (o.revoked) continue;
            addEntry(coach + utf8(" \xC2\xB7 " + o.manager),
                     ctx.trf("history.signoff",
                             {{"what", o.principleId.empty() ? ctx.str("history.signoff.all") : o.principleId},
                              {"date", core::localDateTime(o.signedAtMs).substr(0, 10)}}),
                     4, y);
        }
    } catch (const std::exception&) {
        // The conversation is shown without the coaching when the database cannot be read.
    }
}

void HistoryPanel::open(const core::Session& session, std::size_t linesShown) {
    Context& ctx = *ctx_;
    entries_.clear();
    const core::Scenario& s = session.scenario();
    const auto& decisions = session.transcript().decisions;
    const auto& visited = session.visited();
    float y = kListTop + 4;
    const sf::String customer = ctx.text(s.customer.name);
    const sf::String you = utf8(ctx.settings.traineeName.empty() ? ctx.str("history.you") : ctx.settings.traineeName);
    addCoaching(s.id, y);
    for (std::size_t v = 0; v < visited.size(); ++v) {
        const core::Node* node = s.findNode(visited[v]);
        if (node == nullptr) continue;
        const bool current = v + 1 == visited.size();
        const std::size_t lines = current ? std::min(linesShown, node->lines.size()) : node->lines.size();
        for (std::size_t l = 0; l < lines; ++l) {
            const core::Line& line = node->lines[l];
            const bool narrator = line.speaker == "narrator";
            const sf::String who = narrator ? ctx.tr("history.narrator")
                                            : (line.speaker == "staff" ? ctx.tr("play.staff") : customer);
            addEntry(who, ctx.text(line.text), narrator || line.speaker == "staff" ? 1 : 0, y);
        }
        if (v < decisions.size()) {
            const core::Decision& d = decisions[v];
            if (d.choiceIndex == core::kTimeoutChoice) {
                addEntry(you, ctx.tr("history.timeout"), 3, y);
            } else if (d.choiceIndex >= 0 && static_cast<std::size_t>(d.choiceIndex) < node->choices.size()) {
                addEntry(you, ctx.text(node->choices[d.choiceIndex].text), 2, y);
            }
        }
    }
    scroll_.setRegion({kX, kListTop, kW, kTop + kH - kListTop - 16});
    scroll_.setContentHeight(y - kListTop + 8);
    scroll_.scrollTo(1e6f, true);  // newest at the bottom, in view
    panel_.set({kX, kTop, kW, kH}, theme::kRadius + 4);
    panel_.setGradient(sf::Color(34, 40, 60, 250), sf::Color(26, 30, 46, 250));
    panel_.setOutline(sf::Color(255, 255, 255, 30), 1.5f);
    heading_ = Label(ctx.fonts.bold, ctx.tr("history.heading"), theme::kSizeHeading, theme::kTextOnDark);
    heading_.setPosition(kX + 32, kTop + 24);
    hint_ = Label(ctx.fonts.regular, ctx.tr("history.hint"), theme::kSizeTiny, theme::kTextOnDarkMuted);
    hint_.setPosition(kX + 34 + heading_.size().x + 16, kTop + 34);
    close_.setup(ctx.fonts.regular, ctx.tr("history.close"), {kX + kW - 140, kTop + 20, 110, 40},
                 ButtonStyle::Secondary, theme::kSizeSmall);
    visible_ = true;
    age_ = 0.f;
}

bool HistoryPanel::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    if (!visible_) return false;
    if (event.type == sf::Event::KeyPressed &&
        (event.key.code == sf::Keyboard::Escape || event.key.code == sf::Keyboard::H ||
         event.key.code == sf::Keyboard::Enter))
        return true;
    if (event.type == sf::Event::MouseButtonReleased && close_.hit(mouse)) return true;
    scroll_.handleEvent(event, mouse, true);
    return false;
}

void HistoryPanel::update(float dt, sf::Vector2f mouse) {
    if (!visible_) return;
    age_ += dt;
    scroll_.update(dt);
    close_.update(dt, close_.hit(mouse));
}

void HistoryPanel::draw(sf::RenderTarget& target) const {
    if (!visible_) return;
    const float t = std::min(1.f, age_ / 0.2f);
    drawScrim(target, theme::fade(theme::kScrim, t));
    drawShadow(target, panel_.rect(), theme::kRadius + 4, 1.5f);
    target.draw(panel_);
    target.draw(heading_);
    target.draw(hint_);
    close_.draw(target);
    scroll_.begin(target);
    const float top = scroll_.offset() + kListTop, bottom = top + scroll_.region().height;
    for (const Entry& e : entries_) {
        if (e.y + e.height < top || e.y > bottom) continue;
        const bool mine = e.kind == 2 || e.kind == 3;
        const float x = mine ? kX + 150 : kX + 40;
        bubble_.set({x, e.y, kW - 190, e.height}, 12);
        bubble_.setFill(e.kind == 4   ? sf::Color(233, 196, 106, 36)
                        : e.kind == 1 ? sf::Color(255, 255, 255, 10)
                        : mine ? sf::Color(231, 111, 81, 44) : sf::Color(255, 255, 255, 22));
        target.draw(bubble_);
        target.draw(e.who);
        target.draw(e.text);
    }
    scroll_.end(target);
    scroll_.drawScrollbar(target, theme::kTextOnDarkMuted);
}

}  // namespace counterplay::app
