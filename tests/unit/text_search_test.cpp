// TextSearch: matches across ko and en texts, feedback and ids (case folding, whole fields, the
// language and feedback switches), text paths back to node and field, and replace one / replace
// all through EditSession as ONE undo step that changes only the lines it must.
#include "EditSessionFixture.h"
#include "counterplay/core/TextSearch.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

std::unique_ptr<EditSession> openFixture(const TempDir& dir) {
    std::string error;
    auto s = EditSession::open(dir.write("fixture.yaml", kFixture), error, testOptions(dir));
    EXPECT_TRUE(s) << error;
    return s;
}

}  // namespace

TEST(TextSearch, FindsInBothLanguagesFeedbackAndIds) {
    TempDir dir;
    auto s = openFixture(dir);
    SearchOptions o;
    // "promise" is a choice id, the en choice text "Promise" and the en feedback "A promise".
    const auto m = findText(*s->scenario(), "promise", o);
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].where, (TextLocation{TextField::ChoiceId, "middle", 0}));
    EXPECT_FALSE(m[0].lang.has_value());
    EXPECT_EQ(m[1].where, (TextLocation{TextField::Choice, "middle", 0}));
    EXPECT_EQ(m[1].lang, Lang::En);
    EXPECT_EQ(m[1].path, "nodes.middle.choices[0].text");
    EXPECT_EQ(m[2].where, (TextLocation{TextField::Feedback, "middle", 0}));
    EXPECT_EQ(m[2].offset, 2u);
    EXPECT_EQ(m[2].text, "A promise");
    // Korean text, and the timeout's feedback.
    const auto ko = findText(*s->scenario(), "늦었", o);
    ASSERT_EQ(ko.size(), 1u);
    EXPECT_EQ(ko[0].where, (TextLocation{TextField::Feedback, "middle", kTimeoutChoice}));
    EXPECT_EQ(ko[0].lang, Lang::Ko);
    EXPECT_EQ(ko[0].path, "nodes.middle.time_limit.feedback");
}

TEST(TextSearch, OptionsNarrowTheSearch) {
    TempDir dir;
    auto s = openFixture(dir);
    SearchOptions o;
    o.ignoreCase = false;
    EXPECT_EQ(findText(*s->scenario(), "Promise", o).size(), 1u);  // only the choice text
    o.ignoreCase = true;
    o.ids = false;
    o.feedback = false;
    EXPECT_EQ(findText(*s->scenario(), "promise", o).size(), 1u);
    o = SearchOptions{};
    o.en = false;
    EXPECT_EQ(findText(*s->scenario(), "promise", o).size(), 1u);  // the id is no language
    o = SearchOptions{};
    o.wholeField = true;
    const auto whole = findText(*s->scenario(), "a PROMISE", o);
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0].length, 9u);
    EXPECT_TRUE(findText(*s->scenario(), "promis", o).empty());
    EXPECT_TRUE(findText(*s->scenario(), "", SearchOptions{}).empty());
    // Default choice ids ("<node>.<index>") are not searched; node ids are.
    const auto ids = findText(*s->scenario(), "happy", SearchOptions{});
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_EQ(ids[0].where.field, TextField::NodeId);
    EXPECT_EQ(ids[1].where.field, TextField::EndingTitle);
}

TEST(TextSearch, OccurrencesInOneFieldDoNotOverlap) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->setText("nodes.greet.lines[0].text", Lang::En, "aaaa aa"));
    const auto m = findText(*s->scenario(), "aa", SearchOptions{});
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].offset, 0u);
    EXPECT_EQ(m[1].offset, 2u);
    EXPECT_EQ(m[2].offset, 5u);
}

