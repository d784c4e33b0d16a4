// Coaching notes, sign-offs, the privacy setting and their sync log (Coaching.h), and the
// schema 3 -> 4 migration that adds them: a v3 database keeps its attempts and their seals.
#include "counterplay/core/Coaching.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "../../game/core/src/results/StoreSchema.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/Roster.h"
#include "counterplay/core/Xapi.h"
#include "results_fixture.h"

namespace counterplay::testing {
namespace {

using namespace core;

/// A sign-off to store (named fields, so the struct can grow without warnings here).
SignOff signOff(const std::string& trainee, const std::string& principle,
                const std::string& manager, std::int64_t at, const std::string& note,
                bool revoked = false) {
    SignOff o;
    o.traineeKey = trainee;
    o.principleId = principle;
    o.manager = manager;
    o.signedAtMs = at;
    o.note = note;
    o.revoked = revoked;
    return o;
}

class Coaching : public ResultsFixture {
protected:
    void sql(const std::string& text) {
        char* message = nullptr;
        ASSERT_EQ(sqlite3_exec(store->handle(), text.c_str(), nullptr, nullptr, &message),
                  SQLITE_OK)
            << (message ? message : "");
    }
    AttemptIntegrity check(std::int64_t id) {
        return checkAttempt(*store->getAttempt(id), store->sealedFromId(), trust);
    }
};

TEST_F(Coaching, NotesArePinnedToAnAttemptOrOneDecision) {
    const auto ann = store->recordAttempt(sampleAttempt("Ann"));
    const auto bo = store->recordAttempt(sampleAttempt("Bo"));
    CoachingNote whole{0, ann, -1, " Mina ", "  Good recovery overall.  ", kJan1};
    CoachingNote step{0, ann, 1, "Mina", "Here: say sorry before the policy.\nThen ask.", kJan1 + 5};
    const auto w = addNote(*store, whole);
    const auto s = addNote(*store, step);
    addNote(*store, {0, bo, 0, "Mina", "Thanked her first: well done.", kJan1 + 9});
    EXPECT_GT(s, w);
    const auto notes = notesForAttempt(*store, ann);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0].id, w);
    EXPECT_EQ(notes[0].decisionIndex, -1);
    EXPECT_EQ(notes[0].author, "Mina");  // trimmed
    EXPECT_EQ(notes[0].text, "Good recovery overall.");
    EXPECT_EQ(notes[0].createdAtMs, kJan1);
    EXPECT_EQ(notes[1].decisionIndex, 1);
    EXPECT_EQ(notes[1].text, "Here: say sorry before the policy.\nThen ask.");
    EXPECT_EQ(notesForTrainee(*store, "Ann").size(), 2u);
    EXPECT_EQ(notesForTrainee(*store, "Bo").size(), 1u);
    EXPECT_TRUE(notesForTrainee(*store, "Nobody").empty());
    EXPECT_TRUE(deleteNote(*store, w));
    EXPECT_FALSE(deleteNote(*store, w));
    EXPECT_EQ(notesForAttempt(*store, ann).size(), 1u);
}

TEST_F(Coaching, BadNotesAreRefused) {
    const auto id = store->recordAttempt(sampleAttempt("Ann"));  // two decisions
    EXPECT_THROW(addNote(*store, {0, id + 100, -1, "Mina", "text", 0}), CoachingError);
    EXPECT_THROW(addNote(*store, {0, id, 2, "Mina", "text", 0}), CoachingError);
    EXPECT_THROW(addNote(*store, {0, id, -2, "Mina", "text", 0}), CoachingError);
    EXPECT_THROW(addNote(*store, {0, id, -1, "Mina", "   ", 0}), CoachingError);
    EXPECT_THROW(addNote(*store, {0, id, -1, "", "text", 0}), CoachingError);
    EXPECT_THROW(addNote(*store, {0, id, -1, "Mi\nna", "text", 0}), CoachingError);
    EXPECT_THROW(addNote(*store, {0, id, -1, "Mina", "a\x01" "b", 0}), CoachingError);
    EXPECT_THROW(addNote(*store, {0, id, -1, "Mina", "bad \xFF utf8", 0}), CoachingError);
    EXPECT_THROW(addNote(*store, {0, id, -1, "Mina", "\xE2\x80\xAE" "evil", 0}), CoachingError);
    EXPECT_TRUE(notesForAttempt(*store, id).empty());
    const auto now = nowEpochMs();
    addNote(*store, {0, id, 0, "Mina", "ok", 0});
    EXPECT_GE(notesForAttempt(*store, id).at(0).createdAtMs, now);  // 0 = now
}

