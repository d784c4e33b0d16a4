// Every view a cohort report prints, computed once for both the HTML and the CSV writer and
// spread over two threads (the views are independent reads of one immutable Cohort).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "counterplay/core/CohortReport.h"

namespace counterplay::core {

/// The figures of one report: what writeCohortReportHtml and writeCohortReportCsv print.
struct CohortReportViews {
    std::vector<std::uint32_t> selection;  ///< Cohort::select(options.filter)
    std::vector<TeamRow> team;             ///< name order
    std::vector<TraineeAdvice> advice;     ///< name order, the same trainees as `team`
    Heatmap heatmap;
    std::vector<TrendPoint> trend;
    std::vector<FirstVsLatest> firstVsLatest;
    /// Per scenario present in the selection, by scenario id: its decision statistics (with
    /// choice texts and best options when options.scenarios has its file).
    std::vector<std::pair<std::string, DecisionStats>> decisions;
};

/// Computes every view of `options` over `cohort`, on the calling thread and one more. Only the
/// views a report prints are computed: `withDecisions` false skips the per-scenario statistics
/// (the CSV alone does not print them).
CohortReportViews computeCohortReportViews(const Cohort& cohort, const CohortReportOptions& options,
                                           bool withDecisions = true);

/// writeCohortReportHtml over views computed already (a report that writes HTML and CSV
/// computes them once).
void writeCohortReportHtml(const Cohort& cohort, const CohortReportOptions& options,
                           const CohortReportViews& views, ByteSink& out);
/// writeCohortReportCsv over views computed already.
void writeCohortReportCsv(const Cohort& cohort, const CohortReportOptions& options,
                          const CohortReportViews& views, ByteSink& out);

}  // namespace counterplay::core
