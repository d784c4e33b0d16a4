// EditSession: every operation changes only its lines and reloads the model; undo and redo of
// each (renames, deletes and reorders included); the unsaved marker; save with a backup; a file
// changed on disk; the recovery file; and load -> edit -> save -> reload on every shipped
// scenario with golden line diffs.
#include "counterplay/core/EditSession.h"

#include <sys/stat.h>

#include "EditSessionFixture.h"
#include "counterplay/core/YamlFormat.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

std::unique_ptr<EditSession> openFixture(const TempDir& dir, const std::string& text = kFixture) {
    std::string error;
    auto s = EditSession::open(dir.write("fixture.yaml", text), error, testOptions(dir));
    EXPECT_TRUE(s) << error;
    return s;
}

const Node& node(const EditSession& s, const std::string& id) {
    const Node* n = s.scenario()->findNode(id);
    EXPECT_NE(n, nullptr) << id;
    static const Node none;
    return n ? *n : none;
}

std::string allErrors(const EditSession& s) {
    std::string out;
    for (const Diagnostic& d : s.diagnostics())
        if (d.severity == Severity::Error) out += d.format() + "\n";
    return out;
}

/// Undo gives back `before` exactly; redo gives back `after` exactly.
void expectUndoRedo(EditSession& s, const std::string& before) {
    const std::string after = s.text();
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.text(), before);
    ASSERT_TRUE(s.redo());
    EXPECT_EQ(s.text(), after);
}

}  // namespace

TEST(EditSession, OpensAndLoads) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);
    EXPECT_FALSE(s->dirty());
    EXPECT_FALSE(s->canUndo());
    EXPECT_EQ(s->scenario()->nodes.size(), 4u);
}

TEST(EditSession, OneEnglishLineChangesOneLineAndUndoes) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->setChoiceText("greet", 0, Lang::En, "Listen, really listen"));
    EXPECT_EQ(
        changedRegion(kFixture, s->text()).added,
        std::vector<std::string>{"        text: {ko: \"듣는다\", en: \"Listen, really listen\"}"});
    EXPECT_EQ(changedLines(kFixture, s->text()), 1);
    EXPECT_EQ(node(*s, "greet").choices[0].text.en, "Listen, really listen");
    EXPECT_TRUE(s->dirty());
    EXPECT_EQ(s->focusNode(), "greet");
    EXPECT_EQ(s->undoLabel().en, "edit text");
    ASSERT_TRUE(s->undo());
    EXPECT_EQ(s->text(), kFixture);
    EXPECT_FALSE(s->dirty());
    EXPECT_EQ(node(*s, "greet").choices[0].text.en, "Listen");
    ASSERT_TRUE(s->redo());
    EXPECT_EQ(node(*s, "greet").choices[0].text.en, "Listen, really listen");
    EXPECT_TRUE(s->dirty());
}

TEST(EditSession, TypingInOneFieldIsOneUndoStep) {
    TempDir dir;
    auto s = openFixture(dir);
    for (const char* typed : {"S", "So", "So w", "So what?"})
        ASSERT_TRUE(s->setLineText("middle", 0, Lang::En, typed));
    EXPECT_EQ(s->undoSteps(), 1u);
    ASSERT_TRUE(s->setLineText("middle", 0, Lang::Ko, "그래서?"));  // another field
    EXPECT_EQ(s->undoSteps(), 2u);
    s->breakUndoGroup();
    ASSERT_TRUE(s->setLineText("middle", 0, Lang::Ko, "그래서요…?"));
    EXPECT_EQ(s->undoSteps(), 3u);
    s->undo();
    s->undo();
    EXPECT_EQ(node(*s, "middle").lines[0].text.en, "So what?");
    s->undo();
    EXPECT_EQ(s->text(), kFixture);
}

