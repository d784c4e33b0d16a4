// `counterplay import FILE...`: adds attempts from JSON exports made on other machines. Each
// file must verify against a trusted key and every attempt in it must carry a trusted seal;
// a file is imported whole or not at all, and attempts already here (same uuid) are skipped.
#include <iostream>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/Import.h"

namespace counterplay::tools {

int importMain(int argc, char** argv) {
    CLI::App app{
        "Import attempts from JSON exports made on other machines (`counterplay export "
        "--format json`). A file must be signed by this machine or a store trusted with "
        "`counterplay key trust`, and unchanged; otherwise it is refused and nothing from "
        "it is stored. Importing a file twice adds nothing. Imported attempts keep their "
        "id (uuid), store and seal.",
        "counterplay import"};
    std::vector<std::string> files;
    std::string db, langValue;
    app.add_option("FILE", files, "JSON exports")->required();
    addDbOption(app, db);
    addLangOption(app, langValue);
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);
    bool missing = false;
    for (const std::string& file : files)
        missing = inputFileMissing(file, "import", lang, std::cerr) || missing;
    if (missing) return kExitUsage;  // nothing is imported from a command line naming no file

    auto store =
        openStoreForVerb(db, core::ResultsStore::Mode::ReadWrite, "import", lang, std::cerr, false);
    if (!store) return kExitUsage;  // a database that cannot be used
    const core::Trust trust = loadTrustForVerb("import", std::cerr);
    bool allOk = true;
    for (const std::string& file : files) {
        const core::ImportResult r = core::importJsonExportFile(*store, file, trust);
        if (r.ok()) {
            std::cout << label("import.added", lang,
                               {{"file", file},
                                {"added", std::to_string(r.added)},
                                {"skipped", std::to_string(r.skipped)},
                                {"store", r.signerStore}})
                      << '\n';
        } else {
            allOk = false;
            std::cerr << "counterplay import: "
                      << label("import.refused", lang, {{"file", file}, {"reason", r.message}})
                      << '\n';
        }
    }
    return allOk ? kExitOk : kExitData;
}

}  // namespace counterplay::tools
