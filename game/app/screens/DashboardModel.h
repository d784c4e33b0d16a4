// The dashboard's data, off the UI thread: a worker loads the cohort (core::Cohort) from its own
// read-only connection and recomputes the views (team table, heatmap, trends, first vs latest,
// decision statistics, practise next) whenever a new query arrives, coalescing queries that come
// faster than it computes; the screen keeps drawing the previous views meanwhile. A second
// worker checks every attempt's seal (core::checkAttempt) and publishes the altered ones, so
// they can be drawn in red. Nothing here queries or scores by itself: it calls the core.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "ScenarioLibrary.h"
#include "counterplay/core/Dashboard.h"

namespace counterplay::app {

/// What the views are computed for (the screen's filter bar and selections).
struct DashboardQuery {
    core::DashboardFilter filter;
    core::TeamSort sort = core::TeamSort::Name;
    bool descending = false;
    core::TrendBucket bucket = core::TrendBucket::Week;
    std::string traineeKey;  ///< the trainee of the trainee trend and first-vs-latest
    std::string scenarioId;  ///< the scenario of the decision statistics
    int minGroupSize = 3;
    bool operator==(const DashboardQuery&) const;
};

/// One computed set of views.
struct DashboardViews {
    DashboardQuery query;
    std::vector<core::TeamRow> team;
    core::Heatmap heatmap;
    std::vector<core::TrendPoint> teamTrend, traineeTrend;
    std::vector<core::FirstVsLatest> teamFirst, traineeFirst;
    core::DecisionStats decisions;
    std::vector<core::TraineeAdvice> advice;
    std::vector<std::int64_t> selectedIds;  ///< attempt ids in the filter, oldest first
    int excludedAltered = 0;  ///< altered attempts left out of these figures (seal check so far)
    double computeMs = 0;
};

class DashboardModel {
public:
    /// `library` must outlive the model (it is the app's, loaded once at start).
    DashboardModel(std::string dbPath, const ScenarioLibrary& library);
    ~DashboardModel();
    DashboardModel(const DashboardModel&) = delete;
    DashboardModel& operator=(const DashboardModel&) = delete;

    /// (Re)loads the cohort in the background (after an import or a pull too), then computes
    /// the last requested query and restarts the seal check.
    void reload();
    /// Asks for the views of `query` (computed in the background; the latest request wins).
    void request(const DashboardQuery& query);

    enum class State { Loading, Ready, Failed };
    State state() const { return state_.load(); }
    std::string error() const;
    const std::string& dbPath() const { return dbPath_; }
    /// The loaded cohort (null while the first load runs). Read-only, safe to share.
    std::shared_ptr<const core::Cohort> cohort() const;
    /// The latest computed views (null before the first).
    std::shared_ptr<const DashboardViews> views() const;
    /// True while a computation for a newer query than views() runs or waits.
    bool computing() const { return computing_.load(); }
    double loadMs() const { return loadMs_.load(); }
    /// Distinct origin stores and machines in the data (for the filter lists).
    std::vector<std::string> stores() const;
    std::vector<std::string> machines() const;

    /// Seal check progress over the whole store.
    struct IntegrityProgress {
        std::int64_t checked = 0, total = 0, altered = 0;
        bool done = false;
    };
    IntegrityProgress integrity() const;
    /// True when the seal check found attempt `id` altered (so far); `reason` gets why.
    bool altered(std::int64_t id, std::string* reason = nullptr) const;
    /// Every attempt found altered so far (id -> why), as one snapshot for a whole frame.
    std::shared_ptr<const std::map<std::int64_t, std::string>> alteredSnapshot() const;
    /// The cohort attempt with this id, or null.
    const core::CohortAttempt* attempt(std::int64_t id) const;

    /// The options the views use (privacy threshold from the query, library from the app).
    core::DashboardOptions options(int minGroupSize) const;

private:
    void work(std::stop_token stop);
    void checkSeals(std::stop_token stop, std::shared_ptr<const core::Cohort> cohort);
    DashboardViews compute(const core::Cohort& cohort, const DashboardQuery& query) const;
    /// The seal check found more altered attempts: compute the last query again without them.
    void recomputeWithoutAltered();

    std::string dbPath_;
    const ScenarioLibrary& library_;
    std::vector<core::PractiseScenario> practise_;

    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    bool loadWanted_ = true;
    std::optional<DashboardQuery> pending_;
    DashboardQuery lastQuery_;
    bool haveQuery_ = false;
    std::shared_ptr<const core::Cohort> cohort_;
    std::shared_ptr<const DashboardViews> views_;
    std::string error_;
    std::vector<std::string> stores_, machines_;
    std::atomic<State> state_{State::Loading};
    std::atomic<bool> computing_{false};
    std::atomic<double> loadMs_{0};

    mutable std::mutex sealMutex_;
    std::shared_ptr<const std::map<std::int64_t, std::string>> altered_ =
        std::make_shared<const std::map<std::int64_t, std::string>>();
    IntegrityProgress integrity_;

    std::jthread sealWorker_;
    std::jthread worker_;  // last: started after every member exists, stopped first
};

}  // namespace counterplay::app