TEST(EditSession, RenameUpdatesEveryReferenceAndUndoes) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->renameNode("greet", "opening"));
    ASSERT_TRUE(s->renameNode("lost", "walked-out"));
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);
    EXPECT_EQ(s->scenario()->start, "opening");
    EXPECT_EQ(node(*s, "middle").timeLimit->next, "walked-out");
    EXPECT_EQ(node(*s, "middle").choices[1].next, "walked-out");
    // Key, start; key, timeout next, choice next: five lines, nothing else.
    EXPECT_EQ(changedLines(kFixture, s->text()), 5);
    EXPECT_EQ(s->undoLabel().en, "rename node 'lost' to 'walked-out'");
    const std::string afterFirst = [&] {
        auto copy = openFixture(dir);
        copy->renameNode("greet", "opening");
        return copy->text();
    }();
    ASSERT_TRUE(s->undo());
    EXPECT_EQ(s->text(), afterFirst);
    ASSERT_TRUE(s->undo());
    EXPECT_EQ(s->text(), kFixture);
    EXPECT_EQ(s->scenario()->start, "greet");
    ASSERT_TRUE(s->redo());
    ASSERT_TRUE(s->redo());
    EXPECT_EQ(node(*s, "middle").timeLimit->next, "walked-out");
    // Refused: an existing id, a bad id.
    EXPECT_FALSE(s->renameNode("middle", "happy"));
    EXPECT_FALSE(s->renameNode("middle", "Bad Id"));
    EXPECT_FALSE(s->lastError().empty());
}

TEST(EditSession, DeleteReportsDanglingChoicesFirstAndUndoes) {
    TempDir dir;
    auto s = openFixture(dir);
    const DeletePreview p = s->previewDelete("lost");
    ASSERT_TRUE(p.exists);
    EXPECT_FALSE(p.isStart);
    ASSERT_EQ(p.dangling.size(), 2u);
    EXPECT_EQ(p.dangling[0].node, "middle");
    EXPECT_EQ(p.dangling[0].choiceId, "shrug");
    EXPECT_EQ(p.dangling[1].choice, kTimeoutChoice);
    EXPECT_EQ(p.dangling[1].choiceId, "middle.timeout");
    EXPECT_EQ(s->text(), kFixture);  // a preview changes nothing
    EXPECT_TRUE(s->previewDelete("greet").isStart);
    EXPECT_FALSE(s->previewDelete("nowhere").exists);

    DeletePreview report;
    ASSERT_TRUE(s->deleteNode("lost", &report));
    EXPECT_EQ(report.dangling.size(), 2u);
    EXPECT_EQ(s->scenario()->findNode("lost"), nullptr);
    EXPECT_FALSE(s->loadsCleanly());  // the dangling references are errors now
    const Region r = changedRegion(kFixture, s->text());
    EXPECT_TRUE(r.added.empty());
    EXPECT_EQ(r.removed.size(), 8u);  // the blank line above and the node's seven lines
    expectUndoRedo(*s, kFixture);
    ASSERT_TRUE(s->undo());
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);
    EXPECT_FALSE(s->deleteNode("nowhere"));
}

TEST(EditSession, DuplicateKeepsChoiceIdsUnique) {
    TempDir dir;
    auto s = openFixture(dir);
    ASSERT_TRUE(s->duplicateNode("middle", "middle-again"));
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);
    const Node& copy = node(*s, "middle-again");
    ASSERT_EQ(copy.choices.size(), 2u);
    EXPECT_EQ(copy.choices[0].id, "promise-2");
    EXPECT_EQ(copy.choices[1].id, "shrug-2");
    EXPECT_EQ(copy.timeLimit->seconds, 10);
    EXPECT_TRUE(changedRegion(kFixture, s->text()).removed.empty());
    expectUndoRedo(*s, kFixture);
    EXPECT_FALSE(s->duplicateNode("middle", "happy"));
}

