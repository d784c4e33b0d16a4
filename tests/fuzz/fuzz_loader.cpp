// libFuzzer target: any bytes through the scenario loader (with and without a catalogue) and the
// catalogue loader. Beyond "no crash, no hang, no sanitizer report", it checks the loader's
// promises: every diagnostic names the file and has a message, and a scenario that loads
// without errors has every reference resolved and no cycle.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "counterplay/core/Loader.h"

using namespace counterplay::core;

namespace {

// A small catalogue with the principle ids the seed corpus uses.
const Catalogue& fuzzCatalogue() {
    static const Catalogue catalogue = [] {
        static constexpr std::string_view kText = R"(format: 1
groups:
  - {id: trust, name: {ko: "신뢰", en: "Trust"}}
  - {id: complaint, name: {ko: "불만", en: "Complaints"}}
principles:
  - {id: trust.small-promises, group: trust, name: {ko: "약속", en: "Promises"},
     summary: {ko: "요약", en: "Summary"}, source: {seed: "000.txt", item: "10"}}
  - {id: complaint.listen, group: complaint, name: {ko: "경청", en: "Listen"},
     summary: {ko: "요약", en: "Summary"}, source: {seed: "001.txt", item: "2"}}
  - {id: complaint.greet-thank, group: complaint, name: {ko: "인사", en: "Greet"},
     summary: {ko: "요약", en: "Summary"}, source: {seed: "001.txt", item: "1"}}
)";
        CatalogueLoad load = loadCatalogueText(kText, "fuzz-principles.yaml");
        if (!load.ok()) std::abort();
        return *load.catalogue;
    }();
    return catalogue;
}

void check(bool condition) {
    if (!condition) __builtin_trap();
}

void checkDiagnostics(const std::vector<Diagnostic>& diagnostics, const char* file) {
    check(diagnostics.size() <= 2 * 100 + 2);
    for (const Diagnostic& d : diagnostics) {
        check(d.file == file);
        check(!d.message.empty());
        check(d.line >= 0 && d.column >= 0);
    }
}

void checkScenario(const ScenarioLoad& load) {
    checkDiagnostics(load.diagnostics, "fuzz.yaml");
    if (!load.ok()) return;
    const Scenario& s = *load.scenario;
    check(!s.nodes.empty());
    check(s.startIndex < s.nodes.size());
    check(s.nodeIndex.size() == s.nodes.size());
    std::vector<int> indegree(s.nodes.size(), 0);
    for (const Node& n : s.nodes) {
        check(n.choices.empty() != !n.ending.has_value());
        check(n.choices.size() <= 9);
        for (const Choice& c : n.choices) {
            check(c.nextIndex < s.nodes.size());
            ++indegree[c.nextIndex];
        }
        if (n.timeLimit) {
            check(n.timeLimit->nextIndex < s.nodes.size());
            ++indegree[n.timeLimit->nextIndex];
        }
    }
    // No cycles: Kahn's algorithm must remove every node.
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < indegree.size(); ++i)
        if (indegree[i] == 0) ready.push_back(i);
    std::size_t removed = 0;
    while (!ready.empty()) {
        const Node& n = s.nodes[ready.back()];
        ready.pop_back();
        ++removed;
        const auto release = [&](std::size_t to) {
            if (--indegree[to] == 0) ready.push_back(to);
        };
        for (const Choice& c : n.choices) release(c.nextIndex);
        if (n.timeLimit) release(n.timeLimit->nextIndex);
    }
    check(removed == s.nodes.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    checkScenario(loadScenarioText(bytes, "fuzz.yaml", nullptr));
    checkScenario(loadScenarioText(bytes, "fuzz.yaml", &fuzzCatalogue()));
    const CatalogueLoad catalogue = loadCatalogueText(bytes, "fuzz.yaml");
    checkDiagnostics(catalogue.diagnostics, "fuzz.yaml");
    return 0;
}
