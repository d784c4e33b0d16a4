// Player settings, remembered between runs in $XDG_CONFIG_HOME/counterplay/settings.json.
#pragma once

#include <string>

#include "counterplay/core/Text.h"

namespace counterplay::app {

enum class PlayMode { Coach, Assessment };

struct Settings {
    core::Lang lang = core::Lang::Ko;
    int textSpeed = 1;   ///< 0 slow, 1 normal, 2 fast, 3 instant
    int textSize = 1;    ///< 0 small, 1 normal, 2 large, 3 extra large
    bool showMeters = true;
    PlayMode mode = PlayMode::Coach;
    bool fullscreen = false;
    std::string traineeName;  ///< last trainee, prefilled on the title screen
    std::string traineeId;

    /// Characters per second of the typewriter (0 = instant).
    float charsPerSecond() const;
    /// Multiplier for reading text (dialogue, choices, feedback).
    float textScale() const;
};

/// Reads the settings file; a missing or malformed file (or field) gives the defaults for what
/// it lacks, never an error. `langFromEnv` is used when the file does not say.
Settings loadSettings(const std::string& path, core::Lang langFromEnv);

/// Writes the settings atomically; false (and a log line) on failure.
bool saveSettings(const std::string& path, const Settings& settings);

/// Korean when LC_ALL / LC_MESSAGES / LANG (the first set) starts with "ko", else English.
core::Lang langFromEnvironment();

}  // namespace counterplay::app
