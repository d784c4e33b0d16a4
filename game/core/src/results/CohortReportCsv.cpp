// The cohort report's CSV (see CohortReport.h): the team table with a column per principle.
// Row 1: names in the report language; row 2: stable ids. No summary or signature rows, so a
// spreadsheet can sort every row below the two headers.
#include <cstdio>

#include "counterplay/core/CohortReport.h"
#include "counterplay/core/CohortReportViews.h"
#include "results/CohortReportParts.h"

namespace counterplay::core {
namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

void row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        appendCsvCell(out, cells[i]);
    }
    out += "\r\n";
}

}  // namespace

void writeCohortReportCsv(const Cohort& cohort, const CohortReportOptions& options, ByteSink& out) {
    writeCohortReportCsv(cohort, options, computeCohortReportViews(cohort, options, false), out);
}

void writeCohortReportCsv(const Cohort&, const CohortReportOptions& options,
                          const CohortReportViews& views, ByteSink& out) {
    const ExportStrings english;
    const ExportStrings& w = options.strings ? *options.strings : english;
    const Heatmap& h = views.heatmap;
    // Both are in name order over the same trainees: row t of one is row t of the other.
    const std::vector<TeamRow>& team = views.team;
    const auto& advice = views.advice;
    std::vector<std::string> names = {
        w.get("label.trainee"),      w.get("report.col.key"),       w.get("report.col.attempts"),
        w.get("report.col.passed"),  w.get("report.col.available"), w.get("report.col.mean"),
        w.get("report.col.last"),    w.get("report.col.median-s"),  w.get("report.col.last-active"),
        w.get("report.col.practise")};
    if (options.coaching) names.push_back(w.get("report.col.signed-off"));
    std::vector<std::string> ids = {
        "trainee_name",        "trainee_key",  "attempts",     "scenarios_passed",
        "scenarios_available", "mean_percent", "last_percent", "median_seconds_per_decision",
        "last_active",         "practise_next"};
    if (options.coaching) ids.push_back("signed_off");
    for (const std::string& id : h.principleIds) {
        names.push_back(report::principleLabel(options.catalogue, id, options.lang));
        ids.push_back(id);
    }
    std::string b;
    row(b, names);
    row(b, ids);
    for (std::size_t t = 0; t < h.trainees.size(); ++t) {
        const TeamRow& r = team[t];
        std::string next;
        for (const TraineeAdvice& a : advice)
            if (a.key == r.key) next = a.advice.scenarioId;
        std::vector<std::string> cells = {r.name,
                                          r.key,
                                          std::to_string(r.attempts),
                                          std::to_string(r.scenariosPassed),
                                          std::to_string(r.scenariosAvailable),
                                          number(r.meanPercent),
                                          std::to_string(r.lastPercent),
                                          number(r.medianSecondsPerDecision),
                                          localDateTime(r.lastActiveMs),
                                          next};
        if (options.coaching)
            cells.push_back(report::signedOffText(report::signOffsOf(options.coaching, r.key), w,
                                                  options.catalogue, options.lang));
        for (const HeatCell& c : h.cells[t])
            cells.push_back(c.percent.shown() ? number(c.percent.value) : std::string());
        row(b, cells);
        if (b.size() > (1 << 16)) {
            out.write(b);
            b.clear();
        }
    }
    out.write(b);
}

}  // namespace counterplay::core
