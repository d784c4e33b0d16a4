// Live-editing cost on a generated 1,000-node scenario: parse into a YamlDocument (spans), one
// minimal edit (a text, a reordering, a rename), and the edit plus the full reload that the
// editor does after each keystroke (document parse + loadScenarioText).
#include <benchmark/benchmark.h>

#include <string>

#include "ScenarioGenerator.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/YamlDocument.h"

namespace {

using counterplay::core::YamlDocument;

const std::string& scenarioText() {
    static const std::string text = [] {
        counterplay::bench::GeneratorOptions o;
        o.nodes = 1000;
        return counterplay::bench::generateScenarioYaml(o);
    }();
    return text;
}

const YamlDocument& document() {
    static const YamlDocument doc = [] {
        YamlDocument d;
        std::string error;
        YamlDocument::parse(scenarioText(), d, error);
        return d;
    }();
    return doc;
}

/// A text path in the middle of the file.
std::string middleTextPath() {
    const YamlDocument& d = document();
    for (std::size_t i = d.nodes().size() / 2; i < d.nodes().size(); ++i)
        if (d.nodes()[i].key == "en") return d.nodes()[i].path;
    return {};
}

void BM_DocumentParse(benchmark::State& state) {
    for (auto _ : state) {
        YamlDocument d;
        std::string error;
        if (!YamlDocument::parse(scenarioText(), d, error)) state.SkipWithError(error.c_str());
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(BM_DocumentParse)->Unit(benchmark::kMillisecond);

void BM_SetText(benchmark::State& state) {
    const std::string path = middleTextPath();
    for (auto _ : state) {
        auto r = document().setScalar(path, "An edited line of text.");
        if (!r.ok) state.SkipWithError(r.error.c_str());
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_SetText)->Unit(benchmark::kMicrosecond);

void BM_SetTextInPlace(benchmark::State& state) {
    YamlDocument d = document();
    const std::string path = middleTextPath();
    bool flip = false;
    std::string error;
    for (auto _ : state) {
        flip = !flip;
        if (!d.setScalarInPlace(path, flip ? "An edited line." : "Another edited line, longer.",
                                error))
            state.SkipWithError(error.c_str());
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(BM_SetTextInPlace)->Unit(benchmark::kMicrosecond);

void BM_SetTextAndReload(benchmark::State& state) {
    const std::string path = middleTextPath();
    for (auto _ : state) {
        auto r = document().setScalar(path, "An edited line of text.");
        YamlDocument d;
        std::string error;
        YamlDocument::parse(r.bytes, d, error);
        auto load = counterplay::core::loadScenarioText(r.bytes, "generated.yaml", nullptr);
        if (!load.ok()) state.SkipWithError("the edited scenario did not load cleanly");
        benchmark::DoNotOptimize(load);
    }
}
BENCHMARK(BM_SetTextAndReload)->Unit(benchmark::kMillisecond);

void BM_RenameNode(benchmark::State& state) {
    const YamlDocument& d = document();
    const int nodes = d.child(0, "nodes");
    const std::string id =
        d.nodes()[d.nodes()[nodes].children[d.nodes()[nodes].children.size() / 2]].key;
    for (auto _ : state) {
        auto r = d.renameNode(id, "renamed-node");
        if (!r.ok) state.SkipWithError(r.error.c_str());
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_RenameNode)->Unit(benchmark::kMicrosecond);

}  // namespace
