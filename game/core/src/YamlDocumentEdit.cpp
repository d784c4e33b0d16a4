// Minimal-edit YAML documents, the edits (see YamlDocument.h): scalar rendering and quoting,
// and every edit as byte splices over the text (set, insert, replace, remove, move, rename,
// duplicate). The reading and indexing are in YamlDocument.cpp.
#include <algorithm>
#include <cstdio>

#include "YamlText.h"
#include "counterplay/core/YamlDocument.h"

namespace counterplay::core {

using namespace yamltext;

std::string YamlDocument::doubleQuoted(std::string_view value) {
    std::string out = "\"";
    for (unsigned char c : value) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02X", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
    return out;
}

bool YamlDocument::canBePlain(std::string_view v, bool inFlow) {
    if (v.empty() || isSpace(v.front()) || isSpace(v.back())) return false;
    const bool indicatorOk =
        v.size() > 1 && v[1] != ' ' && (v[0] == '-' || v[0] == '?' || v[0] == ':');
    if (!indicatorOk &&
        std::string_view("-?:,[]{}#&*!|>'\"%@`").find(v.front()) != std::string_view::npos)
        return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(v[i]);
        if (c < 0x20 || c == 0x7F) return false;
        if (c == ':' && (i + 1 == v.size() || v[i + 1] == ' ')) return false;
        if (c == '#' && i > 0 && v[i - 1] == ' ') return false;
        if (inFlow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) return false;
    }
    static constexpr std::string_view kSpecial[] = {"null", "Null", "NULL", "~",
                                                    "yes",  "no",   "on",   "off"};
    for (std::string_view s : kSpecial)
        if (v == s) return false;
    return true;
}

std::string YamlDocument::renderScalar(const DocNode& n, std::string_view value) const {
    if (n.kind == DocNode::Kind::Scalar && n.style == DocNode::Style::Plain &&
        canBePlain(value, n.flow))
        return std::string(value);
    if (n.kind == DocNode::Kind::Scalar && n.style == DocNode::Style::SingleQuoted &&
        value.find_first_of("\n\t\r") == std::string_view::npos) {
        std::string out = "'";
        for (char c : value) {
            if (c == '\'') out += '\'';
            out += c;
        }
        return out + "'";
    }
    if (n.kind == DocNode::Kind::Null && isIdLike(value)) return std::string(value);
    return doubleQuoted(value);
}

std::string YamlDocument::renderKey(std::string_view key) const {
    return canBePlain(key, true) ? std::string(key) : doubleQuoted(key);
}

std::string YamlDocument::indentBody(std::string_view body, int indent,
                                     std::string_view firstPrefix) const {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string out;
    bool first = true;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t nl = body.find('\n', pos);
        if (nl == std::string_view::npos) nl = body.size();
        const std::string_view line = body.substr(pos, nl - pos);
        if (first) {
            out += pad;
            out += firstPrefix;
            out += line;
        } else if (line.empty()) {
            // blank lines stay blank
        } else {
            out += pad;
            out += std::string(firstPrefix.size(), ' ');
            out += line;
        }
        out += '\n';
        first = false;
        pos = nl + 1;
    }
    return out;
}

EditResult YamlDocument::setScalar(std::string_view path, std::string_view value) const {
    const int i = find(path);
    if (i < 0) return fail("no value at " + std::string(path));
    const DocNode& n = nodes_[i];
    if (n.kind == DocNode::Kind::Map || n.kind == DocNode::Kind::Sequence)
        return fail(std::string(path) + " is a map or list, not a single value");
    if (n.kind == DocNode::Kind::Scalar && n.value == value) return apply({});
    std::string text = renderScalar(n, value);
    if (n.kind == DocNode::Kind::Null) text = " " + text;
    return apply({{n.begin, n.end, text}});
}

bool YamlDocument::setScalarInPlace(std::string_view path, std::string_view value,
                                    std::string& error) {
    const int i = find(path);
    if (i < 0 || nodes_[i].kind != DocNode::Kind::Scalar) {
        EditResult r = setScalar(path, value);
        if (!r.ok) {
            error = r.error;
            return false;
        }
        // An empty value gains characters where no span existed: parse again.
        return parse(std::move(r.bytes), *this, error);
    }
    DocNode& n = nodes_[i];
    if (n.value == value) return true;
    const std::string text = renderScalar(n, value);
    const std::size_t oldEnd = n.end;
    const std::ptrdiff_t delta =
        static_cast<std::ptrdiff_t>(text.size()) - static_cast<std::ptrdiff_t>(oldEnd - n.begin);
    bytes_.replace(n.begin, oldEnd - n.begin, text);
    n.value = std::string(value);
    n.style = text[0] == '"'    ? DocNode::Style::DoubleQuoted
              : text[0] == '\'' ? DocNode::Style::SingleQuoted
                                : DocNode::Style::Plain;
    n.end = n.begin + text.size();
    auto shift = [&](std::size_t& f) {
        if (f >= oldEnd) f = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(f) + delta);
    };
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
        DocNode& m = nodes_[k];
        if (static_cast<int>(k) != i) {
            shift(m.begin);
            shift(m.end);
        }
        shift(m.keyBegin);
        shift(m.keyEnd);
        shift(m.lineBegin);
        if (static_cast<int>(k) != i || m.lineEnd >= oldEnd) shift(m.lineEnd);
    }
    return true;
}

