// CSV export (RFC 4180, UTF-8 with BOM, CRLF): one row per attempt with two columns per
// principle (earned, achievable), or with --decisions one row per decision with a column per
// principle. Two header rows: the column names in the export language (principle names), then
// the stable column ids (principle ids). Times are local "YYYY-MM-DD HH:MM" and durations plain
// seconds, which spreadsheets read as date-times and numbers. The signature is detached, in
// FILE.csv.sig, so that sorting the sheet moves no signature row; see docs/results.md.
#include <algorithm>
#include <cstdio>

#include "counterplay/core/CohortReport.h"

#include "results/ExportCommon.h"

namespace counterplay::core {
namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

void cell(std::string& out, std::string_view text) {
    appendCsvCell(out, text);
    out += ',';
}

void num(std::string& out, std::int64_t v) {
    appendInt(out, v);
    out += ',';
}

void flag(std::string& out, bool v) { out += v ? "true," : "false,"; }

void endRow(std::string& out) {
    out.back() = '\r';  // replaces the trailing comma
    out += '\n';
}

void seconds(std::string& out, std::int64_t ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f,", double(ms) / 1000.0);
    out += buf;
}

/// The two header rows: names (from the strings table, key "csv.<id>"; principle names from
/// the catalogue) and ids.
void headers(std::string& b, const ExportOptions& options, const std::vector<std::string>& ids,
             const std::vector<std::string>& principles, bool pairs) {
    const ExportStrings english;
    const ExportStrings& w = options.strings ? *options.strings : english;
    auto principleName = [&](const std::string& id) {
        if (options.catalogue)
            if (const Principle* p = options.catalogue->find(id); p && !p->name.empty())
                return p->name.in(options.lang);
        return id;
    };
    for (const std::string& id : ids) cell(b, w.get("csv." + id));
    for (const std::string& p : principles) {
        cell(b, principleName(p));
        if (pairs) cell(b, w.get("csv.achievable", {{"name", principleName(p)}}));
    }
    endRow(b);
    for (const std::string& id : ids) cell(b, id);
    for (const std::string& p : principles) {
        cell(b, p);
        if (pairs) cell(b, p + ".achievable");
    }
    endRow(b);
}


void attemptsTable(const ResultsStore& store, const ExportOptions& options, SignedWriter& w,
                   ExportResult& result) {
    const std::vector<std::string> principles = store.principleIds(options.filter);
    std::string& b = w.buf;
    headers(b, options,
            {"attempt_id", "attempt_uuid", "trainee_key", "trainee_name", "trainee_email",
             "scenario_id", "scenario_title", "content_hash", "started_local", "ended_local",
             "duration_s", "finished", "passed", "percent", "earned", "best", "worst",
             "pass_threshold", "critical_missed", "ending_id", "ending_kind", "final_mood",
             "final_trust", "recommend", "nps_class", "lang", "decisions", "store", "integrity"},
            principles, true);
    store.forEachAttempt(options.filter, [&](const AttemptSummary& a,
                                             const std::vector<PrincipleScore>& scores) {
        num(b, a.id);
        cell(b, a.uuid);
        cell(b, a.traineeKey);
        cell(b, a.traineeName);
        cell(b, a.traineeEmail);
        cell(b, a.scenarioId);
        cell(b, a.scenarioTitle.in(options.lang));
        cell(b, a.contentHash);
        cell(b, localDateTime(a.startedAtMs));
        cell(b, localDateTime(a.endedAtMs));
        seconds(b, a.durationMs);
        flag(b, a.finished);
        flag(b, a.passed);
        num(b, a.percent);
        num(b, a.earnedTotal);
        num(b, a.bestTotal);
        num(b, a.worstTotal);
        num(b, a.passThreshold);
        flag(b, a.criticalMissed);
        cell(b, a.endingId);
        cell(b, a.endingKind);
        num(b, a.finalMood);
        num(b, a.finalTrust);
        num(b, a.recommend);
        cell(b, a.npsClass);
        cell(b, a.lang);
        num(b, a.decisionCount);
        cell(b, a.originStore);
        cell(b, alteredReason(options, a.id) ? "altered" : "");
        // Both lists are sorted by id: one merge pass fills the principle columns.
        std::size_t k = 0;
        for (const std::string& p : principles) {
            while (k < scores.size() && scores[k].id < p) ++k;
            if (k < scores.size() && scores[k].id == p) {
                num(b, scores[k].earned);
                num(b, scores[k].achievable);
            } else {
                b += ",,";
            }
        }
        endRow(b);
        ++result.rows;
        ++result.attempts;
        w.maybeFlush();
    });
}

void decisionsTable(const ResultsStore& store, const ExportOptions& options, SignedWriter& w,
                    ExportResult& result) {
    const std::vector<std::string> principles = store.principleIds(options.filter);
    std::string& b = w.buf;
    headers(b, options,
            {"attempt_id", "attempt_uuid", "trainee_key", "trainee_name", "scenario_id", "step",
             "node_id", "choice_index", "choice_id", "choice_text", "timeout", "elapsed_s",
             "points_total"},
            principles, false);
    std::int64_t lastAttempt = -1;
    store.forEachDecision(options.filter, [&](const StoredDecision& d) {
        num(b, d.attemptId);
        cell(b, d.attemptUuid);
        cell(b, d.traineeKey);
        cell(b, d.traineeName);
        cell(b, d.scenarioId);
        num(b, d.seq);
        cell(b, d.nodeId);
        num(b, d.choiceIndex);
        cell(b, d.choiceId);
        cell(b, d.choiceText.in(options.lang));
        flag(b, d.timeout);
        seconds(b, d.elapsedMs);
        num(b, d.pointsTotal);
        for (const std::string& p : principles) {
            auto it = d.points.find(p);
            if (it != d.points.end()) appendInt(b, it->second);
            b += ',';
        }
        endRow(b);
        ++result.rows;
        if (d.attemptId != lastAttempt) ++result.attempts;
        lastAttempt = d.attemptId;
        w.maybeFlush();
    });
}

}  // namespace

ExportResult exportCsv(const ResultsStore& store, const ExportOptions& options,
                       const SigningKey& key, ByteSink& out) {
    SignedWriter w(out, key, ExportFormat::Csv);
    ExportResult result;
    w.buf += kBom;
    if (options.csvCoaching)
        coachingTable(store, options, w, result);
    else if (options.csvDecisions)
        decisionsTable(store, options, w, result);
    else
        attemptsTable(store, options, w, result);
    // The signature goes beside the file (FILE.csv.sig), so every line of the CSV is data.
    result.detachedSignature = detachedSignature(key, w.finish(), ExportFormat::Csv);
    return result;
}

}  // namespace counterplay::core
