// Play from here (see PlayFromHere.h).
#include "counterplay/core/PlayFromHere.h"

#include <algorithm>
#include <charconv>
#include <deque>

#include "counterplay/core/Suggest.h"

namespace counterplay::core {

namespace {

/// Fewest decisions from the start to each node (conditions ignored); -1 when unreachable.
std::vector<int> depths(const Scenario& sc, std::size_t start) {
    std::vector<int> d(sc.nodes.size(), -1);
    std::deque<std::size_t> todo{start};
    d[start] = 0;
    while (!todo.empty()) {
        const std::size_t n = todo.front();
        todo.pop_front();
        auto visit = [&](const std::string& next, std::size_t stored) {
            const std::size_t t = sc.resolve(next, stored);
            if (t < sc.nodes.size() && d[t] < 0) d[t] = d[n] + 1, todo.push_back(t);
        };
        for (const Choice& c : sc.nodes[n].choices) visit(c.next, c.nextIndex);
        if (sc.nodes[n].timeLimit) visit(sc.nodes[n].timeLimit->next, sc.nodes[n].timeLimit->nextIndex);
    }
    return d;
}

/// Every tag on a choice or timeout reachable from `from` (conditions ignored).
std::vector<std::string> tagsAhead(const Scenario& sc, std::size_t from) {
    std::vector<std::uint8_t> seen(sc.nodes.size(), 0);
    std::vector<std::size_t> todo{from};
    seen[from] = 1;
    std::vector<std::string> tags;
    while (!todo.empty()) {
        const Node& node = sc.nodes[todo.back()];
        todo.pop_back();
        auto visit = [&](const std::string& next, std::size_t stored,
                         const std::vector<std::string>& t) {
            tags.insert(tags.end(), t.begin(), t.end());
            const std::size_t i = sc.resolve(next, stored);
            if (i < sc.nodes.size() && !seen[i]) seen[i] = 1, todo.push_back(i);
        };
        for (const Choice& c : node.choices) visit(c.next, c.nextIndex, c.tags);
        if (node.timeLimit) visit(node.timeLimit->next, node.timeLimit->nextIndex, node.timeLimit->tags);
    }
    return tags;
}

bool toInt(const std::string& s, int& out) {
    const char* end = s.data() + s.size();
    const auto r = std::from_chars(s.data(), end, out);
    return !s.empty() && r.ec == std::errc() && r.ptr == end;
}

bool applySetting(Scenario& s, const StateSetting& set, std::string& error, PlayStartProblem& p) {
    using Kind = PlayStartProblem::Kind;
    p.name = set.name;
    p.value = set.value;
    const std::string& name = set.name;
    const std::string& value = set.value;
    if (s.flags.count(name)) {
        if (value == "true" || value == "1") s.flags[name] = true;
        else if (value == "false" || value == "0") s.flags[name] = false;
        else {
            p.kind = Kind::NotAFlagValue;
            error = "flag '" + name + "' takes true or false, got '" + value + "'";
            return false;
        }
        return true;
    }
    const bool percent = name == "mood" || name == "trust";
    if (!percent && !s.counters.count(name)) {
        std::vector<std::string> known = {"mood", "trust"};
        for (const auto& [n, v] : s.flags) known.push_back(n);
        for (const auto& [n, v] : s.counters) known.push_back(n);
        const std::string near = closestMatch(name, known);
        p.kind = Kind::UnknownVariable;
        p.suggestion = near;
        p.known = known;
        error = "no state variable '" + name + "' in this scenario" +
                (near.empty() ? "" : " (did you mean '" + near + "'?)");
        return false;
    }
    int number = 0;
    if (!toInt(value, number)) {
        p.kind = Kind::NotAnInteger;
        error = "'" + name + "' takes an integer, got '" + value + "'";
        return false;
    }
    if (percent && (number < 0 || number > 100)) {
        p.kind = Kind::OutOfRange;
        error = "'" + name + "' is from 0 to 100, got " + value;
        return false;
    }
    if (name == "mood") s.customer.mood = number;
    else if (name == "trust") s.customer.trust = number;
    else s.counters[name] = number;
    return true;
}

}  // namespace

bool parseStateSetting(std::string_view text, StateSetting& out, std::string& error) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0) {
        error = "expected NAME=VALUE, got '" + std::string(text) + "'";
        return false;
    }
    out.name = std::string(text.substr(0, eq));
    out.value = std::string(text.substr(eq + 1));
    return true;
}

PlayStart playFromHere(const Scenario& scenario, const std::string& nodeId,
                       const std::vector<StateSetting>& settings) {
    PlayStart out;
    auto copy = std::make_shared<Scenario>(scenario);
    const std::size_t start = scenario.resolve(scenario.start, scenario.startIndex);
    if (start >= scenario.nodes.size()) {
        out.problem.kind = PlayStartProblem::Kind::NoStartNode;
        out.problem.name = scenario.start;
        out.error = "the scenario has no start node '" + scenario.start + "'";
        return out;
    }
    std::size_t at = start;
    if (!nodeId.empty()) {
        auto it = scenario.nodeIndex.find(nodeId);
        if (it == scenario.nodeIndex.end()) {
            std::vector<std::string> ids;
            for (const Node& n : scenario.nodes) ids.push_back(n.id);
            const std::string near = closestMatch(nodeId, ids);
            out.problem.kind = PlayStartProblem::Kind::UnknownNode;
            out.problem.name = nodeId;
            out.problem.suggestion = near;
            out.error = "no node '" + nodeId + "' in this scenario" +
                        (near.empty() ? "" : " (did you mean '" + near + "'?)");
            return out;
        }
        at = it->second;
        copy->start = nodeId;
        copy->startIndex = at;
    }
    for (const StateSetting& s : settings)
        if (!applySetting(*copy, s, out.error, out.problem)) return out;

    if (at != start) {
        const std::vector<int> depth = depths(scenario, start);
        out.decisionsBefore = std::max(depth[at], 0);
        const std::vector<std::string> ahead = tagsAhead(scenario, at);
        for (CriticalAction& ca : copy->criticalActions) {
            const bool reachable = std::find(ahead.begin(), ahead.end(), ca.tag) != ahead.end();
            if (ca.deadline && *ca.deadline <= out.decisionsBefore) ca.notApplicable = true;
            else if (!reachable) ca.notApplicable = true;
            else if (ca.deadline) *ca.deadline -= out.decisionsBefore;
            if (ca.notApplicable) out.notApplicable.push_back(ca.id);
        }
    }
    out.scenario = std::move(copy);
    return out;
}

}  // namespace counterplay::core
