// The automatic layered layout of a scenario's branch graph, shared by the trainer's editor and
// the manager's dashboard (both draw it with app/graph/GraphCanvas). Headless: boxes, ranks,
// orders and edge polylines in abstract units; the app scales and draws them.
//
// Algorithm (Sugiyama style, deterministic: no hash-map iteration, no randomness):
//  1. cycles are broken by a depth-first search from the start in file order (choices, then the
//     timeout); an edge to a node on the search stack is a back edge and is reversed;
//  2. reachable nodes are ranked by the longest path from the start; nodes the start cannot
//     reach are ranked the same way from their own roots, in ranks after the reachable ones;
//  3. edges spanning several ranks get a dummy item in every rank they cross;
//  4. crossings are reduced by the median heuristic: alternating down and up sweeps with
//     adjacent transposition, keeping the order with the fewest crossings;
//  5. x coordinates: alternating passes pull every item towards the mean of its neighbours,
//     each rank solved exactly under the minimum spacing (pool-adjacent-violators), so boxes
//     never overlap; pinned nodes are held at their position.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "counterplay/core/Model.h"
#include "counterplay/core/Text.h"

namespace counterplay::core {

struct LayoutPoint {
    float x = 0.f;
    float y = 0.f;
    bool operator==(const LayoutPoint&) const = default;
};

struct LayoutOptions {
    Lang lang = Lang::En;       ///< language of the node and edge labels (their length sets widths)
    float charWidth = 7.f;      ///< width of one narrow character; Hangul and CJK count double
    float nodeHeight = 52.f;
    float minNodeWidth = 110.f;
    float maxNodeWidth = 240.f;
    float rankGap = 110.f;      ///< vertical space between two ranks (edges and their labels)
    float nodeGap = 36.f;       ///< horizontal space between two boxes in a rank
    float dummyWidth = 14.f;    ///< horizontal room a long edge takes in a rank it crosses
    int sweeps = 12;            ///< down+up median sweeps (0 = keep the initial depth-first order)
    int coordinatePasses = 8;   ///< x-coordinate relaxation passes
    std::size_t labelChars = 28;  ///< node snippet length, in narrow characters
    std::size_t edgeLabelChars = 16;
    /// Node id -> top-left corner the trainer pinned. A pinned node keeps its rank and order but
    /// its box is placed exactly there (and may then overlap others, as the trainer chose).
    std::map<std::string, LayoutPoint> pinned;
};

struct LayoutNode {
    std::size_t node = 0;      ///< index into Scenario::nodes
    float x = 0.f, y = 0.f;    ///< top-left corner
    float w = 0.f, h = 0.f;
    int rank = 0;
    int order = 0;             ///< position among the real nodes of its rank (see GraphLayout::ranks)
    bool reachable = true;     ///< reachable from the start
    bool pinned = false;
    std::string label;         ///< short text: the node's first line (or the ending's title)
};

struct LayoutEdge {
    std::size_t from = 0;  ///< node index
    int choice = 0;        ///< choice index in file order, or kTimeoutChoice (-1)
    std::size_t to = 0;    ///< node index
    /// From the source box's border through the dummy items to the target box's border. Forward
    /// edges leave the bottom and enter the top; back edges leave the top and enter the bottom.
    std::vector<LayoutPoint> points;
    bool back = false;      ///< points against the rank direction (closes a cycle, or leaves an
                            ///< unreachable island for an earlier rank)
    bool selfLoop = false;  ///< leads back to its own node (drawn as a loop on the right)
    int number = 0;         ///< the number `counterplay play --choices` uses (file order, 1-based);
                            ///< 0 for the timeout ("t")
    std::string label;      ///< short choice text ("timeout 30 s" for the timeout)
    float minX = 0.f, minY = 0.f, maxX = 0.f, maxY = 0.f;  ///< bounds of `points` (for culling)
};

/// The layered graph the crossing reduction works on: items are real nodes (ids below
/// `nodeCount`, equal to the node index) and dummies (ids from `nodeCount`).
struct LayerGraph {
    std::size_t nodeCount = 0;
    std::vector<std::vector<int>> layers;  ///< per rank, item ids left to right
    std::vector<std::vector<int>> down;    ///< per item, the items in the next rank it links to
};

struct GraphLayout {
    std::vector<LayoutNode> nodes;         ///< one per scenario node, in file order
    std::vector<LayoutEdge> edges;         ///< node by node in file order, choices then timeout
    std::vector<std::vector<std::size_t>> ranks;  ///< per rank, real node indices left to right
    LayerGraph layered;                    ///< ranks with the dummies, as ordered
    int crossings = 0;                     ///< edge crossings of `layered`
    float width = 0.f, height = 0.f;       ///< bounds of all boxes and edges (from 0,0)
    float minX = 0.f, minY = 0.f;          ///< top-left of the bounds (0,0 unless pins lie left/above)
};

/// Lays out a scenario's branch graph (choice and timeout edges; references to missing nodes
/// are left out), deterministically: the same scenario and options always give the same layout.
/// Works on partial models with errors (cycles, unreachable nodes), as the editor needs.
GraphLayout layoutScenario(const Scenario& scenario, const LayoutOptions& options = {});

/// Number of edge crossings between adjacent ranks of a layered graph (Barth, Juenger and
/// Mutzel's accumulator count), so tests and benchmarks can judge an ordering.
int countCrossings(const LayerGraph& graph);

}  // namespace counterplay::core
