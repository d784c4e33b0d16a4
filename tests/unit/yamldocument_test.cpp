// YamlDocument: minimal edits keep every other byte; each edit reloads with the real loader to
// the expected model. Golden byte diffs on small texts, structural checks on every shipped
// scenario (their texts are being rewritten, so nothing here depends on content).
#include "counterplay/core/YamlDocument.h"

#include "EditTestUtil.h"
#include "counterplay/core/YamlFormat.h"

using namespace counterplay::core;
using namespace edittest;

namespace {

YamlDocument parsed(const std::string& bytes) {
    YamlDocument doc;
    std::string error;
    EXPECT_TRUE(YamlDocument::parse(bytes, doc, error)) << error;
    return doc;
}

std::string edited(const EditResult& r) {
    EXPECT_TRUE(r.ok) << r.error;
    return r.bytes;
}

const std::string kSmall =
    "# top comment\n"
    "title: {ko: \"제목\", en: \"A title\"}   # keep me\n"
    "list:\n"
    "  # about a\n"
    "  - a: 1\n"
    "    b: 'two'\n"
    "\n"
    "  - a: 3\n"
    "    b: plain words\n"
    "tags: [x, y]\n";

}  // namespace

TEST(YamlDocument, SetInsideFlowMapChangesOnlyThoseCharacters) {
    const YamlDocument doc = parsed(kSmall);
    EXPECT_EQ(edited(doc.setScalar("title.en", "New \"title\"")),
              "# top comment\n"
              "title: {ko: \"제목\", en: \"New \\\"title\\\"\"}   # keep me\n"
              "list:\n  # about a\n  - a: 1\n    b: 'two'\n\n  - a: 3\n    b: plain words\n"
              "tags: [x, y]\n");
}

TEST(YamlDocument, SetKeepsStyleWhenItCan) {
    const YamlDocument doc = parsed(kSmall);
    EXPECT_EQ(changedRegion(kSmall, edited(doc.setScalar("list[0].b", "it's"))).added,
              std::vector<std::string>{"    b: 'it''s'"});
    EXPECT_EQ(changedRegion(kSmall, edited(doc.setScalar("list[1].b", "other words"))).added,
              std::vector<std::string>{"    b: other words"});
    // A plain value that now needs quotes gets double quotes.
    EXPECT_EQ(changedRegion(kSmall, edited(doc.setScalar("list[1].b", "a: b"))).added,
              std::vector<std::string>{"    b: \"a: b\""});
    // Multi-line text becomes an escaped double-quoted line.
    EXPECT_EQ(changedRegion(kSmall, edited(doc.setScalar("list[1].b", "one\ntwo"))).added,
              std::vector<std::string>{"    b: \"one\\ntwo\""});
    EXPECT_EQ(changedRegion(kSmall, edited(doc.setScalar("tags[1]", "z"))).added,
              std::vector<std::string>{"tags: [x, z]"});
}

TEST(YamlDocument, PathsAndErrors) {
    const YamlDocument doc = parsed(kSmall);
    EXPECT_GE(doc.find("list[1].a"), 0);
    EXPECT_EQ(doc.find("list[2]"), -1);
    EXPECT_FALSE(doc.setScalar("nope", "x").ok);
    EXPECT_FALSE(doc.setScalar("list", "x").ok);
    YamlDocument bad;
    std::string error;
    EXPECT_FALSE(YamlDocument::parse("a: [1, 2\n", bad, error));
    EXPECT_FALSE(error.empty());
}

TEST(YamlDocument, RemoveTakesItsCommentAndOneBlankLine) {
    const YamlDocument doc = parsed(kSmall);
    EXPECT_EQ(edited(doc.remove("list[0]")),
              "# top comment\n"
              "title: {ko: \"제목\", en: \"A title\"}   # keep me\n"
              "list:\n"
              "  - a: 3\n"
              "    b: plain words\n"
              "tags: [x, y]\n");
    EXPECT_EQ(changedRegion(kSmall, edited(doc.remove("tags[0]"))).added,
              std::vector<std::string>{"tags: [y]"});
    EXPECT_EQ(changedRegion(kSmall, edited(doc.remove("title.ko"))).added,
              std::vector<std::string>{"title: {en: \"A title\"}   # keep me"});
}

TEST(YamlDocument, MoveSwapsLineBlocksAndKeepsBlankLines) {
    const YamlDocument doc = parsed(kSmall);
    EXPECT_EQ(edited(doc.move("list", 0, 1)),
              "# top comment\n"
              "title: {ko: \"제목\", en: \"A title\"}   # keep me\n"
              "list:\n"
              "  - a: 3\n"
              "    b: plain words\n"
              "\n"
              "  # about a\n"
              "  - a: 1\n"
              "    b: 'two'\n"
              "tags: [x, y]\n");
    EXPECT_EQ(changedRegion(kSmall, edited(doc.move("tags", 1, 0))).added,
              std::vector<std::string>{"tags: [y, x]"});
}

