// Cohort::decisionStats (see Dashboard.h): per decision point of one scenario, how often each
// option was chosen, the best option (from the scenario's analysis), where attempts first left
// the best path, and the median time with the trainees who took more than twice as long.
#include <algorithm>
#include <map>
#include <set>

#include "counterplay/core/Dashboard.h"

namespace counterplay::core {
namespace {

struct PointAcc {
    int reached = 0;
    std::map<int, std::pair<int, std::vector<int>>> choices;  // index -> chosen, trainees
    std::vector<double> seconds;
    std::map<int, std::vector<double>> perTrainee;
    int wrongTurns = 0;
};

}  // namespace

DecisionStats Cohort::decisionStats(const std::string& scenarioId, const DashboardFilter& filter,
                                    const Scenario* scenario, const Analysis* analysis) const {
    DecisionStats out;
    out.scenarioId = scenarioId;
    out.bestKnown = analysis != nullptr && analysis->best.exists;
    std::map<std::string, int> bestChoice;  // node id -> best path choice
    std::vector<std::pair<std::string, int>> bestPath;
    if (out.bestKnown)
        for (const PathStep& s : analysis->best.steps) {
            bestChoice.emplace(s.nodeId, s.choiceIndex);
            bestPath.emplace_back(s.nodeId, s.choiceIndex);
        }
    std::map<int, PointAcc> points;  // node index -> accumulators
    std::map<std::pair<int, int>, int> wrong;  // (node, choice) -> attempts
    for (std::uint32_t i : select(filter)) {
        const CohortAttempt& a = attempts_[i];
        if (scenarios_[a.scenario].id != scenarioId) continue;
        ++out.attempts;
        bool onPath = out.bestKnown;
        for (std::uint32_t d = a.decisionBegin; d < a.decisionEnd; ++d) {
            const CohortDecision& dec = decisions_[d];
            PointAcc& p = points[dec.node];
            ++p.reached;
            auto& [chosen, who] = p.choices[dec.choiceIndex];
            ++chosen;
            if (who.empty() || who.back() != a.trainee) who.push_back(a.trainee);
            const double s = dec.elapsedMs / 1000.0;
            p.seconds.push_back(s);
            p.perTrainee[a.trainee].push_back(s);
            if (onPath) {
                const std::size_t step = d - a.decisionBegin;
                const bool matches = step < bestPath.size() &&
                                     bestPath[step].first == nodes_[dec.node] &&
                                     bestPath[step].second == dec.choiceIndex;
                if (!matches) {
                    onPath = false;
                    ++p.wrongTurns;
                    ++wrong[{dec.node, dec.choiceIndex}];
                }
            }
        }
    }
    auto nodeOf = [&](const std::string& id) -> const Node* {
        if (!scenario) return nullptr;
        auto it = scenario->nodeIndex.find(id);
        return it == scenario->nodeIndex.end() ? nullptr : &scenario->nodes[it->second];
    };
    auto choiceInfo = [&](const Node* node, int index, std::string& id, Text& text) {
        if (node && index >= 0 && std::size_t(index) < node->choices.size()) {
            id = node->choices[std::size_t(index)].id;
            text = node->choices[std::size_t(index)].text;
        } else if (node && index == kTimeoutChoice) {
            id = node->id + ".timeout";
        }
    };
    // Node order: the scenario's file order when known, then the rest by id.
    std::vector<int> order;
    for (const auto& [node, acc] : points) order.push_back(node);
    auto rank = [&](int node) -> std::size_t {
        if (!scenario) return 0;
        auto it = scenario->nodeIndex.find(nodes_[node]);
        return it == scenario->nodeIndex.end() ? scenario->nodes.size() : it->second;
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return std::make_pair(rank(a), nodes_[a]) < std::make_pair(rank(b), nodes_[b]);
    });
    for (int node : order) {
        PointAcc& acc = points[node];
        DecisionPointStats p;
        p.nodeId = nodes_[node];
        p.reached = acc.reached;
        p.wrongTurns = acc.wrongTurns;
        const Node* n = nodeOf(p.nodeId);
        std::set<int> indices;
        for (const auto& [index, v] : acc.choices) indices.insert(index);
        std::vector<int> shown;
        if (n)  // every option of the file, chosen or not, in file order, then the timeout
            for (std::size_t k = 0; k < n->choices.size(); ++k) shown.push_back(int(k));
        if (n && n->timeLimit) shown.push_back(kTimeoutChoice);
        for (int index : indices)
            if (std::find(shown.begin(), shown.end(), index) == shown.end())
                shown.push_back(index);
        auto best = bestChoice.find(p.nodeId);
        for (int index : shown) {
            ChoiceCount c;
            c.choiceIndex = index;
            choiceInfo(n, index, c.choiceId, c.text);
            if (c.choiceId.empty())
                c.choiceId = index == kTimeoutChoice ? p.nodeId + ".timeout"
                                                     : p.nodeId + "." + std::to_string(index);
            if (auto it = acc.choices.find(index); it != acc.choices.end()) {
                c.chosen = it->second.first;
                auto& who = it->second.second;
                std::sort(who.begin(), who.end());
                c.trainees = int(std::unique(who.begin(), who.end()) - who.begin());
            }
            c.best = best != bestChoice.end() && best->second == index;
            p.choices.push_back(std::move(c));
        }
        p.medianSeconds = median(acc.seconds);
        for (auto& [t, secs] : acc.perTrainee)
            if (median(secs) > 2.0 * p.medianSeconds) p.slowTrainees.push_back(trainees_[t].key);
        std::sort(p.slowTrainees.begin(), p.slowTrainees.end());
        out.points.push_back(std::move(p));
    }
    for (const auto& [k, n] : wrong) {
        DecisionStats::WrongTurn w;
        w.nodeId = nodes_[k.first];
        w.choiceIndex = k.second;
        choiceInfo(nodeOf(w.nodeId), k.second, w.choiceId, w.text);
        if (w.choiceId.empty())
            w.choiceId = k.second == kTimeoutChoice ? w.nodeId + ".timeout"
                                                    : w.nodeId + "." + std::to_string(k.second);
        w.attempts = n;
        out.wrongTurns.push_back(std::move(w));
    }
    std::stable_sort(out.wrongTurns.begin(), out.wrongTurns.end(),
                     [](const auto& a, const auto& b) { return a.attempts > b.attempts; });
    return out;
}

}  // namespace counterplay::core
