#include "Autosave.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "counterplay/core/Json.h"
#include "platform/AtomicFile.h"
#include "platform/Log.h"

namespace counterplay::app {

bool writeAutosave(const std::string& path, const Autosave& save) {
    const nlohmann::json j = {
        {"format", 1},
        {"scenarioPath", save.scenarioPath},
        {"scenarioId", save.scenarioId},
        {"traineeName", save.traineeName},
        {"traineeKey", save.traineeKey},
        {"lang", save.lang},
        {"startedAtMs", save.startedAtMs},
        {"snapshot", save.snapshot},
    };
    std::string error;
    if (!writeFileAtomic(path, j.dump(1) + "\n", error)) {
        logLine("autosave failed: " + error);
        return false;
    }
    return true;
}

std::optional<Autosave> readAutosave(const std::string& path) {
    std::string bytes;
    if (!readSmallFile(path, bytes)) return std::nullopt;
    try {
        const nlohmann::json j = nlohmann::json::parse(bytes);
        Autosave a;
        j.at("scenarioPath").get_to(a.scenarioPath);
        j.at("scenarioId").get_to(a.scenarioId);
        a.traineeName = j.value("traineeName", "");
        a.traineeKey = j.value("traineeKey", "");
        a.lang = j.value("lang", "ko");
        a.startedAtMs = j.value("startedAtMs", std::int64_t{0});
        j.at("snapshot").get_to(a.snapshot);
        return a;
    } catch (const std::exception& e) {
        logLine("autosave " + path + " is unreadable (" + e.what() + "); ignoring it");
        return std::nullopt;
    }
}

void clearAutosave(const std::string& path) { std::remove(path.c_str()); }

}  // namespace counterplay::app
