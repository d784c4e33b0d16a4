// Attempt seals and integrity checks (see Integrity.h).
#include "counterplay/core/Integrity.h"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Clock.h"
#include "counterplay/core/Hash.h"
#include "counterplay/core/Json.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Session.h"

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

std::vector<AttemptIntegrity> checkAttempts(const ResultsStore& store, const AttemptFilter& filter,
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

}  // namespace counterplay::core
