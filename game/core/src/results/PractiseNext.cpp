// "Practise next" (see PractiseNext.h): moved here from the game's Progress so the dashboard and
// `counterplay report` recommend exactly what the trainee's scenario select shows.
#include "counterplay/core/PractiseNext.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace counterplay::core {

void sortWeakestFirst(std::vector<PrincipleTotal>& totals) {
    std::stable_sort(totals.begin(), totals.end(),
                     [](const PrincipleTotal& x, const PrincipleTotal& y) {
                         if (x.ratio() != y.ratio()) return x.ratio() < y.ratio();
                         return x.principleId < y.principleId;
                     });
}

PractiseAdvice recommendPractise(const std::vector<PractiseScenario>& scenarios,
                                 const std::map<std::string, ScenarioProgress>& progress,
                                 const std::vector<PrincipleTotal>& weakestFirst) {
    PractiseAdvice r;
    if (scenarios.empty()) return r;
    auto passed = [&](const std::string& id) {
        auto it = progress.find(id);
        return it != progress.end() && it->second.passed;
    };
    auto best = [&](const std::string& id) {
        auto it = progress.find(id);
        return it != progress.end() ? it->second.bestPercent : -1;
    };
    // Better candidate: not passed first, then never played, lower best score, easier.
    auto better = [&](const PractiseScenario& a, const PractiseScenario& b) {
        const auto ka = std::make_tuple(passed(a.id), best(a.id) >= 0, best(a.id), a.difficulty);
        const auto kb = std::make_tuple(passed(b.id), best(b.id) >= 0, best(b.id), b.difficulty);
        return ka < kb;
    };
    if (progress.empty()) {
        const PractiseScenario* pick = &scenarios.front();
        for (const PractiseScenario& e : scenarios)
            if (e.difficulty < pick->difficulty) pick = &e;
        r.scenarioId = pick->id;
        r.firstSteps = true;
        return r;
    }
    for (const PrincipleTotal& p : weakestFirst) {
        if (p.ratio() >= 0.999) break;
        const PractiseScenario* pick = nullptr;
        for (const PractiseScenario& e : scenarios) {
            if (std::find(e.principles.begin(), e.principles.end(), p.principleId) ==
                e.principles.end())
                continue;
            if (pick == nullptr || better(e, *pick)) pick = &e;
        }
        if (pick != nullptr && !passed(pick->id)) {
            r.scenarioId = pick->id;
            r.principleId = p.principleId;
            r.principlePercent = static_cast<int>(std::lround(p.ratio() * 100.0));
            return r;
        }
    }
    const PractiseScenario* pick = &scenarios.front();
    for (const PractiseScenario& e : scenarios)
        if (better(e, *pick)) pick = &e;
    r.scenarioId = pick->id;
    return r;
}

}  // namespace counterplay::core
