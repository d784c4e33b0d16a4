// `counterplay verify FILE...`: checks that exports were not edited and were signed by a key
// this machine trusts (its own Ed25519 key or one added with `key trust`; exports from before
// Ed25519 against the old site key). Exit 0 when every file verifies, 1 when any does not.
#include <iostream>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Keyring.h"
#include "counterplay/core/Signing.h"

namespace counterplay::tools {

int verifyMain(int argc, char** argv) {
    CLI::App app{
        "Check that exported files (json, csv, html; xapi with its FILE.sig) are exactly "
        "as exported and signed by a trusted store: any edited, added or removed byte, "
        "including in the signature, fails, and so does a file signed by a key that is "
        "not trusted here (see `counterplay key trust`).",
        "counterplay verify"};
    std::vector<std::string> files;
    std::string keyFile, langValue;
    app.add_option("FILE", files, "Exported files")->required();
    addLangOption(app, langValue);
    app.add_option("--key-file", keyFile,
                   "Old site key for exports made before Ed25519 signatures (default: "
                   "$COUNTERPLAY_KEY_FILE, else the data folder's site.key)");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);

    core::Trust trust = loadTrustForVerb("verify", std::cerr);
    if (!keyFile.empty()) {
        std::string error;
        trust.legacySiteKey = core::loadSiteKey(keyFile, false, error);
        if (!trust.legacySiteKey) {
            std::cerr << "counterplay verify: " << error << '\n';
            return kExitData;
        }
    }
    bool missing = false;
    for (const std::string& file : files)
        missing = inputFileMissing(file, "verify", lang, std::cerr) || missing;
    if (missing) return kExitUsage;
    bool allOk = true;
    for (const std::string& file : files) {
        const core::VerifyResult r = core::verifyExportFile(file, trust);
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
