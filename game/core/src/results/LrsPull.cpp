// Pulling attempts back from the LRS (see LrsPull.h).
#include "counterplay/core/LrsPull.h"

#include <algorithm>
#include <charconv>
#include <future>
#include <map>
#include <set>

#include "counterplay/core/Import.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/Uuid.h"

namespace counterplay::core {
namespace {

constexpr const char* kVoided = "http://adlnet.gov/expapi/verbs/voided";
constexpr const char* kCompleted = "http://adlnet.gov/expapi/verbs/completed";

/// ISO 8601 stored time minus `ms` (the overlap), or "" when `iso` is empty or unreadable.
std::string earlier(const std::string& iso, std::int64_t ms) {
    std::int64_t at = 0;
    if (iso.empty() || !parseDateMs(iso, false, at)) return {};
    return formatIsoUtc(std::max<std::int64_t>(0, at - ms));
}

/// One query's pages: GETs `first`, then follows `more` until it is empty, calling `onPage`
/// with each page's statements. False (and `result` filled in) when a GET fails.
/// The next page is fetched on a second thread while `onPage` stores this one (the LRS's
/// answer and the store's write take about the same time, so the pull costs the larger of the
/// two instead of their sum). The client is only ever used by one thread at a time.
bool readPages(LrsClient& client, const std::string& first, PullResult& result,
               const std::function<void(const nlohmann::json& statements)>& onPage) {
    std::set<std::string> seenMore;
    struct Fetched {
        LrsClient::Response response;
        nlohmann::json body;
        std::string parseError;  ///< the body is not JSON
    };
    // The GET and the JSON parse of the next page run on the second thread.
    auto fetch = [&client](std::string url) {
        return std::async(std::launch::async, [&client, url = std::move(url)] {
            Fetched f;
            f.response = client.get(url);
            if (!f.response.ok) return f;
            try {
                f.body = nlohmann::json::parse(f.response.body);
            } catch (const std::exception& e) {
                f.parseError = e.what();
            }
            f.response.body.clear();
            return f;
        });
    };
    std::future<Fetched> pending = fetch(first);
    while (pending.valid()) {
        Fetched f = pending.get();
        const LrsClient::Response& r = f.response;
        if (!r.ok) {
            result.ok = false;
            result.clientError = r.clientError;
            result.message = r.message;
            return false;
        }
        if (!f.parseError.empty()) {
            result.ok = false;
            result.message = "the LRS sent something that is not JSON: " + f.parseError;
            return false;
        }
        const nlohmann::json& body = f.body;
        if (!body.is_object() || !body.contains("statements") || !body["statements"].is_array()) {
            result.ok = false;
            result.message = "the LRS answer has no statements list";
            return false;
        }
        const std::string more = body.value("more", "");
        // `more` is opaque; an LRS that repeats it would loop forever.
        if (!more.empty() && seenMore.insert(more).second) pending = fetch(client.resolve(more));
        // If onPage throws, `pending`'s destructor waits for the fetch in flight.
        onPage(body["statements"]);
        ++result.totals.pages;
    }
    return true;
}

}  // namespace

std::string pullCheckpointKey(const std::string& endpoint, const std::string& stage) {
    return "lrs_pull " + stage + " " + endpoint;
}

PullResult pullFromLrs(ResultsStore& store, LrsClient& client, const Trust& trust,
                       const PullOptions& options) {
    PullResult result;
    const std::string& base = options.xapi.baseIri;
    const std::string ext = base + "/extensions/";
    const std::string endpoint = client.url();
    // De-duplicated by id across pages and the overlap, per query: an LRS may also return the
    // voiding statements that target a "completed" one in the first query (xAPI 1.0.3 §2.1.3,
    // filters on StatementRef targets), and those must still be read as voids by the second.
    std::set<std::string> seenCompleted, seenVoids;
    const std::int64_t sealedFrom = store.sealedFromId();

    auto query = [&](const std::string& verb, const std::string& since) {
        std::string q = client.url() + "?verb=" + percentEncode(verb) +
                        "&ascending=true&limit=" + std::to_string(options.pageSize);
        if (verb == kCompleted)
            q += "&activity=" + percentEncode(base) + "&related_activities=true";
        if (!since.empty()) q += "&since=" + percentEncode(since);
        return q;
    };
    auto report = [&](const char* stage) {
        result.totals.stage = stage;
        if (options.progress) options.progress(result.totals);
    };

    // 1. Completed statements: each carries one whole sealed attempt.
    {
        const std::string key = pullCheckpointKey(endpoint, "attempts");
        std::string checkpoint = options.full ? std::string() : store.metaValue(key);
        const bool ok = readPages(
            client, query(kCompleted, earlier(checkpoint, options.overlapMs)), result,
            [&](const nlohmann::json& statements) {
                std::vector<NewAttempt> page;
                for (const auto& s : statements) {
                    ++result.totals.statements;
                    const std::string id = s.value("id", "");
                    const std::string stored = s.value("stored", "");
                    if (stored > checkpoint) checkpoint = stored;
                    if (!s.contains("verb") || !s["verb"].is_object() ||
                        s["verb"].value("id", "") != kCompleted)
                        continue;  // a statement that targets one of ours (a void): read below
                    if (id.empty() || !seenCompleted.insert(id).second) continue;
                    const auto* doc = s.contains("result") && s["result"].contains("extensions")
                                          ? &s["result"]["extensions"]
                                          : nullptr;
                    if (!doc || !doc->contains(ext + "attempt")) continue;  // an older statement
                    std::string why;
                    NewAttempt a;
                    nlohmann::json copy = (*doc)[ext + "attempt"];
                    // The shuffle seed travels as text (see Xapi.cpp): back to the number it was.
                    if (copy.is_object() && copy.contains("transcript") &&
                        copy["transcript"].is_object()) {
                        auto& t = copy["transcript"];
                        if (auto it = t.find("shuffleSeedText"); it != t.end()) {
                            const std::string text = it->is_string() ? it->get<std::string>() : "";
                            std::uint64_t seed = 0;
                            const auto [end, ec] =
                                std::from_chars(text.data(), text.data() + text.size(), seed);
                            t.erase("shuffleSeedText");
                            if (ec == std::errc() && end == text.data() + text.size() &&
                                !text.empty())
                                t["shuffleSeed"] = seed;
                            else
                                t["shuffleSeed"] = "unreadable";  // refused below as broken
                        }
                    }
                    if (!attemptFromExportJson(copy, "lrs", a, why)) {
                        ++result.refused;
                        if (result.refusals.size() < 20) result.refusals.push_back(why);
                        continue;
                    }
                    if (!trust.find(a.originFingerprint)) {
                        ++result.refused;
                        if (result.refusals.size() < 20)
                            result.refusals.push_back("attempt " + a.uuid + " from store '" +
                                                      a.originStore + "' is sealed by key " +
                                                      a.originFingerprint.substr(0, 16) +
                                                      ", which this machine does not trust");
                        continue;
                    }
                    page.push_back(std::move(a));
                }
                const auto done = store.storePulledPage(
                    page, {}, endpoint, key, checkpoint, [&](std::int64_t id, const NewAttempt& a) {
                        const auto stored = store.getAttempt(id);
                        if (!stored) throw StoreError("attempt " + a.uuid + " was not stored");
                        const AttemptIntegrity c = checkAttempt(*stored, sealedFrom, trust);
                        if (!c.ok())
                            throw StoreError("it was altered before it reached the LRS (" +
                                             c.reason + ")");
                    });
                result.totals.added += static_cast<std::int64_t>(done.added.size());
                result.known += done.known;
                result.refused += static_cast<std::int64_t>(done.refused.size());
                for (const auto& why : done.refused)
                    if (result.refusals.size() < 20) result.refusals.push_back(why);
                result.checkpoint = checkpoint;
                report("attempts");
            });
        if (!ok) return result;
    }

    // 2. Voiding statements: a voided "completed" statement removes the attempt pulled with it.
    {
        const std::string key = pullCheckpointKey(endpoint, "voids");
        std::string checkpoint = options.full ? std::string() : store.metaValue(key);
        std::map<std::string, std::string> uuidOfCompleted;  // built on the first void seen
        bool mapped = false;
        const bool ok = readPages(
            client, query(kVoided, earlier(checkpoint, options.overlapMs)), result,
            [&](const nlohmann::json& statements) {
                std::vector<std::string> voided;
                for (const auto& s : statements) {
                    ++result.totals.statements;
                    const std::string stored = s.value("stored", "");
                    if (stored > checkpoint) checkpoint = stored;
                    const std::string id = s.value("id", "");
                    if (id.empty() || !seenVoids.insert(id).second) continue;
                    if (!s.contains("object") ||
                        s["object"].value("objectType", "") != "StatementRef")
                        continue;
                    if (!mapped) {
                        AttemptFilter pulled;
                        for (const AttemptSummary& a : store.listAttempts(pulled))
                            if (a.source == "lrs")
                                uuidOfCompleted[xapiStatementId(a.uuid, "completed")] = a.uuid;
                        mapped = true;
                    }
                    const auto it = uuidOfCompleted.find(s["object"].value("id", ""));
                    if (it != uuidOfCompleted.end()) voided.push_back(it->second);
                }
                const auto done = store.storePulledPage({}, voided, endpoint, key, checkpoint);
                result.removed += done.removed;
                report("voids");
            });
        if (!ok) return result;
    }
    return result;
}

}  // namespace counterplay::core