EditResult YamlDocument::insertScalarEntry(std::string_view mapPath, std::string_view key,
                                           std::string_view value,
                                           std::string_view beforeKey) const {
    const int m = find(mapPath);
    if (m < 0 || nodes_[m].kind != DocNode::Kind::Map)
        return fail("no map at " + std::string(mapPath));
    if (child(m, key) >= 0) return fail(std::string(mapPath) + " already has " + std::string(key));
    const bool flow = nodes_[m].flow;
    const std::string rendered =
        isIdLike(value) && canBePlain(value, flow) ? std::string(value) : doubleQuoted(value);
    return insertRendered(mapPath, key, rendered, beforeKey);
}

EditResult YamlDocument::insertRawEntry(std::string_view mapPath, std::string_view key,
                                        std::string_view rawValue,
                                        std::string_view beforeKey) const {
    const int m = find(mapPath);
    if (m < 0 || nodes_[m].kind != DocNode::Kind::Map)
        return fail("no map at " + std::string(mapPath));
    if (child(m, key) >= 0) return fail(std::string(mapPath) + " already has " + std::string(key));
    return insertRendered(mapPath, key, std::string(rawValue), beforeKey);
}

EditResult YamlDocument::replaceRaw(std::string_view path, std::string_view rawValue) const {
    const int i = find(path);
    if (i < 0) return fail("no value at " + std::string(path));
    const DocNode& n = nodes_[i];
    const bool collection = n.kind == DocNode::Kind::Map || n.kind == DocNode::Kind::Sequence;
    if (collection && !n.flow)
        return fail(std::string(path) + " is a block map or list; edit its entries instead");
    if (collection && n.parent >= 0 && nodes_[n.parent].flow)
        return fail(std::string(path) + " is inside a flow collection");
    std::string text(rawValue);
    if (n.kind == DocNode::Kind::Null) text = " " + text;
    return apply({{n.begin, n.end, text}});
}

EditResult YamlDocument::insertRendered(std::string_view mapPath, std::string_view key,
                                        const std::string& rendered,
                                        std::string_view beforeKey) const {
    const int m = find(mapPath);
    const DocNode& map = nodes_[m];
    if (map.flow) {
        const int before = child(m, beforeKey);
        if (before >= 0)
            return apply({{nodes_[before].keyBegin, nodes_[before].keyBegin,
                           renderKey(key) + ": " + rendered + ", "}});
        if (map.children.empty())
            return apply({{map.begin + 1, map.begin + 1, renderKey(key) + ": " + rendered}});
        return apply({{nodes_[map.children.back()].end, nodes_[map.children.back()].end,
                       ", " + renderKey(key) + ": " + rendered}});
    }
    if (map.children.empty()) return fail(std::string(mapPath) + " is empty");
    const std::string line = renderKey(key) + ": " + rendered;
    const int before = child(m, beforeKey);
    const DocNode& first = nodes_[map.children.front()];
    if (before >= 0 && !nodes_[before].sharesLine) {
        return apply(
            {{nodes_[before].lineBegin, nodes_[before].lineBegin,
              std::string(static_cast<std::size_t>(nodes_[before].indent), ' ') + line + "\n"}});
    }
    if (before >= 0 && nodes_[before].sharesLine) {
        // Before the first key of a "- key: ..." item: take its place on the dash line.
        return apply({{first.keyBegin, first.keyBegin,
                       line + "\n" + std::string(static_cast<std::size_t>(first.indent), ' ')}});
    }
    const DocNode& last = nodes_[map.children.back()];
    std::string text = std::string(static_cast<std::size_t>(first.indent), ' ') + line + "\n";
    if (last.lineEnd > 0 && bytes_[last.lineEnd - 1] != '\n') text = "\n" + text;
    return apply({{last.lineEnd, last.lineEnd, text}});
}

