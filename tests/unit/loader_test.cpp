// Scenario loader: the documented example, model defaults, golden diagnostics for every input in
// tests/malformed/, generated guard-limit cases, and file-system hazards (directory, FIFO).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../bench/ScenarioGenerator.h"
#include "counterplay/core/Hash.h"
#include "counterplay/core/Loader.h"

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

const fs::path kSource = COUNTERPLAY_SOURCE_DIR;

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string docExample() {
    const std::string doc = readFile(kSource / "docs/scenario-format.md");
    const std::size_t start = doc.find("```yaml\n");
    const std::size_t end = doc.find("```", start + 8);
    if (start == std::string::npos || end == std::string::npos) return {};
    return doc.substr(start + 8, end - start - 8);
}

std::string formatAll(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.format() + "\n";
    return out;
}

// A temporary directory removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string templ = (fs::temp_directory_path() / "counterplay-loader-XXXXXX").string();
        path = ::mkdtemp(templ.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::shared_ptr<const Catalogue> realCatalogue() {
    static const CatalogueLoad load =
        loadCatalogueFile((kSource / "scenarios/principles.yaml").string());
    return load.catalogue;
}

}  // namespace

TEST(Loader, DocExampleLoadsWithoutErrorsOrWarnings) {
    const std::string yaml = docExample();
    ASSERT_FALSE(yaml.empty()) << "no ```yaml block in docs/scenario-format.md";
    const ScenarioLoad load = loadScenarioText(yaml, "example.yaml", realCatalogue().get());
    EXPECT_TRUE(load.ok());
    EXPECT_EQ(formatAll(load.diagnostics), "");
}

TEST(Loader, DocExampleModel) {
    const std::string yaml = docExample();
    const ScenarioLoad load = loadScenarioText(yaml, "docs/example.yaml", nullptr);
    ASSERT_TRUE(load.ok()) << formatAll(load.diagnostics);
    const Scenario& s = *load.scenario;
    EXPECT_EQ(s.file, "docs/example.yaml");
    EXPECT_EQ(s.contentHash, sha256Hex(yaml));
    EXPECT_EQ(s.id, "example-late-order");
    EXPECT_EQ(s.title.en, "The late order");
    EXPECT_EQ(s.setting, "boutique");
    EXPECT_EQ(s.source.ref, "cram-crescendo");
    EXPECT_EQ(s.source.item.en, "10");
    EXPECT_TRUE(s.source.seed.empty());
    EXPECT_EQ(s.principles, (std::vector<std::string>{"trust.small-promises", "complaint.listen"}));
    EXPECT_EQ(s.customer.look.hair, "bob");
    EXPECT_EQ(s.customer.look.accessory, "none");
    EXPECT_EQ(s.customer.mood, 35);
    EXPECT_EQ(s.flags.at("apologised"), false);
    ASSERT_EQ(s.criticalActions.size(), 1u);
    EXPECT_EQ(s.criticalActions[0].deadline, 2);
    EXPECT_FALSE(s.criticalActions[0].order.has_value());
    ASSERT_EQ(s.nodes.size(), 3u);
    EXPECT_EQ(s.start, "arrive");
    EXPECT_EQ(s.startIndex, 0u);
    EXPECT_EQ(s.nodeIndex.at("walked-out"), 2u);

    const Node& arrive = s.nodes[0];
    EXPECT_EQ(arrive.line, 26);
    EXPECT_EQ(arrive.column, 3);
    EXPECT_EQ(arrive.lines[0].speaker, "customer");
    EXPECT_EQ(arrive.lines[0].expression, "annoyed");
    ASSERT_TRUE(arrive.timeLimit.has_value());
    EXPECT_EQ(arrive.timeLimit->seconds, 30);
    EXPECT_EQ(arrive.timeLimit->nextIndex, 2u);
    EXPECT_EQ(arrive.timeLimit->points.at("complaint.greet-thank"), -2);
    ASSERT_EQ(arrive.choices.size(), 2u);
    EXPECT_EQ(arrive.choices[0].id, "apologise");
    EXPECT_EQ(arrive.choices[1].id, "arrive.1");  // default: <node>.<0-based index>
    EXPECT_EQ(arrive.choices[0].nextIndex, 1u);
    EXPECT_EQ(arrive.choices[1].nextIndex, 2u);
    EXPECT_EQ(arrive.choices[0].tags, std::vector<std::string>{"apologise"});
    ASSERT_EQ(arrive.choices[0].effects.size(), 3u);
    EXPECT_EQ(arrive.choices[0].effects[2].variable, "apologised");
    EXPECT_EQ(arrive.choices[0].effects[2].kind, Effect::Kind::Set);
    EXPECT_EQ(arrive.choices[0].effects[2].value, 1);
    EXPECT_EQ(arrive.choices[0].effects[0].kind, Effect::Kind::Add);
    EXPECT_EQ(arrive.choices[0].effects[0].value, 15);
    EXPECT_EQ(arrive.choices[1].points.at("trust.small-promises"), -2);

    ASSERT_TRUE(s.nodes[1].ending.has_value());
    EXPECT_EQ(s.nodes[1].ending->id, "fixed");  // default: the node id
    EXPECT_EQ(s.nodes[1].ending->kind, "loyal");
    EXPECT_FALSE(s.nodes[1].ending->recommend.has_value());
    EXPECT_EQ(s.nodes[2].ending->recommend, 1);
}

