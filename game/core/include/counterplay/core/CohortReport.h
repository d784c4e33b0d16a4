// The manager's printable cohort report (`counterplay report --html/--csv`): the dashboard's views
// (Dashboard.h) as one self-contained HTML page (inline CSS and SVG, no network) and as a CSV
// team table for spreadsheets. Format notes: docs/managers.md.
#pragma once

#include <map>
#include <string>

#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Dashboard.h"
#include "counterplay/core/Export.h"

namespace counterplay::core {

/// A scenario file's model and analysis, for choice texts and the best options.
struct ReportScenario {
    const Scenario* scenario = nullptr;
    const Analysis* analysis = nullptr;
};

struct CohortReportOptions {
    DashboardFilter filter;
    DashboardOptions dashboard;
    Lang lang = Lang::En;
    const Catalogue* catalogue = nullptr;      ///< principle names (ids when null)
    const ExportStrings* strings = nullptr;    ///< the words (English when null)
    std::map<std::string, ReportScenario> scenarios;  ///< by scenario id (may be empty)
    bool summary = false;       ///< a few pages for a team: no per-option detail
    TrendBucket bucket = TrendBucket::Week;
    std::string filterText;     ///< what the filter selects, in words, for the heading
    std::int64_t generatedAtMs = 0;  ///< 0 = now (fixed in tests)
    /// Attempts changed after they were recorded (id -> reason), left out of the figures by the
    /// caller (filter.excludeAttemptIds) and named in a red banner at the top of the HTML.
    std::map<std::int64_t, std::string> altered;
};

/// Writes the HTML report. Throws nothing for empty selections (it says "no attempts").
void writeCohortReportHtml(const Cohort& cohort, const CohortReportOptions& options,
                           ByteSink& out);

/// Writes the team table as CSV: one row per trainee (by key), a column per principle (its
/// percent of achievable). Row 1 holds the column names in the report language, row 2 the
/// stable column ids (principle ids), so a spreadsheet shows names and a script keys on ids.
/// Dates are local "YYYY-MM-DD HH:MM", seconds plain decimals; a hidden or n/a figure is empty.
void writeCohortReportCsv(const Cohort& cohort, const CohortReportOptions& options,
                          ByteSink& out);

/// "2024-05-01 09:30" in local time (what Excel and LibreOffice read as a date-time).
std::string localDateTime(std::int64_t epochMs);

}  // namespace counterplay::core
