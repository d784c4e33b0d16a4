// `counterplay report --html/--csv`: the printable cohort report (core CohortReport) written
// from the verb's options. Kept apart from VerbReport.cpp's text/JSON summaries.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <string>

#include "ResultsCommon.h"
#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Text.h"

namespace counterplay::tools {

/// The report-only options, as given.
struct CohortReportFlags {
    std::string html, csv;     ///< output files (either or both)
    bool summary = false;      ///< a few pages for a team
    int minGroup = 3;          ///< privacy threshold
    std::string trend;         ///< day | week | month (default: by the period's length)
    std::string search;        ///< name search
    bool passedOnly = false, failedOnly = false;
    std::string scenariosDir;  ///< scenario files for the best options (default: the shipped ones)
    std::string catalogue;     ///< principle catalogue for names
};

/// Adds --html, --csv, --summary, --min-group, --trend, --search, --passed/--failed, --scenarios.
void addCohortReportOptions(CLI::App& app, CohortReportFlags& flags);

/// True when any report-only option that needs --html/--csv was given.
bool wantsCohortReport(const CohortReportFlags& flags);

/// The altered attempts (id -> reason) of the seal check of the report's attempts, given their
/// rows digests as the cohort load read them (so the store is read once). It may throw; the
/// report then fails.
using AlteredSource =
    std::function<std::map<std::int64_t, std::string>(const std::vector<core::AttemptRowsDigest>&)>;

/// Writes the requested files atomically. Returns the exit code (messages on std::cerr).
/// The attempts `altered` gives are left out of the figures and named.
int runCohortReport(const core::ResultsStore& store, const core::AttemptFilter& filter,
                    const SelectionOptions& sel, const CohortReportFlags& flags, core::Lang lang,
                    const AlteredSource& altered = {});

}  // namespace counterplay::tools
