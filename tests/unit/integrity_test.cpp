// Attempt seals: a recorded attempt checks ok; changing any of its rows with SQL (a score, a
// decision, a name, a principle score, the seal itself) makes it "altered"; an attempt sealed by
// an untrusted key is "unknown signer"; rows from a version-1 database stay "unsealed" after the
// migration while new ones are sealed.
#include "counterplay/core/Integrity.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "results_fixture.h"

namespace counterplay::testing {
namespace {

class Integrity : public ResultsFixture {
protected:
    core::AttemptIntegrity check(std::int64_t id) const {
        auto a = store->getAttempt(id);
        EXPECT_TRUE(a);
        return core::checkAttempt(*a, store->sealedFromId(), trust);
    }
    void sql(const std::string& text) {
        char* err = nullptr;
        ASSERT_EQ(sqlite3_exec(store->handle(), text.c_str(), nullptr, nullptr, &err), SQLITE_OK)
            << (err ? err : "") << "\n" << text;
    }
};

TEST_F(Integrity, ARecordedAttemptIsSealedAndChecksOk) {
    const auto id = store->recordAttempt(sampleAttempt("Ann"));
    const auto a = store->getAttempt(id);
    EXPECT_EQ(a->summary.seal.size(), 128u);
    EXPECT_EQ(a->summary.originFingerprint, key.fingerprint());
    EXPECT_EQ(a->summary.originStore, "Test store");
    EXPECT_EQ(a->summary.source, "local");
    const auto r = check(id);
    EXPECT_EQ(r.status, core::IntegrityStatus::Ok) << r.reason;
    EXPECT_FALSE(r.replayed);
    // The canonical form names every field that matters.
    const auto canon = core::canonicalAttemptJson(*a);
    for (const char* k : {"uuid", "trainee", "scenario", "started_at_ms", "ended_at_ms", "summary",
                          "scorecard", "transcript", "origin", "lang"})
        EXPECT_TRUE(canon.contains(k)) << k;
}

TEST_F(Integrity, AnySqlEditMakesItAltered) {
    const std::vector<std::string> edits = {
        "UPDATE attempts SET percent = 95, passed = 1 WHERE id = {id}",
        "UPDATE decisions SET choice_index = 1, choice_id = 'start.1' WHERE attempt_id = {id} AND seq = 1",
        "UPDATE decisions SET points_json = '{\"complaint.listen\":9}' WHERE attempt_id = {id} AND seq = 1",
        "UPDATE attempts SET trainee_name = 'Mallory' WHERE id = {id}",
        "UPDATE principle_scores SET earned = 4 WHERE attempt_id = {id}",
        "UPDATE attempt_records SET scorecard_json = replace(scorecard_json, '\"finalMood\":80', "
        "'\"finalMood\":99') WHERE attempt_id = {id}",
        "UPDATE attempts SET started_at = started_at - 1 WHERE id = {id}",
        "UPDATE attempts SET origin_store = 'Elsewhere' WHERE id = {id}",
        "UPDATE attempts SET seal = '' WHERE id = {id}",
    };
    for (const std::string& edit : edits) {
        const auto id = store->recordAttempt(sampleAttempt("Ann"));
        const auto untouched = store->recordAttempt(sampleAttempt("Bo"));
        std::string text = edit;
        for (auto p = text.find("{id}"); p != std::string::npos; p = text.find("{id}"))
            text.replace(p, 4, std::to_string(id));
        sql(text);
        const auto r = check(id);
        EXPECT_EQ(r.status, core::IntegrityStatus::Altered) << edit;
        EXPECT_FALSE(r.reason.empty());
        EXPECT_EQ(check(untouched).status, core::IntegrityStatus::Ok) << edit;
    }
    const auto all = core::checkAttempts(*store, {}, trust);
    EXPECT_EQ(std::count_if(all.begin(), all.end(), [](const auto& r) { return !r.ok(); }),
              static_cast<long>(edits.size()));
}

TEST_F(Integrity, AnUntrustedSealerIsUnknown) {
    const auto id = store->recordAttempt(sampleAttempt("Ann"));
    const auto a = store->getAttempt(id);
    const auto r = core::checkAttempt(*a, store->sealedFromId(), core::Trust{});
    EXPECT_EQ(r.status, core::IntegrityStatus::UnknownSigner);
    EXPECT_NE(r.reason.find("store 'Test store'"), std::string::npos) << r.reason;
}

TEST_F(Integrity, RowsFromVersionOneStayUnsealedAfterTheMigration) {
    const auto old = store->recordAttempt(sampleAttempt("Ann"));
    // Turn the file back into a version-1 database holding that attempt.
    sql("ALTER TABLE attempts DROP COLUMN trainee_name; ALTER TABLE attempts DROP COLUMN "
        "trainee_email; ALTER TABLE attempts DROP COLUMN source; ALTER TABLE attempts DROP COLUMN "
        "origin_store; ALTER TABLE attempts DROP COLUMN origin_fingerprint; ALTER TABLE attempts "
        "DROP COLUMN seal; ALTER TABLE attempts DROP COLUMN shuffle_seed; "
        "DELETE FROM meta WHERE key = 'sealed_from_id'; PRAGMA user_version = 1");
    const std::string path = store->path();
    store.reset();
    std::string error;
    store = core::ResultsStore::open(path, error);
    ASSERT_TRUE(store) << error;
    store->setSigningKey(std::make_shared<const core::SigningKey>(key));
    const auto r = check(old);
    EXPECT_EQ(r.status, core::IntegrityStatus::Unsealed);
    EXPECT_EQ(r.reason, "unsealed (recorded before sealing)");
    EXPECT_EQ(store->getAttempt(old)->summary.traineeName, "Ann");
    const auto fresh = store->recordAttempt(sampleAttempt("Bo"));
    EXPECT_EQ(check(fresh).status, core::IntegrityStatus::Ok);
    sql("UPDATE attempts SET seal = '' WHERE id = " + std::to_string(fresh));
    EXPECT_EQ(check(fresh).status, core::IntegrityStatus::Altered);
}

TEST_F(Integrity, ScenarioIndexWithoutTheFileDoesNotReplay) {
    const auto id = store->recordAttempt(sampleAttempt("Ann"));
    core::ScenarioIndex index;
    index.addFolder((dir / "none").string());
    const auto a = store->getAttempt(id);
    const auto r = core::checkAttempt(*a, store->sealedFromId(), trust, &index);
    EXPECT_TRUE(r.ok());
    EXPECT_FALSE(r.replayed);
}

}  // namespace
}  // namespace counterplay::testing
