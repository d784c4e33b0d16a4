// The WHERE clause of an AttemptFilter (private to the results code), shared by the queries
// that read attempts (StoreQuery.cpp) and the seal memo scan (StoreMemo.cpp).
#pragma once

#include <string>
#include <vector>

#include "counterplay/core/ResultsStore.h"
#include "results/Sqlite.h"

namespace counterplay::core {

/// " WHERE ..." over attempts a JOIN trainees t, with its binds applied by bind().
struct Where {
    std::string sql;
    const AttemptFilter& f;

    explicit Where(const AttemptFilter& filter) : f(filter) {
        std::vector<std::string> parts;
        if (f.attemptId) parts.push_back("a.id = :id");
        if (f.attemptIds) parts.push_back("a.id IN (SELECT value FROM json_each(:ids))");
        if (!f.traineeKey.empty()) parts.push_back("t.key = :trainee");
        if (!f.scenarioId.empty()) parts.push_back("a.scenario_id = :scenario");
        if (f.sinceMs) parts.push_back("a.ended_at >= :since");
        if (f.untilMs) parts.push_back("a.ended_at < :until");
        for (std::size_t i = 0; i < parts.size(); ++i) sql += (i ? " AND " : " WHERE ") + parts[i];
    }
    void bind(sqlite::Stmt& s) const {
        auto at = [&](const char* name) { return sqlite3_bind_parameter_index(s.raw(), name); };
        if (f.attemptId) s.bind(at(":id"), *f.attemptId);
        if (f.attemptIds) {
            std::string ids = "[";
            for (std::size_t i = 0; i < f.attemptIds->size(); ++i)
                ids += (i ? "," : "") + std::to_string((*f.attemptIds)[i]);
            s.bind(at(":ids"), ids + "]");
        }
        if (!f.traineeKey.empty()) s.bind(at(":trainee"), f.traineeKey);
        if (!f.scenarioId.empty()) s.bind(at(":scenario"), f.scenarioId);
        if (f.sinceMs) s.bind(at(":since"), *f.sinceMs);
        if (f.untilMs) s.bind(at(":until"), *f.untilMs);
    }
    std::string order() const {
        std::string o = f.newestFirst ? " ORDER BY a.id DESC" : " ORDER BY a.id";
        if (f.limit) o += " LIMIT " + std::to_string(f.limit);
        return o;
    }
};

inline constexpr const char* kFrom = " FROM attempts a JOIN trainees t ON t.id = a.trainee_id";

}  // namespace counterplay::core