TEST_F(Coaching, NotesGoWithTheirAttempt) {
    const auto id = store->recordAttempt(sampleAttempt("Ann"));
    addNote(*store, {0, id, -1, "Mina", "gone with it", 0});
    sql("DELETE FROM attempts WHERE id = " + std::to_string(id));
    EXPECT_TRUE(notesForAttempt(*store, id).empty());
}

TEST_F(Coaching, NotesAndSignOffsLeaveSealsAlone) {
    const auto id = store->recordAttempt(sampleAttempt("Ann"));
    ASSERT_EQ(check(id).status, IntegrityStatus::Ok);
    const auto note = addNote(*store, {0, id, 0, "Mina", "pinned", 0});
    const auto so = addSignOff(*store, signOff("Ann", "complaint.listen", "Mina", 0, "", false));
    EXPECT_EQ(check(id).status, IntegrityStatus::Ok);
    revokeSignOff(*store, so, "Mina");
    deleteNote(*store, note);
    EXPECT_EQ(check(id).status, IntegrityStatus::Ok);
    // The seal still catches an edit of the attempt itself.
    sql("UPDATE attempts SET percent = 100 WHERE id = " + std::to_string(id));
    EXPECT_EQ(check(id).status, IntegrityStatus::Altered);
}

TEST_F(Coaching, SignOffsStandUntilRevoked) {
    store->recordAttempt(sampleAttempt("Ann"));
    const auto whole = addSignOff(*store, signOff(" Ann ", "", "Mina", kJan1, "Ready.", false));
    const auto one = addSignOff(*store, signOff("Ann", "complaint.listen", "Mina", kJan1 + 1, "", true));
    addSignOff(*store, signOff("Bo", "", "Jun", kJan1 + 2, "", false));
    auto ann = signOffs(*store, "Ann");
    ASSERT_EQ(ann.size(), 2u);
    EXPECT_EQ(ann[0].id, whole);
    EXPECT_EQ(ann[0].traineeKey, "Ann");
    EXPECT_EQ(ann[0].principleId, "");
    EXPECT_EQ(ann[0].manager, "Mina");
    EXPECT_EQ(ann[0].signedAtMs, kJan1);
    EXPECT_EQ(ann[0].note, "Ready.");
    EXPECT_EQ(ann[0].uuid.size(), 36u);
    EXPECT_FALSE(ann[1].revoked);  // a new sign-off always stands
    EXPECT_NE(ann[0].uuid, ann[1].uuid);
    EXPECT_EQ(signOffs(*store).size(), 3u);
    EXPECT_TRUE(isSignedOff(*store, "Ann"));
    EXPECT_TRUE(isSignedOff(*store, "Ann", "complaint.listen"));
    EXPECT_FALSE(isSignedOff(*store, "Ann", "complaint.empathise"));
    EXPECT_THROW(revokeSignOff(*store, one, " "), CoachingError);
    EXPECT_TRUE(revokeSignOff(*store, one, "Jun"));
    EXPECT_FALSE(revokeSignOff(*store, one, "Jun"));  // already revoked
    EXPECT_FALSE(revokeSignOff(*store, 999, "Jun"));
    ann = signOffs(*store, "Ann");
    EXPECT_TRUE(ann[1].revoked);
    EXPECT_EQ(ann[1].revokedBy, "Jun");
    EXPECT_GT(ann[1].revokedAtMs, 0);
    EXPECT_FALSE(isSignedOff(*store, "Ann", "complaint.listen"));
    EXPECT_THROW(addSignOff(*store, signOff("", "", "Mina", 0, "", false)), CoachingError);
    EXPECT_THROW(addSignOff(*store, signOff("Ann", "", "  ", 0, "", false)), CoachingError);
}