TEST(YamlDocument, InsertItemAndEntries) {
    const YamlDocument doc = parsed(kSmall);
    const Region r = changedRegion(kSmall, edited(doc.insertItem("list", 1, "a: 2\nb: new\n")));
    EXPECT_TRUE(r.removed.empty());
    EXPECT_EQ(r.added, (std::vector<std::string>{"  - a: 2", "    b: new"}));
    EXPECT_EQ(
        changedRegion(kSmall, edited(doc.insertScalarEntry("list[1]", "c", "more text"))).added,
        std::vector<std::string>{"    c: \"more text\""});
    EXPECT_EQ(
        changedRegion(kSmall, edited(doc.insertScalarEntry("title", "zz", "x"))).added,
        std::vector<std::string>{"title: {ko: \"제목\", en: \"A title\", zz: x}   # keep me"});
    EXPECT_EQ(
        changedRegion(kSmall, edited(doc.insertScalarEntry("title", "aa", "y", "ko"))).added,
        std::vector<std::string>{"title: {aa: y, ko: \"제목\", en: \"A title\"}   # keep me"});
}

TEST(YamlDocument, InPlaceSetEqualsParsingAgain) {
    YamlDocument doc = parsed(kSmall);
    std::string error;
    for (const auto& [path, value] :
         std::vector<std::pair<std::string, std::string>>{{"title.ko", "더 긴 제목입니다"},
                                                          {"list[0].b", "x"},
                                                          {"list[1].b", "a: b"},
                                                          {"tags[0]", "longer-tag"}}) {
        const std::string expected = edited(doc.setScalar(path, value));
        ASSERT_TRUE(doc.setScalarInPlace(path, value, error)) << error;
        EXPECT_EQ(doc.bytes(), expected);
        const YamlDocument fresh = parsed(expected);
        ASSERT_EQ(fresh.nodes().size(), doc.nodes().size());
        for (std::size_t i = 0; i < fresh.nodes().size(); ++i) {
            const DocNode& a = fresh.nodes()[i];
            const DocNode& b = doc.nodes()[i];
            EXPECT_EQ(
                std::tie(a.begin, a.end, a.keyBegin, a.keyEnd, a.lineBegin, a.lineEnd, a.value),
                std::tie(b.begin, b.end, b.keyBegin, b.keyEnd, b.lineBegin, b.lineEnd, b.value))
                << path << " node " << i << " " << a.path;
            EXPECT_EQ(a.style, b.style) << a.path;
        }
    }
}

// ---- every shipped scenario ------------------------------------------------------------------

namespace {

struct Shipped {
    std::string path;
    std::string bytes;
    YamlDocument doc;
    ScenarioLoad load;
};

Shipped open(const std::string& path) {
    Shipped s;
    s.path = path;
    s.bytes = readFile(path);
    s.doc = parsed(s.bytes);
    s.load = loadScenarioText(s.bytes, path, shippedCatalogue());
    return s;
}

ScenarioLoad reload(const std::string& bytes, const std::string& path) {
    return loadScenarioText(bytes, path, shippedCatalogue());
}

/// Default choice ids are "<node>.<index>": recompute them after choices moved.
void renumberDefaultIds(const YamlDocument& doc, Node& node, const std::vector<bool>& explicitIds) {
    (void)doc;
    for (std::size_t i = 0; i < node.choices.size(); ++i)
        if (!explicitIds[i]) node.choices[i].id = node.id + "." + std::to_string(i);
}

std::vector<bool> explicitIds(const YamlDocument& doc, const std::string& nodeId) {
    std::vector<bool> out;
    const int choices = doc.find("nodes." + nodeId + ".choices");
    if (choices < 0) return out;
    for (int c : doc.nodes()[choices].children) out.push_back(doc.child(c, "id") >= 0);
    return out;
}

/// A node with at least `n` choices, or nullptr.
const Node* nodeWithChoices(const Scenario& s, std::size_t n) {
    for (const Node& node : s.nodes)
        if (node.choices.size() >= n && node.choices.size() < 9) return &node;
    return nullptr;
}

}  // namespace

class ShippedScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedScenario, ChangeOneEnglishLine) {
    Shipped s = open(GetParam());
    ASSERT_TRUE(s.load.scenario);
    const Node& first = s.load.scenario->nodes.front();
    const std::string path = "nodes." + first.id + ".lines[0].text.en";
    const std::string after = edited(s.doc.setScalar(path, "An edited line, \"quoted\"."));
    EXPECT_EQ(changedLines(s.bytes, after), 1);
    const ScenarioLoad l = reload(after, s.path);
    ASSERT_TRUE(l.scenario);
    EXPECT_EQ(errorCount(l), errorCount(s.load));
    Scenario expected = *s.load.scenario;
    expected.nodes.front().lines[0].text.en = "An edited line, \"quoted\".";
    EXPECT_EQ(modelText(*l.scenario), modelText(expected));
}

