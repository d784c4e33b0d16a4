// Live-editing cost on a generated 1,000-node scenario: parse into a YamlDocument (spans), one
// minimal edit (a text, a reordering, a rename), and the edit plus the full reload that the
// editor does after each keystroke (document parse + loadScenarioText).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "ScenarioGenerator.h"
#include "counterplay/core/Analysis.h"
#include "counterplay/core/EditSession.h"
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

// ---- the editing session (EditSession.h): what the editor pays per operation ------------------

namespace {

/// A session on the generated file, written once to the build folder.
counterplay::core::EditSession& session() {
    static std::unique_ptr<counterplay::core::EditSession> s = [] {
        const std::string path = std::string(COUNTERPLAY_BENCH_DIR) + "/edit-bench-1000.yaml";
        std::ofstream(path, std::ios::binary) << scenarioText();
        counterplay::core::EditOptions o;
        o.recoveryDir = std::string(COUNTERPLAY_BENCH_DIR) + "/edit-bench-recovery";
        std::string error;
        auto opened = counterplay::core::EditSession::open(path, error, o);
        if (!opened) std::fprintf(stderr, "%s\n", error.c_str());
        return opened;
    }();
    return *s;
}

std::string middleNode() {
    const auto& sc = *session().scenario();
    return sc.nodes[sc.nodes.size() / 2].id;
}

void BM_SessionOpen(benchmark::State& state) {
    const std::string path = std::string(COUNTERPLAY_BENCH_DIR) + "/edit-bench-1000.yaml";
    session();
    for (auto _ : state) {
        std::string error;
        auto s = counterplay::core::EditSession::open(path, error);
        if (!s) state.SkipWithError(error.c_str());
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(BM_SessionOpen)->Unit(benchmark::kMillisecond);

/// A keystroke in a text field: the fast path (document in place, model patched).
void BM_SessionTypeInText(benchmark::State& state) {
    auto& s = session();
    const std::string id = middleNode();
    bool flip = false;
    for (auto _ : state) {
        flip = !flip;
        if (!s.setLineText(id, 0, counterplay::core::Lang::En, flip ? "Typed." : "Typed more."))
            state.SkipWithError(s.lastError().c_str());
    }
    s.reloadModel();
}
BENCHMARK(BM_SessionTypeInText)->Unit(benchmark::kMillisecond);

/// The model reload the editor runs when typing pauses.
void BM_SessionReloadModel(benchmark::State& state) {
    auto& s = session();
    const std::string id = middleNode();
    bool flip = false;
    for (auto _ : state) {
        state.PauseTiming();
        flip = !flip;
        s.setLineText(id, 0, counterplay::core::Lang::En, flip ? "Typed." : "Typed more.");
        state.ResumeTiming();
        s.reloadModel();
    }
}
BENCHMARK(BM_SessionReloadModel)->Unit(benchmark::kMillisecond);

/// A structural edit with its full reload (document and model), then its undo (another one).
void BM_SessionRenameAndUndo(benchmark::State& state) {
    auto& s = session();
    const std::string id = middleNode();
    for (auto _ : state) {
        if (!s.renameNode(id, "renamed-node")) state.SkipWithError(s.lastError().c_str());
        s.undo();
    }
}
BENCHMARK(BM_SessionRenameAndUndo)->Unit(benchmark::kMillisecond);

void BM_SessionAddChoiceAndUndo(benchmark::State& state) {
    auto& s = session();
    const std::string id = middleNode();
    counterplay::core::NewChoice c;
    c.text = {"새 선택지", "A new choice"};
    c.feedback = {"피드백", "Feedback"};
    c.next = s.scenario()->findNode(id)->choices[0].next;
    for (auto _ : state) {
        if (!s.addChoice(id, 0, c)) state.SkipWithError(s.lastError().c_str());
        s.undo();
    }
}
BENCHMARK(BM_SessionAddChoiceAndUndo)->Unit(benchmark::kMillisecond);

void BM_NodeScoreRanges(benchmark::State& state) {
    const auto sc = session().scenario();
    for (auto _ : state) benchmark::DoNotOptimize(counterplay::core::nodeScoreRanges(*sc));
}
BENCHMARK(BM_NodeScoreRanges)->Unit(benchmark::kMillisecond);

}  // namespace
