// The roster table (see Roster.h).
#include "counterplay/core/Roster.h"

#include "counterplay/core/Coaching.h"
#include "results/CoachingText.h"
#include "results/Sqlite.h"

namespace counterplay::core {
namespace {
constexpr std::size_t kMaxChars = 200;
}

std::vector<RosterEntry> roster(const ResultsStore& store) {
    sqlite::Stmt s(store.handle(),
                   "SELECT name, employee_id, store FROM roster ORDER BY name, employee_id");
    std::vector<RosterEntry> out;
    while (s.step()) out.push_back({s.str(0), s.str(1), s.str(2)});
    return out;
}

void upsertRosterEntry(ResultsStore& store, const RosterEntry& entry) {
    const std::string name = coaching::checkedText(entry.name, "the name", kMaxChars);
    const std::string id = coaching::checkedText(entry.employeeId, "the employee id", kMaxChars);
    const std::string shop = coaching::checkedText(entry.store, "the store", kMaxChars, false, true);
    sqlite3* db = store.handle();
    sqlite::WriteTransaction tx(db);
    sqlite::Stmt s(db,
                   "INSERT INTO roster(employee_id, name, store, updated_at) VALUES(?,?,?,?) "
                   "ON CONFLICT(employee_id) DO UPDATE SET name = excluded.name, "
                   "store = excluded.store, updated_at = excluded.updated_at");
    s.bind(1, id).bind(2, name).bind(3, shop).bind(4, nowEpochMs()).run();
    tx.commit();
}

bool removeRosterEntry(ResultsStore& store, const std::string& employeeId) {
    sqlite3* db = store.handle();
    sqlite::WriteTransaction tx(db);
    sqlite::Stmt s(db, "DELETE FROM roster WHERE employee_id = ?");
    s.bind(1, coaching::trim(employeeId)).run();
    const bool removed = sqlite3_changes(db) > 0;
    tx.commit();
    return removed;
}

std::optional<RosterEntry> findRosterEntry(const ResultsStore& store,
                                           const std::string& employeeId) {
    sqlite::Stmt s(store.handle(), "SELECT name, employee_id, store FROM roster WHERE employee_id = ?");
    s.bind(1, coaching::trim(employeeId));
    if (!s.step()) return std::nullopt;
    return RosterEntry{s.str(0), s.str(1), s.str(2)};
}

}  // namespace counterplay::core
