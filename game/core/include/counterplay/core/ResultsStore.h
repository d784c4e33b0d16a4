// The results store: every finished attempt in an embedded SQLite database (WAL, versioned
// schema, safe for several game instances and a dashboard at once). See docs/results.md.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "counterplay/core/Problem.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Signing.h"
#include "counterplay/core/Text.h"
#include "counterplay/core/Transcript.h"

struct sqlite3;

namespace counterplay::core {

class TextInterner;

/// Thrown by ResultsStore methods when the database fails (disk full, I/O error, locked for
/// minutes). The message is meant for a person and names the database file.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    /// An English message and the same problem as data (kind "store.database": {what},
    /// {detail}, {path}) for a front end to word in the user's language.
    StoreError(const std::string& message, Problem problem)
        : std::runtime_error(message), problem_(std::move(problem)) {}
    /// The problem as data; empty kind for errors that only have the English message.
    const Problem& problem() const { return problem_; }

private:
    Problem problem_;
};

/// An attempt to store (normally finished; an abandoned one has scorecard.finished == false).
struct NewAttempt {
    std::string traineeName;   ///< as typed by the trainee (display name)
    std::string traineeKey;    ///< stable id (login, employee number); empty = the trimmed name
    std::string traineeEmail;  ///< optional; used as the xAPI actor's mbox
    std::string lang = "ko";   ///< language the attempt was played in ("ko" | "en")
    Scorecard scorecard;
    Transcript transcript;
    std::int64_t startedAtMs = 0;  ///< Unix epoch milliseconds (UTC)
    std::int64_t endedAtMs = 0;
    std::string uuid;  ///< empty = a new random UUID (the xAPI registration)
    /// "local" (recorded here: sealed with this machine's key when stored), "import" or "lrs"
    /// (made elsewhere: originStore, originFingerprint and seal are kept as they came).
    std::string source = "local";
    std::string originStore;
    std::string originFingerprint;
    std::string seal;  ///< Ed25519 seal (128 hex) of an attempt made elsewhere; see Integrity.h
    /// True when `scorecard` was computed here, by computeScorecard over the session that made
    /// `transcript` (the game and `simulate`): replaying the transcript gives it by
    /// construction, so the seal memo written when the attempt is stored says "replayed".
    bool scoredHere = false;
};

/// A seal memo (see Integrity.h): this machine checked an attempt's rows in full once, and
/// keeps an HMAC of their bytes so later checks of the same bytes can skip the seal verify
/// and the replay. Kept in the seal_memos table, outside the seals.
struct SealMemo {
    std::string mac;             ///< HMAC-SHA-256 (32 raw bytes)
    bool replayed = false;       ///< the check replayed the transcript on its scenario file
    std::int64_t textsUpto = 0;  ///< the texts table rows up to this id were part of it
};

/// One attempt's stored rows reduced to a digest (ResultsStore::forEachRowsDigest).
struct AttemptRowsDigest {
    std::int64_t attemptId = 0;
    std::string uuid;
    std::string source;
    std::string originStore;
    std::string originFingerprint;
    std::string contentHash;
    bool sealed = false;  ///< the seal column is not empty
    /// SHA-256 over two SHA-256 digests: of every column of the attempt's own rows (attempts,
    /// its trainee's key, attempt_records, principle_scores) and of its decision rows, each
    /// value typed and length-prefixed.
    Digest32 digest{};
    std::optional<SealMemo> memo;  ///< the stored memo, when there is one
};

struct Trainee {
    std::int64_t id = 0;
    std::string key;
    std::string name;
    std::string email;
};

/// One stored attempt without its scorecard and transcript (cheap to list).
struct AttemptSummary {
    std::int64_t id = 0;
    std::string uuid;
    std::string traineeKey;
    std::string traineeName;
    std::string traineeEmail;
    std::string scenarioId;
    Text scenarioTitle;
    std::string contentHash;
    std::int64_t startedAtMs = 0;
    std::int64_t endedAtMs = 0;
    std::int64_t durationMs = 0;  ///< sum of decision times (scorecard.totalMs)
    bool finished = false;
    bool passed = false;
    bool criticalMissed = false;
    int percent = 0;
    int earnedTotal = 0;
    int bestTotal = 0;
    int worstTotal = 0;
    int passThreshold = 0;
    std::string endingId;
    std::string endingKind;
    int finalMood = 0;
    int finalTrust = 0;
    int recommend = 0;
    std::string npsClass;
    std::string lang;
    int decisionCount = 0;
    std::string source;             ///< "local", "import" or "lrs"
    std::string originStore;        ///< the store (machine) that recorded and sealed it
    std::string originFingerprint;  ///< the fingerprint of the key that sealed it
    std::string seal;               ///< the seal (128 hex digits); empty = unsealed
};

