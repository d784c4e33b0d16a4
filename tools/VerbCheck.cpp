// `counterplay check`: checks every stored attempt's seal (and, where the scenario file it was
// played on is here, that replaying its transcript gives the stored scorecard). A reader: the
// database is opened read-only and no file is created or changed, unless --remember asks it to
// keep seal memos of the attempts found ok. Exit 1 when any is altered.
#include <iostream>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/Integrity.h"

namespace counterplay::tools {

int checkMain(int argc, char** argv) {
    CLI::App app{
        "Check that no stored attempt was changed after it was recorded: each attempt's "
        "seal must match its rows, and where its scenario file is found, replaying its "
        "transcript must give the stored scorecard. Reports each altered attempt and a "
        "summary; exit 1 when any is altered. Opens the database read-only.",
        "counterplay check"};
    std::string db, scenarios, langValue;
    SelectionOptions sel;
    bool json = false, remember = false;
    addDbOption(app, db);
    addScenariosOption(app, scenarios);
    addSelectionOptions(app, sel);
    addLangOption(app, langValue);
    app.add_flag("--json", json, "Print every attempt's result as JSON");
    app.add_flag("--remember", remember,
                 "Also keep a seal memo of every attempt found ok (written to the database), so "
                 "later reports, exports and the dashboard skip its full check while its rows "
                 "stay as they are. Attempts recorded on this machine have one already");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);
    core::AttemptFilter filter;
    if (!buildFilter(sel, filter, "check", lang, std::cerr)) return kExitUsage;

    auto store = openStoreForVerb(
        db, remember ? core::ResultsStore::Mode::ReadWrite : core::ResultsStore::Mode::ReadOnly,
        "check", lang, std::cerr);
    if (!store) return kExitUsage;  // a database that cannot be used
    std::vector<core::AttemptIntegrity> results;
    try {
        const core::Trust trust = loadTrustForVerb("check", std::cerr);
        const auto index = scenarioIndexFor(scenarios);
        // The audit itself: every attempt gets the full check, memo or not.
        results = remember ? core::checkAndRemember(*store, filter, trust, index.get())
                           : core::checkAttempts(*store, filter, trust, index.get(),
                                                 core::MemoUse::Ignore);
    } catch (const std::exception& e) {
        std::cerr << "counterplay check: " << exceptionText(e, lang) << '\n';
        return kExitData;
    }
    int ok = 0, altered = 0, unsealed = 0, unknown = 0, replayed = 0;
    nlohmann::json rows = nlohmann::json::array();
    for (const core::AttemptIntegrity& r : results) {
        replayed += r.replayed;
        switch (r.status) {
            case core::IntegrityStatus::Ok:
                ++ok;
                break;
            case core::IntegrityStatus::Altered:
                ++altered;
                break;
            case core::IntegrityStatus::Unsealed:
                ++unsealed;
                break;
            case core::IntegrityStatus::UnknownSigner:
                ++unknown;
                break;
        }
        if (json) {
            rows.push_back({{"id", r.attemptId},
                            {"uuid", r.uuid},
                            {"store", r.originStore},
                            {"status", core::integrityStatusName(r.status)},
                            {"reason", r.reason},
                            {"replayed", r.replayed}});
            continue;
        }
        const std::initializer_list<std::pair<const char*, std::string>> args = {
            {"id", std::to_string(r.attemptId)},
            {"uuid", r.uuid},
            {"store", r.originStore},
            {"reason", r.reason}};
        if (r.status == core::IntegrityStatus::Altered)
            std::cout << label("integrity.altered", lang, args) << '\n';
        else if (r.status == core::IntegrityStatus::UnknownSigner)
            std::cout << label("integrity.unknown", lang, args) << '\n';
    }
    const std::string summary = label("check.summary", lang,
                                      {{"n", std::to_string(results.size())},
                                       {"ok", std::to_string(ok)},
                                       {"altered", std::to_string(altered)},
                                       {"unsealed", std::to_string(unsealed)},
                                       {"unknown", std::to_string(unknown)},
                                       {"replayed", std::to_string(replayed)}});
    if (json)
        printJson(std::cout, {{"attempts", rows},
                              {"ok", ok},
                              {"altered", altered},
                              {"unsealed", unsealed},
                              {"unknown_signer", unknown},
                              {"replayed", replayed},
                              {"summary", summary}});
    else
        std::cout << summary << '\n';
    if (remember && !json)
        std::cout << label("check.remembered", lang, {{"n", std::to_string(ok)}}) << '\n';
    return altered ? kExitData : kExitOk;
}

}  // namespace counterplay::tools
