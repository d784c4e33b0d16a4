// Pending attempts (see PendingAttempts.h): NewAttempt <-> JSON files in dataDir()/pending.
#include "counterplay/core/PendingAttempts.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Json.h"
#include "counterplay/core/Uuid.h"

namespace counterplay::core {
namespace {

constexpr const char* kKind = "counterplay-pending-attempt";

nlohmann::json toJson(const NewAttempt& a) {
    return {{"kind", kKind},        {"version", 1},
            {"uuid", a.uuid},       {"traineeName", a.traineeName},
            {"traineeKey", a.traineeKey}, {"traineeEmail", a.traineeEmail},
            {"lang", a.lang},       {"startedAtMs", a.startedAtMs},
            {"endedAtMs", a.endedAtMs}, {"scorecard", a.scorecard},
            {"transcript", a.transcript}};
}

}  // namespace

std::string pendingDir() { return (std::filesystem::path(dataDir()) / "pending").string(); }

std::string savePendingAttempt(NewAttempt attempt, std::string& error) {
    if (attempt.uuid.empty()) attempt.uuid = uuidV4();
    const std::string dir = pendingDir();
    if (!ensureDir(dir, error)) return {};
    const std::string path = (std::filesystem::path(dir) / (attempt.uuid + ".json")).string();
    if (!writeFileAtomic(path, toJson(attempt).dump(2) + "\n", error, 0600)) return {};
    return path;
}

bool loadPendingAttempt(const std::string& path, NewAttempt& out, std::string& error) {
    std::string bytes;
    if (!readWholeFile(path, bytes, error)) return false;
    try {
        const nlohmann::json j = nlohmann::json::parse(bytes);
        if (j.value("kind", "") != kKind) {
            error = path + ": not a pending attempt";
            return false;
        }
        NewAttempt a;
        a.uuid = j.at("uuid").get<std::string>();
        a.traineeName = j.at("traineeName").get<std::string>();
        a.traineeKey = j.value("traineeKey", "");
        a.traineeEmail = j.value("traineeEmail", "");
        a.lang = j.value("lang", "ko");
        a.startedAtMs = j.at("startedAtMs").get<std::int64_t>();
        a.endedAtMs = j.at("endedAtMs").get<std::int64_t>();
        a.scorecard = j.at("scorecard").get<Scorecard>();
        a.transcript = j.at("transcript").get<Transcript>();
        if (!isUuid(a.uuid)) {
            error = path + ": its uuid is not a UUID";
            return false;
        }
        out = std::move(a);
        return true;
    } catch (const std::exception& e) {
        error = path + ": " + e.what();
        return false;
    }
}

PendingResult storePendingAttempts(ResultsStore& store) {
    PendingResult result;
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(pendingDir(), ec)) {
        const auto& p = entry.path();
        if (p.extension() == ".json" && p.filename().string()[0] != '.') files.push_back(p.string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        NewAttempt attempt;
        std::string error;
        if (!loadPendingAttempt(file, attempt, error)) {
            result.failed.push_back(error);
            continue;
        }
        try {
            if (store.getAttemptByUuid(attempt.uuid)) {
                ++result.alreadyStored;
            } else {
                result.stored.push_back(store.recordAttempt(attempt));
            }
            // Removed only after the commit: a crash in between stores it again next time,
            // where the uuid check above finds it.
            ::unlink(file.c_str());
        } catch (const std::exception& e) {
            result.failed.push_back(file + ": " + e.what());
        }
    }
    return result;
}

}  // namespace counterplay::core
