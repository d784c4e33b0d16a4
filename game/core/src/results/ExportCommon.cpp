// Export dispatch, CSV and HTML escaping, the HTML words table, and the JSON form of an attempt.
#include <filesystem>
#include <charconv>
#include <fstream>
#include <set>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Json.h"
#include "counterplay/core/Keyring.h"
#include "results/ExportCommon.h"

namespace counterplay::core {
namespace {

/// English words of the HTML scorecard; translations live in assets/strings/export.json.
const std::map<std::string, std::string, std::less<>>& englishWords() {
    static const std::map<std::string, std::string, std::less<>> table = {
        {"brand", "Counterplay"},
        {"title.scorecard", "Scorecard"},
        {"title.cohort", "Cohort report"},
        {"label.trainee", "Trainee"},
        {"label.scenario", "Scenario"},
        {"label.date", "Date"},
        {"label.attempt", "Attempt"},
        {"label.store", "Store"},
        {"integrity.altered", "ALTERED"},
        {"integrity.banner", "ALTERED: this attempt was changed after it was recorded ({reason})"},
        {"label.duration", "Time taken"},
        {"verdict.pass", "PASS"},
        {"verdict.fail", "FAIL"},
        {"verdict.unfinished", "NOT FINISHED"},
        {"score.points", "{earned} of {best} points (pass mark {threshold}%)"},
        {"section.principles", "Principles: points earned of achievable"},
        {"note.achievable",
         "Achievable is the most each principle can earn on its own best path. No single path earns them all: they add up to {sum} points, the best path to {best}."},
        {"section.sources", "Where the principles come from"},
        {"section.outcome", "The customer"},
        {"section.critical", "Critical actions"},
        {"section.decisions", "Decisions and feedback"},
        {"outcome.ending", "Ending"},
        {"outcome.mood", "Mood"},
        {"outcome.trust", "Trust"},
        {"outcome.recommend", "Would recommend"},
        {"outcome.not-reached", "not reached"},
        {"nps.promoter", "promoter"},
        {"nps.passive", "passive"},
        {"nps.detractor", "detractor"},
        {"kind.loyal", "loyal"},
        {"kind.resolved", "resolved"},
        {"kind.lost", "lost"},
        {"kind.escalated", "escalated"},
        {"critical.met", "met"},
        {"critical.missed", "missed"},
        {"critical.late", "too late"},
        {"critical.out of order", "out of order"},
        {"critical.none", "This scenario has no critical actions."},
        {"col.step", "#"},
        {"col.choice", "What you did"},
        {"col.time", "Time"},
        {"col.points", "Points"},
        {"col.feedback", "Feedback"},
        {"col.passed", "Passed"},
        {"col.mean", "Mean score"},
        {"col.score", "Score"},
        {"col.result", "Result"},
        {"col.decisions", "Decisions"},
        {"decision.timeout", "(no answer in time)"},
        {"footer.hash", "Scenario version (SHA-256)"},
        {"footer.exported", "Exported {date}"},
        {"footer.signed",
         "Signed by store {store} (key {key}). Check that it was not edited: counterplay verify "
         "FILE"},
        {"cohort.attempts", "Attempts"},
        {"cohort.trainees", "Trainees"},
        {"cohort.pass-rate", "Pass rate"},
        {"cohort.mean", "Mean score"},
        {"cohort.range", "{from} to {to}"},
        {"cohort.by-trainee", "By trainee"},
        {"cohort.by-scenario", "By scenario"},
        {"cohort.all", "All attempts"},
        {"cohort.empty", "No attempts match this selection."},
        {"cohort.details", "Scorecards"},
        {"unit.seconds", "{n} s"},
        {"unit.minutes", "{m} min {s} s"},
        {"chart.na", "n/a"},
        {"report.hidden-short", "hidden"},
        {"report.altered-banner", "{n} {n|attempt|attempts} changed after {n|it was|they were} recorded ({ids}) {n|is|are} left out of every figure in this report. Run `counterplay check` to see them."},
        {"csv.attempt_id", "Attempt"},
        {"csv.attempt_uuid", "Attempt UUID"},
        {"csv.trainee_key", "Trainee key"},
        {"csv.trainee_name", "Trainee"},
        {"csv.trainee_email", "Email"},
        {"csv.scenario_id", "Scenario id"},
        {"csv.scenario_title", "Scenario"},
        {"csv.content_hash", "Scenario version"},
        {"csv.started_local", "Started"},
        {"csv.ended_local", "Ended"},
        {"csv.duration_s", "Time taken (s)"},
        {"csv.finished", "Finished"},
        {"csv.passed", "Passed"},
        {"csv.percent", "Score %"},
        {"csv.earned", "Points earned"},
        {"csv.best", "Best possible"},
        {"csv.worst", "Worst possible"},
        {"csv.pass_threshold", "Pass mark %"},
        {"csv.critical_missed", "Critical action missed"},
        {"csv.ending_id", "Ending id"},
        {"csv.ending_kind", "Ending"},
        {"csv.final_mood", "Final mood"},
        {"csv.final_trust", "Final trust"},
        {"csv.recommend", "Would recommend"},
        {"csv.nps_class", "NPS class"},
        {"csv.lang", "Language"},
        {"csv.decisions", "Decisions"},
        {"csv.store", "Store"},
        {"csv.integrity", "Integrity"},
        {"csv.step", "Step"},
        {"csv.node_id", "Decision point"},
        {"csv.choice_index", "Option number"},
        {"csv.choice_id", "Option id"},
        {"csv.choice_text", "Option"},
        {"csv.timeout", "Timed out"},
        {"csv.elapsed_s", "Time (s)"},
        {"csv.points_total", "Points"},
        {"csv.achievable", "{name}: achievable"},
        {"csv.kind", "Kind"},
        {"csv.principle_id", "Principle"},
        {"csv.by", "By"},
        {"csv.date_local", "Date"},
        {"csv.text", "Text"},
        {"csv.revoked", "Revoked"},
        {"csv.revoked_by", "Revoked by"},
        {"csv.revoked_local", "Revoked on"},
        {"report.title", "Team report"},
        {"report.title-summary", "Team report (summary)"},
        {"report.all", "All trainees and scenarios"},
        {"report.generated", "Generated"},
        {"report.attempts", "Attempts"},
        {"report.trainees", "Trainees"},
        {"report.period", "Period"},
        {"report.team", "Team"},
        {"report.col.key", "Key"},
        {"report.col.attempts", "Attempts"},
        {"report.col.passed", "Scenarios passed"},
        {"report.col.available", "Scenarios available"},
        {"report.col.passed-of", "Passed of available"},
        {"report.col.mean", "Mean score"},
        {"report.col.last", "Last score"},
        {"report.col.median-s", "Median s per decision"},
        {"report.col.last-active", "Last active"},
        {"report.col.practise", "Practise next"},
        {"report.col.weakest", "Weakest principles"},
        {"report.col.first", "First attempt"},
        {"report.col.latest", "Latest attempt"},
        {"report.col.node", "Decision point"},
        {"report.col.choice", "Option"},
        {"report.col.chosen", "Chosen"},
        {"report.col.trainees", "Trainees"},
        {"report.heatmap", "Principles: points earned of achievable"},
        {"report.heatmap-note", "Each cell is the percentage of the achievable points a trainee earned on that principle over the selected attempts; n/a: nothing was achievable. The last row is the whole team; hover a cell for the attempts behind it."},
        {"report.attempts-behind", "Attempts:"},
        {"report.cohort", "Whole team"},
        {"report.na", "n/a"},
        {"report.hidden", "hidden (fewer than {n})"},
        {"report.pass-rate", "Pass rate"},
        {"report.trends", "Trends"},
        {"report.by-day", "The team's mean score and pass rate per day."},
        {"report.by-week", "The team's mean score and pass rate per week."},
        {"report.by-month", "The team's mean score and pass rate per month."},
        {"report.first-latest", "First attempt against latest, per scenario (mean over trainees)"},
        {"report.decisions", "Decisions"},
        {"report.coaching", "Coaching"},
        {"report.coaching-none", "No sign-offs or coaching notes for this selection."},
        {"report.signoffs", "Ready for the floor"},
        {"report.signoff-all", "whole set"},
        {"report.signoff-line", "{scope} (signed off by {manager}, {date})"},
        {"report.col.signed-off", "Signed off"},
        {"report.signed-off-all", "all"},
        {"report.col.attempt", "Attempt"},
        {"report.col.pinned", "Pinned to"},
        {"report.col.by", "By"},
        {"report.col.date", "Date"},
        {"report.col.note", "Note"},
        {"report.col.notes", "Coaching notes"},
        {"report.whole-attempt", "whole attempt"},
        {"report.step-choice", "step {n}: {choice}"},
        {"report.n-notes", "{n} {n|note|notes}"},
        {"report.latest-note", "Latest (#{id}, {pinned}, {by}, {date}):"},
        {"report.n-attempts", "{n} {n|attempt|attempts}"},
        {"report.no-best", "The scenario file was not found, so the best options are not marked."},
        {"report.wrong-turns", "Common wrong turns: where attempts first left the best path"},
        {"report.median-time", "median {s} s"},
        {"report.slow", "more than twice the median: {names}"},
        {"report.timeout", "(time ran out)"},
        {"report.practise", "Practise next"},
        {"report.none", "No attempts match this selection."},
        {"report.footer", "Generated {date} (local time). Team averages over fewer than {n} trainees are hidden."},
    };
    return table;
}

}  // namespace

ExportStrings::ExportStrings(const std::string& path, Lang lang, std::string& error)
    : lang_(lang) {
    if (lang == Lang::En) return;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path + "; the HTML will be in English";
        return;
    }
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object()) {
        error = path + " is not valid JSON; the HTML will be in English";
        return;
    }
    for (const auto& [key, value] : j.items())
        if (value.is_object() && value.contains(langCode(lang)) && value[langCode(lang)].is_string())
            table_[key] = value[langCode(lang)].get<std::string>();
}

