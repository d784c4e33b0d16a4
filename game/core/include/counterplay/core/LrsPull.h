// Pulling every Counterplay attempt stored in the company's LRS into the local results database
// (`counterplay sync --pull`, the dashboard), so that reports cover every machine. xAPI 1.0.3:
// GET /statements filtered to our category activity (activity + related_activities), ascending
// by stored time from a saved checkpoint, following `more` to the end. The LRS filters `since`
// on stored time and promises little about consistency, so each pull re-reads an overlapping
// window and de-duplicates (statement ids, attempt uuids). Each attempt is rebuilt from the copy
// of the whole sealed attempt that its "completed" statement carries, and voiding statements
// remove attempts pulled earlier. Attempts and the checkpoint are stored in one transaction per
// page, so a pull killed at any moment and run again loses and duplicates nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "counterplay/core/Keyring.h"
#include "counterplay/core/LrsClient.h"
#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Xapi.h"

namespace counterplay::core {

struct PullProgress {
    std::int64_t pages = 0;       ///< pages read so far (both queries)
    std::int64_t statements = 0;  ///< statements read so far
    std::int64_t added = 0;       ///< attempts stored so far
    std::string stage;            ///< "attempts" or "voids"
};

struct PullOptions {
    XapiOptions xapi;
    int pageSize = 200;               ///< `limit` of each GET
    std::int64_t overlapMs = 120000;  ///< re-read this much before the checkpoint
    bool full = false;                ///< ignore the checkpoint: read everything again
    std::function<void(const PullProgress&)> progress;  ///< after each page
};

struct PullResult {
    bool ok = true;
    std::string message;      ///< the failure, when !ok
    bool clientError = false;
    PullProgress totals;
    std::int64_t known = 0;    ///< attempts already stored (ours, or pulled before)
    std::int64_t removed = 0;  ///< pulled attempts removed because the LRS voided them
    std::int64_t refused = 0;  ///< attempts not stored: altered, or sealed by an untrusted key
    std::vector<std::string> refusals;  ///< why, one line per refused attempt (first 20)
    std::string checkpoint;    ///< the stored time read up to
};

/// Meta key under which the checkpoint of `endpoint` and `stage` is kept.
std::string pullCheckpointKey(const std::string& endpoint, const std::string& stage);

/// Pulls (see above). `trust` decides which origins' seals are accepted: an attempt sealed by
/// an unknown key is refused (counted, with a message naming its store and key).
PullResult pullFromLrs(ResultsStore& store, LrsClient& client, const Trust& trust,
                       const PullOptions& options);

}  // namespace counterplay::core
