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
sources:
  - id: cram-crescendo
    kind: book
    title: {ko: "크레센도 법칙", en: "The Crescendo Rule"}
    author: {ko: "토니 크램", en: "Tony Cram"}
    item_label: {ko: "{item}번째 방법", en: "way {item}"}
    note: {ko: "한국어판", en: "Korean edition"}
  - id: seven-steps
    kind: article
    title: {ko: "7단계", en: "Seven steps"}
    publisher: 한국카네기연구소
    date: "2016-02-16"
    url: https://example.com/36
principles:
  - id: trust.small-promises
    group: trust
    name: {ko: "약속", en: "Small promises"}
    summary: {ko: "요약", en: "Summary"}
    source: {ref: cram-crescendo, item: "10"}
  - id: complaint.listen
    group: complaint
    name: {ko: "경청", en: "Listen"}
    summary: {ko: "요약", en: "Summary"}
    source: {ref: seven-steps, item: {ko: "2단계", en: "step 2"}}
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
    EXPECT_EQ(c.principles[0].source.ref, "cram-crescendo");
    EXPECT_EQ(c.principles[0].source.item, (Text{"10", "10"}));
    EXPECT_EQ(c.principles[1].source.item, (Text{"2단계", "step 2"}));
    EXPECT_NE(c.find("complaint.listen"), nullptr);
    EXPECT_NE(c.findGroup("trust"), nullptr);
    ASSERT_EQ(c.sources.size(), 2u);
    const Source* book = c.findSource("cram-crescendo");
    ASSERT_NE(book, nullptr);
    EXPECT_EQ(book->kind, "book");
    EXPECT_EQ(book->author, (Text{"토니 크램", "Tony Cram"}));
    EXPECT_TRUE(book->publisher.empty());
    EXPECT_EQ(book->itemLabel.en, "way {item}");
    EXPECT_EQ(book->note.ko, "한국어판");
    const Source* article = c.findSource("seven-steps");
    ASSERT_NE(article, nullptr);
    EXPECT_EQ(article->publisher, (Text{"한국카네기연구소", "한국카네기연구소"}));  // a plain string
    EXPECT_EQ(article->date, "2016-02-16");
    EXPECT_EQ(article->url, "https://example.com/36");
    EXPECT_EQ(c.findSource("nope"), nullptr);
}

TEST(Catalogue, SourceErrors) {
    std::string text = kCatalogue;
    const std::string bad = R"(  - id: seven-steps
    kind: blog
    title: {ko: "x", en: "y"}
    date: 2016-2-16
    item_label: {ko: "{item}단계", en: "step"}
    autor: x
  - {id: law, kind: law}
)";
    text.insert(text.find("principles:"), bad);
    const CatalogueLoad load = loadCatalogueText(text, "p.yaml");
    EXPECT_EQ(formatAll(load.diagnostics),
              "p.yaml:18:5: error: sources[2]: missing key 'author' or 'publisher': give at "
              "least one (the publisher or the site when the author is unknown)\n"
              "p.yaml:18:9: error: sources[2].id: duplicate source id 'seven-steps'\n"
              "p.yaml:19:11: error: sources[2].kind: unknown kind 'blog' (did you mean 'book'?); "
              "expected one of: book, article, web-guide, law\n"
              "p.yaml:21:11: error: sources[2].date: expected a date YYYY, YYYY-MM or "
              "YYYY-MM-DD, found '2016-2-16'\n"
              "p.yaml:22:17: error: sources[2].item_label: an item label must contain {item}, "
              "found 'step'\n"
              "p.yaml:23:5: error: sources[2].autor: unknown key 'autor' in a catalogue source "
              "(did you mean 'author'?)\n"
              "p.yaml:24:5: error: sources[3]: missing required key 'title'\n"
              "p.yaml:24:5: error: sources[3]: missing key 'author' or 'publisher': give at "
              "least one (the publisher or the site when the author is unknown)\n");
}