std::string ExportStrings::get(std::string_view key,
                               std::initializer_list<std::pair<const char*, std::string>> args) const {
    std::string text;
    if (auto it = table_.find(key); it != table_.end())
        text = it->second;
    else if (auto en = englishWords().find(key); en != englishWords().end())
        text = en->second;
    else
        text = std::string(key);
    return fillPlaceholders(std::move(text), args);
}

void appendInt(std::string& out, std::int64_t value) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, r.ptr);
}

std::int64_t exportTime(const ExportOptions& options) {
    return options.exportedAtMs ? options.exportedAtMs : nowEpochMs();
}

void appendCsvCell(std::string& out, std::string_view text) {
    const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                                           text[0] == '@' || text[0] == '\t' || text[0] == '\r');
    const bool quote = formula || text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) {
        out.append(text);
        return;
    }
    out += '"';
    if (formula) out += '\'';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void appendHtmlEscaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

nlohmann::json attemptJson(const StoredAttempt& attempt, const std::string* alteredReason) {
    const AttemptSummary& a = attempt.summary;
    nlohmann::json seal = nullptr;
    if (!a.seal.empty())
        seal = {{"scheme", "counterplay-attempt-seal v1"}, {"key", a.originFingerprint}, {"sig", a.seal}};
    nlohmann::json j = {{"id", a.id},
            {"uuid", a.uuid},
            {"trainee", {{"key", a.traineeKey}, {"name", a.traineeName}, {"email", a.traineeEmail}}},
            {"scenario",
             {{"id", a.scenarioId}, {"title", a.scenarioTitle}, {"content_hash", a.contentHash}}},
            {"started_at", formatIsoUtc(a.startedAtMs)},
            {"ended_at", formatIsoUtc(a.endedAtMs)},
            {"started_at_ms", a.startedAtMs},
            {"ended_at_ms", a.endedAtMs},
            {"lang", a.lang},
            {"origin", {{"store", a.originStore}, {"fingerprint", a.originFingerprint}, {"source", a.source}}},
            {"seal", seal},
            {"scorecard", attempt.scorecard},
            {"transcript", attempt.transcript}};
    if (alteredReason) {
        j["integrity"] = "altered";
        j["integrity_reason"] = *alteredReason;
    }
    return j;
}

