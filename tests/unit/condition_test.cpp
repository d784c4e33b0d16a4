// Condition language: parsing, evaluation, error messages with columns.
#include "counterplay/core/Condition.h"

#include <gtest/gtest.h>

#include "counterplay/core/State.h"

using namespace counterplay::core;

namespace {

const std::set<std::string> kKnown{"mood", "trust", "apologised", "blamed", "excuses",
                                   "offer.credit", "waited-long"};

State sampleState() {
    State s;
    s.mood = 40;
    s.trust = 60;
    s.flags = {{"apologised", true}, {"blamed", false}, {"offer.credit", false}, {"waited-long", true}};
    s.counters = {{"excuses", 2}};
    return s;
}

bool eval(const std::string& src) {
    auto r = Condition::parse(src, kKnown);
    EXPECT_TRUE(r.ok) << src << ": " << r.error << " at " << r.column;
    return r.condition.evaluate(sampleState());
}

Condition::ParseResult bad(const std::string& src) {
    auto r = Condition::parse(src, kKnown);
    EXPECT_FALSE(r.ok) << src;
    return r;
}

}  // namespace

TEST(Condition, Comparisons) {
    EXPECT_TRUE(eval("trust >= 50"));
    EXPECT_FALSE(eval("trust >= 61"));
    EXPECT_TRUE(eval("trust >= 60"));
    EXPECT_TRUE(eval("mood < 41"));
    EXPECT_FALSE(eval("mood < 40"));
    EXPECT_TRUE(eval("mood <= 40"));
    EXPECT_TRUE(eval("mood > 39"));
    EXPECT_TRUE(eval("excuses == 2"));
    EXPECT_TRUE(eval("excuses != 3"));
    EXPECT_TRUE(eval("50 < trust"));
    EXPECT_TRUE(eval("mood > -1"));
    EXPECT_TRUE(eval("-5 < 0"));
}

TEST(Condition, BooleanOperatorsAndPrecedence) {
    EXPECT_TRUE(eval("apologised and not blamed"));
    EXPECT_TRUE(eval("apologised && !blamed"));
    EXPECT_FALSE(eval("blamed or offer.credit"));
    EXPECT_TRUE(eval("blamed || waited-long"));
    // and binds tighter than or
    EXPECT_TRUE(eval("apologised or blamed and offer.credit"));
    EXPECT_FALSE(eval("(apologised or blamed) and offer.credit"));
    EXPECT_TRUE(eval("not not apologised"));
    EXPECT_TRUE(eval("!(blamed)"));
    EXPECT_TRUE(eval("excuses == 0 || mood > 30"));
    EXPECT_FALSE(eval("excuses == 0 || mood > 60"));
}

TEST(Condition, TruthinessOfNumbersAndFlags) {
    EXPECT_TRUE(eval("excuses"));
    EXPECT_TRUE(eval("apologised"));
    EXPECT_FALSE(eval("blamed"));
    EXPECT_TRUE(eval("true"));
    EXPECT_FALSE(eval("false"));
    EXPECT_FALSE(eval("0"));
    EXPECT_TRUE(eval("7"));
    EXPECT_TRUE(eval("apologised == true"));
    EXPECT_TRUE(eval("blamed == false"));
    EXPECT_TRUE(eval("(trust > 5) == true"));
    EXPECT_TRUE(eval("apologised == 1"));
}

TEST(Condition, CollectsVariablesOnceInOrder) {
    auto r = Condition::parse("trust > 5 and (mood < 3 or trust == 9) and not blamed", kKnown);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.condition.variables(), (std::vector<std::string>{"trust", "mood", "blamed"}));
    EXPECT_EQ(r.condition.source(), "trust > 5 and (mood < 3 or trust == 9) and not blamed");
}

TEST(Condition, EvaluateIndexedUsesSlots) {
    auto r = Condition::parse("trust > 50 and not blamed", kKnown);
    ASSERT_TRUE(r.ok);
    const int table[] = {0, 70, 0, 1};
    const int slotsTrue[] = {1, 2};   // trust = 70, blamed = 0
    const int slotsFalse[] = {1, 3};  // trust = 70, blamed = 1
    EXPECT_TRUE(r.condition.evaluateIndexed(table, slotsTrue));
    EXPECT_FALSE(r.condition.evaluateIndexed(table, slotsFalse));
}

