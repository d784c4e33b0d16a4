// YamlFormat: the canonical layout is idempotent and keeps the model on every shipped file, keeps
// comments with the key they precede, every shipped file is already canonical, and `new` writes
// a lint-clean canonical scenario.
#include "counterplay/core/YamlFormat.h"

#include "EditTestUtil.h"
#include "counterplay/core/Analysis.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

YamlDocument parsed(const std::string& bytes) {
    YamlDocument doc;
    std::string error;
    EXPECT_TRUE(YamlDocument::parse(bytes, doc, error)) << error;
    return doc;
}

std::string fmt(const std::string& bytes, bool catalogue = false) {
    const FormatResult r = formatDocument(parsed(bytes), catalogue);
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.commentsOut, r.commentsIn);
    return r.bytes;
}

}  // namespace

TEST(YamlFormat, GoldenLayout) {
    const std::string messy =
        "# header comment\n"
        "nodes:\n"
        "  a:\n"
        "    choices:\n"
        "      - next: b   # where it goes\n"
        "        text: {en: 'Hi', ko: \"안녕\"}\n"
        "        tags:\n"
        "          - x\n"
        "        # about feedback\n"
        "        feedback:\n"
        "          ko: 좋다\n"
        "          en: Good\n"
        "    lines: [{text: {ko: \"가\", en: \"A\"}}]\n"
        "  b:\n"
        "    ending: {kind: lost, title: {ko: \"끝\", en: \"End\"}}\n"
        "    lines:\n"
        "      - text: {ko: \"나\", en: \"B\"}\n"
        "id: x\n"
        "format: 1\n"
        "# the end\n";
    EXPECT_EQ(fmt(messy),
              "format: 1\n"
              "id: x\n"
              "# header comment\n"
              "nodes:\n"
              "  a:\n"
              "    lines:\n"
              "      - text: {ko: \"가\", en: \"A\"}\n"
              "    choices:\n"
              "      - text: {ko: \"안녕\", en: \"Hi\"}\n"
              "        # about feedback\n"
              "        feedback: {ko: \"좋다\", en: \"Good\"}\n"
              "        tags: [x]\n"
              "        next: b  # where it goes\n"
              "\n"
              "  b:\n"
              "    lines:\n"
              "      - text: {ko: \"나\", en: \"B\"}\n"
              "    ending:\n"
              "      kind: lost\n"
              "      title: {ko: \"끝\", en: \"End\"}\n"
              "# the end\n");
}

TEST(YamlFormat, LongTextGoesOnTwoLinesAndKoreanIsUnescaped) {
    const std::string in = "title: {ko: \"\\uAC00\", en: \"" + std::string(120, 'x') + "\"}\n";
    EXPECT_EQ(fmt(in), "title:\n  ko: \"가\"\n  en: \"" + std::string(120, 'x') + "\"\n");
}

TEST(YamlFormat, SameContentSeesChanges) {
    EXPECT_TRUE(sameContent(parsed("a: 1\nb: [x]\n"), parsed("b: [x]\na: '1'\n")));
    EXPECT_FALSE(sameContent(parsed("a: 1\n"), parsed("a: 2\n")));
    EXPECT_FALSE(sameContent(parsed("b: [x, y]\n"), parsed("b: [y, x]\n")));
    EXPECT_EQ(countComments(parsed("a: \"# no\"  # yes\n# two\nb: c#d\n")), 2);
}

TEST(YamlFormat, NewScenarioIsCanonicalAndLintClean) {
    const std::string text = newScenarioText("my-first");
    EXPECT_EQ(fmt(text), text);
    const ScenarioLoad l = loadScenarioText(text, "my-first.yaml", shippedCatalogue());
    ASSERT_TRUE(l.ok());
    EXPECT_TRUE(l.diagnostics.empty()) << l.diagnostics.front().format();
    EXPECT_EQ(l.scenario->id, "my-first");
    EXPECT_TRUE(analyzeScenario(*l.scenario).problems.empty());
}

class ShippedFormat : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedFormat, IdempotentAndKeepsTheModel) {
    const std::string bytes = readFile(GetParam());
    const bool catalogue = GetParam().ends_with("principles.yaml");
    const std::string once = fmt(bytes, catalogue);
    EXPECT_EQ(fmt(once, catalogue), once);
    EXPECT_TRUE(sameContent(parsed(bytes), parsed(once)));
    if (catalogue) {
        const CatalogueLoad a = loadCatalogueText(bytes, GetParam());
        const CatalogueLoad b = loadCatalogueText(once, GetParam());
        EXPECT_EQ(a.diagnostics.size(), b.diagnostics.size());
        return;
    }
    const ScenarioLoad a = loadScenarioText(bytes, GetParam(), shippedCatalogue());
    const ScenarioLoad b = loadScenarioText(once, GetParam(), shippedCatalogue());
    ASSERT_TRUE(a.scenario && b.scenario);
    EXPECT_EQ(errorCount(a), errorCount(b));
    EXPECT_EQ(modelText(*a.scenario), modelText(*b.scenario));
}

TEST_P(ShippedFormat, IsAlreadyCanonical) {
    // What we ship is in the layout `counterplay fmt` writes, so `fmt --check` passes on it and
    // a trainer who copies a shipped file starts from the documented layout.
    const std::string bytes = readFile(GetParam());
    EXPECT_EQ(fmt(bytes, GetParam().ends_with("principles.yaml")), bytes)
        << GetParam() << " is not canonical: run counterplay fmt on it";
}

TEST_P(ShippedFormat, CommentsStayAboveTheirNodes) {
    if (GetParam().ends_with("principles.yaml")) GTEST_SKIP();
    // A comment above every node key (two-space keys after `nodes:`).
    const auto lines = splitLines(readFile(GetParam()));
    std::string commented;
    bool inNodes = false;
    int added = 0;
    for (const std::string& l : lines) {
        if (l == "nodes:") inNodes = true;
        if (inNodes && l.size() > 3 && l.starts_with("  ") && l[2] != ' ' && l[2] != '-' &&
            l.back() == ':') {
            commented += "  # about " + l.substr(2, l.size() - 3) + "\n";
            ++added;
        }
        commented += l + "\n";
    }
    ASSERT_GT(added, 0);
    const std::string once = fmt(commented);  // asserts that no comment was dropped
    const auto out = splitLines(once);
    int found = 0;
    for (std::size_t i = 0; i + 1 < out.size(); ++i)
        if (out[i].starts_with("  # about ")) {
            EXPECT_EQ(out[i + 1], "  " + out[i].substr(10) + ":");
            ++found;
        }
    EXPECT_EQ(found, added);
    EXPECT_EQ(fmt(once), once);
}

INSTANTIATE_TEST_SUITE_P(All, ShippedFormat, ::testing::ValuesIn([] {
                             auto v = shippedScenarios();
                             v.push_back(sourceDir() + "/scenarios/principles.yaml");
                             return v;
                         }()),
                         [](const auto& info) {
                             std::string name = std::filesystem::path(info.param).stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });
