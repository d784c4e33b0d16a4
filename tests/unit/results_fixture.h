// Shared by the results tests (resultsstore, export_*): a temporary results database and
// hand-built attempts, so these tests do not depend on scenario files or the session code.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "counterplay/core/Keyring.h"
#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Signing.h"

namespace counterplay::testing {

inline constexpr std::int64_t kJan1 = 1704067200000;  // 2024-01-01T00:00:00Z

/// An attempt of a two-decision scenario: a choice then a timeout.
inline core::NewAttempt sampleAttempt(const std::string& trainee, int listen = 3, int empathy = 2,
                                      std::int64_t endedAt = kJan1) {
    using namespace core;
    NewAttempt a;
    a.traineeName = trainee;
    a.lang = "en";
    Scorecard& c = a.scorecard;
    c.scenarioId = "washed-blouse";
    c.scenarioTitle = {"\xEB\xB8\x94\xEB\x9D\xBC\xEC\x9A\xB0\xEC\x8A\xA4", "The washed blouse"};
    c.contentHash = std::string(64, 'a');
    c.principles = {{"complaint.empathise", empathy, 4, -2}, {"complaint.listen", listen, 3, -1}};
    c.earnedTotal = listen + empathy;
    c.bestTotal = 7;
    c.worstTotal = -3;
    c.percent = std::max(0, c.earnedTotal) * 100 / 7;
    c.passed = c.percent >= 70;
    c.finished = true;
    c.endingId = "end";
    c.endingKind = "loyal";
    c.endingTitle = {"\xEB\x8B\xA8\xEA\xB3\xA8", "A regular"};
    c.finalMood = 80;
    c.finalTrust = 75;
    c.recommend = 9;
    c.npsClass = "promoter";
    c.critical = {{"tend-first", {"\xEB\xA8\xBC\xEC\xA0\x80", "Tend to her first"}, true, ""}};
    DecisionRecord d1;
    d1.nodeId = "start";
    d1.choiceId = "start.0";
    d1.choiceText = {"\xEC\x82\xAC\xEA\xB3\xBC", "I am so sorry <this> happened & thank you."};
    d1.feedback = {"\xED\x94\xBC\xEB\x93\x9C\xEB\xB0\xB1", "Step 1: you thanked her."};
    d1.points = {{"complaint.listen", listen}};
    d1.elapsedMs = 4000;
    DecisionRecord d2;
    d2.nodeId = "second";
    d2.choiceIndex = kTimeoutChoice;
    d2.choiceId = "second.timeout";
    d2.timeout = true;
    d2.feedback = {"\xEC\x8B\x9C\xEA\xB0\x84", "She waited in silence."};
    d2.points = {{"complaint.empathise", empathy}};
    d2.elapsedMs = 7000;
    c.decisions = {d1, d2};
    c.totalMs = 11000;
    a.transcript.scenarioId = c.scenarioId;
    a.transcript.contentHash = c.contentHash;
    a.transcript.decisions = {{"start", 0, "start.0", 4000},
                              {"second", kTimeoutChoice, "second.timeout", 7000}};
    a.startedAtMs = endedAt - 11000;
    a.endedAtMs = endedAt;
    return a;
}

/// A fixed Ed25519 key pair (store "Test store"), so exports are reproducible.
inline core::SigningKey testKey(unsigned char salt = 1) {
    std::array<unsigned char, 32> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<unsigned char>(i * 7 + salt);
    return core::SigningKey::fromSeed(seed, "Test store");
}

/// A fresh results database in a temporary folder, removed afterwards.
class ResultsFixture : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (std::filesystem::temp_directory_path() / "cp-results-XXXXXX").string();
        dir = mkdtemp(tmpl.data());
        std::string error;
        store = core::ResultsStore::open((dir / "results.db").string(), error);
        ASSERT_TRUE(store) << error;
        store->setSigningKey(std::make_shared<const core::SigningKey>(key));
    }
    void TearDown() override {
        store.reset();
        std::filesystem::remove_all(dir);
    }
    std::filesystem::path dir;
    std::unique_ptr<core::ResultsStore> store;
    core::SigningKey key = testKey();
    /// Trusts `key` only (as on the machine that made the exports).
    core::Trust trust = [this] {
        core::Trust t;
        t.addOwn(key);
        return t;
    }();
};

}  // namespace counterplay::testing
