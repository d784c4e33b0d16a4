// Coaching notes, sign-offs, their xAPI sync log and the privacy setting (see Coaching.h).
// Every write is one BEGIN IMMEDIATE transaction; none touches an attempt row, so seals hold.
#include "counterplay/core/Coaching.h"

#include "counterplay/core/Uuid.h"
#include "results/CoachingText.h"
#include "results/Sqlite.h"

namespace counterplay::core {
namespace {

constexpr std::size_t kMaxNoteChars = 4000;
constexpr std::size_t kMaxNameChars = 200;
constexpr const char* kMinGroupKey = "privacy.min_group_size";

CoachingNote readNote(const sqlite::Stmt& s) {
    CoachingNote n;
    n.id = s.i64(0);
    n.attemptId = s.i64(1);
    n.decisionIndex = s.i32(2);
    n.author = s.str(3);
    n.text = s.str(4);
    n.createdAtMs = s.i64(5);
    return n;
}

constexpr const char* kNoteColumns =
    "n.id, n.attempt_id, n.decision_index, n.author, n.text, n.created_at";

constexpr const char* kSignOffColumns =
    "id, trainee_key, principle_id, manager, signed_at, note, revoked, revoked_by, revoked_at, "
    "uuid";

SignOff readSignOff(const sqlite::Stmt& s) {
    SignOff o;
    o.id = s.i64(0);
    o.traineeKey = s.str(1);
    o.principleId = s.str(2);
    o.manager = s.str(3);
    o.signedAtMs = s.i64(4);
    o.note = s.str(5);
    o.revoked = s.i64(6) != 0;
    o.revokedBy = s.str(7);
    o.revokedAtMs = s.i64(8);
    o.uuid = s.str(9);
    return o;
}

}  // namespace

std::int64_t addNote(ResultsStore& store, const CoachingNote& note) {
    const std::string text = coaching::checkedText(note.text, "the note", kMaxNoteChars, true);
    const std::string author = coaching::checkedText(note.author, "the author", kMaxNameChars);
    sqlite3* db = store.handle();
    sqlite::WriteTransaction tx(db);
    {
        sqlite::Stmt a(db, "SELECT decision_count FROM attempts WHERE id = ?");
        a.bind(1, note.attemptId);
        if (!a.step())
            throw CoachingError("there is no attempt " + std::to_string(note.attemptId));
        const int decisions = a.i32(0);
        if (note.decisionIndex < -1 || note.decisionIndex >= decisions)
            throw CoachingError("attempt " + std::to_string(note.attemptId) + " has " +
                                std::to_string(decisions) + " decisions; there is no decision " +
                                std::to_string(note.decisionIndex + 1));
    }
    sqlite::Stmt ins(db,
                     "INSERT INTO coaching_notes(attempt_id, decision_index, author, text, "
                     "created_at) VALUES(?,?,?,?,?)");
    ins.bind(1, note.attemptId).bind(2, note.decisionIndex).bind(3, author).bind(4, text);
    ins.bind(5, note.createdAtMs ? note.createdAtMs : nowEpochMs()).run();
    const std::int64_t id = sqlite3_last_insert_rowid(db);
    tx.commit();
    return id;
}

std::vector<CoachingNote> notesForAttempt(const ResultsStore& store, std::int64_t attemptId) {
    sqlite::Stmt s(store.handle(), std::string("SELECT ") + kNoteColumns +
                                       " FROM coaching_notes n WHERE n.attempt_id = ? "
                                       "ORDER BY n.created_at, n.id");
    s.bind(1, attemptId);
    std::vector<CoachingNote> out;
    while (s.step()) out.push_back(readNote(s));
    return out;
}

std::vector<CoachingNote> notesForTrainee(const ResultsStore& store, const std::string& traineeKey) {
    sqlite::Stmt s(store.handle(),
                   std::string("SELECT ") + kNoteColumns +
                       " FROM coaching_notes n JOIN attempts a ON a.id = n.attempt_id"
                       " JOIN trainees t ON t.id = a.trainee_id WHERE t.key = ?"
                       " ORDER BY n.attempt_id, n.created_at, n.id");
    s.bind(1, coaching::trim(traineeKey));
    std::vector<CoachingNote> out;
    while (s.step()) out.push_back(readNote(s));
    return out;
}

bool deleteNote(ResultsStore& store, std::int64_t noteId) {
    sqlite3* db = store.handle();
    sqlite::WriteTransaction tx(db);
    sqlite::Stmt s(db, "DELETE FROM coaching_notes WHERE id = ?");
    s.bind(1, noteId).run();
    const bool removed = sqlite3_changes(db) > 0;
    tx.commit();
    return removed;
}

std::int64_t addSignOff(ResultsStore& store, const SignOff& signOff) {
    const std::string trainee = coaching::checkedText(signOff.traineeKey, "the trainee key",
                                                      kMaxNameChars);
    const std::string principle = coaching::checkedText(signOff.principleId, "the principle id",
                                                        kMaxNameChars, false, true);
    const std::string manager = coaching::checkedText(signOff.manager, "the manager's name",
                                                      kMaxNameChars);
    const std::string note =
        coaching::checkedText(signOff.note, "the note", kMaxNoteChars, true, true);
    sqlite3* db = store.handle();
    sqlite::WriteTransaction tx(db);
    sqlite::Stmt ins(db,
                     "INSERT INTO sign_offs(uuid, trainee_key, principle_id, manager, signed_at, "
                     "note) VALUES(?,?,?,?,?,?)");
    ins.bind(1, uuidV4()).bind(2, trainee).bind(3, principle).bind(4, manager);
    ins.bind(5, signOff.signedAtMs ? signOff.signedAtMs : nowEpochMs()).bind(6, note).run();
    const std::int64_t id = sqlite3_last_insert_rowid(db);
    tx.commit();
    return id;
}

std::vector<SignOff> signOffs(const ResultsStore& store, const std::string& traineeKey) {
    const std::string key = coaching::trim(traineeKey);
    sqlite::Stmt s(store.handle(), std::string("SELECT ") + kSignOffColumns +
                                       " FROM sign_offs WHERE ?1 = '' OR trainee_key = ?1"
                                       " ORDER BY signed_at, id");
    s.bind(1, key);
    std::vector<SignOff> out;
    while (s.step()) out.push_back(readSignOff(s));
    return out;
}

bool revokeSignOff(ResultsStore& store, std::int64_t id, const std::string& manager) {
    const std::string who = coaching::checkedText(manager, "the manager's name", kMaxNameChars);
    sqlite3* db = store.handle();
    sqlite::WriteTransaction tx(db);
    sqlite::Stmt s(db,
                   "UPDATE sign_offs SET revoked = 1, revoked_by = ?, revoked_at = ? "
                   "WHERE id = ? AND revoked = 0");
    s.bind(1, who).bind(2, nowEpochMs()).bind(3, id).run();
    const bool changed = sqlite3_changes(db) > 0;
    tx.commit();
    return changed;
}

bool isSignedOff(const ResultsStore& store, const std::string& traineeKey,
                 const std::string& principleId) {
    sqlite::Stmt s(store.handle(),
                   "SELECT 1 FROM sign_offs WHERE trainee_key = ? AND principle_id = ? AND "
                   "revoked = 0 LIMIT 1");
    s.bind(1, coaching::trim(traineeKey)).bind(2, coaching::trim(principleId));
    return s.step();
}

int minGroupSize(const ResultsStore& store) {
    const std::string value = store.metaValue(kMinGroupKey);
    if (value.empty()) return kDefaultMinGroupSize;
    try {
        const int n = std::stoi(value);
        return n >= 1 ? n : kDefaultMinGroupSize;
    } catch (const std::exception&) {
        return kDefaultMinGroupSize;  // a hand-edited value that is not a number
    }
}

void setMinGroupSize(ResultsStore& store, int size) {
    if (size < 1 || size > 1000)
        throw CoachingError("the minimum group size must be 1 to 1000, not " +
                            std::to_string(size));
    sqlite3* db = store.handle();
    sqlite::WriteTransaction tx(db);
    sqlite::Stmt s(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    s.bind(1, kMinGroupKey).bind(2, std::to_string(size)).run();
    tx.commit();
}

UnsentSignOffs unsentSignOffs(const ResultsStore& store, const std::string& endpoint) {
    UnsentSignOffs out;
    sqlite::Stmt s(store.handle(),
                   std::string("SELECT ") + kSignOffColumns +
                       ", EXISTS(SELECT 1 FROM sign_offs_sent x WHERE x.endpoint = ?1 AND "
                       "x.sign_off_id = sign_offs.id AND x.voiding = 0),"
                       " EXISTS(SELECT 1 FROM sign_offs_sent x WHERE x.endpoint = ?1 AND "
                       "x.sign_off_id = sign_offs.id AND x.voiding = 1)"
                       " FROM sign_offs ORDER BY id");
    s.bind(1, endpoint);
    while (s.step()) {
        const bool sent = s.i64(10) != 0, voided = s.i64(11) != 0;
        SignOff o = readSignOff(s);
        // A sign-off revoked before it reached this endpoint is never sent there at all.
        if (!sent && !o.revoked) out.toSend.push_back(std::move(o));
        else if (sent && o.revoked && !voided) out.toVoid.push_back(std::move(o));
    }
    return out;
}

void markSignOffsSent(ResultsStore& store, const std::string& endpoint,
                      const std::vector<std::int64_t>& signOffIds, bool voiding,
                      std::int64_t sentAtMs) {
    sqlite3* db = store.handle();
    sqlite::WriteTransaction tx(db);
    sqlite::Stmt s(db,
                   "INSERT OR REPLACE INTO sign_offs_sent(endpoint, sign_off_id, voiding, sent_at) "
                   "VALUES(?,?,?,?)");
    for (std::int64_t id : signOffIds) {
        s.reset();
        s.bind(1, endpoint).bind(2, id).bind(3, voiding).bind(4, sentAtMs).run();
    }
    tx.commit();
}

}  // namespace counterplay::core
