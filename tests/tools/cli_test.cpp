// The `counterplay` dispatcher, every verb's --help and usage errors, and the CLI's own strings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "../../tools/Common.h"
#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

class VerbHelp : public ::testing::TestWithParam<const char*> {};

TEST_P(VerbHelp, HelpExitsZeroAndDescribesTheVerb) {
    const RunResult r = runVerb({GetParam(), "--help"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--help"), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Verbs, VerbHelp,
                         ::testing::Values("lint", "play", "analyze", "graph", "principles"));

TEST(Cli, UnknownVerbExitsTwo) { EXPECT_EQ(runVerb({"frobnicate"}).code, 2); }

TEST(Cli, NoVerbExitsTwo) { EXPECT_EQ(runVerb({}).code, 2); }

TEST(Cli, TopLevelHelpExitsZero) { EXPECT_EQ(runVerb({"--help"}).code, 0); }

TEST(Cli, UnknownOptionIsAUsageError) {
    const RunResult r = runVerb({"analyze", "--no-such-option", "x.yaml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--no-such-option"), std::string::npos) << r.err;
}

TEST(Cli, MissingRequiredArgumentIsAUsageError) {
    EXPECT_EQ(runVerb({"lint"}).code, 2);
    EXPECT_EQ(runVerb({"play"}).code, 2);
    EXPECT_EQ(runVerb({"graph"}).code, 2);
}

TEST(Cli, BadLanguageIsAUsageError) {
    TempDir dir;
    writeFixture(dir);
    EXPECT_EQ(runVerb({"analyze", dir.path() + "/late-order.yaml", "--lang", "fr"}).code, 2);
}

TEST(Cli, MissingFileIsADataError) {
    TempDir dir;
    writeFixture(dir);
    const RunResult r = runVerb({"analyze", dir.path() + "/nope.yaml"});
    EXPECT_EQ(r.code, 1);
    EXPECT_FALSE(r.err.empty());
}

}  // namespace
}  // namespace counterplay::testing

// The CLI's own words: every label the tools use has Korean and English in assets/strings/cli.json.

namespace counterplay::testing {
namespace {

TEST(CliStrings, EveryLabelIsTranslated) {
    const std::string path = COUNTERPLAY_SOURCE_DIR "/assets/strings/cli.json";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    const nlohmann::json j = nlohmann::json::parse(in);
    for (const std::string& key : tools::labelKeys()) {
        ASSERT_TRUE(j.contains(key)) << key << " is missing from " << path;
        EXPECT_FALSE(j[key].value("ko", "").empty()) << key;
        EXPECT_FALSE(j[key].value("en", "").empty()) << key;
    }
}

TEST(CliStrings, PlaceholdersAreFilled) {
    EXPECT_EQ(tools::label("play.no-timer", core::Lang::En, {{"n", "3"}}),
              "There is no timer here; pick 1-3.");
    EXPECT_NE(tools::label("play.coach", core::Lang::Ko), tools::label("play.coach", core::Lang::En));
}

}  // namespace
}  // namespace counterplay::testing
