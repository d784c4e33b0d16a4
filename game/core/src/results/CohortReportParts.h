// Pieces of the cohort report shared by its HTML and CSV writers (private): the stylesheet and
// trend chart (CohortReportStyle.cpp), principle names, the sign-off words of the team table and
// the coaching section (CohortReportCoaching.cpp).
#pragma once

#include <string>
#include <vector>

#include "counterplay/core/CohortReport.h"

namespace counterplay::core::report {

/// The report's stylesheet (after the shared one of HtmlParts): with the summary's compact print
/// rules (A4, a team of 50 on a few pages) when `summary`.
const char* reportStyle(bool summary);

/// The trend chart (inline SVG): the team's mean score and pass rate per period, hidden periods
/// left as gaps, and its legend.
void trendChart(std::string& b, const std::vector<TrendPoint>& points, const ExportStrings& words);

/// The principle's name in `lang` (its id when the catalogue is null or lacks it).
std::string principleLabel(const Catalogue* catalogue, const std::string& id, Lang lang);

/// What a trainee is signed off for, for the team table and its CSV: the word for the whole set
/// ("all") first, then principle names, "; "-joined. Empty when `signOffs` is empty.
std::string signedOffText(const std::vector<SignOff>& signOffs, const ExportStrings& words,
                          const Catalogue* catalogue, Lang lang);

/// The trainee's standing sign-offs in `coaching` (empty when there are none or no coaching).
const std::vector<SignOff>& signOffsOf(const ReportCoaching* coaching, const std::string& key);

/// Appends the "Coaching" section: per trainee of `team` (in its order) the standing sign-offs
/// (scope, manager, date) and the notes (attempt, scenario, pinned decision or whole attempt,
/// author, date, text); in the summary one compact row per trainee (sign-offs, the number of
/// notes and the latest). HTML-escaped; words from `words`.
void coachingSection(std::string& b, const ReportCoaching& coaching,
                     const std::vector<TeamRow>& team, const CohortReportOptions& options,
                     const ExportStrings& words);

}  // namespace counterplay::core::report
