// Finished attempts that could not be stored (the database was damaged, foreign, newer or
// unwritable) are kept as files in the data folder's pending/ and stored the next time a good
// database is opened for writing, so a finished attempt is never lost.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

/// dataDir()/pending (not created).
std::string pendingDir();

/// Writes `attempt` (given a uuid when it has none) atomically as pendingDir()/<uuid>.json.
/// Returns the file's path, or "" and `error` when even that is impossible.
std::string savePendingAttempt(NewAttempt attempt, std::string& error);

/// Reads a pending file back; false and `error` when it is not one.
bool loadPendingAttempt(const std::string& path, NewAttempt& out, std::string& error);

/// The outcome of storePendingAttempts.
struct PendingResult {
    std::vector<std::int64_t> stored;  ///< ids of the attempts stored now
    int alreadyStored = 0;             ///< files whose uuid the store already had (removed)
    std::vector<std::string> failed;   ///< "file: reason" for files left in place
};

/// Stores every pending attempt into `store` (each in its own transaction, skipping a uuid the
/// store already has) and removes each file once its attempt is safely stored. A file that
/// cannot be read or stored stays where it is.
PendingResult storePendingAttempts(ResultsStore& store);

}  // namespace counterplay::core
