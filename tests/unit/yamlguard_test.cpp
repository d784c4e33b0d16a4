// The guarded YAML reader: the tree, positions, and each hazard of yaml-cpp 0.7 it guards against.
#include <gtest/gtest.h>

#include <algorithm>

#include <string>

#include "../../game/core/src/YamlGuard.h"

using namespace counterplay::core;

namespace {

struct Parsed {
    bool ok = false;
    YamlTree tree;
    std::string text;  // owns the bytes the tree points into
    std::string diagnostics;
};

Parsed parse(std::string text) {
    Parsed p;
    p.text = std::move(text);
    DiagSink sink("g.yaml");
    p.ok = parseYaml(p.text, sink, p.tree);
    for (const Diagnostic& d : sink.finish()) p.diagnostics += d.format() + "\n";
    return p;
}

}  // namespace

TEST(YamlGuard, BuildsTreeWithPositions) {
    const Parsed p = parse("a: 1\nb: [x, \"y\"]\nc:\n  d: 'z'\n  e:\n");
    ASSERT_TRUE(p.ok) << p.diagnostics;
    EXPECT_EQ(p.diagnostics, "");
    const YamlTree& t = p.tree;
    const YNode& root = t[t.root];
    ASSERT_EQ(root.kind, YNode::Kind::Map);
    EXPECT_EQ(root.count, 6u);
    const std::uint32_t keyA = root.first;
    EXPECT_EQ(t.str(keyA), "a");
    const std::uint32_t valA = t[keyA].next;
    EXPECT_EQ(t.str(valA), "1");
    EXPECT_EQ(t[valA].style, YNode::Style::Plain);
    const std::uint32_t valB = t[t[valA].next].next;
    ASSERT_EQ(t[valB].kind, YNode::Kind::Sequence);
    EXPECT_EQ(t[valB].style, YNode::Style::Flow);
    const std::uint32_t y = t[t[valB].first].next;
    EXPECT_EQ(t.str(y), "y");
    EXPECT_EQ(t[y].style, YNode::Style::DoubleQuoted);
    EXPECT_EQ(t.pos(y).line, 2);
    EXPECT_EQ(t.pos(y).column, 8);
    const std::uint32_t valC = t[t[valB].next].next;
    const std::uint32_t keyE = t[t[t[valC].first].next].next;
    const std::uint32_t valE = t[keyE].next;
    EXPECT_EQ(t[valE].kind, YNode::Kind::Null);
    EXPECT_EQ(t.pos(valE).line, 5);  // an empty value is placed at its key, not the next token
}

TEST(YamlGuard, ColumnsCountCodePoints) {
    const Parsed p = parse("k: {ko: \"\xED\x95\x9C\xEA\xB5\xAD\", en: x}\n");
    ASSERT_TRUE(p.ok);
    const YamlTree& t = p.tree;
    const std::uint32_t text = t[t[t.root].first].next;
    const std::uint32_t en = t[t[t[text].first].next].next;
    EXPECT_EQ(t.pos(en).column, 15);  // bytes would say 19
}

TEST(YamlGuard, SyntaxErrorIsRewritten) {
    const Parsed p = parse("a: b: c\n");
    EXPECT_FALSE(p.ok);
    EXPECT_EQ(p.diagnostics,
              "g.yaml:1:5: error: unexpected ':' here: check the indentation, and put text that "
              "contains ': ' in quotes\n");
}

TEST(YamlGuard, RewritesNeverShowRawYamlCppText) {
    for (const char* raw : {"illegal map value", "end of map not found", "unknown token",
                            "end of sequence flow not found", "illegal EOF in scalar",
                            "unknown escape character: q", "something new"}) {
        const std::string out = rewriteYamlError(raw, "x", 0);
        EXPECT_EQ(out.find(raw), std::string::npos) << raw;
        EXPECT_FALSE(out.empty());
    }
}

TEST(YamlGuard, TabIndentation) {
    const Parsed p = parse("a:\n\tb: 1\n");
    EXPECT_FALSE(p.ok);
    EXPECT_EQ(p.diagnostics, "g.yaml:2:1: error: tabs cannot be used for indentation; use spaces\n");
}

