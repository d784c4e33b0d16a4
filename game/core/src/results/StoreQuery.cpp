// Reading attempts: lists, one attempt in full, streams for exports, progress and dashboard
// aggregates. Every query is parameterised (no text is spliced into SQL).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "counterplay/core/Json.h"
#include "counterplay/core/ResultsStore.h"
#include "results/Sqlite.h"
#include "results/StoreTexts.h"
#include "results/StoreWhere.h"

namespace counterplay::core {
namespace {

constexpr const char* kSummaryColumns =
    "a.id, a.uuid, t.key, a.trainee_name, a.trainee_email, a.scenario_id, a.scenario_title_ko, "
    "a.scenario_title_en, a.content_hash, a.started_at, a.ended_at, a.duration_ms, a.finished, "
    "a.passed, a.critical_missed, a.percent, a.earned_total, a.best_total, a.worst_total, "
    "a.pass_threshold, a.ending_id, a.ending_kind, a.final_mood, a.final_trust, a.recommend, "
    "a.nps_class, a.lang, a.decision_count, a.source, a.origin_store, a.origin_fingerprint, "
    "a.seal";
constexpr int kSummaryColumnCount = 32;

AttemptSummary readSummary(const sqlite::Stmt& s) {
    AttemptSummary a;
    int c = 0;
    a.id = s.i64(c++);
    a.uuid = s.str(c++);
    a.traineeKey = s.str(c++);
    a.traineeName = s.str(c++);
    a.traineeEmail = s.str(c++);
    a.scenarioId = s.str(c++);
    a.scenarioTitle.ko = s.str(c++);
    a.scenarioTitle.en = s.str(c++);
    a.contentHash = s.str(c++);
    a.startedAtMs = s.i64(c++);
    a.endedAtMs = s.i64(c++);
    a.durationMs = s.i64(c++);
    a.finished = s.i32(c++) != 0;
    a.passed = s.i32(c++) != 0;
    a.criticalMissed = s.i32(c++) != 0;
    a.percent = s.i32(c++);
    a.earnedTotal = s.i32(c++);
    a.bestTotal = s.i32(c++);
    a.worstTotal = s.i32(c++);
    a.passThreshold = s.i32(c++);
    a.endingId = s.str(c++);
    a.endingKind = s.str(c++);
    a.finalMood = s.i32(c++);
    a.finalTrust = s.i32(c++);
    a.recommend = s.i32(c++);
    a.npsClass = s.str(c++);
    a.lang = s.str(c++);
    a.decisionCount = s.i32(c++);
    a.source = s.str(c++);
    a.originStore = s.str(c++);
    a.originFingerprint = s.str(c++);
    a.seal = s.str(c++);
    return a;
}


}  // namespace

double PrincipleTotal::ratio() const {
    if (achievable <= 0) return 1.0;
    return std::clamp(double(earned) / double(achievable), 0.0, 1.0);
}

std::vector<AttemptSummary> ResultsStore::listAttempts(const AttemptFilter& filter) const {
    Where w(filter);
    sqlite::Stmt s(db_, std::string("SELECT ") + kSummaryColumns + kFrom + w.sql + w.order());
    w.bind(s);
    std::vector<AttemptSummary> out;
    while (s.step()) out.push_back(readSummary(s));
    return out;
}

void ResultsStore::forEachAttempt(
    const AttemptFilter& filter,
    const std::function<void(const AttemptSummary&, const std::vector<PrincipleScore>&)>& visit)
    const {
    Where w(filter);
    sqlite::Stmt s(db_, std::string("SELECT ") + kSummaryColumns + kFrom + w.sql + w.order());
    w.bind(s);
    // Principle scores in the same attempt order: a merge join over two sequential scans is
    // cheaper than one joined query returning the attempt columns once per principle.
    const bool all = w.sql.empty();
    const std::string desc = filter.newestFirst ? " DESC" : "";
    sqlite::Stmt p(db_, all ? "SELECT ps.attempt_id, ps.principle_id, ps.earned, ps.achievable, "
                              "ps.worst FROM principle_scores ps ORDER BY ps.attempt_id" + desc +
                                  ", ps.principle_id"
                            : "SELECT ps.attempt_id, ps.principle_id, ps.earned, ps.achievable, "
                              "ps.worst FROM principle_scores ps JOIN attempts a ON a.id = "
                              "ps.attempt_id JOIN trainees t ON t.id = a.trainee_id" +
                                  w.sql + " ORDER BY ps.attempt_id" + desc + ", ps.principle_id");
    w.bind(p);
    bool pending = p.step();
    std::vector<PrincipleScore> scores;
    while (s.step()) {
        const AttemptSummary a = readSummary(s);
        scores.clear();
        auto before = [&](std::int64_t id) { return filter.newestFirst ? id > a.id : id < a.id; };
        while (pending && before(p.i64(0))) pending = p.step();
        while (pending && p.i64(0) == a.id) {
            scores.push_back({p.str(1), p.i32(2), p.i32(3), p.i32(4)});
            pending = p.step();
        }
        visit(a, scores);
    }
}

void ResultsStore::forEachDecision(const AttemptFilter& filter,
                                   const std::function<void(const StoredDecision&)>& visit) const {
    Where w(filter);
    std::string sql =
        "SELECT d.attempt_id, a.uuid, t.key, a.scenario_id, d.seq, d.node_id, d.choice_index, "
        "d.choice_id, d.elapsed_ms, d.timeout, d.points_total, d.points_json, t.name, d.choice_text "
        "FROM decisions d "
        "JOIN attempts a ON a.id = d.attempt_id JOIN trainees t ON t.id = a.trainee_id" +
        w.sql + (filter.newestFirst ? " ORDER BY d.attempt_id DESC, d.seq" : " ORDER BY d.attempt_id, d.seq");
    sqlite::Stmt s(db_, sql);
    w.bind(s);
    StoredDecision d;
    while (s.step()) {
        d.attemptId = s.i64(0);
        d.attemptUuid = s.str(1);
        d.traineeKey = s.str(2);
        d.scenarioId = s.str(3);
        d.seq = s.i32(4);
        d.nodeId = s.str(5);
        d.choiceIndex = s.i32(6);
        d.choiceId = s.str(7);
        d.elapsedMs = s.i64(8);
        d.timeout = s.i32(9) != 0;
        d.pointsTotal = s.i32(10);
        d.points.clear();
        const auto j = nlohmann::json::parse(s.text(11), nullptr, false);
        if (j.is_object())
            for (const auto& [k, v] : j.items())
                if (v.is_number_integer()) d.points[k] = v.get<int>();
        d.traineeName = s.str(12);
        d.choiceText = {s.str(13), std::string()};
        texts_->resolve(d.choiceText);
        visit(d);
    }
}

std::int64_t ResultsStore::countAttempts(const AttemptFilter& filter) const {
    Where w(filter);
    sqlite::Stmt s(db_, std::string("SELECT count(*)") + kFrom + w.sql);
    w.bind(s);
    return s.step() ? s.i64(0) : 0;
}

std::vector<std::string> ResultsStore::principleIds(const AttemptFilter& filter) const {
    Where w(filter);
    const std::string sql =
        w.sql.empty() ? "SELECT DISTINCT principle_id FROM principle_scores ORDER BY 1"
                      : std::string("SELECT DISTINCT ps.principle_id FROM principle_scores ps JOIN "
                                    "attempts a ON a.id = ps.attempt_id JOIN trainees t ON t.id = "
                                    "a.trainee_id") +
                            w.sql + " ORDER BY 1";
    sqlite::Stmt s(db_, sql);
    w.bind(s);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.str(0));
    return out;
}

namespace {

constexpr const char* kDecisionColumns =
    "d.node_id, d.choice_index, d.choice_id, d.elapsed_ms, d.timeout, d.points_json, "
    "d.choice_text, d.feedback, d.tags_json";

/// The attempt columns of a full read (kSummaryColumns, scorecard_json, shuffle_seed): the
/// summary, the parsed scorecard and the transcript's head. Throws StoreError.
StoredAttempt readFullHead(const sqlite::Stmt& s) {
    StoredAttempt out;
    out.summary = readSummary(s);
    try {
        out.scorecard = nlohmann::json::parse(s.text(kSummaryColumnCount)).get<Scorecard>();
    } catch (const std::exception& e) {
        throw StoreError("attempt " + std::to_string(out.summary.id) +
                         " has an unreadable scorecard: " + e.what());
    }
    out.transcript.scenarioId = out.summary.scenarioId;
    out.transcript.contentHash = out.summary.contentHash;
    if (!s.isNull(kSummaryColumnCount + 1))
        out.transcript.shuffleSeed = static_cast<std::uint64_t>(s.i64(kSummaryColumnCount + 1));
    return out;
}

/// One decisions row (kDecisionColumns from column `c`): the transcript's step, and when the
/// scorecard JSON keeps no decision records (`rebuild`), the record too.
void addDecision(StoredAttempt& out, const sqlite::Stmt& d, int c, bool rebuild) {
    out.transcript.decisions.push_back({d.str(c), d.i32(c + 1), d.str(c + 2), d.i64(c + 3)});
    if (!rebuild) return;
    DecisionRecord r;
    r.nodeId = d.str(c);
    r.choiceIndex = d.i32(c + 1);
    r.choiceId = d.str(c + 2);
    r.elapsedMs = d.i64(c + 3);
    r.timeout = d.i32(c + 4) != 0;
    r.choiceText.ko = d.str(c + 6);
    r.feedback.ko = d.str(c + 7);
    const auto points = nlohmann::json::parse(d.text(c + 5), nullptr, false);
    if (points.is_object())
        for (const auto& [k, v] : points.items())
            if (v.is_number_integer()) r.points[k] = v.get<int>();
    const auto tags = nlohmann::json::parse(d.text(c + 8), nullptr, false);
    if (tags.is_array())
        for (const auto& t : tags)
            if (t.is_string()) r.tags.push_back(t.get<std::string>());
    out.scorecard.decisions.push_back(std::move(r));
}

}  // namespace

void ResultsStore::finishFull(StoredAttempt& out) const {
    texts_->resolve(out.scorecard);
    if (out.scorecard.principles.empty()) {
        sqlite::Stmt p(db_,
                       "SELECT principle_id, earned, achievable, worst FROM principle_scores "
                       "WHERE attempt_id = ? ORDER BY principle_id");
        p.bind(1, out.summary.id);
        while (p.step()) out.scorecard.principles.push_back({p.str(0), p.i32(1), p.i32(2), p.i32(3)});
    }
}

std::optional<StoredAttempt> ResultsStore::loadFull(const char* column, std::int64_t id,
                                                   const std::string* uuid) const {
    sqlite::Stmt s(db_, std::string("SELECT ") + kSummaryColumns +
                            ", r.scorecard_json, a.shuffle_seed" + kFrom +
                            " JOIN attempt_records r ON r.attempt_id = a.id WHERE a." + column +
                            " = ?");
    if (uuid)
        s.bind(1, *uuid);
    else
        s.bind(1, id);
    if (!s.step()) return std::nullopt;
    StoredAttempt out = readFullHead(s);
    // The transcript (and, when not kept in the JSON, the scorecard's decision records) is the
    // decisions table in step order.
    const bool rebuild = out.scorecard.decisions.empty();
    sqlite::Stmt d(db_, std::string("SELECT ") + kDecisionColumns +
                            " FROM decisions d WHERE d.attempt_id = ? ORDER BY d.seq");
    d.bind(1, out.summary.id);
    while (d.step()) addDecision(out, d, 0, rebuild);
    finishFull(out);
    return out;
}

void ResultsStore::forEachStoredAttempt(
    const AttemptFilter& filter,
    const std::function<void(const AttemptSummary&, StoredAttempt*, const std::string&)>& visit)
    const {
    Where w(filter);
    const std::string desc = filter.newestFirst ? " DESC" : "";
    sqlite::Stmt s(db_, std::string("SELECT ") + kSummaryColumns +
                            ", r.scorecard_json, a.shuffle_seed" + kFrom +
                            " JOIN attempt_records r ON r.attempt_id = a.id" + w.sql + w.order());
    w.bind(s);
    // The decisions of the same attempts in the same order: a merge join over two sequential
    // scans (the decisions' primary key is (attempt_id, seq)).
    sqlite::Stmt d(db_, std::string("SELECT d.attempt_id, ") + kDecisionColumns +
                            " FROM decisions d" +
                            (w.sql.empty() ? std::string()
                                           : std::string(" JOIN attempts a ON a.id = d.attempt_id "
                                                         "JOIN trainees t ON t.id = a.trainee_id") +
                                                 w.sql) +
                            " ORDER BY d.attempt_id" + desc + ", d.seq");
    w.bind(d);
    bool pending = d.step();
    while (s.step()) {
        const AttemptSummary summary = readSummary(s);
        auto before = [&](std::int64_t id) {
            return filter.newestFirst ? id > summary.id : id < summary.id;
        };
        while (pending && before(d.i64(0))) pending = d.step();
        std::optional<StoredAttempt> full;
        std::string error;
        try {
            full = readFullHead(s);
            const bool rebuild = full->scorecard.decisions.empty();
            while (pending && d.i64(0) == summary.id) {
                addDecision(*full, d, 1, rebuild);
                pending = d.step();
            }
            finishFull(*full);
        } catch (const StoreError& e) {
            full.reset();
            error = e.what();
            while (pending && d.i64(0) == summary.id) pending = d.step();
        }
        visit(summary, full ? &*full : nullptr, error);
    }
}

std::optional<StoredAttempt> ResultsStore::getAttempt(std::int64_t id) const {
    return loadFull("id", id, nullptr);
}

std::optional<StoredAttempt> ResultsStore::getAttemptByUuid(const std::string& uuid) const {
    return loadFull("uuid", 0, &uuid);
}

std::vector<Trainee> ResultsStore::trainees() const {
    sqlite::Stmt s(db_, "SELECT id, key, name, email FROM trainees ORDER BY name, key");
    std::vector<Trainee> out;
    while (s.step()) out.push_back({s.i64(0), s.str(1), s.str(2), s.str(3)});
    return out;
}

