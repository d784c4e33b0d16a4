// Every shipped scenario: the best and worst path `analyze` prints as `--choices` replay in
// `play` to the same totals, in file order and shuffled. Scenario files are found at test time
// and only their ids are used, so the test holds while their texts change.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> shippedScenarios() {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(fs::path(COUNTERPLAY_SOURCE_DIR) / "scenarios"))
        if (e.is_regular_file() && e.path().extension() == ".yaml" &&
            e.path().filename() != "principles.yaml")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(ReplayPaths, ThereAreScenariosToCheck) { EXPECT_FALSE(shippedScenarios().empty()); }

TEST(ReplayPaths, AnalyzePathsReplayInPlayToTheSameTotals) {
    for (const std::string& file : shippedScenarios()) {
        SCOPED_TRACE(file);
        const RunResult a = runVerb({"analyze", file, "--json"});
        ASSERT_EQ(a.code, 0) << a.err;
        const nlohmann::json analysis = nlohmann::json::parse(a.out);
        for (const char* which : {"best", "worst"}) {
            SCOPED_TRACE(which);
            const nlohmann::json& path = analysis[which];
            if (!path["exists"].get<bool>()) continue;
            const std::string choices = path["choices"].get<std::string>();
            ASSERT_FALSE(choices.empty());
            for (const bool shuffled : {false, true}) {
                SCOPED_TRACE(shuffled ? "--shuffle 12345" : "file order");
                std::vector<std::string> args{"play", file, "--choices", choices, "--json"};
                if (shuffled) args.insert(args.end(), {"--shuffle", "12345"});
                const RunResult p = runVerb(args);
                ASSERT_EQ(p.code, 0)
                    << "counterplay play " << file << " --choices " << choices << "\n"
                    << p.err;
                const nlohmann::json j = nlohmann::json::parse(p.out);
                EXPECT_EQ(j["scorecard"]["earnedTotal"].get<int>(), path["total"].get<int>());
                EXPECT_EQ(j["scorecard"]["endingId"].get<std::string>().empty(), false);
                // The same ending node and the same steps as the analysis.
                const nlohmann::json& decisions = j["transcript"]["decisions"];
                ASSERT_EQ(decisions.size(), path["steps"].size());
                for (std::size_t i = 0; i < decisions.size(); ++i) {
                    EXPECT_EQ(decisions[i]["nodeId"], path["steps"][i]["node"]);
                    EXPECT_EQ(decisions[i]["choiceId"].get<std::string>(),
                              path["steps"][i]["timeout"].get<bool>()
                                  ? path["steps"][i]["node"].get<std::string>() + ".timeout"
                                  : path["steps"][i]["choice"].get<std::string>());
                }
                if (shuffled)
                    EXPECT_EQ(j["transcript"]["shuffleSeed"].get<std::uint64_t>(), 12345u);
                else
                    EXPECT_FALSE(j["transcript"].contains("shuffleSeed"));
            }
        }
    }
}

TEST(ReplayPaths, AnalyzeNumbersReplayInFileOrder) {
    // The numbers analyze prints count only the choices shown, as play's numbers do.
    for (const std::string& file : shippedScenarios()) {
        SCOPED_TRACE(file);
        const nlohmann::json analysis =
            nlohmann::json::parse(runVerb({"analyze", file, "--json"}).out);
        for (const char* which : {"best", "worst"}) {
            const nlohmann::json& path = analysis[which];
            if (!path["exists"].get<bool>()) continue;
            std::string numbers;
            for (const nlohmann::json& step : path["steps"]) {
                if (!numbers.empty()) numbers += ',';
                numbers += step["timeout"].get<bool>() ? std::string("t")
                                                       : std::to_string(step["number"].get<int>());
            }
            // Same thinking time as the id list (a node with a short timer gets "@" there).
            const RunResult p =
                runVerb({"play", file, "--choices", numbers, "--think-ms", "1", "--json"});
            ASSERT_EQ(p.code, 0) << numbers << "\n" << p.err;
            EXPECT_EQ(nlohmann::json::parse(p.out)["scorecard"]["earnedTotal"].get<int>(),
                      path["total"].get<int>())
                << which << ": " << numbers;
        }
    }
}

}  // namespace
}  // namespace counterplay::testing
