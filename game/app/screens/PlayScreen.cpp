#include "screens/PlayScreen.h"

#include <algorithm>
#include <sstream>

#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Shuffle.h"
#include "platform/Log.h"
#include "screens/DebriefData.h"
#include "ui/RoundedRect.h"
#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

namespace {
constexpr unsigned kBench = 16;
constexpr float kBlendSeconds = 0.35f;
constexpr float kCustomerHeight = 720.f;
}  // namespace

PlayScreen::PlayScreen(Context& ctx, const ScenarioEntry& entry, const Autosave* resume)
    : Screen(ctx), entry_(entry), clock_(ctx.steadyClock) {
    if (!entry.trial) ctx.lastScenarioId = entry.scenario->id;
    hud_.setup(ctx, *entry.scenario);
    dialogue_.setup(ctx);
    choices_.setup(ctx);
    feedback_.setup(ctx);
    pause_.setup(ctx);
    history_.setup(ctx);
    notice_ = Label(ctx.fonts.bold, "", theme::kSizeSmall, theme::kTextOnDark, 900.f);
    if (ctx.window != nullptr) {  // paint the art now so the first frames do not stall
        ctx.art->prepareBackground(*ctx.window, entry.scenario->setting, {0, 0, theme::kWidth, theme::kHeight});
        ctx.art->prepareCustomer(*ctx.window, entry.scenario->customer.look, kCustomerHeight);
    }
    if (resume != nullptr) {
        std::string error;
        session_ = core::Session::restore(entry.scenario, clock_, resume->snapshot, error);
        if (session_) {
            startedAtMs_ = resume->startedAtMs;
            notice_.setString(ctx.tr("play.resumed"));
        } else {
            logLine("could not resume the autosave: " + error);
            notice_.setString(ctx.trf("play.resume.failed", {{"error", error}}));
        }
        noticeTime_ = 4.f;
    }
    if (!session_) {
        // Every new attempt shows the choices in a fresh order; the seed is in the transcript, so
        // a resume (above) and a replay show the same order again.
        session_ =
            std::make_unique<core::Session>(entry.scenario, clock_, core::randomShuffleSeed());
        startedAtMs_ = core::nowEpochMs();
    }
    hud_.setMeters(session_->state().mood, session_->state().trust, true);
    enterNode();
    blend_ = 1.f;
    save();
}

PlayScreen::~PlayScreen() = default;

std::string PlayScreen::id() const {
    if (pause_.visible()) return "play-pause";
    if (history_.visible()) return "play-history";
    if (feedback_.visible()) return "play-feedback";
    return "play";
}

std::string PlayScreen::debugInfo() const {
    std::ostringstream out;
    const core::State& s = session_->state();
    out << "scenario: " << entry_.scenario->id << "\nnode: " << session_->currentNode().id
        << "  line " << lineIndex_ + 1 << "\nmood " << s.mood << "  trust " << s.trust;
    for (const auto& [k, v] : s.flags) out << "\n" << k << " = " << (v ? "true" : "false");
    for (const auto& [k, v] : s.counters) out << "\n" << k << " = " << v;
    if (auto r = session_->remainingMs()) out << "\ntimer: " << *r << " ms";
    out << "\ndecisions: " << session_->transcript().decisions.size();
    return out.str();
}

void PlayScreen::setBenchLoop(bool on) {
    benchLoop_ = on;
    setPaused(kBench, on);
}

void PlayScreen::setPaused(unsigned reason, bool on) {
    const unsigned before = paused_;
    paused_ = on ? (paused_ | reason) : (paused_ & ~reason);
    if (before == 0 && paused_ != 0) clock_.pause();
    if (before != 0 && paused_ == 0) clock_.resume();
}

std::string PlayScreen::expressionFor(const core::Line& line) const {
    if (!line.expression.empty()) return line.expression;
    if (line.speaker != "customer") return expression_;
    const int mood = session_->state().mood;
    if (mood < 20) return "angry";
    if (mood < 40) return "annoyed";
    if (mood < 60) return "neutral";
    if (mood < 80) return "relieved";
    return "happy";
}

