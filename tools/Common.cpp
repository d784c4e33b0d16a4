// Helpers shared by the headless verbs (see Common.h).
#include "Common.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Transcript.h"

namespace counterplay::tools {

using core::Lang;

namespace {

/// The --lang value on a command line that did not parse ("--lang ko" or "--lang=ko"), so its
/// mistakes are worded in the language asked for; empty when there is none.
std::string langOnCommandLine(int argc, char** argv) {
    std::string value;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
        if (arg.substr(0, 7) == "--lang=") value = std::string(arg.substr(7));
    }
    Lang lang = Lang::En;
    return core::parseLang(value, lang) ? value : std::string();
}

/// What follows `prefix` in `text` up to `stop` (or the end when `stop` is empty); false when
/// `text` does not start with `prefix` or has no `stop` after it.
bool between(const std::string& text, std::string_view prefix, std::string_view stop,
             std::string& out) {
    if (text.rfind(prefix, 0) != 0) return false;
    const std::size_t from = prefix.size();
    const std::size_t to = stop.empty() ? text.size() : text.find(stop, from);
    if (to == std::string::npos) return false;
    out = text.substr(from, to - from);
    return true;
}

/// A CLI11 parse error in the user's words. CLI11 (2.1) only has English sentences, so each
/// kind of error is recognised by its type and the pattern of its sentence and worded from
/// cli.json ("cli.*"); a sentence of a form not known here is shown as CLI11 wrote it.
std::string parseErrorText(const CLI::ParseError& e, Lang lang) {
    const std::string what = e.what();
    std::string a, b, c;
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr &&
        between(what, "", " is required", a))
        return label("cli.required", lang, {{"option", a}});
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
        if (between(what, "The following argument was not expected: ", "", a) ||
            between(what, "The following arguments were not expected: ", "", a))
            return label("cli.unexpected", lang, {{"args", a}});
    }
    if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
        if (between(what, "Could not convert: ", " = ", a)) {
            between(what, "Could not convert: " + a + " = ", "", b);
            return label("cli.not-number", lang, {{"option", a}, {"value", b}});
        }
        if (between(what, "The value ", " is not an allowed value for ", a)) {
            between(what, "The value " + a + " is not an allowed value for ", "", b);
            return label("cli.not-number", lang, {{"option", b}, {"value", a}});
        }
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
        if (between(what, "Expected exactly 1 arguments to ", ", got", a) ||
            between(what, "", ": 1 required", a))
            return label("cli.needs-value", lang, {{"option", a}});
    }
    if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr && between(what, "", ": ", a)) {
        const std::string rest = what.substr(a.size() + 2);
        if (between(rest, "", " not in {", b) && rest.back() == '}') {
            const std::size_t open = b.size() + std::string_view(" not in {").size();
            c = rest.substr(open, rest.size() - open - 1);
            for (std::size_t at = c.find(','); at != std::string::npos; at = c.find(',', at + 2))
                c.replace(at, 1, ", ");
            return label("cli.not-member", lang, {{"option", a}, {"value", b}, {"choices", c}});
        }
        std::string lo, hi;
        if (between(rest, "Value ", " not in range ", b) &&
            between(rest, "Value " + b + " not in range ", " to ", lo) &&
            between(rest, "Value " + b + " not in range " + lo + " to ", "", hi))
            return label("cli.range", lang,
                         {{"option", a}, {"value", b}, {"min", lo}, {"max", hi}});
        if (between(rest, "attempt-id:", "", b))
            return label("cli.attempt-id", lang, {{"option", a}, {"value", b}});
    }
    if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr &&
        between(what, "", " requires ", a)) {
        between(what, a + " requires ", "", b);
        return label("cli.requires", lang, {{"option", a}, {"other", b}});
    }
    if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr &&
        between(what, "", " excludes ", a)) {
        between(what, a + " excludes ", "", b);
        return label("cli.excludes", lang, {{"option", a}, {"other", b}});
    }
    return what;
}

}  // namespace

std::optional<int> parseCommandLine(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        app.exit(e, std::cout, std::cerr);  // --help: CLI11 prints it
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        // A mistake on the command line: worded in the user's language, after the verb, with
        // where to look, and always exit status 2 (see docs/cli.md).
        const Lang lang = resolveLang(langOnCommandLine(argc, argv));
        std::cerr << app.get_name() << ": " << parseErrorText(e, lang) << '\n'
                  << label("cli.see-help", lang, {{"verb", app.get_name()}}) << '\n';
        return kExitUsage;
    }
    return std::nullopt;
}

