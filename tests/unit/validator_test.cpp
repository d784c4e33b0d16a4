// Validator: suggestions, id syntax, condition columns, graph rules (reachability, cycles).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../game/core/src/Validator.h"
#include "counterplay/core/Loader.h"

using namespace counterplay::core;

namespace {

std::string formatAll(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.format() + "\n";
    return out;
}

// A valid scenario head; tests append `state`, `start` and `nodes`.
const std::string kHead =
    "format: 1\nid: t\ntitle: {ko: a, en: b}\nsummary: {ko: a, en: b}\nsetting: cafe\n"
    "difficulty: 1\nsource: {ref: s}\nprinciples: [p.q]\n"
    "customer: {name: {ko: a, en: b}, look: {skin: '#000000', hair: bob, hair_color: '#000000', "
    "outfit: coat, outfit_color: '#000000'}, mood: 50, trust: 50}\n";  // 9 lines

std::string node(const std::string& id, const std::vector<std::string>& nexts,
                 const std::string& extra = "") {
    if (nexts.empty())
        return "  " + id + ": {lines: [{text: {ko: x, en: y}}], ending: {kind: lost, title: {ko: x, "
               "en: y}}}\n";
    std::string out = "  " + id + ":\n    lines: [{text: {ko: x, en: y}}]\n    choices:\n";
    for (const std::string& n : nexts)
        out += "      - {text: {ko: x, en: y}, feedback: {ko: x, en: y}" + extra + ", next: " + n +
               "}\n";
    return out;
}

ScenarioLoad load(const std::string& body) {
    return loadScenarioText(kHead + body, "v.yaml", nullptr);
}

}  // namespace

TEST(Validator, IsId) {
    EXPECT_TRUE(validate::isId("greet"));
    EXPECT_TRUE(validate::isId("trust.small-promises"));
    EXPECT_TRUE(validate::isId("a_1-b.c"));
    EXPECT_FALSE(validate::isId(""));
    EXPECT_FALSE(validate::isId("Greet"));
    EXPECT_FALSE(validate::isId("1st"));
    EXPECT_FALSE(validate::isId("-a"));
    EXPECT_FALSE(validate::isId("a b"));
    EXPECT_FALSE(validate::isId("caf\xC3\xA9"));
}

TEST(Validator, EditDistance) {
    EXPECT_EQ(validate::editDistance("listen", "listen", 3), 0);
    EXPECT_EQ(validate::editDistance("lisen", "listen", 3), 1);
    EXPECT_EQ(validate::editDistance("nxet", "next", 3), 1);  // adjacent swap
    EXPECT_EQ(validate::editDistance("kitten", "sitting", 3), 3);
    EXPECT_EQ(validate::editDistance("a", "abcdefgh", 3), 4);  // stops above the limit
}

TEST(Validator, SuggesterPicksTheClosest) {
    validate::Suggester s("feedbak");
    for (const char* c : {"text", "feedback", "next", "effects"}) s.consider(c);
    EXPECT_EQ(s.hint(), " (did you mean 'feedback'?)");
    validate::Suggester none("zzzzzz");
    none.consider("next");
    EXPECT_EQ(none.hint(), "");
    validate::Suggester shortWord("id");
    shortWord.consider("if");
    shortWord.consider("xy");
    EXPECT_EQ(shortWord.best(), "if");
}

TEST(Validator, UnreachableNodesAreWarnings) {
    const ScenarioLoad l = load("start: a\nnodes:\n" + node("a", {"b"}) + node("b", {}) +
                                node("c", {"b"}));
    EXPECT_TRUE(l.ok());
    EXPECT_EQ(formatAll(l.diagnostics),
              "v.yaml:17:3: warning: nodes.c: unreachable node: no path leads here from the start "
              "node 'a'\n");
}

TEST(Validator, CycleNamesTheLoop) {
    const ScenarioLoad l = load("start: a\nnodes:\n" + node("a", {"b", "d"}) + node("b", {"c"}) +
                                node("c", {"a", "d"}) + node("d", {}));
    EXPECT_EQ(formatAll(l.diagnostics),
              "v.yaml:24:58: error: nodes.c.choices[0].next: cycle: a -> b -> c -> a (a "
              "conversation must move forward; loops are not allowed)\n");
}

