// The autosave: the session in progress, rewritten atomically after every decision so a crash or
// a quit mid-scenario resumes exactly there ($XDG_DATA_HOME/counterplay/autosave.json).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "counterplay/core/Session.h"

namespace counterplay::app {

struct Autosave {
    std::string scenarioPath;
    std::string scenarioId;
    std::string traineeName;
    std::string traineeKey;
    std::string lang;  ///< language the attempt was being played in
    std::int64_t startedAtMs = 0;  ///< epoch ms when the attempt began
    core::SessionSnapshot snapshot;
};

/// Writes the autosave atomically; false (logged) on failure.
bool writeAutosave(const std::string& path, const Autosave& save);
/// Reads it; nullopt when missing or unreadable (a broken file is logged and ignored).
std::optional<Autosave> readAutosave(const std::string& path);
/// Removes it (the attempt finished or was abandoned on purpose).
void clearAutosave(const std::string& path);

}  // namespace counterplay::app
