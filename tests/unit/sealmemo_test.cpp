// Seal memos (Integrity.h, StoreMemo.cpp): an attempt recorded here carries a memo, and a
// memo-aware check of unchanged rows gives the full check's answer without it; any edit to the
// rows, the texts or the memo itself, a memo copied to another attempt, another machine's memo
// key, or a signer no longer trusted sends the attempt back to the full check, which finds the
// edit. `checkAndRemember` writes memos for imported-style attempts that had none.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "counterplay/core/Dashboard.h"
#include "counterplay/core/Integrity.h"
#include "results_fixture.h"

namespace counterplay::testing {
namespace {

class SealMemo : public ResultsFixture {
protected:
    void sql(const std::string& text) {
        char* err = nullptr;
        ASSERT_EQ(sqlite3_exec(store->handle(), text.c_str(), nullptr, nullptr, &err), SQLITE_OK)
            << (err ? err : "") << "\n"
            << text;
    }
    std::int64_t count(const std::string& query) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(store->handle(), query.c_str(), -1, &s, nullptr);
        std::int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        return n;
    }
    /// The memo-aware check of one attempt.
    core::AttemptIntegrity memoCheck(std::int64_t id, const core::Trust& t) {
        core::AttemptFilter f;
        f.attemptId = id;
        const auto all = core::checkAttempts(*store, f, t);
        EXPECT_EQ(all.size(), 1u);
        return all.empty() ? core::AttemptIntegrity{} : all.front();
    }
    core::AttemptIntegrity memoCheck(std::int64_t id) { return memoCheck(id, trust); }
    /// True when the stored memo of `id` matches its rows (what the fast path relies on).
    bool memoMatches(std::int64_t id, const core::Trust& t) {
        core::AttemptFilter f;
        f.attemptId = id;
        const auto chain = store->textsChain();
        bool holds = false;
        store->forEachRowsDigest(f, [&](const core::AttemptRowsDigest& r) {
            if (!r.memo || !t.memoKey) return;
            core::Digest32 texts{};
            for (const auto& [tid, d] : chain)
                if (tid <= r.memo->textsUpto) texts = d;
            holds = core::sealMemoMac(*t.memoKey, r.digest, r.memo->replayed, r.memo->textsUpto,
                                      texts) == r.memo->mac;
        });
        return holds;
    }
    std::string id(std::int64_t v) { return std::to_string(v); }
};

TEST_F(SealMemo, ARecordedAttemptHasAMemoThatMatchesItsRows) {
    const auto a = store->recordAttempt(sampleAttempt("Ann"));
    EXPECT_EQ(count("SELECT count(*) FROM seal_memos WHERE attempt_id = " + id(a)), 1);
    EXPECT_EQ(count("SELECT length(mac) FROM seal_memos WHERE attempt_id = " + id(a)), 32);
    // Not scored here (a hand-built scorecard): the memo does not claim a replay.
    EXPECT_EQ(count("SELECT replayed FROM seal_memos WHERE attempt_id = " + id(a)), 0);
    EXPECT_TRUE(memoMatches(a, trust));
    const auto r = memoCheck(a);
    EXPECT_EQ(r.status, core::IntegrityStatus::Ok) << r.reason;
    EXPECT_EQ(r.uuid, store->getAttempt(a)->summary.uuid);
    EXPECT_EQ(r.originStore, "Test store");
}

TEST_F(SealMemo, AScoredHereAttemptsMemoSaysReplayed) {
    auto n = sampleAttempt("Ann");
    n.scoredHere = true;
    const auto a = store->recordAttempt(n);
    EXPECT_EQ(count("SELECT replayed FROM seal_memos WHERE attempt_id = " + id(a)), 1);
    EXPECT_TRUE(memoCheck(a).replayed);
}

TEST_F(SealMemo, EveryEditOfTheRowsBreaksTheMemoAndTheFullCheckFindsIt) {
    const std::vector<std::string> edits = {
        "UPDATE attempts SET percent = 95, passed = 1 WHERE id = {id}",
        "UPDATE attempts SET trainee_name = 'Mallory' WHERE id = {id}",
        "UPDATE decisions SET elapsed_ms = 1 WHERE attempt_id = {id} AND seq = 2",
        "UPDATE decisions SET choice_text = '' WHERE attempt_id = {id} AND seq = 1",
        "UPDATE principle_scores SET earned = 4 WHERE attempt_id = {id}",
        "DELETE FROM principle_scores WHERE attempt_id = {id} AND principle_id = "
        "'complaint.listen'",
        "UPDATE attempt_records SET scorecard_json = replace(scorecard_json, '\"finalMood\":80', "
        "'\"finalMood\":99') WHERE attempt_id = {id}",
        "UPDATE trainees SET key = 'someone-else' WHERE id = (SELECT trainee_id FROM attempts "
        "WHERE id = {id})",
        "UPDATE attempts SET seal = '' WHERE id = {id}",
        // The memo itself: flipped, or claiming a replay it did not make.
        "UPDATE seal_memos SET mac = zeroblob(32) WHERE attempt_id = {id}",
        "UPDATE seal_memos SET replayed = 1 WHERE attempt_id = {id}",
    };
    for (const std::string& edit : edits) {
        const auto a = store->recordAttempt(sampleAttempt("Ann" + id(&edit - edits.data())));
        const auto untouched = store->recordAttempt(sampleAttempt("Bo"));
        std::string text = edit;
        for (auto p = text.find("{id}"); p != std::string::npos; p = text.find("{id}"))
            text.replace(p, 4, id(a));
        sql(text);
        EXPECT_FALSE(memoMatches(a, trust)) << edit;
        EXPECT_TRUE(memoMatches(untouched, trust)) << edit;
        const bool memoEdit = edit.find("seal_memos") != std::string::npos;
        const auto r = memoCheck(a);
        // An edited memo over intact rows: the full check finds nothing wrong, and says so.
        if (memoEdit)
            EXPECT_EQ(r.status, core::IntegrityStatus::Ok) << edit << ": " << r.reason;
        else
            EXPECT_EQ(r.status, core::IntegrityStatus::Altered) << edit;
        EXPECT_EQ(memoCheck(untouched).status, core::IntegrityStatus::Ok) << edit;
    }
}

TEST_F(SealMemo, EditingAStoredTextBreaksTheMemoOfEveryAttemptAfterIt) {
    const auto a = store->recordAttempt(sampleAttempt("Ann"));
    sql("UPDATE texts SET en = 'Step 1: you blamed her.' WHERE en = 'Step 1: you thanked her.'");
    // A fresh connection, as every verb has (this one cached the texts when it sealed).
    const std::string path = store->path();
    store.reset();
    std::string error;
    store = core::ResultsStore::open(path, error, core::ResultsStore::Mode::ReadOnly);
    ASSERT_TRUE(store) << error;
    EXPECT_FALSE(memoMatches(a, trust));
    EXPECT_EQ(memoCheck(a).status, core::IntegrityStatus::Altered);
}

TEST_F(SealMemo, AMemoCopiedToAnotherAttemptDoesNotMatch) {
    const auto a = store->recordAttempt(sampleAttempt("Ann", 3, 2));
    const auto b = store->recordAttempt(sampleAttempt("Bo", 0, 0));
    // Forge b's score and give it a's memo: the bytes differ, so the memo does not hold.
    sql("UPDATE attempts SET percent = 71, passed = 1 WHERE id = " + id(b));
    sql("UPDATE seal_memos SET mac = (SELECT mac FROM seal_memos WHERE attempt_id = " + id(a) +
        ") WHERE attempt_id = " + id(b));
    EXPECT_FALSE(memoMatches(b, trust));
    EXPECT_EQ(memoCheck(b).status, core::IntegrityStatus::Altered);
}

TEST_F(SealMemo, AnotherMachinesMemoKeyDoesNotMatchAndAnUntrustedSignerIsUnknown) {
    const auto a = store->recordAttempt(sampleAttempt("Ann"));
    core::Trust other;
    other.addOwn(testKey(9));
    other.keys.push_back(trust.keys.front());  // trusts our public key, has its own memo key
    other.keys.back().own = false;
    EXPECT_FALSE(memoMatches(a, other));
    const auto r = memoCheck(a, other);
    EXPECT_EQ(r.status, core::IntegrityStatus::Ok) << r.reason;  // the full check: seal good
    // Our memo key, but the signer dropped from the trusted keys: no shortcut.
    core::Trust dropped;
    dropped.memoKey = trust.memoKey;
    EXPECT_EQ(memoCheck(a, dropped).status, core::IntegrityStatus::UnknownSigner);
}

TEST_F(SealMemo, IgnoringMemosGivesTheSameAnswers) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 40; ++i)
        ids.push_back(store->recordAttempt(sampleAttempt("T" + id(i), i % 4, i % 3)));
    sql("UPDATE attempts SET percent = 99 WHERE id IN (" + id(ids[3]) + ", " + id(ids[17]) + ")");
    const auto fast = core::checkAttempts(*store, {}, trust);
    const auto full = core::checkAttempts(*store, {}, trust, nullptr, core::MemoUse::Ignore);
    ASSERT_EQ(fast.size(), full.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
        EXPECT_EQ(fast[i].attemptId, full[i].attemptId);
        EXPECT_EQ(fast[i].status, full[i].status) << fast[i].attemptId;
        EXPECT_EQ(fast[i].uuid, full[i].uuid);
    }
    EXPECT_EQ(std::count_if(fast.begin(), fast.end(), [](const auto& r) { return !r.ok(); }), 2);
    // Newest first, and a selection, keep their order and answers too.
    core::AttemptFilter f;
    f.newestFirst = true;
    f.attemptIds = std::vector<std::int64_t>{ids[1], ids[3], ids[5]};
    const auto some = core::checkAttempts(*store, f, trust);
    ASSERT_EQ(some.size(), 3u);
    EXPECT_EQ(some[0].attemptId, ids[5]);
    EXPECT_EQ(some[1].status, core::IntegrityStatus::Altered);
    EXPECT_EQ(some[2].status, core::IntegrityStatus::Ok);
}

