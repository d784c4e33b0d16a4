// `counterplay analyze`: best and worst path with texts and points, ranges, endings, JSON.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

TEST(Analyze, JsonHasBestAndWorstPaths) {
    TempDir dir;
    writeFixture(dir);
    const RunResult r = runVerb({"analyze", dir.path() + "/late-order.yaml", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.contains("best"));
    ASSERT_TRUE(j.contains("worst"));
    EXPECT_EQ(j["best"]["total"].get<int>(), 5);
    EXPECT_EQ(j["worst"]["total"].get<int>(), -3);
    EXPECT_EQ(j["best"]["points"]["trust.small-promises"].get<int>(), 4);
    ASSERT_EQ(j["best"]["steps"].size(), 2u);
    const nlohmann::json& step = j["best"]["steps"][0];
    EXPECT_EQ(step["node"].get<std::string>(), "arrive");
    EXPECT_EQ(step["choice"].get<std::string>(), "apologise");
    EXPECT_EQ(step["text"]["en"].get<std::string>(), "I'm sorry. Let me check right now.");
    EXPECT_EQ(step["text"]["ko"].get<std::string>(), "KO sorry");
    EXPECT_EQ(step["points"]["complaint.listen"].get<int>(), 1);
    EXPECT_EQ(j["best"]["ending"].get<std::string>(), "fixed");
    EXPECT_TRUE(j["canPass"].get<bool>());
    EXPECT_TRUE(j["canFail"].get<bool>());
    EXPECT_EQ(j["endings"].size(), 2u);
    EXPECT_TRUE(j["unreachable"].empty());
    EXPECT_TRUE(j["deadEnds"].empty());
    ASSERT_EQ(j["principles"].size(), 2u);
    EXPECT_EQ(j["principles"][0]["id"].get<std::string>(), "complaint.listen");
    EXPECT_EQ(j["principles"][0]["name"]["en"].get<std::string>(), "Listen");
    EXPECT_EQ(j["principles"][0]["best"].get<int>(), 1);
    EXPECT_EQ(j["principles"][0]["worst"].get<int>(), -2);
}

TEST(Analyze, TextShowsPathsAndRanges) {
    TempDir dir;
    writeFixture(dir);
    const RunResult r = runVerb({"analyze", dir.path() + "/late-order.yaml", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Best path: +5 points"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Worst path: -3 points"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Make and keep small promises"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Can pass: yes; can fail: yes"), std::string::npos) << r.out;
}

TEST(Analyze, WarnsWhenNoSinglePathReachesEveryPrinciplesBest) {
    TempDir dir;
    writeFixture(dir);
    const std::string clean = runVerb({"analyze", dir.path() + "/late-order.yaml"}).out;
    EXPECT_EQ(clean.find("no single path"), std::string::npos) << clean;
    // The shrug now earns complaint.listen +3: best path apologise, shrug (+6) earns
    // trust.small-promises 2 of its 4.
    std::string text = kScenario;
    const std::string from = "        points: {complaint.listen: -1}\n";
    text.replace(text.find(from), from.size(), "        points: {complaint.listen: 3}\n");
    dir.write("late-order.yaml", text);
    const RunResult r = runVerb({"analyze", dir.path() + "/late-order.yaml"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("warning: no single path reaches every principle's best, so even the "
                         "best path shows trust.small-promises at 2 of 4 on the scorecard"),
              std::string::npos)
        << r.out;
    const nlohmann::json j = nlohmann::json::parse(
        runVerb({"analyze", dir.path() + "/late-order.yaml", "--json"}).out);
    ASSERT_EQ(j["shortfalls"].size(), 1u) << j.dump();
    EXPECT_EQ(j["shortfalls"][0]["id"].get<std::string>(), "trust.small-promises");
    EXPECT_EQ(j["shortfalls"][0]["onBestPath"].get<int>(), 2);
    EXPECT_EQ(j["shortfalls"][0]["achievable"].get<int>(), 4);
}

TEST(Analyze, PathsAsChoiceIdsAndShownNumbers) {
    TempDir dir;
    writeFixture(dir);
    const std::string file = dir.path() + "/late-order.yaml";
    const nlohmann::json j = nlohmann::json::parse(runVerb({"analyze", file, "--json"}).out);
    EXPECT_EQ(j["best"]["choices"].get<std::string>(), "apologise,promise");
    EXPECT_EQ(j["worst"]["choices"].get<std::string>(), "excuse,shrug");
    // `shrug` is the second choice in the file, but `promise` is hidden after the excuse: play
    // shows it as number 1.
    EXPECT_EQ(j["worst"]["steps"][1]["number"].get<int>(), 1);
    EXPECT_EQ(j["best"]["steps"][1]["number"].get<int>(), 1);
    EXPECT_EQ(j["worst"]["steps"][0]["number"].get<int>(), 2);
    const RunResult r = runVerb({"analyze", file, "--lang", "en"});
    EXPECT_NE(r.out.find("  2. check -> shrug (1): No idea, sorry."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n  --choices apologise,promise\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n  --choices excuse,shrug\n"), std::string::npos) << r.out;
}

TEST(Analyze, ShortTimersGetAnAnswerTime) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    std::string text = kScenario;
    text.replace(text.find("seconds: 30"), 11, "seconds: 3");
    const std::string file = dir.write("s.yaml", text);
    const nlohmann::json j = nlohmann::json::parse(runVerb({"analyze", file, "--json"}).out);
    EXPECT_EQ(j["best"]["choices"].get<std::string>(), "apologise@1500,promise");
    const RunResult p = runVerb({"play", file, "--choices", "apologise@1500,promise", "--json"});
    ASSERT_EQ(p.code, 0) << p.err;
    EXPECT_EQ(nlohmann::json::parse(p.out)["scorecard"]["earnedTotal"].get<int>(), 5);
}

TEST(Analyze, NeverAvailableChoiceIsAProblem) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    std::string text = kScenario;
    text.replace(text.find("condition: apologised"), 21, "condition: trust > 100");
    const RunResult r = runVerb({"analyze", dir.write("s.yaml", text), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_FALSE(j["problems"].empty()) << j.dump(2);
}

TEST(Analyze, FileWithErrorsExitsOne) {
    TempDir dir;
    dir.write("principles.yaml", kCatalogue);
    std::string text = kScenario;
    text.replace(text.find("start: arrive"), 13, "start: nowhere");
    const RunResult r = runVerb({"analyze", dir.write("s.yaml", text)});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("s.yaml:"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace counterplay::testing

namespace counterplay::testing {
namespace {

TEST(Analyze, ScoresAtANode) {
    TempDir dir;
    writeFixture(dir);
    const std::string file = dir.path() + "/late-order.yaml";
    const RunResult r = runVerb({"analyze", file, "--json", "--node", "arrive"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    const nlohmann::json& at = j.at("atNode");
    EXPECT_EQ(at["node"], "arrive");
    EXPECT_TRUE(at["reachable"].get<bool>());
    EXPECT_EQ(at["before"]["min"], 0);  // the start: nothing earned yet
    EXPECT_EQ(at["before"]["max"], 0);
    EXPECT_EQ(at["through"]["max"], j["best"]["total"]);
    EXPECT_EQ(at["through"]["min"], j["worst"]["total"]);
    const RunResult text = runVerb({"analyze", file, "--node", "check", "--lang", "en"});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("Scores at node 'check' (min .. max):"), std::string::npos) << text.out;
    const RunResult bad = runVerb({"analyze", file, "--node", "chek"});
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("did you mean 'check'?"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace counterplay::testing
