// The manager's printable cohort report (`counterplay report --html/--csv`): the dashboard's views
// (Dashboard.h) as one self-contained HTML page (inline CSS and SVG, no network) and as a CSV
// team table for spreadsheets. Format notes: docs/managers.md.
#pragma once

#include <map>
#include <string>

#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Coaching.h"
#include "counterplay/core/Dashboard.h"
#include "counterplay/core/Export.h"

namespace counterplay::core {

/// A scenario file's model and analysis, for choice texts and the best options.
struct ReportScenario {
    const Scenario* scenario = nullptr;
    const Analysis* analysis = nullptr;
};

/// A coaching note as the report prints it: the note and what it is pinned to.
struct ReportNote {
    CoachingNote note;
    std::string scenarioId;
    Text scenarioTitle;
    int step = 0;          ///< 1-based step of the pinned decision; 0 = the whole attempt
    Text choiceText;       ///< the pinned decision's option text (empty for a timeout)
    std::string choiceId;  ///< its option id
    bool timeout = false;  ///< the pinned decision was a timeout
};

/// The coaching the report prints, per trainee key: standing (not revoked) sign-offs, oldest
/// first, and the notes on the selected attempts, by attempt then oldest first.
struct ReportCoaching {
    std::map<std::string, std::vector<SignOff>> signOffs;
    std::map<std::string, std::vector<ReportNote>> notes;
};

/// The coaching behind the report's selection: the notes on the attempts `filter` selects and
/// the standing sign-offs of the trainees it selects (signed by the end of the period when
/// filter.untilMs is set). Reads the store; throws StoreError.
ReportCoaching loadReportCoaching(const ResultsStore& store, const Cohort& cohort,
                                  const DashboardFilter& filter);

struct CohortReportOptions {
    DashboardFilter filter;
    DashboardOptions dashboard;
    Lang lang = Lang::En;
    const Catalogue* catalogue = nullptr;             ///< principle names (ids when null)
    const ExportStrings* strings = nullptr;           ///< the words (English when null)
    std::map<std::string, ReportScenario> scenarios;  ///< by scenario id (may be empty)
    bool summary = false;  ///< a few pages for a team: no per-option detail
    TrendBucket bucket = TrendBucket::Week;
    std::string filterText;          ///< what the filter selects, in words, for the heading
    std::int64_t generatedAtMs = 0;  ///< 0 = now (fixed in tests)
    /// Attempts changed after they were recorded (id -> reason), left out of the figures by the
    /// caller (filter.excludeAttemptIds) and named in a red banner at the top of the HTML.
    std::map<std::int64_t, std::string> altered;
    /// Sign-offs and notes (loadReportCoaching); null leaves the coaching out.
    const ReportCoaching* coaching = nullptr;
};

/// Writes the HTML report. Throws nothing for empty selections (it says "no attempts").
void writeCohortReportHtml(const Cohort& cohort, const CohortReportOptions& options, ByteSink& out);

/// Writes the team table as CSV: one row per trainee (by key), a column per principle (its
/// percent of achievable), and the trainee's standing sign-offs ("signed off: all", or the
/// principle names) when options.coaching is set. Row 1 holds the column names in the report
/// language, row 2 the stable column ids (principle ids), so a spreadsheet shows names and a script
/// keys on ids. Dates are local "YYYY-MM-DD HH:MM", seconds plain decimals; a hidden or n/a figure
/// is empty.
void writeCohortReportCsv(const Cohort& cohort, const CohortReportOptions& options, ByteSink& out);

/// "2024-05-01 09:30" in local time (what Excel and LibreOffice read as a date-time).
std::string localDateTime(std::int64_t epochMs);

}  // namespace counterplay::core
