// EditSession's operations on lines, endings and the scenario card (EditNodeOperations.cpp):
// each changes only its lines (golden text of the changed region), reloads the model, and undoes
// and redoes to the exact bytes; refusals change nothing. Also the inspector's questions: a fresh
// choice id, whether a next node closes a loop, and the format's allowed values.
#include <gtest/gtest.h>

#include "EditSessionFixture.h"
#include "counterplay/core/EditSession.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

std::unique_ptr<EditSession> openFixture(const TempDir& dir) {
    std::string error;
    auto s = EditSession::open(dir.write("fixture.yaml", kFixture), error, testOptions(dir));
    EXPECT_TRUE(s) << error;
    return s;
}

const Node& node(const EditSession& s, const std::string& id) {
    const Node* n = s.scenario()->findNode(id);
    EXPECT_NE(n, nullptr) << id;
    static const Node none;
    return n ? *n : none;
}

std::string errors(const EditSession& s) {
    std::string out;
    for (const Diagnostic& d : s.diagnostics())
        if (d.severity == Severity::Error) out += d.format() + "\n";
    return out;
}

void expectUndoRedo(EditSession& s, const std::string& before) {
    const std::string after = s.text();
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.text(), before);
    ASSERT_TRUE(s.redo());
    EXPECT_EQ(s.text(), after);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST(EditNodeOps, AddLineInsertsOneItem) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->addLine("greet", 1, {"staff", "", {"잠깐만요", "One moment"}}));
    const Region r = changedRegion(kFixture, s->text());
    EXPECT_TRUE(r.removed.empty());
    EXPECT_EQ(r.added, (Lines{"      - speaker: staff",
                              "        text: {ko: \"잠깐만요\", en: \"One moment\"}"}));
    ASSERT_EQ(node(*s, "greet").lines.size(), 2u);
    EXPECT_EQ(node(*s, "greet").lines[1].speaker, "staff");
    EXPECT_EQ(node(*s, "greet").lines[1].text.en, "One moment");
    EXPECT_TRUE(s->loadsCleanly()) << errors(*s);
    EXPECT_EQ(s->undoLabel().en, "add a line");
    expectUndoRedo(*s, kFixture);
}

TEST(EditNodeOps, AddedLineWithEmptyTextIsTheLoadersError) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->addLine("greet", 0, {"customer", "angry", {}}));
    EXPECT_EQ(changedRegion(kFixture, s->text()).added,
              (Lines{"      - expression: angry", "        text: {ko: \"\", en: \"\"}"}));
    EXPECT_NE(errors(*s).find("the text is empty"), std::string::npos) << errors(*s);
}

TEST(EditNodeOps, AddLineRefusesAnUnknownSpeaker) {
    TempDir dir;
    auto s = openFixture(dir);
    EXPECT_FALSE(s->addLine("greet", 0, {"manager", "", {"a", "b"}}));
    EXPECT_NE(s->lastError().find("customer, staff, narrator"), std::string::npos)
        << s->lastError();
    EXPECT_EQ(s->text(), kFixture);
    EXPECT_FALSE(s->canUndo());
}

TEST(EditNodeOps, DeleteLineRemovesItsLinesButNotTheLast) {
    TempDir dir;
    auto s = openFixture(dir);
    EXPECT_FALSE(s->deleteLine("greet", 0));
    EXPECT_NE(s->lastError().find("at least one line"), std::string::npos);
    EXPECT_EQ(s->text(), kFixture);
    ASSERT_TRUE(s->addLine("happy", 1, {"customer", "", {"고마워요", "Thanks"}}));
    const std::string withTwo = s->text();
    ASSERT_TRUE(s->deleteLine("happy", 0));
    const Region r = changedRegion(withTwo, s->text());
    EXPECT_EQ(r.removed,
              (Lines{"      - speaker: narrator", "        text: {ko: \"끝\", en: \"The end\"}"}));
    EXPECT_TRUE(r.added.empty());
    ASSERT_EQ(node(*s, "happy").lines.size(), 1u);
    EXPECT_EQ(node(*s, "happy").lines[0].text.en, "Thanks");
    expectUndoRedo(*s, withTwo);
}

TEST(EditNodeOps, MoveLineSwapsTheItems) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->addLine("lost", 1, {"customer", "angry", {"됐어요", "Forget it"}}));
    const std::string before = s->text();
    ASSERT_TRUE(s->moveLine("lost", 1, 0));
    const Region r = changedRegion(before, s->text());
    EXPECT_EQ(
        r.added,
        (Lines{"      - expression: angry", "        text: {ko: \"됐어요\", en: \"Forget it\"}",
               "      - speaker: narrator", "        text: {ko: \"떠났다\", en: \"She left\"}"}));
    EXPECT_EQ(r.removed.size(), 4u);
    EXPECT_EQ(node(*s, "lost").lines[0].text.en, "Forget it");
    EXPECT_EQ(s->undoLabel().en, "reorder the lines");
    expectUndoRedo(*s, before);
}

TEST(EditNodeOps, SpeakerIsSetAddedAndRemoved) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->setSpeaker("happy", 0, "staff"));
    EXPECT_EQ(changedLines(kFixture, s->text()), 1);
    EXPECT_EQ(changedRegion(kFixture, s->text()).added, Lines{"      - speaker: staff"});
    ASSERT_TRUE(s->setSpeaker("happy", 0, "customer"));  // the default: the key goes
    // The item's "- " moves to its text: the two lines become one.
    EXPECT_EQ(changedRegion(kFixture, s->text()).removed,
              (Lines{"      - speaker: narrator", "        text: {ko: \"끝\", en: \"The end\"}"}));
    EXPECT_EQ(changedRegion(kFixture, s->text()).added,
              Lines{"      - text: {ko: \"끝\", en: \"The end\"}"});
    EXPECT_EQ(node(*s, "happy").lines[0].speaker, "customer");
    EXPECT_TRUE(s->loadsCleanly()) << errors(*s);
    const std::string before = s->text();
    ASSERT_TRUE(s->setSpeaker("greet", 0, "narrator"));  // added above the item's first key
    EXPECT_EQ(changedRegion(before, s->text()).added,
              (Lines{"      - speaker: narrator",
                     "        text: {ko: \"저기요!\", en: \"Excuse me!\"}"}));
    EXPECT_EQ(node(*s, "greet").lines[0].speaker, "narrator");
    EXPECT_EQ(node(*s, "greet").lines[0].text.en, "Excuse me!");
    EXPECT_TRUE(s->loadsCleanly()) << errors(*s);
    expectUndoRedo(*s, before);
    EXPECT_FALSE(s->setSpeaker("greet", 0, "ghost"));
}

TEST(EditNodeOps, EndingKindChangesOneLine) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->setEndingKind("happy", "resolved"));
    EXPECT_EQ(changedRegion(kFixture, s->text()).added, Lines{"      kind: resolved"});
    EXPECT_EQ(changedLines(kFixture, s->text()), 1);
    EXPECT_EQ(node(*s, "happy").ending->kind, "resolved");
    EXPECT_FALSE(s->setEndingKind("happy", "thrilled"));
    EXPECT_FALSE(s->setEndingKind("greet", "lost"));  // not an ending
    expectUndoRedo(*s, kFixture);
}

TEST(EditNodeOps, ChoiceNodeBecomesAnEndingAndBack) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->makeEnding("middle", "escalated", {"매니저 호출", "Asked for the manager"}));
    const Region r = changedRegion(kFixture, s->text());
    EXPECT_EQ(r.added,
              (Lines{"    ending:", "      kind: escalated",
                     "      title: {ko: \"매니저 호출\", en: \"Asked for the manager\"}"}));
    EXPECT_EQ(r.removed.front(), "    time_limit:");
    EXPECT_EQ(r.removed.back(), "        next: lost");
    const Node& m = node(*s, "middle");
    ASSERT_TRUE(m.ending.has_value());
    EXPECT_TRUE(m.choices.empty());
    EXPECT_FALSE(m.timeLimit.has_value());
    EXPECT_EQ(m.lines.size(), 1u);
    expectUndoRedo(*s, kFixture);
    EXPECT_FALSE(s->makeEnding("happy", "lost", {}));  // already one

    const std::string before = s->text();
    ASSERT_TRUE(s->makeChoiceNode("middle", {"middle.choice-1", {}, {}, "happy"}));
    EXPECT_EQ(
        changedRegion(before, s->text()).added,
        (Lines{"    choices:", "      - id: middle.choice-1", "        text: {ko: \"\", en: \"\"}",
               "        feedback: {ko: \"\", en: \"\"}", "        next: happy"}));
    ASSERT_EQ(node(*s, "middle").choices.size(), 1u);
    EXPECT_EQ(node(*s, "middle").choices[0].id, "middle.choice-1");
    EXPECT_FALSE(node(*s, "middle").ending.has_value());
    expectUndoRedo(*s, before);
}

TEST(EditNodeOps, ScenarioFieldsChangeTheirLine) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->setScenarioField("difficulty", "3"));
    EXPECT_EQ(changedRegion(kFixture, s->text()).added, Lines{"difficulty: 3"});
    EXPECT_EQ(s->scenario()->difficulty, 3);
    ASSERT_TRUE(s->setScenarioField("setting", "cafe"));
    ASSERT_TRUE(s->setScenarioField("customer.mood", "25"));
    EXPECT_EQ(changedLines(kFixture, s->text()), 3);
    EXPECT_EQ(s->scenario()->customer.mood, 25);
    const std::string before = s->text();
    ASSERT_TRUE(s->setScenarioField("pass_threshold", ""));  // back to the default
    EXPECT_EQ(changedRegion(before, s->text()).removed, Lines{"pass_threshold: 60"});
    expectUndoRedo(*s, before);
    EXPECT_FALSE(s->setScenarioField("setting", "moon"));
    EXPECT_FALSE(s->setScenarioField("difficulty", "hard"));
    EXPECT_FALSE(s->setScenarioField("start", "middle"));
    EXPECT_TRUE(s->setText("title", Lang::En, "Editing test"));
    EXPECT_EQ(s->scenario()->title.en, "Editing test");
    EXPECT_TRUE(s->loadsCleanly()) << errors(*s);
}

TEST(EditNodeOps, PrinciplesListIsReplaced) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->setPrinciples({"complaint.listen"}));
    EXPECT_EQ(changedRegion(kFixture, s->text()).added, Lines{"principles: [complaint.listen]"});
    EXPECT_EQ(s->scenario()->principles, std::vector<std::string>{"complaint.listen"});
    expectUndoRedo(*s, kFixture);
    EXPECT_FALSE(s->setPrinciples({}));
    EXPECT_FALSE(s->setPrinciples({"Not An Id"}));
}

TEST(EditNodeOps, NewTimeLimitTakesTheGivenFeedback) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->setTimeLimit("greet", 20, "lost", {"늦었어요", "Too slow"}));
    ASSERT_TRUE(node(*s, "greet").timeLimit.has_value());
    EXPECT_EQ(node(*s, "greet").timeLimit->feedback.en, "Too slow");
    EXPECT_TRUE(s->loadsCleanly()) << errors(*s);
}

TEST(EditNodeOps, QuestionsForTheInspector) {
    TempDir dir;
    auto s = openFixture(dir);
    EXPECT_EQ(s->freshChoiceId("greet"), "greet.choice-3");
    ASSERT_TRUE(s->addChoice("greet", 2, {"greet.choice-3", {}, {}, "middle"}));
    EXPECT_EQ(s->freshChoiceId("greet"), "greet.choice-4");
    EXPECT_TRUE(s->makesLoop("middle", "greet"));  // greet already leads to middle
    EXPECT_TRUE(s->makesLoop("middle", "middle"));
    EXPECT_FALSE(s->makesLoop("greet", "happy"));
    EXPECT_FALSE(s->makesLoop("middle", "lost"));
    EXPECT_EQ(EditSession::allowedValues(ValueList::EndingKind),
              (std::vector<std::string>{"loyal", "resolved", "lost", "escalated"}));
    EXPECT_EQ(EditSession::allowedValues(ValueList::Speaker).size(), 3u);
    EXPECT_EQ(EditSession::allowedValues(ValueList::Setting).front(), "boutique");
}