/// A stored attempt in full.
struct StoredAttempt {
    AttemptSummary summary;
    Scorecard scorecard;
    Transcript transcript;
};

/// One stored decision (a row of the decisions table).
struct StoredDecision {
    std::int64_t attemptId = 0;
    std::string attemptUuid;
    std::string traineeKey;
    std::string traineeName;
    std::string scenarioId;
    int seq = 0;  ///< 1-based step number
    std::string nodeId;
    int choiceIndex = 0;  ///< or kTimeoutChoice
    std::string choiceId;
    Text choiceText;  ///< the option's words as played (empty for a timeout)
    std::int64_t elapsedMs = 0;
    bool timeout = false;
    int pointsTotal = 0;
    Points points;
};

/// Which attempts a query covers. Empty fields do not filter.
struct AttemptFilter {
    std::optional<std::int64_t> attemptId;
    /// Only these attempts (the dashboard's selection, exported as it is shown); nullopt does
    /// not filter, an empty list selects nothing.
    std::optional<std::vector<std::int64_t>> attemptIds;
    std::string traineeKey;
    std::string scenarioId;
    std::optional<std::int64_t> sinceMs;  ///< ended at or after (epoch ms)
    std::optional<std::int64_t> untilMs;  ///< ended before (epoch ms)
    std::size_t limit = 0;                ///< 0 = no limit
    bool newestFirst = false;             ///< default: oldest first (by id)
};

/// A trainee's standing on one scenario (the progress screen).
struct ScenarioProgress {
    std::string scenarioId;
    Text title;
    int attempts = 0;
    int bestPercent = 0;
    bool passed = false;     ///< passed at least once
    bool completed = false;  ///< reached an ending at least once
    std::int64_t lastAtMs = 0;
};

/// Earned and achievable points of one principle summed over attempts ("practise next").
struct PrincipleTotal {
    std::string principleId;
    std::int64_t earned = 0;
    std::int64_t achievable = 0;
    int attempts = 0;
    /// earned / achievable clamped to 0..1 (1 when nothing was achievable).
    double ratio() const;
};

enum class GroupBy { Trainee, Scenario, Principle, Day, Month };

/// One row of a dashboard aggregate.
struct GroupSummary {
    std::string key;    ///< trainee key, scenario id, principle id, "YYYY-MM-DD" or "YYYY-MM"
    std::string label;  ///< trainee name / scenario title (en) / same as key
    std::string labelKo;
    int attempts = 0;
    int passed = 0;
    double meanPercent = 0;
    std::int64_t earned = 0;      ///< points (for principle rows: that principle only)
    std::int64_t achievable = 0;
    std::int64_t firstAtMs = 0;
    std::int64_t lastAtMs = 0;
    double passRate() const { return attempts ? double(passed) / attempts : 0.0; }
};

class ResultsStore {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens (creating when missing, in ReadWrite mode) the database at `path` and brings its
    /// schema up to date. Returns nullptr and a message naming the file when it is not a
    /// Counterplay results database, is truncated or garbage, or was written by a newer version;
    /// such a file is never changed. A ReadOnly store is for one thread at a time (its
    /// connection has no mutex); a ReadWrite one may be shared. `problem`, when given, gets the
    /// refusal as data (kind "store.<reason>", values {path} and the reason's own) so a front
    /// end can word it in the user's language.
    static std::unique_ptr<ResultsStore> open(const std::string& path, std::string& error,
                                              Mode mode = Mode::ReadWrite,
                                              Problem* problem = nullptr);

    ~ResultsStore();
    ResultsStore(const ResultsStore&) = delete;
    ResultsStore& operator=(const ResultsStore&) = delete;

    const std::string& path() const { return path_; }

