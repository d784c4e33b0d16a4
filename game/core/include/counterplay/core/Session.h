// The runner: walks a scenario's graph one decision at a time (the app and `play` only draw it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "counterplay/core/Clock.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/State.h"
#include "counterplay/core/Transcript.h"

namespace counterplay::core {

/// Everything needed to resume a session after a crash: the transcript so far plus how long the
/// current node had been on screen.
struct SessionSnapshot {
    Transcript transcript;
    std::int64_t elapsedInNodeMs = 0;
    bool operator==(const SessionSnapshot&) const = default;
};

class Session {
public:
    /// Starts at the scenario's start node; the node timer starts now (clock time).
    /// `shuffleSeed` orders every node's choices as shown (see Shuffle.h; kept in the transcript);
    /// none: file order. The scenario must have loaded without errors (throws
    /// std::invalid_argument when its start node does not exist).
    Session(std::shared_ptr<const Scenario> scenario, const Clock& clock,
            std::optional<std::uint64_t> shuffleSeed = std::nullopt);

    const Scenario& scenario() const { return *scenario_; }
    std::shared_ptr<const Scenario> scenarioPtr() const { return scenario_; }
    const Node& currentNode() const;
    const State& state() const { return state_; }
    bool finished() const;

    /// True when the session is not finished, no choice is available (every choice's condition
    /// is false) and the node has no time limit: nothing can ever happen. The loader rejects
    /// dead ends, so this only arises from conditions; the analysis reports such nodes.
    bool stuck() const;

    /// Index of the current node in scenario().nodes.
    std::size_t currentIndex() const { return current_; }

    /// Indices (into currentNode().choices) of the choices whose condition holds now, in file
    /// order.
    std::vector<std::size_t> availableChoices() const;

    /// The same choices in the order they are shown: shuffled by the transcript's seed (the same
    /// order on every replay and resume), file order without a seed or on a `shuffle: false`
    /// node. Number keys and `play`'s numbers count in this order.
    std::vector<std::size_t> shownChoices() const;

    /// The seed the choices are shuffled with; nullopt: file order.
    std::optional<std::uint64_t> shuffleSeed() const { return transcript_.shuffleSeed; }

    /// Takes choice `choiceIndex` (index into currentNode().choices). Returns false, changing
    /// nothing, when the session is finished or that choice is not available, or when the node's
    /// time limit has already run out (update() then takes the timeout branch).
    bool choose(std::size_t choiceIndex);

    /// Checks the current node's time limit; when it has run out takes the timeout branch and
    /// returns true. Call every frame (the app) or before reading the remaining time.
    bool update();

    /// Milliseconds left on the current node's timer; nullopt when the node has no time limit.
    std::optional<std::int64_t> remainingMs() const;

    /// Milliseconds the current node has been shown.
    std::int64_t elapsedInNodeMs() const;

    const Transcript& transcript() const { return transcript_; }

    /// Ids of the nodes visited so far, start first (the conversation history).
    const std::vector<std::string>& visited() const { return visited_; }

    /// Tags of every choice taken, in order (each entry: the tags of one decision).
    const std::vector<std::vector<std::string>>& takenTags() const { return takenTags_; }

    /// For saving mid-scenario.
    SessionSnapshot snapshot() const;

    /// Rebuilds a session from a snapshot by replaying its decisions; nullptr plus `error` when
    /// the snapshot does not fit the scenario (other hash, unknown node or unavailable choice).
    static std::unique_ptr<Session> restore(std::shared_ptr<const Scenario> scenario,
                                            const Clock& clock, const SessionSnapshot& snapshot,
                                            std::string& error);

private:
    void take(int choiceIndex);  // choice or kTimeoutChoice
    void enter(std::size_t nodeIndex);

    std::shared_ptr<const Scenario> scenario_;
    const Clock* clock_;
    State state_;
    std::size_t current_ = 0;
    std::int64_t nodeEnteredMs_ = 0;
    Transcript transcript_;
    std::vector<std::string> visited_;
    std::vector<std::vector<std::string>> takenTags_;
    std::vector<std::uint32_t> entries_;  // per node: times entered so far
    std::vector<std::size_t> order_;      // the current node's choices (file indices) as shown
};

/// Replays a transcript headless with a manual clock (each decision after its recorded elapsed
/// time) and returns the finished or partial session; nullptr plus `error` on a mismatch.
std::unique_ptr<Session> replayTranscript(std::shared_ptr<const Scenario> scenario,
                                          const Transcript& transcript, ManualClock& clock,
                                          std::string& error);

}  // namespace counterplay::core
