// Helpers for the shipped-content tests: the scenario files in scenarios/, loading them against
// the shipped catalogue, and replaying an analysis path through a real Session.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Session.h"

namespace counterplay::content {

inline std::string scenariosDir() { return COUNTERPLAY_SOURCE_DIR "/scenarios"; }
inline std::string cataloguePath() { return scenariosDir() + "/principles.yaml"; }

/// Every scenario file in scenarios/ (all *.yaml except principles.yaml), sorted.
inline std::vector<std::string> scenarioFiles() {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(scenariosDir(), ec)) {
        const auto& p = entry.path();
        if (p.extension() == ".yaml" && p.filename() != "principles.yaml")
            files.push_back(p.string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// The shipped catalogue, loaded once (null when it fails to load).
inline std::shared_ptr<const core::Catalogue> shippedCatalogue() {
    static const core::CatalogueLoad load = core::loadCatalogueFile(cataloguePath());
    return load.catalogue;
}

/// "washed-blouse.yaml" -> "washed_blouse" (a valid GoogleTest parameter name).
inline std::string testName(const std::string& file) {
    std::string name = std::filesystem::path(file).stem().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

/// Plays `path` through a Session with a manual clock (1 s per decision, a timeout after its full
/// limit) and returns the scorecard; records a test failure when the path does not fit.
inline core::Scorecard replay(const std::shared_ptr<const core::Scenario>& scenario,
                              const core::Analysis& analysis, const core::ScoredPath& path) {
    core::ManualClock clock;
    core::Session session(scenario, clock);
    for (const core::PathStep& step : path.steps) {
        EXPECT_FALSE(session.finished()) << "path goes on after the ending at " << step.nodeId;
        EXPECT_EQ(session.currentNode().id, step.nodeId);
        if (session.finished() || session.currentNode().id != step.nodeId) break;
        const auto remaining = session.remainingMs();
        if (step.choiceIndex == core::kTimeoutChoice) {
            EXPECT_TRUE(remaining.has_value()) << step.nodeId;
            if (!remaining) break;
            clock.advance(*remaining);
            EXPECT_TRUE(session.update()) << step.nodeId;
        } else {
            clock.advance(remaining ? std::min<std::int64_t>(1000, *remaining - 1) : 1000);
            EXPECT_TRUE(session.choose(static_cast<std::size_t>(step.choiceIndex)))
                << step.nodeId << " choice " << step.choiceIndex + 1;
        }
    }
    EXPECT_TRUE(session.finished()) << "the path does not reach an ending";
    return core::computeScorecard(analysis, session);
}

/// Non-empty, non-comment lines of a text file (a .tags file); empty when it cannot be read.
inline std::vector<std::string> readLines(const std::string& path) {
    std::vector<std::string> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        line.erase(0, line.find_first_not_of(" \t\r"));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (!line.empty() && line[0] != '#') lines.push_back(line);
    }
    return lines;
}

}  // namespace counterplay::content
