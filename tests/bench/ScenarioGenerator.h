// Generates a valid scenario YAML string of any size, deterministically, for benchmarks and
// tests: an acyclic graph in which every node is reachable, with points on every choice, some
// conditions, effects and time limits. Header-only (used by load_bench, analysis benchmarks and
// the loader tests).
#pragma once

#include <cstdint>
#include <string>

namespace counterplay::bench {

struct GeneratorOptions {
    int nodes = 5000;           ///< total nodes (at least 2); about 1 in 50 is an ending
    int choicesPerNode = 3;     ///< 1..9
    int conditionEvery = 10;    ///< every n-th choice gets a condition (0 = none)
    int timeLimitEvery = 25;    ///< every n-th node gets a time limit (0 = none)
    std::uint32_t seed = 1;
};

/// Principle ids used in `points` (all present in scenarios/principles.yaml; short ones, to
/// stay under the file limit).
inline const char* const kGeneratorPrinciples[] = {
    "complaint.listen", "trust.community", "trust.consistency", "trust.no-surprises"};

/// Builds the YAML text. The defaults give about 2.0 MB, just under the loader's 2 MiB file
/// limit; more nodes or choices give a text the loader refuses as too large. Node i is `n<i>`; its first choice leads to node i+1, the others to a
/// later node chosen by a fixed pseudo-random sequence, so the graph is acyclic and connected.
inline std::string generateScenarioYaml(const GeneratorOptions& options = {}) {
    const int n = options.nodes < 2 ? 2 : options.nodes;
    const int choices = options.choicesPerNode < 1 ? 1 : options.choicesPerNode > 9 ? 9
                                                                                   : options.choicesPerNode;
    const int endings = n / 50 < 1 ? 1 : n / 50;
    const int firstEnding = n - endings;
    std::uint32_t state = options.seed * 2654435761u + 1u;
    const auto next = [&state]() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    static const char* const kExpressions[] = {"neutral", "annoyed", "angry", "upset", "relieved"};
    static const char* const kKinds[] = {"loyal", "resolved", "lost", "escalated"};

    std::string y;
    y.reserve(static_cast<std::size_t>(n) * (120 + 110 * choices));
    y += "format: 1\n"
         "id: generated\n"
         "title: {ko: \"생성된 시나리오\", en: \"Generated scenario\"}\n"
         "summary: {ko: \"벤치마크용 시나리오.\", en: \"A scenario for benchmarks.\"}\n"
         "setting: boutique\n"
         "difficulty: 2\n"
         "source: {ref: carnegie-online-7-steps, item: \"1\"}\n"
         "principles: [complaint.listen, trust.small-promises]\n"
         "pass_threshold: 60\n"
         "customer:\n"
         "  name: {ko: \"김지현\", en: \"Kim Ji-hyun\"}\n"
         "  look: {skin: \"#f1c8a5\", hair: bob, hair_color: \"#2b1d14\", outfit: coat, "
         "outfit_color: \"#5a6e8c\"}\n"
         "  mood: 40\n"
         "  trust: 50\n"
         "state:\n"
         "  flags: {apologised: false, blamed: false}\n"
         "  counters: {excuses: 0}\n"
         "critical_actions:\n"
         "  - id: own-it\n"
         "    tag: apologise\n"
         "    label: {ko: \"사과하기\", en: \"Apologise\"}\n"
         "start: n0\n"
         "nodes:\n";
    // Compact flow style with short texts keeps 5,000 nodes with 3 choices under the 2 MiB
    // file limit (about 1.9 MB).
    int choiceCounter = 0;
    for (int i = 0; i < n; ++i) {
        const std::string num = std::to_string(i);
        y += "  n" + num + ":\n    lines: [{";
        if (i % 5 == 0) {
            y += "expression: ";
            y += kExpressions[next() % 5];
            y += ", ";
        }
        y += "text: {ko: 손님, en: Hi}}]\n";
        if (i >= firstEnding) {
            y += "    ending: {kind: ";
            y += kKinds[i % 4];
            y += ", title: {ko: \"결말\", en: \"End\"}}\n";
            continue;
        }
        if (options.timeLimitEvery > 0 && i % options.timeLimitEvery == options.timeLimitEvery - 1)
            y += "    time_limit: {seconds: 30, next: n" + std::to_string(i + 1) +
                 ", points: {complaint.listen: -1}, feedback: {ko: \"늦음\", en: \"Slow\"}}\n";
        y += "    choices:\n";
        for (int c = 0; c < choices; ++c, ++choiceCounter) {
            int target = i + 1;
            if (c > 0) {
                const int span = n - 1 - i;
                target = i + 1 + static_cast<int>(next() % static_cast<std::uint32_t>(span < 20 ? span : 20));
            }
            y += "    - {text: {ko: 답, en: Re}";
            if (options.conditionEvery > 0 && choiceCounter % options.conditionEvery == 1)
                y += (choiceCounter % 2) ? ", condition: \"trust >= 30 and not blamed\""
                                         : ", condition: \"excuses < 2 || apologised\"";
            if (c == 0 && i % 8 == 0) y += ", effects: {mood: 5, apologised: true}";
            if (c == 2 && i % 8 == 1) y += ", effects: {mood: -10, excuses: 1}";
            y += ", points: {";
            y += kGeneratorPrinciples[(i + c) % 4];
            y += ": " + std::to_string(static_cast<int>(next() % 7) - 3) + "}";
            y += ", feedback: {ko: 네, en: OK}";
            if (c == 0 && i % 8 == 0) y += ", tags: [apologise]";
            y += ", next: n" + std::to_string(target) + "}\n";
        }
    }
    return y;
}

}  // namespace counterplay::bench
