// JSON forms: round trips of transcripts, snapshots and scorecards; the analysis shape.
#include "counterplay/core/Json.h"

#include <gtest/gtest.h>

#include "TestScenarios.h"

using namespace counterplay::core;
using nlohmann::json;

namespace {

Scorecard sampleScorecard() {
    auto sc = testscen::Builder("json")
                  .critical("own-it", "apologise", 1, 2)
                  .node("a")
                  .timeout(20, "b", {{"p.slow", -2}})
                  .choice("b", {{"p.x", 2}, {"p.y", -1}}, "", {}, {"apologise", "greet"})
                  .node("b")
                  .choice("end", {{"p.x", 1}})
                  .node("end")
                  .ending("loyal", 9)
                  .build();
    ManualClock clock;
    Session s(sc, clock);
    clock.advance(20'000);
    s.update();
    clock.advance(3'500);
    s.choose(0);
    return computeScorecard(analyzeScenario(*sc), s);
}

}  // namespace

TEST(Json, TextRoundTripAndPlainString) {
    Text t{"\xec\x95\x88\xeb\x85\x95", "hello"};
    EXPECT_EQ(json(t).get<Text>(), t);
    EXPECT_EQ(json(t).dump(), "{\"en\":\"hello\",\"ko\":\"\xec\x95\x88\xeb\x85\x95\"}");
    EXPECT_EQ(json("same").get<Text>(), (Text{"same", "same"}));
}

TEST(Json, TranscriptRoundTrip) {
    Transcript t;
    t.scenarioId = "washed-blouse";
    t.contentHash = std::string(64, 'a');
    t.decisions = {{"greet", 1, "greet.1", 2500}, {"ask", kTimeoutChoice, "ask.timeout", 30000}};
    const json j = t;
    EXPECT_EQ(j.at("decisions").at(1).at("choiceIndex"), -1);
    EXPECT_EQ(j.at("decisions").at(0).at("elapsedMs"), 2500);
    EXPECT_EQ(j.get<Transcript>(), t);
    EXPECT_EQ(json::parse(j.dump()).get<Transcript>(), t);
}

TEST(Json, TranscriptShuffleSeed) {
    Transcript t;
    t.decisions = {{"greet", 1, "greet.1", 2500}};
    EXPECT_FALSE(json(t).contains("shuffleSeed"));  // file order: no key, as in old files
    EXPECT_FALSE(json(t).get<Transcript>().shuffleSeed.has_value());
    for (std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{12345}, ~std::uint64_t{0}}) {
        t.shuffleSeed = seed;
        const std::string dumped = json(t).dump();
        EXPECT_EQ(json::parse(dumped).get<Transcript>(), t) << dumped;
    }
    EXPECT_NE(json(t).dump().find("\"shuffleSeed\":18446744073709551615"), std::string::npos);
    const char* bad[] = {R"({"decisions": [], "shuffleSeed": -1})",
                         R"({"decisions": [], "shuffleSeed": 1.5})",
                         R"({"decisions": [], "shuffleSeed": "12"})"};
    for (const char* text : bad)
        EXPECT_THROW(json::parse(text).get<Transcript>(), json::exception) << text;
    EXPECT_FALSE(json::parse(R"({"decisions": [], "shuffleSeed": null})")
                     .get<Transcript>()
                     .shuffleSeed.has_value());
}

TEST(Json, SnapshotRoundTrip) {
    SessionSnapshot s;
    s.transcript.scenarioId = "x";
    s.transcript.decisions = {{"a", 0, "a.0", 10}};
    s.elapsedInNodeMs = 12'345;
    EXPECT_EQ(json(s).get<SessionSnapshot>(), s);
    s.transcript.shuffleSeed = 99;  // a resumed game shows the same order
    EXPECT_EQ(json(s).get<SessionSnapshot>(), s);
}

TEST(Json, ScorecardRoundTrip) {
    const Scorecard c = sampleScorecard();
    ASSERT_EQ(c.decisions.size(), 2u);
    ASSERT_TRUE(c.decisions[0].timeout);
    const json j = c;
    EXPECT_EQ(json::parse(j.dump()).get<Scorecard>(), c);
    EXPECT_EQ(j.at("decisions").at(0).at("timeout"), true);
    EXPECT_EQ(j.at("decisions").at(1).at("points").at("p.x"), 1);
    EXPECT_EQ(j.at("critical").at(0).at("reason"), "missed");
    EXPECT_EQ(j.at("critical").at(0).at("id"), "own-it");
    EXPECT_EQ(j.at("npsClass"), "promoter");
    EXPECT_EQ(j.at("totalMs"), 23'500);
    EXPECT_EQ(j.at("principles").size(), 3u);
}

TEST(Json, ScorecardDumpIsDeterministic) {
    EXPECT_EQ(json(sampleScorecard()).dump(), json(sampleScorecard()).dump());
}

TEST(Json, MissingRequiredKeysThrow) {
    EXPECT_THROW(json::parse(R"({"scenarioId": "x"})").get<Transcript>(), json::exception);
    EXPECT_THROW(json::parse(R"({"decisions": [{"choiceIndex": 1}]})").get<Transcript>(),
                 json::exception);
    EXPECT_THROW(json::parse(R"({"decisions": [{"nodeId": 5, "choiceIndex": 1}]})").get<Transcript>(),
                 json::exception);
    EXPECT_THROW(json::parse(R"({"elapsedInNodeMs": 4})").get<SessionSnapshot>(), json::exception);
    EXPECT_THROW(json::parse(R"([1, 2])").get<Scorecard>(), json::exception);
}

TEST(Json, OptionalKeysDefault) {
    auto t = json::parse(R"({"decisions": [{"nodeId": "a", "choiceIndex": 0}]})").get<Transcript>();
    EXPECT_EQ(t.decisions[0].elapsedMs, 0);
    EXPECT_EQ(t.decisions[0].choiceId, "");
    EXPECT_EQ(t.scenarioId, "");
}

TEST(Json, DiagnosticShape) {
    Diagnostic d{"f.yaml", 3, 9, "nodes.a", Severity::Warning, "msg"};
    EXPECT_EQ(json(d).dump(),
              R"({"column":9,"file":"f.yaml","line":3,"message":"msg","path":"nodes.a","severity":"warning"})");
}

TEST(Json, AnalysisShape) {
    const Analysis a = analyzeScenario(*testscen::lateOrder());
    const json j = a;
    for (const char* key : {"best", "worst", "principles", "exercised", "unreachable", "deadEnds",
                            "endings", "canPass", "canFail", "problems"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j.at("best").at("total"), 3);
    EXPECT_EQ(j.at("best").at("ending"), "fixed");
    EXPECT_EQ(j.at("best").at("steps"), json::parse(R"([{"node": "arrive", "choice": 0}])"));
    EXPECT_EQ(j.at("best").at("points").at("trust.small-promises"), 2);
    EXPECT_EQ(j.at("principles").at(0),
              json::parse(R"({"id": "complaint.greet-thank", "best": 0, "worst": -2})"));
    EXPECT_EQ(j.at("canPass"), true);
    EXPECT_TRUE(j.at("problems").is_array());
}
