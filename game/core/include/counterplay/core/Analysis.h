// Graph analysis: best and worst reachable totals with their paths, structural problems.
#pragma once

#include <string>
#include <vector>

#include "counterplay/core/Diagnostic.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/Transcript.h"  // kTimeoutChoice

namespace counterplay::core {

struct PathStep {
    std::string nodeId;
    int choiceIndex = 0;  ///< or kTimeoutChoice
};

struct ScoredPath {
    std::vector<PathStep> steps;
    int total = 0;
    Points points;           ///< per principle along this path
    std::string endingNode;  ///< the ending node reached
    bool exists = false;     ///< false when no complete path exists (broken graph)
};

struct PrincipleRange {
    std::string id;
    int best = 0;   ///< highest sum reachable for this principle alone
    int worst = 0;  ///< lowest
};

struct Analysis {
    ScoredPath best;    ///< maximal total points (ties: first choice in file order)
    ScoredPath worst;   ///< minimal total points
    std::vector<PrincipleRange> principles;  ///< every principle with points anywhere, sorted by id
    std::vector<std::string> exercised;      ///< principle ids with points anywhere
    std::vector<std::string> unreachable;    ///< node ids not reachable from start
    std::vector<std::string> deadEnds;       ///< node ids with neither choices nor ending
    std::vector<std::string> endings;        ///< reachable ending node ids
    bool canPass = false;  ///< the best path passes (threshold and critical actions)
    bool canFail = false;  ///< the worst path fails
    std::vector<Diagnostic> problems;  ///< e.g. never-available choices, cannot pass/fail
};

/// The lowest and highest sum of points over a set of paths.
struct ScoreRange {
    int min = 0;
    int max = 0;
    bool operator==(const ScoreRange&) const = default;
};

/// One principle's ranges at a node (see NodeScoreRange).
struct PrincipleNodeRange {
    std::string id;
    ScoreRange before, after, through;
};

/// The reachable scores at one node, as the editor's analysis panel shows them (the RAGE
/// editor's "min/max score at this node"). Only playable paths count: every choice on them is
/// available (its condition true in the state of that path). Points are summed over the choices
/// and timeouts taken.
struct NodeScoreRange {
    std::string nodeId;
    bool reachable = false;  ///< some playable path from the start reaches the node
    bool canEnd = false;     ///< some playable path from the start through the node ends
    /// Points already earned on arriving at the node, over every playable path from the start to
    /// it (the start node: 0 to 0).
    ScoreRange before;
    /// Points still to earn from the node to an ending, over every playable continuation from
    /// every state in which the node is reached (an ending: 0 to 0).
    ScoreRange after;
    /// Totals of complete playable paths (start to an ending) through the node: the range of
    /// final scores a trainee who passes here can still get.
    ScoreRange through;
    /// The same per principle, each principle on its own (like Analysis::principles), for every
    /// principle with points anywhere, sorted by id.
    std::vector<PrincipleNodeRange> principles;
    /// False when the state space was too large and conditions were ignored.
    bool exact = true;
};

/// The ranges of every node, in file order (one search for all of them). A node that is never
/// reached has reachable == false and zero ranges. For a scenario that loaded without errors.
std::vector<NodeScoreRange> nodeScoreRanges(const Scenario& scenario);

/// The ranges of one node (nodeId empty in the result when there is no such node).
NodeScoreRange nodeScoreRange(const Scenario& scenario, const std::string& nodeId);

/// A principle whose achievable points (its best over all paths) the best-scoring path does not
/// reach.
struct PrincipleShortfall {
    std::string id;
    int onBestPath = 0;  ///< what the best-scoring path earns for it
    int achievable = 0;  ///< the most any one path earns for it
};

/// The principles the best-scoring path leaves short of their achievable points. Each
/// principle's achievable is its own best, path by path, so when this list is not empty no single
/// path reaches every principle's achievable, and a perfect run still shows some principle below
/// its achievable (the sum of the achievables is then above the best total).
std::vector<PrincipleShortfall> principleShortfalls(const Analysis& analysis);

/// Analyses a scenario that loaded without errors. Honours conditions: the search runs over
/// (node, state of the variables conditions read), which is linear in the graph when no
/// condition exists. Cycles are rejected by the loader, so the graph is a DAG here.
Analysis analyzeScenario(const Scenario& scenario);

}  // namespace counterplay::core
