// The analysis graph: compiling a scenario into flat arrays, and cycle detection.
#include "AnalysisGraph.h"

#include <algorithm>
#include <string_view>

#include "counterplay/core/State.h"
#include "counterplay/core/Transcript.h"

namespace counterplay::core::analysis {

namespace {

int findOrAdd(std::vector<std::string_view>& names, std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<int>(i);
    names.push_back(name);
    return static_cast<int>(names.size() - 1);
}

}  // namespace

Graph compile(const Scenario& sc, bool ignoreConditions) {
    Graph g;
    g.nodeCount = sc.nodes.size();
    // Relevant variables: those any condition reads.
    std::vector<std::string_view> vars;
    if (!ignoreConditions)
        for (const Node& n : sc.nodes)
            for (const Choice& c : n.choices)
                if (c.condition)
                    for (const std::string& v : c.condition->variables()) findOrAdd(vars, v);
    const State initial = State::initial(sc);
    for (std::string_view v : vars) {
        g.variables.emplace_back(v);
        g.initialKey.push_back(initial.valueOf(std::string(v)).value_or(0));
    }
    auto slotOf = [&](std::string_view name) {
        for (std::size_t i = 0; i < vars.size(); ++i)
            if (vars[i] == name) return static_cast<int>(i);
        return -1;
    };

    std::vector<std::string_view> principleNames;  // first-seen order, remapped below
    auto addEdge = [&](std::size_t target, int choiceIndex, const Condition* cond,
                       const std::vector<Effect>& effects, const Points& points,
                       const std::vector<std::string>& tags) {
        Edge e;
        e.target = target;
        e.choiceIndex = choiceIndex;
        e.points = &points;
        e.tags = &tags;
        if (cond && !ignoreConditions) {
            e.condition = cond;
            e.slotOff = static_cast<std::uint32_t>(g.slots.size());
            for (const std::string& v : cond->variables()) g.slots.push_back(slotOf(v));
        }
        e.effOff = static_cast<std::uint32_t>(g.effects.size());
        for (const Effect& fx : effects) {
            const int slot = vars.empty() ? -1 : slotOf(fx.variable);
            if (slot < 0) continue;  // cannot influence any condition
            EffectKind kind = EffectKind::Add;
            if (fx.variable == "mood" || fx.variable == "trust")
                kind = EffectKind::AddClamp;
            else if (sc.flags.count(fx.variable))
                kind = EffectKind::SetBool;
            else if (fx.kind == Effect::Kind::Set)
                kind = EffectKind::Set;
            g.effects.push_back({slot, kind, fx.value});
        }
        e.effCount = static_cast<std::uint32_t>(g.effects.size()) - e.effOff;
        e.ptsOff = static_cast<std::uint32_t>(g.points.size());
        for (const auto& [id, pts] : points) {
            if (pts == 0) continue;
            g.points.push_back({findOrAdd(principleNames, id), pts});
            e.total += pts;
        }
        e.ptsCount = static_cast<std::uint32_t>(g.points.size()) - e.ptsOff;
        g.edges.push_back(e);
    };

    std::size_t edgeCount = 0;
    for (const Node& n : sc.nodes) edgeCount += n.choices.size() + (n.timeLimit ? 1 : 0);
    g.edges.reserve(edgeCount);
    g.points.reserve(edgeCount * 2);
    g.edgeBegin.reserve(g.nodeCount + 1);
    for (const Node& n : sc.nodes) {
        g.edgeBegin.push_back(static_cast<std::uint32_t>(g.edges.size()));
        for (std::size_t i = 0; i < n.choices.size(); ++i) {
            const Choice& c = n.choices[i];
            addEdge(sc.resolve(c.next, c.nextIndex), static_cast<int>(i),
                    c.condition ? &*c.condition : nullptr, c.effects, c.points, c.tags);
        }
        if (n.timeLimit)
            addEdge(sc.resolve(n.timeLimit->next, n.timeLimit->nextIndex), kTimeoutChoice,
                    nullptr, n.timeLimit->effects, n.timeLimit->points, n.timeLimit->tags);
    }
    g.edgeBegin.push_back(static_cast<std::uint32_t>(g.edges.size()));

    // Principle indices in sorted-id order.
    std::vector<int> order(principleNames.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return principleNames[a] < principleNames[b]; });
    std::vector<int> rank(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = static_cast<int>(r);
        g.principles.emplace_back(principleNames[order[r]]);
    }
    for (auto& p : g.points) p.first = rank[p.first];
    return g;
}

std::string findCycle(const Scenario& sc, const Graph& g) {
    const std::size_t N = g.nodeCount;
    std::vector<std::uint8_t> colour(N, 0);  // 0 new, 1 on the stack, 2 done
    std::vector<std::pair<std::size_t, std::uint32_t>> stack;  // node, next edge
    for (std::size_t root = 0; root < N; ++root) {
        if (colour[root]) continue;
        colour[root] = 1;
        stack.push_back({root, g.edgeBegin[root]});
        while (!stack.empty()) {
            auto& [n, e] = stack.back();
            if (e == g.edgeBegin[n + 1]) {
                colour[n] = 2;
                stack.pop_back();
                continue;
            }
            const std::size_t t = g.edges[e++].target;
            if (t >= N || colour[t] == 2) continue;
            if (colour[t] == 0) {
                colour[t] = 1;
                stack.push_back({t, g.edgeBegin[t]});
                continue;
            }
            std::string out;  // t is on the stack: the loop runs from t to the top
            bool in = false;
            for (const auto& frame : stack) {
                in = in || frame.first == t;
                if (in) out += sc.nodes[frame.first].id + " -> ";
            }
            return out + sc.nodes[t].id;
        }
    }
    return "";
}

}  // namespace counterplay::core::analysis
