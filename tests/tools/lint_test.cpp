// `counterplay lint`: exit codes, file:line:col diagnostics, summary, --json and --werror.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

TEST(Lint, CleanFolderExitsZero) {
    TempDir dir;
    writeFixture(dir);
    const RunResult r = runVerb({"lint", dir.path()});
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("2 files, 0 errors, 0 warnings"), std::string::npos) << r.out;
}

TEST(Lint, BrokenReferenceGivesFileLineColumnAndExitsOne) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    const std::string bad =
        dir.write("bad.yaml", replaced(kScenario, "next: fixed", "next: fixd"));
    const RunResult r = runVerb({"lint", bad});
    EXPECT_EQ(r.code, 1);
    // "next: fixed" is on line 57, column 15 of the fixture; the loader may point at the key or
    // the value, so check the shape and the file, then the line.
    const std::regex shape(".*bad\\.yaml:([0-9]+):([0-9]+): error: .*fixd.*");
    std::smatch m;
    bool found = false;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (std::regex_match(line, m, shape)) {
            found = true;
            EXPECT_EQ(m[1].str(), "57") << line;
        }
    EXPECT_TRUE(found) << r.out;
    EXPECT_NE(r.out.find("1 file, 1 error"), std::string::npos) << r.out;
}

TEST(Lint, UnknownPrincipleIsAnErrorAgainstTheCatalogue) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    dir.write("s.yaml", replaced(kScenario, "points: {trust.small-promises: 2}\n",
                                 "points: {trust.small-promise: 2}\n"));
    const RunResult r = runVerb({"lint", dir.path()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("trust.small-promise"), std::string::npos) << r.out;
}

TEST(Lint, SourceCitationsAreWarnings) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    const std::string typo = dir.write(
        "a.yaml", replaced(kScenario, "source: {ref: cram-crescendo,", "source: {ref: cram-cresendo,"));
    const RunResult r = runVerb({"lint", typo});
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find(typo + ":7:15: warning: source.ref: unknown source citation "
                                "'cram-cresendo' (did you mean 'cram-crescendo'?)"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(runVerb({"lint", "--werror", typo}).code, 1);
    const std::string old = dir.write(
        "b.yaml", replaced(kScenario, "source: {ref: cram-crescendo,", "source: {seed: 000_x.txt,"));
    const RunResult o = runVerb({"lint", old});
    EXPECT_EQ(o.code, 0) << o.out;
    EXPECT_NE(o.out.find("warning: source.seed: 'seed' names a file users cannot read: cite an "
                         "entry of the catalogue's 'sources:' with 'ref:' instead"),
              std::string::npos)
        << o.out;
    // In the catalogue: a principle citing a source the table does not have.
    dir.write("principles.yaml", replaced(kCatalogue, "{ref: carnegie-online-7-steps,",
                                          "{ref: carnegie-online-7-step,"));
    const RunResult c = runVerb({"lint", dir.path() + "/principles.yaml"});
    EXPECT_NE(c.out.find("unknown source citation 'carnegie-online-7-step' (did you mean "
                         "'carnegie-online-7-steps'?)"),
              std::string::npos)
        << c.out;
}

TEST(Lint, YamlSyntaxErrorIsReportedWithPosition) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    const std::string bad = dir.write("syntax.yaml", "format: 1\nid: [unclosed\n");
    const RunResult r = runVerb({"lint", bad});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(std::regex_search(r.out, std::regex("syntax\\.yaml:[1-9][0-9]*:[0-9]+: error: ")))
        << r.out;
}

TEST(Lint, WarningsPassUnlessWerror) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    // An extra node nobody leads to: a warning (unreachable), not an error.
    const std::string file = dir.write(
        "s.yaml", std::string(kScenario) +
                      "  orphan:\n    lines:\n      - {text: {ko: \"KO\", en: \"Hm.\"}}\n"
                      "    ending: {kind: resolved, title: {ko: \"KO\", en: \"Orphan\"}}\n");
    const RunResult plain = runVerb({"lint", file});
    EXPECT_EQ(plain.code, 0) << plain.out;
    EXPECT_NE(plain.out.find("warning"), std::string::npos) << plain.out;
    EXPECT_NE(plain.out.find("orphan"), std::string::npos) << plain.out;
    EXPECT_EQ(runVerb({"lint", "--werror", file}).code, 1);
}

TEST(Lint, CatalogueIsLintedAsACatalogue) {
    TempDir dir;
    const std::string cat =
        dir.write("principles.yaml", replaced(kCatalogue, "group: trust", "group: trusty"));
    const RunResult r = runVerb({"lint", cat});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("principles.yaml:"), std::string::npos) << r.out;
}