CLI::Option* addLangOption(CLI::App& app, std::string& value) {
    return app
        .add_option("--lang", value,
                    "Language of the content: ko or en (default: ko when LANG starts with ko, "
                    "else en)")
        ->check(CLI::IsMember({"ko", "en"}, CLI::ignore_case));
}

Lang resolveLang(const std::string& value) {
    Lang lang = Lang::En;
    if (!value.empty() && core::parseLang(value, lang)) return lang;
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v == nullptr || *v == '\0') continue;
        return std::string_view(v).substr(0, 2) == "ko" ? Lang::Ko : Lang::En;
    }
    return Lang::En;
}

namespace {

namespace fs = std::filesystem;

std::string envOr(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
}

std::string exeDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(".") : exe.parent_path().string();
}

/// The first candidate folder holding `marker`, as "<folder>/<marker>"; empty when none does.
std::string firstWith(std::initializer_list<std::string> folders, const char* marker) {
    std::error_code ec;
    for (const std::string& folder : folders)
        if (!folder.empty() && fs::is_regular_file(fs::path(folder) / marker, ec))
            return (fs::path(folder) / marker).string();
    return {};
}

}  // namespace

std::string defaultCataloguePath() {
    const std::string source = COUNTERPLAY_DEFAULT_SCENARIOS;
    std::string found =
        firstWith({envOr("COUNTERPLAY_SCENARIOS"), "scenarios", exeDir() + "/../scenarios",
                   exeDir() + "/scenarios", source, "/usr/share/counterplay/scenarios"},
                  "principles.yaml");
    return found.empty() ? source + "/principles.yaml" : found;
}

std::string cliStringsPath() {
    const std::string exe = exeDir();
    return firstWith({envOr("COUNTERPLAY_ASSETS"), exe + "/../assets", exe + "/assets",
                      std::string(COUNTERPLAY_DEFAULT_SCENARIOS) + "/../assets",
                      "/usr/share/counterplay/assets"},
                     "strings/cli.json");
}

