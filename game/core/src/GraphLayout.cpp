#include "counterplay/core/GraphLayout.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>

#include "GraphOrder.h"
#include "counterplay/core/Transcript.h"  // kTimeoutChoice

namespace counterplay::core {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// ---- labels -------------------------------------------------------------------------------

/// Decodes one UTF-8 code point at `i` (advancing it); malformed bytes count as one narrow char.
std::uint32_t decode(const std::string& s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    std::uint32_t cp = extra == 3 ? b & 0x07u : extra == 2 ? b & 0x0Fu : extra == 1 ? b & 0x1Fu : b;
    ++i;
    for (; extra > 0 && i < s.size(); --extra, ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) break;
        cp = (cp << 6) | (c & 0x3Fu);
    }
    return cp;
}

/// Hangul, CJK and full-width forms take two narrow cells.
int cells(std::uint32_t cp) {
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60);
    return wide ? 2 : 1;
}

int displayCells(const std::string& s) {
    int n = 0;
    for (std::size_t i = 0; i < s.size();) n += cells(decode(s, i));
    return n;
}

/// The text on one line (whitespace runs collapsed), cut to `maxCells` with an ellipsis.
std::string snippet(const std::string& text, std::size_t maxCells) {
    std::string out;
    std::size_t used = 0;
    bool space = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t begin = i;
        const std::uint32_t cp = decode(text, i);
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') {
            space = !out.empty();
            continue;
        }
        const std::size_t need = static_cast<std::size_t>(cells(cp)) + (space ? 1 : 0);
        if (used + need > maxCells) {
            out += "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
            return out;
        }
        if (space) out += ' ';
        space = false;
        out.append(text, begin, i - begin);
        used += need;
    }
    return out;
}

// ---- the graph ----------------------------------------------------------------------------

struct RawEdge {
    std::size_t from, to;
    int choice;
    bool back = false, selfLoop = false;
    std::size_t chain = kNone;  ///< index into chains (not for self loops)
};

struct Chain {
    std::vector<int> items;  ///< upper node, dummies, lower node (downward)
};

std::vector<RawEdge> collectEdges(const Scenario& s) {
    std::vector<RawEdge> edges;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& node = s.nodes[i];
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const std::size_t to = s.resolve(node.choices[c].next, node.choices[c].nextIndex);
            if (to < s.nodes.size()) edges.push_back({i, to, static_cast<int>(c)});
        }
        if (node.timeLimit) {
            const std::size_t to = s.resolve(node.timeLimit->next, node.timeLimit->nextIndex);
            if (to < s.nodes.size()) edges.push_back({i, to, kTimeoutChoice});
        }
    }
    return edges;
}

/// Depth-first search from `root` in file order: marks back edges (to a node on the stack) and
/// self loops, and every node it reaches as visited.
void markBackEdges(std::size_t root, const std::vector<std::vector<std::size_t>>& out,
                   std::vector<RawEdge>& edges, std::vector<int>& state) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};  // node, next out edge
    state[root] = 1;
    while (!stack.empty()) {
        auto& [u, k] = stack.back();
        if (k == out[u].size()) {
            state[u] = 2;
            stack.pop_back();
            continue;
        }
        RawEdge& e = edges[out[u][k++]];
        if (e.to == u) {
            e.selfLoop = e.back = true;
        } else if (state[e.to] == 1) {
            e.back = true;
        } else if (state[e.to] == 0) {
            state[e.to] = 1;
            stack.emplace_back(e.to, 0);
        }
    }
}

/// Longest-path ranks of `members` over the oriented edges, sources at `base`.
void rankByLongestPath(const std::vector<std::size_t>& members, const std::vector<char>& inSet,
                       const std::vector<std::vector<std::size_t>>& succ, int base,
                       std::vector<int>& rank) {
    std::vector<int> indegree(rank.size(), 0);
    for (std::size_t u : members)
        for (std::size_t v : succ[u])
            if (inSet[v]) ++indegree[v];
    std::vector<std::size_t> queue;
    for (std::size_t u : members)
        if (indegree[u] == 0) {
            queue.push_back(u);
            rank[u] = base;
        }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::size_t u = queue[head];
        for (std::size_t v : succ[u]) {
            if (!inSet[v]) continue;
            rank[v] = std::max(rank[v], rank[u] + 1);
            if (--indegree[v] == 0) queue.push_back(v);
        }
    }
}

using layout_detail::Orderer;

// ---- coordinates --------------------------------------------------------------------------

/// Places one layer's centres as close as possible (weighted least squares) to `desired`, with
/// centre i+1 at least `sep[i]` right of centre i: pool-adjacent-violators on the shifted
/// targets, exact and linear.
void placeLayer(const std::vector<double>& desired, const std::vector<double>& weight,
                const std::vector<double>& sep, std::vector<double>& out) {
    const std::size_t n = desired.size();
    std::vector<double> offset(n, 0.0);
    for (std::size_t i = 1; i < n; ++i) offset[i] = offset[i - 1] + sep[i - 1];
    struct Block {
        double w, wt;
        std::size_t begin, end;
    };
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < n; ++i) {
        blocks.push_back({weight[i], weight[i] * (desired[i] - offset[i]), i, i + 1});
        while (blocks.size() >= 2) {
            Block& b = blocks.back();
            Block& a = blocks[blocks.size() - 2];
            if (a.wt / a.w < b.wt / b.w) break;
            a.w += b.w;
            a.wt += b.wt;
            a.end = b.end;
            blocks.pop_back();
        }
    }
    out.assign(n, 0.0);
    for (const Block& b : blocks)
        for (std::size_t i = b.begin; i < b.end; ++i) out[i] = b.wt / b.w + offset[i];
}

}  // namespace

GraphLayout layoutScenario(const Scenario& s, const LayoutOptions& opt) {
    GraphLayout out;
    const std::size_t n = s.nodes.size();
    if (n == 0) return out;

    // 1. Edges, back edges by depth-first search from the start, then from every unvisited node.
    std::vector<RawEdge> edges = collectEdges(s);
    std::vector<std::vector<std::size_t>> outEdges(n);
    for (std::size_t e = 0; e < edges.size(); ++e) outEdges[edges[e].from].push_back(e);
    std::vector<int> state(n, 0);
    const std::size_t start = s.resolve(s.start, s.startIndex);
    if (start < n) markBackEdges(start, outEdges, edges, state);
    std::vector<char> reachable(n, 0);
    for (std::size_t i = 0; i < n; ++i) reachable[i] = state[i] != 0;
    for (std::size_t i = 0; i < n; ++i)
        if (state[i] == 0) markBackEdges(i, outEdges, edges, state);

    // 2. Ranks: the longest path from the start; unreachable nodes in the ranks after.
    std::vector<std::vector<std::size_t>> succ(n);
    for (const RawEdge& e : edges)
        if (!e.selfLoop && !e.back) succ[e.from].push_back(e.to);
    for (const RawEdge& e : edges)
        if (!e.selfLoop && e.back && reachable[e.from] == reachable[e.to]) succ[e.to].push_back(e.from);
    std::vector<int> rank(n, 0);
    std::vector<std::size_t> members[2];
    for (std::size_t i = 0; i < n; ++i) members[reachable[i] ? 0 : 1].push_back(i);
    std::vector<char> inSet(n, 0);
    for (std::size_t u : members[0]) inSet[u] = 1;
    rankByLongestPath(members[0], inSet, succ, 0, rank);
    int maxRank = -1;
    for (std::size_t u : members[0]) maxRank = std::max(maxRank, rank[u]);
    std::vector<char> inRest(n, 0);
    for (std::size_t u : members[1]) inRest[u] = 1;
    rankByLongestPath(members[1], inRest, succ, maxRank + 1, rank);
    // An edge from an unreachable island into the reachable part points upwards: a back edge.
    for (RawEdge& e : edges)
        if (!e.selfLoop && !reachable[e.from] && reachable[e.to]) e.back = true;

    // 3. Layers with dummies; edges between the same two nodes share one chain.
    int rankCount = 0;
    for (std::size_t i = 0; i < n; ++i) rankCount = std::max(rankCount, rank[i] + 1);
    LayerGraph& g = out.layered;
    g.nodeCount = n;
    g.layers.assign(static_cast<std::size_t>(rankCount), {});
    g.down.assign(n, {});
    std::vector<int> itemRank(rank.begin(), rank.end());
    std::vector<int> group(n, 0);
    for (std::size_t i = 0; i < n; ++i) group[i] = reachable[i] ? 0 : 1;
    std::vector<Chain> chains;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> chainOf;
    for (RawEdge& e : edges) {
        if (e.selfLoop) continue;
        const std::size_t a = e.back ? e.to : e.from, b = e.back ? e.from : e.to;
        auto [it, added] = chainOf.try_emplace({a, b}, chains.size());
        e.chain = it->second;
        if (!added) continue;
        Chain chain;
        chain.items.push_back(static_cast<int>(a));
        const int grp = reachable[a] && reachable[b] ? 0 : 1;
        for (int r = rank[a] + 1; r < rank[b]; ++r) {
            const int d = static_cast<int>(g.down.size());
            g.down.emplace_back();
            itemRank.push_back(r);
            group.push_back(grp);
            chain.items.push_back(d);
        }
        chain.items.push_back(static_cast<int>(b));
        for (std::size_t k = 0; k + 1 < chain.items.size(); ++k)
            g.down[static_cast<std::size_t>(chain.items[k])].push_back(chain.items[k + 1]);
        chains.push_back(std::move(chain));
    }

    // Initial order: depth-first from the start along the links, then the rest in file order;
    // reachable items before the others in every layer.
    {
        std::vector<char> placed(g.down.size(), 0);
        auto visit = [&](int root) {
            if (placed[static_cast<std::size_t>(root)]) return;
            std::vector<std::pair<int, std::size_t>> stack{{root, 0}};
            placed[static_cast<std::size_t>(root)] = 1;
            g.layers[static_cast<std::size_t>(itemRank[static_cast<std::size_t>(root)])].push_back(root);
            while (!stack.empty()) {
                auto& [item, k] = stack.back();
                const auto& next = g.down[static_cast<std::size_t>(item)];
                if (k == next.size()) {
                    stack.pop_back();
                    continue;
                }
                const int v = next[k++];
                if (placed[static_cast<std::size_t>(v)]) continue;
                placed[static_cast<std::size_t>(v)] = 1;
                g.layers[static_cast<std::size_t>(itemRank[static_cast<std::size_t>(v)])].push_back(v);
                stack.emplace_back(v, 0);
            }
        };
        if (start < n) visit(static_cast<int>(start));
        for (std::size_t i = 0; i < n; ++i) visit(static_cast<int>(i));
        for (std::size_t d = n; d < g.down.size(); ++d) visit(static_cast<int>(d));  // defensive
        for (auto& layer : g.layers)
            std::stable_partition(layer.begin(), layer.end(),
                                  [&](int item) { return group[static_cast<std::size_t>(item)] == 0; });
    }

    // 4. Crossing reduction.
    Orderer orderer(g, group);
    out.crossings = orderer.run(std::max(0, opt.sweeps));
    for (const auto& layer : g.layers) orderer.renumber(layer);

    // 5. Widths, then x coordinates.
    out.nodes.resize(n);
    std::vector<double> width(g.down.size(), opt.dummyWidth);
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = s.nodes[i];
        LayoutNode& ln = out.nodes[i];
        ln.node = i;
        ln.rank = rank[i];
        ln.reachable = reachable[i] != 0;
        const std::string& text = node.ending && !node.ending->title.empty()
                                      ? node.ending->title.in(opt.lang)
                                      : node.lines.empty() ? std::string() : node.lines.front().text.in(opt.lang);
        ln.label = snippet(text, opt.labelChars);
        const int textCells = std::max(displayCells(node.id), displayCells(ln.label));
        ln.w = std::clamp(static_cast<float>(textCells) * opt.charWidth + 20.f, opt.minNodeWidth, opt.maxNodeWidth);
        ln.h = opt.nodeHeight;
        width[i] = ln.w;
    }
    std::vector<double> pinnedCentre(g.down.size(), 0.0);
    std::vector<char> isPinned(g.down.size(), 0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = opt.pinned.find(s.nodes[i].id);
        if (it == opt.pinned.end()) continue;
        isPinned[i] = 1;
        pinnedCentre[i] = it->second.x + width[i] / 2.0;
    }
    const auto separation = [&](int a, int b) {
        const bool real = static_cast<std::size_t>(a) < n && static_cast<std::size_t>(b) < n;
        return (width[static_cast<std::size_t>(a)] + width[static_cast<std::size_t>(b)]) / 2.0 +
               (real ? opt.nodeGap : opt.nodeGap / 3.0);
    };
    std::vector<double> cx(g.down.size(), 0.0);
    for (const auto& layer : g.layers)
        for (std::size_t i = 1; i < layer.size(); ++i)
            cx[static_cast<std::size_t>(layer[i])] =
                cx[static_cast<std::size_t>(layer[i - 1])] + separation(layer[i - 1], layer[i]);
    {
        std::vector<double> desired, weight, sep, placed;
        const auto relax = [&](const std::vector<int>& layer, bool useUp, bool useDown) {
            desired.assign(layer.size(), 0.0);
            weight.assign(layer.size(), 0.0);
            sep.assign(layer.size(), 0.0);
            for (std::size_t i = 0; i < layer.size(); ++i) {
                const auto item = static_cast<std::size_t>(layer[i]);
                double sum = 0.0;
                int count = 0;
                if (useUp)
                    for (int v : orderer.up[item]) sum += cx[static_cast<std::size_t>(v)], ++count;
                if (useDown)
                    for (int v : g.down[item]) sum += cx[static_cast<std::size_t>(v)], ++count;
                if (isPinned[item]) {
                    desired[i] = pinnedCentre[item];
                    weight[i] = 1e4;
                } else if (count == 0) {
                    desired[i] = cx[item];
                    weight[i] = 0.25;
                } else {
                    desired[i] = sum / count;
                    weight[i] = item >= n ? 4.0 : 1.0;  // long edges stay straight
                }
                if (i + 1 < layer.size()) sep[i] = separation(layer[i], layer[i + 1]);
            }
            placeLayer(desired, weight, sep, placed);
            for (std::size_t i = 0; i < layer.size(); ++i) cx[static_cast<std::size_t>(layer[i])] = placed[i];
        };
        const std::size_t layers = g.layers.size();
        for (int pass = 0; pass < opt.coordinatePasses; ++pass) {
            const bool last = pass + 1 == opt.coordinatePasses;
            if (pass % 2 == 0) {
                for (std::size_t r = 0; r < layers; ++r) relax(g.layers[r], true, last);
            } else {
                for (std::size_t r = layers; r-- > 0;) relax(g.layers[r], last, true);
            }
        }
    }
    if (opt.pinned.empty()) {  // shift to start at x = 0 (pinned layouts keep their coordinates)
        double minLeft = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < g.down.size(); ++i) minLeft = std::min(minLeft, cx[i] - width[i] / 2.0);
        for (double& x : cx) x -= minLeft;
    }

    // Boxes and the rank lists.
    const float pitch = opt.nodeHeight + opt.rankGap;
    out.ranks.assign(g.layers.size(), {});
    for (std::size_t r = 0; r < g.layers.size(); ++r)
        for (int item : g.layers[r])
            if (static_cast<std::size_t>(item) < n) {
                LayoutNode& ln = out.nodes[static_cast<std::size_t>(item)];
                ln.order = static_cast<int>(out.ranks[r].size());
                out.ranks[r].push_back(static_cast<std::size_t>(item));
            }
    for (std::size_t i = 0; i < n; ++i) {
        LayoutNode& ln = out.nodes[i];
        ln.x = static_cast<float>(cx[i] - width[i] / 2.0);
        ln.y = static_cast<float>(ln.rank) * pitch;
        if (const auto it = opt.pinned.find(s.nodes[i].id); it != opt.pinned.end()) {
            ln.x = it->second.x;
            ln.y = it->second.y;
            ln.pinned = true;
        }
    }

    // 6. Edge polylines: ports spread along the box side, sorted by where the edge goes.
    struct Port {
        double towards;  // x of the neighbouring item
        std::size_t edge;
        bool start;      // the edge starts here
    };
    std::vector<std::vector<Port>> bottom(n), top(n);
    const auto itemX = [&](int item) {
        return static_cast<std::size_t>(item) < n
                   ? out.nodes[static_cast<std::size_t>(item)].x + out.nodes[static_cast<std::size_t>(item)].w / 2.0
                   : cx[static_cast<std::size_t>(item)];
    };
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const RawEdge& re = edges[e];
        if (re.selfLoop) continue;
        const auto& items = chains[re.chain].items;
        const auto upper = static_cast<std::size_t>(items.front());
        const auto lower = static_cast<std::size_t>(items.back());
        bottom[upper].push_back({itemX(items[1]), e, !re.back});
        top[lower].push_back({itemX(items[items.size() - 2]), e, re.back});
    }
    std::vector<LayoutPoint> startPoint(edges.size()), endPoint(edges.size());
    const auto spread = [&](std::vector<std::vector<Port>>& side, bool isBottom) {
        for (std::size_t i = 0; i < n; ++i) {
            auto& ports = side[i];
            std::stable_sort(ports.begin(), ports.end(), [](const Port& a, const Port& b) {
                return a.towards != b.towards ? a.towards < b.towards : a.edge < b.edge;
            });
            const LayoutNode& ln = out.nodes[i];
            for (std::size_t k = 0; k < ports.size(); ++k) {
                const LayoutPoint p{ln.x + ln.w * static_cast<float>(k + 1) / static_cast<float>(ports.size() + 1),
                                    isBottom ? ln.y + ln.h : ln.y};
                (ports[k].start ? startPoint : endPoint)[ports[k].edge] = p;
            }
        }
    };
    spread(bottom, true);
    spread(top, false);
    std::vector<int> loops(n, 0);
    out.edges.reserve(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const RawEdge& re = edges[e];
        LayoutEdge le;
        le.from = re.from;
        le.to = re.to;
        le.choice = re.choice;
        le.back = re.back;
        le.selfLoop = re.selfLoop;
        const Node& node = s.nodes[re.from];
        if (re.choice == kTimeoutChoice) {
            le.number = 0;
            le.label = std::to_string(node.timeLimit->seconds) + " s";
        } else {
            le.number = re.choice + 1;
            le.label = snippet(node.choices[static_cast<std::size_t>(re.choice)].text.in(opt.lang), opt.edgeLabelChars);
        }
        const LayoutNode& ln = out.nodes[re.from];
        if (re.selfLoop) {
            const float off = 10.f * static_cast<float>(loops[re.from]++);
            const float x0 = ln.x + ln.w, x1 = x0 + 22.f + off;
            const float y0 = ln.y + ln.h * 0.3f, y1 = ln.y + ln.h * 0.7f;
            le.points = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
        } else {
            const auto& items = chains[re.chain].items;
            le.points.push_back(startPoint[e]);
            std::vector<LayoutPoint> middle;
            for (std::size_t k = 1; k + 1 < items.size(); ++k) {
                const auto d = static_cast<std::size_t>(items[k]);
                const auto y = static_cast<float>(itemRank[d]) * pitch;
                middle.push_back({static_cast<float>(cx[d]), y});
                middle.push_back({static_cast<float>(cx[d]), y + opt.nodeHeight});
            }
            if (re.back) std::reverse(middle.begin(), middle.end());
            le.points.insert(le.points.end(), middle.begin(), middle.end());
            le.points.push_back(endPoint[e]);
        }
        le.minX = le.maxX = le.points.front().x;
        le.minY = le.maxY = le.points.front().y;
        for (const LayoutPoint& p : le.points) {
            le.minX = std::min(le.minX, p.x);
            le.maxX = std::max(le.maxX, p.x);
            le.minY = std::min(le.minY, p.y);
            le.maxY = std::max(le.maxY, p.y);
        }
        out.edges.push_back(std::move(le));
    }

    // Bounds.
    float minX = std::numeric_limits<float>::max(), minY = minX;
    float maxX = std::numeric_limits<float>::lowest(), maxY = maxX;
    for (const LayoutNode& ln : out.nodes) {
        minX = std::min(minX, ln.x);
        minY = std::min(minY, ln.y);
        maxX = std::max(maxX, ln.x + ln.w);
        maxY = std::max(maxY, ln.y + ln.h);
    }
    for (const LayoutEdge& le : out.edges) {
        minX = std::min(minX, le.minX);
        minY = std::min(minY, le.minY);
        maxX = std::max(maxX, le.maxX);
        maxY = std::max(maxY, le.maxY);
    }
    out.minX = minX;
    out.minY = minY;
    out.width = maxX - minX;
    out.height = maxY - minY;
    return out;
}

}  // namespace counterplay::core