TEST(Validator, CycleThroughTimeout) {
    const ScenarioLoad l = load(
        "start: a\nnodes:\n" + node("a", {"b"}) +
        "  b:\n    lines: [{text: {ko: x, en: y}}]\n    time_limit: {seconds: 5, next: a, "
        "feedback: {ko: x, en: y}}\n    choices: [{text: {ko: x, en: y}, feedback: {ko: x, en: "
        "y}, next: c}]\n" +
        node("c", {}));
    EXPECT_EQ(formatAll(l.diagnostics),
              "v.yaml:18:30: error: nodes.b.time_limit.next: cycle: a -> b -> a (a conversation "
              "must move forward; loops are not allowed)\n");
}

TEST(Validator, UnreachableCycleIsStillReported) {
    const ScenarioLoad l = load("start: a\nnodes:\n" + node("a", {}) + node("x", {"y"}) +
                                node("y", {"x"}));
    const std::string out = formatAll(l.diagnostics);
    EXPECT_NE(out.find("cycle: x -> y -> x"), std::string::npos) << out;
    EXPECT_NE(out.find("warning: nodes.x: unreachable node"), std::string::npos) << out;
}

TEST(Validator, LongChainHasNoRecursionProblem) {
    std::string body = "start: n0\nnodes:\n";
    for (int i = 0; i < 9999; ++i) body += node("n" + std::to_string(i), {"n" + std::to_string(i + 1)});
    body += node("n9999", {});
    const ScenarioLoad l = load(body);
    EXPECT_TRUE(l.ok()) << formatAll(l.diagnostics).substr(0, 500);
}

TEST(Validator, ConditionErrorColumnInsidePlainScalar) {
    // "      - {text: {ko: x, en: y}, feedback: {ko: x, en: y}, condition: " is 68 characters.
    const ScenarioLoad l = load("start: a\nnodes:\n" +
                                node("a", {"b"}, ", condition: trust >= 5 and (mood") +
                                node("b", {}));
    ASSERT_EQ(l.diagnostics.size(), 1u) << formatAll(l.diagnostics);
    EXPECT_EQ(l.diagnostics[0].line, 15);
    EXPECT_EQ(l.diagnostics[0].path, "nodes.a.choices[0].condition");
    // The error is at the end of the 20-character string (a ')' is missing).
    EXPECT_EQ(l.diagnostics[0].column, 69 + 20);
}

TEST(Validator, ConditionUndeclaredVariableColumnInQuotedScalar) {
    const ScenarioLoad l = load("state: {flags: {asked: false}}\nstart: a\nnodes:\n" +
                                node("a", {"b"}, ", condition: \"asked && aplogised\"") +
                                node("b", {}));
    ASSERT_EQ(l.diagnostics.size(), 1u) << formatAll(l.diagnostics);
    EXPECT_EQ(l.diagnostics[0].line, 16);
    EXPECT_EQ(l.diagnostics[0].column, 69 + 1 + 9);  // after the quote and "asked && "
    EXPECT_NE(l.diagnostics[0].message.find("aplogised"), std::string::npos);
}

TEST(Validator, ConditionWithEscapeFallsBackToTheScalar) {
    const ScenarioLoad l = load("start: a\nnodes:\n" +
                                node("a", {"b"}, ", condition: \"\\x74rust >= \"") + node("b", {}));
    ASSERT_EQ(l.diagnostics.size(), 1u) << formatAll(l.diagnostics);
    EXPECT_EQ(l.diagnostics[0].column, 69);  // the scalar's own column
}

TEST(Validator, ConditionOnDeclaredVariablesParses) {
    const ScenarioLoad l = load("state: {flags: {asked: false}, counters: {excuses: 0}}\nstart: a\n"
                                "nodes:\n" +
                                node("a", {"b"}, ", condition: \"asked and excuses < 2 || mood > 3\"") +
                                node("b", {}));
    ASSERT_TRUE(l.ok()) << formatAll(l.diagnostics);
    ASSERT_TRUE(l.scenario->nodes[0].choices[0].condition.has_value());
    EXPECT_EQ(l.scenario->nodes[0].choices[0].condition->source(),
              "asked and excuses < 2 || mood > 3");
}