namespace {

/// English text of every label; translations live in assets/strings/cli.json.
const std::map<std::string, std::string, std::less<>>& englishLabels() {
    static const std::map<std::string, std::string, std::less<>> table = {
        {"play.staff", "Colleague"},
        {"play.time-limit", "(Time limit: {s} s. Answer in time, or enter t to stay silent.)"},
        {"play.timed-out", "(Time ran out after {s} s: the customer did not wait for an answer.)"},
        {"play.coach", "Coach"},
        {"play.the-end", "The end"},
        {"play.too-late", "Too late: the timer ran out before your answer."},
        {"play.silent", "(You stay silent...)"},
        {"play.no-timer", "There is no timer here; pick 1-{n}."},
        {"play.enter-number", "Enter a number from 1 to {n}, or q to quit."},
        {"play.enter-number-timed",
         "Enter a number from 1 to {n}, t to stay silent, or q to quit."},
        {"play.stopped", "Stopped at node '{node}'."},
        {"play.started-from", "(Starting from node '{node}'.)"},
        {"play.entry-bad-number",
         "--choices entry {n} ('{entry}'): node '{node}' shows {count} choices: {shown}"},
        {"play.entry-unknown-id",
         "--choices entry {n} ('{entry}'): node '{node}' shows no choice '{id}'{hint}; it shows: "
         "{shown}"},
        {"play.entry-hidden",
         "--choices entry {n} ('{entry}'): choice '{id}' of node '{node}' is not shown now (its "
         "condition is false); it shows: {shown}"},
        {"play.did-you-mean", " (did you mean '{id}'?)"},
        {"play.set-syntax", "--set expects NAME=VALUE, got '{arg}'"},
        {"play.set-flag", "flag '{name}' takes true or false, got '{value}'"},
        {"play.set-integer", "'{name}' takes a whole number, got '{value}'"},
        {"play.set-range", "'{name}' must be from 0 to 100, got {value}"},
        {"play.set-unknown", "no state variable '{name}' in this scenario{hint}; it has: {names}"},
        {"play.from-unknown", "--from: no node '{node}' in {file}{hint}"},
        {"play.entry-hidden-number",
         "--choices entry {n} ('{entry}'): node '{node}' shows {count} choices now (choices whose "
         "condition is false are hidden and not counted): {shown}"},
        {"card.achievable-note",
         "(Achievable is the most each principle can earn on its own best path. No single path "
         "earns them all: they add up to {sum}, the best path to {best}.)"},
        {"graph.limit", "{s} s limit"},
        {"graph.timeout", "timeout {s} s"},
        {"graph.if", "if {condition}"},
        {"card.title", "Scorecard"},
        {"card.principles", "Principles (earned / achievable):"},
        {"principles.source", "source: {citation}"},
        {"card.total",
         "Total: {earned} of {best} points, {percent}% (pass mark {threshold}%): {verdict}"},
        {"card.pass", "PASS"},
        {"card.fail", "FAIL"},
        {"card.critical", "Critical actions:"},
        {"card.critical-none", "Critical actions: none in this scenario"},
        {"card.met", "[met]"},
        {"card.missed", "[MISSED]"},
        {"card.reason.missed", "missed"},
        {"card.reason.late", "late"},
        {"card.reason.out of order", "out of order"},
        {"card.not-applicable", "[n/a]"},
        {"card.reason.not applicable",
         "not applicable: it lies before the node this play started from"},
        {"card.ending", "Ending: {title} ({kind})"},
        {"card.ending-none", "Ending: not reached"},
        {"card.mood-trust", "mood {mood}, trust {trust}"},
        {"card.recommend", "Would recommend: {n}/10 ({class})"},
        {"card.time", "Time per decision:"},
        {"card.timeout", "timeout"},
        {"card.total-time", "Total time: {t}"},
        {"card.hash", "Content hash: {hash}"},
        {"kind.loyal", "loyal"},
        {"kind.resolved", "resolved"},
        {"kind.lost", "lost"},
        {"kind.escalated", "escalated"},
        {"nps.promoter", "promoter"},
        {"nps.passive", "passive"},
        {"nps.detractor", "detractor"},
        {"choice.timeout", "(no answer in time)"},
        {"integrity.altered", "attempt {id} ({uuid}, store '{store}'): ALTERED: {reason}"},
        {"integrity.unknown", "attempt {id} ({uuid}): {reason}"},
        {"edit.needs-game",
         "the editor is a window of the game: run `counterplay edit FILE` with the game build "
         "(this is counterplay-cli, built without the game); `counterplay lint FILE` checks a file "
         "without a window"},
        {"dashboard.needs-game",
         "the dashboard is a window of the game: run `counterplay dashboard` with the game build "
         "(this is counterplay-cli, built without the game); `counterplay report --html` prints "
         "the same views"},
        {"check.remembered",
         "Remembered {n} {n|attempt|attempts} found ok: reports, exports and the dashboard now "
         "skip their full check while their rows stay unchanged"},
        {"check.summary",
         "{n} {n|attempt|attempts} checked: {ok} ok, {altered} altered, {unsealed} unsealed "
         "(recorded before sealing), {unknown} by unknown signers; {replayed} replayed against "
         "their scenario file"},
        {"export.altered",
         "refused: {n} {n|attempt was|attempts were} changed after they were recorded (ids {ids}). "
         "Run `counterplay check` for details, or add --include-altered to export them marked as "
         "altered"},
        {"export.altered-included",
         "note: {n} altered {n|attempt|attempts} exported marked as altered (ids {ids})"},
        {"report.altered",
         "Warning: {n} {n|attempt was|attempts were} changed after they were recorded (ids {ids}); "
         "{n|it is|they are} left out of the report; run `counterplay check`"},
        {"sync.altered",
         "not sending {n} altered {n|attempt|attempts} (ids {ids}); run `counterplay check`"},
        {"import.added",
         "{file}: imported {added} {added|attempt|attempts} signed by store '{store}' ({skipped} "
         "already here)"},
        {"import.refused", "{file}: refused, nothing from it was stored: {reason}"},
        {"key.trusted", "Trusted store '{name}' (key {fp}); its exports and seals now verify here"},
        {"key.own", "this machine"},
        {"key.renamed",
         "Store name set to '{name}'; new exports and attempts are signed as '{name}'"},
        {"key.public-written", "Public key of store '{name}' (key {fp}) written to {file}"},
        {"roster.empty",
         "The roster is empty (add trainees with: counterplay roster add --name NAME --id ID)"},
        {"roster.added", "Added {name} ({id}) to the roster"},
        {"roster.updated", "Updated {name} ({id}) in the roster"},
        {"roster.removed",
         "Removed {id} from the roster; their attempts, notes and sign-offs stay"},
        {"roster.unknown", "no roster entry has the employee id '{id}'"},
        {"coach.invalid", "{reason}"},
        {"coach.ambiguous", "'{name}' is the name of {n} trainees; give one key with --trainee:"},
        {"coach.unknown-trainee", "no trainee has the key or name '{key}'"},
        {"coach.unknown-principle", "no principle has the id '{id}'"},
        {"coach.unknown-attempt", "there is no attempt {id}"},
        {"coach.no-attempts", "no attempts are stored yet"},
        {"coach.bad-step", "attempt {id} has {n} {n|decision|decisions}; there is no step {step}"},
        {"coach.whole-attempt", "the whole attempt"},
        {"coach.step", "step {n}"},
        {"coach.whole-set", "all principles (ready for the floor)"},
        {"coach.noted", "Note {note} pinned to attempt {id} ({name}), {where}"},
        {"coach.signed", "Sign-off {id}: {key} on {what}, by {manager}"},
        {"coach.revoked", "Sign-off {id} revoked"},
        {"coach.already-revoked", "sign-off {id} was revoked already"},
        {"coach.unknown-signoff", "there is no sign-off {id} (see: counterplay coach list)"},
        {"coach.note-deleted", "Note {id} deleted"},
        {"coach.unknown-note", "there is no note {id} (see: counterplay coach list)"},
        {"coach.list-signoff", "sign-off {id}: {what}, by {manager}, {date}"},
        {"coach.list-revoked", "[revoked by {manager}, {date}]"},
        {"coach.list-note",
         "note {note} on attempt {id} ({scenario}), {where}, by {author}, {date}"},
        {"coach.list-none", "no notes or sign-offs"},
        {"coach.list-empty", "No coaching notes or sign-offs yet"},
        {"fmt.would-change",
         "{file}: not in the canonical layout (counterplay fmt would rewrite it)"},
        {"fmt.formatted", "{file}: formatted"},
        {"fmt.unchanged", "{file}: already formatted"},
        {"fmt.model-changed",
         "{file}: formatting would change what the file means; nothing written (please report "
         "this)"},
        {"fmt.drops-comments",
         "{file}: formatting would drop {n} {n|comment|comments}; nothing written (use "
         "--drop-comments to accept)"},
        {"fmt.summary", "{n} {n|file|files} would be rewritten by counterplay fmt"},
        {"edit.cannot-read", "{file}: cannot edit: {error}"},
        {"edit.not-saved", "{file}: not saved: {error}"},
        {"new.written", "Wrote {file}; check it with: counterplay lint {file}"},
        {"new.exists", "{file} already exists; nothing written"},
        {"new.bad-id", "'{id}' is not an id (a-z, 0-9, '-', '_', '.', starting with a letter)"},
        {"strings.exported",
         "Wrote {n} texts from {files} {files|file|files} to {out}; {attention} need attention"},
        {"strings.unknown", "{id}: this text no longer exists (moved, renamed or deleted)"},
        {"strings.unknown-stop",
         "{n} {n|id no longer exists|ids no longer exist}; nothing was written (use --skip-unknown "
         "to apply the other rows)"},
        {"strings.unknown-skipped",
         "{n} {n|id no longer exists|ids no longer exist} and were skipped"},
        {"strings.imported", "{file}: {n} {n|text|texts} changed"},
        {"strings.marks", "{file}: review marks updated"},
        {"strings.nothing", "Nothing to change"},
        {"strings.dry-run", "(dry run: nothing written)"},
        {"strings.bad-csv", "{file}: {error}"},
        {"strings.bad-header", "{file}: the first row must be id,ko,en,status,context"},
        {"strings.bad-id", "{id}: an id is FILE#PATH, as written by strings export"},
        {"simulate.stored",
         "Stored {n} simulated {n|attempt|attempts} by {trainees} {trainees|trainee|trainees} over "
         "{scenarios} {scenarios|scenario|scenarios}, recorded as store '{store}', in {path}"},
        {"simulate.skipped", "{n} {n|playthrough|playthroughs} got stuck and {n|was|were} skipped"},
        {"simulate.bad-store", "--store needs a name on one line"},
        {"report.count", "{n} {n|attempt|attempts}, by {by}"},
        {"report.count-one", "1 attempt, by {by}"},
        {"report.by.trainee", "trainee"},
        {"report.by.scenario", "scenario"},
        {"report.by.principle", "principle"},
        {"report.by.day", "day"},
        {"report.by.month", "month"},
        {"report.col.attempts", "attempts"},
        {"report.col.pass", "pass"},
        {"report.col.mean", "mean"},
        {"report.col.points", "earned/achievable"},
        {"report.wrote", "Wrote {what} to {path}"},
        {"report.what.html", "the report"},
        {"report.what.csv", "the team table"},
        {"report.no-catalogue", "note: no principle catalogue; principle ids are shown"},
        {"report.no-scenarios",
         "note: no scenario files found in {dir}; best options are not marked"},
        {"report.bad-min-group", "--min-group must be at least 1"},
        {"report.needs-output", "--summary, --trend and --min-group need --html or --csv"},
        {"report.filter.trainee", "trainee {v}"},
        {"report.filter.scenario", "scenario {v}"},
        {"report.filter.since", "from {v}"},
        {"report.filter.until", "until {v}"},
        {"report.filter.search", "names containing \"{v}\""},
        {"report.filter.passed", "passed attempts"},
        {"report.filter.failed", "failed attempts"},
        {"cli.required", "{option} is required"},
        {"cli.unexpected", "unexpected on the command line: {args}"},
        {"cli.not-number", "{option}: '{value}' is not a number"},
        {"cli.needs-value", "{option} needs a value"},
        {"cli.not-member", "{option}: '{value}' is not one of {choices}"},
        {"cli.range", "{option}: {value} is not from {min} to {max}"},
        {"cli.attempt-id",
         "{option}: attempt ids are whole numbers from 1 ('{value}' is not one); `counterplay "
         "report --json` and the exports show them"},
        {"cli.requires", "{option} needs {other}"},
        {"cli.excludes", "{option} cannot be given with {other}"},
        {"cli.see-help", "see `{verb} --help`"},
        {"problem.store.no-file", "cannot open results database {path}: there is no such file"},
        {"problem.store.empty",
         "cannot open results database {path}: it is empty (0 bytes): nothing has been stored in "
         "it; it was not changed"},
        {"problem.store.not-regular",
         "cannot open results database {path}: it is not a regular file; it was not changed"},
        {"problem.store.too-short",
         "cannot open results database {path}: it is too short to be a database ({bytes} bytes): "
         "truncated or not a results file; it was not changed"},
        {"problem.store.not-sqlite",
         "cannot open results database {path}: it is not an SQLite database (garbage or another "
         "kind of file); it was not changed"},
        {"problem.store.bad-header",
         "cannot open results database {path}: its header is damaged (page size {pagesize}); it "
         "was not changed"},
        {"problem.store.partial-page",
         "cannot open results database {path}: it is truncated ({bytes} bytes is not a whole "
         "number of {pagesize}-byte pages); it was not changed"},
        {"problem.store.truncated",
         "cannot open results database {path}: it is truncated ({have} of {want} pages present); "
         "it was not changed"},
        {"problem.store.folder", "cannot open results database {path}: {detail}"},
        {"problem.store.sqlite", "cannot open results database {path}: {detail}"},
        {"problem.store.foreign",
         "cannot open results database {path}: it is an SQLite database but not a Counterplay "
         "results database; it was not changed"},
        {"problem.store.newer",
         "cannot open results database {path}: it was written by a newer Counterplay (schema "
         "{version}; this version reads up to {max}). Update Counterplay; it was not changed"},
        {"problem.store.old-unreadable",
         "cannot open results database {path}: its schema is older ({version}) and could not be "
         "read: {detail}; it was not changed"},
        {"problem.store.no-wal",
         "cannot open results database {path}: cannot switch it to WAL mode"},
        {"problem.store.database", "the results database {path} failed ({what}): {detail}"},
        {"problem.write.no-name", "no file name given"},
        {"problem.write.folder",
         "cannot write {path}: it is a folder; give a file name inside it ({inside})"},
        {"problem.write.no-folder", "cannot write {path}: the folder {folder} does not exist"},
        {"problem.write.dangling-link",
         "cannot write {path}: it is a link to nothing; it was not touched"},
        {"problem.write.link-not-file",
         "cannot write {path}: it links to something that is not a regular file; it was not "
         "touched"},
        {"problem.write.not-file",
         "cannot write {path}: it is not a regular file (a device, pipe or socket); it was not "
         "touched"},
        {"problem.write.read-only", "cannot write {path}: its folder is read-only here ({detail})"},
        {"problem.write.errno", "cannot write {path}: {detail}"},
        {"select.no-db",
         "there is no results database at {path} (nothing has been stored yet; see --db)"},
        {"select.bad-date",
         "{option}: '{value}' is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)"},
        {"select.dates-contradict",
         "--since {since} is not before --until {until}: no attempt can match"},
        {"select.ambiguous", "'{name}' is the name of {n} trainees; give one key with --trainee:"},
        {"select.unknown-trainee", "no trainee has the key or name '{key}'"},
        {"select.none-stored", "; no attempts are stored yet"},
        {"select.unknown-scenario", "no scenario has the id or title '{id}'"},
        {"select.did-you-mean", " (did you mean '{id}'?)"},
        {"select.no-attempt", "there is no attempt {id} in {path}"},
        {"select.attempt-range", " (stored attempts: {ids})"},
        {"select.trainee-range", " ({name} has {ids})"},
        {"select.no-attempts-stored", " (no attempts are stored yet)"},
        {"select.out", "--out: {reason}"},
        {"select.sig-file", "the signature file: {reason}"},
        {"export.bad-base-iri",
         "--base-iri '{iri}' is not an absolute http(s) or urn IRI without a trailing slash"},
        {"export.no-signature",
         "note: {format} on stdout carries no signature; use --out FILE (signature in FILE.sig) or "
         "--sig FILE"},
        {"export.exported", "Exported {n} {n|attempt|attempts} to {out}"},
        {"export.exported-sig",
         "Exported {n} {n|attempt|attempts} to {out} (signature in {out}.sig)"},
        {"input.missing", "{file}: there is no such file"},
        {"input.not-a-file", "{file}: it is not a regular file"},
        {"sync.needs-lrs", "give --lrs URL (no LRS has been saved with --save)"},
        {"sync.needs-credentials",
         "give --key and --secret (or COUNTERPLAY_LRS_KEY and COUNTERPLAY_LRS_SECRET)"},
        {"sync.bad-lrs", "--lrs must be an http:// or https:// URL"},
        {"report.out", "{option}: {reason}"},
        {"export.no-catalogue", "no principle catalogue; principle ids are shown"},
    };
    return table;
}

/// cli.json, read once; an unreadable or malformed file leaves every label in English.
const nlohmann::json& translations() {
    static const nlohmann::json table = [] {
        const std::string path = cliStringsPath();
        if (path.empty()) return nlohmann::json::object();
        std::ifstream in(path, std::ios::binary);
        nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
        return j.is_object() ? j : nlohmann::json::object();
    }();
    return table;
}

}  // namespace

std::string label(std::string_view key, Lang lang,
                  std::initializer_list<std::pair<const char*, std::string>> args) {
    std::string text;
    const nlohmann::json& t = translations();
    if (auto it = t.find(std::string(key)); it != t.end() && it->is_object()) {
        auto in = it->find(core::langCode(lang));
        if (in != it->end() && in->is_string()) text = in->get<std::string>();
    }
    if (text.empty()) {
        const auto& english = englishLabels();
        auto it = english.find(key);
        text = it != english.end() ? it->second : std::string(key);
    }
    return core::fillPlaceholders(std::move(text), args);
}

std::string labelWith(std::string_view key, Lang lang,
                      const std::vector<std::pair<std::string, std::string>>& args) {
    // One value at a time (core::fillPlaceholders takes a fixed list); values holding a brace
    // go last, so no value is searched again for the placeholders filled after it.
    std::string text = label(key, lang);
    for (const bool braced : {false, true})
        for (const auto& [name, value] : args)
            if ((value.find('{') != std::string::npos) == braced)
                text = core::fillPlaceholders(std::move(text), {{name.c_str(), value}});
    return text;
}

std::string problemText(const core::Problem& problem, Lang lang, const std::string& english) {
    if (problem.empty()) return english;
    const std::string key = "problem." + problem.kind;
    const auto& known = englishLabels();
    if (known.find(key) == known.end()) return english;
    return labelWith(key, lang, problem.values);
}