TEST(EditSession, AddNodes) {
    TempDir dir;
    auto s = openFixture(dir);
    NewNode ending;
    ending.id = "calm";
    ending.speaker = "narrator";
    ending.line = {"진정했다", "She calmed down"};
    ending.ending = true;
    ending.endingTitle = {"진정", "Calm"};
    ASSERT_TRUE(s->addNode(ending));
    NewNode ask;
    ask.id = "ask";
    ask.line = {"뭐라고요?", "Pardon?"};
    ask.choiceText = {"다시 말한다", "Say it again"};
    ask.choiceFeedback = {"좋아요", "Fine"};
    ask.next = "calm";
    ASSERT_TRUE(s->addNode(ask));
    ASSERT_TRUE(s->setNext({"middle", 1}, "ask"));
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);
    EXPECT_EQ(node(*s, "calm").ending->title.en, "Calm");
    EXPECT_EQ(node(*s, "ask").choices.at(0).next, "calm");
    EXPECT_EQ(node(*s, "ask").lines.at(0).speaker, "customer");
    EXPECT_FALSE(s->addNode(ending));  // exists
    s->undo();
    s->undo();
    s->undo();
    EXPECT_EQ(s->text(), kFixture);
}

TEST(EditSession, AddReorderAndDeleteChoices) {
    TempDir dir;
    auto s = openFixture(dir);
    NewChoice c;
    c.id = "apologise";
    c.text = {"사과한다", "Apologise"};
    c.feedback = {"사과", "An apology"};
    c.next = "happy";
    ASSERT_TRUE(s->addChoice("middle", 1, c));
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);
    const Region r = changedRegion(kFixture, s->text());
    EXPECT_TRUE(r.removed.empty());
    EXPECT_EQ(r.added,
              (std::vector<std::string>{
                  "      - id: apologise", "        text: {ko: \"사과한다\", en: \"Apologise\"}",
                  "        feedback: {ko: \"사과\", en: \"An apology\"}", "        next: happy"}));
    ASSERT_EQ(node(*s, "middle").choices.size(), 3u);
    EXPECT_EQ(node(*s, "middle").choices[1].id, "apologise");
    expectUndoRedo(*s, kFixture);

    const std::string withChoice = s->text();
    ASSERT_TRUE(s->moveChoice("greet", 0, 1));
    EXPECT_EQ(node(*s, "greet").choices[0].id, "excuse");
    EXPECT_EQ(node(*s, "greet").choices[1].id, "listen");
    Region moved = changedRegion(withChoice, s->text());
    std::sort(moved.added.begin(), moved.added.end());
    std::sort(moved.removed.begin(), moved.removed.end());
    EXPECT_EQ(moved.added, moved.removed);  // whole blocks moved, comment included
    EXPECT_NE(s->text().find("      # An excuse costs trust later.\n      - id: excuse"),
              std::string::npos);
    expectUndoRedo(*s, withChoice);

    const std::string reordered = s->text();
    ASSERT_TRUE(s->deleteChoice("middle", 1));
    EXPECT_EQ(node(*s, "middle").choices.size(), 2u);
    expectUndoRedo(*s, reordered);
    EXPECT_FALSE(s->deleteChoice("middle", 7));
    EXPECT_FALSE(s->moveChoice("middle", 0, 9));
    EXPECT_FALSE(s->addChoice("happy", 0, c));  // an ending
}

TEST(EditSession, DeferredLoadsKeepTheLastModelUntilApplied) {
    TempDir dir;
    auto s = openFixture(dir);
    s->setDeferredLoads(true);
    const auto before = s->scenario();
    NewChoice c;
    c.id = "apologise";
    c.text = {"사과한다", "Apologise"};
    c.feedback = {"사과", "An apology"};
    c.next = "happy";
    ASSERT_TRUE(s->addChoice("middle", 1, c));
    // The document has the choice, the model not yet: the caller loads it on a worker.
    EXPECT_NE(s->text().find("- id: apologise"), std::string::npos);
    EXPECT_TRUE(s->modelReloadPending());
    EXPECT_EQ(s->scenario(), before);
    const EditSession::ModelLoadJob job = s->pendingLoad();
    EXPECT_EQ(job.generation, s->textGeneration());
    EXPECT_EQ(job.text, s->text());
    // A load of an older text is refused; the current one is taken.
    EXPECT_FALSE(s->applyModelLoad(job.generation - 1,
                                   loadScenarioText(job.text, job.path, job.catalogue.get())));
    EXPECT_TRUE(s->modelReloadPending());
    ASSERT_TRUE(s->applyModelLoad(job.generation,
                                  loadScenarioText(job.text, job.path, job.catalogue.get())));
    EXPECT_FALSE(s->modelReloadPending());
    ASSERT_EQ(node(*s, "middle").choices.size(), 3u);

    // An edit while a load is pending loads first, so it sees the choice the undo removed.
    ASSERT_TRUE(s->undo());
    EXPECT_TRUE(s->modelReloadPending());
    ASSERT_TRUE(s->redo());
    ASSERT_TRUE(s->moveChoice("middle", 1, 0));
    s->reloadModel();
    EXPECT_EQ(node(*s, "middle").choices[0].id, "apologise");
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);
}

