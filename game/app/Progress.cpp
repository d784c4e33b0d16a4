#include "Progress.h"

#include "counterplay/core/LrsClient.h"
#include "counterplay/core/LrsSettings.h"
#include "counterplay/core/PendingAttempts.h"
#include "counterplay/core/PractiseNext.h"

#include <algorithm>
#include <cmath>

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
        // Attempts kept as files while a database was unusable go in now.
        const core::PendingResult pending = core::storePendingAttempts(*store_);
        if (!pending.stored.empty())
            logLine("stored " + std::to_string(pending.stored.size()) + " pending attempt(s)");
        for (const std::string& f : pending.failed) logLine("pending attempt not stored: " + f);
    }
}

std::int64_t Progress::record(const core::NewAttempt& attempt, std::string& error) {
    cacheValid_ = false;
    // Without a database the finished attempt is kept as a pending file, stored on the next
    // good open: it is never lost.
    auto keep = [&](const std::string& why) -> std::int64_t {
        std::string keepError;
        const std::string file = core::savePendingAttempt(attempt, keepError);
        error = why + (file.empty() ? " (and it could not be kept: " + keepError + ")"
                                    : " (kept in " + file + " until the results database works)");
        logLine("could not store the attempt: " + error);
        return -1;
    };
    if (!store_) return keep(error_);
    std::int64_t id = -1;
    try {
        id = store_->recordAttempt(attempt);
    } catch (const std::exception& e) {
        return keep(e.what());
    }
    sendToLrs(id);
    return id;
}

void Progress::sendToLrs(std::int64_t attemptId) {
    std::string error;
    const auto settings = core::loadLrsSettings(error);
    if (!error.empty()) logLine(error);
    if (!settings || !settings->sendAfterEachAttempt) return;
    // Its own connection: a ResultsStore is used by one thread at a time.
    senders_.emplace_back([path = path_, attemptId, lrs = *settings] {
        std::string openError;
        auto store = core::ResultsStore::open(path, openError);
        if (!store) {
            logLine("LRS: attempt " + std::to_string(attemptId) + " not sent: " + openError);
            return;
        }
        try {
            const core::SyncResult r = core::sendAttemptNow(*store, attemptId, lrs);
            logLine("LRS: attempt " + std::to_string(attemptId) +
                    (r.ok ? " sent to " + lrs.endpoint : " not sent now: " + r.message));
        } catch (const std::exception& e) {
            logLine("LRS: attempt " + std::to_string(attemptId) + " not sent now: " + e.what());
        }
    });
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