TEST(Loader, FileAndTextGiveTheSameResult) {
    TempDir dir;
    const fs::path file = dir.path / "example.yaml";
    std::ofstream(file, std::ios::binary) << docExample();
    const ScenarioLoad fromFile = loadScenarioFile(file.string(), nullptr);
    ASSERT_TRUE(fromFile.ok()) << formatAll(fromFile.diagnostics);
    EXPECT_EQ(fromFile.scenario->file, file.string());
    EXPECT_EQ(fromFile.scenario->contentHash, sha256Hex(docExample()));
}

TEST(Loader, ByteOrderMarkAndCrlfAreAccepted) {
    std::string yaml = docExample();
    std::string crlf = "\xEF\xBB\xBF";
    for (char c : yaml) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const ScenarioLoad load = loadScenarioText(crlf, "crlf.yaml", nullptr);
    EXPECT_TRUE(load.ok()) << formatAll(load.diagnostics);
    EXPECT_EQ(load.scenario->contentHash, sha256Hex(crlf));
}

TEST(Loader, ReportsEveryErrorInOnePass) {
    std::string yaml = docExample();
    const auto replace = [&](const std::string& from, const std::string& to) {
        yaml.replace(yaml.find(from), from.size(), to);
    };
    replace("difficulty: 1", "difficulty: 9");
    replace("next: fixed", "next: fixd");
    replace("hair: bob", "hair: bobb");
    const ScenarioLoad load = loadScenarioText(yaml, "x.yaml", nullptr);
    EXPECT_EQ(formatAll(load.diagnostics),
              "x.yaml:8:13: error: difficulty: must be from 1 to 3, found 9\n"
              "x.yaml:14:33: error: customer.look.hair: unknown hair 'bobb' (did you mean "
              "'bob'?); expected one of: short, bob, long, bun, ponytail, curly, bald\n"
              "x.yaml:41:15: error: nodes.arrive.choices[0].next: unknown node 'fixd' (did you "
              "mean 'fixed'?)\n"
              "x.yaml:47:3: warning: nodes.fixed: unreachable node: no path leads here from the "
              "start node 'arrive'\n");
    EXPECT_FALSE(load.ok());
    EXPECT_NE(load.scenario, nullptr);  // a partial model for tools, not for play
}

// Every tests/malformed/<name>.yaml against <name>.expected (exact lines). Set
// COUNTERPLAY_UPDATE_GOLDEN=1 to rewrite the .expected files after a deliberate change.
TEST(Loader, MalformedGolden) {
    ASSERT_EQ(::chdir(COUNTERPLAY_SOURCE_DIR), 0);
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator("tests/malformed"))
        if (entry.path().extension() == ".yaml" && entry.path().filename() != "principles.yaml")
            inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    ASSERT_GE(inputs.size(), 30u);
    const bool update = std::getenv("COUNTERPLAY_UPDATE_GOLDEN") != nullptr;
    for (const fs::path& input : inputs) {
        const std::string name = input.generic_string();
        const std::string cataloguePath = findCatalogueFor(name);
        ASSERT_EQ(cataloguePath, "tests/malformed/principles.yaml");
        const CatalogueLoad catalogue = loadCatalogueFile(cataloguePath);
        ASSERT_TRUE(catalogue.ok()) << formatAll(catalogue.diagnostics);
        const ScenarioLoad load = loadScenarioFile(name, catalogue.catalogue.get());
        const std::string actual = formatAll(load.diagnostics);
        fs::path expectedFile = input;
        expectedFile.replace_extension(".expected");
        if (update) {
            std::ofstream(expectedFile, std::ios::binary) << actual;
            continue;
        }
        EXPECT_EQ(actual, readFile(expectedFile)) << "golden mismatch for " << name;
        EXPECT_EQ(load.ok(), !hasErrors(load.diagnostics)) << name;
        EXPECT_FALSE(actual.empty()) << name;
    }
}

TEST(Loader, MalformedWarningsOnlyStillLoads) {
    ASSERT_EQ(::chdir(COUNTERPLAY_SOURCE_DIR), 0);
    const ScenarioLoad load = loadScenarioFile("tests/malformed/unreachable_node.yaml", nullptr);
    EXPECT_TRUE(load.ok());
    EXPECT_EQ(countSeverity(load.diagnostics, Severity::Warning), 1);
}

TEST(Loader, TooManyNodes) {
    counterplay::bench::GeneratorOptions options;
    options.nodes = 10001;
    options.choicesPerNode = 1;
    options.conditionEvery = 0;
    options.timeLimitEvery = 0;
    const std::string yaml = counterplay::bench::generateScenarioYaml(options);
    ASSERT_LT(yaml.size(), 2u * 1024 * 1024);
    const ScenarioLoad load = loadScenarioText(yaml, "many.yaml", nullptr);
    EXPECT_EQ(formatAll(load.diagnostics),
              "many.yaml:24:3: error: nodes: too many nodes: 10001; the limit is 10000\n");
    options.nodes = 10000;
    EXPECT_TRUE(loadScenarioText(counterplay::bench::generateScenarioYaml(options), "ok.yaml",
                                 nullptr)
                    .ok());
}

TEST(Loader, GeneratedBenchmarkScenarioLoadsClean) {
    const std::string yaml = counterplay::bench::generateScenarioYaml({});
    EXPECT_LT(yaml.size(), 2u * 1024 * 1024);
    const ScenarioLoad load = loadScenarioText(yaml, "gen.yaml", realCatalogue().get());
    EXPECT_TRUE(load.ok()) << formatAll(load.diagnostics).substr(0, 2000);
    EXPECT_EQ(load.scenario->nodes.size(), 5000u);
}

TEST(Loader, FileTooLargeIsRefusedBeforeReading) {
    TempDir dir;
    const fs::path file = dir.path / "huge.yaml";
    {
        std::ofstream out(file, std::ios::binary);
        out << "format: 1\n# " << std::string(2 * 1024 * 1024, 'x') << "\n";
    }
    const ScenarioLoad load = loadScenarioFile(file.string(), nullptr);
    EXPECT_EQ(load.scenario, nullptr);
    EXPECT_EQ(formatAll(load.diagnostics),
              file.string() + ":0:0: error: the file is too large (2.0 MiB); the limit is 2 MiB\n");
    // The same from memory.
    const std::string big(2 * 1024 * 1024 + 1, '#');
    EXPECT_EQ(formatAll(loadScenarioText(big, "big.yaml", nullptr).diagnostics),
              "big.yaml:0:0: error: the file is too large (2.0 MiB); the limit is 2 MiB\n");
}

