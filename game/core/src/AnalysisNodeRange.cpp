// Reachable score ranges at every node (see NodeScoreRange in Analysis.h). The search runs over
// the same states as the analysis, (node, values of the variables conditions read), on the same
// compiled graph: one depth-first pass finds the states and a post-order; the ranges to an
// ending are folded in post-order, the ranges from the start in reverse post-order (a
// topological order, since the loader rejects cycles), and both are then gathered per node.
#include <climits>
#include <memory>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "AnalysisGraph.h"
#include "counterplay/core/Analysis.h"

namespace counterplay::core {

namespace {

using namespace analysis;

constexpr std::int64_t kNone = INT64_MIN / 4;
constexpr std::size_t kMaxStates = 250'000;  // as in the analysis: beyond this, no conditions

int toInt(std::int64_t v) {
    return v == kNone ? 0 : static_cast<int>(std::clamp<std::int64_t>(v, INT_MIN, INT_MAX));
}

struct Lo {
    std::int64_t& v;
    void min(std::int64_t x) { v = v == kNone ? x : std::min(v, x); }
    void max(std::int64_t x) { v = v == kNone ? x : std::max(v, x); }
};

/// The states and the folded ranges.
struct RangeSearch {
    const Graph& g;
    std::size_t K, P;
    std::vector<std::uint32_t> node;
    std::vector<int> keys;
    std::vector<std::int32_t> succ;       // per state, per edge of its node: state or -1
    std::vector<std::uint32_t> succOff;
    std::vector<std::int32_t> postOrder;
    std::unordered_map<std::string, std::int32_t> index;
    // Indexed [state * (P + 1) + p]; p == P is the total.
    std::vector<std::int64_t> toEndMin, toEndMax, fromStartMin, fromStartMax;
    bool overflow = false;

    explicit RangeSearch(const Graph& graph)
        : g(graph), K(graph.variables.size()), P(graph.principles.size()) {}

    std::int32_t stateOf(std::size_t n, const int* key) {
        std::string k(reinterpret_cast<const char*>(&n), sizeof n);
        k.append(reinterpret_cast<const char*>(key), K * sizeof(int));
        auto [it, added] = index.try_emplace(std::move(k), static_cast<std::int32_t>(node.size()));
        if (added) {
            node.push_back(static_cast<std::uint32_t>(n));
            keys.insert(keys.end(), key, key + K);
            succOff.push_back(static_cast<std::uint32_t>(succ.size()));
            succ.insert(succ.end(), g.edgeBegin[n + 1] - g.edgeBegin[n], -1);
        }
        return it->second;
    }

    bool explore(std::size_t start, const Scenario& sc) {
        std::vector<std::uint8_t> status;  // 0 new, 1 on the stack, 2 done
        std::vector<std::pair<std::int32_t, std::uint32_t>> stack;
        std::vector<int> scratch(K);
        const std::int32_t root = stateOf(start, g.initialKey.data());
        status.push_back(1);
        stack.push_back({root, 0});
        while (!stack.empty()) {
            const std::int32_t s = stack.back().first;
            const std::uint32_t n = node[s];
            const std::uint32_t begin = g.edgeBegin[n], count = g.edgeBegin[n + 1] - begin;
            if (sc.nodes[n].isEnding() || stack.back().second >= count) {
                status[s] = 2;
                postOrder.push_back(s);
                stack.pop_back();
                continue;
            }
            const std::uint32_t i = stack.back().second++;
            const Edge& e = g.edges[begin + i];
            if (e.target >= g.nodeCount) continue;
            const int* key = keys.data() + static_cast<std::size_t>(s) * K;
            if (e.condition && !e.condition->evaluateIndexed(key, g.slots.data() + e.slotOff))
                continue;
            std::copy(key, key + K, scratch.begin());
            for (std::uint32_t k = 0; k < e.effCount; ++k)
                applyCompiledEffect(scratch[g.effects[e.effOff + k].slot], g.effects[e.effOff + k]);
            const std::int32_t t = stateOf(e.target, scratch.data());
            if (node.size() > kMaxStates) return false;
            if (static_cast<std::size_t>(t) >= status.size()) status.push_back(0);
            if (status[t] == 1) continue;  // closes a cycle (refused by the loader): skip it
            succ[succOff[s] + i] = t;
            if (status[t] == 0) {
                status[t] = 1;
                stack.push_back({t, 0});
            }
        }
        return true;
    }

    /// Points of edge `e` for column p (p == P: the total).
    std::int64_t pointsOf(const Edge& e, std::size_t p) const {
        if (p == P) return e.total;
        std::int64_t sum = 0;
        for (std::uint32_t k = 0; k < e.ptsCount; ++k)
            if (static_cast<std::size_t>(g.points[e.ptsOff + k].first) == p)
                sum += g.points[e.ptsOff + k].second;
        return sum;
    }