TEST(EditSession, FieldsOfChoicesAndTimeouts) {
    TempDir dir;
    auto s = openFixture(dir);
    const BranchRef listen{"greet", 0}, shrug{"middle", 1}, timeout{"middle", kTimeoutChoice};

    ASSERT_TRUE(s->setEffects(
        listen, {{"mood", Effect::Kind::Add, 15}, {"apologised", Effect::Kind::Set, 1}}));
    EXPECT_EQ(changedRegion(kFixture, s->text()).added,
              std::vector<std::string>{"        effects: {mood: 15, apologised: true}"});
    ASSERT_TRUE(s->setPoints(shrug, {{"trust.small-promises", -3}, {"complaint.listen", 1}}));
    ASSERT_TRUE(s->setTags(shrug, {"indifferent"}));
    ASSERT_TRUE(s->setCondition("greet", 1, "mood < 60 and not apologised"));
    ASSERT_TRUE(s->setFeedback(timeout, Lang::En, "Far too slow"));
    ASSERT_TRUE(s->setExpression("greet", 0, "angry"));
    ASSERT_TRUE(s->setTimeLimit("middle", 20));
    ASSERT_TRUE(s->setTimeLimit("greet", 5, "lost"));
    ASSERT_TRUE(s->setFeedback({"greet", kTimeoutChoice}, Lang::Ko, "늦음"));
    ASSERT_TRUE(s->setFeedback({"greet", kTimeoutChoice}, Lang::En, "Late"));
    ASSERT_TRUE(s->setChoiceId("middle", 1, "shrug-off"));
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);

    const Node& greet = node(*s, "greet");
    const Node& middle = node(*s, "middle");
    ASSERT_EQ(greet.choices[0].effects.size(), 2u);
    EXPECT_EQ(greet.choices[0].effects[1].variable, "apologised");
    EXPECT_EQ(middle.choices[1].points.at("trust.small-promises"), -3);
    EXPECT_EQ(middle.choices[1].points.at("complaint.listen"), 1);
    EXPECT_EQ(middle.choices[1].tags, std::vector<std::string>{"indifferent"});
    EXPECT_EQ(middle.choices[1].id, "shrug-off");
    EXPECT_EQ(greet.choices[1].condition->source(), "mood < 60 and not apologised");
    EXPECT_EQ(middle.timeLimit->feedback.en, "Far too slow");
    EXPECT_EQ(middle.timeLimit->seconds, 20);
    EXPECT_EQ(greet.lines[0].expression, "angry");
    ASSERT_TRUE(greet.timeLimit);
    EXPECT_EQ(greet.timeLimit->next, "lost");
    // The block map of points was edited entry by entry; the comment above greet is intact.
    EXPECT_NE(s->text().find("        points:\n          trust.small-promises: -3\n"),
              std::string::npos);
    EXPECT_NE(s->text().find("  # The opening.\n  greet:\n"), std::string::npos);

    // Removing: empty values remove their keys.
    ASSERT_TRUE(s->setCondition("greet", 1, ""));
    ASSERT_TRUE(s->setExpression("greet", 0, ""));
    ASSERT_TRUE(s->setTags(shrug, {}));
    ASSERT_TRUE(s->removeTimeLimit("greet"));
    EXPECT_FALSE(node(*s, "greet").choices[1].condition);
    EXPECT_FALSE(node(*s, "greet").timeLimit);
    EXPECT_TRUE(node(*s, "middle").choices[1].tags.empty());

    // Every step undoes back to the original bytes.
    while (s->canUndo()) ASSERT_TRUE(s->undo());
    EXPECT_EQ(s->text(), kFixture);
    EXPECT_FALSE(s->dirty());
    EXPECT_FALSE(s->setNext(listen, "Not An Id"));
    EXPECT_FALSE(s->setTimeLimit("happy-nowhere", 5, "lost"));
}

