// The manager's dashboard, headless: a cohort of stored attempts held in memory (loaded once from
// the results store, a few compact rows per attempt) and the views over it: the team table, the
// principle heatmap, trends, first-vs-latest, per-decision statistics and practise next, with a
// privacy threshold below which cohort averages are hidden. The app's dashboard screen draws
// these; `counterplay report` prints them. Changing a filter recomputes from memory (no SQL).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/PractiseNext.h"
#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

/// Which attempts the dashboard views cover. Empty fields do not filter.
struct DashboardFilter {
    std::optional<std::int64_t> sinceMs;   ///< ended at or after (epoch ms)
    std::optional<std::int64_t> untilMs;   ///< ended before
    std::vector<std::string> scenarioIds;  ///< any of these scenarios
    std::vector<std::string> traineeKeys;  ///< any of these trainees
    /// The shop the attempt was played in. Read from attempts.origin_store when the database has
    /// that column (being added); on older databases every attempt has an empty store, so a
    /// non-empty value here matches nothing.
    std::string originStore;
    /// The machine it was played on (same rule: column attempts.origin_machine when present).
    std::string originMachine;
    enum class Outcome { Any, Passed, Failed } outcome = Outcome::Any;
    std::string nameSearch;  ///< case-insensitive (ASCII) substring of the trainee's name or key
    /// Attempts left out whatever else matches, sorted ascending (the report leaves out attempts
    /// whose seal check failed, so a forged score never enters its figures).
    std::vector<std::int64_t> excludeAttemptIds;
};

/// A cohort figure that may be withheld: a number, "n/a" (nothing achievable: 0 of 0), or hidden
/// because fewer trainees than the privacy threshold stand behind it.
struct Figure {
    enum class State { Value, NotApplicable, Hidden } state = State::NotApplicable;
    double value = 0;  ///< percent 0..100 (or a rate 0..1 where documented); only for Value
    int trainees = 0;  ///< distinct trainees behind it
    bool shown() const { return state == State::Value; }
};

/// One attempt of the cohort, as the views need it.
struct CohortAttempt {
    std::int64_t id = 0;
    int trainee = 0;   ///< index into Cohort::trainees()
    int scenario = 0;  ///< index into Cohort::scenarios()
    std::int64_t endedAtMs = 0;
    int percent = 0;
    bool passed = false;
    bool finished = false;
    std::string originStore, originMachine;
    std::uint32_t scoreBegin = 0, scoreEnd = 0;        ///< range in the principle score array
    std::uint32_t decisionBegin = 0, decisionEnd = 0;  ///< range in the decision array
};

struct CohortTrainee {
    std::string key, name;
};

struct CohortScenario {
    std::string id;
    Text title;
};

struct CohortScore {
    int principle = 0;  ///< index into Cohort::principles()
    int earned = 0, achievable = 0;
};

struct CohortDecision {
    int node = 0;         ///< index into Cohort::nodes()
    int choiceIndex = 0;  ///< or kTimeoutChoice
    std::int32_t elapsedMs = 0;
};

/// Sorting of the team table.
enum class TeamSort { Name, Attempts, Passed, MeanScore, LastScore, MedianSeconds, LastActive };

/// One row of the team table (one per trainee key, even when two trainees share a name).
struct TeamRow {
    std::string key, name;
    int attempts = 0;
    int scenariosPassed = 0;     ///< distinct scenarios passed at least once
    int scenariosAvailable = 0;  ///< the library's size (else scenarios in the data)
    double meanPercent = 0;
    int lastPercent = 0;
    double medianSecondsPerDecision = 0;
    std::int64_t lastActiveMs = 0;
};

/// The heatmap: trainees x principles, each cell earned/achievable in percent.
struct HeatCell {
    Figure percent;  ///< NotApplicable when 0 of 0 was achievable
    std::int64_t earned = 0, achievable = 0;
    std::vector<std::int64_t> attemptIds;  ///< the attempts behind the cell (cohort row: empty,
                                           ///< as it is every attempt in the filter)
};
struct Heatmap {
    std::vector<std::string>
        principleIds;               ///< columns: DashboardOptions::principleOrder, then by id
    std::vector<TeamRow> trainees;  ///< rows in name order (only key and name are filled)
    std::vector<std::vector<HeatCell>> cells;  ///< [trainee][principle]
    std::vector<HeatCell> cohort;  ///< the cohort row (Hidden below the privacy threshold)
};

enum class TrendBucket { Day, Week, Month };

/// One period of a trend: mean score and pass rate (0..1) of the attempts that ended in it.
struct TrendPoint {
    std::string period;  ///< "2024-05-01", "2024-W18" (ISO week), "2024-05" (local time)
    int attempts = 0;
    Figure meanPercent;
    Figure passRate;
};

/// First attempt against latest on one scenario: means over the trainees who played it (for one
/// trainee, their own first and latest).
struct FirstVsLatest {
    std::string scenarioId;
    Text title;
    int trainees = 0;
    Figure firstPercent, latestPercent;
};

