// JSON export: complete attempts (scorecard, transcript, content hash) that round-trip, inside a
// signed document whose signature verify checks byte for byte.
#include <gtest/gtest.h>

#include "counterplay/core/Export.h"
#include "counterplay/core/Json.h"
#include "results_fixture.h"

using namespace counterplay::core;
using counterplay::testing::ResultsFixture;
using counterplay::testing::sampleAttempt;

namespace {
class ExportJsonTest : public ResultsFixture {};
}  // namespace

TEST_F(ExportJsonTest, ExportsCompleteAttemptsThatRoundTrip) {
    const NewAttempt a = sampleAttempt("Kim Minji");
    const auto id = store->recordAttempt(a);
    store->recordAttempt(sampleAttempt("Bo"));
    ExportOptions options;
    options.filter.attemptId = id;
    options.exportedAtMs = 1;
    StringSink sink;
    const ExportResult r = exportAttempts(*store, ExportFormat::Json, options, key, sink);
    EXPECT_EQ(r.attempts, 1);
    const auto doc = nlohmann::json::parse(sink.data);
    EXPECT_EQ(doc["format"], "counterplay-results");
    EXPECT_EQ(doc["exported_at"], "1970-01-01T00:00:00.001Z");
    ASSERT_EQ(doc["attempts"].size(), 1u);
    const auto& j = doc["attempts"][0];
    EXPECT_EQ(j["trainee"]["name"], "Kim Minji");
    EXPECT_EQ(j["scenario"]["content_hash"], a.scorecard.contentHash);
    EXPECT_EQ(j["scorecard"].get<Scorecard>(), a.scorecard);
    EXPECT_EQ(j["transcript"].get<Transcript>(), a.transcript);
    EXPECT_EQ(doc["signature"]["key"], key.fingerprint());
    EXPECT_EQ(doc["signature"]["store"], "Test store");
    EXPECT_EQ(doc["attempts"][0]["seal"]["key"], key.fingerprint());
    EXPECT_EQ(doc["attempts"][0]["origin"]["store"], "Test store");
    EXPECT_TRUE(verifyExportBytes(sink.data, nullptr, trust).ok);
}

TEST_F(ExportJsonTest, KeepsTheShuffleSeed) {
    NewAttempt a = sampleAttempt("Kim Minji");
    a.transcript.shuffleSeed = 9'007'199'254'740'991ull;  // 2^53 - 1
    store->recordAttempt(a);
    store->recordAttempt(sampleAttempt("Bo"));  // file order: no seed
    ExportOptions options;
    options.exportedAtMs = 1;
    StringSink sink;
    exportAttempts(*store, ExportFormat::Json, options, key, sink);
    const auto doc = nlohmann::json::parse(sink.data);
    ASSERT_EQ(doc["attempts"].size(), 2u);
    for (const auto& j : doc["attempts"]) {
        const Transcript t = j["transcript"].get<Transcript>();
        if (j["trainee"]["name"] == "Kim Minji")
            EXPECT_EQ(t.shuffleSeed, a.transcript.shuffleSeed);
        else
            EXPECT_FALSE(j["transcript"].contains("shuffleSeed"));
    }
    EXPECT_TRUE(verifyExportBytes(sink.data, nullptr, trust).ok);
}

TEST_F(ExportJsonTest, AnyEditFailsVerification) {
    store->recordAttempt(sampleAttempt("Ann"));
    StringSink sink;
    exportAttempts(*store, ExportFormat::Json, {}, key, sink);
    const std::string& text = sink.data;
    // Change a score, a name, whitespace, the signature; each must fail.
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"\"percent\": 71", "\"percent\": 91"},
             {"\"Ann\"", "\"Anne\""},
             {"{\n", "{ \n"},
             {"\"sig\": \"", "\"sig\": \"0"},
             {"\"store\": \"Test store\"", "\"store\": \"Test Store\""}}) {
        std::string edited = text;
        const auto pos = edited.find(from);
        ASSERT_NE(pos, std::string::npos) << from;
        edited.replace(pos, from.size(), to);
        EXPECT_FALSE(verifyExportBytes(edited, nullptr, trust).ok) << from;
    }
    EXPECT_TRUE(verifyExportBytes(text, nullptr, trust).ok);
}
