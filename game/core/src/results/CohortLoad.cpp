// Cohort::load and Cohort::select (see Dashboard.h): three sequential scans in one read
// transaction (so they see the same snapshot), strings interned into small tables.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "counterplay/core/Dashboard.h"
#include "results/Sqlite.h"

namespace counterplay::core {
namespace {

/// Transparent string hashing, so lookups by string_view allocate nothing.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// Interns strings into a vector, returning stable indices. Lookups by view: a cohort load
/// interns about 900,000 strings for 100,000 attempts, nearly all of them already known.
class Interner {
public:
    explicit Interner(std::vector<std::string>& out) : out_(out) {}
    int get(std::string_view s) {
        if (auto it = index_.find(s); it != index_.end()) return it->second;
        const int id = static_cast<int>(out_.size());
        out_.emplace_back(s);
        index_.emplace(std::string(s), id);
        return id;
    }

private:
    std::vector<std::string>& out_;
    std::unordered_map<std::string, int, ViewHash, std::equal_to<>> index_;
};

/// Finds attempts by id while a scan walks them in id order: the attempts are read ordered by
/// id, and principle_scores and decisions are keyed by attempt id, so a cursor that only moves
/// forward finds each one without a hash table.
class AttemptCursor {
public:
    explicit AttemptCursor(std::vector<CohortAttempt>& attempts) : attempts_(attempts) {}
    CohortAttempt* find(std::int64_t id) {
        while (next_ < attempts_.size() && attempts_[next_].id < id) ++next_;
        return next_ < attempts_.size() && attempts_[next_].id == id ? &attempts_[next_] : nullptr;
    }

private:
    std::vector<CohortAttempt>& attempts_;
    std::size_t next_ = 0;
};

bool hasColumn(sqlite3* db, const char* table, const char* column) {
    sqlite::Stmt s(db, std::string("SELECT 1 FROM pragma_table_info('") + table +
                           "') WHERE name = ?");
    s.bind(1, column);
    return s.step();
}

/// Ends the read transaction however load() leaves.
struct ReadTransaction {
    sqlite3* db;
    explicit ReadTransaction(sqlite3* d) : db(d) { sqlite::exec(db, "BEGIN"); }
    ~ReadTransaction() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

Cohort Cohort::load(const ResultsStore& store) {
    sqlite3* db = store.handle();
    Cohort c;
    try {
        ReadTransaction tx(db);
        c.hasOrigin_ = hasColumn(db, "attempts", "origin_store");
        const bool hasMachine = hasColumn(db, "attempts", "origin_machine");
        std::unordered_map<std::int64_t, int> traineeIndex;
        {
            sqlite::Stmt s(db, "SELECT id, key, name FROM trainees ORDER BY id");
            while (s.step()) {
                traineeIndex[s.i64(0)] = static_cast<int>(c.trainees_.size());
                c.trainees_.push_back({s.str(1), s.str(2)});
            }
        }
        std::unordered_map<std::string, int, ViewHash, std::equal_to<>> scenarioIndex;
        {
            std::string sql =
                "SELECT id, trainee_id, scenario_id, scenario_title_ko, scenario_title_en, "
                "ended_at, percent, passed, finished";
            sql += c.hasOrigin_ ? ", origin_store" : ", ''";
            sql += hasMachine ? ", origin_machine" : ", ''";
            sql += " FROM attempts ORDER BY id";
            sqlite::Stmt s(db, sql);
            while (s.step()) {
                CohortAttempt a;
                a.id = s.i64(0);
                a.trainee = traineeIndex.at(s.i64(1));
                const std::string_view sid = s.text(2);
                auto it = scenarioIndex.find(sid);
                if (it == scenarioIndex.end()) {
                    it = scenarioIndex.emplace(std::string(sid), int(c.scenarios_.size())).first;
                    c.scenarios_.push_back({std::string(sid), {s.str(3), s.str(4)}});
                }
                a.scenario = it->second;
                a.endedAtMs = s.i64(5);
                a.percent = s.i32(6);
                a.passed = s.i32(7) != 0;
                a.finished = s.i32(8) != 0;
                if (!s.isNull(9)) a.originStore = s.str(9);
                if (!s.isNull(10)) a.originMachine = s.str(10);
                c.attempts_.push_back(std::move(a));
            }
        }
        {
            // principle_scores is keyed (attempt_id, principle_id): attempt order for free.
            Interner principles(c.principles_);
            sqlite::Stmt s(db,
                           "SELECT attempt_id, principle_id, earned, achievable FROM "
                           "principle_scores ORDER BY attempt_id, principle_id");
            AttemptCursor cursor(c.attempts_);
            std::int64_t current = -1;
            CohortAttempt* a = nullptr;
            while (s.step()) {
                const std::int64_t id = s.i64(0);
                if (id != current) {
                    current = id;
                    a = cursor.find(id);
                    if (a) a->scoreBegin = a->scoreEnd = std::uint32_t(c.scores_.size());
                }
                if (!a) continue;
                c.scores_.push_back({principles.get(s.text(1)), s.i32(2), s.i32(3)});
                a->scoreEnd = std::uint32_t(c.scores_.size());
            }
        }
        {
            Interner nodes(c.nodes_);
            sqlite::Stmt s(db,
                           "SELECT attempt_id, node_id, choice_index, elapsed_ms FROM decisions "
                           "ORDER BY attempt_id, seq");
            AttemptCursor cursor(c.attempts_);
            std::int64_t current = -1;
            CohortAttempt* a = nullptr;
            while (s.step()) {
                const std::int64_t id = s.i64(0);
                if (id != current) {
                    current = id;
                    a = cursor.find(id);
                    if (a) a->decisionBegin = a->decisionEnd = std::uint32_t(c.decisions_.size());
                }
                if (!a) continue;
                c.decisions_.push_back({nodes.get(s.text(1)), s.i32(2),
                                        static_cast<std::int32_t>(s.i64(3))});
                a->decisionEnd = std::uint32_t(c.decisions_.size());
            }
        }
    } catch (const std::runtime_error& e) {
        throw StoreError(std::string("cannot read the cohort from ") + store.path() + ": " +
                         e.what());
    }
    return c;
}

std::vector<std::uint32_t> Cohort::select(const DashboardFilter& f) const {
    std::vector<char> traineeOk(trainees_.size(), 1), scenarioOk(scenarios_.size(), 1);
    if (!f.traineeKeys.empty() || !f.nameSearch.empty()) {
        const std::string needle = lower(f.nameSearch);
        for (std::size_t i = 0; i < trainees_.size(); ++i) {
            const CohortTrainee& t = trainees_[i];
            bool ok = f.traineeKeys.empty() ||
                      std::find(f.traineeKeys.begin(), f.traineeKeys.end(), t.key) !=
                          f.traineeKeys.end();
            if (ok && !needle.empty())
                ok = lower(t.name).find(needle) != std::string::npos ||
                     lower(t.key).find(needle) != std::string::npos;
            traineeOk[i] = ok;
        }
    }
    if (!f.scenarioIds.empty())
        for (std::size_t i = 0; i < scenarios_.size(); ++i)
            scenarioOk[i] = std::find(f.scenarioIds.begin(), f.scenarioIds.end(),
                                      scenarios_[i].id) != f.scenarioIds.end();
    std::vector<std::uint32_t> out;
    out.reserve(attempts_.size());
    for (std::uint32_t i = 0; i < attempts_.size(); ++i) {
        const CohortAttempt& a = attempts_[i];
        if (!traineeOk[a.trainee] || !scenarioOk[a.scenario]) continue;
        if (f.sinceMs && a.endedAtMs < *f.sinceMs) continue;
        if (f.untilMs && a.endedAtMs >= *f.untilMs) continue;
        if (f.outcome == DashboardFilter::Outcome::Passed && !a.passed) continue;
        if (f.outcome == DashboardFilter::Outcome::Failed && a.passed) continue;
        if (!f.originStore.empty() && a.originStore != f.originStore) continue;
        if (!f.originMachine.empty() && a.originMachine != f.originMachine) continue;
        if (!f.excludeAttemptIds.empty() &&
            std::binary_search(f.excludeAttemptIds.begin(), f.excludeAttemptIds.end(), a.id))
            continue;
        out.push_back(i);
    }
    return out;
}

}  // namespace counterplay::core
