// "Play from here": the scenario as it is played from a chosen node with a hand-set state (mood,
// trust, flags, counters), as the editor's play button and `counterplay play --from NODE --set
// NAME=VALUE` both start it. The result is an ordinary Scenario copy, so the real Session, the
// analysis and the scorecard run on it unchanged.
//
// Critical actions: decisions are counted from the chosen node, so a deadline is shortened by
// the fewest decisions any path needs from the start to that node. An action is marked "not
// applicable" (CriticalAction::notApplicable; the scorecard says so instead of "missed", and it
// does not fail the attempt) when its deadline lies before the node (every path from the start
// has already used it up there), or when no choice or timeout carrying its tag can be reached
// from the node (it could only have been done before it). Paths here ignore conditions.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "counterplay/core/Model.h"

namespace counterplay::core {

/// One hand-set starting value: mood, trust, a flag (true/false/1/0) or a counter (an integer).
struct StateSetting {
    std::string name;
    std::string value;
};

/// Why a play-from-here start was refused, as data, so each front end can word it in its
/// own language (PlayStart::error is the English wording).
struct PlayStartProblem {
    enum class Kind { None, NoStartNode, UnknownNode, UnknownVariable, NotAFlagValue, NotAnInteger,
                      OutOfRange };
    Kind kind = Kind::None;
    std::string name;                ///< the node or variable named
    std::string value;               ///< the value given (for the value kinds)
    std::string suggestion;          ///< closest existing name, or empty
    std::vector<std::string> known;  ///< the variables that exist (UnknownVariable)
};

struct PlayStart {
    /// The scenario to play: starts at the node with the settings applied. Null on error.
    std::shared_ptr<const Scenario> scenario;
    std::string error;                       ///< why not, with a "did you mean" when it helps
    PlayStartProblem problem;                ///< the same, as data
    std::vector<std::string> notApplicable;  ///< ids of the critical actions marked so
    int decisionsBefore = 0;                 ///< fewest decisions from the start to the node
    bool ok() const { return scenario != nullptr; }
};

/// Parses "NAME=VALUE"; false and `error` when there is no '='.
bool parseStateSetting(std::string_view text, StateSetting& out, std::string& error);

/// The scenario started at `nodeId` (empty: the start node) with `settings` applied in order.
/// Refuses an unknown node or variable (with "did you mean"), mood or trust outside 0-100, a
/// flag that is not true/false, and a counter that is not an integer.
PlayStart playFromHere(const Scenario& scenario, const std::string& nodeId,
                       const std::vector<StateSetting>& settings);

}  // namespace counterplay::core
