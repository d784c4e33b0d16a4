// `counterplay key`: the site signing key (32 random bytes, mode 0600, created on first use).
#include <iostream>

#include "Common.h"
#include "Verbs.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Signing.h"

namespace counterplay::tools {

int keyMain(int argc, char** argv) {
    CLI::App app{"The site key that signs exports. Without options: create it if missing and "
                 "print its path and id. Keep the file private; back it up to verify old exports.",
                 "counterplay key"};
    bool showPath = false, showId = false;
    app.add_flag("--show-path", showPath, "Print only the key file's path (nothing is created)");
    app.add_flag("--id", showId, "Print only the key id (the key is created if missing)");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;

    const std::string path = core::siteKeyPath();
    if (showPath) {
        std::cout << path << '\n';
        return kExitOk;
    }
    std::string error;
    const auto key = core::loadSiteKey(path, true, error);
    if (!key) {
        std::cerr << "counterplay key: " << error << '\n';
        return kExitData;
    }
    if (showId) {
        std::cout << key->id() << '\n';
        return kExitOk;
    }
    std::cout << "path: " << path << "\nid:   " << key->id() << '\n';
    return kExitOk;
}

}  // namespace counterplay::tools
