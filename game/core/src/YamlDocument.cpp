// Minimal-edit YAML documents (see YamlDocument.h): spans computed from the guarded reader's
// start marks, edits as byte splices.
#include "counterplay/core/YamlDocument.h"

#include <algorithm>
#include <cstdio>

#include "DiagSink.h"
#include "YamlText.h"
#include "YamlGuard.h"

namespace counterplay::core {

namespace {

using namespace yamltext;  // the line helpers shared with YamlDocumentEdit.cpp

int columnOf(std::string_view s, std::size_t pos) {
    return static_cast<int>(pos - lineStartOf(s, pos));
}

/// End of a quoted scalar starting at `pos` (the quote).
std::size_t quotedEnd(std::string_view s, std::size_t pos) {
    const char q = s[pos];
    for (std::size_t i = pos + 1; i < s.size(); ++i) {
        if (q == '"' && s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == q) {
            if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return s.size();
}

/// End of a plain scalar starting at `pos`; a key stops at ':' followed by space or end.
std::size_t plainEnd(std::string_view s, std::size_t pos, bool inFlow, bool isKey) {
    std::size_t i = pos;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\n' || c == '\r') break;
        if (c == '#' && i > pos && isSpace(s[i - 1])) break;
        if (c == ':' && (i + 1 >= s.size() || isSpace(s[i + 1]) || s[i + 1] == '\n' ||
                         s[i + 1] == '\r' || (inFlow && (s[i + 1] == ',' || s[i + 1] == '}'))))
            break;
        if (inFlow && (c == ',' || c == ']' || c == '}' || c == '[' || c == '{')) break;
        ++i;
    }
    (void)isKey;
    while (i > pos && isSpace(s[i - 1])) --i;
    return i;
}

/// Folds a multi-line plain scalar's raw text the way YAML does (line breaks become spaces).
std::string foldPlain(std::string_view raw) {
    std::string out;
    bool newline = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\n') {
            while (!out.empty() && isSpace(out.back())) out.pop_back();
            newline = true;
            continue;
        }
        if (newline) {
            if (isSpace(c)) continue;
            out += ' ';
            newline = false;
        }
        out += c;
    }
    return out;
}

/// End of a block scalar (| or >) whose header is at `pos`, owned by a key or dash at `indent`.
std::size_t blockScalarEnd(std::string_view s, std::size_t pos, int indent) {
    std::size_t end = lineEndOf(s, pos);
    std::size_t contentEnd = s.find('\n', pos);
    if (contentEnd == std::string_view::npos) return s.size();
    for (std::size_t line = end; line < s.size();) {
        const std::size_t next = lineEndOf(s, line);
        const std::string_view text = s.substr(line, next - line);
        if (isBlankLine(text)) {
            line = next;
            continue;
        }
        std::size_t spaces = 0;
        while (spaces < text.size() && text[spaces] == ' ') ++spaces;
        if (static_cast<int>(spaces) <= indent) break;
        contentEnd = next > line && s[next - 1] == '\n' ? next - 1 : next;
        line = next;
    }
    return contentEnd;
}

/// Skips spaces, newlines, commas and comments forward from `pos` to the next token.
std::size_t skipFlowFiller(std::string_view s, std::size_t pos) {
    while (pos < s.size()) {
        const char c = s[pos];
        if (isSpace(c) || c == '\n' || c == '\r' || c == ',') {
            ++pos;
        } else if (c == '#') {
            pos = lineEndOf(s, pos);
        } else {
            break;
        }
    }
    return pos;
}


std::string pathKey(std::string_view key) {
    // Keys with dots (principle ids in `points`) are bracketed so paths stay unambiguous.
    if (key.find_first_of(".[]") != std::string_view::npos) return "[\"" + std::string(key) + "\"]";
    return "." + std::string(key);
}

// Builds DocNodes from the guarded tree.
class Builder {
public:
    Builder(const YamlTree& tree, std::string_view text, std::size_t base,
            std::vector<DocNode>& out)
        : tree_(tree), s_(text), base_(base), out_(out) {}

