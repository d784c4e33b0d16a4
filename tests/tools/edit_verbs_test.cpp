// The content-rewriting verbs: fmt (--check exit codes, backup), new (lint clean, never
// overwrites), strings export/import (round trip, one changed cell, unknown ids, review marks).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ToolTestUtil.h"
#include "counterplay/core/SaveEdit.h"
#include "counterplay/core/Strings.h"
#include "counterplay/core/YamlDocument.h"

using counterplay::testing::runVerb;
using counterplay::testing::TempDir;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string shipped(const std::string& name) {
    return std::string(COUNTERPLAY_SOURCE_DIR) + "/scenarios/" + name;
}

}  // namespace

TEST(NewVerb, WritesALintCleanScenarioAndNeverOverwrites) {
    TempDir dir;
    dir.write("principles.yaml", slurp(shipped("principles.yaml")));
    const std::string out = dir.path() + "/first.yaml";
    const auto r = runVerb({"new", "first", "--out", out});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto lint = runVerb({"lint", "--werror", out});
    EXPECT_EQ(lint.code, 0) << lint.out;
    EXPECT_EQ(runVerb({"fmt", "--check", out}).code, 0);
    const auto again = runVerb({"new", "first", "--out", out});
    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.err.find("already exists"), std::string::npos);
    EXPECT_EQ(runVerb({"new", "Bad Id", "--out", out}).code, 2);
}

TEST(FmtVerb, CheckNamesFilesAndFmtKeepsABackup) {
    TempDir dir;
    const std::string messy = "id: x   # the id\nformat: 1\n";
    const std::string file = dir.write("x.yaml", messy);
    auto check = runVerb({"fmt", "--check", file});
    EXPECT_EQ(check.code, 1);
    EXPECT_NE(check.out.find(file), std::string::npos);
    EXPECT_EQ(slurp(file), messy);
    ASSERT_EQ(runVerb({"fmt", file}).code, 0);
    EXPECT_EQ(slurp(file), "format: 1\nid: x  # the id\n");
    EXPECT_EQ(slurp(counterplay::core::backupPathFor(file)), messy);
    EXPECT_EQ(runVerb({"fmt", "--check", file}).code, 0);
    EXPECT_EQ(runVerb({"fmt", dir.path() + "/missing.yaml"}).code, 1);
}

TEST(FmtVerb, RefusesNonRegularTargets) {
    TempDir dir;
    const std::string real = dir.write("real.yaml", "id: x\nformat: 1\n");
    const std::string link = dir.path() + "/link.yaml";
    std::filesystem::create_symlink(real, link);
    EXPECT_EQ(runVerb({"fmt", link}).code, 1);
    EXPECT_EQ(slurp(real), "id: x\nformat: 1\n");
}

TEST(StringsVerb, RoundTripUnknownIdsAndOneChangedCell) {
    TempDir dir;
    dir.write("principles.yaml", slurp(shipped("principles.yaml")));
    const std::string original = slurp(shipped("hotel-guest.yaml"));
    const std::string file = dir.write("hotel-guest.yaml", original);
    const std::string csv = dir.path() + "/strings.csv";
    ASSERT_EQ(runVerb({"strings", "export", file, "--out", csv}).code, 0);
    const std::string table = slurp(csv);
    ASSERT_TRUE(
        table.starts_with("\xEF\xBB\xBF"
                          "id,ko,en,status,context\r\n"));

    // Import unchanged: the scenario's bytes stay; review marks are recorded once.
    auto first = runVerb({"strings", "import", csv});
    ASSERT_EQ(first.code, 0) << first.err;
    EXPECT_EQ(slurp(file), original);
    EXPECT_TRUE(std::filesystem::exists(dir.path() + "/hotel-guest.reviews"));
    const std::string marks = slurp(dir.path() + "/hotel-guest.reviews");
    auto second = runVerb({"strings", "import", csv});
    EXPECT_EQ(second.code, 0);
    EXPECT_NE(second.out.find("Nothing to change"), std::string::npos);
    EXPECT_EQ(slurp(dir.path() + "/hotel-guest.reviews"), marks);

    // An unknown id: nothing applied, exit 1, the id named.
    // (The shipped texts are being rewritten: change the first row, whatever it says.)
    std::vector<std::vector<std::string>> rows;
    std::string error;
    ASSERT_TRUE(counterplay::core::parseCsv(table, rows, error)) << error;
    ASSERT_GE(rows.size(), 2u);
    ASSERT_EQ(rows[1][0], file + "#title");
    rows[1][2] = "A guest doing you a favour";
    std::string edited = "id,ko,en,status,context\r\n";
    for (std::size_t i = 1; i < rows.size(); ++i) {
        for (std::size_t k = 0; k < rows[i].size(); ++k)
            edited += (k ? "," : "") + counterplay::core::csvField(rows[i][k]);
        edited += "\r\n";
    }
    const std::string withUnknown = edited + file + "#nodes.gone.lines[0].text,가,A,ok,\r\n";
    dir.write("unknown.csv", withUnknown);
    auto refused = runVerb({"strings", "import", dir.path() + "/unknown.csv"});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("nodes.gone.lines[0].text"), std::string::npos);
    EXPECT_EQ(slurp(file), original);
    ASSERT_EQ(
        runVerb({"strings", "import", "--dry-run", "--skip-unknown", dir.path() + "/unknown.csv"})
            .code,
        0);
    EXPECT_EQ(slurp(file), original);

    // One changed cell changes one line.
    dir.write("edited.csv", edited);
    ASSERT_EQ(runVerb({"strings", "import", dir.path() + "/edited.csv"}).code, 0);
    const std::string after = slurp(file);
    EXPECT_NE(after, original);
    EXPECT_EQ(std::count(after.begin(), after.end(), '\n'),
              std::count(original.begin(), original.end(), '\n'));
    EXPECT_NE(after.find("A guest doing you a favour"), std::string::npos);

    // Now change the Korean title only: lint warns that the English may be outdated.
    counterplay::core::YamlDocument doc;
    ASSERT_TRUE(counterplay::core::YamlDocument::parse(after, doc, error)) << error;
    const auto koChanged = doc.setScalar("title.ko", "손님이 베푸는 호의");
    ASSERT_TRUE(koChanged.ok);
    dir.write("hotel-guest.yaml", koChanged.bytes);
    const auto lint = runVerb({"lint", file});
    EXPECT_NE(lint.out.find("en text of title may be outdated: the ko text changed since it was "
                            "reviewed"),
              std::string::npos)
        << lint.out;
    ASSERT_EQ(runVerb({"strings", "export", file, "--out", csv}).code, 0);
    EXPECT_NE(slurp(csv).find(",needs review,"), std::string::npos);
}
