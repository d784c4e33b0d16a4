// Conditions checked as you type give exactly the loader's message for the same text.
#include "counterplay/core/ConditionCheck.h"

#include "EditSessionFixture.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

/// The loader's message for `condition` written on the fixture's first choice of `middle`.
std::string loaderMessage(const std::string& condition) {
    std::string text = kFixture;
    text.replace(text.find("\"excuses == 0\""), 14, "\"" + condition + "\"");
    const ScenarioLoad l = loadScenarioText(text, "fixture.yaml", shippedCatalogue());
    for (const Diagnostic& d : l.diagnostics)
        if (d.path == "nodes.middle.choices[0].condition") return d.message;
    return "";
}

}  // namespace

TEST(ConditionCheck, SameMessagesAsTheLoader) {
    const ScenarioLoad l = loadScenarioText(kFixture, "fixture.yaml", shippedCatalogue());
    ASSERT_TRUE(l.ok());
    const Scenario& sc = *l.scenario;
    for (const std::string bad : {"trsut >= 50", "trust >=", "(mood > 3", "excuses = 1",
                                  "apologised and and", "mood > 50 or"}) {
        const ConditionCheck c = checkCondition(bad, sc);
        EXPECT_FALSE(c.ok) << bad;
        EXPECT_EQ(c.message, loaderMessage(bad)) << bad;
        EXPECT_TRUE(c.message.starts_with("invalid condition: ")) << c.message;
        EXPECT_GT(c.column, 0) << bad;
    }
    const ConditionCheck typo = checkCondition("trsut >= 50", sc);
    EXPECT_NE(typo.message.find("did you mean 'trust'"), std::string::npos) << typo.message;
    EXPECT_EQ(typo.column, 1);
}

TEST(ConditionCheck, GoodAndEmpty) {
    const ScenarioLoad l = loadScenarioText(kFixture, "fixture.yaml", shippedCatalogue());
    ASSERT_TRUE(l.scenario);
    const ConditionCheck ok = checkCondition("excuses == 0 and not apologised", *l.scenario);
    EXPECT_TRUE(ok.ok) << ok.message;
    EXPECT_EQ(ok.variables, (std::vector<std::string>{"excuses", "apologised"}));
    EXPECT_TRUE(checkCondition("", *l.scenario).ok);
    EXPECT_TRUE(checkCondition("  ", *l.scenario).ok);
    EXPECT_EQ(conditionVariables(*l.scenario),
              (std::set<std::string>{"apologised", "excuses", "mood", "trust"}));
}
