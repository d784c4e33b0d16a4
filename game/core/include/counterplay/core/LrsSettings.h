// The site's Learning Record Store, saved by the manager (`counterplay sync --save`) in the data
// folder, so that `sync` needs no flags and every finished attempt can be sent at once: the LRS
// is append-only, so an attempt sent right after it was recorded is out of reach of anyone who
// later edits the local database.
#pragma once

#include <optional>
#include <string>

namespace counterplay::core {

struct LrsSettings {
    std::string endpoint;  ///< the LRS's xAPI base URL
    std::string key;       ///< basic auth user
    std::string secret;    ///< basic auth password
    std::string baseIri;   ///< activity base IRI ("" = the default)
    bool sendAfterEachAttempt = false;  ///< the game and `play --trainee` send each attempt
};

/// dataDir()/lrs.json (mode 0600: it holds the secret); $COUNTERPLAY_LRS_FILE overrides.
std::string lrsSettingsPath();

/// The saved settings; nullopt when none are saved. `error` is set (and nullopt returned) when
/// the file exists but cannot be read or is malformed.
std::optional<LrsSettings> loadLrsSettings(std::string& error);

/// Saves atomically with mode 0600. False and `error` on failure.
bool saveLrsSettings(const LrsSettings& settings, std::string& error);

}  // namespace counterplay::core
