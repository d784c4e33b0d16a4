// Coaching: a manager's notes pinned to an attempt (or one of its decisions), sign-offs "ready
// for the floor" per trainee and principle (or for the whole set), and the privacy setting for
// cohort views. Stored in the results database (schema 4, see docs/results.md) beside the
// attempts, but they are the manager's own data: they are not covered by an attempt's seal, so
// adding, deleting or revoking one never changes whether an attempt verifies.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

/// A manager's note on one attempt.
struct CoachingNote {
    std::int64_t id = 0;
    std::int64_t attemptId = 0;
    int decisionIndex = -1;  ///< 0-based index into the attempt's decisions; -1 = the whole attempt
    std::string author;
    std::string text;
    std::int64_t createdAtMs = 0;  ///< epoch ms (UTC)
};

/// "Ready for the floor": a manager vouches for a trainee on one principle or the whole set.
struct SignOff {
    std::int64_t id = 0;
    std::string traineeKey;
    std::string principleId;  ///< empty = the whole set ("ready for the floor")
    std::string manager;
    std::int64_t signedAtMs = 0;  ///< epoch ms (UTC)
    std::string note;
    bool revoked = false;
    // Added to the contract: who revoked it and when (empty / 0 while it stands), and the UUID
    // that names it as an xAPI statement (made when it is stored).
    std::string revokedBy;
    std::int64_t revokedAtMs = 0;
    std::string uuid;
};

/// Thrown by the coaching, roster and privacy functions when the input is not acceptable
/// (empty text, unknown attempt, decision out of range, ...). Database failures stay StoreError.
class CoachingError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// Stores a note (trimmed text and author must not be empty; the attempt must exist and
/// decisionIndex be -1 or a decision of it; createdAtMs 0 = now). Returns its id. Throws
/// CoachingError or StoreError.
std::int64_t addNote(ResultsStore& store, const CoachingNote& note);

/// The notes of one attempt, oldest first (whole-attempt and per-decision alike).
std::vector<CoachingNote> notesForAttempt(const ResultsStore& store, std::int64_t attemptId);

/// The notes on all attempts of one trainee (by trainee key), by attempt then oldest first.
std::vector<CoachingNote> notesForTrainee(const ResultsStore& store, const std::string& traineeKey);

/// Removes a note; false when there is none with that id.
bool deleteNote(ResultsStore& store, std::int64_t noteId);

/// Stores a sign-off (trimmed trainee key and manager must not be empty; signedAtMs 0 = now;
/// id, revoked and uuid are ignored: a new one stands and gets a fresh uuid). Returns its id.
/// Throws CoachingError or StoreError.
std::int64_t addSignOff(ResultsStore& store, const SignOff& signOff);

/// Sign-offs of one trainee (all trainees when the key is empty), revoked ones included (see
/// SignOff::revoked), oldest first.
std::vector<SignOff> signOffs(const ResultsStore& store, const std::string& traineeKey = {});

/// Revokes a standing sign-off, recording `manager` (must not be empty) and the time. False
/// when there is no such sign-off or it was revoked already. The row stays, so history and
/// xAPI (a voiding statement) can show it.
bool revokeSignOff(ResultsStore& store, std::int64_t id, const std::string& manager);

/// True when the trainee has a standing (not revoked) sign-off for `principleId` (empty = the
/// whole set).
bool isSignedOff(const ResultsStore& store, const std::string& traineeKey,
                 const std::string& principleId = {});

/// Privacy: the smallest group whose averages a cohort view may show (default 3; meta key
/// "privacy.min_group_size"). Below it, cohort averages are hidden so one person's results
/// cannot be read off a "team" figure.
inline constexpr int kDefaultMinGroupSize = 3;
int minGroupSize(const ResultsStore& store);

/// Sets the minimum group size (1..1000; 1 shows every average). Throws CoachingError outside
/// that range, StoreError when the database fails.
void setMinGroupSize(ResultsStore& store, int size);

/// xAPI sync bookkeeping for sign-offs (like ResultsStore::unsentAttempts): the sign-offs whose
/// statement has not reached `endpoint`, and the revoked ones whose voiding statement has not.
struct UnsentSignOffs {
    std::vector<SignOff> toSend;  ///< standing, statement not sent (a revoked one never goes out)
    std::vector<SignOff> toVoid;  ///< revoked, statement sent, voiding statement missing
};
UnsentSignOffs unsentSignOffs(const ResultsStore& store, const std::string& endpoint);

/// Records that the sign-off's statement (`voiding` false) or its voiding statement (true)
/// reached `endpoint` (one transaction).
void markSignOffsSent(ResultsStore& store, const std::string& endpoint,
                      const std::vector<std::int64_t>& signOffIds, bool voiding,
                      std::int64_t sentAtMs);

}  // namespace counterplay::core