TEST_P(ShippedScenario, AddAChoiceInsertsOnlyItsLines) {
    Shipped s = open(GetParam());
    ASSERT_TRUE(s.load.scenario);
    const Node* node = nodeWithChoices(*s.load.scenario, 1);
    ASSERT_NE(node, nullptr);
    const Text text{"새 선택지", "A new choice"};
    const Text feedback{"새 피드백", "New feedback"};
    const std::string body = choiceBody("added-choice", text, feedback, node->choices[0].next);
    const std::string after = edited(s.doc.insertItem("nodes." + node->id + ".choices", 1, body));
    const Region r = changedRegion(s.bytes, after);
    EXPECT_TRUE(r.removed.empty());
    EXPECT_EQ(r.added.size(), 4u);
    const ScenarioLoad l = reload(after, s.path);
    ASSERT_TRUE(l.scenario);
    EXPECT_EQ(errorCount(l), errorCount(s.load));
    Scenario expected = *s.load.scenario;
    Node& en = expected.nodes[static_cast<std::size_t>(node - s.load.scenario->nodes.data())];
    Choice c;
    c.id = "added-choice";
    c.text = text;
    c.feedback = feedback;
    c.next = node->choices[0].next;
    en.choices.insert(en.choices.begin() + 1, c);
    std::vector<bool> ids = explicitIds(s.doc, node->id);
    ids.insert(ids.begin() + 1, true);
    renumberDefaultIds(s.doc, en, ids);
    EXPECT_EQ(modelText(*l.scenario), modelText(expected));
}

TEST_P(ShippedScenario, DeleteAChoiceRemovesOnlyItsLines) {
    Shipped s = open(GetParam());
    ASSERT_TRUE(s.load.scenario);
    // A choice without tags (a critical action may need a tagged one), in a node with two or more.
    const Node* node = nullptr;
    std::size_t index = 0;
    for (const Node& n : s.load.scenario->nodes) {
        for (std::size_t i = 0; i < n.choices.size() && !node; ++i)
            if (n.choices.size() >= 2 && n.choices[i].tags.empty()) {
                node = &n;
                index = i;
            }
    }
    ASSERT_NE(node, nullptr);
    const std::string after =
        edited(s.doc.remove("nodes." + node->id + ".choices[" + std::to_string(index) + "]"));
    const Region r = changedRegion(s.bytes, after);
    EXPECT_TRUE(r.added.empty());
    EXPECT_FALSE(r.removed.empty());
    const ScenarioLoad l = reload(after, s.path);
    ASSERT_TRUE(l.scenario);
    EXPECT_EQ(errorCount(l), errorCount(s.load));
    Scenario expected = *s.load.scenario;
    Node& en = expected.nodes[static_cast<std::size_t>(node - s.load.scenario->nodes.data())];
    en.choices.erase(en.choices.begin() + static_cast<long>(index));
    std::vector<bool> ids = explicitIds(s.doc, node->id);
    ids.erase(ids.begin() + static_cast<long>(index));
    renumberDefaultIds(s.doc, en, ids);
    EXPECT_EQ(modelText(*l.scenario), modelText(expected));
}

TEST_P(ShippedScenario, ReorderTwoChoicesMovesWholeBlocks) {
    Shipped s = open(GetParam());
    ASSERT_TRUE(s.load.scenario);
    const Node* node = nodeWithChoices(*s.load.scenario, 2);
    ASSERT_NE(node, nullptr);
    const std::string after = edited(s.doc.move("nodes." + node->id + ".choices", 0, 1));
    Region r = changedRegion(s.bytes, after);
    EXPECT_EQ(r.added.size(), r.removed.size());
    std::sort(r.added.begin(), r.added.end());
    std::sort(r.removed.begin(), r.removed.end());
    EXPECT_EQ(r.added, r.removed);
    const ScenarioLoad l = reload(after, s.path);
    ASSERT_TRUE(l.scenario);
    EXPECT_EQ(errorCount(l), errorCount(s.load));
    Scenario expected = *s.load.scenario;
    Node& en = expected.nodes[static_cast<std::size_t>(node - s.load.scenario->nodes.data())];
    std::swap(en.choices[0], en.choices[1]);
    std::vector<bool> ids = explicitIds(s.doc, node->id);
    {
        const bool t = ids[0];
        ids[0] = ids[1];
        ids[1] = t;
    }
    renumberDefaultIds(s.doc, en, ids);
    EXPECT_EQ(modelText(*l.scenario), modelText(expected));
}

