// Writing attempts: trainee upsert, the attempt row, its decisions and principle scores, and
// the xAPI sync log; each in one BEGIN IMMEDIATE transaction.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "counterplay/core/DataDir.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/Json.h"
#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Uuid.h"
#include "results/Sqlite.h"
#include "results/StoreTexts.h"

namespace counterplay::core {
namespace {

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::string dumpJson(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct TraineeRow {
    std::int64_t id = 0;
    std::string name;
    std::string email;
};

TraineeRow upsertTrainee(sqlite3* db, const NewAttempt& a) {
    std::string name = trim(a.traineeName);
    std::string key = trim(a.traineeKey);
    if (key.empty()) key = name;
    if (name.empty()) name = key;
    if (key.empty()) key = name = "anonymous";
    const std::string email = trim(a.traineeEmail);
    sqlite::Stmt up(db,
                    "INSERT INTO trainees(key, name, email, created_at) VALUES(?, ?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET name = excluded.name, "
                    "email = CASE WHEN excluded.email <> '' THEN excluded.email ELSE email END");
    up.bind(1, key).bind(2, name).bind(3, email).bind(4, nowEpochMs()).run();
    sqlite::Stmt get(db, "SELECT id, name, email FROM trainees WHERE key = ?");
    get.bind(1, key);
    if (!get.step()) sqlite::fail(db, "trainee was not stored");
    return {get.i64(0), get.str(1), get.str(2)};
}

/// True when the scorecard's decision records are exactly the transcript's decisions, so they
/// can be rebuilt from the decisions table (interned texts are single references then).
bool decisionsAligned(const Scorecard& card, const Transcript& transcript) {
    if (card.decisions.size() != transcript.decisions.size()) return false;
    for (std::size_t k = 0; k < card.decisions.size(); ++k) {
        const DecisionRecord& r = card.decisions[k];
        const Decision& d = transcript.decisions[k];
        if (r.nodeId != d.nodeId || r.choiceId != d.choiceId || r.choiceIndex != d.choiceIndex ||
            r.elapsedMs != d.elapsedMs || r.timeout != (d.choiceIndex == kTimeoutChoice))
            return false;
    }
    return true;
}

}  // namespace

std::int64_t ResultsStore::insertAttempt(const NewAttempt& a) {
    const Scorecard& card = a.scorecard;
    const TraineeRow trainee = upsertTrainee(db_, a);
    const bool local = a.source.empty() || a.source == "local";
    const SigningKey* key = local ? &sealKey() : nullptr;
    const std::string uuid = a.uuid.empty() ? uuidV4() : a.uuid;
    Scorecard compact = card;
    texts_->intern(compact);
    // When the scorecard's decision records match the transcript (always, for a scorecard made
    // by computeScorecard) they are kept in the decisions table only.
    const bool aligned = decisionsAligned(card, a.transcript);
    std::vector<DecisionRecord> records = std::move(compact.decisions);
    if (!aligned) compact.decisions = records;
    else compact.decisions.clear();
    // Likewise the principle scores live in principle_scores when sorted by id (they always are).
    const bool sortedPrinciples =
        std::adjacent_find(card.principles.begin(), card.principles.end(),
                           [](const PrincipleScore& x, const PrincipleScore& y) {
                               return x.id >= y.id;
                           }) == card.principles.end();
    if (sortedPrinciples) compact.principles.clear();
    const nlohmann::json cardJson = compact;
    sqlite::Stmt ins(db_, R"SQL(
INSERT INTO attempts(uuid, trainee_id, scenario_id, scenario_title_ko, scenario_title_en,
  content_hash, started_at, ended_at, duration_ms, finished, passed, critical_missed, percent,
  earned_total, best_total, worst_total, pass_threshold, ending_id, ending_kind, final_mood,
  final_trust, recommend, nps_class, lang, decision_count, app_version, shuffle_seed,
  trainee_name, trainee_email, source, origin_store, origin_fingerprint, seal)
VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))SQL");
    int i = 0;
    auto put = [&](const auto& value) { ins.bind(++i, value); };
    put(uuid);
    put(trainee.id);
    put(card.scenarioId.empty() ? a.transcript.scenarioId : card.scenarioId);
    put(card.scenarioTitle.ko);
    put(card.scenarioTitle.en);
    put(card.contentHash.empty() ? a.transcript.contentHash : card.contentHash);
    for (std::int64_t v : {a.startedAtMs, a.endedAtMs, card.totalMs}) put(v);
    for (bool v : {card.finished, card.passed, card.criticalMissed}) put(v);
    for (int v : {card.percent, card.earnedTotal, card.bestTotal, card.worstTotal,
                  card.passThreshold})
        put(v);
    put(card.endingId);
    put(card.endingKind);
    for (int v : {card.finalMood, card.finalTrust, card.recommend}) put(v);
    put(card.npsClass);
    put(a.lang);
    put(static_cast<std::int64_t>(a.transcript.decisions.size()));
    put(std::string(COUNTERPLAY_VERSION));
    if (a.transcript.shuffleSeed)  // the same 64 bits (SQLite integers are signed)
        put(static_cast<std::int64_t>(*a.transcript.shuffleSeed));
    else
        ins.bindNull(++i);
    // Imported attempts keep the name and email they were sealed with.
    put(local ? trainee.name : a.traineeName);
    put(local ? trainee.email : a.traineeEmail);
    put(local ? std::string("local") : a.source);
    put(local ? key->storeName : a.originStore);
    put(local ? key->fingerprint() : a.originFingerprint);
    put(local ? std::string() : a.seal);
    ins.run();
    const std::int64_t id = sqlite3_last_insert_rowid(db_);
    sqlite::Stmt rec(db_,
                     "INSERT INTO attempt_records(attempt_id, scorecard_json) VALUES(?,?)");
    rec.bind(1, id).bind(2, dumpJson(cardJson)).run();

    sqlite::Stmt dec(db_,
                     "INSERT INTO decisions(attempt_id, seq, node_id, choice_index, choice_id, "
                     "elapsed_ms, timeout, points_total, points_json, choice_text, feedback, "
                     "tags_json) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    // The transcript is the record; the scorecard's decision records add points per decision.
    const auto& decisions = a.transcript.decisions;
    for (std::size_t k = 0; k < decisions.size(); ++k) {
        const Decision& d = decisions[k];
        Points points;
        const DecisionRecord* rec =
            k < records.size() && records[k].nodeId == d.nodeId ? &records[k] : nullptr;
        if (rec) points = rec->points;
        int total = 0;
        for (const auto& [pid, p] : points) total += p;
        dec.reset();
        dec.bind(1, id).bind(2, static_cast<std::int64_t>(k + 1)).bind(3, d.nodeId);
        dec.bind(4, d.choiceIndex).bind(5, d.choiceId).bind(6, d.elapsedMs);
        dec.bind(7, d.choiceIndex == kTimeoutChoice).bind(8, total);
        dec.bind(9, dumpJson(nlohmann::json(points)));
        dec.bind(10, aligned ? rec->choiceText.ko : std::string());
        dec.bind(11, aligned ? rec->feedback.ko : std::string());
        dec.bind(12, aligned ? dumpJson(nlohmann::json(rec->tags)) : std::string("[]"));
        dec.run();
    }
    sqlite::Stmt ps(db_,
                    "INSERT OR REPLACE INTO principle_scores(attempt_id, principle_id, earned, "
                    "achievable, worst) VALUES(?,?,?,?,?)");
    for (const PrincipleScore& p : card.principles) {
        ps.reset();
        ps.bind(1, id).bind(2, p.id).bind(3, p.earned).bind(4, p.achievable).bind(5, p.worst);
        ps.run();
    }
    if (local) {
        // The seal covers the attempt exactly as it reads back from the rows just written.
        const auto stored = loadFull("id", id, nullptr);
        if (!stored) sqlite::fail(db_, "attempt was not stored");
        sqlite::Stmt seal(db_, "UPDATE attempts SET seal = ? WHERE id = ?");
        seal.bind(1, sealAttempt(*stored, *key)).bind(2, id).run();
        // This machine has just sealed these rows: a later check of the same bytes can rely
        // on the memo instead of the Ed25519 verify (and the replay, when scored here).
        rememberLocal(id, a.scoredHere, *key);
    }
    return id;
}

std::int64_t ResultsStore::recordAttempt(const NewAttempt& attempt) {
    return recordAttempts({attempt}).at(0);
}

std::vector<std::int64_t> ResultsStore::recordAttempts(
    const std::vector<NewAttempt>& attempts,
    const std::function<void(std::int64_t, const NewAttempt&)>& afterEach) {
    std::vector<std::int64_t> ids;
    ids.reserve(attempts.size());
    try {
        sqlite::WriteTransaction tx(db_);
        for (const NewAttempt& a : attempts) {
            ids.push_back(insertAttempt(a));
            if (afterEach) afterEach(ids.back(), a);
        }
        tx.commit();
    } catch (...) {
        texts_->forget();  // texts inserted by the rolled-back transaction are gone
        textsChain_.clear();
        throw;
    }
    return ids;
}

ResultsStore::PulledPage ResultsStore::storePulledPage(const std::vector<NewAttempt>& attempts,
                                                      const std::vector<std::string>& voided,
                                                      const std::string& endpoint,
                                                      const std::string& checkpointKey,
                                                      const std::string& checkpoint,
                                                      const std::function<void(std::int64_t, const NewAttempt&)>& check) {
    PulledPage page;
    try {
        sqlite::WriteTransaction tx(db_);
        sqlite::Stmt exists(db_, "SELECT 1 FROM attempts WHERE uuid = ?");
        sqlite::Stmt sent(db_,
                          "INSERT OR REPLACE INTO sync_sent(endpoint, attempt_id, sent_at) "
                          "VALUES(?,?,?)");
        const std::int64_t now = nowEpochMs();
        for (const NewAttempt& a : attempts) {
            exists.reset();
            exists.bind(1, a.uuid);
            if (exists.step()) {
                ++page.known;
                continue;
            }
            // A savepoint per attempt: a refused one is undone alone.
            sqlite::exec(db_, "SAVEPOINT pulled");
            try {
                const std::int64_t id = insertAttempt(a);
                if (check) check(id, a);
                sent.reset();
                sent.bind(1, endpoint).bind(2, id).bind(3, now).run();
                sqlite::exec(db_, "RELEASE pulled");
                page.added.push_back(id);
            } catch (const std::exception& e) {
                sqlite::exec(db_, "ROLLBACK TO pulled; RELEASE pulled");
                texts_->forget();
                textsChain_.clear();
                page.refused.push_back("attempt " + a.uuid + ": " + e.what());
            }
        }
        sqlite::Stmt drop(db_, "DELETE FROM attempts WHERE uuid = ? AND source = 'lrs'");
        for (const std::string& uuid : voided) {
            drop.reset();
            drop.bind(1, uuid).run();
            page.removed += sqlite3_changes(db_);
        }
        sqlite::Stmt meta(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
        meta.bind(1, checkpointKey).bind(2, checkpoint).run();
        tx.commit();
    } catch (...) {
        texts_->forget();
        textsChain_.clear();
        throw;
    }
    return page;
}

std::string ResultsStore::metaValue(const std::string& key) const {
    sqlite::Stmt s(db_, "SELECT value FROM meta WHERE key = ?");
    s.bind(1, key);
    return s.step() ? s.str(0) : std::string();
}

void ResultsStore::setSigningKey(std::shared_ptr<const SigningKey> key) {
    signingKey_ = std::move(key);
}

const SigningKey& ResultsStore::sealKey() {
    if (!signingKey_) {
        std::string error;
        auto key = loadSigningKey(signingKeyPath(), true, error);
        if (!key) throw StoreError("cannot seal the attempt: " + error);
        signingKey_ = std::make_shared<const SigningKey>(std::move(*key));
    }
    return *signingKey_;
}

std::int64_t ResultsStore::sealedFromId() const {
    sqlite::Stmt s(db_, "SELECT value FROM meta WHERE key = 'sealed_from_id'");
    if (!s.step()) return 1;  // missing: treat every unsealed attempt as having lost its seal
    try {
        return std::stoll(s.str(0));
    } catch (const std::exception&) {
        return 1;
    }
}

void ResultsStore::markSent(const std::string& endpoint, const std::vector<std::int64_t>& ids,
                            std::int64_t sentAtMs) {
    sqlite::WriteTransaction tx(db_);
    sqlite::Stmt s(db_,
                   "INSERT OR REPLACE INTO sync_sent(endpoint, attempt_id, sent_at) VALUES(?,?,?)");
    for (std::int64_t id : ids) {
        s.reset();
        s.bind(1, endpoint).bind(2, id).bind(3, sentAtMs).run();
    }
    tx.commit();
}

}  // namespace counterplay::core