TEST(Condition, DefaultConditionIsTrue) {
    Condition c;
    EXPECT_TRUE(c.evaluate(sampleState()));
    EXPECT_TRUE(c.variables().empty());
}

TEST(Condition, UnknownVariableInStateIsZero) {
    auto r = Condition::parse("excuses == 0", kKnown);
    ASSERT_TRUE(r.ok);
    State s;  // no counters at all
    EXPECT_TRUE(r.condition.evaluate(s));
}

TEST(Condition, CopiesShareTheProgram) {
    Condition copy;
    {
        auto r = Condition::parse("mood >= 40", kKnown);
        ASSERT_TRUE(r.ok);
        copy = r.condition;
    }
    EXPECT_TRUE(copy.evaluate(sampleState()));
}

TEST(Condition, ErrorUnclosedParenthesis) {
    auto r = bad("(trust > 5 and mood");
    EXPECT_EQ(r.error, "expected ')' but found the end of the condition");
    EXPECT_EQ(r.column, 20);
}

TEST(Condition, ErrorUnknownVariableWithSuggestion) {
    auto r = bad("trsut >= 50");
    EXPECT_EQ(r.error, "unknown variable 'trsut' (did you mean 'trust'?)");
    EXPECT_EQ(r.column, 1);
    auto r2 = bad("mood > 3 and apologized");
    EXPECT_EQ(r2.error, "unknown variable 'apologized' (did you mean 'apologised'?)");
    EXPECT_EQ(r2.column, 14);
}

TEST(Condition, ErrorUnknownVariableWithoutCloseMatchListsKnown) {
    auto r = bad("zzzzzzzz");
    EXPECT_NE(r.error.find("unknown variable 'zzzzzzzz' (known: apologised, blamed"),
              std::string::npos)
        << r.error;
}

TEST(Condition, ErrorMessagesAndColumns) {
    struct Case {
        const char* src;
        const char* message;
        int column;
    };
    const Case cases[] = {
        {"", "the condition is empty", 1},
        {"   ", "the condition is empty", 1},
        {"trust = 5", "'=' is not an operator here; use '==' to compare", 7},
        {"apologised & blamed", "'&' is not an operator; use '&&' or 'and'", 12},
        {"apologised | blamed", "'|' is not an operator; use '||' or 'or'", 12},
        {"trust >", "expected a name, a number, 'true', 'false' or '(' but found the end of the condition", 8},
        {"trust > 5)", "unexpected ')' without a matching '('", 10},
        {"trust 5", "expected 'and', 'or' or the end of the condition but found '5'", 7},
        {"1 < trust < 5", "comparisons cannot be chained; join them with 'and' (found '<')", 11},
        {"(1 < trust < 5)", "comparisons cannot be chained; join them with 'and' (found '<')", 12},
        {"()", "expected an expression inside '()'", 2},
        {"trust > 99999999999", "the number is too large", 9},
        {"mood > 5x", "a name cannot start with a digit", 8},
        {"mood and or trust", "expected a name, a number, 'true', 'false' or '(' but found 'or'", 10},
        {"mood # 3", "unexpected character '#'", 6},
        {"mood > \xea\xb8\xb0", "unexpected character '\xea\xb8\xb0'", 8},
    };
    for (const Case& c : cases) {
        auto r = Condition::parse(c.src, kKnown);
        EXPECT_FALSE(r.ok) << c.src;
        EXPECT_EQ(r.error, c.message) << c.src;
        EXPECT_EQ(r.column, c.column) << c.src;
    }
}

TEST(Condition, DeepNestingIsAnErrorNotACrash) {
    std::string deep(5000, '(');
    deep += "mood";
    deep += std::string(5000, ')');
    auto r = Condition::parse(deep, kKnown);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "the condition is nested too deeply");
    std::string nots;
    for (int i = 0; i < 5000; ++i) nots += "not ";
    auto r2 = Condition::parse(nots + "mood", kKnown);
    EXPECT_FALSE(r2.ok);
}

TEST(Condition, LongFlatChainsParse) {
    std::string chain = "mood";
    for (int i = 0; i < 2000; ++i) chain += " and mood > " + std::to_string(i % 30);
    auto r = Condition::parse(chain, kKnown);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(r.condition.evaluate(sampleState()));
}

TEST(Condition, KeywordsAreNotVariables) {
    auto r = Condition::parse("not", kKnown);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.column, 4);
}
