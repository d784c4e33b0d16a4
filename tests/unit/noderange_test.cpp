// Reachable score ranges at a node (Analysis.h, nodeScoreRanges): before the node, after it and
// through it, overall and per principle, honouring conditions. The fixture's numbers are worked
// out by hand in the comments.
#include "EditSessionFixture.h"
#include "../bench/ScenarioGenerator.h"
#include "counterplay/core/Analysis.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

// Paths of the fixture (points summed over all principles):
//   listen(+2) -> middle[excuses 0]: promise(+3) -> happy = 5; shrug(-2) -> lost = 0;
//                                    timeout(-1) -> lost = 1
//   excuse(-1) -> middle[excuses 1]: (promise not offered) shrug -> lost = -3; timeout = -2
const Scenario& fixture() {
    static const ScenarioLoad l = loadScenarioText(kFixture, "fixture.yaml", shippedCatalogue());
    EXPECT_TRUE(l.ok());
    return *l.scenario;
}

const PrincipleNodeRange& principle(const NodeScoreRange& r, const std::string& id) {
    for (const PrincipleNodeRange& p : r.principles)
        if (p.id == id) return p;
    static const PrincipleNodeRange none;
    ADD_FAILURE() << "no principle " << id;
    return none;
}

}  // namespace

TEST(NodeScoreRange, StartMiddleAndEndings) {
    const NodeScoreRange greet = nodeScoreRange(fixture(), "greet");
    EXPECT_TRUE(greet.reachable);
    EXPECT_TRUE(greet.canEnd);
    EXPECT_TRUE(greet.exact);
    EXPECT_EQ(greet.before, (ScoreRange{0, 0}));
    EXPECT_EQ(greet.after, (ScoreRange{-3, 5}));
    EXPECT_EQ(greet.through, (ScoreRange{-3, 5}));

    const NodeScoreRange middle = nodeScoreRange(fixture(), "middle");
    EXPECT_EQ(middle.before, (ScoreRange{-1, 2}));
    EXPECT_EQ(middle.after, (ScoreRange{-2, 3}));
    EXPECT_EQ(middle.through, (ScoreRange{-3, 5}));

    // The condition matters: without it, excuse -> promise would reach `happy` with 2.
    const NodeScoreRange happy = nodeScoreRange(fixture(), "happy");
    EXPECT_EQ(happy.before, (ScoreRange{5, 5}));
    EXPECT_EQ(happy.after, (ScoreRange{0, 0}));
    EXPECT_EQ(happy.through, (ScoreRange{5, 5}));

    const NodeScoreRange lost = nodeScoreRange(fixture(), "lost");
    EXPECT_EQ(lost.before, (ScoreRange{-3, 1}));
    EXPECT_EQ(lost.through, (ScoreRange{-3, 1}));
}

TEST(NodeScoreRange, PerPrinciple) {
    const NodeScoreRange middle = nodeScoreRange(fixture(), "middle");
    ASSERT_EQ(middle.principles.size(), 2u);
    EXPECT_EQ(middle.principles[0].id, "complaint.listen");  // sorted by id
    EXPECT_EQ(principle(middle, "complaint.listen").before, (ScoreRange{-1, 2}));
    EXPECT_EQ(principle(middle, "complaint.listen").after, (ScoreRange{0, 0}));
    EXPECT_EQ(principle(middle, "trust.small-promises").after, (ScoreRange{-2, 3}));
    EXPECT_EQ(principle(middle, "trust.small-promises").through, (ScoreRange{-2, 3}));
    const NodeScoreRange happy = nodeScoreRange(fixture(), "happy");
    EXPECT_EQ(principle(happy, "complaint.listen").before, (ScoreRange{2, 2}));
}

TEST(NodeScoreRange, AgreesWithTheAnalysisAtTheStart) {
    // On a generated scenario with conditions: the start node's range is the best and worst
    // total of the analysis, and every ending's "after" is zero.
    counterplay::bench::GeneratorOptions o;
    o.nodes = 300;
    const ScenarioLoad l =
        loadScenarioText(counterplay::bench::generateScenarioYaml(o), "generated.yaml", nullptr);
    ASSERT_TRUE(l.ok());
    const Analysis a = analyzeScenario(*l.scenario);
    const std::vector<NodeScoreRange> all = nodeScoreRanges(*l.scenario);
    ASSERT_EQ(all.size(), l.scenario->nodes.size());
    const NodeScoreRange& start = all[l.scenario->startIndex];
    EXPECT_EQ(start.through.max, a.best.total);
    EXPECT_EQ(start.through.min, a.worst.total);
    for (std::size_t p = 0; p < a.principles.size(); ++p) {
        EXPECT_EQ(start.principles[p].through.max, a.principles[p].best) << a.principles[p].id;
        EXPECT_EQ(start.principles[p].through.min, a.principles[p].worst) << a.principles[p].id;
    }
    for (std::size_t n = 0; n < all.size(); ++n) {
        if (!all[n].reachable) continue;
        EXPECT_LE(all[n].through.min, all[n].before.min + all[n].after.max);
        if (l.scenario->nodes[n].isEnding()) {
            EXPECT_EQ(all[n].after, (ScoreRange{0, 0}));
            EXPECT_EQ(all[n].through, all[n].before);
        }
    }
}

TEST(NodeScoreRange, UnknownAndUnreachable) {
    EXPECT_TRUE(nodeScoreRange(fixture(), "nowhere").nodeId.empty());
}