TEST(YamlGuard, DuplicateKeysAtAnyDepth) {
    const Parsed p = parse("a: 1\nb: {x: 1, y: 2, x: 3}\na: 2\nc: 1\nd: 1\n");
    EXPECT_TRUE(p.ok);
    EXPECT_EQ(p.diagnostics,
              "g.yaml:2:17: error: b.x: duplicate key 'x' (first given on line 2)\n"
              "g.yaml:3:1: error: a: duplicate key 'a' (first given on line 1)\n");
}

TEST(YamlGuard, DuplicateKeysInALargeMap) {
    std::string text;
    for (int i = 0; i < 500; ++i) text += "k" + std::to_string(i) + ": 1\n";
    text += "k250: 2\n";
    const Parsed p = parse(text);
    EXPECT_EQ(p.diagnostics, "g.yaml:501:1: error: k250: duplicate key 'k250' (first given on line 251)\n");
}

TEST(YamlGuard, AnchorsAndAliasesAreRefused) {
    const Parsed p = parse("a: &x 1\nb: *x\n");
    EXPECT_TRUE(p.ok);
    EXPECT_EQ(p.diagnostics,
              "g.yaml:1:4: error: a: anchors are not allowed in scenario files (found '&x'): write "
              "each value out in full\n"
              "g.yaml:2:4: error: b: aliases are not allowed in scenario files (found '*x'): write "
              "the value out in full\n");
    const YamlTree& t = p.tree;
    const std::uint32_t alias = t[t[t[t[t.root].first].next].next].next;
    EXPECT_EQ(t[alias].kind, YNode::Kind::Invalid);  // a placeholder, never the anchored value
}

TEST(YamlGuard, CyclicAliasDoesNotRecurse) {
    const Parsed p = parse("a: &a [*a, [*a]]\n");
    EXPECT_TRUE(p.ok);
    EXPECT_NE(p.diagnostics.find("aliases are not allowed"), std::string::npos);
}

TEST(YamlGuard, DepthLimit) {
    std::string ok = "a: " + std::string(63, '[') + std::string(63, ']') + "\n";
    EXPECT_TRUE(parse(ok).ok);
    const Parsed deep = parse("a: " + std::string(64, '[') + std::string(64, ']') + "\n");
    EXPECT_FALSE(deep.ok);
    EXPECT_NE(deep.diagnostics.find("nesting is deeper than 64 levels"), std::string::npos);
    // Far deeper than yaml-cpp's own recursion limit: stopped at 64 all the same.
    EXPECT_FALSE(parse(std::string(200000, '[')).ok);
}

TEST(YamlGuard, ScalarLimit) {
    EXPECT_EQ(parse("a: " + std::string(kMaxScalarBytes, 'x') + "\n").diagnostics, "");
    EXPECT_EQ(parse("a: " + std::string(kMaxScalarBytes + 1, 'x') + "\n").diagnostics,
              "g.yaml:1:4: error: a: this value is 16385 bytes long; the limit is 16384\n");
}

TEST(YamlGuard, InvalidUtf8WithPosition) {
    const Parsed p = parse("a: ok\nb: \"x\xC3(\"\nc: \xF0\x9F\x98\x80\n");
    EXPECT_EQ(p.diagnostics,
              "g.yaml:2:6: error: invalid UTF-8 byte 0xC3; save the file as UTF-8\n");
    EXPECT_EQ(parse("a: \xED\xA0\x80\n").diagnostics,  // an encoded surrogate
              "g.yaml:1:4: error: invalid UTF-8 byte 0xED; save the file as UTF-8\n");
    EXPECT_EQ(parse("a: \xC0\xAF\n").diagnostics,  // overlong
              "g.yaml:1:4: error: invalid UTF-8 byte 0xC0; save the file as UTF-8\n");
}

