// The saved LRS settings (see LrsSettings.h): a small JSON file written atomically, mode 0600.
#include "counterplay/core/LrsSettings.h"

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"

namespace counterplay::core {

std::string lrsSettingsPath() {
    if (const char* env = std::getenv("COUNTERPLAY_LRS_FILE"); env && *env) return env;
    return (std::filesystem::path(dataDir()) / "lrs.json").string();
}

std::optional<LrsSettings> loadLrsSettings(std::string& error) {
    error.clear();
    const std::string path = lrsSettingsPath();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    std::string bytes;
    if (!readWholeFile(path, bytes, error)) return std::nullopt;
    try {
        const nlohmann::json j = nlohmann::json::parse(bytes);
        LrsSettings s;
        s.endpoint = j.at("endpoint").get<std::string>();
        s.key = j.value("key", "");
        s.secret = j.value("secret", "");
        s.baseIri = j.value("baseIri", "");
        s.sendAfterEachAttempt = j.value("sendAfterEachAttempt", false);
        return s;
    } catch (const std::exception& e) {
        error = "cannot read the LRS settings " + path + ": " + e.what();
        return std::nullopt;
    }
}

bool saveLrsSettings(const LrsSettings& s, std::string& error) {
    const std::string path = lrsSettingsPath();
    if (!ensureDir(std::filesystem::path(path).parent_path().string(), error)) return false;
    const nlohmann::json j = {{"endpoint", s.endpoint},
                              {"key", s.key},
                              {"secret", s.secret},
                              {"baseIri", s.baseIri},
                              {"sendAfterEachAttempt", s.sendAfterEachAttempt}};
    return writeFileAtomic(path, j.dump(2) + "\n", error, 0600);
}

}  // namespace counterplay::core
