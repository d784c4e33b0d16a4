// Attempt seals: every attempt is sealed when recorded with an Ed25519 signature over its
// canonical form, so an edit to its rows with an SQLite tool (a score, a decision, a transcript,
// a name) shows as "altered". Where the scenario file it was played on is present, replaying the
// transcript must also give the stored scorecard. The canonical form is documented in
// docs/results.md; it is self-contained so a seal stays checkable after export and import.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "counterplay/core/Keyring.h"
#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

/// The first line of every sealed message.
inline constexpr const char* kSealScheme = "counterplay-attempt-seal v1";

/// The canonical form of an attempt: every stored field that matters (trainee key, name and
/// email; scenario id, titles and content hash; start and end; language; the summary columns;
/// the full scorecard and transcript; origin store and fingerprint), as a JSON object.
nlohmann::json canonicalAttemptJson(const StoredAttempt& attempt);

/// The bytes a seal signs: kSealScheme, "\n", then canonicalAttemptJson(attempt).dump()
/// (compact, keys sorted, UTF-8).
std::string sealMessage(const StoredAttempt& attempt);

/// The seal (128 hex digits) of an attempt by `key`. The attempt's origin must name the key.
std::string sealAttempt(const StoredAttempt& attempt, const SigningKey& key);

enum class IntegrityStatus {
    Ok,             ///< the seal matches (and the replay, when the scenario was found)
    Altered,        ///< changed after it was recorded (`reason` says how it was found)
    Unsealed,       ///< recorded before sealing existed: cannot be checked
    UnknownSigner,  ///< sealed by a key this machine does not trust
};

/// "ok", "altered", "unsealed", "unknown-signer".
const char* integrityStatusName(IntegrityStatus status);

struct AttemptIntegrity {
    std::int64_t attemptId = 0;
    std::string uuid;
    std::string originStore;
    IntegrityStatus status = IntegrityStatus::Ok;
    std::string reason;     ///< why altered / unknown (for people)
    bool replayed = false;  ///< the scenario file was found and the transcript replayed
    bool ok() const { return status == IntegrityStatus::Ok; }
};

/// Scenario files by content hash (SHA-256 of the file), to replay transcripts.
class ScenarioIndex {
public:
    ScenarioIndex();
    ~ScenarioIndex();
    /// Adds every *.yaml file (not principles.yaml) in `folder` (not recursive).
    void addFolder(const std::string& folder);
    /// The file with this content hash, or empty.
    std::string find(const std::string& contentHash) const;
    std::size_t size() const { return files_.size(); }
    /// Replays `attempt`'s transcript against its scenario file: true and `replayed` false when
    /// the file is absent; false and `why` when the replay fails or gives another scorecard.
    bool replayMatches(const StoredAttempt& attempt, bool& replayed, std::string& why) const;

private:
    struct Loaded;
    std::map<std::string, std::string> files_;
    mutable std::mutex mutex_;  ///< guards loaded_ (checks run on several threads)
    mutable std::map<std::string, std::shared_ptr<Loaded>> loaded_;
};

/// Checks one stored attempt: its seal against `trust` (unsealed ones: recorded before sealing
/// when their id is below `sealedFromId`, else their seal was removed), then, when `scenarios`
/// has its file, the replay. This is what `check`, `export`, `report`, `import`, `sync` and the
/// dashboard call.
AttemptIntegrity checkAttempt(const StoredAttempt& attempt, std::int64_t sealedFromId,
                              const Trust& trust, const ScenarioIndex* scenarios = nullptr);

/// Seal memos. A full check costs about 0.3 ms of CPU per attempt (the canonical form, the
/// Ed25519 verify, the replay), so a report over 100,000 attempts would spend nearly all its
/// time proving again what was proven before. When this machine seals an attempt (or
/// `check --remember` has checked it in full), it keeps a memo: HMAC-SHA-256 under a key
/// derived from its own private signing key, over the digest of the attempt's stored bytes
/// (every column of its rows), whether its transcript was replayed, and the texts table up to
/// the memo's time. A later check that reads the same bytes and finds a matching memo knows it
/// would get the same answer; any edit to the rows or the texts, a memo copied from another
/// attempt or machine, or a key no longer trusted, and the attempt gets the full check. Whoever
/// could forge a memo holds the signing key and could forge a seal anyway.
///
/// The memo key of `key`: SHA-256 of a fixed label and the private seed.
Digest32 sealMemoKey(const SigningKey& key);

/// The memo MAC (32 raw bytes) over a rows digest, the replayed flag and the texts chain.
std::string sealMemoMac(const Digest32& memoKey, const Digest32& rowsDigest, bool replayed,
                        std::int64_t textsUpto, const Digest32& textsDigest);

/// How checkAttempts treats seal memos.
enum class MemoUse {
    Use,     ///< a matching memo stands for the full check (report, export, dashboard)
    Ignore,  ///< every attempt gets the full check (`check`: the audit itself)
};

/// Checks every attempt matching `filter` (oldest first; in one streamed read of the store, the
/// checks spread over the machine's cores). With a memo key in `trust` and MemoUse::Use, the
/// rows are first read as digests, and only attempts without a matching memo get the full
/// check. Throws StoreError.
std::vector<AttemptIntegrity> checkAttempts(const ResultsStore& store, const AttemptFilter& filter,
                                            const Trust& trust,
                                            const ScenarioIndex* scenarios = nullptr,
                                            MemoUse memos = MemoUse::Use);

/// The seal check of attempts whose rows digests were read already (Cohort::load with
/// digests, so a report reads the store once): a matching memo stands for the full check, the
/// others are checked in full on `store`. Results in the digests' order. Throws StoreError.
std::vector<AttemptIntegrity> checkAttemptDigests(const ResultsStore& store,
                                                  const std::vector<AttemptRowsDigest>& digests,
                                                  const Trust& trust,
                                                  const ScenarioIndex* scenarios = nullptr);

/// `check --remember`: checks every attempt matching `filter` in full and writes a seal memo
/// for each one found ok, all in one write transaction (so the bytes remembered are the bytes
/// checked). Needs `trust.memoKey`. Throws StoreError.
std::vector<AttemptIntegrity> checkAndRemember(ResultsStore& store, const AttemptFilter& filter,
                                               const Trust& trust,
                                               const ScenarioIndex* scenarios = nullptr);

}  // namespace counterplay::core
