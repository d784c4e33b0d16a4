#include "platform/Paths.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace counterplay::app {
namespace {

namespace fs = std::filesystem;

std::string xdgDir(const char* var, const char* fallbackUnderHome) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v == '/') return std::string(v) + "/counterplay";
    const char* home = std::getenv("HOME");
    std::string base = (home != nullptr && *home != '\0') ? home : "/tmp";
    return base + "/" + fallbackUnderHome + "/counterplay";
}

std::string exeDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(".") : exe.parent_path().string();
}

/// The first candidate folder that holds `marker`, else the last candidate.
std::string firstWith(std::initializer_list<std::string> candidates, const char* marker) {
    std::error_code ec;
    std::string last;
    for (const std::string& c : candidates) {
        if (c.empty()) continue;
        last = c;
        if (fs::exists(fs::path(c) / marker, ec)) return fs::weakly_canonical(c, ec).string();
    }
    return last;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
}

}  // namespace

Paths resolvePaths(const std::string& assetsOverride, const std::string& scenariosOverride,
                   const std::string& screenshotOverride) {
    Paths p;
    p.configDir = xdgDir("XDG_CONFIG_HOME", ".config");
    p.dataDir = xdgDir("XDG_DATA_HOME", ".local/share");
    const std::string exe = exeDir();
    const std::string source = COUNTERPLAY_SOURCE_DIR;
    p.assetsDir = !assetsOverride.empty()
                      ? assetsOverride
                      : firstWith({env("COUNTERPLAY_ASSETS"), exe + "/../assets", exe + "/assets",
                                   source + "/assets", "/usr/share/counterplay/assets"},
                                  "strings/ui.yaml");
    p.scenariosDir = !scenariosOverride.empty()
                         ? scenariosOverride
                         : firstWith({env("COUNTERPLAY_SCENARIOS"), exe + "/../scenarios",
                                      exe + "/scenarios", source + "/scenarios",
                                      "/usr/share/counterplay/scenarios"},
                                     "principles.yaml");
    p.screenshotDir = !screenshotOverride.empty() ? screenshotOverride : p.dataDir + "/screenshots";
    return p;
}

}  // namespace counterplay::app