TEST_P(ShippedScenario, RenameANodeChangesTheKeyAndEveryReference) {
    Shipped s = open(GetParam());
    ASSERT_TRUE(s.load.scenario);
    const Scenario& sc = *s.load.scenario;
    // The target of the start node's first choice: referenced at least once.
    const std::string from = sc.nodes[sc.startIndex].choices.empty()
                                 ? sc.start
                                 : sc.nodes[sc.startIndex].choices[0].next;
    int references = from == sc.start ? 1 : 0;
    for (const Node& n : sc.nodes) {
        for (const Choice& c : n.choices) references += c.next == from;
        if (n.timeLimit) references += n.timeLimit->next == from;
    }
    const std::string to = "renamed-node";
    const std::string after = edited(s.doc.renameNode(from, to));
    EXPECT_EQ(changedLines(s.bytes, after), 1 + references);
    const ScenarioLoad l = reload(after, s.path);
    ASSERT_TRUE(l.scenario);
    EXPECT_EQ(errorCount(l), errorCount(s.load));
    Scenario expected = sc;
    if (expected.start == from) expected.start = to;
    for (Node& n : expected.nodes) {
        if (n.id == from) {
            n.id = to;
            if (n.ending && n.ending->id == from && s.doc.find("nodes." + from + ".ending.id") < 0)
                n.ending->id = to;
            for (std::size_t i = 0; i < n.choices.size(); ++i)
                if (n.choices[i].id == from + "." + std::to_string(i))
                    n.choices[i].id = to + "." + std::to_string(i);
        }
        for (Choice& c : n.choices)
            if (c.next == from) c.next = to;
        if (n.timeLimit && n.timeLimit->next == from) n.timeLimit->next = to;
    }
    EXPECT_EQ(modelText(*l.scenario), modelText(expected));
}

TEST_P(ShippedScenario, DuplicateAndDeleteANode) {
    Shipped s = open(GetParam());
    ASSERT_TRUE(s.load.scenario);
    const Node& last = s.load.scenario->nodes.back();
    const std::string copied = edited(s.doc.duplicateNode(last.id, "copied-node"));
    const Region r = changedRegion(s.bytes, copied);
    EXPECT_TRUE(r.removed.empty());
    const ScenarioLoad l = reload(copied, s.path);
    ASSERT_TRUE(l.scenario);
    EXPECT_EQ(errorCount(l), errorCount(s.load));
    ASSERT_EQ(l.scenario->nodes.size(), s.load.scenario->nodes.size() + 1);
    // A new ending node: only its lines (and one blank line) are inserted.
    const std::string added = edited(s.doc.insertBlockEntry(
        "nodes", "added-node", endingNodeBody({"끝", "The end"}, "resolved", {"해결", "Sorted"}),
        true));
    const Region ra = changedRegion(s.bytes, added);
    EXPECT_TRUE(ra.removed.empty());
    EXPECT_EQ(ra.added.size(), 8u);
    const ScenarioLoad la = reload(added, s.path);
    ASSERT_TRUE(la.scenario);
    EXPECT_EQ(errorCount(la), errorCount(s.load));
    ASSERT_EQ(la.scenario->nodes.size(), s.load.scenario->nodes.size() + 1);
    EXPECT_EQ(la.scenario->nodes.back().ending->title.en, "Sorted");
    // Deleting the copy gives back the original bytes.
    const YamlDocument again = parsed(copied);
    EXPECT_EQ(edited(again.remove("nodes.copied-node")), s.bytes);
}

TEST_P(ShippedScenario, EveryTextSpanIsExact) {
    // Each ko/en text: setting it to a longer value changes that value only (the span found for
    // it covers exactly its characters, whatever its style).
    Shipped s = open(GetParam());
    for (const DocNode& n : s.doc.nodes()) {
        if (n.kind != DocNode::Kind::Scalar || (n.key != "ko" && n.key != "en")) continue;
        const std::string after = edited(s.doc.setScalar(n.path, n.value + " (more)"));
        EXPECT_EQ(changedLines(s.bytes, after), 1) << n.path;
        const YamlDocument d = parsed(after);
        const int i = d.find(n.path);
        ASSERT_GE(i, 0) << n.path;
        EXPECT_EQ(d.nodes()[i].value, n.value + " (more)") << n.path;
        EXPECT_EQ(d.nodes().size(), s.doc.nodes().size()) << n.path;
    }
}

INSTANTIATE_TEST_SUITE_P(All, ShippedScenario, ::testing::ValuesIn(shippedScenarios()),
                         [](const auto& info) {
                             std::string name = std::filesystem::path(info.param).stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });
