// xAPI statements to an LRS over HTTP with libcurl (see LrsClient.h).
#include "counterplay/core/LrsClient.h"

#include "counterplay/core/Coaching.h"
#include "counterplay/core/Roster.h"

#include "counterplay/core/LrsSettings.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <mutex>
#include <thread>

namespace counterplay::core {
namespace {

/// Where a response body goes, and how much of it is kept (error bodies are only quoted).
struct Body {
    std::string* text;
    std::size_t max;
};

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user) {
    auto* body = static_cast<Body*>(user);
    if (body->text->size() < body->max) body->text->append(data, size * n);
    return size * n;
}

/// The response headers kept: X-Experience-API-Consistent-Through and Retry-After.
struct Headers {
    std::string consistentThrough;
    std::string retryAfter;
};

/// The value of header `line` when its name is `name` (lower case, with the colon), else empty.
std::string headerValue(const std::string& line, const std::string& name) {
    if (line.size() <= name.size()) return {};
    std::string head = line.substr(0, name.size());
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (head != name) return {};
    std::string v = line.substr(name.size());
    v.erase(0, v.find_first_not_of(" \t"));
    v.erase(v.find_last_not_of(" \t\r\n") + 1);
    return v;
}

std::size_t collectHeader(char* data, std::size_t size, std::size_t n, void* user) {
    const std::string line(data, size * n);
    auto* h = static_cast<Headers*>(user);
    if (std::string v = headerValue(line, "x-experience-api-consistent-through:"); !v.empty())
        h->consistentThrough = v;
    if (std::string v = headerValue(line, "retry-after:"); !v.empty()) h->retryAfter = v;
    return size * n;
}

} // namespace

int retryAfterMs(const std::string& value, std::int64_t nowMs) {
    if (value.empty()) return -1;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (value.size() > 6) return kMaxRetryAfterMs;
        return static_cast<int>(std::min<std::int64_t>(std::stoll(value) * 1000, kMaxRetryAfterMs));
    }
    // An HTTP date (IMF-fixdate, RFC 9110): "Sun, 06 Nov 1994 08:49:37 GMT".
    const time_t at = curl_getdate(value.c_str(), nullptr);
    if (at < 0) return -1;
    const std::int64_t wait = static_cast<std::int64_t>(at) * 1000 - nowMs;
    return static_cast<int>(std::clamp<std::int64_t>(wait, 0, kMaxRetryAfterMs));
}

namespace {

std::string excerpt(const std::string& body) {
    std::string s = body.substr(0, 400);
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s.empty() ? "(no details)" : s;
}

std::string explain4xx(long status, const std::string& body, bool writing) {
    std::string why;
    switch (status) {
        case 401:
        case 403:
            why = std::string("the LRS refused the credentials; check --key and --secret (and "
                              "that this client may ") +
                  (writing ? "write" : "read") + " statements)";
            break;
        case 400:
            why = writing ? "the LRS rejected the statements as invalid"
                          : "the LRS rejected the query";
            break;
        case 404: why = "there is no xAPI statements resource at this URL; check --lrs"; break;
        case 409:
            why = "statements with these ids already exist with other content (was the base "
                  "IRI changed?)";
            break;
        case 413: why = "the batch is too large for this LRS; use a smaller --batch"; break;
        default: why = "the LRS refused the request"; break;
    }
    return why + " (HTTP " + std::to_string(status) + "): " + excerpt(body);
}

}  // namespace

std::string statementsUrl(const std::string& endpoint) {
    std::string url = endpoint;
    while (!url.empty() && url.back() == '/') url.pop_back();
    const std::string suffix = "/statements";
    if (url.size() < suffix.size() || url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0)
        url += suffix;
    return url;
}

LrsClient::LrsClient(LrsConfig config) : config_(std::move(config)), url_(statementsUrl(config_.endpoint)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

LrsClient::~LrsClient() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

LrsClient::Response LrsClient::send(const std::string& url, const std::string* payload,
                                    std::size_t maxBody) {
    Response r;
    int backoff = config_.initialBackoffMs;
    for (r.tries = 1;; ++r.tries) {
        // One handle for the client's life, reset before each request: libcurl keeps its
        // connection open, so a pull of many pages does not connect once per page.
        if (!curl_) curl_ = curl_easy_init();
        else curl_easy_reset(static_cast<CURL*>(curl_));
        CURL* curl = static_cast<CURL*>(curl_);
        if (!curl) {
            r.message = "cannot start libcurl";
            return r;
        }
        Body body{&r.body, maxBody};
        r.body.clear();
        Headers got;
        char curlError[CURL_ERROR_SIZE] = "";
        curl_slist* headers = nullptr;
        if (payload)
            headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
        headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
        headers = curl_slist_append(headers, "Expect:");
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        if (payload) {
            curl_easy_setopt(curl, CURLOPT_POST, 1L);
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload->data());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(payload->size()));
        } else {
            curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        }
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, config_.key.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.secret.c_str());
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collectHeader);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &got);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curlError);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, config_.timeoutSeconds);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, "counterplay/" COUNTERPLAY_VERSION);
        const CURLcode rc = curl_easy_perform(curl);
        long status = 0;
        if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        // The handle outlives this try: it must not point at this try's locals.
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
        curl_slist_free_all(headers);
        r.status = status;
        r.consistentThrough = got.consistentThrough;
        if (rc == CURLE_OK && status >= 200 && status < 300) {
            r.ok = true;
            r.message = "HTTP " + std::to_string(status);
            return r;
        }
        if (rc == CURLE_OK && status >= 400 && status < 500 && status != 429) {
            r.clientError = true;
            r.message = explain4xx(status, r.body, payload != nullptr);
            return r;
        }
        r.message = rc != CURLE_OK
                        ? std::string("network error: ") + (*curlError ? curlError : curl_easy_strerror(rc))
                        : "the LRS failed (HTTP " + std::to_string(status) + "): " + excerpt(r.body);
        if (r.tries > config_.maxRetries) {
            r.message += " (gave up after " + std::to_string(r.tries) + " tries)";
            return r;
        }
        // An LRS that says when to come back (Retry-After, on 503 or 429) is believed, up to
        // kMaxRetryAfterMs; otherwise the wait doubles each time.
        int wait = backoff;
        if (const int asked = retryAfterMs(got.retryAfter, nowEpochMs()); asked >= 0) wait = asked;
        if (retryNotice_) retryNotice_(r.message, wait);
        std::this_thread::sleep_for(std::chrono::milliseconds(wait));
        backoff = std::min(backoff * 2, 30000);
    }
}

PostResult LrsClient::postStatements(const nlohmann::json& statements) {
    // ASCII only (non-ASCII as \uXXXX escapes): the same statements, and an LRS that joins the
    // request body's chunks as text (Learning Locker's statements service does) can no longer
    // split a UTF-8 character at a chunk boundary and store U+FFFD in a trainee's words.
    const std::string payload =
        statements.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
    const Response r = send(url_, &payload, 64 * 1024);
    PostResult p;
    p.ok = r.ok;
    p.status = r.status;
    p.tries = r.tries;
    p.clientError = r.clientError;
    p.message = r.message;
    return p;
}

LrsClient::Response LrsClient::get(const std::string& url) {
    return send(url, nullptr, std::string::npos);
}

std::string LrsClient::resolve(const std::string& more) const {
    if (more.rfind("http://", 0) == 0 || more.rfind("https://", 0) == 0) return more;
    // A relative "more" address is resolved against the endpoint's origin (scheme://host:port).
    const std::size_t scheme = url_.find("://");
    const std::size_t slash = scheme == std::string::npos ? std::string::npos
                                                          : url_.find('/', scheme + 3);
    const std::string origin = slash == std::string::npos ? url_ : url_.substr(0, slash);
    return origin + (more.empty() || more[0] != '/' ? "/" : "") + more;
}

