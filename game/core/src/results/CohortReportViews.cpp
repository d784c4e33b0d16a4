// computeCohortReportViews (see CohortReportViews.h).
#include "counterplay/core/CohortReportViews.h"

#include <future>
#include <map>

namespace counterplay::core {

CohortReportViews computeCohortReportViews(const Cohort& cohort, const CohortReportOptions& options,
                                           bool withDecisions) {
    CohortReportViews v;
    v.selection = cohort.select(options.filter);
    // Two halves of about the same cost (measured on 100,000 attempts: practise next and the
    // decision statistics against the team table, heatmap and trends). Cohort is read-only
    // after load, so both threads read it without a lock.
    auto second = std::async(std::launch::async, [&] {
        std::vector<TraineeAdvice> advice = cohort.practiseNext(options.filter, options.dashboard);
        std::vector<std::pair<std::string, DecisionStats>> decisions;
        if (withDecisions) {
            std::map<std::string, int> present;  // by id, as the report lists them
            for (std::uint32_t i : v.selection)
                ++present[cohort.scenarios()[cohort.attempts()[i].scenario].id];
            for (const auto& [id, count] : present) {
                const auto it = options.scenarios.find(id);
                const Scenario* sc = it == options.scenarios.end() ? nullptr : it->second.scenario;
                const Analysis* an = it == options.scenarios.end() ? nullptr : it->second.analysis;
                decisions.emplace_back(id, cohort.decisionStats(id, options.filter, sc, an));
            }
        }
        return std::make_pair(std::move(advice), std::move(decisions));
    });
    v.team = cohort.teamTable(options.filter, options.dashboard);
    v.heatmap = cohort.heatmap(options.filter, options.dashboard);
    v.trend = cohort.trend(options.filter, options.dashboard, options.bucket);
    v.firstVsLatest = cohort.firstVsLatest(options.filter, options.dashboard);
    auto [advice, decisions] = second.get();
    v.advice = std::move(advice);
    v.decisions = std::move(decisions);
    return v;
}

}  // namespace counterplay::core
