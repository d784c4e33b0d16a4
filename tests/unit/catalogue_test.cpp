// The principle catalogue loader, findCatalogueFor, and principle checks in scenarios.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "counterplay/core/Loader.h"

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

std::string formatAll(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.format() + "\n";
    return out;
}

const std::string kCatalogue = R"(format: 1
groups:
  - {id: trust, name: {ko: "신뢰", en: "Trust"}}
  - {id: complaint, name: {ko: "불만", en: "Complaints"}}
principles:
  - id: trust.small-promises
    group: trust
    name: {ko: "약속", en: "Small promises"}
    summary: {ko: "요약", en: "Summary"}
    source: {seed: 000_a.txt, item: "10"}
  - id: complaint.listen
    group: complaint
    name: {ko: "경청", en: "Listen"}
    summary: {ko: "요약", en: "Summary"}
    source: {seed: 001_b.txt, item: "2"}
)";

}  // namespace

TEST(Catalogue, LoadsModel) {
    const CatalogueLoad load = loadCatalogueText(kCatalogue, "p.yaml");
    ASSERT_TRUE(load.ok()) << formatAll(load.diagnostics);
    const Catalogue& c = *load.catalogue;
    EXPECT_EQ(c.file, "p.yaml");
    ASSERT_EQ(c.groups.size(), 2u);
    EXPECT_EQ(c.groups[1].name.en, "Complaints");
    ASSERT_EQ(c.principles.size(), 2u);
    EXPECT_EQ(c.principles[0].id, "trust.small-promises");
    EXPECT_EQ(c.principles[0].source.item, "10");
    EXPECT_NE(c.find("complaint.listen"), nullptr);
    EXPECT_NE(c.findGroup("trust"), nullptr);
}

TEST(Catalogue, ShippedCatalogueLoadsClean) {
    const CatalogueLoad load =
        loadCatalogueFile(std::string(COUNTERPLAY_SOURCE_DIR) + "/scenarios/principles.yaml");
    EXPECT_TRUE(load.ok()) << formatAll(load.diagnostics);
    EXPECT_EQ(countSeverity(load.diagnostics, Severity::Warning), 0) << formatAll(load.diagnostics);
    EXPECT_GE(load.catalogue->principles.size(), 26u);
}

TEST(Catalogue, Errors) {
    std::string text = kCatalogue;
    text.replace(text.find("group: complaint\n"), 17, "group: complain\n");
    text.replace(text.find("id: trust.small-promises"), 24, "id: small-promises");
    text += "  - id: complaint.listen\n    group: complaint\n    name: {ko: x, en: y}\n"
            "    summary: {ko: x}\n    source: {seed: s}\n    extra: 1\n";
    const CatalogueLoad load = loadCatalogueText(text, "p.yaml");
    EXPECT_EQ(formatAll(load.diagnostics),
              "p.yaml:6:9: error: principles[0].id: a principle id starts with its group: expected "
              "'trust....', found 'small-promises'\n"
              "p.yaml:12:12: error: principles[1].group: unknown group 'complain' (did you mean "
              "'complaint'?)\n"
              "p.yaml:16:9: error: principles[2].id: duplicate principle id 'complaint.listen'\n"
              "p.yaml:19:14: warning: principles[2].summary.en: missing English text ('en'); the "
              "game will show the Korean text\n"
              "p.yaml:21:5: error: principles[2].extra: unknown key 'extra' in a principle\n");
}

TEST(Catalogue, NotAMap) {
    EXPECT_EQ(formatAll(loadCatalogueText("- a\n", "p.yaml").diagnostics),
              "p.yaml:1:1: error: a principle catalogue is a map of keys (format, groups, "
              "principles), found a list\n");
    EXPECT_EQ(loadCatalogueText("- a\n", "p.yaml").catalogue, nullptr);
}

TEST(Catalogue, ScenarioPrinciplesAreCheckedAgainstIt) {
    const CatalogueLoad catalogue = loadCatalogueText(kCatalogue, "p.yaml");
    const std::string scenario =
        "format: 1\nid: t\ntitle: {ko: a, en: b}\nsummary: {ko: a, en: b}\nsetting: cafe\n"
        "difficulty: 1\nsource: {seed: s}\nprinciples: [complaint.listen, trust.smal-promises]\n"
        "customer: {name: {ko: a, en: b}, look: {skin: '#000000', hair: bob, hair_color: "
        "'#000000', outfit: coat, outfit_color: '#000000'}, mood: 50, trust: 50}\nstart: a\n"
        "nodes:\n  a: {lines: [{text: {ko: x, en: y}}], choices: [{text: {ko: x, en: y}, "
        "points: {complaint.lisen: 1}, feedback: {ko: x, en: y}, next: b}]}\n"
        "  b: {lines: [{text: {ko: x, en: y}}], ending: {kind: lost, title: {ko: x, en: y}}}\n";
    const ScenarioLoad load = loadScenarioText(scenario, "s.yaml", catalogue.catalogue.get());
    EXPECT_EQ(formatAll(load.diagnostics),
              "s.yaml:8:32: error: principles[1]: unknown principle 'trust.smal-promises' (did "
              "you mean 'trust.small-promises'?)\n"
              "s.yaml:12:82: error: nodes.a.choices[0].points.complaint.lisen: unknown principle "
              "'complaint.lisen' (did you mean 'complaint.listen'?)\n");
    // Without a catalogue, principle ids are not checked.
    EXPECT_TRUE(loadScenarioText(scenario, "s.yaml", nullptr).ok());
}

TEST(Catalogue, FindCatalogueFor) {
    const fs::path root = fs::temp_directory_path() / ("counterplay-cat-" + std::to_string(::getpid()));
    fs::create_directories(root / "a" / "b");
    std::ofstream(root / "principles.yaml") << kCatalogue;
    EXPECT_EQ(findCatalogueFor((root / "a" / "b" / "x.yaml").string()),
              (root / "principles.yaml").string());
    std::ofstream(root / "a" / "principles.yaml") << kCatalogue;
    EXPECT_EQ(findCatalogueFor((root / "a" / "b" / "x.yaml").string()),
              (root / "a" / "principles.yaml").string());
    // Relative paths keep the caller's spelling.
    const fs::path cwd = fs::current_path();
    fs::current_path(root);
    EXPECT_EQ(findCatalogueFor("a/b/x.yaml"), "a/principles.yaml");
    EXPECT_EQ(findCatalogueFor("a/x.yaml"), "a/principles.yaml");
    EXPECT_EQ(findCatalogueFor("x.yaml"), "principles.yaml");
    fs::current_path(cwd);
    fs::remove_all(root);
    EXPECT_EQ(findCatalogueFor("/nonexistent-dir-xyz/x.yaml"), "");
}
