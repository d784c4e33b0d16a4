// Internal to the analysis: the scenario compiled into a flat graph for the state search
// (edges = choices in file order, then the timeout; conditions, effects and points resolved to
// indices so the hot loop touches no strings or maps).
#pragma once

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "counterplay/core/Model.h"

namespace counterplay::core::analysis {

enum class EffectKind : std::uint8_t { AddClamp, Add, Set, SetBool };

/// An effect on a variable some condition reads (`slot` indexes the search key).
struct CompiledEffect {
    int slot;
    EffectKind kind;
    int value;
};

struct Edge {
    std::size_t target;  // == nodes.size() when the reference is broken
    int choiceIndex;     // or kTimeoutChoice
    const Condition* condition = nullptr;
    std::uint32_t slotOff = 0;  // into Graph::slots (one slot per condition variable)
    std::uint32_t effOff = 0, effCount = 0;
    std::uint32_t ptsOff = 0, ptsCount = 0;
    std::int64_t total = 0;
    const Points* points = nullptr;
    const std::vector<std::string>* tags = nullptr;
};

/// Applies one compiled effect to a search-key value (mood and trust clamp to 0..100).
inline void applyCompiledEffect(int& v, const CompiledEffect& e) {
    switch (e.kind) {
        case EffectKind::AddClamp:
            v = static_cast<int>(std::clamp<long long>(static_cast<long long>(v) + e.value, 0, 100));
            break;
        case EffectKind::Add:
            v = static_cast<int>(std::clamp<long long>(static_cast<long long>(v) + e.value,
                                                       INT_MIN, INT_MAX));
            break;
        case EffectKind::Set: v = e.value; break;
        case EffectKind::SetBool: v = e.value != 0; break;
    }
}

/// The scenario compiled for the search.
struct Graph {
    std::size_t nodeCount = 0;
    std::vector<std::uint32_t> edgeBegin;  // nodeCount + 1
    std::vector<Edge> edges;
    std::vector<int> slots;
    std::vector<CompiledEffect> effects;
    std::vector<std::pair<int, int>> points;  // (principle index, points)
    std::vector<std::string> principles;      // sorted ids
    std::vector<std::string> variables;       // relevant variables (slot order)
    std::vector<int> initialKey;
};

/// Compiles the scenario. With `ignoreConditions` every choice counts as available and the
/// search key is empty (the fallback when the state space is too large).
Graph compile(const Scenario& sc, bool ignoreConditions);

/// The first cycle in the node graph as "a -> b -> a", or "" (iterative colour DFS).
std::string findCycle(const Scenario& sc, const Graph& g);

}  // namespace counterplay::core::analysis
