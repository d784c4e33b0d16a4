// Cohort::load, Cohort::select and the name search's "did you mean" (see Dashboard.h): trainees,
// then attempts and their principle scores in step, in one read transaction, and the decisions
// on a second connection's thread; strings interned into small tables. For a report, the rows
// are digested as they are read, so its seal check needs no second pass over the store.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <future>
#include <map>
#include <string_view>
#include <unordered_map>

#include "counterplay/core/Dashboard.h"
#include "counterplay/core/Suggest.h"
#include "results/RowsDigest.h"
#include "results/Sqlite.h"
#include "results/StoreWhere.h"

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

namespace {

/// The first column named `name` at or after `from` (-1 when there is none).
int columnIndex(sqlite3_stmt* s, const char* name, int from) {
    for (int i = from; i < sqlite3_column_count(s); ++i)
        if (std::strcmp(sqlite3_column_name(s, i), name) == 0) return i;
    return -1;
}

int requireColumn(sqlite3_stmt* s, const char* name, int from) {
    const int i = columnIndex(s, name, from);
    if (i < 0) throw std::runtime_error(std::string("no column ") + name);
    return i;
}

/// The decisions table read into cohort form (and, on request, each attempt's decisions
/// digest), on whichever connection it is given: a second one lets it run on its own thread.
struct DecisionPart {
    struct Span {
        std::int64_t attemptId = 0;
        std::uint32_t begin = 0, end = 0;
        Digest32 digest{};
    };
    std::vector<std::string> nodes;
    std::vector<CohortDecision> decisions;
    std::vector<Span> spans;  ///< per attempt with decisions, in attempt id order
};

/// The attempt columns the cohort needs (a.id first), for a load without digests.
std::string plainAttemptsSql(sqlite3* db) {
    std::string sql = "SELECT a.id, trainee_id, scenario_id, scenario_title_ko, scenario_title_en, "
                      "ended_at, percent, passed, finished";
    if (hasColumn(db, "attempts", "origin_store")) sql += ", origin_store";
    if (hasColumn(db, "attempts", "origin_machine")) sql += ", origin_machine";
    return sql + " FROM attempts a ORDER BY a.id";
}

DecisionPart readDecisions(sqlite3* db, bool digest) {
    DecisionPart out;
    Interner nodes(out.nodes);
    sqlite::Stmt s(db, digest ? "SELECT x.attempt_id, x.* FROM decisions x ORDER BY x.attempt_id, x.seq"
                              : "SELECT attempt_id, node_id, choice_index, elapsed_ms FROM decisions "
                                "ORDER BY attempt_id, seq");
    const int node = requireColumn(s.raw(), "node_id", 1);
    const int choice = requireColumn(s.raw(), "choice_index", 1);
    const int elapsed = requireColumn(s.raw(), "elapsed_ms", 1);
    rowsdigest::Sha256 sha;
    std::string bytes;
    DecisionPart::Span span;
    bool open = false;
    auto close = [&] {
        if (!open) return;
        span.end = static_cast<std::uint32_t>(out.decisions.size());
        if (digest) span.digest = sha.of(bytes);
        out.spans.push_back(span);
        bytes.clear();
    };
    while (s.step()) {
        const std::int64_t id = s.i64(0);
        if (!open || id != span.attemptId) {
            close();
            span = {};
            span.attemptId = id;
            span.begin = static_cast<std::uint32_t>(out.decisions.size());
            open = true;
        }
        out.decisions.push_back(
            {nodes.get(s.text(node)), s.i32(choice), static_cast<std::int32_t>(s.i64(elapsed))});
        if (digest) {
            bytes += 'D';
            rowsdigest::appendColumns(bytes, s.raw(), 1);
        }
    }
    close();
    return out;
}

}  // namespace

Cohort Cohort::load(const ResultsStore& store, std::vector<AttemptRowsDigest>* digests) {
    sqlite3* db = store.handle();
    const bool digest = digests != nullptr;
    Cohort c;
    try {
        // The decisions, the largest table, on a second connection and thread when one opens.
        // The two connections may see different moments of the store: a pull that commits in
        // between can leave an attempt without its decisions in this view (and a digest that
        // matches no memo, so the seal check does it in full, which is always right).
        const auto twin = store.openTwinReader();
        std::future<DecisionPart> decisionsThere;
        if (twin)
            decisionsThere = std::async(std::launch::async, [db2 = twin->handle(), digest] {
                return readDecisions(db2, digest);
            });
        ReadTransaction tx(db);
        c.hasOrigin_ = hasColumn(db, "attempts", "origin_store");
        {
            // Room for every attempt up front: growing by doubling copied and faulted in the
            // arrays again (100,000 attempts: about a tenth of the load).
            sqlite::Stmt n(db, "SELECT count(*) FROM attempts");
            const auto count = static_cast<std::size_t>(n.step() ? n.i64(0) : 0);
            c.attempts_.reserve(count);
            if (digest) digests->reserve(count);
        }
        std::unordered_map<std::int64_t, int> traineeIndex;
        {
            sqlite::Stmt s(db, "SELECT id, key, name FROM trainees ORDER BY id");
            while (s.step()) {
                traineeIndex[s.i64(0)] = static_cast<int>(c.trainees_.size());
                c.trainees_.push_back({s.str(1), s.str(2)});
            }
        }
        {
            // Attempts and their principle scores in step (both in attempt id order). For a
            // report, every column of the attempt's rows too, digested for its seal memo.
            sqlite::Stmt s(db, digest ? std::string(rowsdigest::kAttemptColumns) + kFrom +
                                            rowsdigest::kAttemptJoins + " ORDER BY a.id"
                                      : plainAttemptsSql(db));
            const int from = digest ? rowsdigest::kDigestFrom + 1 : 1;  // where a.* starts
            const int trainee = requireColumn(s.raw(), "trainee_id", from);
            const int scenario = requireColumn(s.raw(), "scenario_id", from);
            const int titleKo = requireColumn(s.raw(), "scenario_title_ko", from);
            const int titleEn = requireColumn(s.raw(), "scenario_title_en", from);
            const int ended = requireColumn(s.raw(), "ended_at", from);
            const int percent = requireColumn(s.raw(), "percent", from);
            const int passed = requireColumn(s.raw(), "passed", from);
            const int finished = requireColumn(s.raw(), "finished", from);
            const int originStore = columnIndex(s.raw(), "origin_store", from);
            const int originMachine = columnIndex(s.raw(), "origin_machine", from);
            // principle_scores is keyed (attempt_id, principle_id): attempt order for free.
            sqlite::Stmt p(db, digest ? "SELECT x.attempt_id, x.* FROM principle_scores x "
                                        "ORDER BY x.attempt_id, x.principle_id"
                                      : "SELECT attempt_id, principle_id, earned, achievable FROM "
                                        "principle_scores ORDER BY attempt_id, principle_id");
            const int principle = requireColumn(p.raw(), "principle_id", 1);
            const int earned = requireColumn(p.raw(), "earned", 1);
            const int achievable = requireColumn(p.raw(), "achievable", 1);
            Interner principles(c.principles_);
            std::unordered_map<std::string, int, ViewHash, std::equal_to<>> scenarioIndex;
            rowsdigest::Sha256 sha;
            std::string bytes;
            bool pPending = p.step();
            while (s.step()) {
                CohortAttempt a;
                a.id = s.i64(0);
                a.trainee = traineeIndex.at(s.i64(trainee));
                const std::string_view sid = s.text(scenario);
                auto it = scenarioIndex.find(sid);
                if (it == scenarioIndex.end()) {
                    it = scenarioIndex.emplace(std::string(sid), int(c.scenarios_.size())).first;
                    c.scenarios_.push_back({std::string(sid), {s.str(titleKo), s.str(titleEn)}});
                }
                a.scenario = it->second;
                a.endedAtMs = s.i64(ended);
                a.percent = s.i32(percent);
                a.passed = s.i32(passed) != 0;
                a.finished = s.i32(finished) != 0;
                if (originStore >= 0 && !s.isNull(originStore)) a.originStore = s.str(originStore);
                if (originMachine >= 0 && !s.isNull(originMachine))
                    a.originMachine = s.str(originMachine);
                if (digest) {
                    bytes.clear();
                    bytes += 'A';
                    rowsdigest::appendColumns(bytes, s.raw(), rowsdigest::kDigestFrom);
                }
                while (pPending && p.i64(0) < a.id) pPending = p.step();
                a.scoreBegin = a.scoreEnd = std::uint32_t(c.scores_.size());
                while (pPending && p.i64(0) == a.id) {
                    c.scores_.push_back(
                        {principles.get(p.text(principle)), p.i32(earned), p.i32(achievable)});
                    if (digest) {
                        bytes += 'P';
                        rowsdigest::appendColumns(bytes, p.raw(), 1);
                    }
                    pPending = p.step();
                }
                a.scoreEnd = std::uint32_t(c.scores_.size());
                if (digest) {
                    AttemptRowsDigest d;
                    rowsdigest::readHead(s.raw(), d);
                    d.digest = sha.of(bytes);  // its own rows; the decisions are added below
                    digests->push_back(std::move(d));
                }
                c.attempts_.push_back(std::move(a));
            }
        }
        DecisionPart part = twin ? decisionsThere.get() : readDecisions(db, digest);
        c.nodes_ = std::move(part.nodes);
        c.decisions_ = std::move(part.decisions);
        AttemptCursor cursor(c.attempts_);
        rowsdigest::Sha256 sha;
        std::size_t next = 0;  // the next attempt whose digest is not finished
        auto finish = [&](std::size_t upto, const DecisionPart::Span* span) {
            if (!digest) return;
            for (; next < upto; ++next)
                (*digests)[next].digest =
                    rowsdigest::combine(sha, (*digests)[next].digest, rowsdigest::emptyDigest());
            if (span) {
                (*digests)[next].digest = rowsdigest::combine(sha, (*digests)[next].digest, span->digest);
                ++next;
            }
        };
        for (const DecisionPart::Span& span : part.spans) {
            CohortAttempt* a = cursor.find(span.attemptId);
            if (!a) continue;
            a->decisionBegin = span.begin;
            a->decisionEnd = span.end;
            finish(static_cast<std::size_t>(a - c.attempts_.data()), &span);
        }
        finish(c.attempts_.size(), nullptr);
    } catch (const std::runtime_error& e) {
        throw StoreError(std::string("cannot read the cohort from ") + store.path() + ": " +
                         e.what());
    }
    return c;
}

std::string Cohort::suggestTrainee(const std::string& search) const {
    const std::string needle = lower(search);
    if (needle.empty()) return {};
    // The candidates, compared in lower case: every name, key and word of a name.
    std::vector<std::string> lowered;
    std::map<std::string, std::string> written;  // lower case -> as in the data (first seen)
    auto add = [&](std::string_view text) {
        if (text.empty()) return;
        const std::string l = lower(text);
        if (written.emplace(l, std::string(text)).second) lowered.push_back(l);
    };
    for (const CohortTrainee& t : trainees_) {
        if (lower(t.name).find(needle) != std::string::npos ||
            lower(t.key).find(needle) != std::string::npos)
            return {};  // the search finds a trainee: nothing to correct
        add(t.name);
        add(t.key);
        std::string_view rest = t.name;
        while (!rest.empty()) {
            const std::size_t space = rest.find(' ');
            add(rest.substr(0, space));
            if (space == std::string_view::npos) break;
            rest.remove_prefix(space + 1);
        }
    }
    const std::string best = closestMatch(needle, lowered);
    return best.empty() ? std::string() : written.at(best);
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