const std::string* alteredReason(const ExportOptions& options, std::int64_t attemptId) {
    auto it = options.altered.find(attemptId);
    return it == options.altered.end() ? nullptr : &it->second;
}

ExportResult exportAttempts(const ResultsStore& store, ExportFormat format,
                            const ExportOptions& options, const SigningKey& key, ByteSink& out) {
    switch (format) {
        case ExportFormat::Json: return exportJson(store, options, key, out);
        case ExportFormat::Csv: return exportCsv(store, options, key, out);
        case ExportFormat::Xapi: return exportXapi(store, options, key, out);
        case ExportFormat::Html: return exportHtml(store, options, key, out);
    }
    return {};
}

bool exportToFile(const ResultsStore& store, ExportFormat format, const ExportOptions& options,
                  const std::string& path, ExportResult& result, std::string& error) {
    const auto key = loadSigningKey(signingKeyPath(), true, error);
    if (!key) return false;
    auto file = AtomicFile::create(path, error);
    if (!file) return false;
    struct FileSink final : ByteSink {
        AtomicFile& f;
        explicit FileSink(AtomicFile& file) : f(file) {}
        void write(std::string_view bytes) override { f.write(bytes); }
    } sink(*file);
    try {
        result = exportAttempts(store, format, options, *key, sink);
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
    if (format == ExportFormat::Xapi || format == ExportFormat::Csv)
        return commitWithSidecar(*file, path, result.detachedSignature, *key, error);
    return file->commit(error);
}

bool commitWithSidecar(AtomicFile& file, const std::string& path, const std::string& sidecar,
                       const SigningKey& key, std::string& error) {
    // The old signature line is kept only while the old export may still be the one in place,
    // and only the line that verifies that file (an earlier crash may have left two).
    const std::string sigPath = path + ".sig";
    std::string old, current, lines, ignored;
    std::error_code ec;
    if (std::filesystem::is_regular_file(sigPath, ec) && std::filesystem::is_regular_file(path, ec) &&
        readWholeFile(sigPath, lines, ignored) && readWholeFile(path, current, ignored)) {
        Trust own;
        own.addOwn(key);
        for (std::size_t at = 0, nl; (nl = lines.find('\n', at)) != std::string::npos; at = nl + 1) {
            const std::string line = lines.substr(at, nl + 1 - at);
            if (line != sidecar && verifyExportBytes(current, &line, own).ok) {
                old = line;
                break;
            }
        }
    }
    if (!writeFileAtomic(sigPath, sidecar + old, error)) return false;
    if (!file.commit(error)) return false;
    return old.empty() || writeFileAtomic(sigPath, sidecar, error);
}

ExportResult exportJson(const ResultsStore& store, const ExportOptions& options,
                        const SigningKey& key, ByteSink& out) {
    nlohmann::json attempts = nlohmann::json::array();
    ExportResult result;
    std::set<std::string> trainees;
    for (const AttemptSummary& s : store.listAttempts(options.filter)) {
        auto full = store.getAttempt(s.id);
        if (!full) continue;  // deleted meanwhile
        attempts.push_back(attemptJson(*full, alteredReason(options, s.id)));
        // The manager's notes ride along outside the attempt's seal (they are not part of it).
        if (auto notes = notesForAttempt(store, s.id); !notes.empty())
            attempts.back()["coaching_notes"] = coachingNotesJson(notes);
        trainees.insert(s.traineeKey);
        ++result.attempts;
    }
    result.rows = result.attempts;
    std::vector<SignOff> signedOff;
    for (const std::string& key : trainees)
        for (SignOff& o : signOffs(store, key)) signedOff.push_back(std::move(o));
    nlohmann::json doc = {{"format", "counterplay-results"},
                          {"version", 1},
                          {"generator", std::string("counterplay ") + COUNTERPLAY_VERSION},
                          {"exported_at", formatIsoUtc(exportTime(options))},
                          {"attempts", std::move(attempts)}};
    if (!signedOff.empty()) doc["sign_offs"] = signOffsJson(signedOff);
    out.write(signJsonDocument(std::move(doc), key));
    return result;
}

ExportResult exportXapi(const ResultsStore& store, const ExportOptions& options,
                        const SigningKey& key, ByteSink& out) {
    SignedWriter w(out, key, ExportFormat::Xapi);
    ExportResult result;
    std::set<std::string> trainees;
    w.buf += "[";
    for (const AttemptSummary& s : store.listAttempts(options.filter)) {
        auto full = store.getAttempt(s.id);
        if (!full) continue;
        trainees.insert(s.traineeKey);
        nlohmann::json statements = xapiStatements(*full, options.xapi);
        if (alteredReason(options, s.id))
            for (auto& st : statements)
                st["context"]["extensions"][options.xapi.baseIri + "/extensions/integrity"] = "altered";
        for (const auto& statement : statements) {
            w.buf += result.rows ? ",\n" : "\n";
            w.buf += statement.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            ++result.rows;
            w.maybeFlush();
        }
        ++result.attempts;
    }
    // Standing sign-offs of the exported attempts' trainees (a revoked one is left out here;
    // `sync` voids it at an LRS that already has it).
    for (const std::string& traineeKey : trainees) {
        Trainee t;
        if (auto known = store.findTrainee(traineeKey)) t = *known;
        t.key = traineeKey;
        for (const SignOff& o : signOffs(store, traineeKey)) {
            if (o.revoked) continue;
            w.buf += result.rows ? ",\n" : "\n";
            w.buf += xapiSignOffStatement(o, t, options.xapi)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            ++result.rows;
        }
    }
    w.buf += "\n]\n";
    result.detachedSignature = detachedSignature(key, w.finish());
    return result;
}

}  // namespace counterplay::core