EditResult YamlDocument::insertBlockEntry(std::string_view mapPath, std::string_view key,
                                          std::string_view body, bool blankLineBefore,
                                          std::string_view beforeKey) const {
    const int m = find(mapPath);
    if (m < 0 || nodes_[m].kind != DocNode::Kind::Map || nodes_[m].flow)
        return fail("no block map at " + std::string(mapPath));
    if (child(m, key) >= 0) return fail(std::string(mapPath) + " already has " + std::string(key));
    const DocNode& map = nodes_[m];
    if (map.children.empty()) return fail(std::string(mapPath) + " is empty");
    const DocNode& first = nodes_[map.children.front()];
    const DocNode& last = nodes_[map.children.back()];
    const int before = beforeKey.empty() ? -1 : child(m, beforeKey);
    if (before >= 0 && !nodes_[before].sharesLine) {
        std::string text = std::string(static_cast<std::size_t>(first.indent), ' ') +
                           renderKey(key) + ":\n" + indentBody(body, first.indent + 2, "");
        if (blankLineBefore) text += '\n';
        return apply({{nodes_[before].lineBegin, nodes_[before].lineBegin, text}});
    }
    std::string text;
    if (last.lineEnd > 0 && bytes_[last.lineEnd - 1] != '\n') text += '\n';
    if (blankLineBefore) text += '\n';
    text += std::string(static_cast<std::size_t>(first.indent), ' ') + renderKey(key) + ":\n";
    text += indentBody(body, first.indent + 2, "");
    return apply({{last.lineEnd, last.lineEnd, text}});
}

EditResult YamlDocument::insertItem(std::string_view seqPath, std::size_t index,
                                    std::string_view body) const {
    const int q = find(seqPath);
    if (q < 0 || nodes_[q].kind != DocNode::Kind::Sequence)
        return fail("no list at " + std::string(seqPath));
    const DocNode& seq = nodes_[q];
    if (index > seq.children.size())
        return fail("position past the end of " + std::string(seqPath));
    if (seq.flow) {
        std::string item(body);
        while (!item.empty() && (item.back() == '\n' || item.back() == ' ')) item.pop_back();
        if (seq.children.empty()) return apply({{seq.begin + 1, seq.begin + 1, item}});
        if (index < seq.children.size()) {
            const std::size_t at = nodes_[seq.children[index]].begin;
            return apply({{at, at, item + ", "}});
        }
        const std::size_t at = nodes_[seq.children.back()].end;
        return apply({{at, at, ", " + item}});
    }
    if (seq.children.empty()) return fail(std::string(seqPath) + " is empty");
    const int indent = nodes_[seq.children.front()].indent;
    const std::string text = indentBody(body, indent, "- ");
    if (index < seq.children.size()) {
        const std::size_t at = nodes_[seq.children[index]].lineBegin;
        return apply({{at, at, text}});
    }
    const std::size_t at = nodes_[seq.children.back()].lineEnd;
    return apply({{at, at, (at > 0 && bytes_[at - 1] != '\n' ? "\n" : "") + text}});
}

EditResult YamlDocument::remove(std::string_view path) const {
    const int i = find(path);
    if (i <= 0) return fail("nothing at " + std::string(path));
    const DocNode& n = nodes_[i];
    const DocNode& parent = nodes_[n.parent];
    const auto& sib = parent.children;
    const std::size_t k =
        static_cast<std::size_t>(std::find(sib.begin(), sib.end(), i) - sib.begin());
    if (parent.flow) {
        const std::size_t begin = n.keyBegin < n.begin && !n.key.empty() ? n.keyBegin : n.begin;
        if (k + 1 < sib.size()) {
            const DocNode& next = nodes_[sib[k + 1]];
            const std::size_t nextBegin = next.key.empty() ? next.begin : next.keyBegin;
            return apply({{begin, nextBegin, ""}});
        }
        if (k > 0) return apply({{nodes_[sib[k - 1]].end, n.end, ""}});
        return apply({{begin, n.end, ""}});
    }
    if (n.sharesLine) {
        if (k + 1 >= sib.size()) return fail("cannot remove the only key of " + parent.path);
        return apply({{n.keyBegin, nodes_[sib[k + 1]].keyBegin, ""}});
    }
    std::size_t begin = n.lineBegin;
    std::size_t end = n.lineEnd;
    // Separated by blank lines above and below: take the blank line below along.
    const std::size_t prevLine = begin > 0 ? lineStartOf(bytes_, begin - 1) : 0;
    const bool blankAbove =
        begin > 0 && isBlankLine(std::string_view(bytes_).substr(prevLine, begin - prevLine));
    if ((blankAbove || k == 0) && end < bytes_.size()) {
        const std::size_t nextEnd = lineEndOf(bytes_, end);
        if (isBlankLine(std::string_view(bytes_).substr(end, nextEnd - end))) end = nextEnd;
    } else if (blankAbove && end >= bytes_.size()) {
        begin = prevLine;
    }
    return apply({{begin, end, ""}});
}

