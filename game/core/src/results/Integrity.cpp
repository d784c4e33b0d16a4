// Attempt seals and integrity checks (see Integrity.h).
#include "counterplay/core/Integrity.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

#include <algorithm>
#include <filesystem>
#include <thread>
#include <unordered_map>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Clock.h"
#include "counterplay/core/Hash.h"
#include "counterplay/core/Json.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Session.h"
#include "results/Sqlite.h"

namespace counterplay::core {

nlohmann::json canonicalAttemptJson(const StoredAttempt& attempt) {
    const AttemptSummary& s = attempt.summary;
    return {
        {"uuid", s.uuid},
        {"trainee", {{"key", s.traineeKey}, {"name", s.traineeName}, {"email", s.traineeEmail}}},
        {"scenario",
         {{"id", s.scenarioId}, {"title", s.scenarioTitle}, {"content_hash", s.contentHash}}},
        {"started_at_ms", s.startedAtMs},
        {"ended_at_ms", s.endedAtMs},
        {"lang", s.lang},
        {"summary",
         {{"duration_ms", s.durationMs},
          {"finished", s.finished},
          {"passed", s.passed},
          {"critical_missed", s.criticalMissed},
          {"percent", s.percent},
          {"earned_total", s.earnedTotal},
          {"best_total", s.bestTotal},
          {"worst_total", s.worstTotal},
          {"pass_threshold", s.passThreshold},
          {"ending_id", s.endingId},
          {"ending_kind", s.endingKind},
          {"final_mood", s.finalMood},
          {"final_trust", s.finalTrust},
          {"recommend", s.recommend},
          {"nps_class", s.npsClass},
          {"decision_count", s.decisionCount}}},
        {"scorecard", attempt.scorecard},
        {"transcript", attempt.transcript},
        {"origin", {{"store", s.originStore}, {"fingerprint", s.originFingerprint}}},
    };
}

std::string sealMessage(const StoredAttempt& attempt) {
    return std::string(kSealScheme) + "\n" +
           canonicalAttemptJson(attempt).dump(-1, ' ', false,
                                              nlohmann::json::error_handler_t::replace);
}

std::string sealAttempt(const StoredAttempt& attempt, const SigningKey& key) {
    return key.sign(sealMessage(attempt));
}

const char* integrityStatusName(IntegrityStatus status) {
    switch (status) {
        case IntegrityStatus::Ok: return "ok";
        case IntegrityStatus::Altered: return "altered";
        case IntegrityStatus::Unsealed: return "unsealed";
        case IntegrityStatus::UnknownSigner: return "unknown-signer";
    }
    return "ok";
}

struct ScenarioIndex::Loaded {
    std::shared_ptr<const Scenario> scenario;
    std::unique_ptr<Analysis> analysis;
    std::string error;
};

ScenarioIndex::ScenarioIndex() = default;
ScenarioIndex::~ScenarioIndex() = default;

void ScenarioIndex::addFolder(const std::string& folder) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec)) {
        if (e.path().extension() != ".yaml" || e.path().filename() == "principles.yaml") continue;
        std::string bytes, error;
        if (readWholeFile(e.path().string(), bytes, error))
            files_.emplace(sha256Hex(bytes), e.path().string());
    }
}

std::string ScenarioIndex::find(const std::string& contentHash) const {
    auto it = files_.find(contentHash);
    return it == files_.end() ? std::string() : it->second;
}

bool ScenarioIndex::replayMatches(const StoredAttempt& attempt, bool& replayed,
                                  std::string& why) const {
    replayed = false;
    const std::string path = find(attempt.summary.contentHash);
    if (path.empty()) return true;
    // Checks run on several threads: the cache of loaded scenarios is shared and locked.
    std::unique_lock lock(mutex_);
    auto& slot = loaded_[attempt.summary.contentHash];
    if (!slot) {
        slot = std::make_shared<Loaded>();
        const std::string cataloguePath = findCatalogueFor(path);
        CatalogueLoad cat;
        if (!cataloguePath.empty()) cat = loadCatalogueFile(cataloguePath);
        ScenarioLoad load = loadScenarioFile(path, cat.ok() ? cat.catalogue.get() : nullptr);
        if (load.ok()) {
            slot->scenario = load.scenario;
            slot->analysis = std::make_unique<Analysis>(analyzeScenario(*load.scenario));
        } else {
            slot->error = path + " has errors";
        }
    }
    const std::shared_ptr<Loaded> loaded = slot;
    lock.unlock();
    if (!loaded->scenario) return true;  // cannot replay: not counted against the attempt
    replayed = true;
    ManualClock clock;
    std::string error;
    auto session = replayTranscript(loaded->scenario, attempt.transcript, clock, error);
    if (!session) {
        why = "its transcript does not replay on " + path + ": " + error;
        return false;
    }
    const Scorecard card = computeScorecard(*loaded->analysis, *session);
    if (!(card == attempt.scorecard)) {
        why = "replaying its transcript on " + path + " gives another scorecard (" +
              std::to_string(card.percent) + "%, " + (card.passed ? "pass" : "fail") +
              "; stored: " + std::to_string(attempt.scorecard.percent) + "%, " +
              (attempt.scorecard.passed ? "pass" : "fail") + ")";
        return false;
    }
    const AttemptSummary& s = attempt.summary;
    if (s.percent != card.percent || s.passed != card.passed || s.earnedTotal != card.earnedTotal ||
        s.finished != card.finished) {
        why = "its summary row does not match the replayed scorecard";
        return false;
    }
    return true;
}

AttemptIntegrity checkAttempt(const StoredAttempt& attempt, std::int64_t sealedFromId,
                              const Trust& trust, const ScenarioIndex* scenarios) {
    AttemptIntegrity r;
    const AttemptSummary& s = attempt.summary;
    r.attemptId = s.id;
    r.uuid = s.uuid;
    r.originStore = s.originStore;
    if (s.seal.empty()) {
        if (s.source == "local" && s.id < sealedFromId) {
            r.status = IntegrityStatus::Unsealed;
            r.reason = "unsealed (recorded before sealing)";
        } else {
            r.status = IntegrityStatus::Altered;
            r.reason = "its seal was removed";
        }
    } else if (const TrustedKey* key = trust.find(s.originFingerprint); !key) {
        r.status = IntegrityStatus::UnknownSigner;
        r.reason = "sealed by an unknown key " + shortFingerprint(s.originFingerprint) +
                   "\xE2\x80\xA6 (store '" + s.originStore +
                   "'): run `counterplay key trust` with that store's public key";
    } else if (!verifySignature(key->publicKey, sealMessage(attempt), s.seal)) {
        r.status = IntegrityStatus::Altered;
        r.reason = "its rows were changed after it was recorded (the seal does not match)";
    }
    if (scenarios && r.status != IntegrityStatus::Altered) {
        std::string why;
        if (!scenarios->replayMatches(attempt, r.replayed, why)) {
            r.status = IntegrityStatus::Altered;
            r.reason = why;
        }
    }
    return r;
}

namespace {

/// The full check of every attempt matching `filter` (see checkAttempts).
std::vector<AttemptIntegrity> fullCheck(const ResultsStore& store, const AttemptFilter& filter,
                                        const Trust& trust, const ScenarioIndex* scenarios) {
    const std::int64_t sealedFrom = store.sealedFromId();
    std::vector<AttemptIntegrity> out;
    // Attempts are read in one streamed pass (three sequential scans), and checked in batches
    // spread over the machine's cores: each check (canonical form, Ed25519 verify, replay) reads
    // only its own attempt, the trust list and the scenario index (locked inside).
    const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    constexpr std::size_t kBatch = 512;
    std::vector<StoredAttempt> batch;
    std::vector<std::size_t> slots;
    batch.reserve(kBatch);
    auto flush = [&] {
        const std::size_t n = batch.size();
        auto work = [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i)
                out[slots[i]] = checkAttempt(batch[i], sealedFrom, trust, scenarios);
        };
        std::vector<std::thread> threads;
        const std::size_t parts = std::min<std::size_t>(workers, (n + 63) / 64);
        for (std::size_t p = 1; p < parts; ++p)
            threads.emplace_back(work, n * p / parts, n * (p + 1) / parts);
        work(0, parts > 1 ? n / parts : n);
        for (auto& t : threads) t.join();
        batch.clear();
        slots.clear();
    };
    store.forEachStoredAttempt(filter, [&](const AttemptSummary& s, StoredAttempt* full,
                                           const std::string& error) {
        if (!full) {
            AttemptIntegrity r;
            r.attemptId = s.id;
            r.uuid = s.uuid;
            r.originStore = s.originStore;
            r.status = IntegrityStatus::Altered;
            r.reason = "its rows cannot be read: " + error;
            out.push_back(std::move(r));
            return;
        }
        slots.push_back(out.size());
        out.emplace_back();
        batch.push_back(std::move(*full));
        if (batch.size() == kBatch) flush();
    });
    flush();
    return out;
}

/// The texts chain's digest as of text id `upto` (zeros before the first text).
Digest32 chainAt(const std::vector<std::pair<std::int64_t, Digest32>>& chain, std::int64_t upto) {
    auto it = std::upper_bound(chain.begin(), chain.end(), upto,
                               [](std::int64_t v, const auto& e) { return v < e.first; });
    return it == chain.begin() ? Digest32{} : std::prev(it)->second;
}

/// True when the attempt's memo matches its rows as read now, its signer is still trusted, and
/// a replay it skipped is still impossible (its scenario file is not here).
bool memoHolds(const AttemptRowsDigest& r, const std::vector<std::pair<std::int64_t, Digest32>>& chain,
               const Trust& trust, const ScenarioIndex* scenarios) {
    if (!r.memo || !r.sealed || r.memo->mac.size() != 32) return false;
    if (!trust.find(r.originFingerprint)) return false;
    if (!r.memo->replayed && scenarios && !scenarios->find(r.contentHash).empty()) return false;
    const std::string mac = sealMemoMac(*trust.memoKey, r.digest, r.memo->replayed,
                                        r.memo->textsUpto, chainAt(chain, r.memo->textsUpto));
    return CRYPTO_memcmp(mac.data(), r.memo->mac.data(), mac.size()) == 0;
}

/// A read transaction for the scope, unless one is open: the memo scan and the full checks
/// that follow it see one snapshot of the store.
class ReadSnapshot {
public:
    explicit ReadSnapshot(sqlite3* db) : db_(sqlite3_get_autocommit(db) ? db : nullptr) {
        if (db_) sqlite::exec(db_, "BEGIN");
    }
    ~ReadSnapshot() {
        if (db_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    sqlite3* db_;
};

}  // namespace

Digest32 sealMemoKey(const SigningKey& key) {
    std::string bytes = "counterplay seal memo key v1\n";
    bytes.append(reinterpret_cast<const char*>(key.seed.data()), key.seed.size());
    Digest32 out{};
    unsigned int n = 0;
    EVP_Digest(bytes.data(), bytes.size(), out.data(), &n, EVP_sha256(), nullptr);
    OPENSSL_cleanse(bytes.data(), bytes.size());
    return out;
}

namespace {

/// HMAC-SHA-256 with its context kept per thread and re-keyed only when the key changes: a
/// check computes one MAC per attempt, and fetching HMAC afresh each time (EVP_Q_mac) cost
/// more than hashing the attempt's rows.
class MemoHmac {
public:
    MemoHmac() {
        mac_ = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        ctx_ = mac_ ? EVP_MAC_CTX_new(mac_) : nullptr;
    }
    ~MemoHmac() {
        EVP_MAC_CTX_free(ctx_);
        EVP_MAC_free(mac_);
    }
    MemoHmac(const MemoHmac&) = delete;
    MemoHmac& operator=(const MemoHmac&) = delete;
    std::string of(const Digest32& key, std::string_view message) {
        if (!ctx_) throw StoreError("HMAC-SHA-256 is not available in this OpenSSL");
        char digest[] = "SHA256";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0),
                               OSSL_PARAM_construct_end()};
        const bool rekey = !keyed_ || key != key_;
        if (!EVP_MAC_init(ctx_, rekey ? key.data() : nullptr, rekey ? key.size() : 0,
                          rekey ? params : nullptr))
            throw StoreError("HMAC-SHA-256 failed to start");
        key_ = key;
        keyed_ = true;
        unsigned char out[EVP_MAX_MD_SIZE];
        std::size_t n = 0;
        if (!EVP_MAC_update(ctx_, reinterpret_cast<const unsigned char*>(message.data()),
                            message.size()) ||
            !EVP_MAC_final(ctx_, out, &n, sizeof out))
            throw StoreError("HMAC-SHA-256 failed");
        return std::string(reinterpret_cast<const char*>(out), n);
    }

private:
    EVP_MAC* mac_ = nullptr;
    EVP_MAC_CTX* ctx_ = nullptr;
    Digest32 key_{};
    bool keyed_ = false;
};

}  // namespace

std::string sealMemoMac(const Digest32& memoKey, const Digest32& rowsDigest, bool replayed,
                        std::int64_t textsUpto, const Digest32& textsDigest) {
    // The program version is part of it: another version might replay differently.
    std::string message = std::string("counterplay seal memo v1\n") + COUNTERPLAY_VERSION + "\n";
    message.append(reinterpret_cast<const char*>(rowsDigest.data()), rowsDigest.size());
    message += replayed ? "\nreplayed\n" : "\nnot replayed\n";
    message += std::to_string(textsUpto) + "\n";
    message.append(reinterpret_cast<const char*>(textsDigest.data()), textsDigest.size());
    thread_local MemoHmac hmac;
    return hmac.of(memoKey, message);
}

namespace {

/// The memo pass of a seal check: attempts whose memo holds are ok; the others are checked in
/// full (in one pass over `filter` when they are most of them, as for an older store).
class MemoPass {
public:
    MemoPass(const ResultsStore& store, const Trust& trust, const ScenarioIndex* scenarios)
        : store_(store), trust_(trust), scenarios_(scenarios), chain_(store.textsChain()) {}

    void add(const AttemptRowsDigest& r) {
        if (memoHolds(r, chain_, trust_, scenarios_)) {
            AttemptIntegrity ok;
            ok.attemptId = r.attemptId;
            ok.uuid = r.uuid;
            ok.originStore = r.originStore;
            ok.replayed = r.memo->replayed;
            out_.push_back(std::move(ok));
            return;
        }
        slotOf_.emplace(r.attemptId, out_.size());
        redo_.push_back(r.attemptId);
        out_.emplace_back();
    }

    /// The results in the order added; `filter` is what the digests covered (for the
    /// full pass), or null to check only the attempts whose memo failed.
    std::vector<AttemptIntegrity> finish(const AttemptFilter* filter) {
        if (redo_.empty()) return std::move(out_);
        if (filter && redo_.size() * 2 > out_.size())
            return fullCheck(store_, *filter, trust_, scenarios_);
        AttemptFilter only;
        only.attemptIds = std::move(redo_);
        for (AttemptIntegrity& r : fullCheck(store_, only, trust_, scenarios_))
            if (auto it = slotOf_.find(r.attemptId); it != slotOf_.end())
                out_[it->second] = std::move(r);
        // An attempt deleted since its digest was read (a pull voided it): nothing to report.
        std::erase_if(out_, [](const AttemptIntegrity& r) { return r.attemptId == 0; });
        return std::move(out_);
    }

private:
    const ResultsStore& store_;
    const Trust& trust_;
    const ScenarioIndex* scenarios_;
    std::vector<std::pair<std::int64_t, Digest32>> chain_;
    std::vector<AttemptIntegrity> out_;
    std::vector<std::int64_t> redo_;
    std::unordered_map<std::int64_t, std::size_t> slotOf_;
};

}  // namespace

std::vector<AttemptIntegrity> checkAttempts(const ResultsStore& store, const AttemptFilter& filter,
                                            const Trust& trust, const ScenarioIndex* scenarios,
                                            MemoUse memos) {
    if (!trust.memoKey || memos == MemoUse::Ignore)
        return fullCheck(store, filter, trust, scenarios);
    // The decisions, the largest table, are digested on a second connection and thread.
    const auto twin = store.openTwinReader();
    ReadSnapshot snapshot(store.handle());
    MemoPass pass(store, trust, scenarios);
    store.forEachRowsDigest(filter, [&](const AttemptRowsDigest& r) { pass.add(r); }, twin.get());
    return pass.finish(&filter);
}

std::vector<AttemptIntegrity> checkAttemptDigests(const ResultsStore& store,
                                                  const std::vector<AttemptRowsDigest>& digests,
                                                  const Trust& trust,
                                                  const ScenarioIndex* scenarios) {
    if (!trust.memoKey) {
        AttemptFilter these;
        these.attemptIds.emplace();
        for (const AttemptRowsDigest& d : digests) these.attemptIds->push_back(d.attemptId);
        return fullCheck(store, these, trust, scenarios);
    }
    MemoPass pass(store, trust, scenarios);
    for (const AttemptRowsDigest& d : digests) pass.add(d);
    return pass.finish(nullptr);
}

std::vector<AttemptIntegrity> checkAndRemember(ResultsStore& store, const AttemptFilter& filter,
                                               const Trust& trust,
                                               const ScenarioIndex* scenarios) {
    if (!trust.memoKey)
        throw StoreError("cannot remember checks: this machine has no signing key yet");
    // One write transaction: nobody changes the rows between the check and the memo.
    sqlite::WriteTransaction tx(store.handle());
    std::vector<AttemptIntegrity> results = fullCheck(store, filter, trust, scenarios);
    std::unordered_map<std::int64_t, bool> ok;
    for (const AttemptIntegrity& r : results)
        if (r.ok()) ok.emplace(r.attemptId, r.replayed);
    const auto chain = store.textsChain();
    const std::int64_t upto = chain.empty() ? 0 : chain.back().first;
    const Digest32 texts = chain.empty() ? Digest32{} : chain.back().second;
    std::vector<std::pair<std::int64_t, SealMemo>> memos;
    store.forEachRowsDigest(filter, [&](const AttemptRowsDigest& r) {
        auto it = ok.find(r.attemptId);
        if (it == ok.end()) return;
        SealMemo memo;
        memo.replayed = it->second;
        memo.textsUpto = upto;
        memo.mac = sealMemoMac(*trust.memoKey, r.digest, memo.replayed, upto, texts);
        memos.emplace_back(r.attemptId, std::move(memo));
    });
    store.writeSealMemos(memos);
    tx.commit();
    return results;
}

}  // namespace counterplay::core
