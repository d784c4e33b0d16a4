// Crossing reduction for GraphLayout (private to the core): the median heuristic with
// transposition over a layered graph, keeping the best order seen. Split from GraphLayout.cpp,
// which ranks, places and routes; GraphLayout.cpp also reads Orderer::up when placing x.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "counterplay/core/GraphLayout.h"

namespace counterplay::core::layout_detail {

/// Reorders the layers of a LayerGraph to reduce crossings (see run()). `groups` gives each
/// item's group (0 reachable, 1 the rest); items never move out of their group's slots.
struct Orderer {
    LayerGraph& g;
    std::vector<std::vector<int>> up;
    std::vector<int> pos;
    const std::vector<int>& group;

    Orderer(LayerGraph& graph, const std::vector<int>& groups) : g(graph), group(groups) {
        up.assign(g.down.size(), {});
        for (std::size_t a = 0; a < g.down.size(); ++a)
            for (int b : g.down[a]) up[static_cast<std::size_t>(b)].push_back(static_cast<int>(a));
        pos.assign(g.down.size(), 0);
        for (const auto& layer : g.layers) renumber(layer);
    }

    void renumber(const std::vector<int>& layer) {
        for (std::size_t i = 0; i < layer.size(); ++i) pos[static_cast<std::size_t>(layer[i])] = static_cast<int>(i);
    }

    /// Gansner et al.'s weighted median of the neighbours' positions; -1 without neighbours.
    double median(const std::vector<int>& nbrs, std::vector<int>& scratch) const {
        if (nbrs.empty()) return -1.0;
        scratch.clear();
        for (int n : nbrs) scratch.push_back(pos[static_cast<std::size_t>(n)]);
        std::sort(scratch.begin(), scratch.end());
        const std::size_t m = scratch.size() / 2;
        if (scratch.size() % 2 == 1) return scratch[m];
        if (scratch.size() == 2) return (scratch[0] + scratch[1]) / 2.0;
        const double left = scratch[m - 1] - scratch[0];
        const double right = scratch.back() - scratch[m];
        if (left + right == 0) return (scratch[m - 1] + scratch[m]) / 2.0;
        return (scratch[m - 1] * right + scratch[m] * left) / (left + right);
    }

    /// Reorders one layer by the medians of its neighbours in `nbrs`; items without neighbours
    /// keep their slot, and each group (reachable, then the rest) keeps its slots.
    void orderByMedian(std::vector<int>& layer, const std::vector<std::vector<int>>& nbrs) {
        std::vector<int> scratch;
        std::vector<std::pair<double, int>> keyed;
        std::vector<int> result(layer.size(), -1);
        for (int grp = 0; grp < 2; ++grp) {
            std::vector<std::size_t> slots;
            keyed.clear();
            for (std::size_t i = 0; i < layer.size(); ++i) {
                const auto item = static_cast<std::size_t>(layer[i]);
                if (group[item] != grp) continue;
                const double m = median(nbrs[item], scratch);
                if (m < 0) {
                    result[i] = layer[i];
                } else {
                    slots.push_back(i);
                    keyed.emplace_back(m, layer[i]);
                }
            }
            std::stable_sort(keyed.begin(), keyed.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t k = 0; k < slots.size(); ++k) result[slots[k]] = keyed[k].second;
        }
        layer = std::move(result);
        renumber(layer);
    }

    /// Crossings among the edges of u and v to `nbrs` when u stands left of v.
    int pairCrossings(int u, int v, const std::vector<std::vector<int>>& nbrs) const {
        int c = 0;
        for (int a : nbrs[static_cast<std::size_t>(u)])
            for (int b : nbrs[static_cast<std::size_t>(v)])
                if (pos[static_cast<std::size_t>(a)] > pos[static_cast<std::size_t>(b)]) ++c;
        return c;
    }

    /// Swaps adjacent items of one group while that removes crossings (bounded rounds).
    void transpose() {
        for (int round = 0; round < 6; ++round) {
            bool improved = false;
            for (auto& layer : g.layers) {
                for (std::size_t i = 0; i + 1 < layer.size(); ++i) {
                    const int u = layer[i], v = layer[i + 1];
                    if (group[static_cast<std::size_t>(u)] != group[static_cast<std::size_t>(v)]) continue;
                    const int now = pairCrossings(u, v, up) + pairCrossings(u, v, g.down);
                    if (now == 0) continue;
                    const int swapped = pairCrossings(v, u, up) + pairCrossings(v, u, g.down);
                    if (swapped < now) {
                        std::swap(layer[i], layer[i + 1]);
                        pos[static_cast<std::size_t>(u)] = static_cast<int>(i + 1);
                        pos[static_cast<std::size_t>(v)] = static_cast<int>(i);
                        improved = true;
                    }
                }
            }
            if (!improved) break;
        }
    }

    int run(int sweeps) {
        auto best = g.layers;
        int bestCount = countCrossings(g);
        for (int it = 0; it < 2 * sweeps && bestCount > 0; ++it) {
            const std::size_t n = g.layers.size();
            if (it % 2 == 0) {
                for (std::size_t r = 1; r < n; ++r) orderByMedian(g.layers[r], up);
            } else {
                for (std::size_t r = n >= 2 ? n - 1 : 0; r-- > 0;) orderByMedian(g.layers[r], g.down);
            }
            transpose();
            const int count = countCrossings(g);
            if (count < bestCount) {
                bestCount = count;
                best = g.layers;
            }
        }
        g.layers = std::move(best);
        return bestCount;
    }
};

}  // namespace counterplay::core::layout_detail