void PlayScreen::setExpression(const std::string& expression) {
    if (expression == expression_) return;
    previousExpression_ = expression_;
    expression_ = expression;
    blend_ = 0.f;
}

void PlayScreen::enterNode() {
    const core::Node& node = session_->currentNode();
    shownNode_ = session_->scenario().nodeIndex.count(node.id) ? session_->scenario().nodeIndex.at(node.id) : 0;
    lineIndex_ = 0;
    choices_.hide();
    phase_ = Phase::Lines;
    if (node.lines.empty()) afterLines();
    else showLine();
}

void PlayScreen::showLine() { showLine(session_->currentNode()); }

void PlayScreen::showLine(const core::Node& node) {
    const core::Line& line = node.lines[std::min(lineIndex_, node.lines.size() - 1)];
    const bool narrator = line.speaker == "narrator";
    sf::String speaker;
    if (line.speaker == "customer") speaker = ctx_.text(session_->scenario().customer.name);
    else if (line.speaker == "staff") speaker = ctx_.tr("play.staff");
    dialogue_.show(speaker, ctx_.text(line.text), narrator, ctx_.settings.textScale());
    dialogue_.setHint(node.lines.size() > 1
                          ? sf::String(std::to_string(lineIndex_ + 1) + " / " + std::to_string(node.lines.size()))
                          : sf::String());
    setExpression(expressionFor(line));
}

void PlayScreen::advance() {
    if (!dialogue_.isComplete()) {
        dialogue_.complete();
        return;
    }
    const core::Node& node = session_->currentNode();
    if (lineIndex_ + 1 < node.lines.size()) {
        ++lineIndex_;
        showLine();
    }
}

void PlayScreen::afterLines() {
    const core::Node& node = session_->currentNode();
    if (node.isEnding()) {
        phase_ = Phase::Ending;
        endButton_.setup(ctx_.fonts.bold, ctx_.tr("play.debrief"),
                         {880, dialogue_.top() - 84, 340, 56}, ButtonStyle::Primary, theme::kSizeBody);
        endButton_.setFocused(true);
        return;
    }
    available_ = session_->shownChoices();  // number keys 1..N pick in this order
    std::vector<sf::String> texts;
    for (std::size_t i : available_) texts.push_back(ctx_.text(node.choices[i].text));
    if (texts.empty() && !node.timeLimit) {
        notice_.setString(ctx_.tr("play.stuck"));
        noticeTime_ = 1e9f;
    }
    choices_.show(texts, ctx_.settings.textScale(), dialogue_.top());
    phase_ = Phase::Choosing;
    std::string ids;  // shown order: the app test reads this to press the right number key
    for (std::size_t i : available_) ids += " " + node.choices[i].id;
    logLine("choices node=" + node.id + " ids=" + ids);
}

void PlayScreen::decide(std::size_t displayIndex) {
    if (displayIndex >= available_.size()) return;
    const std::size_t choiceIndex = available_[displayIndex];
    if (!session_->choose(choiceIndex)) return;
    afterDecision(false);
}

void PlayScreen::showFeedback() {
    const core::Node& before = session_->scenario().nodes[shownNode_];
    const core::Decision& d = session_->transcript().decisions.back();
    if (d.choiceIndex == core::kTimeoutChoice && before.timeLimit) {
        feedback_.show(ctx_.tr("play.timeout.said"), before.timeLimit->feedback, before.timeLimit->points, true,
                       ctx_.settings.textScale());
    } else if (d.choiceIndex >= 0 && static_cast<std::size_t>(d.choiceIndex) < before.choices.size()) {
        const core::Choice& c = before.choices[static_cast<std::size_t>(d.choiceIndex)];
        feedback_.show(ctx_.trf("feedback.said", {{"text", c.text.in(ctx_.lang())}}), c.feedback, c.points, false,
                       ctx_.settings.textScale());
    }
}

