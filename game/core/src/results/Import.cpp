// Importing signed JSON exports (see Import.h).
#include "counterplay/core/Import.h"

#include <set>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/Json.h"

namespace counterplay::core {
namespace {

struct Refused {
    ImportStatus status;
    std::string message;
};

const nlohmann::json& member(const nlohmann::json& j, const char* key, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end())
        throw Refused{ImportStatus::NotAnExport, where + " has no \"" + key + "\""};
    return *it;
}

std::string text(const nlohmann::json& j, const char* key, const std::string& where) {
    const auto& v = member(j, key, where);
    if (!v.is_string()) throw Refused{ImportStatus::NotAnExport, where + ": \"" + key + "\" is not text"};
    return v.get<std::string>();
}

NewAttempt attemptFrom(const nlohmann::json& a, std::size_t index) {
    std::string where = "attempt " + std::to_string(index + 1);
    if (!a.is_object()) throw Refused{ImportStatus::NotAnExport, where + " is not an object"};
    NewAttempt n;
    n.uuid = text(a, "uuid", where);
    where = "attempt " + n.uuid;
    if (a.value("integrity", "ok") != "ok")
        throw Refused{ImportStatus::Changed,
                      where + " is marked altered in the file (exported with --include-altered)"};
    const auto& trainee = member(a, "trainee", where);
    n.traineeKey = text(trainee, "key", where + " trainee");
    n.traineeName = text(trainee, "name", where + " trainee");
    n.traineeEmail = text(trainee, "email", where + " trainee");
    n.lang = text(a, "lang", where);
    const auto& started = member(a, "started_at_ms", where);
    const auto& ended = member(a, "ended_at_ms", where);
    if (!started.is_number_integer() || !ended.is_number_integer())
        throw Refused{ImportStatus::NotAnExport, where + ": its times are not numbers"};
    n.startedAtMs = started.get<std::int64_t>();
    n.endedAtMs = ended.get<std::int64_t>();
    try {
        n.scorecard = member(a, "scorecard", where).get<Scorecard>();
        n.transcript = member(a, "transcript", where).get<Transcript>();
    } catch (const nlohmann::json::exception& e) {
        throw Refused{ImportStatus::NotAnExport, where + ": " + e.what()};
    }
    const auto& origin = member(a, "origin", where);
    n.originStore = text(origin, "store", where + " origin");
    n.originFingerprint = text(origin, "fingerprint", where + " origin");
    const auto& seal = member(a, "seal", where);
    if (!seal.is_object() || seal.value("scheme", "") != kSealScheme || !seal.contains("sig") ||
        !seal["sig"].is_string())
        throw Refused{ImportStatus::NotAnExport,
                      where + " has no seal (recorded before sealing): it cannot be imported"};
    n.seal = seal["sig"].get<std::string>();
    if (seal.value("key", "") != n.originFingerprint)
        throw Refused{ImportStatus::Changed, where + ": its seal names another key than its origin"};
    n.source = "import";
    return n;
}

}  // namespace

ImportResult importJsonExport(ResultsStore& store, std::string_view bytes, const Trust& trust) {
    ImportResult result;
    const VerifyResult v = verifyExportBytes(bytes, nullptr, trust);
    result.signerStore = v.storeName;
    result.signerFingerprint = v.keyId;
    if (!v.ok || v.format != "json" || v.legacy) {
        result.status = v.status == VerifyStatus::UnknownSigner ? ImportStatus::UnknownSigner
                        : v.status == VerifyStatus::Changed     ? ImportStatus::Changed
                                                                : ImportStatus::NotAnExport;
        if (v.ok && v.format != "json")
            result.message = "only JSON exports can be imported (this is a " + v.format + " export)";
        else if (v.ok && v.legacy)
            result.message = "it was made by an older Counterplay (HMAC signature, no seals): it "
                             "cannot be imported";
        else
            result.message = v.message;
        if (v.ok) result.status = ImportStatus::NotAnExport;
        return result;
    }
    try {
        const auto doc = nlohmann::json::parse(bytes);
        if (doc.value("format", "") != "counterplay-results" || !doc.contains("attempts") ||
            !doc["attempts"].is_array())
            throw Refused{ImportStatus::NotAnExport, "it is not a Counterplay results export"};
        std::vector<NewAttempt> fresh;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < doc["attempts"].size(); ++i) {
            NewAttempt a = attemptFrom(doc["attempts"][i], i);
            if (!seen.insert(a.uuid).second || store.getAttemptByUuid(a.uuid)) {
                ++result.skipped;
                continue;
            }
            fresh.push_back(std::move(a));
        }
        const std::int64_t sealedFrom = store.sealedFromId();
        store.recordAttempts(fresh, [&](std::int64_t id, const NewAttempt& a) {
            const auto stored = store.getAttempt(id);
            if (!stored) throw Refused{ImportStatus::StoreFailed, "attempt " + a.uuid + " was not stored"};
            const AttemptIntegrity check = checkAttempt(*stored, sealedFrom, trust);
            if (check.status == IntegrityStatus::UnknownSigner)
                throw Refused{ImportStatus::UnknownSigner, "attempt " + a.uuid + " is " + check.reason};
            if (!check.ok())
                throw Refused{ImportStatus::Changed,
                              "attempt " + a.uuid + " was altered before it was exported (its "
                              "seal does not match)"};
        });
        result.added = static_cast<std::int64_t>(fresh.size());
    } catch (const Refused& r) {
        result.status = r.status;
        result.message = r.message;
        result.added = 0;
    } catch (const StoreError& e) {
        result.status = ImportStatus::StoreFailed;
        result.message = e.what();
        result.added = 0;
    } catch (const nlohmann::json::exception& e) {
        result.status = ImportStatus::NotAnExport;
        result.message = e.what();
        result.added = 0;
    }
    return result;
}

ImportResult importJsonExportFile(ResultsStore& store, const std::string& path, const Trust& trust) {
    std::string bytes, error;
    if (!readWholeFile(path, bytes, error)) {
        ImportResult r;
        r.status = ImportStatus::NotAnExport;
        r.message = error;
        return r;
    }
    return importJsonExport(store, bytes, trust);
}

bool attemptFromExportJson(const nlohmann::json& attempt, const std::string& source,
                           NewAttempt& out, std::string& why) {
    try {
        out = attemptFrom(attempt, 0);
        out.source = source;
        return true;
    } catch (const Refused& r) {
        why = r.message;
    } catch (const nlohmann::json::exception& e) {
        why = e.what();
    }
    return false;
}

}  // namespace counterplay::core
