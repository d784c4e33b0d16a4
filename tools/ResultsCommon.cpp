// Helpers shared by the results verbs (see ResultsCommon.h).
#include "ResultsCommon.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

#include "Common.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/LrsClient.h"
#include "counterplay/core/LrsSettings.h"
#include "counterplay/core/PendingAttempts.h"
#include "counterplay/core/Suggest.h"
#include "counterplay/core/Uuid.h"

namespace counterplay::tools {

void addSelectionOptions(CLI::App& app, SelectionOptions& sel) {
    app.add_option("--attempt", sel.attempt, "Only this attempt (its id)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                try {
                    std::size_t used = 0;
                    const long long id = std::stoll(value, &used);
                    if (used == value.size() && id >= 1) return {};
                } catch (const std::exception&) {
                }
                // Worded by parseCommandLine in the user's language (cli.attempt-id).
                return "attempt-id:" + value;
            },
            "ID"));
    app.add_option("--trainee", sel.trainee, "Only this trainee's attempts (trainee key or name)");
    app.add_option("--scenario", sel.scenario,
                   "Only attempts of this scenario (its id, or its title in Korean or English)");
    app.add_option(
        "--since", sel.since,
        "Only attempts that ended on or after DATE (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC)");
    app.add_option("--until", sel.until,
                   "Only attempts that ended before the end of DATE (YYYY-MM-DD, inclusive) or "
                   "before YYYY-MM-DDTHH:MM (UTC)");
}

bool buildFilter(const SelectionOptions& sel, core::AttemptFilter& filter, const char* verb,
                 core::Lang lang, std::ostream& err) {
    if (sel.attempt > 0) filter.attemptId = sel.attempt;
    filter.traineeKey = sel.trainee;
    filter.scenarioId = sel.scenario;
    // One date option: false (and the message) when it is not a date.
    auto date = [&](const char* option, const std::string& value, bool endOfDay,
                    std::optional<std::int64_t>& into) {
        if (value.empty()) return true;
        std::int64_t ms = 0;
        if (!core::parseDateMs(value, endOfDay, ms)) {
            err << "counterplay " << verb << ": "
                << label("select.bad-date", lang, {{"option", option}, {"value", value}}) << '\n';
            return false;
        }
        into = ms;
        return true;
    };
    return date("--since", sel.since, false, filter.sinceMs) &&
           date("--until", sel.until, true, filter.untilMs);
}

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string lowerAscii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// The shipped scenario files (next to the default catalogue).
std::vector<std::filesystem::path> shippedScenarioFiles() {
    std::vector<std::filesystem::path> files;
    const std::string catalogue = defaultCataloguePath();
    if (catalogue.empty()) return files;
    std::error_code ec;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(catalogue).parent_path(), ec)) {
        const auto& p = entry.path();
        if (p.extension() == ".yaml" && p.filename() != "principles.yaml") files.push_back(p);
    }
    return files;
}

/// A scenario a --scenario value may name: its id and its titles.
struct KnownScenario {
    std::string id;
    core::Text title;
};

/// The scenarios a --scenario value may name: the shipped files (titles read from the files
/// only when `withTitles`, as that loads each one) and every scenario with stored attempts.
std::vector<KnownScenario> knownScenarios(const core::ResultsStore& store, bool withTitles) {
    std::vector<KnownScenario> known;
    for (const auto& g : store.summarize(core::GroupBy::Scenario))
        known.push_back({g.key, {g.labelKo, g.label}});
    for (const auto& file : shippedScenarioFiles()) {
        KnownScenario s{file.stem().string(), {}};
        if (withTitles) {
            const core::ScenarioLoad load = core::loadScenarioFile(file.string(), nullptr);
            if (load.scenario) s = {load.scenario->id, load.scenario->title};
        }
        known.push_back(std::move(s));
    }
    return known;
}

}  // namespace