TEST_F(SealMemo, CheckAndRememberWritesMemosOnlyForAttemptsFoundOk) {
    const auto good = store->recordAttempt(sampleAttempt("Ann"));
    const auto bad = store->recordAttempt(sampleAttempt("Bo"));
    sql("DELETE FROM seal_memos");
    sql("UPDATE attempts SET percent = 99 WHERE id = " + id(bad));
    const auto results = core::checkAndRemember(*store, {}, trust);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(count("SELECT count(*) FROM seal_memos"), 1);
    EXPECT_TRUE(memoMatches(good, trust));
    EXPECT_EQ(memoCheck(bad).status, core::IntegrityStatus::Altered);
    core::Trust none;
    EXPECT_THROW(core::checkAndRemember(*store, {}, none), core::StoreError);
}

TEST_F(SealMemo, AnImportedAttemptWithoutAMemoGetsTheFullCheck) {
    const auto a = store->recordAttempt(sampleAttempt("Ann"));
    sql("DELETE FROM seal_memos");
    EXPECT_EQ(memoCheck(a).status, core::IntegrityStatus::Ok);
    sql("UPDATE attempts SET percent = 99 WHERE id = " + id(a));
    EXPECT_EQ(memoCheck(a).status, core::IntegrityStatus::Altered);
}

