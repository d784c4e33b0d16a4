// xAPI export: launched, one responded per decision, completed and passed/failed (or terminated);
// deterministic v5 statement ids, the attempt as registration, actor from the trainee, score and
// durations in xAPI form, and the detached signature.
#include <gtest/gtest.h>

#include <regex>

#include "counterplay/core/Export.h"
#include "counterplay/core/Uuid.h"
#include "results_fixture.h"

using namespace counterplay::core;
using counterplay::testing::ResultsFixture;
using counterplay::testing::sampleAttempt;

namespace {
class ExportXapiTest : public ResultsFixture {};
}  // namespace

TEST(Xapi, IsoDurations) {
    EXPECT_EQ(isoDuration(0), "PT0.00S");
    EXPECT_EQ(isoDuration(4004), "PT4.00S");
    EXPECT_EQ(isoDuration(4006), "PT4.01S");
    EXPECT_EQ(isoDuration(61500), "PT1M1.50S");
    EXPECT_EQ(isoDuration(3600000 + 5000), "PT1H0M5.00S");
}

TEST(Xapi, BaseIriValidation) {
    EXPECT_TRUE(isValidBaseIri("https://lms.example.com/counterplay"));
    EXPECT_TRUE(isValidBaseIri("urn:counterplay:acme"));
    EXPECT_FALSE(isValidBaseIri("https://x/"));
    EXPECT_FALSE(isValidBaseIri("not an iri"));
    EXPECT_FALSE(isValidBaseIri("ftp://x"));
}

TEST_F(ExportXapiTest, StatementsOfAFinishedAttempt) {
    NewAttempt a = sampleAttempt("Kim Minji");
    a.traineeEmail = "minji@example.com";
    const auto id = store->recordAttempt(a);
    const auto stored = store->getAttempt(id);
    XapiOptions options;
    options.baseIri = "https://lms.example.com/cp";
    const auto s = xapiStatements(*stored, options);
    ASSERT_EQ(s.size(), 5u);
    const std::string verbs[] = {"launched", "responded", "responded", "completed", "passed"};
    const std::regex isoTime(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
    for (std::size_t i = 0; i < s.size(); ++i) {
        EXPECT_EQ(s[i]["verb"]["id"], "http://adlnet.gov/expapi/verbs/" + verbs[i]);
        EXPECT_TRUE(isUuid(s[i]["id"].get<std::string>()));
        EXPECT_EQ(s[i]["id"].get<std::string>()[14], '5');
        EXPECT_EQ(s[i]["context"]["registration"], stored->summary.uuid);
        EXPECT_EQ(s[i]["actor"]["mbox"], "mailto:minji@example.com");
        EXPECT_TRUE(std::regex_match(s[i]["timestamp"].get<std::string>(), isoTime));
    }
    EXPECT_EQ(s[0]["object"]["id"], "https://lms.example.com/cp/scenarios/washed-blouse");
    EXPECT_EQ(s[1]["object"]["id"], "https://lms.example.com/cp/scenarios/washed-blouse/nodes/start");
    EXPECT_EQ(s[1]["result"]["response"], "start.0");
    EXPECT_EQ(s[1]["result"]["duration"], "PT4.00S");
    EXPECT_EQ(s[1]["result"]["extensions"]["https://lms.example.com/cp/extensions/points"]["complaint.listen"], 3);
    EXPECT_EQ(s[2]["result"]["extensions"]["https://lms.example.com/cp/extensions/timeout"], true);
    EXPECT_EQ(s[1]["context"]["contextActivities"]["parent"][0]["id"], s[0]["object"]["id"]);
    const auto& score = s[3]["result"]["score"];
    EXPECT_DOUBLE_EQ(score["scaled"].get<double>(), 0.71);
    EXPECT_EQ(score["raw"], 5);
    EXPECT_EQ(score["min"], -3);
    EXPECT_EQ(score["max"], 7);
    EXPECT_EQ(s[3]["result"]["success"], true);
    EXPECT_EQ(s[3]["result"]["completion"], true);
    EXPECT_EQ(s[3]["result"]["duration"], "PT11.00S");
    EXPECT_EQ(s[0]["object"]["definition"]["name"]["en-US"], "The washed blouse");
    // Deterministic: the same attempt gives the same ids; another attempt other ids.
    EXPECT_EQ(xapiStatements(*stored, options)[2]["id"], s[2]["id"]);
    EXPECT_EQ(s[2]["id"], xapiStatementId(stored->summary.uuid, "decision/2"));
}

TEST_F(ExportXapiTest, AccountActorFailedAndUnfinishedAttempts) {
    NewAttempt failed = sampleAttempt("Bo", 0, 0);
    const auto failedId = store->recordAttempt(failed);
    NewAttempt unfinished = sampleAttempt("Bo", 1, 0);
    unfinished.scorecard.finished = false;
    const auto unfinishedId = store->recordAttempt(unfinished);
    XapiOptions options;
    const auto f = xapiStatements(*store->getAttempt(failedId), options);
    EXPECT_EQ(f.back()["verb"]["id"], "http://adlnet.gov/expapi/verbs/failed");
    EXPECT_EQ(f.back()["result"]["success"], false);
    EXPECT_EQ(f[0]["actor"]["account"]["name"], "Bo");
    EXPECT_EQ(f[0]["actor"]["account"]["homePage"], options.baseIri);
    const auto u = xapiStatements(*store->getAttempt(unfinishedId), options);
    EXPECT_EQ(u.back()["verb"]["id"], "http://adlnet.gov/expapi/verbs/terminated");
    EXPECT_EQ(u.back()["result"]["completion"], false);
    EXPECT_NE(f[0]["id"], u[0]["id"]);
}

TEST_F(ExportXapiTest, ExportIsAnArrayWithADetachedSignature) {
    store->recordAttempt(sampleAttempt("Ann"));
    store->recordAttempt(sampleAttempt("Bo"));
    StringSink sink;
    const ExportResult r = exportAttempts(*store, ExportFormat::Xapi, {}, key, sink);
    EXPECT_EQ(r.rows, 10);
    const auto doc = nlohmann::json::parse(sink.data);
    ASSERT_TRUE(doc.is_array());
    EXPECT_EQ(doc.size(), 10u);
    EXPECT_TRUE(verifyExportBytes(sink.data, &r.detachedSignature, trust).ok);
    std::string edited = sink.data;
    edited[edited.find("Ann")] = 'E';
    EXPECT_FALSE(verifyExportBytes(edited, &r.detachedSignature, trust).ok);
}
