// `counterplay analyze FILE`: the best and worst reachable path with their choices and scores
// (each also as a ready-made `play --choices` list of choice ids), per-principle ranges, endings,
// unreachable nodes, dead ends, whether the scenario can be passed and failed, and the analysis
// problems; as text or JSON.
#include <algorithm>
#include <iostream>

#include "Common.h"
#include "Verbs.h"
#include "counterplay/core/Suggest.h"
#include "counterplay/core/Json.h"

namespace counterplay::tools {
namespace {

using core::Lang;
using nlohmann::json;

/// For each step of `path`, its choice's 1-based number among the choices shown at that moment
/// in file order, as `play --choices` counts them without --shuffle (0 for a timeout, -1 when the
/// path does not replay). Hidden choices are not counted, so the number can differ from the
/// choice's place in the file.
std::vector<int> shownNumbers(const std::shared_ptr<const core::Scenario>& s,
                              const core::ScoredPath& path) {
    std::vector<int> numbers(path.steps.size(), -1);
    if (!path.exists) return numbers;
    core::ManualClock clock;
    std::string error;
    replayPath(s, path, clock, kDefaultThinkMs, error,
               [&](const core::Session& session, std::size_t i) {
                   const int c = path.steps[i].choiceIndex;
                   if (c == core::kTimeoutChoice) {
                       numbers[i] = 0;
                       return;
                   }
                   const std::vector<std::size_t> shown = session.availableChoices();
                   const auto it =
                       std::find(shown.begin(), shown.end(), static_cast<std::size_t>(c));
                   if (it != shown.end()) numbers[i] = static_cast<int>(it - shown.begin()) + 1;
               });
    return numbers;
}

json pathJson(const std::shared_ptr<const core::Scenario>& scenario, const core::ScoredPath& path) {
    const core::Scenario& s = *scenario;
    const std::vector<int> numbers = shownNumbers(scenario, path);
    json j;
    j["exists"] = path.exists;
    j["total"] = path.total;
    j["points"] = json::object();
    for (const auto& [id, value] : path.points) j["points"][id] = value;
    j["ending"] = path.endingNode;
    const core::Node* end = s.findNode(path.endingNode);
    j["endingKind"] = end != nullptr && end->ending ? end->ending->kind : "";
    j["choices"] = choicesArgument(s, path);  // the value for `play --choices`
    j["steps"] = json::array();
    for (std::size_t i = 0; i < path.steps.size(); ++i) {
        const core::PathStep& step = path.steps[i];
        const core::Node* node = s.findNode(step.nodeId);
        if (node == nullptr) continue;
        json js;
        js["node"] = step.nodeId;
        js["choice"] = choiceId(*node, step.choiceIndex);
        js["timeout"] = step.choiceIndex == core::kTimeoutChoice;
        if (numbers[i] > 0) js["number"] = numbers[i];  // among the choices shown, file order
        js["text"] = choiceText(*node, step.choiceIndex);
        js["points"] = json::object();
        for (const auto& [id, value] : choicePoints(*node, step.choiceIndex))
            js["points"][id] = value;
        j["steps"].push_back(js);
    }
    return j;
}

json analysisJson(const std::shared_ptr<const core::Scenario>& scenario, const core::Analysis& a,
                  const core::Catalogue* cat) {
    const core::Scenario& s = *scenario;
    json j;
    j["scenario"] = s.id;
    j["title"] = s.title;
    j["contentHash"] = s.contentHash;
    j["nodes"] = s.nodes.size();
    j["passThreshold"] = s.passThreshold;
    j["best"] = pathJson(scenario, a.best);
    j["worst"] = pathJson(scenario, a.worst);
    j["principles"] = json::array();
    for (const core::PrincipleRange& r : a.principles) {
        json p;
        p["id"] = r.id;
        const core::Principle* found = cat != nullptr ? cat->find(r.id) : nullptr;
        p["name"] = found != nullptr ? found->name : core::Text{r.id, r.id};
        p["best"] = r.best;
        p["worst"] = r.worst;
        j["principles"].push_back(p);
    }
    j["endings"] = json::array();
    for (const std::string& id : a.endings) {
        const core::Node* node = s.findNode(id);
        if (node == nullptr || !node->ending) continue;
        j["endings"].push_back({{"node", id},
                                {"id", node->ending->id},
                                {"kind", node->ending->kind},
                                {"title", node->ending->title}});
    }
    j["unreachable"] = a.unreachable;
    j["deadEnds"] = a.deadEnds;
    j["canPass"] = a.canPass;
    j["canFail"] = a.canFail;
    j["shortfalls"] = json::array();
    for (const core::PrincipleShortfall& sf : core::principleShortfalls(a))
        j["shortfalls"].push_back(
            {{"id", sf.id}, {"onBestPath", sf.onBestPath}, {"achievable", sf.achievable}});
    j["problems"] = json::array();
    for (const core::Diagnostic& d : a.problems) {
        json jd;
        core::to_json(jd, d);
        j["problems"].push_back(jd);
    }
    return j;
}

void printPath(std::ostream& out, const char* title,
               const std::shared_ptr<const core::Scenario>& scenario, const core::ScoredPath& path,
               Lang lang) {
    const core::Scenario& s = *scenario;
    if (!path.exists) {
        out << title << ": no complete path\n";
        return;
    }
    const core::Node* end = s.findNode(path.endingNode);
    out << title << ": " << signedNumber(path.total) << " points, ending '" << path.endingNode
        << "'";
    if (end != nullptr && end->ending)
        out << " (" << end->ending->kind << ": " << end->ending->title.in(lang) << ")";
    out << '\n';
    const std::vector<int> numbers = shownNumbers(scenario, path);
    for (std::size_t i = 0; i < path.steps.size(); ++i) {
        const core::Node* node = s.findNode(path.steps[i].nodeId);
        if (node == nullptr) continue;
        const int c = path.steps[i].choiceIndex;
        // The choice id, and its number among the choices shown (file order), as play counts.
        out << "  " << (i + 1) << ". " << node->id << " -> "
            << (c == core::kTimeoutChoice
                    ? std::string("timeout")
                    : choiceId(*node, c) +
                          (numbers[i] > 0 ? " (" + std::to_string(numbers[i]) + ")" : ""))
            << ": " << snippet(choiceText(*node, c).in(lang), 70);
        const std::string points = formatPoints(choicePoints(*node, c));
        if (!points.empty()) out << "  [" << points << "]";
        out << '\n';
    }
    if (!path.steps.empty()) out << "  --choices " << choicesArgument(s, path) << '\n';
}

std::string joinOrNone(const std::vector<std::string>& items) {
    if (items.empty()) return "none";
    std::string out;
    for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

void printText(std::ostream& out, const std::shared_ptr<const core::Scenario>& scenario,
               const core::Analysis& a, const core::Catalogue* cat, Lang lang) {
    const core::Scenario& s = *scenario;
    out << "Analysis: " << s.title.in(lang) << " [" << s.id << "], " << s.nodes.size()
        << " nodes, pass mark " << s.passThreshold << "%\n\n";
    printPath(out, "Best path", scenario, a.best, lang);
    out << '\n';
    printPath(out, "Worst path", scenario, a.worst, lang);
    out << "\nPer principle (worst .. best; the best is what that principle alone can reach):\n";
    for (const core::PrincipleRange& r : a.principles) {
        char range[48];
        std::snprintf(range, sizeof range, "%4d .. %-4d", r.worst, r.best);
        out << "  " << range << " " << principleName(cat, r.id, lang) << "  [" << r.id << "]\n";
    }
    const std::vector<core::PrincipleShortfall> shortfalls = core::principleShortfalls(a);
    if (!shortfalls.empty()) {
        out << "warning: no single path reaches every principle's best, so even the best path "
               "shows";
        for (std::size_t i = 0; i < shortfalls.size(); ++i)
            out << (i == 0 ? " " : ", ") << shortfalls[i].id << " at " << shortfalls[i].onBestPath
                << " of " << shortfalls[i].achievable;
        out << " on the scorecard (see 'Achievable points' in docs/authoring.md)\n";
    }
    out << "\nEndings:\n";
    for (const std::string& id : a.endings) {
        const core::Node* node = s.findNode(id);
        if (node == nullptr || !node->ending) continue;
        out << "  " << id << " (" << node->ending->kind << "): " << node->ending->title.in(lang)
            << '\n';
    }
    out << "Unreachable nodes: " << joinOrNone(a.unreachable) << '\n';
    out << "Dead ends: " << joinOrNone(a.deadEnds) << '\n';
    out << "Can pass: " << (a.canPass ? "yes" : "NO") << "; can fail: " << (a.canFail ? "yes" : "NO")
        << '\n';
    if (a.problems.empty()) {
        out << "Problems: none\n";
    } else {
        out << "Problems:\n";
        for (const core::Diagnostic& d : a.problems) out << "  " << d.format() << '\n';
    }
}

/// The score ranges at one node (the editor's analysis panel shows the same numbers).
void printNodeRange(std::ostream& out, const core::NodeScoreRange& r, const core::Catalogue* cat,
                    Lang lang) {
    auto range = [](const core::ScoreRange& x) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%4d .. %-4d", x.min, x.max);
        return std::string(buf);
    };
    out << "\nScores at node '" << r.nodeId << "' (min .. max";
    if (!r.exact) out << ", conditions ignored: too many states";
    out << "):\n";
    if (!r.reachable) {
        out << "  never reached on a playable path\n";
        return;
    }
    out << "  earned on arriving " << range(r.before) << "  still to earn " << range(r.after)
        << "  whole paths through it " << range(r.through) << (r.canEnd ? "" : "  (no ending from here)")
        << '\n';
    for (const core::PrincipleNodeRange& p : r.principles)
        out << "  " << range(p.before) << " " << range(p.after) << " " << range(p.through) << " "
            << principleName(cat, p.id, lang) << "  [" << p.id << "]\n";
}

nlohmann::json nodeRangeJson(const core::NodeScoreRange& r) {
    auto range = [](const core::ScoreRange& x) { return nlohmann::json{{"min", x.min}, {"max", x.max}}; };
    nlohmann::json principles = nlohmann::json::array();
    for (const core::PrincipleNodeRange& p : r.principles)
        principles.push_back({{"id", p.id},
                              {"before", range(p.before)},
                              {"after", range(p.after)},
                              {"through", range(p.through)}});
    return {{"node", r.nodeId},     {"reachable", r.reachable},     {"canEnd", r.canEnd},
            {"exact", r.exact},     {"before", range(r.before)},   {"after", range(r.after)},
            {"through", range(r.through)}, {"principles", std::move(principles)}};
}

}  // namespace

int analyzeMain(int argc, char** argv) {
    CLI::App app{"Analyse a scenario's graph: best and worst reachable path with their choices and "
                 "points, per-principle ranges, endings, unreachable nodes, dead ends, whether it "
                 "can be passed and failed, and problems such as choices that can never show. "
                 "Exit 1 when the file has errors.",
                 "counterplay analyze"};
    std::string file;
    std::string catalogue;
    std::string langValue;
    bool json = false;
    app.add_option("FILE", file, "Scenario file")->required();
    app.add_option("--catalogue", catalogue,
                   "Principle catalogue (default: principles.yaml next to the scenario or above)");
    addLangOption(app, langValue);
    app.add_flag("--json", json, "Print the analysis as JSON");
    std::string atNode;
    app.add_option("--node", atNode,
                   "Also the reachable minimum and maximum score at this node: earned on "
                   "arriving, still to earn, and of whole paths through it (overall and per "
                   "principle), as the editor's analysis panel shows");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;

    ToolScenario loaded = loadScenarioForTool(file, catalogue, std::cerr);
    if (!loaded.scenario) {
        std::cerr << "counterplay analyze: " << file << " has errors\n";
        return kExitData;
    }
    std::optional<core::NodeScoreRange> at;
    if (!atNode.empty()) {
        if (!loaded.scenario->findNode(atNode)) {
            std::vector<std::string> ids;
            for (const core::Node& n : loaded.scenario->nodes) ids.push_back(n.id);
            const std::string near = core::closestMatch(atNode, ids);
            std::cerr << "counterplay analyze: no node '" << atNode << "' in " << file
                      << (near.empty() ? "" : " (did you mean '" + near + "'?)") << '\n';
            return kExitUsage;
        }
        at = core::nodeScoreRange(*loaded.scenario, atNode);
    }
    const core::Analysis analysis = core::analyzeScenario(*loaded.scenario);
    if (json) {
        nlohmann::json j = analysisJson(loaded.scenario, analysis, loaded.catalogue.get());
        if (at) j["atNode"] = nodeRangeJson(*at);
        printJson(std::cout, j);
    } else {
        printText(std::cout, loaded.scenario, analysis, loaded.catalogue.get(),
                  resolveLang(langValue));
        if (at) printNodeRange(std::cout, *at, loaded.catalogue.get(), resolveLang(langValue));
    }
    return kExitOk;
}

}  // namespace counterplay::tools
