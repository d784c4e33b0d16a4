// Helpers shared by the results verbs (see ResultsCommon.h).
#include "ResultsCommon.h"

#include <filesystem>
#include <iostream>

#include "Common.h"
#include "counterplay/core/DataDir.h"

namespace counterplay::tools {

void addSelectionOptions(CLI::App& app, SelectionOptions& sel) {
    app.add_option("--attempt", sel.attempt, "Only this attempt (its id)")
        ->check(CLI::PositiveNumber);
    app.add_option("--trainee", sel.trainee, "Only this trainee's attempts (trainee key or name)");
    app.add_option("--scenario", sel.scenario, "Only attempts of this scenario id");
    app.add_option("--since", sel.since,
                   "Only attempts that ended on or after DATE (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC)");
    app.add_option("--until", sel.until,
                   "Only attempts that ended before the end of DATE (YYYY-MM-DD, inclusive) or "
                   "before YYYY-MM-DDTHH:MM (UTC)");
}

bool buildFilter(const SelectionOptions& sel, core::AttemptFilter& filter, std::ostream& err) {
    if (sel.attempt > 0) filter.attemptId = sel.attempt;
    filter.traineeKey = sel.trainee;
    filter.scenarioId = sel.scenario;
    std::int64_t ms = 0;
    if (!sel.since.empty()) {
        if (!core::parseDateMs(sel.since, false, ms)) {
            err << "--since: '" << sel.since << "' is not a date (use YYYY-MM-DD)\n";
            return false;
        }
        filter.sinceMs = ms;
    }
    if (!sel.until.empty()) {
        if (!core::parseDateMs(sel.until, true, ms)) {
            err << "--until: '" << sel.until << "' is not a date (use YYYY-MM-DD)\n";
            return false;
        }
        filter.untilMs = ms;
    }
    return true;
}

CLI::Option* addDbOption(CLI::App& app, std::string& value) {
    return app.add_option("--db", value,
                          "Results database (default: $COUNTERPLAY_DB, else "
                          "$XDG_DATA_HOME/counterplay/results.db)");
}

std::unique_ptr<core::ResultsStore> openStoreForVerb(const std::string& dbFlag,
                                                     core::ResultsStore::Mode mode,
                                                     const char* verb, std::ostream& err,
                                                     bool mustExist) {
    const std::string path = core::resultsDbPath(dbFlag);
    if (mustExist && !std::filesystem::exists(path)) {
        err << "counterplay " << verb << ": there is no results database at " << path
            << " (nothing has been stored yet; see --db)\n";
        return nullptr;
    }
    std::string error;
    auto store = core::ResultsStore::open(path, error, mode);
    if (!store) err << "counterplay " << verb << ": " << error << '\n';
    return store;
}

std::string exportStringsPath() {
    const std::string cli = cliStringsPath();
    if (cli.empty()) return {};
    const std::string path =
        (std::filesystem::path(cli).parent_path() / "export.json").string();
    return std::filesystem::exists(path) ? path : std::string();
}

std::int64_t storeAttempt(const std::string& dbFlag, const std::string& trainee,
                          const core::Scorecard& card, const core::Transcript& transcript,
                          std::int64_t startedAtMs, std::int64_t endedAtMs, core::Lang lang,
                          std::ostream& err) {
    auto store = openStoreForVerb(dbFlag, core::ResultsStore::Mode::ReadWrite, "play", err, false);
    if (!store) return 0;
    core::NewAttempt a;
    a.traineeName = trainee;
    a.lang = core::langCode(lang);
    a.scorecard = card;
    a.transcript = transcript;
    a.startedAtMs = startedAtMs;
    a.endedAtMs = endedAtMs;
    try {
        const std::int64_t id = store->recordAttempt(a);
        err << "Saved as attempt " << id << " in " << store->path() << '\n';
        return id;
    } catch (const core::StoreError& e) {
        err << "counterplay play: the attempt was not saved: " << e.what() << '\n';
        return 0;
    }
}

core::Trust loadTrustForVerb(const char* verb, std::ostream& err) {
    std::string warning;
    core::Trust trust = core::loadTrust(warning);
    if (!warning.empty()) err << "counterplay " << verb << ": " << warning << '\n';
    return trust;
}

CLI::Option* addScenariosOption(CLI::App& app, std::string& value) {
    return app.add_option("--scenarios", value,
                          "Also replay stored transcripts against the scenario files in DIR (the "
                          "shipped scenarios are always searched)");
}

std::unique_ptr<core::ScenarioIndex> scenarioIndexFor(const std::string& extraDir) {
    auto index = std::make_unique<core::ScenarioIndex>();
    index->addFolder(std::filesystem::path(defaultCataloguePath()).parent_path().string());
    if (!extraDir.empty()) index->addFolder(extraDir);
    return index;
}

std::map<std::int64_t, std::string> alteredAttempts(const core::ResultsStore& store,
                                                    const core::AttemptFilter& filter,
                                                    const core::Trust& trust,
                                                    const core::ScenarioIndex* scenarios) {
    std::map<std::int64_t, std::string> out;
    for (const core::AttemptIntegrity& r : core::checkAttempts(store, filter, trust, scenarios))
        if (r.status == core::IntegrityStatus::Altered) out[r.attemptId] = r.reason;
    return out;
}

std::string idList(const std::map<std::int64_t, std::string>& attempts) {
    std::string out;
    int n = 0;
    for (const auto& [id, reason] : attempts) {
        if (n++ == 20) {
            out += ", ...";
            break;
        }
        if (!out.empty()) out += ", ";
        out += std::to_string(id);
    }
    return out;
}

}  // namespace counterplay::tools