TEST_F(Coaching, SignOffSyncLogSendsThenVoids) {
    const auto a = addSignOff(*store, signOff("Ann", "", "Mina", kJan1, "", false));
    const auto b = addSignOff(*store, signOff("Bo", "", "Mina", kJan1, "", false));
    auto u = unsentSignOffs(*store, "lrs1");
    ASSERT_EQ(u.toSend.size(), 2u);
    EXPECT_TRUE(u.toVoid.empty());
    markSignOffsSent(*store, "lrs1", {a}, false, kJan1);
    u = unsentSignOffs(*store, "lrs1");
    ASSERT_EQ(u.toSend.size(), 1u);
    EXPECT_EQ(u.toSend[0].id, b);
    revokeSignOff(*store, a, "Mina");
    revokeSignOff(*store, b, "Mina");
    u = unsentSignOffs(*store, "lrs1");
    EXPECT_TRUE(u.toSend.empty());  // b was revoked before it was ever sent
    ASSERT_EQ(u.toVoid.size(), 1u);
    EXPECT_EQ(u.toVoid[0].id, a);
    markSignOffsSent(*store, "lrs1", {a}, true, kJan1);
    u = unsentSignOffs(*store, "lrs1");
    EXPECT_TRUE(u.toSend.empty());
    EXPECT_TRUE(u.toVoid.empty());
    EXPECT_TRUE(unsentSignOffs(*store, "lrs2").toSend.empty());  // both revoked now
}

TEST_F(Coaching, ASignOffIsAnXapiStatementAboutTheTrainee) {
    const auto id = addSignOff(*store, signOff("E1", "complaint.listen", "Mina", kJan1, "Listens."));
    addSignOff(*store, signOff("E1", "", "Mina", kJan1, ""));
    auto all = signOffs(*store, "E1");
    ASSERT_EQ(all.size(), 2u);
    XapiOptions x;
    x.baseIri = "https://lrs.example/cp";
    Trainee t;
    t.key = "E1";
    t.name = "Ann Lee";
    const auto s = xapiSignOffStatement(all[0], t, x);
    EXPECT_EQ(s["id"], xapiSignOffStatementId(all[0]));
    EXPECT_EQ(s["id"], xapiSignOffStatement(all[0], t, x)["id"]);  // deterministic
    EXPECT_EQ(s["verb"]["id"], "https://lrs.example/cp/verbs/signed-off");
    EXPECT_EQ(s["actor"]["account"]["name"], "E1");
    EXPECT_EQ(s["actor"]["name"], "Ann Lee");
    EXPECT_EQ(s["object"]["id"], "https://lrs.example/cp/principles/complaint.listen");
    EXPECT_EQ(s["context"]["instructor"]["name"], "Mina");
    EXPECT_EQ(s["context"]["extensions"]["https://lrs.example/cp/extensions/sign-off-note"], "Listens.");
    EXPECT_EQ(s["timestamp"], "2024-01-01T00:00:00.000Z");
    EXPECT_EQ(xapiSignOffStatement(all[1], t, x)["object"]["id"], "https://lrs.example/cp/principles");
    EXPECT_NE(xapiSignOffStatement(all[1], t, x)["id"], s["id"]);
    revokeSignOff(*store, id, "Jun");
    const auto revoked = signOffs(*store, "E1").at(0);
    const auto v = xapiSignOffVoiding(revoked, x);
    EXPECT_EQ(v["verb"]["id"], "http://adlnet.gov/expapi/verbs/voided");
    EXPECT_EQ(v["object"]["objectType"], "StatementRef");
    EXPECT_EQ(v["object"]["id"], s["id"]);
    EXPECT_EQ(v["actor"]["name"], "Jun");
    EXPECT_NE(v["id"], s["id"]);
}

TEST_F(Coaching, MinimumGroupSizeDefaultsToThree) {
    EXPECT_EQ(minGroupSize(*store), 3);
    setMinGroupSize(*store, 5);
    EXPECT_EQ(minGroupSize(*store), 5);
    EXPECT_EQ(store->metaValue("privacy.min_group_size"), "5");
    EXPECT_THROW(setMinGroupSize(*store, 0), CoachingError);
    EXPECT_THROW(setMinGroupSize(*store, 1001), CoachingError);
    EXPECT_EQ(minGroupSize(*store), 5);
    sql("UPDATE meta SET value = 'lots' WHERE key = 'privacy.min_group_size'");
    EXPECT_EQ(minGroupSize(*store), 3);
}

// The schema of a database made by migrations 0..2 only (as version 3 wrote it).
std::vector<std::string> schemaOf(sqlite3* db) {
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name", -1,
                       &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    return out;
}

