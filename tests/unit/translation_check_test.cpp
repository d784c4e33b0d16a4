// TranslationCheck: each kind of finding (missing, identical, wrong script both ways, outdated
// by review marks), where it points, the counts, and a clean file with none.
#include <gtest/gtest.h>

#include "counterplay/core/TranslationCheck.h"

using namespace counterplay::core;

namespace {

YamlDocument parsed(const std::string& bytes) {
    YamlDocument doc;
    std::string error;
    EXPECT_TRUE(YamlDocument::parse(bytes, doc, error)) << error;
    return doc;
}

const std::string kFile =
    "title: {ko: \"제목\", en: \"Title\"}\n"
    "nodes:\n"
    "  greet:\n"
    "    lines:\n"
    "      - text: {ko: \"화났어요\", en: \"I'm angry\"}\n"
    "      - text: {ko: \"Hello there\", en: \"Hello there\"}\n"
    "      - text: {ko: \"Sorry\", en: \"죄송해요\"}\n"
    "    choices:\n"
    "      - id: ask\n"
    "        text: {ko: \"무슨 일이세요?\"}\n"
    "        feedback: {ko: \"\", en: \"Good\"}\n"
    "        next: greet\n"
    "  done:\n"
    "    ending:\n"
    "      kind: lost\n"
    "      title: {ko: \"끝\", en: \"End\"}\n";

std::vector<TranslationFinding> of(const std::vector<TranslationFinding>& all,
                                   TranslationIssue issue) {
    std::vector<TranslationFinding> out;
    for (const auto& f : all)
        if (f.issue == issue) out.push_back(f);
    return out;
}

}  // namespace

TEST(TranslationCheck, FindsEachKindWithItsPlace) {
    const YamlDocument doc = parsed(kFile);
    const auto all = findTranslationIssues(doc, {});
    const auto missingEn = of(all, TranslationIssue::MissingEn);
    ASSERT_EQ(missingEn.size(), 1u);
    EXPECT_EQ(missingEn[0].where, (TextLocation{TextField::Choice, "greet", 0}));
    const auto missingKo = of(all, TranslationIssue::MissingKo);  // the empty ko feedback
    ASSERT_EQ(missingKo.size(), 1u);
    EXPECT_EQ(missingKo[0].where, (TextLocation{TextField::Feedback, "greet", 0}));
    const auto same = of(all, TranslationIssue::Identical);
    ASSERT_EQ(same.size(), 1u);
    EXPECT_EQ(same[0].where, (TextLocation{TextField::Line, "greet", 1}));
    // Identical texts are not also "wrong script"; the swapped line is wrong both ways.
    const auto koScript = of(all, TranslationIssue::WrongScriptKo);
    ASSERT_EQ(koScript.size(), 1u);
    EXPECT_EQ(koScript[0].where, (TextLocation{TextField::Line, "greet", 2}));
    const auto enScript = of(all, TranslationIssue::WrongScriptEn);
    ASSERT_EQ(enScript.size(), 1u);
    EXPECT_EQ(enScript[0].where.index, 2);
    EXPECT_TRUE(of(all, TranslationIssue::Outdated).empty());
    const auto counts = countTranslationIssues(all);
    EXPECT_EQ(counts, (std::array<int, 6>{1, 1, 1, 1, 1, 0}));
    EXPECT_STREQ(translationIssueName(TranslationIssue::WrongScriptEn), "wrong-script-en");
}

TEST(TranslationCheck, OutdatedByReviewMarks) {
    const YamlDocument doc = parsed(kFile);
    ReviewMarks marks;
    // The title was reviewed when its ko text was different: the en text may be outdated.
    marks["title"] = {textHash("옛 제목"), textHash("Title")};
    marks["nodes.done.ending.title"] = {textHash("끝"), textHash("End")};  // reviewed as it is
    const auto outdated = of(findTranslationIssues(doc, marks), TranslationIssue::Outdated);
    ASSERT_EQ(outdated.size(), 1u);
    EXPECT_EQ(outdated[0].where.field, TextField::Title);
    EXPECT_EQ(outdated[0].outdated, Outdated::En);
}

TEST(TranslationCheck, CleanFileHasNone) {
    const YamlDocument doc = parsed(
        "title: {ko: \"제목\", en: \"Title\"}\n"
        "summary: {ko: \"10,000원\", en: \"10,000 won\"}\n"
        "nodes:\n"
        "  a:\n"
        "    lines:\n"
        "      - text: {ko: \"...\", en: \"...\"}\n");
    EXPECT_TRUE(findTranslationIssues(doc, {}).empty());
}
