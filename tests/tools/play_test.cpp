// `counterplay play`: scripted play is deterministic, the scorecard is right, timeouts, --from,
// interactive input and end of input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "../../tools/Common.h"
#include "ToolTestUtil.h"
#include "counterplay/core/Shuffle.h"

namespace counterplay::testing {
namespace {

class Play : public ::testing::Test {
protected:
    void SetUp() override { writeFixture(dir_); }
    std::string file() const { return dir_.path() + "/late-order.yaml"; }
    TempDir dir_;
};

TEST_F(Play, ScriptedJsonIsByteIdenticalAcrossRuns) {
    const RunResult a = runVerb({"play", file(), "--choices", "1,1", "--json", "--lang", "en"});
    const RunResult b = runVerb({"play", file(), "--choices", "1,1", "--json", "--lang", "en"});
    ASSERT_EQ(a.code, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    const nlohmann::json j = nlohmann::json::parse(a.out);
    EXPECT_TRUE(j.contains("scorecard"));
    EXPECT_TRUE(j.contains("transcript"));
    EXPECT_EQ(j["transcript"]["decisions"].size(), 2u);
}

TEST_F(Play, BestChoicesPass) {
    const RunResult r = runVerb({"play", file(), "--choices", "1,1", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json card = nlohmann::json::parse(r.out)["scorecard"];
    EXPECT_TRUE(card["passed"].get<bool>());
    EXPECT_EQ(card["earnedTotal"].get<int>(), 5);
    EXPECT_EQ(card["bestTotal"].get<int>(), 5);
    EXPECT_EQ(card["percent"].get<int>(), 100);
    EXPECT_EQ(card["endingKind"].get<std::string>(), "loyal");
}

TEST_F(Play, NumbersCountOnlyAvailableChoices) {
    // After the excuse, `promise` is hidden, so "1" at the second node is `shrug`.
    const RunResult r = runVerb({"play", file(), "--choices", "2,1", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["transcript"]["decisions"][1]["choiceId"].get<std::string>(), "shrug");
    EXPECT_FALSE(j["scorecard"]["passed"].get<bool>());
    EXPECT_TRUE(j["scorecard"]["criticalMissed"].get<bool>());
}

TEST_F(Play, TimeoutEntryLetsTheTimerRunOut) {
    const RunResult r = runVerb({"play", file(), "--choices", "t", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["transcript"]["decisions"][0]["choiceIndex"].get<int>(), -1);
    EXPECT_EQ(j["scorecard"]["endingKind"].get<std::string>(), "lost");
}

TEST_F(Play, ThinkingTooLongTakesTheTimeout) {
    const RunResult r = runVerb({"play", file(), "--choices", "1@31000", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Time ran out"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("FAIL"), std::string::npos) << r.out;
}

TEST_F(Play, TextScorecardNamesPrinciplesAndCoachFeedback) {
    const RunResult r = runVerb({"play", file(), "--choices", "1,1", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Kim Ji-hyun [annoyed]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Coach: You owned the broken promise."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Make and keep small promises"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("PASS"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("promoter"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Time limit: 30 s"), std::string::npos) << r.out;
    const RunResult again = runVerb({"play", file(), "--choices", "1,1", "--lang", "en"});
    EXPECT_EQ(r.out, again.out);
}

TEST_F(Play, AssessModeHidesFeedback) {
    const RunResult r = runVerb({"play", file(), "--choices", "1,1", "--assess"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.find("Coach:"), std::string::npos) << r.out;
}

TEST_F(Play, KoreanContentAndLabels) {
    const RunResult r = runVerb({"play", file(), "--choices", "1,1", "--lang", "ko"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("KO sorry"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(tools::label("play.coach", core::Lang::Ko) + ": KO owned"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(tools::label("card.pass", core::Lang::Ko)), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Coach:"), std::string::npos) << r.out;
}

TEST_F(Play, BadScriptsAreUsageErrors) {
    EXPECT_EQ(runVerb({"play", file(), "--choices", "7"}).code, 2);
    EXPECT_EQ(runVerb({"play", file(), "--choices", "x"}).code, 2);
    EXPECT_EQ(runVerb({"play", file(), "--choices", "1,t"}).code, 2);  // no timer at `check`
    EXPECT_EQ(runVerb({"play", file(), "--choices", "1,1,1"}).code, 2);
}

TEST_F(Play, ChoiceIdsAndNumbersMixed) {
    const RunResult ids = runVerb({"play", file(), "--choices", "apologise,promise", "--json"});
    ASSERT_EQ(ids.code, 0) << ids.err;
    const RunResult mixed = runVerb({"play", file(), "--choices", "apologise@1000,1", "--json"});
    ASSERT_EQ(mixed.code, 0) << mixed.err;
    const nlohmann::json a = nlohmann::json::parse(ids.out), b = nlohmann::json::parse(mixed.out);
    EXPECT_EQ(a["scorecard"]["earnedTotal"].get<int>(), 5);
    EXPECT_EQ(b["scorecard"]["earnedTotal"].get<int>(), 5);
    EXPECT_EQ(b["transcript"]["decisions"][0]["elapsedMs"].get<int>(), 1000);
    EXPECT_EQ(b["transcript"]["decisions"][1]["choiceId"].get<std::string>(), "promise");
    EXPECT_TRUE(a["shuffleSeed"].is_null());  // scripted without --shuffle: file order
    EXPECT_FALSE(a["transcript"].contains("shuffleSeed"));
}

TEST_F(Play, WrongIdNamesTheChoicesShown) {
    const RunResult near = runVerb({"play", file(), "--choices", "apologize", "--lang", "en"});
    EXPECT_EQ(near.code, 2);
    EXPECT_NE(near.err.find("counterplay play: --choices entry 1 ('apologize'): node 'arrive' "
                            "shows no choice 'apologize' (did you mean 'apologise'?); it shows: "
                            "1 apologise, 2 excuse\n"),
              std::string::npos)
        << near.err;
    const RunResult far = runVerb({"play", file(), "--choices", "wave", "--lang", "en"});
    EXPECT_EQ(far.code, 2);
    EXPECT_NE(far.err.find("shows no choice 'wave'; it shows: 1 apologise, 2 excuse"),
              std::string::npos)
        << far.err;
    // `promise` exists but is hidden after the excuse.
    const RunResult hidden =
        runVerb({"play", file(), "--choices", "excuse,promise", "--lang", "en"});
    EXPECT_EQ(hidden.code, 2);
    EXPECT_NE(hidden.err.find("--choices entry 2 ('promise'): choice 'promise' of node 'check' is "
                              "not shown now (its condition is false); it shows: 1 shrug"),
              std::string::npos)
        << hidden.err;
    const RunResult number = runVerb({"play", file(), "--choices", "3", "--lang", "en"});
    EXPECT_EQ(number.code, 2);
    EXPECT_NE(number.err.find("--choices entry 1 ('3'): node 'arrive' shows 2 choices: "
                              "1 apologise, 2 excuse"),
              std::string::npos)
        << number.err;
    const RunResult ko = runVerb({"play", file(), "--choices", "apologize", "--lang", "ko"});
    EXPECT_EQ(ko.code, 2);
    EXPECT_NE(ko.err.find(tools::label("play.did-you-mean", core::Lang::Ko, {{"id", "apologise"}})),
              std::string::npos)
        << ko.err;
    EXPECT_EQ(runVerb({"play", file(), "--choices", "apolog!se"}).code, 2);
}

TEST_F(Play, ShuffleSeedOrdersTheNumbers) {
    // Over a few seeds, "1" picks whichever choice the seed shows first, and the ids still pick
    // the same choice whatever the order.
    std::set<std::string> firsts;
    for (const char* seed : {"1", "2", "3", "4", "5", "6", "7", "8"}) {
        const RunResult r =
            runVerb({"play", file(), "--shuffle", seed, "--choices", "1,1", "--json"});
        ASSERT_EQ(r.code, 0) << r.err;
        const nlohmann::json j = nlohmann::json::parse(r.out);
        EXPECT_EQ(j["shuffleSeed"].get<std::uint64_t>(), std::stoull(seed));
        EXPECT_EQ(j["transcript"]["shuffleSeed"].get<std::uint64_t>(), std::stoull(seed));
        const std::uint64_t s = std::stoull(seed);
        const std::size_t first = core::shuffledOrder(s, "arrive", 0, 2)[0];
        const std::string id = j["transcript"]["decisions"][0]["choiceId"].get<std::string>();
        EXPECT_EQ(id, first == 0 ? "apologise" : "excuse");
        firsts.insert(id);
        const RunResult byId = runVerb(
            {"play", file(), "--shuffle", seed, "--choices", "apologise,promise", "--json"});
        EXPECT_EQ(nlohmann::json::parse(byId.out)["scorecard"]["earnedTotal"].get<int>(), 5);
    }
    EXPECT_EQ(firsts.size(), 2u);  // both orders came up
    const RunResult text =
        runVerb({"play", file(), "--shuffle", "1", "--choices", "apologise,promise"});
    const RunResult again =
        runVerb({"play", file(), "--shuffle", "1", "--choices", "apologise,promise"});
    EXPECT_EQ(text.out, again.out);
    EXPECT_EQ(runVerb({"play", file(), "--shuffle", "-3", "--choices", "1,1"}).code, 2);
}

TEST_F(Play, InteractivePlayShuffles) {
    // No --shuffle: a random seed, recorded in the transcript.
    const RunResult r = runVerb({"play", file(), "--json"}, "1\n1\n");
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j["transcript"].contains("shuffleSeed"));
    EXPECT_EQ(j["shuffleSeed"], j["transcript"]["shuffleSeed"]);
}

TEST_F(Play, ScriptEndingEarlyIsADataError) {
    const RunResult r = runVerb({"play", file(), "--choices", "1"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("check"), std::string::npos) << r.err;
}

TEST_F(Play, FromNodeWithState) {
    const RunResult r = runVerb(
        {"play", file(), "--from", "check", "--set", "apologised=true", "--choices", "1", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["startedFrom"].get<std::string>(), "check");
    EXPECT_EQ(j["transcript"]["decisions"][0]["choiceId"].get<std::string>(), "promise");
    // --set may come before the file and be repeated.
    const RunResult early = runVerb({"play", "--set", "apologised=true", "--set", "mood=60",
                                     file(), "--from", "check", "--choices", "1", "--json"});
    EXPECT_EQ(early.code, 0) << early.err;
    EXPECT_EQ(runVerb({"play", file(), "--from", "nowhere", "--choices", "1"}).code, 2);
    EXPECT_EQ(runVerb({"play", file(), "--set", "nothing=1", "--choices", "1,1"}).code, 2);
}

TEST_F(Play, FromNodeCriticalActionsBeforeItAreNotApplicable) {
    // `apologise` is only offered at `arrive`, before `check`: it cannot be judged from there.
    const RunResult r = runVerb({"play", file(), "--from", "check", "--set", "apologised=true",
                                 "--choices", "1", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json card = nlohmann::json::parse(r.out)["scorecard"];
    ASSERT_EQ(card["critical"].size(), 1u);
    EXPECT_EQ(card["critical"][0]["reason"].get<std::string>(), "not applicable");
    EXPECT_TRUE(card["critical"][0]["notApplicable"].get<bool>());
    EXPECT_FALSE(card["criticalMissed"].get<bool>());
    const RunResult text = runVerb({"play", file(), "--from", "check", "--set", "apologised=true",
                                    "--choices", "1", "--lang", "en"});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("[n/a]"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("not applicable"), std::string::npos) << text.out;
    // From the start it is judged as usual, and the JSON has no notApplicable key.
    const RunResult whole = runVerb({"play", file(), "--choices", "1,1", "--json"});
    ASSERT_EQ(whole.code, 0) << whole.err;
    EXPECT_FALSE(nlohmann::json::parse(whole.out)["scorecard"]["critical"][0].contains("notApplicable"));
}

TEST_F(Play, FromAndSetAreCheckedWithHints) {
    const RunResult node = runVerb({"play", file(), "--from", "chek", "--choices", "1"});
    EXPECT_EQ(node.code, 2);
    EXPECT_NE(node.err.find("--from: no node 'chek' in " + file() + " (did you mean 'check'?)"),
              std::string::npos) << node.err;
    const RunResult mood = runVerb({"play", file(), "--set", "mood=150", "--choices", "1,1"});
    EXPECT_EQ(mood.code, 2);
    EXPECT_NE(mood.err.find("'mood' must be from 0 to 100, got 150"), std::string::npos) << mood.err;
    const RunResult ko = runVerb({"play", file(), "--set", "mood=150", "--choices", "1,1",
                                  "--lang", "ko"});
    EXPECT_NE(ko.err.find("0부터 100까지"), std::string::npos) << ko.err;
    const RunResult var = runVerb({"play", file(), "--set", "mod=50", "--choices", "1,1"});
    EXPECT_EQ(var.code, 2);
    EXPECT_NE(var.err.find("did you mean 'mood'?"), std::string::npos) << var.err;
    EXPECT_EQ(runVerb({"play", file(), "--set", "mood", "--choices", "1,1"}).code, 2);
}

TEST_F(Play, NumberOfAHiddenChoiceNamesTheChoicesShown) {
    // After the excuse, 'check' shows only the shrug: "2" would be the hidden promise's place.
    const RunResult r = runVerb({"play", file(), "--choices", "excuse,2", "--lang", "en"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--choices entry 2 ('2'): node 'check' shows 1 choices now (choices whose "
                         "condition is false are hidden and not counted): 1 shrug"),
              std::string::npos)
        << r.err;
}

TEST_F(Play, ScorecardExplainsAchievableWhenNoPathReachesAll) {
    // Make the shrug earn complaint.listen +3: the best path (apologise, promise: 2+1+2 = 5)
    // then earns listen 1 of its achievable 3 (excuse -> shrug reaches 3, but totals less).
    std::string text = kScenario;
    const std::string from = "        points: {complaint.listen: -1}\n";
    text.replace(text.find(from), from.size(), "        points: {complaint.listen: 3}\n");
    dir_.write("late-order.yaml", text);
    const RunResult r = runVerb({"play", file(), "--choices", "apologise,promise", "--lang", "en"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("(Achievable is the most each principle can earn on its own best path. "
                         "No single path earns them all: they add up to"),
              std::string::npos)
        << r.out;
    writeFixture(dir_);
    const RunResult clean = runVerb({"play", file(), "--choices", "apologise,promise", "--lang", "en"});
    EXPECT_EQ(clean.out.find("Achievable is"), std::string::npos) << clean.out;
}

TEST_F(Play, InteractiveReadsNumbersFromStdin) {
    // Typing "9" first is rejected with a hint; then 1 and 1 finish the scene. Interactive play
    // shuffles: take a seed that shows `apologise` and then `promise` first.
    std::uint64_t seed = 0;
    while (core::shuffledOrder(seed, "arrive", 0, 2)[0] != 0 ||
           core::shuffledOrder(seed, "check", 0, 2)[0] != 0)
        ++seed;
    const RunResult r =
        runVerb({"play", file(), "--lang", "en", "--shuffle", std::to_string(seed)}, "9\n1\n1\n");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Enter a number from 1 to 2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("She'll be back"), std::string::npos) << r.out;
}

TEST_F(Play, EndOfInputExitsOneCleanly) {
    const RunResult r = runVerb({"play", file()}, "1\n");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no more input"), std::string::npos) << r.err;
}

TEST_F(Play, FileWithErrorsExitsOne) {
    const std::string bad = dir_.write("bad.yaml", "format: 1\nid: x\n");
    EXPECT_EQ(runVerb({"play", bad, "--choices", "1"}).code, 1);
}

}  // namespace
}  // namespace counterplay::testing