class CoachingMigration : public Coaching {
protected:
    /// Turns the fixture's database into a version-3 one holding two sealed attempts, checked
    /// to have exactly the schema the first three migrations make.
    void makeVersionThree() {
        first = store->recordAttempt(sampleAttempt("Ann"));
        second = store->recordAttempt(sampleAttempt("Bo", 1, 1, kJan1 + 1000));
        sql("DROP TABLE coaching_notes; DROP TABLE sign_offs_sent; DROP TABLE sign_offs; "
            "DROP TABLE roster; DROP TABLE seal_memos; PRAGMA user_version = 3");
        sqlite3* fresh = nullptr;
        ASSERT_EQ(sqlite3_open(":memory:", &fresh), SQLITE_OK);
        for (int v = 0; v < 3; ++v)
            ASSERT_EQ(sqlite3_exec(fresh, schema::kMigrations[v], nullptr, nullptr, nullptr),
                      SQLITE_OK);
        EXPECT_EQ(schemaOf(store->handle()), schemaOf(fresh));
        sqlite3_close(fresh);
        path = store->path();
        store.reset();
    }
    int userVersion() {
        sqlite3* db = nullptr;
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, nullptr);
        sqlite3_step(s);
        const int v = sqlite3_column_int(s, 0);
        sqlite3_finalize(s);
        sqlite3_close(db);
        return v;
    }
    std::int64_t first = 0, second = 0;
    std::string path;
};

TEST_F(CoachingMigration, AVersionThreeDatabaseKeepsItsAttemptsAndSeals) {
    makeVersionThree();
    ASSERT_EQ(userVersion(), 3);
    std::string error;
    store = ResultsStore::open(path, error);
    ASSERT_TRUE(store) << error;
    store->setSigningKey(std::make_shared<const SigningKey>(key));
    EXPECT_EQ(userVersion(), 5);
    EXPECT_EQ(ResultsStore::schemaVersion(), 5);
    EXPECT_EQ(store->countAttempts(), 2);
    EXPECT_EQ(check(first).status, IntegrityStatus::Ok);
    EXPECT_EQ(check(second).status, IntegrityStatus::Ok);
    EXPECT_EQ(store->getAttempt(first)->summary.traineeName, "Ann");
    // The new tables work on the migrated file.
    addNote(*store, {0, first, 1, "Mina", "after the migration", 0});
    addSignOff(*store, signOff("Ann", "", "Mina", 0, "", false));
    upsertRosterEntry(*store, {"Ann Lee", "E1", "Gangnam"});
    EXPECT_EQ(notesForAttempt(*store, first).size(), 1u);
    EXPECT_EQ(signOffs(*store, "Ann").size(), 1u);
    EXPECT_EQ(roster(*store).size(), 1u);
    EXPECT_EQ(check(first).status, IntegrityStatus::Ok);
    EXPECT_EQ(store->integrityCheck(), "ok");
}

TEST_F(CoachingMigration, AReaderOfAVersionThreeDatabaseSeesEmptyCoachingAndChangesNothing) {
    makeVersionThree();
    std::string error;
    auto reader = ResultsStore::open(path, error, ResultsStore::Mode::ReadOnly);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->countAttempts(), 2);
    EXPECT_TRUE(notesForAttempt(*reader, first).empty());
    EXPECT_TRUE(notesForTrainee(*reader, "Ann").empty());
    EXPECT_TRUE(signOffs(*reader).empty());
    EXPECT_TRUE(roster(*reader).empty());
    EXPECT_EQ(minGroupSize(*reader), 3);
    EXPECT_EQ(unsentSignOffs(*reader, "x").toSend.size(), 0u);
    reader.reset();
    EXPECT_EQ(userVersion(), 3);  // the file was not upgraded by a reader
}

TEST_F(CoachingMigration, AReaderOfAVersionFourDatabaseSeesTheCoaching) {
    const auto id = store->recordAttempt(sampleAttempt("Ann"));
    addNote(*store, {0, id, -1, "Mina", "seen by readers", 0});
    addSignOff(*store, signOff("Ann", "", "Mina", 0, "", false));
    upsertRosterEntry(*store, {"Ann Lee", "E1", ""});
    setMinGroupSize(*store, 4);
    const std::string dbPath = store->path();
    store.reset();
    std::string error;
    auto reader = ResultsStore::open(dbPath, error, ResultsStore::Mode::ReadOnly);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(notesForAttempt(*reader, id).size(), 1u);
    EXPECT_EQ(signOffs(*reader, "Ann").size(), 1u);
    EXPECT_EQ(roster(*reader).size(), 1u);
    EXPECT_EQ(minGroupSize(*reader), 4);
    EXPECT_THROW(addNote(*reader, {0, id, -1, "Mina", "no", 0}), StoreError);
}

}  // namespace
}  // namespace counterplay::testing
