// The dashboard views over an in-memory Cohort (see Dashboard.h): team table, heatmap, trends,
// first against latest, practise next, and the privacy threshold.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "counterplay/core/Dashboard.h"

namespace counterplay::core {
namespace {

double percentOf(std::int64_t earned, std::int64_t achievable) {
    return std::clamp(100.0 * double(earned) / double(achievable), 0.0, 100.0);
}

/// Selected attempt indices grouped per trainee, in attempt (id) order.
std::map<int, std::vector<std::uint32_t>> byTrainee(const Cohort& c,
                                                    const std::vector<std::uint32_t>& sel) {
    std::map<int, std::vector<std::uint32_t>> out;
    for (std::uint32_t i : sel) out[c.attempts()[i].trainee].push_back(i);
    return out;
}

/// Trainee indices in display order: name, then key.
std::vector<int> nameOrder(const Cohort& c, const std::map<int, std::vector<std::uint32_t>>& g) {
    std::vector<int> order;
    for (const auto& [t, list] : g) order.push_back(t);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto& x = c.trainees()[a];
        const auto& y = c.trainees()[b];
        return std::tie(x.name, x.key) < std::tie(y.name, y.key);
    });
    return order;
}

bool later(const CohortAttempt& a, const CohortAttempt& b) {
    return std::tie(a.endedAtMs, a.id) > std::tie(b.endedAtMs, b.id);
}

}  // namespace

Figure cohortFigure(double value, int trainees, int minGroupSize) {
    Figure f;
    f.trainees = trainees;
    if (trainees < std::max(1, minGroupSize)) {
        f.state = Figure::State::Hidden;
    } else {
        f.state = Figure::State::Value;
        f.value = value;
    }
    return f;
}

double median(std::vector<double>& v) {
    if (v.empty()) return 0;
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end());
    const double hi = v[mid];
    if (v.size() % 2) return hi;
    const double lo = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(mid));
    return (lo + hi) / 2;
}

std::string trendPeriod(std::int64_t epochMs, TrendBucket bucket) {
    const std::time_t t = static_cast<std::time_t>(epochMs / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    const char* format = bucket == TrendBucket::Day    ? "%Y-%m-%d"
                         : bucket == TrendBucket::Week ? "%G-W%V"
                                                       : "%Y-%m";
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

std::vector<int> heatmapRowOrder(const Heatmap& h, int column, bool descending) {
    std::vector<int> order(h.trainees.size());
    for (std::size_t r = 0; r < order.size(); ++r) order[r] = int(r);
    if (column < 0 || column >= int(h.principleIds.size())) return order;
    auto figure = [&](int r) -> const Figure* {
        if (std::size_t(r) >= h.cells.size() || std::size_t(column) >= h.cells[r].size())
            return nullptr;
        const Figure& f = h.cells[r][column].percent;
        return f.shown() ? &f : nullptr;
    };
    // The rows come in name order: a stable sort keeps ties (and the rows without a figure,
    // at the end) in that order.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Figure* x = figure(a);
        const Figure* y = figure(b);
        if (!x || !y) return x && !y;
        return descending ? x->value > y->value : x->value < y->value;
    });
    return order;
}

std::vector<TeamRow> Cohort::teamTable(const DashboardFilter& filter,
                                       const DashboardOptions& options, TeamSort sort,
                                       bool descending) const {
    const auto groups = byTrainee(*this, select(filter));
    const int available =
        options.library.empty() ? int(scenarios_.size()) : int(options.library.size());
    std::vector<TeamRow> rows;
    std::vector<double> times;
    for (int t : nameOrder(*this, groups)) {
        const auto& list = groups.at(t);
        TeamRow r;
        r.key = trainees_[t].key;
        r.name = trainees_[t].name;
        r.scenariosAvailable = available;
        std::set<int> passed;
        std::int64_t sum = 0;
        const CohortAttempt* last = nullptr;
        times.clear();
        for (std::uint32_t i : list) {
            const CohortAttempt& a = attempts_[i];
            ++r.attempts;
            sum += a.percent;
            if (a.passed) passed.insert(a.scenario);
            if (!last || later(a, *last)) last = &a;
            for (std::uint32_t d = a.decisionBegin; d < a.decisionEnd; ++d)
                times.push_back(decisions_[d].elapsedMs / 1000.0);
        }
        r.scenariosPassed = int(passed.size());
        r.meanPercent = double(sum) / r.attempts;
        r.lastPercent = last->percent;
        r.lastActiveMs = last->endedAtMs;
        r.medianSecondsPerDecision = median(times);
        rows.push_back(std::move(r));
    }
    auto key = [sort](const TeamRow& r) -> double {
        switch (sort) {
            case TeamSort::Attempts:
                return r.attempts;
            case TeamSort::Passed:
                return r.scenariosPassed;
            case TeamSort::MeanScore:
                return r.meanPercent;
            case TeamSort::LastScore:
                return r.lastPercent;
            case TeamSort::MedianSeconds:
                return r.medianSecondsPerDecision;
            case TeamSort::LastActive:
                return double(r.lastActiveMs);
            case TeamSort::Name:
                return 0;
        }
        return 0;
    };
    // Rows are in name order already: a stable sort on the figure keeps ties by name and key.
    if (sort == TeamSort::Name) {
        if (descending) std::reverse(rows.begin(), rows.end());
    } else {
        std::stable_sort(rows.begin(), rows.end(), [&](const TeamRow& a, const TeamRow& b) {
            return descending ? key(a) > key(b) : key(a) < key(b);
        });
    }
    return rows;
}

