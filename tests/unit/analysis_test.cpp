// Graph analysis: best/worst paths, per-principle ranges, conditions, timeouts, structure.
#include "counterplay/core/Analysis.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "TestScenarios.h"

using namespace counterplay::core;
using testscen::add;
using testscen::Builder;
using testscen::set;

namespace {

std::vector<std::pair<std::string, int>> steps(const ScoredPath& p) {
    std::vector<std::pair<std::string, int>> out;
    for (const PathStep& s : p.steps) out.emplace_back(s.nodeId, s.choiceIndex);
    return out;
}

const PrincipleRange* range(const Analysis& a, const std::string& id) {
    for (const PrincipleRange& r : a.principles)
        if (r.id == id) return &r;
    return nullptr;
}

bool hasProblem(const Analysis& a, const std::string& needle, const std::string& path = "") {
    return std::any_of(a.problems.begin(), a.problems.end(), [&](const Diagnostic& d) {
        return d.message.find(needle) != std::string::npos && (path.empty() || d.path == path);
    });
}

std::string dumpProblems(const Analysis& a) {
    std::string out;
    for (const Diagnostic& d : a.problems) out += d.format() + "\n";
    return out;
}

}  // namespace

TEST(Analysis, LateOrderExample) {
    Analysis a = analyzeScenario(*testscen::lateOrder());
    ASSERT_TRUE(a.best.exists);
    EXPECT_EQ(a.best.total, 3);
    EXPECT_EQ(steps(a.best), (std::vector<std::pair<std::string, int>>{{"arrive", 0}}));
    EXPECT_EQ(a.best.endingNode, "fixed");
    EXPECT_EQ(a.best.points, (Points{{"complaint.listen", 1}, {"trust.small-promises", 2}}));
    // Worst: the excuse and the timeout both give -2; the choice comes first in file order.
    EXPECT_EQ(a.worst.total, -2);
    EXPECT_EQ(steps(a.worst), (std::vector<std::pair<std::string, int>>{{"arrive", 1}}));
    EXPECT_EQ(a.worst.endingNode, "walked-out");

    EXPECT_EQ(a.exercised, (std::vector<std::string>{"complaint.greet-thank", "complaint.listen",
                                                     "trust.small-promises"}));
    ASSERT_EQ(a.principles.size(), 3u);
    EXPECT_EQ(a.principles[0].id, "complaint.greet-thank");
    EXPECT_EQ(a.principles[0].best, 0);
    EXPECT_EQ(a.principles[0].worst, -2);
    EXPECT_EQ(range(a, "complaint.listen")->best, 1);
    EXPECT_EQ(range(a, "complaint.listen")->worst, 0);
    EXPECT_EQ(range(a, "trust.small-promises")->best, 2);
    EXPECT_EQ(range(a, "trust.small-promises")->worst, -2);
    EXPECT_EQ(a.endings, (std::vector<std::string>{"fixed", "walked-out"}));
    EXPECT_TRUE(a.unreachable.empty());
    EXPECT_TRUE(a.deadEnds.empty());
    EXPECT_TRUE(a.canPass);
    EXPECT_TRUE(a.canFail);
    EXPECT_TRUE(a.problems.empty()) << dumpProblems(a);
}

TEST(Analysis, ConditionsChangeTheBestPath) {
    // Greedy would take +3 first; the flag set by the +1 choice unlocks +10 later.
    auto sc = Builder()
                  .flag("listened")
                  .node("a")
                  .choice("b", {{"p", 1}}, "", {set("listened", true)})
                  .choice("b", {{"p", 3}})
                  .node("b")
                  .choice("end", {{"p", 10}}, "listened")
                  .choice("end", {{"p", 0}})
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.best.total, 11);
    EXPECT_EQ(steps(a.best), (std::vector<std::pair<std::string, int>>{{"a", 0}, {"b", 0}}));
    EXPECT_EQ(a.worst.total, 1);  // +1 then 0, or +3 then 0: the minimum is 1
    EXPECT_EQ(steps(a.worst), (std::vector<std::pair<std::string, int>>{{"a", 0}, {"b", 1}}));
    EXPECT_EQ(range(a, "p")->best, 11);
    EXPECT_EQ(range(a, "p")->worst, 1);
    EXPECT_TRUE(a.problems.empty()) << dumpProblems(a);
}

TEST(Analysis, NeverTrueConditionIsReportedAndNotCounted) {
    auto sc = Builder()
                  .trust(50)
                  .node("a")
                  .choice("end", {{"p", 100}}, "trust > 90")
                  .choice("end", {{"p", 1}}, "", {add("trust", 10)})
                  .choice("b", {{"p", 2}})
                  .node("b")
                  .choice("end", {{"p", 5}}, "trust > 55")
                  .choice("end")
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.best.total, 2);
    EXPECT_TRUE(hasProblem(a, "'trust > 90' is never true", "nodes.a.choices[0].condition"))
        << dumpProblems(a);
    EXPECT_TRUE(hasProblem(a, "'trust > 55' is never true", "nodes.b.choices[0].condition"));
    for (const Diagnostic& d : a.problems)
        if (d.path == "nodes.a.choices[0].condition") {
            EXPECT_EQ(d.severity, Severity::Warning);
            EXPECT_EQ(d.file, "test.yaml");
            EXPECT_EQ(d.line, 10);
            EXPECT_EQ(d.column, 7);
        }
}

TEST(Analysis, ClampingIsSimulatedExactly) {
    // mood 95 +10 -> 100 (clamped), -10 -> 90: `mood >= 95` is false. Without clamping it would
    // be 95 and the +50 choice would look reachable.
    auto sc = Builder()
                  .mood(95)
                  .node("a")
                  .choice("b", {}, "", {add("mood", 10), add("mood", -10)})
                  .node("b")
                  .choice("end", {{"p", 50}}, "mood >= 95")
                  .choice("end", {{"p", 1}}, "mood == 90")
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.best.total, 1);
    EXPECT_EQ(steps(a.best), (std::vector<std::pair<std::string, int>>{{"a", 0}, {"b", 1}}));
}

TEST(Analysis, TiesGoToTheFirstChoiceInFileOrder) {
    auto sc = Builder()
                  .node("a")
                  .choice("x", {{"p", 2}})
                  .choice("y", {{"q", 2}})
                  .choice("y", {{"p", 1}, {"q", 1}})
                  .node("x")
                  .ending()
                  .node("y")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.best.total, 2);
    EXPECT_EQ(a.best.endingNode, "x");
    EXPECT_EQ(a.worst.total, 2);
    EXPECT_EQ(steps(a.worst), (std::vector<std::pair<std::string, int>>{{"a", 0}}));
    EXPECT_EQ(range(a, "p")->best, 2);
    EXPECT_EQ(range(a, "p")->worst, 0);
    EXPECT_EQ(range(a, "q")->best, 2);
}

TEST(Analysis, TimeoutIsAnEdge) {
    auto sc = Builder()
                  .node("a")
                  .timeout(30, "slow", {{"p", -5}})
                  .choice("end", {{"p", 1}})
                  .node("slow")
                  .choice("end", {{"p", 1}})
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.best.total, 1);
    EXPECT_EQ(a.worst.total, -4);
    EXPECT_EQ(steps(a.worst),
              (std::vector<std::pair<std::string, int>>{{"a", kTimeoutChoice}, {"slow", 0}}));
    EXPECT_TRUE(a.unreachable.empty());  // `slow` is reached through the timeout only
}

TEST(Analysis, TimeoutRescuesANodeWhoseChoicesAreConditionedAway) {
    auto sc = Builder()
                  .flag("ready")
                  .node("a")
                  .timeout(10, "end", {{"p", -1}})
                  .choice("end", {{"p", 4}}, "ready")
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    ASSERT_TRUE(a.best.exists);
    EXPECT_EQ(a.best.total, -1);
    EXPECT_FALSE(hasProblem(a, "stuck"));
    EXPECT_TRUE(hasProblem(a, "'ready' is never true"));
}

TEST(Analysis, PerPrincipleRangesAreIndependent) {
    auto sc = Builder()
                  .node("a")
                  .choice("end", {{"p1", 5}, {"p2", -5}})
                  .choice("end", {{"p1", -1}, {"p2", 3}})
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.best.total, 2);
    EXPECT_EQ(a.worst.total, -2 + 2);  // 0 via the first choice
    EXPECT_EQ(range(a, "p1")->best, 5);
    EXPECT_EQ(range(a, "p1")->worst, -1);
    EXPECT_EQ(range(a, "p2")->best, 3);
    EXPECT_EQ(range(a, "p2")->worst, -5);
}

TEST(Analysis, UnreachableAndDeadEnds) {
    auto sc = Builder()
                  .node("a")
                  .choice("end", {{"p", 1}})
                  .node("orphan")
                  .choice("end", {{"lonely", 3}})
                  .node("hole")  // neither choices nor ending (the loader would reject this)
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.unreachable, (std::vector<std::string>{"orphan", "hole"}));
    EXPECT_EQ(a.deadEnds, std::vector<std::string>{"hole"});
    EXPECT_TRUE(hasProblem(a, "dead end", "nodes.hole"));
    // Exercised counts points anywhere, even in unreachable nodes.
    EXPECT_EQ(a.exercised, (std::vector<std::string>{"lonely", "p"}));
    EXPECT_EQ(range(a, "lonely")->best, 0);
}

