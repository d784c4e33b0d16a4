// Checking a condition as the trainer types it (the editor's inspector): the same parser and the
// same message the loader reports for `condition:` (e.g. "invalid condition: unknown variable
// 'trsut' (did you mean 'trust'?)"), with the column inside the expression.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "counterplay/core/Model.h"

namespace counterplay::core {

struct ConditionCheck {
    bool ok = true;       ///< parses and names only declared variables (an empty text is ok)
    std::string message;  ///< the loader's message when not ok
    int column = 0;       ///< 1-based column inside the expression (0 when not known)
    std::vector<std::string> variables;  ///< the variables it reads, when ok
};

/// The names a condition may read in `scenario`: mood, trust, its flags and counters (the set the
/// loader checks against).
std::set<std::string> conditionVariables(const Scenario& scenario);

/// Checks `source` against the scenario's declared state variables.
ConditionCheck checkCondition(std::string_view source, const Scenario& scenario);

}  // namespace counterplay::core