Heatmap Cohort::heatmap(const DashboardFilter& filter, const DashboardOptions& options) const {
    const auto sel = select(filter);
    const auto groups = byTrainee(*this, sel);
    Heatmap h;
    // Columns: the principles scored in the selection, by id.
    std::vector<char> used(principles_.size(), 0);
    for (std::uint32_t i : sel)
        for (std::uint32_t s = attempts_[i].scoreBegin; s < attempts_[i].scoreEnd; ++s)
            used[scores_[s].principle] = 1;
    std::vector<int> columns;
    for (std::size_t p = 0; p < principles_.size(); ++p)
        if (used[p]) columns.push_back(int(p));
    // Catalogue order first (a rank per principle id), the rest by id after it.
    std::vector<std::size_t> rank(principles_.size(), options.principleOrder.size());
    for (std::size_t k = 0; k < options.principleOrder.size(); ++k)
        for (std::size_t p = 0; p < principles_.size(); ++p)
            if (principles_[p] == options.principleOrder[k] && rank[p] > k) rank[p] = k;
    std::sort(columns.begin(), columns.end(), [&](int a, int b) {
        if (rank[a] != rank[b]) return rank[a] < rank[b];
        return principles_[a] < principles_[b];
    });
    std::vector<int> columnOf(principles_.size(), -1);
    for (std::size_t k = 0; k < columns.size(); ++k) {
        columnOf[columns[k]] = int(k);
        h.principleIds.push_back(principles_[columns[k]]);
    }
    h.cohort.resize(columns.size());
    std::vector<int> cohortTrainees(columns.size(), 0);
    for (int t : nameOrder(*this, groups)) {
        TeamRow row;  // the heatmap's rows carry the trainee's name and key only
        row.key = trainees_[t].key;
        row.name = trainees_[t].name;
        std::vector<HeatCell> cells(columns.size());
        for (std::uint32_t i : groups.at(t)) {
            const CohortAttempt& a = attempts_[i];
            for (std::uint32_t s = a.scoreBegin; s < a.scoreEnd; ++s) {
                HeatCell& cell = cells[columnOf[scores_[s].principle]];
                cell.earned += scores_[s].earned;
                cell.achievable += scores_[s].achievable;
                cell.attemptIds.push_back(a.id);
            }
        }
        for (std::size_t k = 0; k < cells.size(); ++k) {
            HeatCell& cell = cells[k];
            if (cell.attemptIds.empty()) continue;
            cell.percent.trainees = 1;
            if (cell.achievable > 0) {
                cell.percent.state = Figure::State::Value;
                cell.percent.value = percentOf(cell.earned, cell.achievable);
            }
            HeatCell& total = h.cohort[k];
            total.earned += cell.earned;
            total.achievable += cell.achievable;
            if (cell.achievable > 0) ++cohortTrainees[k];
        }
        h.trainees.push_back(row);
        h.cells.push_back(std::move(cells));
    }
    for (std::size_t k = 0; k < h.cohort.size(); ++k) {
        HeatCell& total = h.cohort[k];
        if (total.achievable > 0)
            total.percent = cohortFigure(percentOf(total.earned, total.achievable),
                                         cohortTrainees[k], options.minGroupSize);
        else
            total.percent.state = Figure::State::NotApplicable;
    }
    return h;
}