void PlayScreen::afterDecision(bool timeout) {
    save();  // before anything else: a crash from here on resumes after this decision
    const auto& decisions = session_->transcript().decisions;
    logLine("decision " + std::to_string(decisions.size()) + ": " + decisions.back().choiceId);
    const core::State& s = session_->state();
    hud_.setMeters(s.mood, s.trust, false);
    choices_.hide();
    if (ctx_.settings.mode == PlayMode::Coach) {
        showFeedback();
        setPaused(kFeedback, true);
        phase_ = Phase::Feedback;
        return;
    }
    if (timeout) {
        notice_.setString(ctx_.tr("play.timeout.notice"));
        noticeTime_ = 2.5f;
    }
    enterNode();
}

void PlayScreen::finish() {
    if (phase_ == Phase::Leaving) return;
    phase_ = Phase::Leaving;
    auto data = std::make_unique<DebriefData>();
    data->entry = &entry_;
    data->scorecard = core::computeScorecard(*entry_.analysis, *session_);
    data->transcript = session_->transcript();
    if (entry_.trial) {
        // Played from the editor: the trainer trying a scene is no trainee's result.
        logLine("trial attempt not recorded: " + std::to_string(data->scorecard.percent) + "%, " +
                (data->scorecard.passed ? "passed" : "failed"));
        ctx_.nav->goDebrief(std::move(data));
        return;
    }
    core::NewAttempt attempt;
    attempt.traineeName = ctx_.settings.traineeName;
    attempt.traineeKey = ctx_.traineeKey();
    attempt.lang = core::langCode(ctx_.lang());
    attempt.scorecard = data->scorecard;
    attempt.transcript = data->transcript;
    attempt.scoredHere = true;  // computeScorecard over the session that made the transcript
    attempt.startedAtMs = startedAtMs_;
    attempt.endedAtMs = core::nowEpochMs();
    data->attemptId = ctx_.progress.record(attempt, data->storeError);
    if (data->attemptId >= 0) {
        clearAutosave(ctx_.paths.autosaveFile());
        logLine("attempt stored: id " + std::to_string(data->attemptId) + ", " +
                std::to_string(data->scorecard.percent) + "%, " + (data->scorecard.passed ? "passed" : "failed"));
    }
    ctx_.nav->goDebrief(std::move(data));
}

void PlayScreen::save() {
    // A trial from the editor keeps no autosave: it must not replace the trainee's resume.
    if (phase_ == Phase::Leaving || benchLoop_ || entry_.trial) return;
    Autosave a;
    a.scenarioPath = entry_.path;
    a.scenarioId = entry_.scenario->id;
    a.traineeName = ctx_.settings.traineeName;
    a.traineeKey = ctx_.traineeKey();
    a.lang = core::langCode(ctx_.lang());
    a.startedAtMs = startedAtMs_;
    a.snapshot = session_->snapshot();
    writeAutosave(ctx_.paths.autosaveFile(), a);
}

void PlayScreen::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    const bool key = event.type == sf::Event::KeyPressed;
    if (history_.visible()) {
        if (history_.handleEvent(event, mouse)) {
            history_.close();
            setPaused(kHistory, false);
        }
        return;
    }
    if (pause_.visible()) {
        switch (pause_.handleEvent(event, mouse)) {
        case PauseMenu::kResume: pause_.close(); setPaused(kMenu, false); break;
        case PauseMenu::kSettings: ctx_.nav->openSettings(); break;
        case PauseMenu::kHistory:
            history_.open(*session_, lineIndex_ + 1);
            setPaused(kHistory, true);
            break;
        case PauseMenu::kRestart: ctx_.nav->goPlay(entry_, nullptr); break;
        case PauseMenu::kQuit:
            save();
            if (entry_.trial) ctx_.nav->returnToEditor();
            else ctx_.nav->goSelect();
            break;
        default: break;
        }
        return;
    }
    if (key && event.key.code == sf::Keyboard::Escape) {
        pause_.open();
        setPaused(kMenu, true);
        return;
    }
    if (key && event.key.code == sf::Keyboard::M) {  // meters on/off, remembered
        ctx_.settings.showMeters = !ctx_.settings.showMeters;
        saveSettings(ctx_.paths.settingsFile(), ctx_.settings);
        return;
    }
    if (key && event.key.code == sf::Keyboard::H) {
        history_.open(*session_, phase_ == Phase::Lines ? lineIndex_ + 1 : static_cast<std::size_t>(-1));
        setPaused(kHistory, true);
        return;
    }
    if (phase_ == Phase::Feedback) {
        if (feedback_.handleEvent(event, mouse)) {
            feedback_.hide();
            setPaused(kFeedback, false);
            enterNode();
        }
        return;
    }
    const bool advanceKey = key && (event.key.code == sf::Keyboard::Space || event.key.code == sf::Keyboard::Enter);
    const bool click = event.type == sf::Event::MouseButtonReleased && event.mouseButton.button == sf::Mouse::Left &&
                       mouse.y > 62;
    if (phase_ == Phase::Lines) {
        if (advanceKey || click) advance();
        return;
    }
    if (phase_ == Phase::Choosing) {
        const int chosen = choices_.handleEvent(event, mouse);
        if (chosen >= 0) decide(static_cast<std::size_t>(chosen));
        return;
    }
    if (phase_ == Phase::Ending) {
        if (!dialogue_.isComplete() && (advanceKey || click)) {
            dialogue_.complete();
            return;
        }
        if (advanceKey || (click && endButton_.hit(mouse))) finish();
    }
}

