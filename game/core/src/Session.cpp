// The session runner: one decision at a time over the scenario graph, timed by an injected clock.
#include "counterplay/core/Session.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "counterplay/core/Shuffle.h"

namespace counterplay::core {

namespace {

std::int64_t limitMs(const TimeLimit& t) { return static_cast<std::int64_t>(t.seconds) * 1000; }

/// Replays `decisions` into a session driven by `clock`: each choice after its recorded elapsed
/// time, each timeout exactly when its limit runs out. Returns false with `error` on mismatch.
bool replayDecisions(Session& session, ManualClock& clock, const std::vector<Decision>& decisions,
                     std::string& error) {
    for (std::size_t n = 0; n < decisions.size(); ++n) {
        const Decision& d = decisions[n];
        const std::string where = "decision " + std::to_string(n + 1) + ": ";
        if (session.finished()) {
            error = where + "the scenario had already ended at node '" +
                    session.currentNode().id + "'";
            return false;
        }
        const Node& node = session.currentNode();
        if (d.nodeId != node.id) {
            error = where + "the transcript is at node '" + d.nodeId +
                    "' but the scenario is at node '" + node.id + "'";
            return false;
        }
        if (d.choiceIndex == kTimeoutChoice) {
            if (!node.timeLimit) {
                error = where + "a timeout at node '" + node.id + "', which has no time limit";
                return false;
            }
            clock.advance(std::max<std::int64_t>(0, limitMs(*node.timeLimit) -
                                                        session.elapsedInNodeMs()));
            if (!session.update()) {
                error = where + "the timeout at node '" + node.id + "' did not fire";
                return false;
            }
            continue;
        }
        if (d.choiceIndex < 0 || static_cast<std::size_t>(d.choiceIndex) >= node.choices.size()) {
            error = where + "node '" + node.id + "' has no choice number " +
                    std::to_string(d.choiceIndex);
            return false;
        }
        const Choice& choice = node.choices[static_cast<std::size_t>(d.choiceIndex)];
        if (!d.choiceId.empty() && d.choiceId != choice.id) {
            error = where + "choice " + std::to_string(d.choiceIndex) + " of node '" + node.id +
                    "' is '" + choice.id + "', not '" + d.choiceId + "'";
            return false;
        }
        if (d.elapsedMs < 0) {
            error = where + "negative elapsed time";
            return false;
        }
        clock.advance(d.elapsedMs);
        if (!session.choose(static_cast<std::size_t>(d.choiceIndex))) {
            error = where + "choice '" + choice.id + "' was not available" +
                    (node.timeLimit && d.elapsedMs >= limitMs(*node.timeLimit)
                         ? " (taken after the time limit)"
                         : " (its condition is false)");
            return false;
        }
    }
    return true;
}

bool sameContent(const Scenario& sc, const Transcript& t, std::string& error) {
    if (!t.scenarioId.empty() && !sc.id.empty() && t.scenarioId != sc.id) {
        error = "the transcript is for scenario '" + t.scenarioId + "', not '" + sc.id + "'";
        return false;
    }
    if (!t.contentHash.empty() && !sc.contentHash.empty() && t.contentHash != sc.contentHash) {
        error = "the transcript was recorded on another version of scenario '" + sc.id +
                "' (content hash differs)";
        return false;
    }
    return true;
}

}  // namespace

Session::Session(std::shared_ptr<const Scenario> scenario, const Clock& clock,
                 std::optional<std::uint64_t> shuffleSeed)
    : scenario_(std::move(scenario)), clock_(&clock), state_(State::initial(*scenario_)) {
    transcript_.scenarioId = scenario_->id;
    transcript_.contentHash = scenario_->contentHash;
    transcript_.shuffleSeed = shuffleSeed;
    entries_.assign(scenario_->nodes.size(), 0);
    const std::size_t start = scenario_->resolve(scenario_->start, scenario_->startIndex);
    if (start >= scenario_->nodes.size())
        throw std::invalid_argument("scenario '" + scenario_->id + "' has no start node '" +
                                    scenario_->start + "'");
    enter(start);
}

const Node& Session::currentNode() const { return scenario_->nodes[current_]; }

bool Session::finished() const { return currentNode().isEnding(); }

bool Session::stuck() const {
    if (finished() || currentNode().timeLimit) return false;
    return availableChoices().empty();
}

std::vector<std::size_t> Session::availableChoices() const {
    std::vector<std::size_t> out;
    if (finished()) return out;
    const Node& node = currentNode();
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
        const Choice& c = node.choices[i];
        if (!c.condition || c.condition->evaluate(state_)) out.push_back(i);
    }
    return out;
}

std::vector<std::size_t> Session::shownChoices() const {
    std::vector<std::size_t> out;
    if (finished()) return out;
    const Node& node = currentNode();
    for (std::size_t i : order_) {
        const Choice& c = node.choices[i];
        if (!c.condition || c.condition->evaluate(state_)) out.push_back(i);
    }
    return out;
}

bool Session::choose(std::size_t choiceIndex) {
    if (finished()) return false;
    const Node& node = currentNode();
    if (choiceIndex >= node.choices.size()) return false;
    const Choice& c = node.choices[choiceIndex];
    if (c.condition && !c.condition->evaluate(state_)) return false;
    if (node.timeLimit && elapsedInNodeMs() >= limitMs(*node.timeLimit)) return false;
    if (scenario_->resolve(c.next, c.nextIndex) >= scenario_->nodes.size()) return false;
    take(static_cast<int>(choiceIndex));
    return true;
}

bool Session::update() {
    if (finished()) return false;
    const Node& node = currentNode();
    if (!node.timeLimit || elapsedInNodeMs() < limitMs(*node.timeLimit)) return false;
    if (scenario_->resolve(node.timeLimit->next, node.timeLimit->nextIndex) >=
        scenario_->nodes.size())
        return false;
    take(kTimeoutChoice);
    return true;
}

std::optional<std::int64_t> Session::remainingMs() const {
    if (finished() || !currentNode().timeLimit) return std::nullopt;
    return std::max<std::int64_t>(0, limitMs(*currentNode().timeLimit) - elapsedInNodeMs());
}

std::int64_t Session::elapsedInNodeMs() const {
    return std::max<std::int64_t>(0, clock_->nowMs() - nodeEnteredMs_);
}

void Session::take(int choiceIndex) {
    const Node& node = currentNode();
    Decision d;
    d.nodeId = node.id;
    d.choiceIndex = choiceIndex;
    std::size_t next = 0;
    if (choiceIndex == kTimeoutChoice) {
        const TimeLimit& t = *node.timeLimit;
        d.choiceId = node.id + ".timeout";
        // Exactly the limit, whenever update() noticed it: replays are deterministic.
        d.elapsedMs = limitMs(t);
        state_.apply(t.effects);
        takenTags_.push_back(t.tags);
        next = scenario_->resolve(t.next, t.nextIndex);
    } else {
        const Choice& c = node.choices[static_cast<std::size_t>(choiceIndex)];
        d.choiceId = c.id;
        d.elapsedMs = elapsedInNodeMs();
        state_.apply(c.effects);
        takenTags_.push_back(c.tags);
        next = scenario_->resolve(c.next, c.nextIndex);
    }
    transcript_.decisions.push_back(std::move(d));
    enter(next);
}

void Session::enter(std::size_t nodeIndex) {
    current_ = nodeIndex;
    nodeEnteredMs_ = clock_->nowMs();
    const Node& node = scenario_->nodes[nodeIndex];
    visited_.push_back(node.id);
    // The order is fixed on entry (the state cannot change while the node is shown); it covers
    // every choice, so a condition does not move the others.
    const std::uint32_t entry = entries_[nodeIndex]++;
    if (transcript_.shuffleSeed && node.shuffle) {
        order_ = shuffledOrder(*transcript_.shuffleSeed, node.id, entry, node.choices.size());
    } else {
        order_.resize(node.choices.size());
        std::iota(order_.begin(), order_.end(), std::size_t{0});
    }
}

SessionSnapshot Session::snapshot() const {
    SessionSnapshot s;
    s.transcript = transcript_;
    s.elapsedInNodeMs = elapsedInNodeMs();
    return s;
}

std::unique_ptr<Session> Session::restore(std::shared_ptr<const Scenario> scenario,
                                          const Clock& clock, const SessionSnapshot& snapshot,
                                          std::string& error) {
    if (!scenario || scenario->resolve(scenario->start, scenario->startIndex) >=
                         scenario->nodes.size()) {
        error = "no scenario (or no start node) to restore into";
        return nullptr;
    }
    if (!sameContent(*scenario, snapshot.transcript, error)) return nullptr;
    if (snapshot.elapsedInNodeMs < 0) {
        error = "negative elapsed time in the saved session";
        return nullptr;
    }
    // Replay on a private manual clock, then hand the session the real clock with the current
    // node's timer set back by the saved elapsed time.
    ManualClock replayClock(0);
    auto session = std::make_unique<Session>(std::move(scenario), replayClock,
                                             snapshot.transcript.shuffleSeed);
    if (!replayDecisions(*session, replayClock, snapshot.transcript.decisions, error))
        return nullptr;
    session->clock_ = &clock;
    session->nodeEnteredMs_ = clock.nowMs() - snapshot.elapsedInNodeMs;
    return session;
}

std::unique_ptr<Session> replayTranscript(std::shared_ptr<const Scenario> scenario,
                                          const Transcript& transcript, ManualClock& clock,
                                          std::string& error) {
    if (!scenario || scenario->resolve(scenario->start, scenario->startIndex) >=
                         scenario->nodes.size()) {
        error = "no scenario (or no start node) to replay";
        return nullptr;
    }
    if (!sameContent(*scenario, transcript, error)) return nullptr;
    auto session = std::make_unique<Session>(std::move(scenario), clock, transcript.shuffleSeed);
    if (!replayDecisions(*session, clock, transcript.decisions, error)) return nullptr;
    return session;
}

}  // namespace counterplay::core