namespace {

/// Sends the sign-offs not yet at the LRS, then the voiding statements of revoked ones (a
/// voiding statement must come after the statement it voids, so they are separate POSTs).
void syncSignOffs(ResultsStore& store, LrsClient& client, const SyncOptions& options,
                  SyncResult& result) {
    UnsentSignOffs unsent = unsentSignOffs(store, client.url());
    const std::string only = options.filter.traineeKey;
    auto other = [&](const SignOff& o) { return !only.empty() && o.traineeKey != only; };
    std::erase_if(unsent.toSend, other);
    std::erase_if(unsent.toVoid, other);
    auto post = [&](const std::vector<SignOff>& list, bool voiding) -> bool {
        const std::size_t step = static_cast<std::size_t>(std::max(1, options.batchStatements));
        for (std::size_t from = 0; from < list.size(); from += step) {
            nlohmann::json batch = nlohmann::json::array();
            std::vector<std::int64_t> ids;
            for (std::size_t i = from; i < std::min(list.size(), from + step); ++i) {
                const SignOff& o = list[i];
                if (voiding) {
                    batch.push_back(xapiSignOffVoiding(o, options.xapi));
                } else {
                    Trainee t;
                    if (auto known = store.findTrainee(o.traineeKey)) t = *known;
                    else if (auto entry = findRosterEntry(store, o.traineeKey)) t.name = entry->name;
                    t.key = o.traineeKey;
                    batch.push_back(xapiSignOffStatement(o, t, options.xapi));
                }
                ids.push_back(o.id);
            }
            if (!options.dryRun) {
                const PostResult sent = client.postStatements(batch);
                if (!sent.ok) {
                    result.ok = false;
                    result.clientError = sent.clientError;
                    result.message = sent.message;
                    return false;
                }
                markSignOffsSent(store, client.url(), ids, voiding, nowEpochMs());
            }
            (voiding ? result.signOffsVoided : result.signOffsSent) +=
                static_cast<std::int64_t>(ids.size());
            result.statementsSent += static_cast<std::int64_t>(batch.size());
        }
        return true;
    };
    if (post(unsent.toSend, false)) post(unsent.toVoid, true);
}

}  // namespace

SyncResult syncToLrs(ResultsStore& store, LrsClient& client, const SyncOptions& options) {
    SyncResult result;
    std::vector<std::int64_t> pending = store.unsentAttempts(client.url(), options.filter);
    std::erase_if(pending, [&](std::int64_t id) { return options.skipAttempts.count(id) != 0; });
    result.attemptsPending = static_cast<std::int64_t>(pending.size());
    nlohmann::json batch = nlohmann::json::array();
    std::vector<std::int64_t> batchIds;
    auto flush = [&]() -> bool {
        if (batchIds.empty()) return true;
        if (!options.dryRun) {
            const PostResult post = client.postStatements(batch);
            if (!post.ok) {
                result.ok = false;
                result.clientError = post.clientError;
                result.message = post.message;
                return false;
            }
            store.markSent(client.url(), batchIds, nowEpochMs());
        }
        result.attemptsSent += static_cast<std::int64_t>(batchIds.size());
        result.statementsSent += static_cast<std::int64_t>(batch.size());
        if (options.progress) options.progress(result.attemptsSent, result.statementsSent);
        batch = nlohmann::json::array();
        batchIds.clear();
        return true;
    };
    for (std::int64_t id : pending) {
        const auto attempt = store.getAttempt(id);
        if (!attempt) continue;
        const nlohmann::json statements = xapiStatements(*attempt, options.xapi);
        if (!batch.empty() &&
            batch.size() + statements.size() > static_cast<std::size_t>(options.batchStatements) &&
            !flush())
            return result;
        for (const auto& s : statements) batch.push_back(s);
        batchIds.push_back(id);
    }
    if (!flush()) return result;
    if (!options.filter.attemptId && options.filter.scenarioId.empty())
        syncSignOffs(store, client, options, result);
    return result;
}

SyncResult sendAttemptNow(ResultsStore& store, std::int64_t attemptId,
                          const LrsSettings& settings) {
    LrsConfig config;
    config.endpoint = settings.endpoint;
    config.key = settings.key;
    config.secret = settings.secret;
    config.maxRetries = 1;
    config.initialBackoffMs = 500;
    config.timeoutSeconds = 15;
    LrsClient client(config);
    SyncOptions options;
    options.filter.attemptId = attemptId;
    if (!settings.baseIri.empty()) options.xapi.baseIri = settings.baseIri;
    else options.xapi.baseIri = defaultXapiBaseIri();
    return syncToLrs(store, client, options);
}

}  // namespace counterplay::core