    int build(std::uint32_t node, int parent, bool inFlow, int ownerIndent) {
        const YNode& y = tree_[node];
        const int me = static_cast<int>(out_.size());
        out_.emplace_back();
        {
            DocNode& d = out_[me];
            d.parent = parent;
            d.begin = y.pos;
        }
        switch (y.kind) {
            case YNode::Kind::Scalar: {
                DocNode& d = out_[me];
                d.kind = DocNode::Kind::Scalar;
                d.value = std::string(tree_.str(node));
                d.flow = inFlow;
                switch (y.style) {
                    case YNode::Style::DoubleQuoted:
                        d.style = DocNode::Style::DoubleQuoted;
                        d.end = quotedEnd(s_, d.begin);
                        break;
                    case YNode::Style::SingleQuoted:
                        d.style = DocNode::Style::SingleQuoted;
                        d.end = quotedEnd(s_, d.begin);
                        break;
                    case YNode::Style::Block:
                        d.style = DocNode::Style::Block;
                        d.end = blockScalarEnd(s_, d.begin, ownerIndent);
                        break;
                    default: {
                        d.style = DocNode::Style::Plain;
                        d.end = plainEnd(s_, d.begin, inFlow, false);
                        // A plain scalar folded over several lines: extend line by line.
                        std::size_t end = d.end;
                        while (!inFlow && foldPlain(s_.substr(d.begin, end - d.begin)) != d.value &&
                               end < s_.size()) {
                            const std::size_t next = lineEndOf(s_, end);
                            if (next >= s_.size()) break;
                            end = plainEnd(s_, next, false, false);
                        }
                        if (foldPlain(s_.substr(d.begin, end - d.begin)) == d.value) d.end = end;
                    }
                }
                break;
            }
            case YNode::Kind::Map:
            case YNode::Kind::Sequence: {
                const bool isMap = y.kind == YNode::Kind::Map;
                const bool flow = inFlow || y.style == YNode::Style::Flow;
                out_[me].kind = isMap ? DocNode::Kind::Map : DocNode::Kind::Sequence;
                out_[me].flow = flow;
                std::size_t lastEnd = y.pos;
                if (isMap) {
                    for (std::uint32_t k = y.first; k != YNode::npos;) {
                        const std::uint32_t v = tree_[k].next;
                        if (v == YNode::npos) break;
                        const YNode& key = tree_[k];
                        const int keyIndent = columnOf(s_, key.pos);
                        const int c = build(v, me, flow, keyIndent);
                        DocNode& child = out_[c];
                        child.key = std::string(tree_.str(k));
                        child.keyBegin = key.pos;
                        child.keyEnd = key.style == YNode::Style::Plain
                                           ? plainEnd(s_, key.pos, flow, true)
                                           : quotedEnd(s_, key.pos);
                        child.indent = keyIndent;
                        if (child.kind == DocNode::Kind::Null) {
                            std::size_t colon = child.keyEnd;
                            while (colon < s_.size() && s_[colon] != ':') ++colon;
                            child.begin = child.end = std::min(colon + 1, s_.size());
                        }
                        lastEnd = std::max(lastEnd, child.end);
                        out_[me].children.push_back(c);
                        k = tree_[v].next;
                    }
                } else {
                    for (std::uint32_t c = y.first; c != YNode::npos; c = tree_[c].next) {
                        // The item's '-' (block) is the last one before its value.
                        std::size_t dash = tree_[c].pos;
                        if (!flow) {
                            if (dash > 0) --dash;
                            while (dash > 0 && s_[dash] != '-') --dash;
                        }
                        const int dashIndent = columnOf(s_, dash);
                        const int i = build(c, me, flow, dashIndent);
                        DocNode& child = out_[i];
                        child.keyBegin = flow ? child.begin : dash;
                        child.keyEnd = child.keyBegin;
                        child.indent = dashIndent;
                        if (child.kind == DocNode::Kind::Null) child.begin = child.end = dash + 1;
                        lastEnd = std::max(lastEnd, child.end);
                        out_[me].children.push_back(i);
                    }
                }
                DocNode& d = out_[me];
                if (y.style == YNode::Style::Flow) {
                    const char close = isMap ? '}' : ']';
                    std::size_t p = d.children.empty() ? d.begin + 1 : skipFlowFiller(s_, lastEnd);
                    while (p < s_.size() && s_[p] != close) p = skipFlowFiller(s_, p + 1);
                    d.end = std::min(p + 1, s_.size());
                } else {
                    d.end = lastEnd;
                }
                if (!d.flow) {
                    for (int c : d.children) blockLines(c, isMap);
                }
                break;
            }
            default:
                out_[me].kind = DocNode::Kind::Null;
                out_[me].end = out_[me].begin;
                break;
        }
        return me;
    }

