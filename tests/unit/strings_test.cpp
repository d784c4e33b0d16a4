// Strings: text collection with stable ids, status flags, review marks, CSV, and writing cells
// back through minimal edits (round trip is a no-op; one changed cell changes one line).
#include "counterplay/core/Strings.h"

#include "EditTestUtil.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

YamlDocument parsed(const std::string& bytes) {
    YamlDocument doc;
    std::string error;
    EXPECT_TRUE(YamlDocument::parse(bytes, doc, error)) << error;
    return doc;
}

const std::string kFile =
    "title: {ko: \"제목\", en: \"Title\"}  # a comment\n"
    "nodes:\n"
    "  greet:\n"
    "    lines:\n"
    "      - expression: angry\n"
    "        text:\n"
    "          ko: \"화났어요\"\n"
    "          en: \"I'm angry\"\n"
    "    choices:\n"
    "      - id: ask\n"
    "        text: {ko: \"무슨 일이세요?\"}\n"
    "        feedback: {ko: \"OK\", en: \"OK\"}\n"
    "        next: greet\n";

std::vector<StringRow> rowsOf(const YamlDocument& doc) {
    std::vector<StringRow> rows;
    for (const TextEntry& t : collectTexts(doc)) rows.push_back({t.stablePath, t.ko, t.en, "ok"});
    return rows;
}

}  // namespace

TEST(Strings, CollectsTextsWithStableIdsAndContext) {
    const auto texts = collectTexts(parsed(kFile));
    ASSERT_EQ(texts.size(), 4u);
    EXPECT_EQ(texts[0].stablePath, "title");
    EXPECT_EQ(texts[1].stablePath, "nodes.greet.lines[0].text");
    EXPECT_EQ(texts[1].context, "greet: customer (angry)");
    EXPECT_EQ(texts[2].path, "nodes.greet.choices[0].text");
    EXPECT_EQ(texts[2].stablePath, "nodes.greet.choices[ask].text");
    EXPECT_EQ(texts[2].context, "greet: choice ask");
    const ReviewMarks none;
    EXPECT_EQ(textStatus(texts[0], none), "ok");
    EXPECT_EQ(textStatus(texts[2], none), "missing en");
    EXPECT_EQ(textStatus(texts[3], none), "wrong script");
    TextEntry same = texts[0];
    same.en = same.ko;
    EXPECT_EQ(textStatus(same, none), "wrong script");  // Hangul in en
    same.ko = same.en = "7";
    EXPECT_EQ(textStatus(same, none), "same text in both");
}

TEST(Strings, CsvRoundTrip) {
    const std::string line =
        csvField("a,b") + "," + csvField("say \"hi\"\nnow") + "," + csvField("plain") + "\r\n";
    std::vector<std::vector<std::string>> rows;
    std::string error;
    ASSERT_TRUE(parseCsv("\xEF\xBB\xBF" + line + "x,y,z\n", rows, error));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a,b", "say \"hi\"\nnow", "plain"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"x", "y", "z"}));
    EXPECT_FALSE(parseCsv("\"open", rows, error));
}

TEST(Strings, ReviewMarksFlagTheOtherLanguage) {
    const YamlDocument doc = parsed(kFile);
    ReviewMarks marks;
    const StringsApply first = applyStrings(doc, rowsOf(doc), marks);
    EXPECT_EQ(first.bytes, kFile);
    EXPECT_TRUE(first.marksChanged);
    EXPECT_EQ(first.changedCells, 0);
    // Importing the same rows again changes nothing.
    const StringsApply again = applyStrings(doc, rowsOf(doc), marks);
    EXPECT_FALSE(again.marksChanged);
    EXPECT_EQ(again.bytes, kFile);
    // The marks survive their text file.
    ReviewMarks read;
    std::string error;
    ASSERT_TRUE(parseReviewMarks(reviewMarksText(marks, "x.yaml"), read, error)) << error;
    EXPECT_EQ(read, marks);
    // The Korean line changes: the English one may be outdated.
    const YamlDocument changed =
        parsed(doc.setScalar("nodes.greet.lines[0].text.ko", "정말 화났어요").bytes);
    const auto diags = reviewDiagnostics(changed, marks, "x.yaml");
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags[0].format(),
              "x.yaml:6:9: warning: nodes.greet.lines[0].text: en text of "
              "nodes.greet.lines[0].text may be outdated: the ko text changed since it was "
              "reviewed");
    EXPECT_EQ(textStatus(collectTexts(changed)[1], marks), "needs review");
}

TEST(Strings, ChangedCellsAreMinimalEditsAndUnknownIdsAreReported) {
    const YamlDocument doc = parsed(kFile);
    ReviewMarks marks;
    std::vector<StringRow> rows = rowsOf(doc);
    rows[1].en = "I am angry";
    rows[2].en = "What happened?";  // the key is missing: inserted in the flow map
    rows.push_back({"nodes.gone.lines[0].text", "가", "A", "ok"});
    const StringsApply a = applyStrings(doc, rows, marks);
    ASSERT_TRUE(a.error.empty()) << a.error;
    EXPECT_EQ(a.unknown, std::vector<std::string>{"nodes.gone.lines[0].text"});
    EXPECT_EQ(a.changedCells, 2);
    EXPECT_EQ(changedLines(kFile, a.bytes), 2);
    EXPECT_NE(a.bytes.find("          en: \"I am angry\"\n"), std::string::npos);
    EXPECT_NE(a.bytes.find("text: {ko: \"무슨 일이세요?\", en: \"What happened?\"}\n"),
              std::string::npos);
    EXPECT_NE(a.bytes.find("# a comment"), std::string::npos);
}

TEST(Strings, ShippedScenariosRoundTripAndOneCellIsOneLine) {
    for (const std::string& path : shippedScenarios()) {
        SCOPED_TRACE(path);
        const std::string bytes = readFile(path);
        const YamlDocument doc = parsed(bytes);
        ReviewMarks marks;
        std::vector<StringRow> rows = rowsOf(doc);
        ASSERT_FALSE(rows.empty());
        EXPECT_EQ(applyStrings(doc, rows, marks).bytes, bytes);
        rows.back().en += " (edited)";
        const StringsApply a = applyStrings(doc, rows, marks);
        EXPECT_EQ(a.changedCells, 1);
        EXPECT_EQ(changedLines(bytes, a.bytes), 1);
        const ScenarioLoad l = loadScenarioText(a.bytes, path, shippedCatalogue());
        const ScenarioLoad before = loadScenarioText(bytes, path, shippedCatalogue());
        EXPECT_EQ(errorCount(l), errorCount(before));
    }
}
