// What `counterplay lint` (and the editor's problems panel) reports for one scenario file: the
// loader's diagnostics, the graph analysis's findings and the authoring checks below, in one list.
#pragma once

#include <string>
#include <vector>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Diagnostic.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/YamlDocument.h"

namespace counterplay::core {

/// Checks of a scenario that loaded without errors, for mistakes trainers make that the loader
/// accepts. All warnings:
/// - the file name differs from the scenario id ("late-order.yaml" holds id 'late-order');
/// - a text's ko and en look swapped (Hangul in 'en', none in 'ko');
/// - a principle listed in `principles:` that no choice or timeout scores, and a principle
///   scored that `principles:` does not list.
/// Positions come from `doc`, the same file parsed for editing.
std::vector<Diagnostic> authoringDiagnostics(const Scenario& scenario, const Analysis& analysis,
                                             const YamlDocument& doc, const std::string& file);

/// Everything lint reports for a scenario file checked against `catalogue` (may be null): the
/// loader's diagnostics, then, when it loaded, the analysis's problems (errors stay errors: a
/// player who can get stuck is an error) and authoringDiagnostics. Duplicates are dropped.
std::vector<Diagnostic> lintScenarioFile(const std::string& file, const Catalogue* catalogue);

}  // namespace counterplay::core
