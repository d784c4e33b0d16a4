// Scenario load cost against the bare YAML parse of the same text (goal: load <= 1.3x parse).
// The scenario is generated: 5,000 nodes, 3 choices each, points, conditions, acyclic.
#include <benchmark/benchmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>

#include "ScenarioGenerator.h"
#include "counterplay/core/Loader.h"

namespace {

const std::string& scenarioText() {
    static const std::string text = counterplay::bench::generateScenarioYaml({});
    return text;
}

// (a) yaml-cpp's YAML::Load: the node graph, nothing else.
void BM_YamlLoad(benchmark::State& state) {
    const std::string& text = scenarioText();
    for (auto _ : state) {
        YAML::Node root = YAML::Load(text);
        benchmark::DoNotOptimize(root);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_YamlLoad)->Unit(benchmark::kMillisecond);

// (b) The loader: guarded event pass, schema, model, validation (references, graph, cycles).
void BM_LoadScenario(benchmark::State& state) {
    const std::string& text = scenarioText();
    for (auto _ : state) {
        counterplay::core::ScenarioLoad load =
            counterplay::core::loadScenarioText(text, "generated.yaml", nullptr);
        if (!load.ok()) state.SkipWithError("the generated scenario did not load cleanly");
        benchmark::DoNotOptimize(load);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LoadScenario)->Unit(benchmark::kMillisecond);

// For reference: yaml-cpp's event parser alone, which the loader's pre-pass is built on.
class NullHandler final : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

void BM_YamlEventsOnly(benchmark::State& state) {
    const std::string& text = scenarioText();
    for (auto _ : state) {
        std::istringstream in(text);
        YAML::Parser parser(in);
        NullHandler handler;
        while (parser.HandleNextDocument(handler)) {
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_YamlEventsOnly)->Unit(benchmark::kMillisecond);

}  // namespace