/// Per-decision statistics of one scenario.
struct ChoiceCount {
    int choiceIndex = 0;  ///< or kTimeoutChoice
    std::string choiceId;
    Text text;          ///< from the scenario file when given
    int chosen = 0;     ///< times chosen
    int trainees = 0;   ///< distinct trainees who chose it
    bool best = false;  ///< the best path's choice here (only with the scenario's analysis)
};
struct DecisionPointStats {
    std::string nodeId;
    int reached = 0;                   ///< decisions made here
    std::vector<ChoiceCount> choices;  ///< in the scenario's order, then any unknown ones
    int wrongTurns = 0;                ///< attempts that first left the best path here
    double medianSeconds = 0;
    std::vector<std::string> slowTrainees;  ///< keys whose median here is > 2x the median
};
struct DecisionStats {
    std::string scenarioId;
    int attempts = 0;
    bool bestKnown = false;  ///< best options marked (the scenario's analysis was given)
    std::vector<DecisionPointStats> points;  ///< scenario node order when known, else by id
    /// "Common wrong turns": (node, choice) where attempts first left the best path, most first.
    struct WrongTurn {
        std::string nodeId;
        int choiceIndex = 0;
        std::string choiceId;
        Text text;
        int attempts = 0;
    };
    std::vector<WrongTurn> wrongTurns;
};

/// Practise next for one trainee.
struct TraineeAdvice {
    std::string key, name;
    PractiseAdvice advice;
    std::vector<PrincipleTotal> weakest;  ///< their principle totals, weakest first
};

/// What the views need besides the data.
struct DashboardOptions {
    int minGroupSize = 3;  ///< cohort averages over fewer distinct trainees are Hidden
    /// The scenarios that can be played (for "passed of available" and practise next); when
    /// empty, the scenarios found in the data.
    std::vector<PractiseScenario> library;
    /// Principle ids in catalogue order (the order trainees learn them). Heatmap columns follow
    /// it; ids it does not name come after, by id. Empty: every column by id.
    std::vector<std::string> principleOrder;
};

/// The cohort in memory and its views. Load once; every view takes a filter and is recomputed
/// from memory, so a filter change costs a scan of compact arrays, not a query.
class Cohort {
public:
    /// Reads every attempt, principle score and decision time of `store` (three sequential
    /// scans). Throws StoreError.
    /// With `digests`, also every attempt's rows digest and seal memo, in id order (the memo
    /// pass of a seal check, see checkAttemptDigests), from the same reads.
    static Cohort load(const ResultsStore& store,
                       std::vector<AttemptRowsDigest>* digests = nullptr);

    const std::vector<CohortAttempt>& attempts() const { return attempts_; }
    const std::vector<CohortTrainee>& trainees() const { return trainees_; }
    const std::vector<CohortScenario>& scenarios() const { return scenarios_; }
    const std::vector<std::string>& principles() const { return principles_; }
    const std::vector<std::string>& nodes() const { return nodes_; }
    bool hasOriginColumns() const { return hasOrigin_; }

    /// Indices (into attempts()) of the attempts matching `filter`, oldest first.
    std::vector<std::uint32_t> select(const DashboardFilter& filter) const;

    /// "Did you mean" for a name search that matches no trainee at all: the trainee name, key or
    /// word of a name nearest to `search` (case-insensitive, core::closestMatch's distance), as
    /// written in the data. Empty when the search matches a trainee as it is (the other filters
    /// left them out, a typo is not why) or nothing is close enough.
    std::string suggestTrainee(const std::string& search) const;

    /// The team table, sorted by `sort` (ties by name, then key).
    std::vector<TeamRow> teamTable(const DashboardFilter& filter, const DashboardOptions& options,
                                   TeamSort sort = TeamSort::Name, bool descending = false) const;

    /// The heatmap of trainees x principles, with the cohort row.
    Heatmap heatmap(const DashboardFilter& filter, const DashboardOptions& options) const;

    /// The team's trend (traineeKey empty; Hidden below the threshold) or one trainee's.
    std::vector<TrendPoint> trend(const DashboardFilter& filter, const DashboardOptions& options,
                                  TrendBucket bucket, const std::string& traineeKey = {}) const;

    /// First attempt against latest, per scenario (the team, or one trainee).
    std::vector<FirstVsLatest> firstVsLatest(const DashboardFilter& filter,
                                             const DashboardOptions& options,
                                             const std::string& traineeKey = {}) const;

    /// Per-decision statistics of one scenario. `scenario` and `analysis` (of the same file)
    /// give choice texts, node order and the best options; without them options are unmarked.
    DecisionStats decisionStats(const std::string& scenarioId, const DashboardFilter& filter,
                                const Scenario* scenario = nullptr,
                                const Analysis* analysis = nullptr) const;

    /// Practise next for every trainee in the filter (the game's rule, over their attempts in
    /// the filter), in team-table name order.
    std::vector<TraineeAdvice> practiseNext(const DashboardFilter& filter,
                                            const DashboardOptions& options) const;

private:
    std::vector<CohortAttempt> attempts_;
    std::vector<CohortTrainee> trainees_;
    std::vector<CohortScenario> scenarios_;
    std::vector<std::string> principles_;
    std::vector<std::string> nodes_;
    std::vector<CohortScore> scores_;
    std::vector<CohortDecision> decisions_;
    bool hasOrigin_ = false;
};

/// The heatmap's rows (indices into heatmap.trainees) sorted by one principle column (an index
/// into heatmap.principleIds), so a manager sees who is weakest at it: by the cell's percentage,
/// ascending or descending, ties in name order; rows whose cell has no figure (n/a, or nothing
/// played with that principle) come last either way. A column out of range gives name order.
/// The cohort row is not among them: it stays on top of the table.
std::vector<int> heatmapRowOrder(const Heatmap& heatmap, int column, bool descending);

/// Applies the privacy threshold: Hidden when `trainees` < minGroupSize, else the value.
Figure cohortFigure(double value, int trainees, int minGroupSize);

/// The median of `values` (0 when empty); reorders them.
double median(std::vector<double>& values);

/// The period of `epochMs` in local time for `bucket` ("2024-05-01", "2024-W18", "2024-05").
std::string trendPeriod(std::int64_t epochMs, TrendBucket bucket);

}  // namespace counterplay::core