std::optional<Trainee> ResultsStore::findTrainee(const std::string& key) const {
    sqlite::Stmt s(db_, "SELECT id, key, name, email FROM trainees WHERE key = ?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return Trainee{s.i64(0), s.str(1), s.str(2), s.str(3)};
}

std::vector<ScenarioProgress> ResultsStore::traineeProgress(const std::string& traineeKey) const {
    sqlite::Stmt s(db_,
                   "SELECT a.scenario_id, a.scenario_title_ko, a.scenario_title_en, count(*), "
                   "max(a.percent), max(a.passed), max(a.finished), max(a.ended_at), max(a.id)"
                   " FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE t.key = ? "
                   "GROUP BY a.scenario_id ORDER BY a.scenario_id");
    s.bind(1, traineeKey);
    std::vector<ScenarioProgress> out;
    while (s.step()) {
        ScenarioProgress p;
        p.scenarioId = s.str(0);
        p.title = {s.str(1), s.str(2)};
        p.attempts = s.i32(3);
        p.bestPercent = s.i32(4);
        p.passed = s.i32(5) != 0;
        p.completed = s.i32(6) != 0;
        p.lastAtMs = s.i64(7);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<PrincipleTotal> ResultsStore::principleTotals(const std::string& traineeKey) const {
    std::string sql =
        "SELECT ps.principle_id, sum(ps.earned), sum(ps.achievable), count(*) FROM "
        "principle_scores ps";
    if (!traineeKey.empty())
        sql += " JOIN attempts a ON a.id = ps.attempt_id JOIN trainees t ON t.id = a.trainee_id "
               "WHERE t.key = ?";
    sql += " GROUP BY ps.principle_id";
    sqlite::Stmt s(db_, sql);
    if (!traineeKey.empty()) s.bind(1, traineeKey);
    std::vector<PrincipleTotal> out;
    while (s.step()) out.push_back({s.str(0), s.i64(1), s.i64(2), s.i32(3)});
    std::stable_sort(out.begin(), out.end(), [](const PrincipleTotal& x, const PrincipleTotal& y) {
        if (x.ratio() != y.ratio()) return x.ratio() < y.ratio();
        return x.principleId < y.principleId;
    });
    return out;
}

std::vector<GroupSummary> ResultsStore::summarize(GroupBy by, const AttemptFilter& filter) const {
    Where w(filter);
    std::string key, label, labelKo, earned = "a.earned_total", achievable = "a.best_total";
    std::string from = kFrom;
    switch (by) {
        case GroupBy::Trainee: key = "t.key"; label = labelKo = "max(t.name)"; break;
        case GroupBy::Scenario:
            key = "a.scenario_id";
            label = "max(a.scenario_title_en)";
            labelKo = "max(a.scenario_title_ko)";
            break;
        case GroupBy::Principle:
            key = "ps.principle_id";
            label = labelKo = key;
            earned = "ps.earned";
            achievable = "ps.achievable";
            from = " FROM principle_scores ps JOIN attempts a ON a.id = ps.attempt_id JOIN "
                   "trainees t ON t.id = a.trainee_id";
            break;
        case GroupBy::Day:
            key = "strftime('%Y-%m-%d', a.ended_at / 1000, 'unixepoch')";
            label = labelKo = key;
            break;
        case GroupBy::Month:
            key = "strftime('%Y-%m', a.ended_at / 1000, 'unixepoch')";
            label = labelKo = key;
            break;
    }
    const std::string sql = "SELECT " + key + ", " + label + ", " + labelKo +
                            ", count(*), total(a.passed), avg(a.percent), total(" + earned +
                            "), total(" + achievable + "), min(a.ended_at), max(a.ended_at)" +
                            from + w.sql + " GROUP BY 1 ORDER BY 1";
    sqlite::Stmt s(db_, sql);
    w.bind(s);
    std::vector<GroupSummary> out;
    while (s.step()) {
        GroupSummary g;
        g.key = s.str(0);
        g.label = s.str(1);
        g.labelKo = s.str(2);
        g.attempts = s.i32(3);
        g.passed = static_cast<int>(s.f64(4));
        g.meanPercent = s.f64(5);
        g.earned = static_cast<std::int64_t>(s.f64(6));
        g.achievable = static_cast<std::int64_t>(s.f64(7));
        g.firstAtMs = s.i64(8);
        g.lastAtMs = s.i64(9);
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<std::int64_t> ResultsStore::unsentAttempts(const std::string& endpoint,
                                                       const AttemptFilter& filter) const {
    Where w(filter);
    std::string sql = std::string("SELECT a.id") + kFrom + w.sql;
    sql += w.sql.empty() ? " WHERE" : " AND";
    sql += " NOT EXISTS (SELECT 1 FROM sync_sent s WHERE s.endpoint = :endpoint AND "
           "s.attempt_id = a.id) ORDER BY a.id";
    sqlite::Stmt s(db_, sql);
    w.bind(s);
    s.bind(sqlite3_bind_parameter_index(s.raw(), ":endpoint"), endpoint);
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.i64(0));
    return out;
}

std::int64_t ResultsStore::sentCount(const std::string& endpoint) const {
    sqlite::Stmt s(db_, "SELECT count(*) FROM sync_sent WHERE endpoint = ?");
    s.bind(1, endpoint);
    return s.step() ? s.i64(0) : 0;
}

}  // namespace counterplay::core