TEST(Loader, DirectoryIsRefused) {
    TempDir dir;
    const ScenarioLoad load = loadScenarioFile(dir.path.string(), nullptr);
    EXPECT_EQ(load.scenario, nullptr);
    EXPECT_EQ(formatAll(load.diagnostics),
              dir.path.string() + ":0:0: error: this is a directory, not a file\n");
}

TEST(Loader, FifoIsRefusedWithoutBlocking) {
    TempDir dir;
    const fs::path fifo = dir.path / "pipe.yaml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // If the loader opened the FIFO for reading it would block here forever (no writer).
    const ScenarioLoad load = loadScenarioFile(fifo.string(), nullptr);
    EXPECT_EQ(load.scenario, nullptr);
    EXPECT_EQ(formatAll(load.diagnostics),
              fifo.string() + ":0:0: error: this is a named pipe (FIFO), not a regular file\n");
    const CatalogueLoad catalogue = loadCatalogueFile(fifo.string());
    EXPECT_EQ(catalogue.catalogue, nullptr);
    EXPECT_EQ(catalogue.diagnostics.size(), 1u);
}

TEST(Loader, DeviceAndMissingFile) {
    EXPECT_EQ(formatAll(loadScenarioFile("/dev/null", nullptr).diagnostics),
              "/dev/null:0:0: error: this is a device, not a regular file\n");
    EXPECT_EQ(formatAll(loadScenarioFile("/nonexistent/x.yaml", nullptr).diagnostics),
              "/nonexistent/x.yaml:0:0: error: cannot read the file: No such file or directory\n");
}

TEST(Loader, ErrorsAreCappedAtOneHundred) {
    std::string yaml = docExample();
    std::string extra;
    for (int i = 0; i < 150; ++i) extra += "extra" + std::to_string(i) + ": 1\n";
    yaml = extra + yaml;
    const ScenarioLoad load = loadScenarioText(yaml, "x.yaml", nullptr);
    ASSERT_EQ(load.diagnostics.size(), 101u);
    EXPECT_EQ(countSeverity(load.diagnostics, Severity::Error), 101);
    EXPECT_EQ(load.diagnostics.back().format(),
              "x.yaml:0:0: error: too many errors: only the first 100 are shown");
    EXPECT_EQ(load.diagnostics[0].format(),
              "x.yaml:1:1: error: extra0: unknown key 'extra0' in a scenario");
}

TEST(Loader, OddInputsNeverThrow) {
    const std::vector<std::string> inputs = {
        "", "\n", "---", "...", "~", "null", "[]", "{}", "- - -", "a", "\"", "'", "{", "[", "?",
        ":", "&a", "*a", "!", "%YAML 1.2", "\xff\xfe", std::string("\0\0\0", 3), "a: \"\\",
        "nodes: {a: {choices: [{next: a}], lines: []}}", "format: 1\nnodes: [1]\n",
        "start: a\nnodes:\n  a: {lines: [{text: {ko: x, en: y}}], choices: [{text: {ko: x, en: y}, "
        "feedback: {ko: x, en: y}, next: a}]}\n",
        std::string(100000, '['), std::string(100000, '{'), std::string(50000, '-') + " x",
        "a: " + std::string(20000, 'x')};
    for (const std::string& input : inputs) {
        EXPECT_NO_THROW({
            const ScenarioLoad load = loadScenarioText(input, "odd.yaml", nullptr);
            EXPECT_FALSE(load.ok());
            EXPECT_FALSE(load.diagnostics.empty());
        });
        EXPECT_NO_THROW(loadCatalogueText(input, "odd.yaml"));
    }
}

TEST(Loader, SelfLoopIsACycle) {
    const ScenarioLoad load = loadScenarioText(
        "format: 1\nid: x\ntitle: {ko: a, en: b}\nsummary: {ko: a, en: b}\nsetting: cafe\n"
        "difficulty: 1\nsource: {ref: s}\nprinciples: [p.q]\ncustomer: {name: {ko: a, en: b}, "
        "look: {skin: '#000000', hair: bob, hair_color: '#000000', outfit: coat, outfit_color: "
        "'#000000'}, mood: 1, trust: 1}\nstart: a\nnodes:\n  a: {lines: [{text: {ko: x, en: "
        "y}}], choices: [{text: {ko: x, en: y}, feedback: {ko: x, en: y}, next: a}]}\n",
        "loop.yaml", nullptr);
    // Reported at the `next:` that closes the loop (column 99), not at the choice (column 50).
    EXPECT_EQ(formatAll(load.diagnostics),
              "loop.yaml:12:99: error: nodes.a.choices[0].next: cycle: a -> a (a conversation "
              "must move forward; loops are not allowed)\n");
}

namespace {

/// A two-node scenario whose first node carries `extra` (e.g. "shuffle: false, ").
ScenarioLoad loadWithNodeKeys(const std::string& extra, const std::string& endExtra = "") {
    return loadScenarioText(
        "format: 1\nid: x\ntitle: {ko: a, en: b}\nsummary: {ko: a, en: b}\nsetting: cafe\n"
        "difficulty: 1\nsource: {ref: s}\nprinciples: [p.q]\ncustomer: {name: {ko: a, en: b}, "
        "look: {skin: '#000000', hair: bob, hair_color: '#000000', outfit: coat, outfit_color: "
        "'#000000'}, mood: 1, trust: 1}\nstart: a\nnodes:\n  a: {" +
            extra +
            "lines: [{text: {ko: x, en: y}}], choices: [{text: {ko: x, en: y}, feedback: {ko: x, "
            "en: y}, next: b}]}\n  b: {" +
            endExtra +
            "lines: [{text: {ko: x, en: y}}], ending: {kind: lost, title: {ko: x, en: y}}}\n",
        "shuffle.yaml", nullptr);
}

}  // namespace

TEST(Loader, ShuffleKey) {
    const ScenarioLoad plain = loadWithNodeKeys("");
    ASSERT_TRUE(plain.ok()) << formatAll(plain.diagnostics);
    EXPECT_TRUE(plain.scenario->nodes[0].shuffle);  // default: shuffled
    const ScenarioLoad kept = loadWithNodeKeys("shuffle: false, ");
    ASSERT_TRUE(kept.ok()) << formatAll(kept.diagnostics);
    EXPECT_FALSE(kept.scenario->nodes[0].shuffle);
    EXPECT_TRUE(kept.diagnostics.empty()) << formatAll(kept.diagnostics);
    const ScenarioLoad yes = loadWithNodeKeys("shuffle: true, ");
    ASSERT_TRUE(yes.ok());
    EXPECT_TRUE(yes.scenario->nodes[0].shuffle);
}

TEST(Loader, ShuffleKeyErrors) {
    EXPECT_EQ(formatAll(loadWithNodeKeys("shuffle: maybe, ").diagnostics),
              "shuffle.yaml:12:16: error: nodes.a.shuffle: expected true or false, found "
              "'maybe'\n");
    EXPECT_EQ(formatAll(loadWithNodeKeys("shuffle: 'false', ").diagnostics),
              "shuffle.yaml:12:16: error: nodes.a.shuffle: expected true or false, found the "
              "quoted text 'false'\n");
    const std::string dup =
        formatAll(loadWithNodeKeys("shuffle: false, shuffle: true, ").diagnostics);
    EXPECT_NE(dup.find("duplicate key 'shuffle'"), std::string::npos) << dup;
    const std::string typo = formatAll(loadWithNodeKeys("shufle: false, ").diagnostics);
    EXPECT_NE(typo.find("did you mean 'shuffle'"), std::string::npos) << typo;
    const ScenarioLoad onEnding = loadWithNodeKeys("", "shuffle: false, ");
    EXPECT_TRUE(onEnding.ok());
    EXPECT_NE(
        formatAll(onEnding.diagnostics).find("warning: nodes.b.shuffle: 'shuffle' has no effect"),
        std::string::npos)
        << formatAll(onEnding.diagnostics);
}
