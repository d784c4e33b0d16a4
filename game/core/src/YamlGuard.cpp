// The guarded YAML reader (see YamlGuard.h): raw byte checks, then one pass over yaml-cpp events.
#include "YamlGuard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <istream>
#include <new>
#include <set>
#include <streambuf>

#include "Utf8.h"

namespace counterplay::core {

namespace {

// Read-only stream buffer over bytes already in memory (avoids copying the file into a
// std::istringstream). yaml-cpp only reads and puts back characters it has read.
class MemoryBuffer : public std::streambuf {
public:
    explicit MemoryBuffer(std::string_view bytes) {
        char* begin = const_cast<char*>(bytes.data());
        setg(begin, begin, begin + bytes.size());
    }
};

// Thrown inside the event handler to stop parsing (nesting too deep, a second document).
struct StopParsing {};

std::string hex2(unsigned value) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", value & 0xFFu);
    return buf;
}

std::string codePointName(std::uint32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string hazardMessage(const utf8::Finding& f) {
    switch (f.hazard) {
        case utf8::Hazard::InvalidByte:
            return "invalid UTF-8 byte " + hex2(f.value) + "; save the file as UTF-8";
        case utf8::Hazard::Control:
            return "control character " + codePointName(f.value) +
                   " is not allowed (only tab and newline)";
        case utf8::Hazard::Bidi:
            return "bidirectional control character " + codePointName(f.value) +
                   " is not allowed: it can make text display differently from what it says";
        case utf8::Hazard::None: break;
    }
    return {};
}

class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(YamlTree& tree, DiagSink& sink) : tree_(tree), sink_(sink) {}

    int documents() const { return documents_; }
    std::uint32_t lastScalar() const { return lastScalar_; }

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) {
            sink_.addRendered(Severity::Error, posOf(mark), "",
                              "a scenario file holds one YAML document: remove the '---' "
                              "line and everything after it, or move it to its own file");
            throw StopParsing{};
        }
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        const std::uint32_t i = add(YNode::Kind::Null, mark);
        // yaml-cpp marks an empty map value at the next token (often the next line): point at
        // its key instead, which is where a trainer looks.
        if (!stack_.empty() && stack_.back().isMap && stack_.back().key != i &&
            stack_.back().key != YNode::npos) {
            const YNode& key = tree_.nodes[stack_.back().key];
            YNode& n = tree_.nodes[i];
            n.line = key.line;
            n.column = key.column;
            n.pos = key.pos;
        }
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const std::uint32_t i = add(YNode::Kind::Invalid, mark);
        // One report per anchor is enough (a billion-laughs file repeats each alias many times).
        if (!reportedAliases_.insert(anchor).second) return;
        sink_.addRendered(Severity::Error, tree_.pos(i), stackPath(),
                          "aliases are not allowed in scenario files (found '" + token(mark) +
                              "'): write the value out in full");
    }

    void OnAnchor(const YAML::Mark& mark, const std::string&) override {
        sink_.addRendered(Severity::Error, posOf(mark), stackPath(),
                          "anchors are not allowed in scenario files (found '" + token(mark) +
                              "'): write each value out in full");
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string& value) override {
        const std::uint32_t i = add(YNode::Kind::Scalar, mark);
        YNode& n = tree_.nodes[i];
        n.strOffset = static_cast<std::uint32_t>(tree_.arena.size());
        n.strLength = static_cast<std::uint32_t>(value.size());
        tree_.arena += value;
        n.style = scalarStyle(n.pos);
        if (lastScalar_ == YNode::npos || n.pos >= tree_.nodes[lastScalar_].pos) lastScalar_ = i;
        checkTag(tag, mark);
        if (value.size() > kMaxScalarBytes)
            sink_.addRendered(Severity::Error, tree_.pos(i), stackPath(),
                              "this value is " + std::to_string(value.size()) +
                                  " bytes long; the limit is " + std::to_string(kMaxScalarBytes));
        if (n.style == YNode::Style::DoubleQuoted) checkEscapes(i, value);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                         YAML::EmitterStyle::value style) override {
        open(YNode::Kind::Sequence, mark, tag, style);
    }
    void OnSequenceEnd() override { stack_.pop_back(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                    YAML::EmitterStyle::value style) override {
        open(YNode::Kind::Map, mark, tag, style);
    }
    void OnMapEnd() override {
        havePath_ = false;
        checkDuplicateKeys(stack_.back().node);
        stack_.pop_back();
    }

private:
    struct Frame {
        std::uint32_t node;
        std::uint32_t last = YNode::npos;
        std::uint32_t key = YNode::npos;  // maps: the latest key
        bool isMap;
    };

    Pos posOf(const YAML::Mark& m) const {
        return m.is_null() ? Pos{} : tree_.posOf(m.line, m.column, static_cast<std::size_t>(m.pos));
    }

    // The raw token at a mark (an anchor or alias name), for messages.
    std::string token(const YAML::Mark& m) const {
        const std::string_view text = tree_.text;
        if (m.pos < 0 || static_cast<std::size_t>(m.pos) >= text.size()) return "?";
        std::size_t end = static_cast<std::size_t>(m.pos) + 1;
        while (end < text.size() && end - m.pos < 40) {
            const char c = text[end];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' ||
                c == '}')
                break;
            ++end;
        }
        return std::string(text.substr(m.pos, end - m.pos));
    }

    YNode::Style scalarStyle(std::uint32_t pos) const {
        if (pos >= tree_.text.size()) return YNode::Style::Plain;
        switch (tree_.text[pos]) {
            case '"': return YNode::Style::DoubleQuoted;
            case '\'': return YNode::Style::SingleQuoted;
            case '|':
            case '>': return YNode::Style::Block;
            default: return YNode::Style::Plain;
        }
    }

    // Escapes in a double-quoted text ("\x07", "\u202e") can produce characters the raw scan
    // could not see. Reports those, once per scalar; characters written raw were reported already.
    void checkEscapes(std::uint32_t i, const std::string& value) {
        const std::string_view text = tree_.text;
        const std::size_t start = tree_.nodes[i].pos + 1;
        std::size_t end = start;
        bool escaped = false;
        while (end < text.size() && text[end] != '"') {
            if (text[end] == '\\') {
                escaped = true;
                ++end;
            }
            ++end;
        }
        if (!escaped) return;
        const std::string_view raw = text.substr(start, std::min(end, text.size()) - start);
        for (std::size_t from = 0; from < value.size();) {
            const utf8::Finding f = utf8::scan(value, from, false);
            if (f.hazard == utf8::Hazard::None) return;
            if (raw.find(std::string_view(value).substr(f.offset, f.length)) == std::string_view::npos) {
                sink_.addRendered(Severity::Error, tree_.pos(i), stackPath(),
                                  hazardMessage(f) + " (written as an escape sequence)");
                return;
            }
            from = f.offset + f.length;
        }
    }

    void checkTag(const std::string& tag, const YAML::Mark& mark) {
        if (tag.empty() || tag == "?" || tag == "!") return;
        sink_.addRendered(Severity::Error, posOf(mark), stackPath(),
                          "YAML tags (like '!!str' or '!name') are not allowed in scenario files");
    }

    std::uint32_t add(YNode::Kind kind, const YAML::Mark& mark) {
        const auto i = static_cast<std::uint32_t>(tree_.nodes.size());
        YNode& n = tree_.nodes.emplace_back();
        n.kind = kind;
        n.line = mark.line;
        n.column = mark.column;
        n.pos = mark.pos < 0 ? 0u : static_cast<std::uint32_t>(mark.pos);
        if (stack_.empty()) {
            if (tree_.root == YNode::npos) tree_.root = i;
            return i;
        }
        Frame& f = stack_.back();
        YNode& parent = tree_.nodes[f.node];
        if (f.last == YNode::npos)
            parent.first = i;
        else
            tree_.nodes[f.last].next = i;
        f.last = i;
        if (f.isMap && (parent.count % 2) == 0) f.key = i;
        ++parent.count;
        return i;
    }

    void open(YNode::Kind kind, const YAML::Mark& mark, const std::string& tag,
              YAML::EmitterStyle::value style) {
        const std::uint32_t i = add(kind, mark);
        tree_.nodes[i].style =
            style == YAML::EmitterStyle::Flow ? YNode::Style::Flow : YNode::Style::Plain;
        checkTag(tag, mark);
        if (static_cast<int>(stack_.size()) >= kMaxDepth) {
            sink_.addRendered(Severity::Error, tree_.pos(i), stackPath(),
                              "nesting is deeper than " + std::to_string(kMaxDepth) +
                                  " levels; a scenario never needs that many");
            throw StopParsing{};
        }
        stack_.push_back(Frame{i, YNode::npos, YNode::npos, kind == YNode::Kind::Map});
    }

    // Field path of the innermost open value, e.g. "nodes.greet.choices[2]".
    std::string stackPath() const {
        std::string out;
        int segments = 0;
        for (const Frame& f : stack_) {
            if (++segments > 12) {  // a path through 64 levels helps nobody
                out += "...";
                break;
            }
            const YNode& n = tree_.nodes[f.node];
            if (f.isMap) {
                if (f.key == YNode::npos) continue;
                if (!out.empty()) out += '.';
                out += tree_.str(f.key);
            } else if (n.count > 0) {
                out += '[' + std::to_string(n.count - 1) + ']';
            }
        }
        return out;
    }

    void checkDuplicateKeys(std::uint32_t map) {
        const YNode& m = tree_.nodes[map];
        if (m.count < 4) return;
        // Small maps (almost all of them): compare pairwise, no allocation.
        if (m.count <= 32) {
            std::uint32_t keys[16];
            std::size_t n = 0;
            for (std::uint32_t k = m.first; k != YNode::npos && n < 16;) {
                keys[n++] = k;
                const std::uint32_t v = tree_.nodes[k].next;
                k = v == YNode::npos ? YNode::npos : tree_.nodes[v].next;
            }
            for (std::size_t i = 1; i < n; ++i) {
                if (tree_.nodes[keys[i]].kind != YNode::Kind::Scalar) continue;
                for (std::size_t j = 0; j < i; ++j) {
                    if (tree_.nodes[keys[j]].kind == YNode::Kind::Scalar &&
                        tree_.str(keys[j]) == tree_.str(keys[i])) {
                        reportDuplicate(keys[i], keys[j]);
                        break;
                    }
                }
            }
            return;
        }
        std::vector<std::uint32_t> keys;
        keys.reserve(m.count / 2);
        for (std::uint32_t k = m.first; k != YNode::npos;) {
            if (tree_.nodes[k].kind == YNode::Kind::Scalar) keys.push_back(k);
            const std::uint32_t v = tree_.nodes[k].next;
            k = v == YNode::npos ? YNode::npos : tree_.nodes[v].next;
        }
        // Sort by (key text, position) so each duplicate is reported against its first use, then
        // report in file order.
        std::stable_sort(keys.begin(), keys.end(), [&](std::uint32_t a, std::uint32_t b) {
            return tree_.str(a) < tree_.str(b);
        });
        std::vector<std::pair<std::uint32_t, std::uint32_t>> found;  // (duplicate, first)
        for (std::size_t i = 1, first = 0; i < keys.size(); ++i) {
            if (tree_.str(keys[i]) != tree_.str(keys[first])) {
                first = i;
                continue;
            }
            found.emplace_back(keys[i], keys[first]);
        }
        std::sort(found.begin(), found.end());
        for (const auto& [dup, first] : found) reportDuplicate(dup, first);
    }

    void reportDuplicate(std::uint32_t key, std::uint32_t first) {
        if (!havePath_) {
            mapPath_ = parentPath();
            havePath_ = true;
        }
        const std::string name(tree_.str(key));
        sink_.addRendered(Severity::Error, tree_.pos(key),
                          mapPath_.empty() ? name : mapPath_ + "." + name,
                          "duplicate key '" + name + "' (first given on line " +
                              std::to_string(tree_.nodes[first].line + 1) + ")");
    }

    // Path of the map on top of the stack (the frames below it).
    std::string parentPath() {
        const Frame top = stack_.back();
        stack_.pop_back();
        std::string out = stackPath();
        stack_.push_back(top);
        return out;
    }

    YamlTree& tree_;
    DiagSink& sink_;
    std::vector<Frame> stack_;
    int documents_ = 0;
    std::set<YAML::anchor_t> reportedAliases_;
    std::string mapPath_;  // path of the map being checked for duplicates, rendered on demand
    bool havePath_ = false;
    std::uint32_t lastScalar_ = YNode::npos;
};