std::string writeErrorText(const std::string& path, const std::string& english, Lang lang) {
    std::string resolved, why;
    core::Problem problem;
    if (core::resolveWriteTarget(path, resolved, why, &problem)) return english;
    return problemText(problem, lang, why);
}

int writeErrorExit(const std::string& path) {
    std::string resolved, why;
    return core::resolveWriteTarget(path, resolved, why) ? kExitData : kExitUsage;
}

bool inputFileMissing(const std::string& file, const char* verb, Lang lang, std::ostream& err) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) return false;
    err << "counterplay " << verb << ": "
        << label(std::filesystem::exists(file, ec) ? "input.not-a-file" : "input.missing", lang,
                 {{"file", file}})
        << '\n';
    return true;
}

std::string exceptionText(const std::exception& e, Lang lang) {
    if (const auto* store = dynamic_cast<const core::StoreError*>(&e))
        return problemText(store->problem(), lang, e.what());
    return e.what();
}

std::vector<std::string> labelKeys() {
    std::vector<std::string> keys;
    for (const auto& [key, text] : englishLabels()) keys.push_back(key);
    return keys;
}

void printDiagnostics(std::ostream& out, const std::vector<core::Diagnostic>& diagnostics) {
    for (const core::Diagnostic& d : diagnostics) out << d.format() << '\n';
}

ToolScenario loadScenarioForTool(const std::string& path, const std::string& catalogueOverride,
                                 std::ostream& err) {
    ToolScenario result;
    const std::string cataloguePath =
        catalogueOverride.empty() ? core::findCatalogueFor(path) : catalogueOverride;
    if (cataloguePath.empty()) {
        err << path
            << ": note: no principles.yaml next to it or in a parent folder; principle ids and "
               "source citations are not checked (use --catalogue FILE)\n";
    } else {
        core::CatalogueLoad cat = core::loadCatalogueFile(cataloguePath);
        printDiagnostics(err, cat.diagnostics);
        result.diagnostics = cat.diagnostics;
        if (cat.ok())
            result.catalogue = cat.catalogue;
        else
            err << cataloguePath
                << ": note: the catalogue has errors; principle ids are not checked\n";
    }
    core::ScenarioLoad load = core::loadScenarioFile(path, result.catalogue.get());
    printDiagnostics(err, load.diagnostics);
    result.diagnostics.insert(result.diagnostics.end(), load.diagnostics.begin(),
                              load.diagnostics.end());
    if (load.ok()) result.scenario = load.scenario;
    return result;
}

void printJson(std::ostream& out, const nlohmann::json& j) {
    out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

std::string snippet(std::string_view s, std::size_t maxCodePoints) {
    std::string out;
    std::size_t points = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto lead = static_cast<unsigned char>(s[i]);
        std::size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        if (i + len > s.size()) len = s.size() - i;
        if (points == maxCodePoints) {
            out += "...";
            return out;
        }
        if (lead == '\n' || lead == '\r' || lead == '\t') {
            if (out.empty() || out.back() != ' ') out += ' ';
        } else {
            out.append(s.substr(i, len));
        }
        ++points;
        i += len;
    }
    return out;
}

std::string signedNumber(int value) {
    return value > 0 ? "+" + std::to_string(value) : std::to_string(value);
}

std::string principleName(const core::Catalogue* catalogue, const std::string& id, Lang lang) {
    if (catalogue != nullptr)
        if (const core::Principle* p = catalogue->find(id)) return p->name.in(lang);
    return id;
}

std::string displayExpression(const core::Line& line, int mood) {
    if (!line.expression.empty()) return line.expression;
    if (mood < 20) return "angry";
    if (mood < 40) return "annoyed";
    if (mood < 60) return "neutral";
    if (mood < 80) return "relieved";
    return "happy";
}

core::Text choiceText(const core::Node& node, int choiceIndex) {
    if (choiceIndex == core::kTimeoutChoice)
        return core::Text{label("choice.timeout", Lang::Ko), label("choice.timeout", Lang::En)};
    if (choiceIndex < 0 || static_cast<std::size_t>(choiceIndex) >= node.choices.size()) return {};
    return node.choices[static_cast<std::size_t>(choiceIndex)].text;
}

std::string choiceId(const core::Node& node, int choiceIndex) {
    if (choiceIndex == core::kTimeoutChoice) return node.id + ".timeout";
    if (choiceIndex < 0 || static_cast<std::size_t>(choiceIndex) >= node.choices.size()) return {};
    return node.choices[static_cast<std::size_t>(choiceIndex)].id;
}

const core::Points& choicePoints(const core::Node& node, int choiceIndex) {
    static const core::Points kNone;
    if (choiceIndex == core::kTimeoutChoice) return node.timeLimit ? node.timeLimit->points : kNone;
    if (choiceIndex < 0 || static_cast<std::size_t>(choiceIndex) >= node.choices.size())
        return kNone;
    return node.choices[static_cast<std::size_t>(choiceIndex)].points;
}

std::string formatPoints(const core::Points& points) {
    std::string out;
    for (const auto& [id, value] : points) {
        if (value == 0) continue;
        if (!out.empty()) out += ", ";
        out += signedNumber(value) + ' ' + id;
    }
    return out;
}

std::unique_ptr<core::Session> replayPath(
    std::shared_ptr<const core::Scenario> scenario, const core::ScoredPath& path,
    core::ManualClock& clock, std::int64_t thinkMs, std::string& error,
    const std::function<void(const core::Session&, std::size_t)>& beforeStep) {
    auto session = std::make_unique<core::Session>(std::move(scenario), clock);
    for (std::size_t i = 0; i < path.steps.size(); ++i) {
        const core::PathStep& step = path.steps[i];
        const std::string where = "step " + std::to_string(i + 1) + " (" + step.nodeId + ")";
        if (session->finished()) {
            error = where + ": the scene already ended";
            return nullptr;
        }
        if (session->currentNode().id != step.nodeId) {
            error = where + ": the session is at '" + session->currentNode().id + "'";
            return nullptr;
        }
        if (beforeStep) beforeStep(*session, i);
        const std::optional<std::int64_t> remaining = session->remainingMs();
        if (step.choiceIndex == core::kTimeoutChoice) {
            if (!remaining) {
                error = where + ": a timeout on a node without a time limit";
                return nullptr;
            }
            clock.advance(*remaining);
            if (!session->update()) {
                error = where + ": the timer did not run out";
                return nullptr;
            }
            continue;
        }
        std::int64_t wait = thinkMs;
        if (remaining && wait >= *remaining) wait = std::max<std::int64_t>(0, *remaining - 1);
        clock.advance(wait);
        session->update();
        if (step.choiceIndex < 0 || !session->choose(static_cast<std::size_t>(step.choiceIndex))) {
            error = where + ": choice " +
                    (step.choiceIndex < 0 ? std::string("?")
                                          : choiceId(session->currentNode(), step.choiceIndex)) +
                    " is not available";
            return nullptr;
        }
    }
    return session;
}

std::string choicesArgument(const core::Scenario& scenario, const core::ScoredPath& path) {
    std::string out;
    for (const core::PathStep& step : path.steps) {
        const core::Node* node = scenario.findNode(step.nodeId);
        if (node == nullptr) continue;
        if (!out.empty()) out += ',';
        if (step.choiceIndex == core::kTimeoutChoice) {
            out += 't';
            continue;
        }
        out += choiceId(*node, step.choiceIndex);
        // Answer in half the time when play's default thinking would let the timer run out.
        if (node->timeLimit && node->timeLimit->seconds * std::int64_t{1000} <= kDefaultThinkMs)
            out += '@' + std::to_string(node->timeLimit->seconds * std::int64_t{500});
    }
    return out;
}

namespace {

std::string seconds(std::int64_t ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
    return buf;
}

}  // namespace

void printScorecard(std::ostream& out, const core::Scorecard& card,
                    const core::Catalogue* catalogue, Lang lang) {
    out << label("card.title", lang) << ": " << card.scenarioTitle.in(lang) << " ["
        << card.scenarioId << "]\n";
    out << label("card.principles", lang) << '\n';
    for (const core::PrincipleScore& p : card.principles) {
        char nums[40];
        std::snprintf(nums, sizeof nums, "%4d / %-3d", p.earned, p.achievable);
        out << "  " << nums << "  " << principleName(catalogue, p.id, lang) << "  [" << p.id
            << "]\n";
    }
    // Achievable is per principle; when no one path reaches them all, say so, or a perfect run
    // showing "1 / 2" looks like a mistake.
    long long sum = 0;
    for (const core::PrincipleScore& p : card.principles) sum += p.achievable;
    if (sum > card.bestTotal)
        out << "  "
            << label("card.achievable-note", lang,
                     {{"sum", std::to_string(sum)}, {"best", std::to_string(card.bestTotal)}})
            << '\n';
    out << label("card.total", lang,
                 {{"earned", std::to_string(card.earnedTotal)},
                  {"best", std::to_string(card.bestTotal)},
                  {"percent", std::to_string(card.percent)},
                  {"threshold", std::to_string(card.passThreshold)},
                  {"verdict", label(card.passed ? "card.pass" : "card.fail", lang)}})
        << '\n';
    if (card.critical.empty()) {
        out << label("card.critical-none", lang) << '\n';
    } else {
        out << label("card.critical", lang) << '\n';
        for (const core::CriticalResult& c : card.critical) {
            out << "  "
                << label(c.met             ? "card.met"
                         : c.notApplicable ? "card.not-applicable"
                                           : "card.missed",
                         lang)
                << ' ' << c.label.in(lang);
            if (!c.met && !c.reason.empty())
                out << " (" << label("card.reason." + c.reason, lang) << ')';
            out << '\n';
        }
    }
    if (card.finished)
        out << label("card.ending", lang,
                     {{"title", card.endingTitle.in(lang)},
                      {"kind", label("kind." + card.endingKind, lang)}});
    else
        out << label("card.ending-none", lang);
    out << "; "
        << label("card.mood-trust", lang,
                 {{"mood", std::to_string(card.finalMood)},
                  {"trust", std::to_string(card.finalTrust)}})
        << '\n';
    out << label("card.recommend", lang,
                 {{"n", std::to_string(card.recommend)},
                  {"class", label("nps." + card.npsClass, lang)}})
        << '\n';
    out << label("card.time", lang) << '\n';
    for (std::size_t i = 0; i < card.decisions.size(); ++i) {
        const core::DecisionRecord& d = card.decisions[i];
        out << "  " << (i + 1) << ". " << d.nodeId << " -> "
            << (d.timeout ? label("card.timeout", lang) : d.choiceId) << ": "
            << seconds(d.elapsedMs) << '\n';
    }
    out << label("card.total-time", lang, {{"t", seconds(card.totalMs)}}) << '\n';
    out << label("card.hash", lang, {{"hash", card.contentHash}}) << '\n';
}

}  // namespace counterplay::tools
