#include "screens/DashboardModel.h"

#include <algorithm>
#include <chrono>
#include <future>

#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/Keyring.h"
#include "platform/Log.h"

namespace counterplay::app {
namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool sameFilter(const core::DashboardFilter& a, const core::DashboardFilter& b) {
    return a.sinceMs == b.sinceMs && a.untilMs == b.untilMs && a.scenarioIds == b.scenarioIds &&
           a.traineeKeys == b.traineeKeys && a.originStore == b.originStore &&
           a.originMachine == b.originMachine && a.outcome == b.outcome &&
           a.nameSearch == b.nameSearch;
}

}  // namespace

bool DashboardQuery::operator==(const DashboardQuery& o) const {
    return sameFilter(filter, o.filter) && sort == o.sort && descending == o.descending &&
           bucket == o.bucket && traineeKey == o.traineeKey && scenarioId == o.scenarioId &&
           minGroupSize == o.minGroupSize;
}

DashboardModel::DashboardModel(std::string dbPath, const ScenarioLibrary& library)
    : dbPath_(std::move(dbPath)), library_(library) {
    for (const ScenarioEntry& e : library_.entries())
        practise_.push_back({e.scenario->id, e.scenario->difficulty, e.scenario->principles});
    worker_ = std::jthread([this](std::stop_token stop) { work(stop); });
}

DashboardModel::~DashboardModel() {
    worker_.request_stop();
    sealWorker_.request_stop();
    wake_.notify_all();
}

void DashboardModel::reload() {
    {
        std::lock_guard lock(mutex_);
        loadWanted_ = true;
        state_ = State::Loading;
    }
    wake_.notify_all();
}

void DashboardModel::request(const DashboardQuery& query) {
    {
        std::lock_guard lock(mutex_);
        if (haveQuery_ && lastQuery_ == query) return;
        lastQuery_ = query;
        haveQuery_ = true;
        pending_ = query;
        computing_ = true;
    }
    wake_.notify_all();
}

std::string DashboardModel::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

std::shared_ptr<const core::Cohort> DashboardModel::cohort() const {
    std::lock_guard lock(mutex_);
    return cohort_;
}

std::shared_ptr<const DashboardViews> DashboardModel::views() const {
    std::lock_guard lock(mutex_);
    return views_;
}

std::vector<std::string> DashboardModel::stores() const {
    std::lock_guard lock(mutex_);
    return stores_;
}

std::vector<std::string> DashboardModel::machines() const {
    std::lock_guard lock(mutex_);
    return machines_;
}

DashboardModel::IntegrityProgress DashboardModel::integrity() const {
    std::lock_guard lock(sealMutex_);
    return integrity_;
}

std::shared_ptr<const std::map<std::int64_t, std::string>> DashboardModel::alteredSnapshot() const {
    std::lock_guard lock(sealMutex_);
    return altered_;
}

bool DashboardModel::altered(std::int64_t id, std::string* reason) const {
    const auto snapshot = alteredSnapshot();
    const auto it = snapshot->find(id);
    if (it == snapshot->end()) return false;
    if (reason) *reason = it->second;
    return true;
}

const core::CohortAttempt* DashboardModel::attempt(std::int64_t id) const {
    const auto c = cohort();
    if (!c) return nullptr;
    const auto& all = c->attempts();  // ordered by id (Cohort::load reads ORDER BY id)
    const auto it =
        std::lower_bound(all.begin(), all.end(), id,
                         [](const core::CohortAttempt& a, std::int64_t v) { return a.id < v; });
    return it != all.end() && it->id == id ? &*it : nullptr;
}

core::DashboardOptions DashboardModel::options(int minGroupSize) const {
    core::DashboardOptions o;
    o.minGroupSize = minGroupSize;
    o.library = practise_;
    if (const core::Catalogue* cat = library_.catalogue())  // heatmap columns in learning order
        for (const core::Principle& p : cat->principles) o.principleOrder.push_back(p.id);
    return o;
}

DashboardViews DashboardModel::compute(const core::Cohort& cohort, const DashboardQuery& q) const {
    const auto t0 = std::chrono::steady_clock::now();
    const core::DashboardOptions o = options(q.minGroupSize);
    DashboardViews v;
    v.query = q;
    // Attempts whose seal check failed are left out of every figure (their stored score is not
    // to be believed); the screen still lists and marks them in red.
    const auto altered = alteredSnapshot();
    core::DashboardFilter filter = q.filter;
    if (!altered->empty()) {
        for (const auto& [id, why] : *altered) filter.excludeAttemptIds.push_back(id);
        std::sort(filter.excludeAttemptIds.begin(), filter.excludeAttemptIds.end());
        filter.excludeAttemptIds.erase(
            std::unique(filter.excludeAttemptIds.begin(), filter.excludeAttemptIds.end()),
            filter.excludeAttemptIds.end());
    }
    v.excludedAltered = static_cast<int>(altered->size());
    // The views are independent reads of the shared, read-only cohort: half of them on a second
    // thread, so an unfiltered recompute of 100,000 attempts stays well under 200 ms.
    auto half = std::async(std::launch::async, [&] {
        v.team = cohort.teamTable(filter, o, q.sort, q.descending);
        v.heatmap = cohort.heatmap(filter, o);
        v.teamTrend = cohort.trend(filter, o, q.bucket);
        v.teamFirst = cohort.firstVsLatest(filter, o);
        if (!q.traineeKey.empty()) {
            v.traineeTrend = cohort.trend(filter, o, q.bucket, q.traineeKey);
            v.traineeFirst = cohort.firstVsLatest(filter, o, q.traineeKey);
        }
    });
    if (!q.scenarioId.empty()) {
        const ScenarioEntry* e = library_.find(q.scenarioId);
        v.decisions = cohort.decisionStats(q.scenarioId, filter, e ? e->scenario.get() : nullptr,
                                           e ? e->analysis.get() : nullptr);
    }
    v.advice = cohort.practiseNext(filter, o);
    for (std::uint32_t i : cohort.select(filter)) v.selectedIds.push_back(cohort.attempts()[i].id);
    half.get();  // rethrows what the other half threw
    v.computeMs = msSince(t0);
    return v;
}

void DashboardModel::work(std::stop_token stop) {
    while (!stop.stop_requested()) {
        bool load = false;
        std::optional<DashboardQuery> query;
        std::shared_ptr<const core::Cohort> cohort;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, stop, [&] { return loadWanted_ || pending_.has_value(); });
            if (stop.stop_requested()) return;
            load = loadWanted_;
            loadWanted_ = false;
            if (!load) {
                query = pending_;
                pending_.reset();
            }
            cohort = cohort_;
        }
        if (load) {
            const auto t0 = std::chrono::steady_clock::now();
            std::string error;
            auto store =
                core::ResultsStore::open(dbPath_, error, core::ResultsStore::Mode::ReadOnly);
            std::shared_ptr<const core::Cohort> loaded;
            if (store) {
                try {
                    loaded = std::make_shared<const core::Cohort>(core::Cohort::load(*store));
                } catch (const std::exception& e) {
                    error = e.what();
                }
            }
            std::set<std::string> stores, machines;
            if (loaded)
                for (const core::CohortAttempt& a : loaded->attempts()) {
                    if (!a.originStore.empty()) stores.insert(a.originStore);
                    if (!a.originMachine.empty()) machines.insert(a.originMachine);
                }
            loadMs_ = msSince(t0);
            {
                std::lock_guard lock(mutex_);
                if (loaded) {
                    cohort_ = loaded;
                    stores_.assign(stores.begin(), stores.end());
                    machines_.assign(machines.begin(), machines.end());
                    error_.clear();
                    if (haveQuery_) {
                        pending_ = lastQuery_;
                        computing_ = true;
                    }
                } else {
                    error_ = error;
                }
            }
            state_ = loaded ? State::Ready : State::Failed;
            logLine("dashboard: cohort " +
                    (loaded ? std::to_string(loaded->attempts().size()) + " attempts"
                            : "failed: " + error) +
                    " loaded in " + std::to_string(static_cast<int>(loadMs_.load())) + " ms");
            if (loaded) {
                sealWorker_.request_stop();
                if (sealWorker_.joinable()) sealWorker_.join();
                sealWorker_ =
                    std::jthread([this, loaded](std::stop_token s) { checkSeals(s, loaded); });
            }
            continue;
        }
        if (query && cohort) {
            auto views = std::make_shared<const DashboardViews>(compute(*cohort, *query));
            logLine("dashboard: views for " + std::to_string(views->selectedIds.size()) +
                    " attempts in " + std::to_string(static_cast<int>(views->computeMs)) + " ms");
            std::lock_guard lock(mutex_);
            views_ = std::move(views);
            if (!pending_) computing_ = false;
        } else if (query) {
            std::lock_guard lock(mutex_);
            pending_ = query;  // the cohort is not loaded yet: keep it for after the load
            if (state_ == State::Failed) {
                pending_.reset();
                computing_ = false;
            }
        }
    }
}

