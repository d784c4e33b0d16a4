#include "Settings.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "platform/AtomicFile.h"
#include "platform/Log.h"

namespace counterplay::app {

float Settings::charsPerSecond() const {
    static constexpr float kSpeeds[] = {28.f, 55.f, 110.f, 0.f};
    return kSpeeds[std::clamp(textSpeed, 0, 3)];
}

float Settings::textScale() const {
    static constexpr float kScales[] = {0.88f, 1.f, 1.14f, 1.28f};
    return kScales[std::clamp(textSize, 0, 3)];
}

core::Lang langFromEnvironment() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v != nullptr && *v != '\0')
            return (v[0] == 'k' && v[1] == 'o') ? core::Lang::Ko : core::Lang::En;
    }
    return core::Lang::En;
}

Settings loadSettings(const std::string& path, core::Lang langFromEnv) {
    Settings s;
    s.lang = langFromEnv;
    std::string bytes;
    if (!readSmallFile(path, bytes, 1u << 20)) return s;
    const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
    if (!j.is_object()) {
        logLine("settings file " + path + " is not valid JSON; using defaults");
        return s;
    }
    auto str = [&](const char* key) -> std::string {
        auto it = j.find(key);
        return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
    };
    auto integer = [&](const char* key, int fallback, int lo, int hi) {
        auto it = j.find(key);
        return (it != j.end() && it->is_number_integer()) ? std::clamp(it->get<int>(), lo, hi)
                                                           : fallback;
    };
    auto boolean = [&](const char* key, bool fallback) {
        auto it = j.find(key);
        return (it != j.end() && it->is_boolean()) ? it->get<bool>() : fallback;
    };
    core::Lang lang;
    if (core::parseLang(str("lang"), lang)) s.lang = lang;
    s.textSpeed = integer("textSpeed", s.textSpeed, 0, 3);
    s.textSize = integer("textSize", s.textSize, 0, 3);
    s.showMeters = boolean("showMeters", s.showMeters);
    s.mode = str("mode") == "assessment" ? PlayMode::Assessment : PlayMode::Coach;
    s.fullscreen = boolean("fullscreen", s.fullscreen);
    s.traineeName = str("traineeName").substr(0, 200);
    s.traineeId = str("traineeId").substr(0, 200);
    return s;
}

bool saveSettings(const std::string& path, const Settings& s) {
    const nlohmann::json j = {
        {"lang", core::langCode(s.lang)},
        {"textSpeed", s.textSpeed},
        {"textSize", s.textSize},
        {"showMeters", s.showMeters},
        {"mode", s.mode == PlayMode::Assessment ? "assessment" : "coach"},
        {"fullscreen", s.fullscreen},
        {"traineeName", s.traineeName},
        {"traineeId", s.traineeId},
    };
    std::string error;
    if (!writeFileAtomic(path, j.dump(2) + "\n", error)) {
        logLine("could not save settings: " + error);
        return false;
    }
    return true;
}

}  // namespace counterplay::app