int resolveSelection(const core::ResultsStore& store, const SelectionOptions& sel,
                     core::AttemptFilter& filter, const char* verb, core::Lang lang,
                     std::ostream& err) {
    const std::string prefix = std::string("counterplay ") + verb + ": ";
    auto didYouMean = [&](const std::string& hint) {
        return hint.empty() ? std::string() : label("select.did-you-mean", lang, {{"id", hint}});
    };
    if (filter.sinceMs && filter.untilMs && *filter.sinceMs >= *filter.untilMs) {
        err << prefix
            << label("select.dates-contradict", lang, {{"since", sel.since}, {"until", sel.until}})
            << '\n';
        return kExitUsage;
    }
    if (!sel.trainee.empty()) {
        const std::vector<core::Trainee> all = store.trainees();
        bool byKey = false;
        std::vector<const core::Trainee*> byName;
        for (const auto& t : all) {
            if (t.key == sel.trainee) byKey = true;
            if (t.name == sel.trainee) byName.push_back(&t);
        }
        if (!byKey && byName.size() == 1) {
            filter.traineeKey = byName.front()->key;
        } else if (!byKey && byName.size() > 1) {
            err << prefix
                << label("select.ambiguous", lang,
                         {{"name", sel.trainee}, {"n", std::to_string(byName.size())}})
                << '\n';
            for (const auto* t : byName) err << "  " << t->key << "  (" << t->name << ")\n";
            return kExitData;
        } else if (!byKey) {
            // Not a key nor a name: the nearest key or name, also ignoring case and spaces.
            const std::string want = lowerAscii(trimmed(sel.trainee));
            std::string hint;
            for (const auto& t : all)
                for (const std::string* c : {&t.key, &t.name})
                    if (!c->empty() && lowerAscii(trimmed(*c)) == want) hint = *c;
            if (hint.empty()) {
                core::Suggester suggest(sel.trainee);
                for (const auto& t : all) {
                    suggest.consider(t.key);
                    suggest.consider(t.name);
                }
                hint = suggest.best();
            }
            err << prefix << label("select.unknown-trainee", lang, {{"key", sel.trainee}})
                << didYouMean(hint)
                << (all.empty() ? label("select.none-stored", lang) : std::string()) << '\n';
            return kExitData;
        }
    }
    if (!sel.scenario.empty()) {
        const std::vector<KnownScenario> ids = knownScenarios(store, false);
        const bool isId = std::any_of(ids.begin(), ids.end(),
                                      [&](const KnownScenario& s) { return s.id == sel.scenario; });
        if (!isId) {
            // A title in Korean or English (exact, ignoring case and outer spaces) names its
            // scenario; else "did you mean" over the ids and the titles.
            const std::vector<KnownScenario> known = knownScenarios(store, true);
            const std::string want = lowerAscii(trimmed(sel.scenario));
            std::string byTitle, hint;
            for (const auto& s : known)
                for (const std::string* t : {&s.title.ko, &s.title.en})
                    if (!t->empty() && lowerAscii(trimmed(*t)) == want) byTitle = s.id;
            if (byTitle.empty()) {
                core::Suggester suggest(sel.scenario);
                for (const auto& s : known)
                    for (const std::string* c : {&s.id, &s.title.ko, &s.title.en})
                        if (!c->empty()) suggest.consider(*c);
                hint = suggest.best();
                for (const auto& s : known)
                    if (lowerAscii(trimmed(s.id)) == want) hint = s.id;
                err << prefix << label("select.unknown-scenario", lang, {{"id", sel.scenario}})
                    << didYouMean(hint) << '\n';
                return kExitData;
            }
            filter.scenarioId = byTitle;
        }
    }
    if (filter.attemptId && store.countAttempts(filter) == 0) {
        // Only ids that exist are offered: the selection's own (a trainee's range), else every
        // stored attempt's.
        core::AttemptFilter without = filter;
        without.attemptId.reset();
        std::vector<std::int64_t> ids;
        for (const auto& a : store.listAttempts(without)) ids.push_back(a.id);
        std::string where;
        if (!ids.empty() && !sel.trainee.empty())
            where =
                label("select.trainee-range", lang, {{"name", sel.trainee}, {"ids", idRuns(ids)}});
        else if (!ids.empty())
            where = label("select.attempt-range", lang, {{"ids", idRuns(ids)}});
        else
            where = label("select.no-attempts-stored", lang);
        err << prefix
            << label("select.no-attempt", lang,
                     {{"id", std::to_string(*filter.attemptId)}, {"path", store.path()}})
            << where << '\n';
        return kExitData;
    }
    return 0;
}

CLI::Option* addDbOption(CLI::App& app, std::string& value) {
    return app.add_option("--db", value,
                          "Results database (default: $COUNTERPLAY_DB, else "
                          "$XDG_DATA_HOME/counterplay/results.db)");
}

std::unique_ptr<core::ResultsStore> openStoreForVerb(const std::string& dbFlag,
                                                     core::ResultsStore::Mode mode,
                                                     const char* verb, core::Lang lang,
                                                     std::ostream& err, bool mustExist) {
    const std::string path = core::resultsDbPath(dbFlag);
    if (mustExist && !std::filesystem::exists(path)) {
        err << "counterplay " << verb << ": " << label("select.no-db", lang, {{"path", path}})
            << '\n';
        return nullptr;
    }
    std::string error;
    core::Problem problem;
    auto store = core::ResultsStore::open(path, error, mode, &problem);
    if (!store) err << "counterplay " << verb << ": " << problemText(problem, lang, error) << '\n';
    return store;
}

std::string exportStringsPath() {
    const std::string cli = cliStringsPath();
    if (cli.empty()) return {};
    const std::string path = (std::filesystem::path(cli).parent_path() / "export.json").string();
    return std::filesystem::exists(path) ? path : std::string();
}

std::int64_t storeAttempt(const std::string& dbFlag, const std::string& trainee,
                          const core::Scorecard& card, const core::Transcript& transcript,
                          std::int64_t startedAtMs, std::int64_t endedAtMs, core::Lang lang,
                          std::ostream& err) {
    core::NewAttempt a;
    a.uuid = core::uuidV4();
    a.traineeName = trainee;
    a.lang = core::langCode(lang);
    a.scorecard = card;
    a.transcript = transcript;
    a.startedAtMs = startedAtMs;
    a.endedAtMs = endedAtMs;
    // Tries one database; the reason on failure.
    auto tryStore = [&](const std::string& path, std::string& why) -> std::int64_t {
        std::string error;
        auto store = core::ResultsStore::open(path, error, core::ResultsStore::Mode::ReadWrite);
        if (!store) {
            why = error;
            return 0;
        }
        try {
            const std::int64_t id = store->recordAttempt(a);
            err << "Saved as attempt " << id << " in " << path << '\n';
            // A good open: attempts kept earlier because a database was unusable go in too.
            const core::PendingResult pending = core::storePendingAttempts(*store);
            if (!pending.stored.empty())
                err << core::fillPlaceholders(
                           "Also stored {n} {n|attempt|attempts} kept earlier in {dir}",
                           {{"n", std::to_string(pending.stored.size())},
                            {"dir", core::pendingDir()}})
                    << '\n';
            return id;
        } catch (const std::exception& e) {
            why = e.what();
            return 0;
        }
    };
    const std::string wanted = core::resultsDbPath(dbFlag);
    std::string why;
    if (const std::int64_t id = tryStore(wanted, why)) return id;
    err << "counterplay play: the attempt could not be saved in " << wanted << ": " << why << '\n';
    const std::string fallback = core::resultsDbPath();
    if (fallback != wanted) {
        std::string why2;
        err << "  Saving it in the default database instead:\n";
        if (const std::int64_t id = tryStore(fallback, why2)) return -id;
    }
    std::string error;
    const std::string kept = core::savePendingAttempt(a, error);
    if (!kept.empty())
        err << "  It is kept in " << kept
            << " and will be stored the next time a results database opens for writing\n";
    else
        err << "  It could not be kept either (" << error << ")\n";
    return 0;
}

void sendAfterEachAttempt(const std::string& dbFlag, std::int64_t id, std::ostream& err) {
    std::string error;
    const auto settings = core::loadLrsSettings(error);
    if (!error.empty()) err << "counterplay play: not sent to the LRS: " << error << '\n';
    if (!settings || !settings->sendAfterEachAttempt) return;
    auto store = core::ResultsStore::open(core::resultsDbPath(dbFlag), error);
    if (!store) {
        err << "counterplay play: not sent to the LRS: " << error << '\n';
        return;
    }
    try {
        const core::SyncResult r = core::sendAttemptNow(*store, id, *settings);
        if (r.ok)
            err << "Sent to the LRS " << settings->endpoint << '\n';
        else
            err << "Not sent to the LRS now (" << r.message
                << "); the next `counterplay sync` sends it\n";
    } catch (const std::exception& e) {
        err << "Not sent to the LRS now (" << e.what()
            << "); the next `counterplay sync` sends it\n";
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

std::string idRuns(const std::vector<std::int64_t>& ids) {
    std::string out;
    int runs = 0;
    for (std::size_t i = 0; i < ids.size();) {
        std::size_t j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
        if (runs++ == 8) {
            out += ", ...";
            break;
        }
        if (!out.empty()) out += ", ";
        out += std::to_string(ids[i]);
        if (j > i) out += "-" + std::to_string(ids[j]);
        i = j + 1;
    }
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