TEST(Lint, MissingPathIsAnError) {
    const RunResult r = runVerb({"lint", "/nonexistent/counterplay/x.yaml"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("no such file"), std::string::npos) << r.out;
}

TEST(Lint, ExplicitCatalogueOption) {
    TempDir dir;
    const std::string cat = dir.write("cat/principles.yaml", kCatalogue);
    const std::string file = dir.write("scen/late-order.yaml", kScenario);
    EXPECT_EQ(runVerb({"lint", "--catalogue", cat, file}).code, 0);
}

TEST(Lint, JsonOutput) {
    TempDir dir;
    writeFixture(dir);
    dir.write("bad.yaml", replaced(kScenario, "next: fixed", "next: fixd"));
    const RunResult r = runVerb({"lint", "--json", dir.path()});
    EXPECT_EQ(r.code, 1);
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["files"].size(), 3u);
    EXPECT_GE(j["errors"].get<int>(), 1);
    EXPECT_FALSE(j["ok"].get<bool>());
    bool sawBad = false;
    for (const auto& f : j["files"])
        if (f["file"].get<std::string>().ends_with("bad.yaml")) {
            sawBad = true;
            ASSERT_FALSE(f["diagnostics"].empty());
            EXPECT_GT(f["diagnostics"][0]["line"].get<int>(), 0);
        }
    EXPECT_TRUE(sawBad);
}

TEST(Lint, FolderWalkIsSortedAndRecursive) {
    TempDir dir;
    writeFixture(dir);
    dir.write("sub/zz/late-order-2.yaml", replaced(kScenario, "id: late-order", "id: late-order-2"));
    dir.write("sub/notes.txt", "not yaml");
    const RunResult r = runVerb({"lint", dir.path()});
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("3 files"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace counterplay::testing

namespace counterplay::testing {
namespace {

TEST(Lint, NoCatalogueIsAnErrorUnlessGiven) {
    TempDir dir;
    const std::string file = dir.write("late-order.yaml", kScenario);
    const RunResult r = runVerb({"lint", file});
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find(file + ":0:0: error: no principles.yaml next to the file or in a parent "
                                "folder, so principle ids and source citations cannot be "
                                "checked: keep the file in the folder of principles.yaml, or "
                                "give --catalogue FILE"),
              std::string::npos)
        << r.out;
    const std::string cat = dir.write("elsewhere/principles.yaml", kCatalogue);
    const RunResult ok = runVerb({"lint", "--catalogue", cat, file});
    EXPECT_EQ(ok.code, 0) << ok.out;
    EXPECT_NE(ok.out.find("1 file, 0 errors, 0 warnings"), std::string::npos) << ok.out;
}

TEST(Lint, FileNameThatDiffersFromTheIdIsAWarning) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    const std::string file = dir.write("late.yaml", kScenario);
    const RunResult r = runVerb({"lint", file});
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find(file + ":2:1: warning: id: the file name 'late.yaml' differs from the id "
                                "'late-order': name the file 'late-order.yaml' (or change the "
                                "id) so the two are found together"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(runVerb({"lint", "--werror", file}).code, 1);
}

TEST(Lint, PrinciplesListedAndScoredMustAgree) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    // complaint.listen scored but no longer listed.
    const std::string file = dir.write(
        "late-order.yaml", replaced(kScenario, "principles: [trust.small-promises, complaint.listen]",
                                    "principles: [trust.small-promises]"));
    const RunResult r = runVerb({"lint", file});
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find(file + ":31:16: warning: nodes.arrive.time_limit.points[\"complaint."
                                "listen\"]: principle 'complaint.listen' is scored but not "
                                "listed in 'principles': add it there (the scorecard lists the "
                                "principles a scenario trains)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("1 file, 0 errors, 1 warning"), std::string::npos) << r.out;
}

TEST(Lint, GettingStuckIsAnError) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    // Without the shrug, a player who made an excuse has no choice at 'check'.
    std::string text = kScenario;
    const std::string shrug =
        "      - id: shrug\n"
        "        text: {ko: \"KO no idea\", en: \"No idea, sorry.\"}\n"
        "        points: {complaint.listen: -1}\n"
        "        feedback: {ko: \"KO none\", en: \"No next step: she has nothing to hold on to.\"}\n"
        "        next: walked-out\n";
    text = replaced(text, shrug, "");
    const std::string file = dir.write("late-order.yaml", text);
    const RunResult r = runVerb({"lint", file});
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("error: nodes.check: the player can get stuck at node 'check'"),
              std::string::npos)
        << r.out;
}

TEST(Lint, IndentationHintInsteadOfUnknownKey) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    // The shrug's `next:` moved left to the node's level.
    const std::string file = dir.write(
        "late-order.yaml",
        replaced(kScenario,
                 "        feedback: {ko: \"KO none\", en: \"No next step: she has nothing to hold "
                 "on to.\"}\n        next: walked-out\n",
                 "        feedback: {ko: \"KO none\", en: \"No next step: she has nothing to hold "
                 "on to.\"}\n    next: walked-out\n"));
    const RunResult r = runVerb({"lint", file});
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("nodes.check.next: 'next' belongs to a choice, not a node: check the "
                         "indentation"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("unknown key"), std::string::npos) << r.out;
}

TEST(Lint, ShippedScenariosAreCleanWithTheNewChecks) {
    const RunResult r =
        runVerb({"lint", "--werror", std::string(COUNTERPLAY_SOURCE_DIR) + "/scenarios"});
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find(" 0 errors, 0 warnings"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace counterplay::testing
