// The scorecard: what an attempt earned, per principle and overall, and how the customer left.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/Transcript.h"

namespace counterplay::core {

class Session;

struct PrincipleScore {
    std::string id;
    int earned = 0;
    int achievable = 0;  ///< best reachable for this principle
    int worst = 0;       ///< worst reachable for this principle
    bool operator==(const PrincipleScore&) const = default;
};

struct CriticalResult {
    std::string id;
    Text label;
    bool met = false;
    std::string reason;  ///< "missed", "late", "out of order" or "not applicable" when not met
    /// Play from a node (PlayFromHere.h): the action lay before it and cannot be judged. Not met,
    /// but not missed either: it does not fail the attempt.
    bool notApplicable = false;
    bool operator==(const CriticalResult&) const = default;
};

struct DecisionRecord {
    std::string nodeId;
    int choiceIndex = 0;  ///< or kTimeoutChoice
    std::string choiceId;
    Text choiceText;      ///< empty for a timeout (the app shows its own "no answer in time")
    Text feedback;
    Points points;
    std::vector<std::string> tags;
    std::int64_t elapsedMs = 0;
    bool timeout = false;
    bool operator==(const DecisionRecord&) const = default;
};

struct Scorecard {
    std::string scenarioId;
    Text scenarioTitle;
    std::string contentHash;
    std::vector<PrincipleScore> principles;  ///< Analysis::exercised order (sorted by id)
    int earnedTotal = 0;
    int bestTotal = 0;
    int worstTotal = 0;
    int percent = 0;  ///< 0..100, round(100 * max(0, earned) / best)
    int passThreshold = 70;
    bool passed = false;
    std::vector<CriticalResult> critical;
    bool criticalMissed = false;  ///< some critical action not met (not applicable ones aside)
    bool finished = false;  ///< an ending was reached
    std::string endingId;
    std::string endingKind;
    Text endingTitle;
    int finalMood = 0;
    int finalTrust = 0;
    int recommend = 0;     ///< 0..10
    std::string npsClass;  ///< promoter | passive | detractor
    std::vector<DecisionRecord> decisions;
    std::int64_t totalMs = 0;
    bool operator==(const Scorecard&) const = default;
};

/// Computes the scorecard of a (normally finished) session. Deterministic: the same scenario
/// file and transcript always give the same scorecard.
Scorecard computeScorecard(const Analysis& analysis, const Session& session);

/// "promoter" (9-10), "passive" (7-8) or "detractor" (0-6).
const char* npsClassFor(int recommend);

}  // namespace counterplay::core
