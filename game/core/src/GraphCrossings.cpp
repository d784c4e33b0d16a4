// countCrossings (see GraphLayout.h): exact crossings between adjacent layers, by counting
// inversions with a Fenwick tree; used by the crossing reduction in GraphOrder.h and by tests.
#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

#include "counterplay/core/GraphLayout.h"

namespace counterplay::core {

int countCrossings(const LayerGraph& g) {
    std::vector<int> pos(g.down.size(), 0);
    for (const auto& layer : g.layers)
        for (std::size_t i = 0; i < layer.size(); ++i) pos[static_cast<std::size_t>(layer[i])] = static_cast<int>(i);
    long long total = 0;
    std::vector<int> lower, tree;
    for (std::size_t r = 0; r + 1 < g.layers.size(); ++r) {
        // Edges sorted by upper position, then lower position: inversions among the lower
        // positions are the crossings (counted with a Fenwick tree).
        lower.clear();
        for (int a : g.layers[r]) {
            const std::size_t start = lower.size();
            for (int b : g.down[static_cast<std::size_t>(a)]) lower.push_back(pos[static_cast<std::size_t>(b)]);
            std::sort(lower.begin() + static_cast<std::ptrdiff_t>(start), lower.end());
        }
        const std::size_t width = g.layers[r + 1].size();
        tree.assign(width + 1, 0);
        long long seen = 0;
        for (int p : lower) {
            // count earlier edges with a lower position greater than p
            long long notGreater = 0;
            for (std::size_t i = static_cast<std::size_t>(p) + 1; i > 0; i -= i & (~i + 1)) notGreater += tree[i];
            total += seen - notGreater;
            for (std::size_t i = static_cast<std::size_t>(p) + 1; i <= width; i += i & (~i + 1)) ++tree[i];
            ++seen;
        }
    }
    return total > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max() : static_cast<int>(total);
}

}  // namespace counterplay::core
