// Benchmark: analyzeScenario on a generated 5,000-node scenario (3 choices per node, points on
// 3 principles). Goal: well under a tenth of the scenario's load time (a few ms).
// Figures are recorded in docs/benchmarks.md.
//
// BM_AnalyzeGenerated analyses the loader benchmark's generated YAML (ScenarioGenerator.h,
// loaded once outside the timing); the other cases build a Scenario struct directly to cover
// no conditions, flag conditions, and a stress case whose conditions read trust.
#include <benchmark/benchmark.h>

#include <memory>
#include <set>
#include <string>

#include "ScenarioGenerator.h"
#include "counterplay/core/Analysis.h"
#include "counterplay/core/Condition.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Model.h"

using namespace counterplay::core;

namespace {

enum class Conditions { None, Flags, Trust };

/// Node i offers three choices to i+1, i+2 and i+3 (clamped to the ending), so the graph has
/// exponentially many paths; every choice scores on up to three principles.
std::shared_ptr<const Scenario> generate(int nodeCount, Conditions mode) {
    auto sc = std::make_shared<Scenario>();
    sc->id = "generated";
    sc->file = "generated.yaml";
    sc->customer.mood = 40;
    sc->customer.trust = 50;
    sc->flags["apologised"] = false;
    sc->flags["blamed"] = false;
    const std::set<std::string> known{"mood", "trust", "apologised", "blamed"};
    const std::string principles[3] = {"complaint.listen", "trust.small-promises",
                                       "service.care-before-blame"};
    auto condition = [&](const std::string& src) {
        auto r = Condition::parse(src, known);
        return r.condition;
    };
    const int endIndex = nodeCount;
    for (int i = 0; i <= nodeCount; ++i) {
        Node n;
        n.id = i == endIndex ? "end" : "n" + std::to_string(i);
        if (i == endIndex) {
            n.ending = Ending{"", "resolved", {}, std::nullopt};
        } else {
            for (int c = 0; c < 3; ++c) {
                Choice ch;
                ch.id = n.id + "." + std::to_string(c);
                const int target = std::min(i + 1 + c, endIndex);
                ch.nextIndex = static_cast<std::size_t>(target);
                ch.next = target == endIndex ? "end" : "n" + std::to_string(target);
                ch.points[principles[c]] = ((i * 7 + c * 13) % 9) - 3;
                ch.points[principles[(c + 1) % 3]] = ((i * 3 + c) % 5) - 1;
                if (mode == Conditions::Flags) {
                    if (i % 250 == 0 && c == 0) ch.effects.push_back({"apologised", Effect::Kind::Set, 1});
                    if (i % 250 == 5 && c == 1) ch.effects.push_back({"blamed", Effect::Kind::Set, 1});
                    if (i % 100 == 50 && c == 2) ch.condition = condition("apologised and not blamed");
                }
                if (mode == Conditions::Trust) {
                    ch.effects.push_back({"trust", Effect::Kind::Add, c == 0 ? 5 : (c == 1 ? -5 : 0)});
                    if (i % 500 == 250 && c == 2) ch.condition = condition("trust >= 60");
                }
                n.choices.push_back(std::move(ch));
            }
            if (i % 10 == 0) {
                TimeLimit t;
                t.seconds = 30;
                t.nextIndex = static_cast<std::size_t>(std::min(i + 1, endIndex));
                // t.next is filled in below, once every node exists.
                t.points["complaint.greet-thank"] = -2;
                n.timeLimit = std::move(t);
            }
        }
        sc->nodeIndex[n.id] = sc->nodes.size();
        sc->nodes.push_back(std::move(n));
    }
    for (Node& n : sc->nodes)
        if (n.timeLimit) n.timeLimit->next = sc->nodes[n.timeLimit->nextIndex].id;
    sc->start = "n0";
    sc->startIndex = 0;
    return sc;
}

void runAnalysis(benchmark::State& state, Conditions mode) {
    const auto sc = generate(static_cast<int>(state.range(0)), mode);
    for (auto _ : state) {
        Analysis a = analyzeScenario(*sc);
        benchmark::DoNotOptimize(a);
    }
    const Analysis a = analyzeScenario(*sc);
    state.counters["nodes"] = static_cast<double>(sc->nodes.size());
    state.counters["bestTotal"] = a.best.total;
    state.counters["problems"] = static_cast<double>(a.problems.size());
}

void BM_AnalyzeNoConditions(benchmark::State& state) { runAnalysis(state, Conditions::None); }
void BM_AnalyzeFlagConditions(benchmark::State& state) { runAnalysis(state, Conditions::Flags); }
/// Stress case: every choice moves trust and a few choices test it, so the search key holds
/// trust's exact value (up to 101 states per node).
void BM_AnalyzeTrustConditions(benchmark::State& state) { runAnalysis(state, Conditions::Trust); }

/// The 5,000-node scenario of load_bench (about 2 MB of YAML), loaded once.
void BM_AnalyzeGenerated(benchmark::State& state) {
    const std::string text = counterplay::bench::generateScenarioYaml({});
    const ScenarioLoad load = loadScenarioText(text, "generated.yaml", nullptr);
    if (!load.ok()) {
        state.SkipWithError("the generated scenario did not load cleanly");
        return;
    }
    for (auto _ : state) {
        Analysis a = analyzeScenario(*load.scenario);
        benchmark::DoNotOptimize(a);
    }
    const Analysis a = analyzeScenario(*load.scenario);
    state.counters["nodes"] = static_cast<double>(load.scenario->nodes.size());
    state.counters["bestTotal"] = a.best.total;
    state.counters["worstTotal"] = a.worst.total;
    state.counters["problems"] = static_cast<double>(a.problems.size());
}

}  // namespace

BENCHMARK(BM_AnalyzeGenerated)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeNoConditions)->Arg(50)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeFlagConditions)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeTrustConditions)->Arg(5000)->Unit(benchmark::kMillisecond);
