// Helpers shared by the results verbs (export, verify, key, sync, report, simulate) and by
// `play --trainee`: opening the results database, the attempt selection options, the words of
// the HTML export.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>

#include "counterplay/core/Export.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/Keyring.h"
#include "counterplay/core/ResultsStore.h"

namespace counterplay::tools {

/// The --attempt/--trainee/--scenario/--since/--until options, as given.
struct SelectionOptions {
    std::int64_t attempt = 0;
    std::string trainee;
    std::string scenario;
    std::string since;
    std::string until;
};

/// Adds the selection options to `app`.
void addSelectionOptions(CLI::App& app, SelectionOptions& sel);

/// The filter for the options; false (message on `err`, in `lang`, after "counterplay <verb>: ")
/// for a malformed date.
bool buildFilter(const SelectionOptions& sel, core::AttemptFilter& filter, const char* verb,
                 core::Lang lang, std::ostream& err);

/// Checks the selection against what exists, after the store is open: a --trainee given as a
/// unique trainee name becomes that trainee's key; an ambiguous name lists the trainees it
/// could mean; a --scenario given as a scenario's title (ko or en, exact, case-insensitive)
/// becomes its id; a trainee or scenario that does not exist (neither stored nor shipped) gets a
/// "did you mean" over ids, names and titles on `err`; an --attempt that matches nothing lists
/// the ids that exist (the trainee's, with --trainee); --since after --until is refused.
/// Messages in `lang`. Returns 0 to go on, else the exit code (1 for a filter that names
/// nothing, 2 for contradictory dates).
int resolveSelection(const core::ResultsStore& store, const SelectionOptions& sel,
                     core::AttemptFilter& filter, const char* verb, core::Lang lang,
                     std::ostream& err);

/// Adds `--db FILE` (default: $COUNTERPLAY_DB, else the data folder's results.db).
CLI::Option* addDbOption(CLI::App& app, std::string& value);

/// Opens the results database for a verb; prints "counterplay <verb>: <reason>" (in `lang`) and
/// returns nullptr when it cannot (or, with `mustExist`, when there is no database yet).
std::unique_ptr<core::ResultsStore> openStoreForVerb(const std::string& dbFlag,
                                                     core::ResultsStore::Mode mode,
                                                     const char* verb, core::Lang lang,
                                                     std::ostream& err, bool mustExist = true);

/// assets/strings/export.json, found next to cli.json (empty when there is none).
std::string exportStringsPath();

/// Stores a finished attempt of `play` (or anything else headless); prints where on `err`.
/// Returns the attempt id when it went into the database asked for. When that database cannot
/// take it, the attempt is never lost: it goes into the default database (returns minus its id)
/// or, failing that, into a pending file stored on the next good open (returns 0); the caller
/// then exits non-zero.
std::int64_t storeAttempt(const std::string& dbFlag, const std::string& trainee,
                          const core::Scorecard& card, const core::Transcript& transcript,
                          std::int64_t startedAtMs, std::int64_t endedAtMs, core::Lang lang,
                          std::ostream& err);

/// The keys this machine trusts (own key, keyring, old site key); a damaged keyring is reported
/// as "counterplay <verb>: <warning>" on `err` and left out.
core::Trust loadTrustForVerb(const char* verb, std::ostream& err);

/// Adds `--scenarios DIR` (scenario files to replay stored transcripts against, in addition to
/// the shipped scenarios).
CLI::Option* addScenariosOption(CLI::App& app, std::string& value);

/// The scenario files for replay checks: the shipped scenarios folder and `extraDir` if given.
std::unique_ptr<core::ScenarioIndex> scenarioIndexFor(const std::string& extraDir);

/// Altered attempts among those matching `filter` (id -> reason), checked with `trust` and
/// `scenarios`.
std::map<std::int64_t, std::string> alteredAttempts(const core::ResultsStore& store,
                                                    const core::AttemptFilter& filter,
                                                    const core::Trust& trust,
                                                    const core::ScenarioIndex* scenarios);

/// "3-7, 9, 12-40": sorted ids as runs, at most 8 runs (then ", ...").
std::string idRuns(const std::vector<std::int64_t>& ids);

/// "3, 7, 12" (the first 20, then "...").
std::string idList(const std::map<std::int64_t, std::string>& attempts);

/// With the saved LRS's "send after each attempt" on, sends attempt `id` at once and says how it
/// went on `err`; an attempt that could not be sent now goes with the next `sync`.
void sendAfterEachAttempt(const std::string& dbFlag, std::int64_t id, std::ostream& err);

}  // namespace counterplay::tools