void PlayScreen::update(float dt, sf::Vector2f mouse) {
    if (phase_ != settledPhase_) {
        settledPhase_ = phase_;
        settle_ = 0.f;
    }
    settle_ += dt;
    blend_ = std::min(1.f, blend_ + dt / kBlendSeconds);
    noticeTime_ = std::max(0.f, noticeTime_ - dt);
    dialogue_.update(paused_ & (kMenu | kHistory) ? 0.f : dt, ctx_.settings.charsPerSecond());
    if (benchLoop_ && dialogue_.isComplete()) showLine();
    if ((phase_ == Phase::Lines || phase_ == Phase::Choosing) && session_->update()) afterDecision(true);
    if (phase_ == Phase::Lines && dialogue_.isComplete() &&
        lineIndex_ + 1 >= session_->currentNode().lines.size())
        afterLines();
    hud_.setTimer(session_->remainingMs(),
                  session_->currentNode().timeLimit ? session_->currentNode().timeLimit->seconds * 1000LL : 1,
                  paused_ != 0);
    hud_.update(dt);
    choices_.update(dt, mouse);
    feedback_.update(dt, mouse);
    pause_.update(dt, mouse);
    history_.update(dt, mouse);
    if (phase_ == Phase::Ending) endButton_.update(dt, endButton_.hit(mouse));
}

bool PlayScreen::overlaid() const { return pause_.visible() || history_.visible() || noticeTime_ > 0.f; }

bool PlayScreen::settled() const {
    if (!choices_.settled() || !feedback_.settled()) return false;
    // The end button appears with the ending.
    return phase_ != Phase::Ending || (settle_ >= 0.3f && endButton_.settled());
}

bool PlayScreen::markerShown() const {
    const bool moreLines = lineIndex_ + 1 < session_->currentNode().lines.size();
    return phase_ == Phase::Lines && dialogue_.isComplete() && moreLines;
}

bool PlayScreen::damage(std::vector<sf::FloatRect>& out) const {
    // Only the calm states of a conversation are tracked piece by piece; anything that moves
    // as a whole (a phase change and what slides or fades in after it, the menus, a notice, an
    // expression cross-fade, easing meters) redraws the whole screen.
    if (!drawn_.valid || drawn_.phase != phase_) return false;
    if (phase_ == Phase::Leaving || overlaid() || drawn_.overlaid) return false;
    // Animations that move as a whole must have ended before the last draw, not just now.
    if (!drawn_.settled || !settled()) return false;
    if (dialogue_.serial() != drawn_.dialogueSerial) return false;
    const std::size_t revealed = dialogue_.revealedCount();
    if (revealed < drawn_.revealed) return false;
    if (revealed > drawn_.revealed) out.push_back(dialogue_.charactersRect(drawn_.revealed, revealed));
    if (markerShown() || drawn_.marker) out.push_back(dialogue_.markerArea());
    hud_.damage(out, ctx_.time);
    feedback_.damage(out);
    const art::CustomerPose pose = art::ArtLibrary::customerPose(*ctx_.window, ctx_.time, kCustomerHeight);
    const bool faceChanged = blend_ < 1.f || drawn_.blend < 1.f || expression_ != drawn_.expression;
    if (!(pose == drawn_.pose) || faceChanged) {
        // Breathing rescales the whole figure by a pixel; a blink or a change of expression
        // (cross-faded) only changes the face.
        const sf::FloatRect r = pose.breath != drawn_.pose.breath ? customerDrawn_.body : customerDrawn_.face;
        if (r.width <= 0.f) return false;
        out.push_back({r.left - 6, r.top - 6, r.width + 12, r.height + 12});
    }
    return true;
}

