// Benchmark: layoutScenario (GraphLayout.h) on generated scenarios of 200 and 1,000 nodes
// (ScenarioGenerator.h, loaded once outside the timing), and on a shipped scenario. Goal: the
// 1,000-node layout well under the editor's 1 s open budget. Figures in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <string>

#include "ScenarioGenerator.h"
#include "counterplay/core/GraphLayout.h"
#include "counterplay/core/Loader.h"

using namespace counterplay::core;

namespace {

ScenarioLoad generated(int nodes) {
    counterplay::bench::GeneratorOptions gen;
    gen.nodes = nodes;
    return loadScenarioText(counterplay::bench::generateScenarioYaml(gen), "generated.yaml", nullptr);
}

void BM_LayoutGenerated(benchmark::State& state) {
    const ScenarioLoad load = generated(static_cast<int>(state.range(0)));
    if (!load.scenario) {
        state.SkipWithError("the generated scenario did not load");
        return;
    }
    int crossings = 0;
    std::size_t dummies = 0;
    for (auto _ : state) {
        const GraphLayout layout = layoutScenario(*load.scenario);
        crossings = layout.crossings;
        dummies = layout.layered.down.size() - layout.layered.nodeCount;
        benchmark::DoNotOptimize(layout.nodes.data());
    }
    state.counters["crossings"] = crossings;
    state.counters["dummies"] = static_cast<double>(dummies);
}
BENCHMARK(BM_LayoutGenerated)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void BM_LayoutShipped(benchmark::State& state) {
    const ScenarioLoad load =
        loadScenarioFile(std::string(COUNTERPLAY_SOURCE_DIR) + "/scenarios/washed-blouse.yaml", nullptr);
    if (!load.scenario) {
        state.SkipWithError("washed-blouse.yaml did not load");
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(layoutScenario(*load.scenario).nodes.data());
}
BENCHMARK(BM_LayoutShipped)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace
