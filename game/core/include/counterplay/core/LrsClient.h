// Sending xAPI statements to a Learning Record Store (libcurl): batches with
// X-Experience-API-Version 1.0.3 and basic auth, retries with backoff on network errors, 5xx and
// 429 (waiting as long as Retry-After asks),
// a clear stop on other 4xx, and a record in the results database of what was sent.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Xapi.h"

namespace counterplay::core {

struct LrsConfig {
    std::string endpoint;  ///< the LRS's xAPI base (".../xAPI") or its statements resource
    std::string key;       ///< basic auth user (the LRS client key)
    std::string secret;    ///< basic auth password
    int maxRetries = 5;            ///< extra tries after a network error or 5xx
    int initialBackoffMs = 500;    ///< doubled after each failed try
    long timeoutSeconds = 60;
};

/// "<endpoint>/statements" unless the endpoint already names the statements resource; no
/// trailing slash. Also the key under which sent attempts are recorded.
std::string statementsUrl(const std::string& endpoint);

/// The longest wait a Retry-After header can ask for (2 minutes).
inline constexpr int kMaxRetryAfterMs = 120000;

/// A Retry-After header's wait in ms (delay-seconds or an HTTP date, taken against `nowMs`),
/// capped at kMaxRetryAfterMs; -1 when `value` is empty or unreadable.
int retryAfterMs(const std::string& value, std::int64_t nowMs);

struct PostResult {
    bool ok = false;
    long status = 0;        ///< last HTTP status (0 = no response)
    int tries = 0;
    bool clientError = false;  ///< 4xx: retrying will not help
    std::string message;       ///< what happened, for a person
};

class LrsClient {
public:
    /// An HTTP answer: the whole body of a GET, the start of an error body otherwise.
    struct Response {
        bool ok = false;
        long status = 0;
        int tries = 0;
        bool clientError = false;
        std::string message;
        std::string body;
        std::string consistentThrough;  ///< X-Experience-API-Consistent-Through, if sent
    };

    explicit LrsClient(LrsConfig config);
    ~LrsClient();
    LrsClient(const LrsClient&) = delete;
    LrsClient& operator=(const LrsClient&) = delete;
    /// POSTs a JSON array of statements. Retries network errors and 5xx with backoff; a 4xx
    /// stops at once with the LRS's answer in the message.
    PostResult postStatements(const nlohmann::json& statements);
    /// GETs `url` (absolute; see resolve()) with the same retries.
    Response get(const std::string& url);
    /// An LRS "more" address (relative to the endpoint's origin, or absolute) as a URL.
    std::string resolve(const std::string& more) const;
    /// Called before each retry with the reason and the wait (for progress lines).
    void onRetry(std::function<void(const std::string& why, int waitMs)> notice) {
        retryNotice_ = std::move(notice);
    }
    const std::string& url() const { return url_; }

private:
    Response send(const std::string& url, const std::string* payload, std::size_t maxBody);

    LrsConfig config_;
    std::string url_;
    void* curl_ = nullptr;  ///< one libcurl handle for every request: its connection is reused
    std::function<void(const std::string&, int)> retryNotice_;
};

struct SyncOptions {
    XapiOptions xapi;
    AttemptFilter filter;
    int batchStatements = 200;  ///< statements per POST (whole attempts are never split)
    bool dryRun = false;        ///< count what would be sent, send nothing
    /// Attempts never to send (those found altered, see Integrity.h).
    std::set<std::int64_t> skipAttempts;
    /// Called after each batch: attempts and statements sent so far.
    std::function<void(std::int64_t attempts, std::int64_t statements)> progress;
};

struct SyncResult {
    bool ok = true;
    std::int64_t attemptsSent = 0;
    std::int64_t statementsSent = 0;
    std::int64_t attemptsPending = 0;  ///< unsent attempts found at the start
    std::int64_t signOffsSent = 0;     ///< sign-off statements sent (Coaching.h)
    std::int64_t signOffsVoided = 0;   ///< voiding statements sent for revoked sign-offs
    std::string message;               ///< the failure, when !ok
    bool clientError = false;          ///< the LRS refused (4xx)
};

/// Sends every attempt not yet recorded as sent to the client's LRS, in batches, recording each
/// batch in the database once the LRS accepted it. A second run sends nothing new. Statement ids
/// are deterministic, so a batch re-sent after a crash is not duplicated by the LRS.
/// Then the managers' sign-offs not yet sent (the filter's trainee only, when it names one;
/// none when it names an attempt or a scenario), and voiding statements for the revoked ones
/// that were sent, each recorded in the database like the attempts.
SyncResult syncToLrs(ResultsStore& store, LrsClient& client, const SyncOptions& options);

struct LrsSettings;

/// Sends one stored attempt to the saved LRS at once (the "send after each attempt" setting):
/// one quick try with a short timeout, since a person is waiting; an attempt that could not be
/// sent now is sent by the next `sync`, which skips the ones already sent.
SyncResult sendAttemptNow(ResultsStore& store, std::int64_t attemptId,
                          const LrsSettings& settings);

}  // namespace counterplay::core