TEST(EditSession, SaveKeepsABackupAndClearsTheMarker) {
    TempDir dir;
    auto s = openFixture(dir);
    EXPECT_EQ(s->save(), SaveResult::Unchanged);
    ASSERT_TRUE(s->setLineText("greet", 0, Lang::En, "Hello? Excuse me!"));
    EXPECT_TRUE(s->dirty());
    ASSERT_EQ(s->save(), SaveResult::Saved) << s->lastError();
    EXPECT_FALSE(s->dirty());
    EXPECT_EQ(readFile(s->path()), s->text());
    EXPECT_EQ(readFile(dir.file(".fixture.yaml.bak")), kFixture);
    EXPECT_EQ(s->save(), SaveResult::Unchanged);
    // Undo after a save: dirty again (the saved version is the reference).
    ASSERT_TRUE(s->undo());
    EXPECT_TRUE(s->dirty());
    ASSERT_EQ(s->save(), SaveResult::Saved);
    EXPECT_EQ(readFile(s->path()), kFixture);
    EXPECT_NE(readFile(dir.file(".fixture.yaml.bak")), kFixture);  // the previous version
}

TEST(EditSession, RefusesNonRegularFiles) {
    TempDir dir;
    const std::string real = dir.write("real.yaml", kFixture);
    std::filesystem::create_symlink(real, dir.file("link.yaml"));
    std::string error;
    EXPECT_FALSE(EditSession::open(dir.file("link.yaml"), error, testOptions(dir)));
    EXPECT_NE(error.find("not a regular file"), std::string::npos);
    ASSERT_EQ(::mkfifo(dir.file("fifo.yaml").c_str(), 0600), 0);
    EXPECT_FALSE(EditSession::open(dir.file("fifo.yaml"), error, testOptions(dir)));
    EXPECT_FALSE(EditSession::open(dir.file("missing.yaml"), error, testOptions(dir)));
    EXPECT_FALSE(EditSession::open(dir.write("bad.yaml", "a: [1, 2\n"), error, testOptions(dir)));

    // The file replaced by a link after opening: save refuses and leaves both alone.
    auto s = openFixture(dir);
    ASSERT_TRUE(s->setLineText("greet", 0, Lang::En, "Hi"));
    std::filesystem::remove(s->path());
    std::filesystem::create_symlink(real, s->path());
    EXPECT_EQ(s->save(true), SaveResult::Failed);
    EXPECT_NE(s->lastError().find("not a regular file"), std::string::npos);
    EXPECT_EQ(readFile(real), kFixture);
}

