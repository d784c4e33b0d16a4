// Internal: the pass/fail rules shared by the scorecard and the analysis (which checks whether
// the best path passes and the worst fails without building a whole scorecard).
#pragma once

#include <string>
#include <vector>

#include "counterplay/core/Model.h"
#include "counterplay/core/Scorecard.h"

namespace counterplay::core::rules {

/// round(100 * max(0, earned) / best) clamped to 0..100 (half rounds up); see Scorecard.cpp.
int percentFor(long long earned, long long best);

/// The critical actions of `scenario` judged against the tags of each decision, in order.
std::vector<CriticalResult> criticalResults(const Scenario& scenario,
                                            const std::vector<const std::vector<std::string>*>& tags);

}  // namespace counterplay::core::rules