std::vector<TrendPoint> Cohort::trend(const DashboardFilter& filter,
                                      const DashboardOptions& options, TrendBucket bucket,
                                      const std::string& traineeKey) const {
    struct Acc {
        int attempts = 0, passed = 0;
        std::int64_t percent = 0;
        std::set<int> trainees;
    };
    std::map<std::string, Acc> periods;
    // Local time changes its offset only on whole hours (in practice): one conversion per hour.
    std::unordered_map<std::int64_t, Acc*> byHour;
    for (std::uint32_t i : select(filter)) {
        const CohortAttempt& a = attempts_[i];
        if (!traineeKey.empty() && trainees_[a.trainee].key != traineeKey) continue;
        const std::int64_t hour =
            a.endedAtMs >= 0 ? a.endedAtMs / 3600000 : (a.endedAtMs - 3599999) / 3600000;
        Acc*& slot = byHour[hour];
        if (!slot) slot = &periods[trendPeriod(a.endedAtMs, bucket)];
        Acc& acc = *slot;
        ++acc.attempts;
        acc.passed += a.passed;
        acc.percent += a.percent;
        acc.trainees.insert(a.trainee);
    }
    std::vector<TrendPoint> out;
    for (const auto& [period, acc] : periods) {
        TrendPoint p;
        p.period = period;
        p.attempts = acc.attempts;
        const int n = int(acc.trainees.size());
        // One trainee's own trend is never hidden: it is not a cohort average.
        const int threshold = traineeKey.empty() ? options.minGroupSize : 1;
        p.meanPercent = cohortFigure(double(acc.percent) / acc.attempts, n, threshold);
        p.passRate = cohortFigure(double(acc.passed) / acc.attempts, n, threshold);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<FirstVsLatest> Cohort::firstVsLatest(const DashboardFilter& filter,
                                                 const DashboardOptions& options,
                                                 const std::string& traineeKey) const {
    // (scenario, trainee) -> (first, latest)
    std::map<std::pair<int, int>, std::pair<const CohortAttempt*, const CohortAttempt*>> pairs;
    for (std::uint32_t i : select(filter)) {
        const CohortAttempt& a = attempts_[i];
        if (!traineeKey.empty() && trainees_[a.trainee].key != traineeKey) continue;
        auto& [first, latest] = pairs[{a.scenario, a.trainee}];
        if (!first || later(*first, a)) first = &a;
        if (!latest || later(a, *latest)) latest = &a;
    }
    std::map<std::string, std::tuple<int, double, double, int>> perScenario;  // id -> n, sums
    for (const auto& [k, fl] : pairs) {
        auto& [n, firstSum, latestSum, index] = perScenario[scenarios_[k.first].id];
        ++n;
        firstSum += fl.first->percent;
        latestSum += fl.second->percent;
        index = k.first;
    }
    std::vector<FirstVsLatest> out;
    const int threshold = traineeKey.empty() ? options.minGroupSize : 1;
    for (const auto& [id, v] : perScenario) {
        const auto& [n, firstSum, latestSum, index] = v;
        FirstVsLatest f;
        f.scenarioId = id;
        f.title = scenarios_[index].title;
        f.trainees = n;
        f.firstPercent = cohortFigure(firstSum / n, n, threshold);
        f.latestPercent = cohortFigure(latestSum / n, n, threshold);
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<TraineeAdvice> Cohort::practiseNext(const DashboardFilter& filter,
                                                const DashboardOptions& options) const {
    const auto groups = byTrainee(*this, select(filter));
    std::vector<PractiseScenario> library = options.library;
    if (library.empty()) {
        // Without the scenario files: every scenario in the data, training what it scored.
        std::vector<std::vector<char>> trained(scenarios_.size(),
                                               std::vector<char>(principles_.size(), 0));
        for (const CohortAttempt& a : attempts_)
            for (std::uint32_t s = a.scoreBegin; s < a.scoreEnd; ++s)
                if (scores_[s].achievable > 0) trained[a.scenario][scores_[s].principle] = 1;
        for (std::size_t i = 0; i < scenarios_.size(); ++i) {
            std::vector<std::string> ids;
            for (std::size_t p = 0; p < principles_.size(); ++p)
                if (trained[i][p]) ids.push_back(principles_[p]);
            std::sort(ids.begin(), ids.end());
            library.push_back({scenarios_[i].id, 1, std::move(ids)});
        }
        std::sort(library.begin(), library.end(),
                  [](const PractiseScenario& a, const PractiseScenario& b) { return a.id < b.id; });
    }
    std::vector<TraineeAdvice> out;
    for (int t : nameOrder(*this, groups)) {
        std::map<std::string, ScenarioProgress> progress;
        std::map<int, PrincipleTotal> totals;
        for (std::uint32_t i : groups.at(t)) {
            const CohortAttempt& a = attempts_[i];
            ScenarioProgress& p = progress[scenarios_[a.scenario].id];
            if (p.attempts++ == 0) {
                p.scenarioId = scenarios_[a.scenario].id;
                p.title = scenarios_[a.scenario].title;
            }
            p.bestPercent = std::max(p.bestPercent, a.percent);
            p.passed = p.passed || a.passed;
            p.completed = p.completed || a.finished;
            p.lastAtMs = std::max(p.lastAtMs, a.endedAtMs);
            for (std::uint32_t s = a.scoreBegin; s < a.scoreEnd; ++s) {
                PrincipleTotal& total = totals[scores_[s].principle];
                if (total.attempts == 0) total.principleId = principles_[scores_[s].principle];
                total.earned += scores_[s].earned;
                total.achievable += scores_[s].achievable;
                ++total.attempts;
            }
        }
        TraineeAdvice advice;
        advice.key = trainees_[t].key;
        advice.name = trainees_[t].name;
        for (auto& [p, total] : totals) advice.weakest.push_back(total);
        sortWeakestFirst(advice.weakest);
        advice.advice = recommendPractise(library, progress, advice.weakest);
        out.push_back(std::move(advice));
    }
    return out;
}

}  // namespace counterplay::core