// True when `text` is not UTF-8 but every non-ASCII byte pairs up as a CP949 (EUC-KR and its
// Unified Hangul Code extension) two-byte character, with at least two Hangul syllables of the
// EUC-KR range: the file was saved in the legacy Korean encoding. (One pair alone could be a
// stray invalid sequence such as the overlong "\xC0\xAF".)
bool looksLikeCp949(std::string_view text) {
    int hangul = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) continue;
        if (lead < 0x81 || lead > 0xFE || i + 1 >= text.size()) return false;
        const auto trail = static_cast<unsigned char>(text[i + 1]);
        const bool trailOk = (trail >= 0x41 && trail <= 0x5A) || (trail >= 0x61 && trail <= 0x7A) ||
                             (trail >= 0x81 && trail <= 0xFE);
        if (!trailOk) return false;
        if (lead >= 0xB0 && lead <= 0xC8 && trail >= 0xA1) ++hangul;
        ++i;
    }
    return hangul >= 2;
}

// Reports invalid UTF-8, control and bidi characters in the raw bytes (lines are counted
// incrementally, so many findings in a large file stay linear). A file in CP949 gets one error
// with the command that converts it, and false is returned: its bytes are not worth parsing.
bool scanRaw(const YamlTree& tree, DiagSink& sink) {
    const std::string_view text = tree.text;
    std::size_t from = 0;
    std::size_t counted = 0;    // newlines are counted up to here
    std::size_t lineStart = 0;
    int line = 1;
    bool first = true;
    for (;;) {
        const utf8::Finding f = utf8::scan(text, from, true);
        if (f.hazard == utf8::Hazard::None) break;
        for (; counted < f.offset; ++counted) {
            if (text[counted] == '\n') {
                ++line;
                lineStart = counted + 1;
            }
        }
        const int column =
            static_cast<int>(utf8::codePoints(text.substr(lineStart, f.offset - lineStart))) + 1;
        if (first && f.hazard == utf8::Hazard::InvalidByte && looksLikeCp949(text)) {
            // Parsed without a file name (the minimal-edit writer), the command names FILE.
            const std::string file = sink.file().empty() ? std::string("FILE") : sink.file();
            sink.addRendered(Severity::Error, Pos{line, column}, "",
                             "the file is not UTF-8 (it looks like CP949); convert it with `iconv "
                             "-f cp949 -t utf-8 " + file + " > " + file + ".new && mv " + file +
                                 ".new " + file + "`" +
                                 (sink.file().empty() ? " (FILE: this file)" : ""));
            return false;
        }
        if (f.hazard == utf8::Hazard::InvalidByte) first = false;
        // Once the cap is reached, one more finding makes finish() say "too many errors".
        const bool wasFull = sink.full();
        sink.addRendered(Severity::Error, Pos{line, column}, "", hazardMessage(f));
        if (wasFull) break;
        from = f.offset + f.length;
    }
    return true;
}

