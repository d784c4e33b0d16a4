// Helpers shared by the results verbs (see ResultsCommon.h).
#include "ResultsCommon.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

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
                return "attempt ids are whole numbers from 1 ('" + value +
                       "' is not one); `counterplay report --json` and the exports show them";
            },
            "ID"));
    app.add_option("--trainee", sel.trainee, "Only this trainee's attempts (trainee key or name)");
    app.add_option("--scenario", sel.scenario, "Only attempts of this scenario id");
    app.add_option(
        "--since", sel.since,
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

/// Scenario ids of the shipped scenario files (next to the default catalogue).
std::vector<std::string> shippedScenarioIds() {
    std::vector<std::string> ids;
    const std::string catalogue = defaultCataloguePath();
    if (catalogue.empty()) return ids;
    std::error_code ec;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(catalogue).parent_path(), ec)) {
        const auto& p = entry.path();
        if (p.extension() == ".yaml" && p.filename() != "principles.yaml")
            ids.push_back(p.stem().string());
    }
    return ids;
}

}  // namespace

int resolveSelection(const core::ResultsStore& store, const SelectionOptions& sel,
                     core::AttemptFilter& filter, const char* verb, std::ostream& err) {
    const std::string prefix = std::string("counterplay ") + verb + ": ";
    if (filter.sinceMs && filter.untilMs && *filter.sinceMs >= *filter.untilMs) {
        err << prefix << "--since " << sel.since << " is not before --until " << sel.until
            << ": no attempt can match\n";
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
            err << prefix << "'" << sel.trainee << "' is the name of " << byName.size()
                << " trainees; give one key with --trainee:\n";
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
            err << prefix << "no trainee has the key or name '" << sel.trainee << "'"
                << (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)")
                << (all.empty() ? "; no attempts are stored yet" : "") << '\n';
            return kExitData;
        }
    }
    if (!sel.scenario.empty()) {
        std::vector<std::string> known = shippedScenarioIds();
        for (const auto& g : store.summarize(core::GroupBy::Scenario)) known.push_back(g.key);
        if (std::find(known.begin(), known.end(), sel.scenario) == known.end()) {
            core::Suggester suggest(sel.scenario);
            for (const auto& id : known) suggest.consider(id);
            std::string hint = suggest.best();
            for (const auto& id : known)
                if (lowerAscii(trimmed(id)) == lowerAscii(trimmed(sel.scenario))) hint = id;
            err << prefix << "no scenario has the id '" << sel.scenario << "'"
                << (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)") << '\n';
            return kExitData;
        }
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
