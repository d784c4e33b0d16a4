// Benchmark: the manager's dashboard over a simulated results database (100,000 attempts from
// `counterplay simulate --trainees 500`). Goal: a filter change updates every view in under
// 200 ms. Figures are recorded in docs/benchmarks.md; scripts/bench_dashboard.sh makes the
// database and runs this.
//
//   BENCH_DB=FILE dashboard_bench
//
// BM_CohortLoad: reading the cohort into memory once (when the dashboard opens, or after new
// attempts). BM_FilterChange/<filter>: every view the dashboard shows for one filter (team table,
// heatmap, team trend, first vs latest, practise next, one scenario's decision statistics),
// recomputed from memory. BM_SqlSummarize/<filter>: the store's SQL aggregate per trainee for the
// same filter, for comparison (what a query-per-view dashboard would pay for one view).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "counterplay/core/Dashboard.h"
#include "counterplay/core/ResultsStore.h"

using namespace counterplay::core;

namespace {

const ResultsStore* store() {
    static std::unique_ptr<ResultsStore> s = [] {
        const char* path = std::getenv("BENCH_DB");
        std::string error;
        return path ? ResultsStore::open(path, error, ResultsStore::Mode::ReadOnly) : nullptr;
    }();
    return s.get();
}

const Cohort& cohort() {
    static const Cohort c = Cohort::load(*store());
    return c;
}

/// 0: no filter; 1: one scenario; 2: the last 30 days; 3: a name search; 4: failed only.
DashboardFilter filterFor(int which, const Cohort& c) {
    DashboardFilter f;
    std::int64_t last = 0;
    for (const CohortAttempt& a : c.attempts()) last = std::max(last, a.endedAtMs);
    switch (which) {
        case 1: f.scenarioIds = {c.scenarios().front().id}; break;
        case 2: f.sinceMs = last - 30LL * 86400000; break;
        case 3: f.nameSearch = "kim"; break;
        case 4: f.outcome = DashboardFilter::Outcome::Failed; break;
        default: break;
    }
    return f;
}

void BM_CohortLoad(benchmark::State& state) {
    if (!store()) return state.SkipWithError("set BENCH_DB to a simulated results database");
    for (auto _ : state) {
        Cohort c = Cohort::load(*store());
        benchmark::DoNotOptimize(c.attempts().size());
    }
    state.counters["attempts"] = double(cohort().attempts().size());
}
BENCHMARK(BM_CohortLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_FilterChange(benchmark::State& state) {
    if (!store()) return state.SkipWithError("set BENCH_DB to a simulated results database");
    const Cohort& c = cohort();
    const DashboardFilter f = filterFor(int(state.range(0)), c);
    DashboardOptions options;
    const std::string scenario = c.scenarios().front().id;
    for (auto _ : state) {
        auto team = c.teamTable(f, options, TeamSort::MeanScore, true);
        auto heat = c.heatmap(f, options);
        auto trend = c.trend(f, options, TrendBucket::Week);
        auto fvl = c.firstVsLatest(f, options);
        auto advice = c.practiseNext(f, options);
        auto decisions = c.decisionStats(scenario, f);
        benchmark::DoNotOptimize(team.size() + heat.cells.size() + trend.size() + fvl.size() +
                                 advice.size() + decisions.points.size());
    }
    state.counters["selected"] = double(c.select(f).size());
}
BENCHMARK(BM_FilterChange)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

void BM_SqlSummarize(benchmark::State& state) {
    if (!store()) return state.SkipWithError("set BENCH_DB to a simulated results database");
    AttemptFilter f;
    const Cohort& c = cohort();
    const DashboardFilter d = filterFor(int(state.range(0)), c);
    if (!d.scenarioIds.empty()) f.scenarioId = d.scenarioIds.front();
    f.sinceMs = d.sinceMs;
    for (auto _ : state) benchmark::DoNotOptimize(store()->summarize(GroupBy::Trainee, f).size());
}
BENCHMARK(BM_SqlSummarize)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

}  // namespace
