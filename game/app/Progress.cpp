#include "Progress.h"

#include "counterplay/core/PractiseNext.h"

#include "platform/Log.h"

namespace counterplay::app {
namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

}  // namespace

std::string traineeKeyFor(const std::string& name, const std::string& id) {
    const std::string k = trim(id);
    return k.empty() ? trim(name) : k;
}

void Progress::open(const std::string& dbPath) {
    path_ = dbPath;
    std::string error;
    try {
        store_ = core::ResultsStore::open(dbPath, error);
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!store_) {
        error_ = error.empty() ? "cannot open " + dbPath : error;
        logLine("results store unavailable: " + error_);
    } else {
        logLine("results store: " + dbPath);
    }
}

std::int64_t Progress::record(const core::NewAttempt& attempt, std::string& error) {
    cacheValid_ = false;
    if (!store_) {
        error = error_;
        return -1;
    }
    try {
        return store_->recordAttempt(attempt);
    } catch (const std::exception& e) {
        error = e.what();
        logLine("could not store the attempt: " + error);
        return -1;
    }
}

void Progress::refresh(const std::string& traineeKey) {
    if (cacheValid_ && cachedKey_ == traineeKey) return;
    cacheValid_ = true;
    cachedKey_ = traineeKey;
    scenarios_.clear();
    principles_.clear();
    if (!store_ || traineeKey.empty()) return;
    try {
        for (core::ScenarioProgress& p : store_->traineeProgress(traineeKey))
            scenarios_[p.scenarioId] = std::move(p);
        principles_ = store_->principleTotals(traineeKey);
    } catch (const std::exception& e) {
        logLine(std::string("could not read progress: ") + e.what());
    }
}

const std::map<std::string, core::ScenarioProgress>& Progress::scenarios(const std::string& key) {
    refresh(key);
    return scenarios_;
}

const std::vector<core::PrincipleTotal>& Progress::principles(const std::string& key) {
    refresh(key);
    return principles_;
}

Recommendation Progress::recommend(const ScenarioLibrary& library, const std::string& key) {
    refresh(key);
    // The rule lives in core (PractiseNext.h) so the dashboard and `counterplay report` agree.
    std::vector<core::PractiseScenario> scenarios;
    for (const ScenarioEntry& e : library.entries())
        scenarios.push_back({e.scenario->id, e.scenario->difficulty, e.scenario->principles});
    const core::PractiseAdvice a = core::recommendPractise(scenarios, scenarios_, principles_);
    Recommendation r;
    r.scenarioId = a.scenarioId;
    r.principleId = a.principleId;
    r.principlePercent = a.principlePercent;
    r.firstSteps = a.firstSteps;
    return r;
}

}  // namespace counterplay::app
