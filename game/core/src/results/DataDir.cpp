// XDG data directory resolution (see DataDir.h).
#include "counterplay/core/DataDir.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace counterplay::core {
namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string homeDir() {
    std::string home = env("HOME");
    if (!home.empty()) return home;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return ".";
}

}  // namespace

std::string dataDir() {
    std::string base = env("XDG_DATA_HOME");
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (base.empty() || base[0] != '/') base = homeDir() + "/.local/share";
    return base + "/counterplay";
}

bool ensureDir(const std::string& dir, std::string& error) {
    if (dir.empty()) return true;
    std::string partial;
    std::size_t pos = 0;
    while (pos != std::string::npos) {
        pos = dir.find('/', pos + 1);
        partial = dir.substr(0, pos);
        if (partial.empty()) continue;
        if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
            error = "cannot create folder " + partial + ": " + std::strerror(errno);
            return false;
        }
    }
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        error = "cannot use " + dir + ": not a folder";
        return false;
    }
    return true;
}

std::string resultsDbPath(const std::string& flagValue) {
    if (!flagValue.empty()) return flagValue;
    if (std::string v = env("COUNTERPLAY_DB"); !v.empty()) return v;
    return dataDir() + "/results.db";
}

std::string siteKeyPath() {
    if (std::string v = env("COUNTERPLAY_KEY_FILE"); !v.empty()) return v;
    return dataDir() + "/site.key";
}

std::string signingKeyPath() {
    if (std::string v = env("COUNTERPLAY_SIGNING_KEY"); !v.empty()) return v;
    return dataDir() + "/signing.key";
}

std::string publicKeyPathFor(const std::string& signingKeyPath) {
    const std::string ext = ".key";
    if (signingKeyPath.size() > ext.size() &&
        signingKeyPath.compare(signingKeyPath.size() - ext.size(), ext.size(), ext) == 0)
        return signingKeyPath.substr(0, signingKeyPath.size() - ext.size()) + ".pub";
    return signingKeyPath + ".pub";
}

std::string keyringPath() { return dataDir() + "/keyring.json"; }

}  // namespace counterplay::core