    /// The schema version this build writes (PRAGMA user_version).
    static int schemaVersion();

    /// The key that seals attempts recorded here (see Integrity.h). When none is set, the first
    /// recorded attempt loads (creating when missing) the key at signingKeyPath().
    void setSigningKey(std::shared_ptr<const SigningKey> key);

    /// The first attempt id recorded with a seal: older unsealed attempts were recorded before
    /// sealing existed; a newer unsealed one lost its seal.
    std::int64_t sealedFromId() const;

    /// Stores one attempt (trainee upserted by key) durably: when this returns, the attempt is
    /// on disk (synchronous=FULL). A local attempt is sealed with the signing key; an attempt
    /// made elsewhere keeps its seal, and is refused (StoreError) when the stored row would not
    /// match that seal. Returns its id. Throws StoreError.
    std::int64_t recordAttempt(const NewAttempt& attempt);

    /// What storePulledPage did.
    struct PulledPage {
        std::vector<std::int64_t> added;  ///< ids of the attempts stored now
        std::int64_t known = 0;           ///< attempts whose uuid was stored already
        std::int64_t removed = 0;         ///< pulled attempts removed because the LRS voided them
        std::vector<std::string> refused; ///< attempts not stored (their rows would not match
                                          ///< their seal), one reason each
    };

    /// One page of an LRS pull, in one transaction: stores the attempts whose uuid is new
    /// (recorded as already sent to `endpoint`, so this machine never pushes them back; one
    /// that the store refuses, e.g. because its seal does not match, is left out alone), removes
    /// the pulled (never local) attempts whose uuids are in `voided`, and saves `checkpoint`
    /// under meta key `checkpointKey`. A pull killed at any moment therefore resumes from the
    /// last page that was wholly stored.
    /// `check` runs after each attempt is written (the pull checks the stored row against its
    /// seal there); when it throws, that attempt alone is undone and listed in `refused`.
    PulledPage storePulledPage(const std::vector<NewAttempt>& attempts,
                               const std::vector<std::string>& voided,
                               const std::string& endpoint, const std::string& checkpointKey,
                               const std::string& checkpoint,
                               const std::function<void(std::int64_t id, const NewAttempt&)>& check = {});

    /// A value of the meta table ("" when unset).
    std::string metaValue(const std::string& key) const;

    /// Stores many attempts in one transaction (simulations, imports). Returns their ids.
    /// `afterEach` runs inside the transaction after each attempt is written (imports check the
    /// stored row there); when it throws, nothing of the batch is stored.
    std::vector<std::int64_t> recordAttempts(
        const std::vector<NewAttempt>& attempts,
        const std::function<void(std::int64_t id, const NewAttempt&)>& afterEach = {});

    /// Attempts matching `filter`, oldest first unless filter.newestFirst.
    std::vector<AttemptSummary> listAttempts(const AttemptFilter& filter = {}) const;

    /// Streams attempts matching `filter` with their principle scores (sorted by principle id),
    /// without loading them all (cohort exports over 100,000 attempts).
    void forEachAttempt(const AttemptFilter& filter,
                        const std::function<void(const AttemptSummary&,
                                                 const std::vector<PrincipleScore>&)>& visit) const;

    /// Streams the decisions of attempts matching `filter` (attempt order, then step order).
    void forEachDecision(const AttemptFilter& filter,
                         const std::function<void(const StoredDecision&)>& visit) const;

    /// Number of attempts matching `filter`.
    std::int64_t countAttempts(const AttemptFilter& filter = {}) const;

    /// Distinct principle ids scored by attempts matching `filter`, sorted.
    std::vector<std::string> principleIds(const AttemptFilter& filter = {}) const;

    /// One attempt with its scorecard and transcript; nullopt when there is no such id.
    std::optional<StoredAttempt> getAttempt(std::int64_t id) const;
    std::optional<StoredAttempt> getAttemptByUuid(const std::string& uuid) const;

    /// Streams every attempt matching `filter` in full (as getAttempt gives it), oldest first
    /// unless filter.newestFirst, from three sequential scans instead of queries per attempt
    /// (seal checks over 100,000 attempts). `visit` gets the summary and the attempt, or null
    /// and `error` when its rows cannot be read.
    void forEachStoredAttempt(
        const AttemptFilter& filter,
        const std::function<void(const AttemptSummary& summary, StoredAttempt* attempt,
                                 const std::string& error)>& visit) const;