    /// Shifts every offset by the BOM length.
    void rebase() {
        if (base_ == 0) return;
        for (DocNode& d : out_) {
            d.begin += base_;
            d.end += base_;
            d.keyBegin += base_;
            d.keyEnd += base_;
            d.lineBegin += base_;
            d.lineEnd += base_;
        }
    }

private:
    void blockLines(int c, bool inMap) {
        DocNode& d = out_[c];
        const std::size_t start = lineStartOf(s_, d.keyBegin);
        d.sharesLine = !onlySpacesBetween(s_, start, d.keyBegin);
        d.lineEnd = lineEndOf(s_, d.end > d.keyBegin ? d.end - 1 : d.keyBegin);
        if (d.end > 0 && d.end <= s_.size() && d.end > d.keyBegin && s_[d.end - 1] == '\n')
            d.lineEnd = d.end;
        if (d.sharesLine) {
            d.lineBegin = d.keyBegin;
            return;
        }
        std::size_t begin = start;
        while (begin > 0) {
            const std::size_t prev = lineStartOf(s_, begin - 1);
            if (!isCommentLine(s_.substr(prev, begin - prev))) break;
            begin = prev;
        }
        d.lineBegin = begin;
        (void)inMap;
    }

    const YamlTree& tree_;
    std::string_view s_;
    std::size_t base_;
    std::vector<DocNode>& out_;
};

}  // namespace

bool YamlDocument::parse(std::string bytes, YamlDocument& out, std::string& error) {
    out = YamlDocument{};
    out.bytes_ = std::move(bytes);
    DiagSink sink("");
    YamlTree tree;
    const bool parsed = parseYaml(out.bytes_, sink, tree);
    std::vector<Diagnostic> diags = sink.finish();
    for (const Diagnostic& d : diags) {
        if (d.severity == Severity::Error) {
            error = d.format();
            if (error.starts_with(":")) error.erase(0, 1);
            return false;
        }
    }
    if (!parsed || tree.root == YamlTree::npos) {
        error = "not a YAML document";
        return false;
    }
    const std::size_t base = static_cast<std::size_t>(tree.text.data() - out.bytes_.data());
    Builder b(tree, tree.text, base, out.nodes_);
    b.build(tree.root, -1, false, -1);
    b.rebase();
    out.index(0, "", "");
    return true;
}

void YamlDocument::index(int node, const std::string& path, const std::string& stable) {
    DocNode& d = nodes_[node];
    d.path = path.starts_with(".") ? path.substr(1) : path;
    d.stablePath = stable.starts_with(".") ? stable.substr(1) : stable;
    paths_.emplace(d.path, node);
    paths_.emplace(d.stablePath, node);
    const std::vector<int> children = d.children;
    const bool isMap = d.kind == DocNode::Kind::Map;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const int c = children[i];
        if (isMap) {
            const std::string k = pathKey(nodes_[c].key);
            index(c, path + k, stable + k);
        } else {
            std::string stableItem = stable + "[" + std::to_string(i) + "]";
            const int id = child(c, "id");
            if (id >= 0 && nodes_[id].kind == DocNode::Kind::Scalar && isIdLike(nodes_[id].value) &&
                !(nodes_[id].value[0] >= '0' && nodes_[id].value[0] <= '9'))
                stableItem = stable + "[" + nodes_[id].value + "]";
            index(c, path + "[" + std::to_string(i) + "]", stableItem);
        }
    }
}

int YamlDocument::find(std::string_view path) const {
    auto it = paths_.find(std::string(path));
    return it == paths_.end() ? -1 : it->second;
}

int YamlDocument::child(int node, std::string_view key) const {
    if (node < 0 || nodes_[node].kind != DocNode::Kind::Map) return -1;
    for (int c : nodes_[node].children)
        if (nodes_[c].key == key) return c;
    return -1;
}

EditResult YamlDocument::fail(std::string message) const {
    EditResult r;
    r.error = std::move(message);
    return r;
}

EditResult YamlDocument::apply(std::vector<Splice> splices) const {
    std::sort(splices.begin(), splices.end(),
              [](const Splice& a, const Splice& b) { return a.begin > b.begin; });
    EditResult r;
    r.bytes = bytes_;
    for (const Splice& s : splices) r.bytes.replace(s.begin, s.end - s.begin, s.text);
    r.ok = true;
    return r;
}

}  // namespace counterplay::core
