// GraphLayout: the layered layout shared by the editor's and the dashboard's graph canvas.
#include "counterplay/core/GraphLayout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../bench/ScenarioGenerator.h"
#include "TestScenarios.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Transcript.h"

using namespace counterplay::core;
using testscen::Builder;

namespace {

bool overlap(const LayoutNode& a, const LayoutNode& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

void expectNoOverlap(const GraphLayout& layout) {
    for (std::size_t i = 0; i < layout.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < layout.nodes.size(); ++j)
            EXPECT_FALSE(overlap(layout.nodes[i], layout.nodes[j])) << "boxes " << i << " and " << j;
}

/// Every edge that is not a back edge goes to a later rank; back edges go to an earlier one.
void expectRanksRespectEdges(const GraphLayout& layout) {
    for (const LayoutEdge& e : layout.edges) {
        const int from = layout.nodes[e.from].rank, to = layout.nodes[e.to].rank;
        if (e.selfLoop) continue;
        if (e.back) EXPECT_LT(to, from) << e.from << "->" << e.to;
        else EXPECT_GT(to, from) << e.from << "->" << e.to;
    }
}

/// Same boxes, ranks, orders and edge points.
void expectSameLayout(const GraphLayout& a, const GraphLayout& b) {
    ASSERT_EQ(a.nodes.size(), b.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        EXPECT_EQ(a.nodes[i].x, b.nodes[i].x);
        EXPECT_EQ(a.nodes[i].y, b.nodes[i].y);
        EXPECT_EQ(a.nodes[i].w, b.nodes[i].w);
        EXPECT_EQ(a.nodes[i].rank, b.nodes[i].rank);
        EXPECT_EQ(a.nodes[i].order, b.nodes[i].order);
    }
    ASSERT_EQ(a.edges.size(), b.edges.size());
    for (std::size_t i = 0; i < a.edges.size(); ++i) EXPECT_EQ(a.edges[i].points, b.edges[i].points);
    EXPECT_EQ(a.layered.layers, b.layered.layers);
}

/// s -> a, b; a -> c, d; b -> c: the depth-first order puts c before d, so a->d crosses b->c.
std::shared_ptr<const Scenario> crossingGraph() {
    return Builder()
        .node("s").choice("a").choice("b")
        .node("a").choice("c").choice("d")
        .node("b").choice("c")
        .node("c").choice("end")
        .node("d").choice("end")
        .node("end").ending()
        .build();
}

std::vector<std::filesystem::path> shippedScenarios() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(std::string(COUNTERPLAY_SOURCE_DIR) + "/scenarios"))
        if (e.path().extension() == ".yaml" && e.path().filename() != "principles.yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST(GraphLayout, RanksAreLongestPathsFromTheStart) {
    const auto sc = Builder()
        .node("s").choice("a").choice("end")
        .node("a").choice("b")
        .node("b").choice("end")
        .node("end").ending()
        .build();
    const GraphLayout layout = layoutScenario(*sc);
    EXPECT_EQ(layout.nodes[0].rank, 0);
    EXPECT_EQ(layout.nodes[1].rank, 1);
    EXPECT_EQ(layout.nodes[2].rank, 2);
    EXPECT_EQ(layout.nodes[3].rank, 3);  // longest path, not the direct choice
    ASSERT_EQ(layout.ranks.size(), 4u);
    // s -> end spans three ranks: two dummies, so its polyline has 2 + 2*2 points.
    ASSERT_EQ(layout.edges.size(), 4u);
    EXPECT_EQ(layout.edges[1].points.size(), 6u);
    EXPECT_EQ(layout.edges[1].number, 2);
    expectRanksRespectEdges(layout);
    expectNoOverlap(layout);
}

TEST(GraphLayout, MedianSweepsRemoveTheCrossing) {
    const auto sc = crossingGraph();
    LayoutOptions initial;
    initial.sweeps = 0;
    const GraphLayout before = layoutScenario(*sc, initial);
    EXPECT_EQ(countCrossings(before.layered), 1);  // so the test can fail
    EXPECT_EQ(before.crossings, 1);
    const GraphLayout after = layoutScenario(*sc);
    EXPECT_EQ(after.crossings, 0);
    EXPECT_EQ(countCrossings(after.layered), 0);
    // d now stands left of c.
    EXPECT_LT(after.nodes[4].order, after.nodes[3].order);
}

TEST(GraphLayout, CountCrossingsCountsEveryPair) {
    LayerGraph g;
    g.nodeCount = 6;
    g.layers = {{0, 1, 2}, {3, 4, 5}};
    g.down = {{5}, {4}, {3}, {}, {}, {}};  // all three edges cross each other
    EXPECT_EQ(countCrossings(g), 3);
    g.down = {{3}, {4}, {5}};
    g.down.resize(6);
    EXPECT_EQ(countCrossings(g), 0);
}

TEST(GraphLayout, SameScenarioSameLayout) {
    counterplay::bench::GeneratorOptions gen;
    gen.nodes = 120;
    const auto load = loadScenarioText(counterplay::bench::generateScenarioYaml(gen), "gen.yaml", nullptr);
    ASSERT_TRUE(load.scenario);
    const GraphLayout a = layoutScenario(*load.scenario);
    const GraphLayout b = layoutScenario(*load.scenario);
    expectSameLayout(a, b);
    // A copy of the scenario (fresh hash maps) lays out identically too.
    const Scenario copy = *load.scenario;
    expectSameLayout(a, layoutScenario(copy));
    expectNoOverlap(a);
    expectRanksRespectEdges(a);
}

TEST(GraphLayout, CyclesAreBrokenByBackEdges) {
    const auto sc = Builder()
        .node("s").choice("a")
        .node("a").choice("b").choice("a")  // a self loop
        .node("b").choice("s").choice("end")  // closes s -> a -> b -> s
        .node("end").ending()
        .build();
    const GraphLayout layout = layoutScenario(*sc);
    ASSERT_EQ(layout.edges.size(), 5u);
    EXPECT_TRUE(layout.edges[2].selfLoop);
    EXPECT_TRUE(layout.edges[3].back);
    EXPECT_FALSE(layout.edges[0].back);
    EXPECT_FALSE(layout.edges[4].back);
    // The back edge leaves the top of b and enters the bottom of s.
    const LayoutEdge& back = layout.edges[3];
    EXPECT_EQ(back.points.front().y, layout.nodes[2].y);
    EXPECT_EQ(back.points.back().y, layout.nodes[0].y + layout.nodes[0].h);
    expectRanksRespectEdges(layout);
    expectNoOverlap(layout);
}

TEST(GraphLayout, UnreachableNodesComeAfter) {
    const auto sc = Builder()
        .node("s").choice("end")
        .node("orphan").choice("lost")  // nothing leads here
        .node("lost").choice("end")     // and back into the reachable part
        .node("end").ending()
        .build();
    const GraphLayout layout = layoutScenario(*sc);
    EXPECT_TRUE(layout.nodes[0].reachable);
    EXPECT_FALSE(layout.nodes[1].reachable);
    EXPECT_FALSE(layout.nodes[2].reachable);
    const int lastReachable = std::max(layout.nodes[0].rank, layout.nodes[3].rank);
    EXPECT_GT(layout.nodes[1].rank, lastReachable);
    EXPECT_GT(layout.nodes[2].rank, layout.nodes[1].rank);
    EXPECT_TRUE(layout.edges[2].back);  // lost -> end points upwards
    expectRanksRespectEdges(layout);
    expectNoOverlap(layout);
}

TEST(GraphLayout, TimeoutsAndMissingTargets) {
    auto sc = std::make_shared<Scenario>(*Builder()
        .node("s").choice("end").timeout(30, "late")
        .node("late").choice("end")
        .node("end").ending()
        .build());
    sc->nodes[1].choices[0].next = "nowhere";  // a dangling reference, as in an edited file
    sc->nodes[1].choices[0].nextIndex = 99;
    const GraphLayout layout = layoutScenario(*sc);
    ASSERT_EQ(layout.edges.size(), 2u);
    EXPECT_EQ(layout.edges[1].choice, kTimeoutChoice);
    EXPECT_EQ(layout.edges[1].number, 0);
    EXPECT_EQ(layout.edges[1].label, "30 s");
    expectNoOverlap(layout);
}

TEST(GraphLayout, WidthsFollowLabelsAndHangulCountsDouble) {
    Builder b;
    b.node("s").choice("end");
    b.node("end").ending();
    auto sc = std::make_shared<Scenario>(*b.build());
    sc->nodes[0].lines.push_back({"customer", "", {"\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
                                                     "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80"
                                                     "\xEA\xB0\x80\xEA\xB0\x80",  // 10 x U+AC00
                                                     "abcdefghij"}});
    LayoutOptions ko;
    ko.lang = Lang::Ko;
    LayoutOptions en;
    const GraphLayout wide = layoutScenario(*sc, ko), narrow = layoutScenario(*sc, en);
    EXPECT_GT(wide.nodes[0].w, narrow.nodes[0].w);
    EXPECT_EQ(narrow.nodes[0].label, "abcdefghij");
    sc->nodes[0].lines[0].text.en = std::string(200, 'x');
    const GraphLayout cut = layoutScenario(*sc, en);
    EXPECT_LE(cut.nodes[0].w, en.maxNodeWidth);
    EXPECT_NE(cut.nodes[0].label.find("\xE2\x80\xA6"), std::string::npos);
}

TEST(GraphLayout, PinnedNodesStayWhereTheTrainerPutThem) {
    const auto sc = crossingGraph();
    LayoutOptions opt;
    opt.pinned["d"] = {500.f, 700.f};
    const GraphLayout layout = layoutScenario(*sc, opt);
    EXPECT_TRUE(layout.nodes[4].pinned);
    EXPECT_EQ(layout.nodes[4].x, 500.f);
    EXPECT_EQ(layout.nodes[4].y, 700.f);
    EXPECT_FALSE(layout.nodes[3].pinned);
    // Its edges end at the pinned box.
    for (const LayoutEdge& e : layout.edges)
        if (e.to == 4) {
            EXPECT_EQ(e.points.back().y, 700.f);
        }
}

TEST(GraphLayout, EveryShippedScenarioLaysOut) {
    const auto files = shippedScenarios();
    ASSERT_FALSE(files.empty());
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        const auto load = loadScenarioFile(file.string(), nullptr);
        ASSERT_TRUE(load.scenario);
        for (Lang lang : {Lang::Ko, Lang::En}) {
            LayoutOptions opt;
            opt.lang = lang;
            const GraphLayout layout = layoutScenario(*load.scenario, opt);
            ASSERT_EQ(layout.nodes.size(), load.scenario->nodes.size());
            expectNoOverlap(layout);
            expectRanksRespectEdges(layout);
            EXPECT_EQ(layout.crossings, countCrossings(layout.layered));
            for (const LayoutEdge& e : layout.edges) EXPECT_GE(e.points.size(), 2u);
            EXPECT_GT(layout.width, 0.f);
            EXPECT_GT(layout.height, 0.f);
        }
    }
}

TEST(GraphLayout, EmptyScenario) {
    const Scenario empty;
    const GraphLayout layout = layoutScenario(empty);
    EXPECT_TRUE(layout.nodes.empty());
    EXPECT_EQ(countCrossings(layout.layered), 0);
}
