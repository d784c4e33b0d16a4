// `counterplay verify FILE...`: checks that exports were not edited (HMAC-SHA256 with the site
// key). Exit 0 when every file verifies, 1 when any does not (the reason is printed).
#include <iostream>

#include "Common.h"
#include "Verbs.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Signing.h"

namespace counterplay::tools {

int verifyMain(int argc, char** argv) {
    CLI::App app{"Check that exported files (json, csv, html; xapi with its FILE.sig) are exactly "
                 "as exported: any edited, added or removed byte, including in the signature, "
                 "fails.",
                 "counterplay verify"};
    std::vector<std::string> files;
    std::string keyFile;
    app.add_option("FILE", files, "Exported files")->required();
    app.add_option("--key-file", keyFile,
                   "Site key to check against (default: $COUNTERPLAY_KEY_FILE, else the data "
                   "folder's site.key)");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;

    std::string error;
    const std::string keyPath = keyFile.empty() ? core::siteKeyPath() : keyFile;
    const auto key = core::loadSiteKey(keyPath, false, error);
    if (!key) {
        std::cerr << "counterplay verify: " << error << '\n';
        return kExitData;
    }
    bool allOk = true;
    for (const std::string& file : files) {
        const core::VerifyResult r = core::verifyExportFile(file, *key);
        if (r.ok) {
            std::cout << file << ": OK (" << r.message << ")\n";
        } else {
            allOk = false;
            std::cout << file << ": FAILED: " << r.message << '\n';
        }
    }
    return allOk ? kExitOk : kExitData;
}

}  // namespace counterplay::tools