TEST(EditSession, NoticesChangesOnDisk) {
    TempDir dir;
    auto s = openFixture(dir);
    EXPECT_EQ(s->checkDisk(), DiskStatus::Unchanged);
    // Touched without a change: still unchanged (the hash decides).
    std::filesystem::last_write_time(
        s->path(), std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
    EXPECT_EQ(s->checkDisk(), DiskStatus::Unchanged);

    ASSERT_TRUE(s->setLineText("greet", 0, Lang::En, "Mine"));
    std::string theirs = kFixture;
    theirs.replace(theirs.find("Excuse me!"), 10, "Theirs!");
    dir.write("fixture.yaml", theirs);
    EXPECT_EQ(s->checkDisk(), DiskStatus::Changed);
    EXPECT_EQ(s->save(), SaveResult::ChangedOnDisk);
    EXPECT_EQ(readFile(s->path()), theirs);  // not overwritten

    ASSERT_TRUE(s->reloadFromDisk());
    EXPECT_EQ(s->text(), theirs);
    EXPECT_FALSE(s->dirty());
    EXPECT_EQ(s->checkDisk(), DiskStatus::Unchanged);
    EXPECT_EQ(node(*s, "greet").lines[0].text.en, "Theirs!");
    ASSERT_TRUE(s->undo());  // the reload is a step: the edits come back
    EXPECT_EQ(node(*s, "greet").lines[0].text.en, "Mine");
    EXPECT_TRUE(s->dirty());

    dir.write("fixture.yaml", kFixture);  // changed again
    EXPECT_EQ(s->save(), SaveResult::ChangedOnDisk);
    EXPECT_EQ(s->save(true), SaveResult::Saved);
    EXPECT_EQ(readFile(dir.file(".fixture.yaml.bak")), kFixture);
    std::filesystem::remove(s->path());
    EXPECT_EQ(s->checkDisk(), DiskStatus::Missing);
}

TEST(EditSession, RecoveryFileRoundTrip) {
    TempDir dir;
    const EditOptions options = testOptions(dir);
    std::string edited;
    {
        auto s = openFixture(dir);
        EXPECT_FALSE(s->recoveryDue());
        ASSERT_TRUE(s->setLineText("greet", 0, Lang::En, "Unsaved words"));
        ASSERT_TRUE(s->renameNode("middle", "centre"));
        EXPECT_TRUE(s->recoveryDue());
        ASSERT_TRUE(s->writeRecovery()) << s->lastError();
        EXPECT_FALSE(s->recoveryDue());
        edited = s->text();
        // The session "crashes" here: destroyed without saving.
    }
    const std::string path = dir.file("fixture.yaml");
    const std::optional<RecoveryInfo> info = EditSession::recoverable(path, options);
    ASSERT_TRUE(info);
    EXPECT_FALSE(info->baseChanged);
    EXPECT_GT(info->savedAtMs, 0);
    EXPECT_EQ(readFile(path), kFixture);  // looking never changes the file

    std::string error;
    auto again = EditSession::open(path, error, options);
    ASSERT_TRUE(again) << error;
    ASSERT_TRUE(again->recover());
    EXPECT_EQ(again->text(), edited);
    EXPECT_TRUE(again->dirty());
    EXPECT_NE(again->scenario()->findNode("centre"), nullptr);
    ASSERT_TRUE(again->undo());  // back to the file as saved
    EXPECT_EQ(again->text(), kFixture);
    ASSERT_TRUE(again->redo());
    ASSERT_EQ(again->save(), SaveResult::Saved);
    EXPECT_FALSE(EditSession::recoverable(path, options));
    EXPECT_FALSE(std::filesystem::exists(EditSession::recoveryPathFor(path, options)));

    // A recovery file whose base changed on disk says so; discarding removes it.
    ASSERT_TRUE(again->setLineText("greet", 0, Lang::En, "More"));
    ASSERT_TRUE(again->writeRecovery());
    dir.write("fixture.yaml", kFixture);
    const auto changed = EditSession::recoverable(path, options);
    ASSERT_TRUE(changed);
    EXPECT_TRUE(changed->baseChanged);
    again->discardRecovery();
    EXPECT_FALSE(EditSession::recoverable(path, options));
}

TEST(EditSession, UndoHistoryIsBounded) {
    TempDir dir;
    EditOptions options = testOptions(dir);
    options.undoLimitEntries = 3;
    std::string error;
    auto s = EditSession::open(dir.write("fixture.yaml", kFixture), error, options);
    ASSERT_TRUE(s);
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(s->setLineText("greet", 0, Lang::En, "Take " + std::to_string(i)));
        s->breakUndoGroup();
    }
    EXPECT_EQ(s->undoSteps(), 3u);
    // A step stores only the changed bytes, not the file.
    EXPECT_LT(s->historyBytes(), 100u);
    while (s->undo()) {
    }
    EXPECT_EQ(node(*s, "greet").lines[0].text.en, "Take 1");
}

// ---- every shipped scenario ------------------------------------------------------------------

class EditShipped : public ::testing::TestWithParam<std::string> {};