TEST(Catalogue, CitationsOfPrinciples) {
    std::string text = kCatalogue;
    text.replace(text.find("{ref: seven-steps"), 17, "{ref: seven-step");
    text.replace(text.find("{ref: cram-crescendo, item: \"10\"}"), 33,
                 "{seed: 000_a.txt, item: \"10\"}");
    const CatalogueLoad load = loadCatalogueText(text, "p.yaml");
    EXPECT_TRUE(load.ok());
    EXPECT_EQ(formatAll(load.diagnostics),
              "p.yaml:23:20: warning: principles[0].source.seed: 'seed' names a file users cannot "
              "read: cite an entry of the catalogue's 'sources:' with 'ref:' instead\n"
              "p.yaml:28:19: warning: principles[1].source.ref: unknown source citation "
              "'seven-step' (did you mean 'seven-steps'?); the catalogue's 'sources:' has no "
              "such id\n");
    EXPECT_EQ(load.catalogue->principles[0].source.seed, "000_a.txt");
    EXPECT_TRUE(load.catalogue->principles[0].source.ref.empty());
}

TEST(Catalogue, SourceNeedsExactlyOneOfRefAndSeed) {
    std::string text = kCatalogue;
    text.replace(text.find("{ref: seven-steps"), 17, "{ref: seven-steps, seed: a.txt");
    text.replace(text.find("{ref: cram-crescendo, item: \"10\"}"), 33, "{item: 10}");
    EXPECT_EQ(formatAll(loadCatalogueText(text, "p.yaml").diagnostics),
              "p.yaml:23:13: error: principles[0].source: missing required key 'ref' (the id "
              "of an entry of the catalogue's 'sources:')\n"
              "p.yaml:28:32: error: principles[1].source.seed: a source has either 'ref' or "
              "'seed', not both: keep 'ref'\n");
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
            "    summary: {ko: x}\n    source: {ref: seven-steps}\n    extra: 1\n";
    const CatalogueLoad load = loadCatalogueText(text, "p.yaml");
    EXPECT_EQ(formatAll(load.diagnostics),
              "p.yaml:19:9: error: principles[0].id: a principle id starts with its group: expected "
              "'trust....', found 'small-promises'\n"
              "p.yaml:25:12: error: principles[1].group: unknown group 'complain' (did you mean "
              "'complaint'?)\n"
              "p.yaml:29:9: error: principles[2].id: duplicate principle id 'complaint.listen'\n"
              "p.yaml:32:14: warning: principles[2].summary.en: missing English text ('en'); the "
              "game will show the Korean text\n"
              "p.yaml:34:5: error: principles[2].extra: unknown key 'extra' in a principle\n");
}

TEST(Catalogue, NotAMap) {
    EXPECT_EQ(formatAll(loadCatalogueText("- a\n", "p.yaml").diagnostics),
              "p.yaml:1:1: error: a principle catalogue is a map of keys (format, groups, "
              "sources, principles), found a list\n");
    EXPECT_EQ(loadCatalogueText("- a\n", "p.yaml").catalogue, nullptr);
}

TEST(Catalogue, ScenarioPrinciplesAreCheckedAgainstIt) {
    const CatalogueLoad catalogue = loadCatalogueText(kCatalogue, "p.yaml");
    const std::string scenario =
        "format: 1\nid: t\ntitle: {ko: a, en: b}\nsummary: {ko: a, en: b}\nsetting: cafe\n"
        "difficulty: 1\nsource: {ref: seven-step}\nprinciples: [complaint.listen, trust.smal-promises]\n"
        "customer: {name: {ko: a, en: b}, look: {skin: '#000000', hair: bob, hair_color: "
        "'#000000', outfit: coat, outfit_color: '#000000'}, mood: 50, trust: 50}\nstart: a\n"
        "nodes:\n  a: {lines: [{text: {ko: x, en: y}}], choices: [{text: {ko: x, en: y}, "
        "points: {complaint.lisen: 1}, feedback: {ko: x, en: y}, next: b}]}\n"
        "  b: {lines: [{text: {ko: x, en: y}}], ending: {kind: lost, title: {ko: x, en: y}}}\n";
    const ScenarioLoad load = loadScenarioText(scenario, "s.yaml", catalogue.catalogue.get());
    EXPECT_EQ(formatAll(load.diagnostics),
              "s.yaml:7:15: warning: source.ref: unknown source citation 'seven-step' (did you "
              "mean 'seven-steps'?); the catalogue's 'sources:' has no such id\n"
              "s.yaml:8:32: error: principles[1]: unknown principle 'trust.smal-promises' (did "
              "you mean 'trust.small-promises'?)\n"
              "s.yaml:12:82: error: nodes.a.choices[0].points.complaint.lisen: unknown principle "
              "'complaint.lisen' (did you mean 'complaint.listen'?)\n");
    // Without a catalogue, principle ids and source citations are not checked.
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