TEST_F(SealMemo, TheReportsCohortLoadDigestsTheRowsAsTheMemoScanDoes) {
    // A report takes its memo digests from the cohort load (its own rows on one connection, the
    // decisions on a second): they must be the memo scan's, or every report would do the full
    // check. Hundreds of attempts, some with decisions and some edited.
    for (int i = 0; i < 600; ++i)
        store->recordAttempt(sampleAttempt("T" + id(i % 37), i % 4, i % 3));
    sql("UPDATE attempts SET percent = 99 WHERE id % 97 = 0");
    std::vector<core::AttemptRowsDigest> fromLoad;
    const core::Cohort cohort = core::Cohort::load(*store, &fromLoad);
    std::map<std::int64_t, core::Digest32> fromScan;
    store->forEachRowsDigest(
        {}, [&](const core::AttemptRowsDigest& r) { fromScan[r.attemptId] = r.digest; });
    ASSERT_EQ(fromLoad.size(), 600u);
    ASSERT_EQ(fromScan.size(), 600u);
    for (const auto& d : fromLoad) {
        ASSERT_TRUE(fromScan.count(d.attemptId)) << d.attemptId;
        EXPECT_EQ(d.digest, fromScan[d.attemptId]) << "attempt " << d.attemptId;
    }
}

}  // namespace
}  // namespace counterplay::testing