TEST_P(EditShipped, EditOneEnglishLineSaveReload) {
    TempDir dir;
    const std::string original = readFile(GetParam());
    const std::string path = dir.write("scene.yaml", original);
    std::string error;
    auto s = EditSession::open(path, error, testOptions(dir));
    ASSERT_TRUE(s) << error;
    ASSERT_TRUE(s->loadsCleanly()) << allErrors(*s);
    const Scenario before = *s->scenario();
    const Node& last = before.nodes.back();
    ASSERT_TRUE(
        s->setLineText(last.id, 0, Lang::En, "An edited line, with \"quotes\": and a colon."));
    ASSERT_EQ(s->save(), SaveResult::Saved) << s->lastError();
    const std::string saved = readFile(path);
    EXPECT_EQ(changedLines(original, saved), 1);
    EXPECT_EQ(readFile(dir.file(".scene.yaml.bak")), original);
    const ScenarioLoad reloaded = loadScenarioFile(path, shippedCatalogue());
    ASSERT_TRUE(reloaded.ok());
    Scenario expected = before;
    expected.nodes.back().lines[0].text.en = "An edited line, with \"quotes\": and a colon.";
    EXPECT_EQ(modelText(*reloaded.scenario), modelText(expected));
}

TEST_P(EditShipped, AddAChoiceInsertsOnlyItsLines) {
    TempDir dir;
    const std::string original = readFile(GetParam());
    std::string error;
    auto s = EditSession::open(dir.write("scene.yaml", original), error, testOptions(dir));
    ASSERT_TRUE(s) << error;
    const Scenario before = *s->scenario();
    const Node* target = nullptr;
    for (const Node& n : before.nodes)
        if (!n.choices.empty() && n.choices.size() < 9) {
            target = &n;
            break;
        }
    ASSERT_NE(target, nullptr);
    NewChoice c;
    c.id = "editor-added";
    c.text = {"새 선택지", "A new choice"};
    c.feedback = {"새 피드백", "New feedback"};
    c.next = target->choices[0].next;
    ASSERT_TRUE(s->addChoice(target->id, 1, c));
    ASSERT_TRUE(s->loadsCleanly()) << allErrors(*s);
    const Region r = changedRegion(original, s->text());
    EXPECT_TRUE(r.removed.empty());  // comments and blank lines all kept
    ASSERT_EQ(r.added.size(), 4u);
    EXPECT_NE(r.added[0].find("- id: editor-added"), std::string::npos);
    ASSERT_EQ(s->save(), SaveResult::Saved) << s->lastError();
    const ScenarioLoad reloaded = loadScenarioFile(s->path(), shippedCatalogue());
    ASSERT_TRUE(reloaded.ok());
    const Node* after = reloaded.scenario->findNode(target->id);
    ASSERT_NE(after, nullptr);
    ASSERT_EQ(after->choices.size(), target->choices.size() + 1);
    EXPECT_EQ(after->choices[1].id, "editor-added");
    EXPECT_EQ(after->choices[1].text.en, "A new choice");
    // Undo of both edits gives back the shipped bytes.
    ASSERT_TRUE(s->undo());
    EXPECT_EQ(s->text(), original);
}

TEST_P(EditShipped, RenameAndDeleteUndoToTheOriginalBytes) {
    TempDir dir;
    const std::string original = readFile(GetParam());
    std::string error;
    auto s = EditSession::open(dir.write("scene.yaml", original), error, testOptions(dir));
    ASSERT_TRUE(s) << error;
    const Scenario& sc = *s->scenario();
    const std::string victim = sc.nodes[sc.startIndex].choices.at(0).next;
    ASSERT_TRUE(s->renameNode(sc.start, "editor-start"));
    EXPECT_TRUE(s->loadsCleanly()) << allErrors(*s);
    const DeletePreview p = s->previewDelete(victim);
    ASSERT_TRUE(p.exists);
    EXPECT_FALSE(p.dangling.empty());
    ASSERT_TRUE(s->deleteNode(victim));
    EXPECT_EQ(s->scenario()->findNode(victim), nullptr);
    ASSERT_TRUE(s->undo());
    ASSERT_TRUE(s->undo());
    EXPECT_EQ(s->text(), original);
    EXPECT_TRUE(s->loadsCleanly());
}

INSTANTIATE_TEST_SUITE_P(All, EditShipped, ::testing::ValuesIn(shippedScenarios()),
                         [](const auto& info) {
                             std::string name = std::filesystem::path(info.param).stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });
