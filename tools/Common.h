// Helpers shared by the headless verbs: command-line parsing with CLI11, --lang, loading a
// catalogue and a scenario with diagnostics printed, JSON output, short texts, path replay and the
// human-readable scorecard. Verbs write to std::cout / std::cerr (tests redirect their rdbuf) and
// read std::cin, never to FILE* directly, so everything can be captured in-process.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Clock.h"
#include "counterplay/core/Diagnostic.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/Problem.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Session.h"
#include "counterplay/core/Text.h"

namespace counterplay::tools {

inline constexpr int kExitOk = 0;     ///< success
inline constexpr int kExitData = 1;   ///< content or data error
inline constexpr int kExitUsage = 2;  ///< bad command line

/// Scripted play's thinking time before each decision (`play --think-ms`'s default).
inline constexpr std::int64_t kDefaultThinkMs = 4000;

/// Parses argv (argv[0] = the verb) into `app`. Returns nullopt when the verb should run, or the
/// exit code to return at once: 0 after --help, 2 after a usage error (message on std::cerr).
std::optional<int> parseCommandLine(CLI::App& app, int argc, char** argv);

/// Adds `--lang ko|en` (case-insensitive) storing the raw value in `value`.
CLI::Option* addLangOption(CLI::App& app, std::string& value);

/// The language for a --lang value: the value when given, else Korean when LC_ALL, LC_MESSAGES or
/// LANG (first one set) starts with "ko", else English.
core::Lang resolveLang(const std::string& value);

/// The catalogue verbs use when no scenario tells them where to look: the first principles.yaml
/// in $COUNTERPLAY_SCENARIOS, ./scenarios, next to the executable, the source tree, or
/// /usr/share/counterplay/scenarios.
std::string defaultCataloguePath();

/// The CLI's translation file (assets/strings/cli.json: key -> {ko, en}), found like the game's
/// assets ($COUNTERPLAY_ASSETS, next to the executable, the source tree, /usr/share); empty when
/// none exists.
std::string cliStringsPath();

/// The CLI's own words (not scenario content) in `lang`, with "{name}" placeholders filled.
/// English is built in (so the tool works without its assets); other text comes from cli.json.
std::string label(std::string_view key, core::Lang lang,
                  std::initializer_list<std::pair<const char*, std::string>> args = {});

/// The same with values built at run time (a core Problem's).
std::string labelWith(std::string_view key, core::Lang lang,
                      const std::vector<std::pair<std::string, std::string>>& args);

/// A problem core reported as data, worded in `lang`: the label "problem.<kind>" filled with its
/// values; `english` (core's own sentence) when it has no kind or the tools have no words for it.
std::string problemText(const core::Problem& problem, core::Lang lang, const std::string& english);

/// Why a write to `path` failed, in `lang`: the target's problem as resolveWriteTarget sees it
/// (a folder, a missing or read-only folder, a device, ...), else `english` (core's message,
/// e.g. a disk that filled up while writing).
std::string writeErrorText(const std::string& path, const std::string& english, core::Lang lang);

/// The exit status for a write that failed: 2 when the target itself cannot be written (the
/// user must give another), else 1.
int writeErrorExit(const std::string& path);

/// True (and "counterplay <verb>: FILE: there is no such file" in `lang` on `err`) when an input
/// file named on the command line is not a regular file: a usage error (exit 2), not a problem
/// found in its content.
bool inputFileMissing(const std::string& file, const char* verb, core::Lang lang,
                      std::ostream& err);

/// The text of an exception caught by a verb: a StoreError's problem worded in `lang`, else its
/// message.
std::string exceptionText(const std::exception& e, core::Lang lang);

/// Every label key the tools use (a test checks cli.json has all of them in both languages).
std::vector<std::string> labelKeys();

/// Prints each diagnostic as "file:line:col: severity: path: message", one per line.
void printDiagnostics(std::ostream& out, const std::vector<core::Diagnostic>& diagnostics);

/// A scenario loaded for a verb, with the catalogue it was checked against.
struct ToolScenario {
    std::shared_ptr<const core::Scenario> scenario;    ///< null unless the scenario loaded clean
    std::shared_ptr<const core::Catalogue> catalogue;  ///< null when none was found or it failed
    std::vector<core::Diagnostic> diagnostics;         ///< catalogue's, then scenario's
};

/// Loads the catalogue (`catalogueOverride`, else findCatalogueFor(path)) and then the scenario,
/// printing every diagnostic to `err`. Catalogue errors are reported but do not stop the scenario
/// from loading (its principle ids are then not checked). `scenario` is null when the scenario
/// itself has errors.
ToolScenario loadScenarioForTool(const std::string& path, const std::string& catalogueOverride,
                                 std::ostream& err);

/// Pretty-prints JSON (2-space indent, UTF-8 kept, invalid bytes replaced) and a newline.
void printJson(std::ostream& out, const nlohmann::json& j);

/// The first `maxCodePoints` UTF-8 code points of `s` on one line (newlines and tabs become
/// spaces), with "..." appended when cut. Never splits a multi-byte character.
std::string snippet(std::string_view s, std::size_t maxCodePoints);

/// "+2", "-1" or "0".
std::string signedNumber(int value);

/// The principle's name in `lang`, or its id when the catalogue does not have it.
std::string principleName(const core::Catalogue* catalogue, const std::string& id, core::Lang lang);

/// The face a line shows: its expression, else one derived from the current mood (display only).
std::string displayExpression(const core::Line& line, int mood);

/// The display text of a choice (or the timeout when choiceIndex is kTimeoutChoice).
core::Text choiceText(const core::Node& node, int choiceIndex);

/// Stable id of a choice, or "<node>.timeout".
std::string choiceId(const core::Node& node, int choiceIndex);

/// Points of a choice or of the timeout branch.
const core::Points& choicePoints(const core::Node& node, int choiceIndex);

/// "+2 complaint.listen, -1 trust.consistency" (empty string when no points).
std::string formatPoints(const core::Points& points);

/// Replays an analysis path in a fresh headless session (file order): each decision after
/// `thinkMs` (a timeout after its full limit). `beforeStep(session, i)`, when given, sees the
/// session just before step i is taken. Returns the session, or nullptr and `error` when the
/// path does not fit.
std::unique_ptr<core::Session> replayPath(
    std::shared_ptr<const core::Scenario> scenario, const core::ScoredPath& path,
    core::ManualClock& clock, std::int64_t thinkMs, std::string& error,
    const std::function<void(const core::Session&, std::size_t)>& beforeStep = {});

/// The value of `play --choices` that takes `path`: choice ids (ids do not depend on the order
/// shown), t for a timeout, and "id@MS" where a node's time limit is not longer than play's
/// default thinking time. Empty when the path has no steps.
std::string choicesArgument(const core::Scenario& scenario, const core::ScoredPath& path);

/// The human-readable scorecard: per principle earned of achievable (names from the catalogue),
/// total and percentage, PASS/FAIL, critical actions, ending, recommend and NPS class, time per
/// decision.
void printScorecard(std::ostream& out, const core::Scorecard& card,
                    const core::Catalogue* catalogue, core::Lang lang);

}  // namespace counterplay::tools
