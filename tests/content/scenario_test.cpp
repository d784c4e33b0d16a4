// One test suite per shipped scenario file (found in scenarios/ when the test runs): it loads
// clean against the shipped catalogue, its graph is sound, it can be passed and failed, its best
// path (replayed through a real Session) passes and its worst path fails, the best path carries
// the tags listed in tests/content/<id>.tags, and every text a person reads is bilingual.
#include <set>

#include "ContentTestUtil.h"
#include "counterplay/core/Citation.h"

namespace counterplay::content {
namespace {

using core::Severity;

class ShippedScenario : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        catalogue_ = shippedCatalogue();
        ASSERT_TRUE(catalogue_) << "scenarios/principles.yaml does not load";
        load_ = core::loadScenarioFile(GetParam(), catalogue_.get());
        ASSERT_TRUE(load_.scenario) << GetParam() << " cannot be read";
        scenario_ = load_.scenario;
        if (load_.ok()) analysis_ = core::analyzeScenario(*scenario_);
    }

    std::string diagnostics() const {
        std::string out;
        for (const auto& d : load_.diagnostics) out += d.format() + "\n";
        for (const auto& d : analysis_.problems) out += d.format() + "\n";
        return out;
    }

    std::shared_ptr<const core::Catalogue> catalogue_;
    core::ScenarioLoad load_;
    std::shared_ptr<const core::Scenario> scenario_;
    core::Analysis analysis_;
};

TEST_P(ShippedScenario, LoadsWithNoErrorsOrWarnings) {
    EXPECT_EQ(core::countSeverity(load_.diagnostics, Severity::Error), 0) << diagnostics();
    EXPECT_EQ(core::countSeverity(load_.diagnostics, Severity::Warning), 0) << diagnostics();
}

TEST_P(ShippedScenario, FileNameIsTheId) {
    EXPECT_EQ(std::filesystem::path(GetParam()).stem().string(), scenario_->id);
}

TEST_P(ShippedScenario, AnalysisHasNoProblems) {
    ASSERT_TRUE(load_.ok()) << diagnostics();
    EXPECT_TRUE(analysis_.problems.empty()) << diagnostics();
    EXPECT_TRUE(analysis_.unreachable.empty()) << diagnostics();
    EXPECT_TRUE(analysis_.deadEnds.empty()) << diagnostics();
}

TEST_P(ShippedScenario, CanBePassedAndFailed) {
    ASSERT_TRUE(load_.ok()) << diagnostics();
    EXPECT_TRUE(analysis_.canPass) << "best total " << analysis_.best.total;
    EXPECT_TRUE(analysis_.canFail) << "worst total " << analysis_.worst.total;
}

TEST_P(ShippedScenario, HasTenToTwentyFiveNodes) {
    EXPECT_GE(scenario_->nodes.size(), 10u);
    EXPECT_LE(scenario_->nodes.size(), 25u);
}

TEST_P(ShippedScenario, HasAtLeastThreeDistinctEndings) {
    ASSERT_TRUE(load_.ok()) << diagnostics();
    std::set<std::string> endings;
    for (const std::string& nodeId : analysis_.endings)
        if (const core::Node* n = scenario_->findNode(nodeId); n && n->ending)
            endings.insert(n->ending->id);
    EXPECT_GE(endings.size(), 3u);
}

TEST_P(ShippedScenario, HasAConditionedChoice) {
    bool found = false;
    for (const core::Node& n : scenario_->nodes)
        for (const core::Choice& c : n.choices)
            if (c.condition && !c.condition->source().empty()) found = true;
    EXPECT_TRUE(found) << "no choice has a condition";
}

TEST_P(ShippedScenario, EveryTextIsBilingual) {
    auto both = [](const core::Text& t) { return !t.ko.empty() && !t.en.empty(); };
    EXPECT_TRUE(both(scenario_->title));
    EXPECT_TRUE(both(scenario_->summary));
    EXPECT_TRUE(both(scenario_->customer.name));
    for (const core::CriticalAction& a : scenario_->criticalActions)
        EXPECT_TRUE(both(a.label)) << "critical action " << a.id;
    for (const core::Node& n : scenario_->nodes) {
        for (std::size_t i = 0; i < n.lines.size(); ++i)
            EXPECT_TRUE(both(n.lines[i].text)) << n.id << " line " << i + 1;
        for (const core::Choice& c : n.choices) {
            EXPECT_TRUE(both(c.text)) << n.id << " choice " << c.id << " text";
            EXPECT_TRUE(both(c.feedback)) << n.id << " choice " << c.id << " feedback";
        }
        if (n.timeLimit) {
            EXPECT_TRUE(both(n.timeLimit->feedback)) << n.id << " timeout feedback";
        }
        if (n.ending) {
            EXPECT_TRUE(both(n.ending->title)) << n.id << " ending title";
        }
    }
}

TEST_P(ShippedScenario, BestPathPassesWhenPlayed) {
    ASSERT_TRUE(load_.ok()) << diagnostics();
    ASSERT_TRUE(analysis_.best.exists);
    const core::Scorecard card = replay(scenario_, analysis_, analysis_.best);
    EXPECT_TRUE(card.finished);
    EXPECT_TRUE(card.passed) << card.percent << "% of " << card.bestTotal
                             << ", critical missed: " << card.criticalMissed;
    EXPECT_EQ(card.earnedTotal, analysis_.best.total);
    EXPECT_FALSE(card.criticalMissed);
}

TEST_P(ShippedScenario, WorstPathFailsWhenPlayed) {
    ASSERT_TRUE(load_.ok()) << diagnostics();
    ASSERT_TRUE(analysis_.worst.exists);
    const core::Scorecard card = replay(scenario_, analysis_, analysis_.worst);
    EXPECT_TRUE(card.finished);
    EXPECT_FALSE(card.passed) << card.percent << "%";
    EXPECT_EQ(card.earnedTotal, analysis_.worst.total);
}

TEST_P(ShippedScenario, BestPathCarriesTheListedTags) {
    ASSERT_TRUE(load_.ok()) << diagnostics();
    const std::string tagsFile =
        std::string(COUNTERPLAY_SOURCE_DIR "/tests/content/") + scenario_->id + ".tags";
    ASSERT_TRUE(std::filesystem::is_regular_file(tagsFile))
        << "missing " << tagsFile << " (the tags the recommended handling must contain)";
    const std::vector<std::string> wanted = readLines(tagsFile);
    EXPECT_FALSE(wanted.empty()) << tagsFile << " lists no tags";
    std::set<std::string> onPath;
    for (const core::PathStep& step : analysis_.best.steps) {
        const core::Node* n = scenario_->findNode(step.nodeId);
        ASSERT_NE(n, nullptr);
        const auto& tags = step.choiceIndex == core::kTimeoutChoice
                               ? n->timeLimit->tags
                               : n->choices[static_cast<std::size_t>(step.choiceIndex)].tags;
        onPath.insert(tags.begin(), tags.end());
    }
    for (const std::string& tag : wanted)
        EXPECT_TRUE(onPath.count(tag)) << "the best path has no choice tagged '" << tag << "'";
}

TEST_P(ShippedScenario, ListedPrinciplesAreScoredInIt) {
    ASSERT_TRUE(load_.ok()) << diagnostics();
    const std::set<std::string> exercised(analysis_.exercised.begin(), analysis_.exercised.end());
    for (const std::string& id : scenario_->principles)
        EXPECT_TRUE(exercised.count(id))
            << "principles: lists " << id << " but no choice or timeout gives it points";
}

TEST_P(ShippedScenario, CitesACatalogueSource) {
    ASSERT_TRUE(load_.ok()) << diagnostics();
    EXPECT_TRUE(scenario_->source.seed.empty()) << "cite a catalogue source with ref:";
    EXPECT_NE(catalogue_->findSource(scenario_->source.ref), nullptr) << scenario_->source.ref;
    for (const core::Lang lang : {core::Lang::Ko, core::Lang::En})
        EXPECT_FALSE(core::formatCitation(scenario_->source, catalogue_.get(), lang).empty());
}

INSTANTIATE_TEST_SUITE_P(Shipped, ShippedScenario, ::testing::ValuesIn(scenarioFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             return testName(info.param);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ShippedScenario);

}  // namespace
}  // namespace counterplay::content
