// The trainee's progress, through the results store (SQLite in the data folder): records
// finished attempts, and answers "best score", "completed" and "what to practise next".
#pragma once

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "counterplay/core/ResultsStore.h"
#include "ScenarioLibrary.h"

namespace counterplay::app {

struct Recommendation {
    std::string scenarioId;   ///< empty when there is nothing to recommend
    std::string principleId;  ///< the weak principle it trains; empty for "start here"
    int principlePercent = 0; ///< the trainee's earned/achievable on that principle
    bool firstSteps = false;  ///< no attempts yet
};

class Progress {
public:
    /// Opens (creating) the database; on failure the game runs without stored progress and the
    /// reason is kept for the screens to show.
    void open(const std::string& dbPath);
    bool available() const { return store_ != nullptr; }
    const std::string& error() const { return error_; }
    const std::string& path() const { return path_; }
    core::ResultsStore* store() const { return store_.get(); }

    /// Stores an attempt; returns its id, or -1 with `error` set.
    std::int64_t record(const core::NewAttempt& attempt, std::string& error);

    /// Best percent, passed and completed per scenario id for a trainee (cached until record()).
    const std::map<std::string, core::ScenarioProgress>& scenarios(const std::string& traineeKey);
    /// The trainee's principle totals, weakest first (cached until record()).
    const std::vector<core::PrincipleTotal>& principles(const std::string& traineeKey);

    /// The scenario to practise next: one training the trainee's weakest principle that is not
    /// yet passed; with no attempts, the easiest scenario.
    Recommendation recommend(const ScenarioLibrary& library, const std::string& traineeKey);

private:
    /// With the saved LRS's "send after each attempt" on, sends the attempt in the background.
    void sendToLrs(std::int64_t attemptId);

    void refresh(const std::string& traineeKey);

    std::unique_ptr<core::ResultsStore> store_;
    /// Sends of attempts to the saved LRS ("send after each attempt"), off the UI thread; joined
    /// when the game closes.
    std::vector<std::jthread> senders_;
    std::string path_;
    std::string error_;
    std::string cachedKey_;
    bool cacheValid_ = false;
    std::map<std::string, core::ScenarioProgress> scenarios_;
    std::vector<core::PrincipleTotal> principles_;
};

/// The stable key of a trainee: the typed id when given, else the trimmed name.
std::string traineeKeyFor(const std::string& name, const std::string& id);

}  // namespace counterplay::app
