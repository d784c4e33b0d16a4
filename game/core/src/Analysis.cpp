// Graph analysis: best/worst reachable totals and per-principle ranges, honouring conditions.
//
// The scenario is compiled into a flat graph (edges = choices in file order, then the timeout).
// A search state is (node, values of the variables that some condition reads); effects on other
// variables cannot change which choices are offered, so they are left out of the key. With no
// conditions the key is empty and the search is linear in nodes + edges. One iterative
// post-order DFS computes, per state, the best and worst total (ties: first edge in file order)
// and the best/worst sum of every principle at once.
#include "counterplay/core/Analysis.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string_view>

#include "AnalysisGraph.h"
#include "ScoringRules.h"
#include "counterplay/core/State.h"

namespace counterplay::core {

namespace {

using namespace analysis;

constexpr std::int64_t kNone = INT64_MIN / 4;  // "no complete path from here"
constexpr std::int32_t kCycle = -2;            // successor slot: edge closes a cycle
constexpr std::size_t kMaxStates = 250'000;    // beyond this, conditions are ignored

int clampInt(std::int64_t v) {
    return v == kNone ? 0 : static_cast<int>(std::clamp<std::int64_t>(v, INT_MIN, INT_MAX));
}

/// The search over (node, key) states.
struct Search {
    const Graph& g;
    const Scenario& sc;
    std::size_t K, P;
    // per state
    std::vector<std::uint32_t> node, keyOff, succOff;
    std::vector<std::uint8_t> status;  // 0 new, 1 in progress, 2 done
    std::vector<std::int64_t> best, worst;
    std::vector<std::int32_t> bestEdge, worstEdge;  // local edge index or -1
    std::vector<std::int64_t> pBest, pWorst;        // states * P
    std::vector<int> keys;
    std::vector<std::int32_t> succ;
    // lookup
    std::vector<std::int32_t> byNode;  // K == 0: the one state of each node
    std::vector<std::int32_t> table;   // K > 0: open addressing on hashOf(node, key)
    std::vector<std::uint64_t> hashes; // K > 0: per state
    // findings
    std::vector<std::uint8_t> edgeAvailable, nodeReached, nodeStuck;
    bool overflow = false;

    Search(const Graph& graph, const Scenario& scenario)
        : g(graph), sc(scenario), K(graph.variables.size()), P(graph.principles.size()) {
        edgeAvailable.assign(g.edges.size(), 0);
        nodeReached.assign(g.nodeCount, 0);
        nodeStuck.assign(g.nodeCount, 0);
        for (auto* v : {&node, &keyOff, &succOff}) v->reserve(g.nodeCount);
        for (auto* v : {&best, &worst}) v->reserve(g.nodeCount);
        for (auto* v : {&bestEdge, &worstEdge}) v->reserve(g.nodeCount);
        for (auto* v : {&pBest, &pWorst}) v->reserve(g.nodeCount * P);
        status.reserve(g.nodeCount);
        succ.reserve(g.edges.size());
        keys.reserve(g.nodeCount * K);
        if (K == 0) {
            byNode.assign(g.nodeCount, -1);
        } else {
            std::size_t size = 1024;
            while (size < g.nodeCount * 4) size *= 2;
            table.assign(size, -1);
        }
    }

    void grow() {
        std::vector<std::int32_t> bigger(table.size() * 2, -1);
        const std::size_t mask = bigger.size() - 1;
        for (std::size_t s = 0; s < hashes.size(); ++s) {
            std::size_t i = hashes[s] & mask;
            while (bigger[i] >= 0) i = (i + 1) & mask;
            bigger[i] = static_cast<std::int32_t>(s);
        }
        table.swap(bigger);
    }

    std::uint64_t hashOf(std::size_t n, const int* key) const {
        std::uint64_t h = n * 0x9E3779B97F4A7C15ULL;
        for (std::size_t i = 0; i < K; ++i)
            h = (h ^ static_cast<std::uint32_t>(key[i])) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;  // splitmix64 finaliser: spread into the low bits used as the slot
        h *= 0x94D049BB133111EBULL;
        return h ^ (h >> 29);
    }