    /// Streams the row digests of every attempt matching `filter` (same order and selection as
    /// forEachStoredAttempt), with their seal memos: three sequential scans, no parsing. The
    /// seal memo check (checkAttempts) costs about what reading the rows costs. With
    /// `decisionsFrom` (a second connection to the same file, see openTwinReader) the decisions
    /// are read there on a second thread, and the visits come after both scans end.
    void forEachRowsDigest(const AttemptFilter& filter,
                           const std::function<void(const AttemptRowsDigest&)>& visit,
                           const ResultsStore* decisionsFrom = nullptr) const;
    /// A second read-only connection to this store's file, for reading it on another thread
    /// (null inside a transaction, for an in-memory copy, or when it cannot be opened).
    std::unique_ptr<ResultsStore> openTwinReader() const;
    /// The texts table as a chain: (id, digest) in id order, each digest covering every row up
    /// to and including that id, so a memo can name "the texts up to N" in one digest.
    std::vector<std::pair<std::int64_t, Digest32>> textsChain() const;
    /// The largest text id (0 when there are none).
    std::int64_t lastTextId() const;
    /// Stores seal memos (attempt id -> memo), replacing older ones, in one transaction.
    void writeSealMemos(const std::vector<std::pair<std::int64_t, SealMemo>>& memos);

    /// Every trainee, by name.
    std::vector<Trainee> trainees() const;
    std::optional<Trainee> findTrainee(const std::string& key) const;

    /// The trainee's best percent, passed and completed flags per scenario played.
    std::vector<ScenarioProgress> traineeProgress(const std::string& traineeKey) const;

    /// Earned and achievable totals per principle over a trainee's attempts (all trainees when
    /// the key is empty), weakest first (lowest ratio, then id): the first is "practise next".
    std::vector<PrincipleTotal> principleTotals(const std::string& traineeKey = {}) const;

    /// Dashboard aggregates of the attempts matching `filter`, grouped by `by` (sorted by key).
    std::vector<GroupSummary> summarize(GroupBy by, const AttemptFilter& filter = {}) const;

    /// xAPI sync bookkeeping: ids of attempts matching `filter` not yet sent to `endpoint`.
    std::vector<std::int64_t> unsentAttempts(const std::string& endpoint,
                                             const AttemptFilter& filter = {}) const;
    /// Records that all statements of these attempts reached `endpoint` (one transaction).
    void markSent(const std::string& endpoint, const std::vector<std::int64_t>& attemptIds,
                  std::int64_t sentAtMs);
    /// Number of attempts recorded as sent to `endpoint`.
    std::int64_t sentCount(const std::string& endpoint) const;

    /// PRAGMA integrity_check: "ok" or the first problems found.
    std::string integrityCheck() const;

    /// The raw connection, for tests and benchmarks only.
    sqlite3* handle() const { return db_; }

private:
    ResultsStore(sqlite3* db, std::string path);
    std::int64_t insertAttempt(const NewAttempt& attempt);
    const SigningKey& sealKey();
    void rememberLocal(std::int64_t id, bool replayed, const SigningKey& key);
    std::optional<StoredAttempt> loadFull(const char* column, std::int64_t id,
                                          const std::string* uuid) const;
    void finishFull(StoredAttempt& attempt) const;

    sqlite3* db_;
    std::string path_;
    std::unique_ptr<TextInterner> texts_;
    std::shared_ptr<const SigningKey> signingKey_;
    /// The texts chain as rememberLocal last extended it (cleared with the text cache when a
    /// write rolls back).
    std::vector<std::pair<std::int64_t, Digest32>> textsChain_;
};

/// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC) to epoch ms; `endOfDay` makes a bare
/// date mean the end of that day (exclusive), for --until. False on malformed input.
bool parseDateMs(const std::string& text, bool endOfDay, std::int64_t& outMs);

/// "2024-05-01T09:30:00.000Z" (UTC) for epoch ms.
std::string formatIsoUtc(std::int64_t epochMs);

/// Current wall-clock time in epoch ms.
std::int64_t nowEpochMs();

}  // namespace counterplay::core