TEST(Analysis, StuckNodeIsReported) {
    auto sc = Builder()
                  .flag("ok")
                  .node("a")
                  .choice("b", {{"p", 1}})
                  .choice("end")
                  .node("b")
                  .choice("end", {}, "ok")
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_TRUE(hasProblem(a, "stuck at node 'b'", "nodes.b")) << dumpProblems(a);
    // The best complete path avoids the stuck node.
    EXPECT_EQ(a.best.total, 0);
    EXPECT_EQ(a.best.endingNode, "end");
}

TEST(Analysis, NodeOnlyBehindImpossibleConditionsIsReported) {
    auto sc = Builder()
                  .trust(10)
                  .node("a")
                  .choice("vip", {}, "trust > 50")
                  .choice("end")
                  .node("vip")
                  .choice("end", {{"p", 9}})
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_TRUE(a.unreachable.empty());
    EXPECT_TRUE(hasProblem(a, "node 'vip' is never reached", "nodes.vip")) << dumpProblems(a);
    EXPECT_EQ(range(a, "p")->best, 0);
}

TEST(Analysis, BestPathMissingCriticalActionCannotPass) {
    auto sc = Builder()
                  .critical("tend", "tend-burn", 1)
                  .node("a")
                  .choice("end", {{"p", 5}})
                  .choice("end", {{"p", 1}}, "", {}, {"tend-burn"})
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.best.total, 5);
    EXPECT_FALSE(a.canPass);
    EXPECT_TRUE(a.canFail);
    EXPECT_TRUE(hasProblem(a, "the best-scoring path misses critical action 'tend' (missed)"))
        << dumpProblems(a);
}

TEST(Analysis, CannotFailIsReported) {
    auto sc = Builder()
                  .threshold(50)
                  .node("a")
                  .choice("end", {{"p", 4}})
                  .choice("end", {{"p", 3}})
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_TRUE(a.canPass);
    EXPECT_FALSE(a.canFail);  // the worst path scores 75%
    EXPECT_TRUE(hasProblem(a, "cannot fail: even the worst-scoring path scores 75%"))
        << dumpProblems(a);
}

TEST(Analysis, LongChainWithoutConditionsIsLinearAndExact) {
    Builder b;
    const int n = 10000;
    for (int i = 0; i < n; ++i) {
        const std::string next = i + 1 < n ? "n" + std::to_string(i + 1) : "end";
        b.node("n" + std::to_string(i))
            .choice(next, {{"p", 1}})
            .choice(next, {{"p", 2}, {"q", -1}})
            .choice(next, {{"q", 1}});
    }
    b.node("end").ending();
    auto sc = b.build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_EQ(a.best.total, n);  // choice 0 (+1) ties with choice 1 (+2 -1): first wins
    EXPECT_EQ(a.best.steps.size(), static_cast<std::size_t>(n));
    EXPECT_EQ(a.best.steps[0].choiceIndex, 0);
    EXPECT_EQ(a.worst.total, n);  // every choice is worth exactly 1
    EXPECT_EQ(range(a, "p")->best, 2 * n);
    EXPECT_EQ(range(a, "p")->worst, 0);
    EXPECT_EQ(range(a, "q")->best, n);
    EXPECT_EQ(range(a, "q")->worst, -n);
    EXPECT_TRUE(a.canPass);
    EXPECT_FALSE(a.canFail);
}

TEST(Analysis, CounterConditionsAlongAChain) {
    // An excuse counter: at the end the +10 bonus is offered only when no excuse was made.
    Builder b;
    b.counter("excuses");
    for (int i = 0; i < 20; ++i) {
        const std::string next = i + 1 < 20 ? "n" + std::to_string(i + 1) : "last";
        b.node("n" + std::to_string(i))
            .choice(next, {{"p", 1}})
            .choice(next, {{"p", 2}}, "", {add("excuses", 1)});
    }
    b.node("last").choice("end", {{"p", 25}}, "excuses == 0").choice("end");
    b.node("end").ending();
    Analysis a = analyzeScenario(*b.build());
    EXPECT_EQ(a.best.total, 45);  // 20 x 1 + 25 beats 20 x 2 + 0
    EXPECT_EQ(a.worst.total, 20);
    EXPECT_TRUE(a.problems.empty()) << dumpProblems(a);
}

TEST(Analysis, BoundedLoopIsReportedAndStillAnalysed) {
    auto sc = Builder()
                  .counter("c")
                  .node("a")
                  .choice("b", {{"p", 1}}, "", {add("c", 1)})
                  .node("b")
                  .choice("a", {}, "c < 3")
                  .choice("end")
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_TRUE(hasProblem(a, "cycle: a -> b -> a", "nodes")) << dumpProblems(a);
    // The state search terminates (c bounds the loop): the best goes round three times.
    EXPECT_EQ(a.best.total, 3);
    EXPECT_EQ(a.worst.total, 1);
}

TEST(Analysis, UnboundedCycleDoesNotCrash) {
    auto sc = Builder()
                  .counter("c")
                  .node("a")
                  .choice("b", {{"p", 1}}, "", {add("c", 1)})
                  .node("b")
                  .choice("a", {}, "c < 1000000")
                  .choice("end")
                  .node("end")
                  .ending()
                  .build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_TRUE(hasProblem(a, "cycle")) << dumpProblems(a);
    EXPECT_TRUE(hasProblem(a, "too many distinct states")) << dumpProblems(a);
    EXPECT_TRUE(a.best.exists);
}

TEST(Analysis, NoPathToAnEnding) {
    auto sc = Builder().node("a").choice("b").node("b").choice("a").build();
    Analysis a = analyzeScenario(*sc);
    EXPECT_FALSE(a.best.exists);
    EXPECT_FALSE(a.worst.exists);
    EXPECT_FALSE(a.canPass);
    EXPECT_TRUE(hasProblem(a, "no path from the start node reaches an ending"));
    EXPECT_TRUE(hasProblem(a, "cycle"));
}

TEST(Analysis, MissingStartIsAnError) {
    auto base = Builder().node("a").ending().build();
    auto sc = std::make_shared<Scenario>(*base);
    sc->start = "nope";
    sc->startIndex = 99;
    Analysis a = analyzeScenario(*sc);
    EXPECT_TRUE(hasProblem(a, "does not exist", "start"));
}

// canPass / canFail use the scorecard's rules directly; playing the paths through a real
// Session and scoring them must agree.
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Session.h"

namespace {
Scorecard playPath(const std::shared_ptr<const Scenario>& sc, const Analysis& a,
                   const ScoredPath& path) {
    ManualClock clock;
    Session s(sc, clock);
    for (const PathStep& step : path.steps) {
        EXPECT_EQ(s.currentNode().id, step.nodeId);
        if (step.choiceIndex == kTimeoutChoice) {
            clock.advance(*s.remainingMs());
            EXPECT_TRUE(s.update());
        } else {
            EXPECT_TRUE(s.choose(static_cast<std::size_t>(step.choiceIndex)));
        }
    }
    EXPECT_TRUE(s.finished());
    EXPECT_EQ(s.currentNode().id, path.endingNode);
    return computeScorecard(a, s);
}
}  // namespace

TEST(Analysis, VerdictsAgreeWithPlayedScorecards) {
    std::vector<std::shared_ptr<const Scenario>> scenarios{testscen::lateOrder()};
    scenarios.push_back(Builder()
                            .critical("tend", "tend-burn", 1)
                            .node("a")
                            .choice("end", {{"p", 5}})
                            .choice("end", {{"p", 1}}, "", {}, {"tend-burn"})
                            .node("end")
                            .ending()
                            .build());
    scenarios.push_back(Builder()
                            .flag("f")
                            .threshold(10)
                            .node("a")
                            .timeout(5, "b", {{"p", -1}}, {set("f", true)})
                            .choice("b", {{"p", 2}})
                            .node("b")
                            .choice("end", {{"p", 3}}, "f")
                            .choice("end", {{"q", 1}})
                            .node("end")
                            .ending()
                            .build());
    for (const auto& sc : scenarios) {
        const Analysis a = analyzeScenario(*sc);
        const Scorecard best = playPath(sc, a, a.best);
        const Scorecard worst = playPath(sc, a, a.worst);
        EXPECT_EQ(best.earnedTotal, a.best.total) << sc->id;
        EXPECT_EQ(worst.earnedTotal, a.worst.total) << sc->id;
        EXPECT_EQ(best.passed, a.canPass) << sc->id;
        EXPECT_EQ(!worst.passed, a.canFail) << sc->id;
    }
}

// The same checks on YAML through the real loader (inline text, no catalogue).
#include "counterplay/core/Loader.h"

TEST(Analysis, LoadedYamlWithConditions) {
    const char* yaml = R"(format: 1
id: loaded
title: {ko: "t", en: "t"}
summary: {ko: "s", en: "s"}
setting: boutique
difficulty: 1
source: {ref: x}
principles: [complaint.listen]
customer:
  name: {ko: "n", en: "n"}
  look: {skin: "#f1c8a5", hair: bob, hair_color: "#2b1d14", outfit: coat, outfit_color: "#5a6e8c"}
  mood: 30
  trust: 40
state:
  flags: {listened: false}
start: a
nodes:
  a:
    lines: [{text: {ko: "a", en: "a"}}]
    choices:
      - text: {ko: "x", en: "x"}
        effects: {listened: true, trust: 20}
        points: {complaint.listen: 1}
        feedback: {ko: "f", en: "f"}
        next: b
      - text: {ko: "y", en: "y"}
        points: {complaint.listen: 3}
        feedback: {ko: "f", en: "f"}
        next: b
  b:
    lines: [{text: {ko: "b", en: "b"}}]
    choices:
      - text: {ko: "x", en: "x"}
        condition: "listened and trust >= 60"
        points: {complaint.listen: 10}
        feedback: {ko: "f", en: "f"}
        next: end
      - text: {ko: "y", en: "y"}
        condition: "trust > 90"
        points: {complaint.listen: 50}
        feedback: {ko: "f", en: "f"}
        next: end
      - text: {ko: "z", en: "z"}
        feedback: {ko: "f", en: "f"}
        next: end
  end:
    lines: [{text: {ko: "e", en: "e"}}]
    ending: {kind: loyal, title: {ko: "e", en: "e"}}
)";
    ScenarioLoad load = loadScenarioText(yaml, "loaded.yaml", nullptr);
    ASSERT_TRUE(load.ok()) << (load.diagnostics.empty() ? "" : load.diagnostics[0].format());
    Analysis a = analyzeScenario(*load.scenario);
    EXPECT_EQ(a.best.total, 11);
    EXPECT_EQ(steps(a.best), (std::vector<std::pair<std::string, int>>{{"a", 0}, {"b", 0}}));
    EXPECT_EQ(a.worst.total, 1);
    EXPECT_TRUE(a.canPass);
    EXPECT_TRUE(a.canFail);  // the worst path scores 1 of 11
    ASSERT_EQ(a.problems.size(), 1u) << dumpProblems(a);  // `trust > 90` is never true
    EXPECT_EQ(a.problems[0].file, "loaded.yaml");
    EXPECT_EQ(a.problems[0].path, "nodes.b.choices[1].condition");
    EXPECT_EQ(a.problems[0].line, 38);
    EXPECT_EQ(a.problems[0].severity, Severity::Warning);
}

TEST(Analysis, ShortfallWhenNoSinglePathReachesEveryPrinciplesBest) {
    // Two exclusive choices: one earns p 2, the other q 1 + p 0. Best total 2 (p), so q's best
    // of 1 is never reached on the best path.
    auto sc = Builder()
                  .node("a")
                  .choice("end", {{"p", 2}})
                  .choice("end", {{"q", 1}})
                  .node("end")
                  .ending()
                  .build();
    const Analysis a = analyzeScenario(*sc);
    const std::vector<PrincipleShortfall> s = principleShortfalls(a);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].id, "q");
    EXPECT_EQ(s[0].onBestPath, 0);
    EXPECT_EQ(s[0].achievable, 1);
    // One path that reaches both: no shortfall.
    auto both = Builder()
                    .node("a")
                    .choice("end", {{"p", 2}, {"q", 1}})
                    .choice("end", {{"q", -1}})
                    .node("end")
                    .ending()
                    .build();
    EXPECT_TRUE(principleShortfalls(analyzeScenario(*both)).empty());
}

TEST(Analysis, GettingStuckIsAnError) {
    auto sc = Builder()
                  .trust(50)
                  .node("a")
                  .choice("b", {{"p", 1}}, "", {add("trust", 20)})
                  .choice("b", {{"p", 0}})
                  .node("b")
                  .choice("end", {{"p", 1}}, "trust >= 60")
                  .node("end")
                  .ending()
                  .build();
    const Analysis a = analyzeScenario(*sc);
    bool found = false;
    for (const Diagnostic& d : a.problems)
        if (d.message.find("can get stuck at node 'b'") != std::string::npos) {
            found = true;
            EXPECT_EQ(d.severity, Severity::Error);
        }
    EXPECT_TRUE(found) << dumpProblems(a);
}
