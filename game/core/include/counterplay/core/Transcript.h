// The record of an attempt: every decision with its time. Replaying it gives the same scorecard.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace counterplay::core {

/// choiceIndex value recorded when a node's time limit ran out.
inline constexpr int kTimeoutChoice = -1;

struct Decision {
    std::string nodeId;
    int choiceIndex = 0;     ///< index into the node's choices (file order), or kTimeoutChoice
    std::string choiceId;    ///< the choice's stable id, or "<node>.timeout"
    std::int64_t elapsedMs = 0;  ///< from the node being shown to the decision
    bool operator==(const Decision&) const = default;
};

struct Transcript {
    std::string scenarioId;
    std::string contentHash;
    /// Seed of the order the choices were shown in (see Shuffle.h); absent: file order (and every
    /// transcript recorded before choices were shuffled). Decisions stay file indices either way.
    std::optional<std::uint64_t> shuffleSeed;
    std::vector<Decision> decisions;
    bool operator==(const Transcript&) const = default;
};

}  // namespace counterplay::core