// yaml-cpp accepts a quoted scalar that runs to the end of the file without its closing quote.
// Only the last scalar can be such a one; look for its closing quote in the raw text.
bool closesQuote(std::string_view text, std::size_t start) {
    const char quote = text[start];
    for (std::size_t i = start + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (quote == '"' && c == '\\') {
            ++i;
        } else if (c == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;
                continue;
            }
            return true;
        }
    }
    return false;
}

// True when the line holding `offset`, or the line before it, is indented with a tab (yaml-cpp
// sometimes reports the error on the token after the tab). Sets tabOffset to the tab's offset.
bool tabIndented(std::string_view text, std::size_t offset, std::size_t& tabOffset) {
    if (offset > text.size()) offset = text.size();
    const auto lineStart = [&](std::size_t at) -> std::size_t {
        if (at == 0) return 0;
        const std::size_t nl = text.rfind('\n', at - 1);
        return nl == std::string_view::npos ? 0 : nl + 1;
    };
    std::size_t start = lineStart(offset);
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
            if (text[i] == '\t') {
                tabOffset = i;
                return true;
            }
        }
        if (start == 0) break;
        start = lineStart(start - 1);
    }
    return false;
}

}  // namespace

Pos YamlTree::posOf(int line, int byteColumn, std::size_t offset) const {
    if (line < 0) return {};
    Pos p{line + 1, byteColumn + 1};
    if (byteColumn >= 0 && offset <= text.size() && offset >= static_cast<std::size_t>(byteColumn))
        p.column = static_cast<int>(
                       utf8::codePoints(text.substr(offset - byteColumn, byteColumn))) + 1;
    return p;
}

