// "Practise next": which scenario trains a trainee's weakest principle. One function shared by the
// game's scenario select, the manager's dashboard and `counterplay report`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

/// A scenario a trainee can play, as the recommendation needs it (from the scenario file).
struct PractiseScenario {
    std::string id;
    int difficulty = 1;
    std::vector<std::string> principles;  ///< principles it trains
};

/// The recommendation for one trainee.
struct PractiseAdvice {
    std::string scenarioId;    ///< empty when there is nothing to recommend
    std::string principleId;   ///< the weak principle it trains; empty for "start here"
    int principlePercent = 0;  ///< the trainee's earned/achievable on that principle
    bool firstSteps = false;   ///< no attempts yet: the easiest scenario
};

/// Sorts principle totals weakest first (lowest ratio, then id), as ResultsStore::principleTotals
/// returns them. Shared so in-memory cohorts order them exactly like the store.
void sortWeakestFirst(std::vector<PrincipleTotal>& totals);

/// The scenario to practise next. `scenarios` is what can be played (in library order);
/// `progress` is the trainee's standing per scenario id; `weakestFirst` their principle totals,
/// weakest first. Rule: walk the weak principles (below 100%) weakest first and take the best
/// candidate scenario training it (not passed, then never played, then lower best score, then
/// easier), if that one is not yet passed; otherwise the best candidate overall. With no attempts,
/// the easiest scenario ("first steps").
PractiseAdvice recommendPractise(const std::vector<PractiseScenario>& scenarios,
                                 const std::map<std::string, ScenarioProgress>& progress,
                                 const std::vector<PrincipleTotal>& weakestFirst);

}  // namespace counterplay::core