    void fold(const Scenario& sc) {
        const std::size_t W = P + 1, S = node.size();
        toEndMin.assign(S * W, kNone);
        toEndMax.assign(S * W, kNone);
        fromStartMin.assign(S * W, kNone);
        fromStartMax.assign(S * W, kNone);
        for (std::int32_t s : postOrder) {
            const std::uint32_t n = node[s];
            if (sc.nodes[n].isEnding()) {
                std::fill_n(toEndMin.begin() + s * W, W, 0);
                std::fill_n(toEndMax.begin() + s * W, W, 0);
                continue;
            }
            for (std::uint32_t i = 0; i < g.edgeBegin[n + 1] - g.edgeBegin[n]; ++i) {
                const std::int32_t t = succ[succOff[s] + i];
                if (t < 0 || toEndMax[t * W + P] == kNone) continue;
                const Edge& e = g.edges[g.edgeBegin[n] + i];
                for (std::size_t p = 0; p < W; ++p) {
                    const std::int64_t pts = pointsOf(e, p);
                    Lo{toEndMin[s * W + p]}.min(toEndMin[t * W + p] + pts);
                    Lo{toEndMax[s * W + p]}.max(toEndMax[t * W + p] + pts);
                }
            }
        }
        const std::int32_t root = 0;
        std::fill_n(fromStartMin.begin() + root * W, W, 0);
        std::fill_n(fromStartMax.begin() + root * W, W, 0);
        for (auto it = postOrder.rbegin(); it != postOrder.rend(); ++it) {
            const std::int32_t s = *it;
            if (fromStartMax[s * W + P] == kNone) continue;
            const std::uint32_t n = node[s];
            for (std::uint32_t i = 0; i < g.edgeBegin[n + 1] - g.edgeBegin[n]; ++i) {
                const std::int32_t t = succ[succOff[s] + i];
                if (t < 0) continue;
                const Edge& e = g.edges[g.edgeBegin[n] + i];
                for (std::size_t p = 0; p < W; ++p) {
                    const std::int64_t pts = pointsOf(e, p);
                    Lo{fromStartMin[t * W + p]}.min(fromStartMin[s * W + p] + pts);
                    Lo{fromStartMax[t * W + p]}.max(fromStartMax[s * W + p] + pts);
                }
            }
        }
    }
};

}  // namespace

std::vector<NodeScoreRange> nodeScoreRanges(const Scenario& sc) {
    std::vector<NodeScoreRange> out(sc.nodes.size());
    for (std::size_t n = 0; n < sc.nodes.size(); ++n) out[n].nodeId = sc.nodes[n].id;
    const std::size_t start = sc.resolve(sc.start, sc.startIndex);
    if (start >= sc.nodes.size()) return out;

    Graph g = compile(sc, false);
    auto search = std::make_unique<RangeSearch>(g);
    bool exact = search->explore(start, sc);
    if (!exact) {
        g = compile(sc, true);
        search = std::make_unique<RangeSearch>(g);
        search->explore(start, sc);
    }
    RangeSearch& S = *search;
    S.fold(sc);
    const std::size_t P = S.P, W = P + 1;
    // Per node, per column: the six extremes.
    std::vector<std::int64_t> acc(sc.nodes.size() * W * 6, kNone);
    std::vector<std::uint8_t> reached(sc.nodes.size(), 0), ends(sc.nodes.size(), 0);
    for (std::size_t s = 0; s < S.node.size(); ++s) {
        const std::size_t n = S.node[s];
        if (S.fromStartMax[s * W + P] == kNone) continue;
        reached[n] = 1;
        const bool canEnd = S.toEndMax[s * W + P] != kNone;
        ends[n] |= canEnd;
        for (std::size_t p = 0; p < W; ++p) {
            std::int64_t* a = acc.data() + (n * W + p) * 6;
            Lo{a[0]}.min(S.fromStartMin[s * W + p]);
            Lo{a[1]}.max(S.fromStartMax[s * W + p]);
            if (!canEnd) continue;
            Lo{a[2]}.min(S.toEndMin[s * W + p]);
            Lo{a[3]}.max(S.toEndMax[s * W + p]);
            Lo{a[4]}.min(S.fromStartMin[s * W + p] + S.toEndMin[s * W + p]);
            Lo{a[5]}.max(S.fromStartMax[s * W + p] + S.toEndMax[s * W + p]);
        }
    }
    for (std::size_t n = 0; n < sc.nodes.size(); ++n) {
        NodeScoreRange& r = out[n];
        r.exact = exact;
        r.reachable = reached[n];
        r.canEnd = ends[n];
        auto range = [&](std::size_t p, int k) {
            const std::int64_t* a = acc.data() + (n * W + p) * 6;
            return ScoreRange{toInt(a[k]), toInt(a[k + 1])};
        };
        r.before = range(P, 0);
        r.after = range(P, 2);
        r.through = range(P, 4);
        for (std::size_t p = 0; p < P; ++p)
            r.principles.push_back({g.principles[p], range(p, 0), range(p, 2), range(p, 4)});
    }
    return out;
}

NodeScoreRange nodeScoreRange(const Scenario& sc, const std::string& nodeId) {
    const std::size_t n = sc.resolve(nodeId, sc.nodes.size());
    if (n >= sc.nodes.size()) return NodeScoreRange{};
    return nodeScoreRanges(sc)[n];
}

}  // namespace counterplay::core