void DashboardModel::recomputeWithoutAltered() {
    {
        std::lock_guard lock(mutex_);
        if (!haveQuery_) return;
        pending_ = lastQuery_;
        computing_ = true;
    }
    wake_.notify_all();
}

void DashboardModel::checkSeals(std::stop_token stop, std::shared_ptr<const core::Cohort> cohort) {
    {
        std::lock_guard lock(sealMutex_);
        altered_ = std::make_shared<const std::map<std::int64_t, std::string>>();
        integrity_ = {};
        integrity_.total = static_cast<std::int64_t>(cohort->attempts().size());
    }
    std::string error;
    auto store = core::ResultsStore::open(dbPath_, error, core::ResultsStore::Mode::ReadOnly);
    if (!store) return;
    std::string warning;
    const core::Trust trust = core::loadTrust(warning);
    core::ScenarioIndex index;
    if (!library_.dir().empty()) index.addFolder(library_.dir());
    const auto t0 = std::chrono::steady_clock::now();
    std::int64_t checked = 0;
    // In slices of the cohort, so altered attempts turn red as they are found and a reload can
    // stop the check. Each slice is one core::checkAttempts: attempts whose seal memo matches
    // their rows cost a digest of their bytes, the others the full check.
    const auto& attempts = cohort->attempts();
    constexpr std::size_t kSlice = 4096;
    for (std::size_t from = 0; from < attempts.size(); from += kSlice) {
        if (stop.stop_requested()) return;
        core::AttemptFilter slice;
        slice.attemptIds.emplace();
        for (std::size_t i = from; i < std::min(attempts.size(), from + kSlice); ++i)
            slice.attemptIds->push_back(attempts[i].id);
        std::map<std::int64_t, std::string> found;
        try {
            for (const core::AttemptIntegrity& r :
                 core::checkAttempts(*store, slice, trust, &index))
                if (r.status == core::IntegrityStatus::Altered) found[r.attemptId] = r.reason;
        } catch (const std::exception& e) {
            for (std::int64_t id : *slice.attemptIds)
                found[id] = std::string("its rows cannot be read: ") + e.what();
        }
        checked += static_cast<std::int64_t>(slice.attemptIds->size());
        {
            std::lock_guard lock(sealMutex_);
            if (!found.empty()) {
                auto next = std::make_shared<std::map<std::int64_t, std::string>>(*altered_);
                next->merge(found);
                altered_ = std::move(next);
            }
            integrity_.checked = checked;
            integrity_.altered = static_cast<std::int64_t>(altered_->size());
        }
        if (!found.empty()) recomputeWithoutAltered();
    }
    std::lock_guard lock(sealMutex_);
    integrity_.done = true;
    logLine("dashboard: seals of " + std::to_string(checked) + " attempts checked in " +
            std::to_string(static_cast<int>(msSince(t0))) + " ms, " +
            std::to_string(altered_->size()) + " altered");
}

}  // namespace counterplay::app