void PlayScreen::draw(sf::RenderTarget& target) {
    const core::Scenario& s = session_->scenario();
    ctx_.art->drawBackground(target, s.setting, {0, 0, theme::kWidth, theme::kHeight});
    const sf::FloatRect body = customerDrawn_.body;
    if (body.width <= 0.f || inClip({body.left - 6, body.top - 6, body.width + 12, body.height + 12}))
        customerDrawn_ = ctx_.art->drawCustomer(target, s.customer.look, expression_, previousExpression_,
                                                blend_, ctx_.time, {340, 800}, kCustomerHeight);
    if (inClip(PlayHud::bounds())) hud_.draw(target, ctx_.time);
    if (inClip({12, 64, 200, 80}))
        ctx_.art->drawNameTag(target, ctx_.fonts.bold, utf8(ctx_.settings.traineeName), {24, 76}, 0.8f);
    const bool marker = markerShown();
    if (inClip(dialogue_.bounds())) dialogue_.draw(target, ctx_.time, marker);
    drawn_.valid = true;
    drawn_.settled = settled();
    drawn_.overlaid = overlaid();
    drawn_.phase = phase_;
    drawn_.dialogueSerial = dialogue_.serial();
    drawn_.revealed = dialogue_.revealedCount();
    drawn_.marker = marker;
    drawn_.expression = expression_;
    drawn_.blend = blend_;
    drawn_.pose = art::ArtLibrary::customerPose(target, ctx_.time, kCustomerHeight);
    choices_.draw(target);
    if (phase_ == Phase::Ending) endButton_.draw(target);
    if (noticeTime_ > 0.f && !notice_.string().isEmpty()) {
        const sf::Vector2f ns = notice_.size();
        const float a = std::min(1.f, noticeTime_ * 2.f);
        const sf::FloatRect r((theme::kWidth - ns.x) / 2 - 24, 136, ns.x + 48, ns.y + 20);
        fillRounded(target, r, r.height / 2, theme::fade(theme::kInk, 0.92f * a));
        notice_.setPosition(r.left + 24, r.top + 9);
        notice_.setColor(theme::fade(theme::kTextOnDark, a));
        target.draw(notice_);
    }
    feedback_.draw(target);
    history_.draw(target);
    pause_.draw(target);
}

void PlayScreen::relayout() {
    hud_.relayout(session_->scenario());
    pause_.relayout();
    if (phase_ == Phase::Feedback) {
        // The decision's node is still on screen under the card; its next node is not shown yet.
        const core::Node& before = session_->scenario().nodes[shownNode_];
        if (!before.lines.empty()) showLine(before);
        dialogue_.complete();
        showFeedback();
    } else if (phase_ != Phase::Leaving) {
        const core::Node& node = session_->currentNode();
        if (!node.lines.empty()) {
            lineIndex_ = std::min(lineIndex_, node.lines.size() - 1);
            showLine();
            dialogue_.complete();
        }
        if (phase_ == Phase::Choosing || phase_ == Phase::Ending) afterLines();
    }
    if (history_.visible()) history_.open(*session_, lineIndex_ + 1);
}

void PlayScreen::onShow() { relayout(); }

void PlayScreen::onFocusLost() { setPaused(kFocus, true); }
void PlayScreen::onFocusGained() { setPaused(kFocus, false); }

void PlayScreen::onClose() { save(); }

}  // namespace counterplay::app