TEST(YamlGuard, Cp949FileGivesOneErrorWithTheConversion) {
    // "title: 한국어" saved in CP949: one error naming iconv, not one per byte.
    const Parsed p = parse("title: \xC7\xD1\xB1\xB9\xBE\xEE\nsummary: \xBF\xE4\xBE\xE0\n");
    EXPECT_EQ(p.diagnostics,
              "g.yaml:1:8: error: the file is not UTF-8 (it looks like CP949); convert it with "
              "`iconv -f cp949 -t utf-8 g.yaml > g.yaml.new && mv g.yaml.new g.yaml`\n");
}

TEST(YamlGuard, ManyInvalidBytesEndWithTooManyErrors) {
    std::string text = "a: ok\n# ";
    for (int i = 0; i < 150; ++i) text += "\xFF ";
    const Parsed p = parse(text + "\n");
    EXPECT_EQ(std::count(p.diagnostics.begin(), p.diagnostics.end(), '\n'), 101);
    EXPECT_TRUE(p.diagnostics.ends_with(
        "g.yaml:0:0: error: too many errors: only the first 100 are shown\n"))
        << p.diagnostics.substr(p.diagnostics.size() - 200);
}

TEST(YamlGuard, ControlAndBidiCharacters) {
    EXPECT_EQ(parse("a: \"x\x01\"\n").diagnostics,
              "g.yaml:1:6: error: control character U+0001 is not allowed (only tab and newline)\n");
    EXPECT_EQ(parse("a: \"\xC2\x85\"\n").diagnostics,
              "g.yaml:1:5: error: control character U+0085 is not allowed (only tab and newline)\n");
    EXPECT_EQ(parse("# comment \xE2\x81\xA6\na: 1\n").diagnostics,
              "g.yaml:1:11: error: bidirectional control character U+2066 is not allowed: it can "
              "make text display differently from what it says\n");
    EXPECT_EQ(parse("a: \"x\\u202Ey\"\n").diagnostics,
              "g.yaml:1:4: error: a: bidirectional control character U+202E is not allowed: it can "
              "make text display differently from what it says (written as an escape sequence)\n");
    EXPECT_EQ(parse("a: \"tab\\there\"\nb: \"x\\ny\"\n").diagnostics, "");
    EXPECT_EQ(parse("a: 1\r\nb: 2\r\n").diagnostics, "");
}

TEST(YamlGuard, UnterminatedQuoteAtEndOfFile) {
    EXPECT_EQ(parse("a: 1\nb: \"abc\n").diagnostics,
              "g.yaml:2:4: error: this quoted text is never closed: the closing \" is missing "
              "before the end of the file\n");
    EXPECT_EQ(parse("a: \"x\\\"\"\n").diagnostics, "");         // escaped quote, then closed
    EXPECT_EQ(parse("a: 'it''s'\n").diagnostics, "");           // doubled single quote
    EXPECT_FALSE(parse("a: 1\nb: 'abc").ok);                    // yaml-cpp reports this one
}

TEST(YamlGuard, EmptyAndCommentOnly) {
    EXPECT_EQ(parse("").diagnostics, "g.yaml:1:1: error: the file is empty\n");
    EXPECT_EQ(parse(" \n\n").diagnostics, "g.yaml:1:1: error: the file is empty\n");
    EXPECT_EQ(parse("# x\n").diagnostics,
              "g.yaml:1:1: error: the file has no content (only comments or blank lines)\n");
}

TEST(YamlGuard, SecondDocumentIsRefused) {
    const Parsed p = parse("a: 1\n---\nb: 2\n");
    EXPECT_TRUE(p.ok);  // the first document is still checked
    EXPECT_NE(p.diagnostics.find("g.yaml:2:1: error: a scenario file holds one YAML document"),
              std::string::npos)
        << p.diagnostics;
}

TEST(YamlGuard, TagsAreRefused) {
    EXPECT_EQ(parse("a: !!str 1\n").diagnostics,
              "g.yaml:1:4: error: a: YAML tags (like '!!str' or '!name') are not allowed in "
              "scenario files\n");
}

TEST(YamlGuard, BillionLaughsStaysSmall) {
    std::string text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        text += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i) text += std::string(i ? "," : "") + "*" + char(c - 1);
        text += "]\n";
    }
    const Parsed p = parse(text);
    EXPECT_LT(p.tree.nodes.size(), 200u);  // 9^10 if the aliases were expanded
}
