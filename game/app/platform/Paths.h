// Where the game reads and writes: XDG config/data folders, the assets and scenarios folders.
#pragma once

#include <string>

namespace counterplay::app {

struct Paths {
    std::string configDir;     ///< $XDG_CONFIG_HOME/counterplay (settings.json)
    std::string dataDir;       ///< $XDG_DATA_HOME/counterplay (autosave, results, exports)
    std::string assetsDir;     ///< fonts, strings, art
    std::string scenariosDir;  ///< scenario YAML files and principles.yaml

    std::string settingsFile() const { return configDir + "/settings.json"; }
    std::string autosaveFile() const { return dataDir + "/autosave.json"; }
    std::string screenshotDir;  ///< where F12 writes PNGs (default: dataDir + "/screenshots")
};

/// Resolves every folder. `assetsOverride` / `scenariosOverride` win when not empty; otherwise
/// $COUNTERPLAY_ASSETS / $COUNTERPLAY_SCENARIOS, then next to the executable (../assets,
/// ../scenarios), then the source tree the binary was built from.
Paths resolvePaths(const std::string& assetsOverride, const std::string& scenariosOverride,
                   const std::string& screenshotOverride);

}  // namespace counterplay::app