EditResult YamlDocument::move(std::string_view parentPath, std::size_t from, std::size_t to) const {
    const int p = find(parentPath);
    if (p < 0 ||
        (nodes_[p].kind != DocNode::Kind::Map && nodes_[p].kind != DocNode::Kind::Sequence))
        return fail("no list or map at " + std::string(parentPath));
    const DocNode& parent = nodes_[p];
    const auto& sib = parent.children;
    if (from >= sib.size() || to >= sib.size()) return fail("position out of range");
    if (from == to) return apply({});
    std::vector<std::size_t> order(sib.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const std::size_t moved = order[from];
    order.erase(order.begin() + static_cast<std::ptrdiff_t>(from));
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(to), moved);

    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (int c : sib) {
        const DocNode& n = nodes_[c];
        if (parent.flow) {
            spans.emplace_back(n.key.empty() ? n.begin : n.keyBegin, n.end);
        } else {
            if (n.sharesLine) return fail("cannot move the first key of a \"- \" item");
            spans.emplace_back(n.lineBegin, n.lineEnd);
        }
    }
    std::vector<std::string> blocks;
    for (auto [b, e] : spans) {
        std::string block = bytes_.substr(b, e - b);
        if (!parent.flow && (block.empty() || block.back() != '\n')) block += '\n';
        blocks.push_back(std::move(block));
    }
    std::string text;
    for (std::size_t i = 0; i < order.size(); ++i) {
        text += blocks[order[i]];
        if (i + 1 < order.size())
            text += bytes_.substr(spans[i].second, spans[i + 1].first - spans[i].second);
    }
    const std::size_t begin = spans.front().first;
    const std::size_t end = spans.back().second;
    if (!parent.flow && (end == 0 || bytes_[end - 1] != '\n')) text.pop_back();
    return apply({{begin, end, text}});
}

EditResult YamlDocument::renameNode(std::string_view from, std::string_view to) const {
    const int nodesMap = child(0, "nodes");
    const int node = child(nodesMap, from);
    if (node < 0) return fail("no node '" + std::string(from) + "'");
    if (child(nodesMap, to) >= 0) return fail("a node '" + std::string(to) + "' already exists");
    if (!isIdLike(to)) return fail("'" + std::string(to) + "' is not an id");
    std::vector<Splice> splices;
    splices.push_back({nodes_[node].keyBegin, nodes_[node].keyEnd, renderKey(to)});
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const DocNode& n = nodes_[i];
        if (n.kind != DocNode::Kind::Scalar || n.value != from) continue;
        const bool isNext = n.key == "next";
        const bool isStart = n.key == "start" && n.parent == 0;
        if (isNext || isStart) splices.push_back({n.begin, n.end, renderScalar(n, to)});
    }
    return apply(std::move(splices));
}

EditResult YamlDocument::duplicateNode(std::string_view from, std::string_view to) const {
    const int nodesMap = child(0, "nodes");
    const int node = child(nodesMap, from);
    if (node < 0) return fail("no node '" + std::string(from) + "'");
    if (child(nodesMap, to) >= 0) return fail("a node '" + std::string(to) + "' already exists");
    if (!isIdLike(to)) return fail("'" + std::string(to) + "' is not an id");
    const DocNode& n = nodes_[node];
    if (nodes_[nodesMap].flow) return fail("nodes is written in flow style");
    // The copy: from the key to the end of the entry (without the comments above it).
    const std::size_t keyLine = lineStartOf(bytes_, n.keyBegin);
    std::string copy = bytes_.substr(keyLine, n.keyBegin - keyLine) + renderKey(to) +
                       bytes_.substr(n.keyEnd, n.lineEnd - n.keyEnd);
    if (copy.empty() || copy.back() != '\n') copy += '\n';
    // Keep the layout: a blank line before the copy when nodes are separated by blank lines.
    const std::size_t prevLine = n.lineBegin > 0 ? lineStartOf(bytes_, n.lineBegin - 1) : 0;
    const bool blankAbove = n.lineBegin > 0 && isBlankLine(std::string_view(bytes_).substr(
                                                   prevLine, n.lineBegin - prevLine));
    std::string text;
    if (n.lineEnd > 0 && bytes_[n.lineEnd - 1] != '\n') text += '\n';
    if (blankAbove) text += '\n';
    text += copy;
    return apply({{n.lineEnd, n.lineEnd, text}});
}

}  // namespace counterplay::core
