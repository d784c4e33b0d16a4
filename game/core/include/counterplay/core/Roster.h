// The roster: the trainees a manager has added (name, employee id, store). The title screen
// offers them as a pick list so a typo no longer splits one person into two trainee keys; the
// employee id is the trainee key their attempts are recorded under. Stored in the results
// database (schema 4, table `roster`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

struct RosterEntry {
    std::string name;
    std::string employeeId;  ///< the trainee key
    std::string store;       ///< optional (shop or branch)
};

/// Every roster entry, by name (then employee id).
std::vector<RosterEntry> roster(const ResultsStore& store);

/// Adds the entry or updates the one with the same employee id. Name, id and store are
/// trimmed; an empty name or id throws CoachingError (Coaching.h), a database failure
/// StoreError.
void upsertRosterEntry(ResultsStore& store, const RosterEntry& entry);

/// Removes the entry with that employee id (trimmed); false when there is none. Attempts,
/// notes and sign-offs recorded under that key stay.
bool removeRosterEntry(ResultsStore& store, const std::string& employeeId);

/// The entry with that employee id, if any.
std::optional<RosterEntry> findRosterEntry(const ResultsStore& store, const std::string& employeeId);

}  // namespace counterplay::core
