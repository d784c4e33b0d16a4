// xAPI statements to an LRS over HTTP with libcurl (see LrsClient.h).
#include "counterplay/core/LrsClient.h"

#include "counterplay/core/LrsSettings.h"

#include <curl/curl.h>

#include <chrono>
#include <mutex>
#include <thread>

namespace counterplay::core {
namespace {

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user) {
    auto* body = static_cast<std::string*>(user);
    if (body->size() < 64 * 1024) body->append(data, size * n);
    return size * n;
}

std::string excerpt(const std::string& body) {
    std::string s = body.substr(0, 400);
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s.empty() ? "(no details)" : s;
}

std::string explain4xx(long status, const std::string& body) {
    std::string why;
    switch (status) {
        case 401:
        case 403:
            why = "the LRS refused the credentials; check --key and --secret (and that this "
                  "client may write statements)";
            break;
        case 400: why = "the LRS rejected the statements as invalid"; break;
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

PostResult LrsClient::postStatements(const nlohmann::json& statements) {
    PostResult r;
    const std::string payload =
        statements.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    int backoff = config_.initialBackoffMs;
    for (r.tries = 1;; ++r.tries) {
        CURL* curl = curl_easy_init();
        if (!curl) {
            r.message = "cannot start libcurl";
            return r;
        }
        std::string body;
        char curlError[CURL_ERROR_SIZE] = "";
        curl_slist* headers = nullptr;
        headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
        headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
        headers = curl_slist_append(headers, "Expect:");
        curl_easy_setopt(curl, CURLOPT_URL, url_.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, config_.key.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.secret.c_str());
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curlError);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, config_.timeoutSeconds);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, "counterplay/" COUNTERPLAY_VERSION);
        const CURLcode rc = curl_easy_perform(curl);
        long status = 0;
        if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);
        r.status = status;
        if (rc == CURLE_OK && status >= 200 && status < 300) {
            r.ok = true;
            r.message = "HTTP " + std::to_string(status);
            return r;
        }
        if (rc == CURLE_OK && status >= 400 && status < 500) {
            r.clientError = true;
            r.message = explain4xx(status, body);
            return r;
        }
        r.message = rc != CURLE_OK
                        ? std::string("network error: ") + (*curlError ? curlError : curl_easy_strerror(rc))
                        : "the LRS failed (HTTP " + std::to_string(status) + "): " + excerpt(body);
        if (r.tries > config_.maxRetries) {
            r.message += " (gave up after " + std::to_string(r.tries) + " tries)";
            return r;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(backoff));
        backoff = std::min(backoff * 2, 30000);
    }
}

SyncResult syncToLrs(ResultsStore& store, LrsClient& client, const SyncOptions& options) {
    SyncResult result;
    const std::vector<std::int64_t> pending = store.unsentAttempts(client.url(), options.filter);
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
    flush();
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