Pos YamlTree::posOfOffset(std::size_t offset) const {
    if (offset > text.size()) offset = text.size();
    const std::string_view before = text.substr(0, offset);
    const int line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t lineStart = before.rfind('\n');
    const std::size_t start = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    return Pos{line + 1, static_cast<int>(utf8::codePoints(before.substr(start))) + 1};
}

bool parseYaml(std::string_view bytes, DiagSink& sink, YamlTree& tree) {
    // A UTF-8 byte order mark is harmless; yaml-cpp skips it without counting it in positions,
    // so parse the text after it.
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    tree.text = bytes;
    tree.nodes.clear();
    tree.arena.clear();
    tree.root = YamlTree::npos;
    if (!scanRaw(tree, sink)) return false;

    std::size_t blank = 0;
    while (blank < bytes.size() && (bytes[blank] == ' ' || bytes[blank] == '\n' ||
                                    bytes[blank] == '\r' || bytes[blank] == '\t'))
        ++blank;
    if (blank == bytes.size()) {
        sink.addRendered(Severity::Error, Pos{1, 1}, "", "the file is empty");
        return false;
    }

    tree.nodes.reserve(bytes.size() / 12 + 16);
    tree.arena.reserve(bytes.size() / 2 + 16);
    TreeBuilder builder(tree, sink);
    MemoryBuffer buffer(bytes);
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const StopParsing&) {
        if (builder.documents() <= 1) return false;  // nesting too deep: the tree is partial
    } catch (const YAML::Exception& e) {
        std::size_t offset = e.mark.pos < 0 ? 0 : static_cast<std::size_t>(e.mark.pos);
        Pos pos = e.mark.is_null() ? Pos{} : tree.posOf(e.mark.line, e.mark.column, offset);
        std::size_t tab = 0;
        std::string message;
        if (tabIndented(bytes, offset, tab)) {
            message = "tabs cannot be used for indentation; use spaces";
            pos = tree.posOfOffset(tab);
        } else {
            message = rewriteYamlError(e.msg, bytes, offset);
        }
        sink.addRendered(Severity::Error, pos, "", message);
        return false;
    }
    const std::uint32_t last = builder.lastScalar();
    if (last != YamlTree::npos) {
        const YNode& n = tree.nodes[last];
        if ((n.style == YNode::Style::DoubleQuoted || n.style == YNode::Style::SingleQuoted) &&
            !closesQuote(bytes, n.pos)) {
            sink.addRendered(Severity::Error, tree.pos(last), "",
                             std::string("this quoted text is never closed: the closing ") +
                                 (n.style == YNode::Style::DoubleQuoted ? "\"" : "'") +
                                 " is missing before the end of the file");
            return false;
        }
    }
    if (tree.root == YamlTree::npos || tree.nodes[tree.root].kind == YNode::Kind::Null) {
        sink.addRendered(Severity::Error, Pos{1, 1}, "",
                         "the file has no content (only comments or blank lines)");
        return false;
    }
    return true;
}

}  // namespace counterplay::core