    std::int32_t findOrCreate(std::size_t n, const int* key) {
        std::uint64_t h = 0;
        std::size_t slot = 0;
        if (K == 0) {
            if (byNode[n] >= 0) return byNode[n];
        } else {
            h = hashOf(n, key);
            const std::size_t mask = table.size() - 1;
            for (slot = h & mask; table[slot] >= 0; slot = (slot + 1) & mask) {
                const std::int32_t s = table[slot];
                if (hashes[s] == h && node[s] == n &&
                    std::equal(key, key + K, keys.begin() + keyOff[s]))
                    return s;
            }
        }
        const auto s = static_cast<std::int32_t>(node.size());
        node.push_back(static_cast<std::uint32_t>(n));
        keyOff.push_back(static_cast<std::uint32_t>(keys.size()));
        keys.insert(keys.end(), key, key + K);
        const std::uint32_t edgeCount = g.edgeBegin[n + 1] - g.edgeBegin[n];
        succOff.push_back(static_cast<std::uint32_t>(succ.size()));
        succ.insert(succ.end(), edgeCount, -1);
        status.push_back(0);
        best.push_back(kNone), worst.push_back(kNone);
        bestEdge.push_back(-1), worstEdge.push_back(-1);
        pBest.insert(pBest.end(), P, kNone);
        pWorst.insert(pWorst.end(), P, kNone);
        if (K == 0) {
            byNode[n] = s;
        } else {
            hashes.push_back(h);
            table[slot] = s;
            if (hashes.size() * 2 > table.size()) grow();
        }
        nodeReached[n] = 1;
        return s;
    }

    static void applyEffect(int& v, const CompiledEffect& e) { applyCompiledEffect(v, e); }

    /// Runs the search from the start node; false when the state cap was hit.
    bool run(std::size_t start) {
        std::vector<int> scratch(K);
        struct Frame {
            std::int32_t state;
            std::uint32_t cursor;
        };
        std::vector<Frame> stack;
        stack.reserve(g.nodeCount + 1);  // a path visits each node at most once
        const std::int32_t root = findOrCreate(start, g.initialKey.data());
        status[root] = 1;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            const std::int32_t s = stack.back().state;
            const std::uint32_t n = node[s];
            const std::uint32_t begin = g.edgeBegin[n], count = g.edgeBegin[n + 1] - begin;
            if (stack.back().cursor < count) {
                const std::uint32_t i = stack.back().cursor++;
                const Edge& e = g.edges[begin + i];
                if (e.target >= g.nodeCount) continue;
                const int* key = keys.data() + keyOff[s];
                if (e.condition && !e.condition->evaluateIndexed(key, g.slots.data() + e.slotOff))
                    continue;
                edgeAvailable[begin + i] = 1;
                std::copy(key, key + K, scratch.begin());
                for (std::uint32_t k = 0; k < e.effCount; ++k) {
                    const CompiledEffect& fx = g.effects[e.effOff + k];
                    applyEffect(scratch[fx.slot], fx);
                }
                const std::int32_t t = findOrCreate(e.target, scratch.data());
                if (node.size() > kMaxStates) {
                    overflow = true;
                    return false;
                }
                if (status[t] == 1) {  // back edge: a cycle (the loader should have refused it)
                    succ[succOff[s] + i] = kCycle;
                    continue;
                }
                succ[succOff[s] + i] = t;
                if (status[t] == 0) {
                    status[t] = 1;
                    stack.push_back({t, 0});
                }
                continue;
            }
            finish(s);
            status[s] = 2;
            stack.pop_back();
        }
        return true;
    }

    void finish(std::int32_t s) {
        const std::uint32_t n = node[s];
        const std::size_t pb = static_cast<std::size_t>(s) * P;
        if (sc.nodes[n].isEnding()) {
            best[s] = worst[s] = 0;
            std::fill_n(pBest.begin() + pb, P, 0);
            std::fill_n(pWorst.begin() + pb, P, 0);
            return;
        }
        const std::uint32_t begin = g.edgeBegin[n], count = g.edgeBegin[n + 1] - begin;
        bool anyAvailable = false;
        for (std::uint32_t i = 0; i < count; ++i) {
            const std::int32_t t = succ[succOff[s] + i];
            if (t == kCycle) anyAvailable = true;
            if (t < 0) continue;
            anyAvailable = true;
            if (best[t] == kNone) continue;
            const Edge& e = g.edges[begin + i];
            const std::int64_t hi = e.total + best[t], lo = e.total + worst[t];
            if (best[s] == kNone || hi > best[s]) best[s] = hi, bestEdge[s] = static_cast<int>(i);
            if (worst[s] == kNone || lo < worst[s]) worst[s] = lo, worstEdge[s] = static_cast<int>(i);
            const std::size_t tb = static_cast<std::size_t>(t) * P;
            for (std::size_t p = 0; p < P; ++p) {
                std::int64_t add = 0;
                for (std::uint32_t k = 0; k < e.ptsCount; ++k)
                    if (static_cast<std::size_t>(g.points[e.ptsOff + k].first) == p)
                        add += g.points[e.ptsOff + k].second;
                if (pBest[pb + p] == kNone || pBest[tb + p] + add > pBest[pb + p])
                    pBest[pb + p] = pBest[tb + p] + add;
                if (pWorst[pb + p] == kNone || pWorst[tb + p] + add < pWorst[pb + p])
                    pWorst[pb + p] = pWorst[tb + p] + add;
            }
        }
        if (!anyAvailable) nodeStuck[n] = 1;
    }

    /// The best (or worst) path from `root`; `tags` receives each step's tags.
    ScoredPath path(std::int32_t root, bool wantBest,
                    std::vector<const std::vector<std::string>*>& tags) const {
        ScoredPath out;
        tags.clear();
        if (best[root] == kNone) return out;
        out.exists = true;
        std::vector<std::int64_t> sums(P, 0);
        std::vector<std::uint8_t> touched(P, 0);
        std::int32_t s = root;
        while (!sc.nodes[node[s]].isEnding()) {
            const int i = wantBest ? bestEdge[s] : worstEdge[s];
            const Edge& e = g.edges[g.edgeBegin[node[s]] + static_cast<std::uint32_t>(i)];
            out.steps.push_back({sc.nodes[node[s]].id, e.choiceIndex});
            tags.push_back(e.tags);
            for (std::uint32_t k = 0; k < e.ptsCount; ++k) {
                const auto& [p, pts] = g.points[e.ptsOff + k];
                sums[static_cast<std::size_t>(p)] += pts;
                touched[static_cast<std::size_t>(p)] = 1;
            }
            s = succ[succOff[s] + static_cast<std::uint32_t>(i)];
        }
        for (std::size_t p = 0; p < P; ++p)
            if (touched[p]) out.points.emplace_hint(out.points.end(), g.principles[p], clampInt(sums[p]));
        out.endingNode = sc.nodes[node[s]].id;
        std::int64_t total = wantBest ? best[root] : worst[root];
        out.total = static_cast<int>(std::clamp<std::int64_t>(total, INT_MIN, INT_MAX));
        return out;
    }
};

Diagnostic problem(const Scenario& sc, Severity sev, std::string path, std::string message,
                   int line = 0, int column = 0) {
    Diagnostic d;
    d.file = sc.file;
    d.line = line;
    d.column = column;
    d.path = std::move(path);
    d.severity = sev;
    d.message = std::move(message);
    return d;
}

/// Pass or fail of one complete path under the scorecard's rules (ScoringRules.h): the same
/// percentage and critical-action checks, without building a whole scorecard (the analysis must
/// stay within a few ms on 5,000 nodes; the state search already guarantees the path is playable).
struct Verdict {
    bool passed = false;
    int percent = 0;
    std::string why;  // when not passed
};

Verdict judge(const Scenario& sc, const ScoredPath& path, int bestTotal,
              const std::vector<const std::vector<std::string>*>& tags) {
    Verdict v;
    v.percent = rules::percentFor(path.total, bestTotal);
    for (const CriticalResult& c : rules::criticalResults(sc, tags))
        if (!c.met && !c.notApplicable) v.why += (v.why.empty() ? "misses " : ", ") + ("critical action '" + c.id + "' (" + c.reason + ")");
    if (v.why.empty() && v.percent < sc.passThreshold)
        v.why = "scores " + std::to_string(v.percent) + "% (threshold " +
                std::to_string(sc.passThreshold) + "%)";
    v.passed = path.exists && v.why.empty();
    return v;
}

}  // namespace

Analysis analyzeScenario(const Scenario& sc) {
    Analysis a;
    const std::size_t N = sc.nodes.size();
    const std::size_t start = sc.resolve(sc.start, sc.startIndex);
    if (start >= N) {
        a.problems.push_back(problem(sc, Severity::Error, "start",
                                     "the start node '" + sc.start + "' does not exist"));
        return a;
    }

    // Structure: plain reachability (conditions ignored) and dead ends.
    Graph g = compile(sc, false);
    std::vector<std::uint8_t> plainReach(N, 0);
    {
        std::vector<std::uint8_t>& seen = plainReach;
        std::vector<std::size_t> todo{start};
        seen[start] = 1;
        while (!todo.empty()) {
            const std::size_t n = todo.back();
            todo.pop_back();
            for (std::uint32_t e = g.edgeBegin[n]; e < g.edgeBegin[n + 1]; ++e) {
                const std::size_t t = g.edges[e].target;
                if (t < N && !seen[t]) seen[t] = 1, todo.push_back(t);
            }
        }
        for (std::size_t n = 0; n < N; ++n) {
            if (!seen[n]) a.unreachable.push_back(sc.nodes[n].id);
            if (sc.nodes[n].choices.empty() && !sc.nodes[n].isEnding())
                a.deadEnds.push_back(sc.nodes[n].id);
        }
        const std::string cycle = findCycle(sc, g);
        if (!cycle.empty())
            a.problems.push_back(problem(sc, Severity::Error, "nodes",
                                         "the scenario graph has a cycle: " + cycle +
                                             " (the analysis ignores the step that closes it)"));
        for (const std::string& id : a.deadEnds) {
            const Node& node = *sc.findNode(id);
            a.problems.push_back(problem(sc, Severity::Error, "nodes." + id,
                                         "dead end: node '" + id + "' has neither choices nor an ending",
                                         node.line, node.column));
        }
    }

    // The search; if the state space explodes, fall back to ignoring conditions.
    Search search(g, sc);
    bool exact = search.run(start);
    Graph loose;
    std::unique_ptr<Search> fallback;
    if (!exact) {
        loose = compile(sc, true);
        fallback = std::make_unique<Search>(loose, sc);
        fallback->run(start);
        a.problems.push_back(problem(
            sc, Severity::Warning, "",
            "too many distinct states (over " + std::to_string(kMaxStates) +
                ") for an exact analysis; conditions were ignored, so the best and worst paths "
                "may not be playable"));
    }
    const Search& S = exact ? search : *fallback;
    const Graph& G = exact ? g : loose;

    a.exercised = G.principles;
    std::vector<const std::vector<std::string>*> bestTags, worstTags;
    a.best = S.path(0, true, bestTags);
    a.worst = S.path(0, false, worstTags);
    for (std::size_t p = 0; p < S.P; ++p)
        a.principles.push_back({G.principles[p], clampInt(S.pBest[p]), clampInt(S.pWorst[p])});
    for (std::size_t n = 0; n < N; ++n)
        if (S.nodeReached[n] && sc.nodes[n].isEnding()) a.endings.push_back(sc.nodes[n].id);

    if (!a.best.exists)
        a.problems.push_back(problem(sc, Severity::Error, "start",
                                     "no path from the start node reaches an ending"));
    if (exact) {
        for (std::size_t n = 0; n < N; ++n) {
            const Node& node = sc.nodes[n];
            if (!S.nodeReached[n]) {
                if (plainReach[n])  // reachable on the graph, but never with the conditions
                    a.problems.push_back(problem(
                        sc, Severity::Warning, "nodes." + node.id,
                        "node '" + node.id + "' is never reached: every choice leading to it has "
                        "a condition that is never true there",
                        node.line, node.column));
                continue;
            }
            if (S.nodeStuck[n] && !node.choices.empty())
                a.problems.push_back(problem(
                    sc, Severity::Error, "nodes." + node.id,
                    "the player can get stuck at node '" + node.id + "': on some path no choice "
                    "is available and the node has no time limit",
                    node.line, node.column));
            for (std::size_t i = 0; i < node.choices.size(); ++i) {
                const Choice& c = node.choices[i];
                if (!c.condition || S.edgeAvailable[G.edgeBegin[n] + i]) continue;
                a.problems.push_back(problem(
                    sc, Severity::Warning,
                    "nodes." + node.id + ".choices[" + std::to_string(i) + "].condition",
                    "the condition '" + c.condition->source() + "' is never true on any path "
                    "that reaches node '" + node.id + "', so this choice is never offered",
                    c.line, c.column));
            }
        }
    }

    // Can the scenario be passed (best path) and failed (worst path)? A best path that misses a
    // critical action is not searched around: the warning names the action.
    if (a.best.exists) {
        const Verdict v = judge(sc, a.best, a.best.total, bestTags);
        a.canPass = v.passed;
        if (!v.passed)
            a.problems.push_back(problem(sc, Severity::Warning, "",
                                         "cannot pass: the best-scoring path " + v.why));
    }
    if (a.worst.exists) {
        const Verdict v = judge(sc, a.worst, a.best.total, worstTags);
        a.canFail = !v.passed;
        if (v.passed)
            a.problems.push_back(problem(
                sc, Severity::Warning, "pass_threshold",
                "cannot fail: even the worst-scoring path scores " + std::to_string(v.percent) +
                    "% and meets every critical action"));
    }
    return a;
}

std::vector<PrincipleShortfall> principleShortfalls(const Analysis& analysis) {
    std::vector<PrincipleShortfall> out;
    if (!analysis.best.exists) return out;
    for (const PrincipleRange& r : analysis.principles) {
        const auto it = analysis.best.points.find(r.id);
        const int earned = it == analysis.best.points.end() ? 0 : it->second;
        if (earned < r.best) out.push_back({r.id, earned, r.best});
    }
    return out;
}

}  // namespace counterplay::core