TEST(TextSearch, LocatesTextPaths) {
    EXPECT_EQ(locateTextPath("title"), (TextLocation{TextField::Title, "", -1}));
    EXPECT_EQ(locateTextPath("customer.name"), (TextLocation{TextField::CustomerName, "", -1}));
    EXPECT_EQ(locateTextPath("nodes.greet.lines[2].text"),
              (TextLocation{TextField::Line, "greet", 2}));
    EXPECT_EQ(locateTextPath("nodes.greet.choices[11].text"),
              (TextLocation{TextField::Choice, "greet", 11}));
    EXPECT_EQ(locateTextPath("nodes.greet.choices[1].feedback"),
              (TextLocation{TextField::Feedback, "greet", 1}));
    EXPECT_EQ(locateTextPath("nodes.x.time_limit.feedback"),
              (TextLocation{TextField::Feedback, "x", kTimeoutChoice}));
    EXPECT_EQ(locateTextPath("nodes[\"a.b\"].ending.title"),
              (TextLocation{TextField::EndingTitle, "a.b", -1}));
    EXPECT_EQ(locateTextPath("critical_actions[0].label").field, TextField::Other);
    EXPECT_EQ(locateTextPath("nodes.greet.lines[x].text").field, TextField::Other);
}

TEST(TextSearch, ReplaceOneIsOneUndoStepOnOneLine) {
    TempDir dir;
    auto s = openFixture(dir);
    const std::string before = s->text();
    const std::size_t steps = s->undoSteps();
    const auto m = findText(*s->scenario(), "promise", SearchOptions{});
    int replaced = 0;
    std::string error;
    ASSERT_TRUE(replaceMatches(*s, {m[2]}, "promise", "pledge", SearchOptions{}, replaced, error))
        << error;
    EXPECT_EQ(replaced, 1);
    EXPECT_EQ(s->undoSteps(), steps + 1);
    EXPECT_EQ(changedLines(before, s->text()), 1);
    EXPECT_EQ(s->scenario()->findNode("middle")->choices[0].feedback.en, "A pledge");
    EXPECT_EQ(s->scenario()->findNode("middle")->choices[0].text.en, "Promise");
    EXPECT_EQ(s->focusNode(), "middle");
    ASSERT_TRUE(s->undo());
    EXPECT_EQ(s->text(), before);
}

TEST(TextSearch, ReplaceAllTextsAndIdsIsOneUndoStep) {
    TempDir dir;
    auto s = openFixture(dir);
    const std::string before = s->text();
    const std::size_t steps = s->undoSteps();
    SearchOptions o;
    const auto m = findText(*s->scenario(), "happy", o);  // node id and ending title "Happy"
    int replaced = 0;
    std::string error;
    ASSERT_TRUE(replaceMatches(*s, m, "happy", "glad", o, replaced, error)) << error;
    EXPECT_EQ(replaced, 2);
    EXPECT_EQ(s->undoSteps(), steps + 1);
    ASSERT_NE(s->scenario()->findNode("glad"), nullptr);
    EXPECT_EQ(s->scenario()->findNode("glad")->ending->title.en, "glad");
    // The rename followed every reference.
    EXPECT_EQ(s->scenario()->findNode("middle")->choices[0].next, "glad");
    EXPECT_TRUE(s->loadsCleanly());
    ASSERT_TRUE(s->undo());
    EXPECT_EQ(s->text(), before);
    ASSERT_TRUE(s->redo());
    EXPECT_NE(s->scenario()->findNode("glad"), nullptr);
}

TEST(TextSearch, ReplaceSkipsFieldsChangedSinceTheSearchAndRefusesBadIds) {
    TempDir dir;
    auto s = openFixture(dir);
    std::vector<TextMatch> stale;
    for (const TextMatch& x : findText(*s->scenario(), "Listen", SearchOptions{}))
        if (x.where.field == TextField::Choice && x.lang == Lang::En) stale.push_back(x);
    ASSERT_EQ(stale.size(), 1u);
    ASSERT_TRUE(s->setText("nodes.greet.choices[0].text", Lang::En, "Listen closely"));
    const std::string edited = s->text();
    int replaced = 0;
    std::string error;
    EXPECT_FALSE(replaceMatches(*s, stale, "Listen", "Hear", SearchOptions{}, replaced, error));
    EXPECT_EQ(replaced, 0);
    EXPECT_EQ(s->text(), edited);
    // An id that would not be an id is refused, and nothing changes.
    const auto ids = findText(*s->scenario(), "shrug", SearchOptions{});
    ASSERT_EQ(ids[0].where.field, TextField::ChoiceId);
    EXPECT_FALSE(
        replaceMatches(*s, {ids[0]}, "shrug", "no spaces", SearchOptions{}, replaced, error));
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(s->text(), edited);
}
