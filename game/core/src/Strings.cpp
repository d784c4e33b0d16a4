// Translation tables and review marks (see Strings.h).
#include "counterplay/core/Strings.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "Utf8.h"
#include "counterplay/core/Hash.h"

namespace counterplay::core {

namespace {

bool isTextMap(const YamlDocument& doc, const DocNode& n) {
    if (n.kind != DocNode::Kind::Map || n.children.empty() || n.parent < 0) return false;
    for (int c : n.children) {
        const DocNode& k = doc.nodes()[c];
        if (k.key != "ko" && k.key != "en") return false;
        if (k.kind == DocNode::Kind::Map || k.kind == DocNode::Kind::Sequence) return false;
    }
    return true;
}

bool hasHangul(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const unsigned char a = static_cast<unsigned char>(s[i]);
        const unsigned char b = static_cast<unsigned char>(s[i + 1]);
        // U+AC00..U+D7A3 (syllables) are EA B0 80 .. ED 9E A3; U+3131..U+318E jamo are E3 84/85/86.
        if ((a >= 0xEA && a <= 0xED && (a != 0xEA || b >= 0xB0) && (a != 0xED || b <= 0x9E)) ||
            (a == 0xE3 && b >= 0x84 && b <= 0x86))
            return true;
    }
    return false;
}

bool hasLetters(std::string_view s) {
    for (char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return hasHangul(s);
}

/// "greet" from "nodes.greet.lines[0].text"; empty outside nodes.
std::string nodeOf(std::string_view path) {
    if (!path.starts_with("nodes.")) return {};
    path.remove_prefix(6);
    const std::size_t end = path.find_first_of(".[");
    return std::string(path.substr(0, end));
}

std::string contextOf(const YamlDocument& doc, const DocNode& text) {
    const DocNode& owner = doc.nodes()[text.parent];
    const std::string node = nodeOf(text.path);
    std::string what;
    if (text.path.find(".lines[") != std::string::npos) {
        const int sp = doc.child(text.parent, "speaker");
        const int ex = doc.child(text.parent, "expression");
        what = sp >= 0 ? doc.nodes()[sp].value : "customer";
        if (ex >= 0) what += " (" + doc.nodes()[ex].value + ")";
    } else if (text.path.find(".choices[") != std::string::npos) {
        what = text.key == "text" ? "choice" : "choice " + text.key;
        const int id = doc.child(text.parent, "id");
        if (id >= 0) what += " " + doc.nodes()[id].value;
    } else if (text.path.find(".time_limit.") != std::string::npos) {
        what = "timeout " + text.key;
    } else if (text.path.find(".ending.") != std::string::npos) {
        what = "ending " + text.key;
    } else {
        const int id = doc.child(text.parent, "id");
        what = text.key;
        if (id >= 0 && owner.kind == DocNode::Kind::Map) what += " of " + doc.nodes()[id].value;
    }
    return node.empty() ? what : node + ": " + what;
}

std::pair<int, int> lineColumn(std::string_view bytes, std::size_t offset) {
    int line = 1;
    std::size_t ls = 0;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n') {
            ++line;
            ls = i + 1;
        }
    return {line, static_cast<int>(utf8::codePoints(bytes.substr(ls, offset - ls))) + 1};
}

}  // namespace

std::vector<TextEntry> collectTexts(const YamlDocument& doc) {
    std::vector<TextEntry> out;
    const auto& nodes = doc.nodes();
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        const DocNode& n = nodes[i];
        if (!isTextMap(doc, n)) continue;
        TextEntry t;
        t.path = n.path;
        t.stablePath = n.stablePath;
        t.node = i;
        const int ko = doc.child(i, "ko");
        const int en = doc.child(i, "en");
        if (ko >= 0) t.ko = nodes[ko].value;
        if (en >= 0) t.en = nodes[en].value;
        t.hasKo = !t.ko.empty();
        t.hasEn = !t.en.empty();
        t.context = contextOf(doc, n);
        out.push_back(std::move(t));
    }
    return out;
}

std::string textHash(std::string_view text) { return sha256Hex(text).substr(0, 8); }

std::string reviewFileFor(const std::string& contentPath) {
    std::filesystem::path p(contentPath);
    p.replace_extension(".reviews");
    return p.string();
}

bool parseReviewMarks(std::string_view text, ReviewMarks& out, std::string& error) {
    out.clear();
    int lineNo = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string_view::npos) {
            error = "line " + std::to_string(lineNo) + ": expected path, ko hash and en hash";
            return false;
        }
        out[std::string(line.substr(0, t1))] = {std::string(line.substr(t1 + 1, t2 - t1 - 1)),
                                                std::string(line.substr(t2 + 1))};
    }
    return true;
}

std::string reviewMarksText(const ReviewMarks& marks, std::string_view fileName) {
    std::string out = "# Translation review marks for " + std::string(fileName) +
                      ", written by `counterplay strings import`.\n"
                      "# Each line: a text's path, then short hashes of its Korean and English "
                      "text when the pair was last reviewed.\n";
    for (const auto& [path, m] : marks) out += path + "\t" + m.ko + "\t" + m.en + "\n";
    return out;
}

Outdated outdated(const TextEntry& text, const ReviewMarks& marks) {
    auto it = marks.find(text.stablePath);
    if (it == marks.end()) return Outdated::None;
    const bool koChanged = textHash(text.ko) != it->second.ko;
    const bool enChanged = textHash(text.en) != it->second.en;
    if (koChanged && enChanged) return Outdated::Both;
    if (koChanged) return Outdated::En;
    if (enChanged) return Outdated::Ko;
    return Outdated::None;
}

std::string textStatus(const TextEntry& t, const ReviewMarks& marks) {
    if (!t.hasKo) return "missing ko";
    if (!t.hasEn) return "missing en";
    if (outdated(t, marks) != Outdated::None) return "needs review";
    if ((hasLetters(t.ko) && !hasHangul(t.ko)) || hasHangul(t.en)) return "wrong script";
    if (t.ko == t.en) return "same text in both";
    return "ok";
}

bool containsHangul(std::string_view text) { return hasHangul(text); }
bool containsLetters(std::string_view text) { return hasLetters(text); }

std::vector<Diagnostic> reviewDiagnostics(const YamlDocument& doc, const ReviewMarks& marks,
                                          const std::string& fileName) {
    std::vector<Diagnostic> out;
    for (const TextEntry& t : collectTexts(doc)) {
        const Outdated o = outdated(t, marks);
        if (o == Outdated::None) continue;
        const auto [line, col] = lineColumn(doc.bytes(), doc.nodes()[t.node].keyBegin);
        std::string message;
        if (o == Outdated::En)
            message = "en text of " + t.path +
                      " may be outdated: the ko text changed since it was reviewed";
        else if (o == Outdated::Ko)
            message = "ko text of " + t.path +
                      " may be outdated: the en text changed since it was reviewed";
        else
            message = "both texts of " + t.path + " changed since they were reviewed";
        out.push_back({fileName, line, col, t.path, Severity::Warning, message});
    }
    return out;
}

std::string csvField(std::string_view v) {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

bool parseCsv(std::string_view text, std::vector<std::vector<std::string>>& rows,
              std::string& error) {
    rows.clear();
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, inQuotes = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty() && !quoted) {
            inQuotes = quoted = any = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            quoted = false;
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            row.push_back(std::move(field));
            field.clear();
            quoted = false;
            rows.push_back(std::move(row));
            row.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (inQuotes) {
        error = "a quoted field is not closed (row " + std::to_string(rows.size() + 1) + ")";
        return false;
    }
    if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return true;
}

StringsApply applyStrings(const YamlDocument& doc, const std::vector<StringRow>& rows,
                          ReviewMarks& marks) {
    StringsApply out;
    YamlDocument current = doc;
    for (const StringRow& row : rows)
        if (current.find(row.path) < 0) out.unknown.push_back(row.path);
    for (const StringRow& row : rows) {
        const int node = current.find(row.path);
        if (node < 0) continue;
        const std::string stable = current.nodes()[node].stablePath;
        for (const auto& [lang, value] :
             {std::pair<std::string, const std::string*>{"ko", &row.ko}, {"en", &row.en}}) {
            const int at = current.child(node, lang);
            const std::string now = at >= 0 ? current.nodes()[at].value : std::string();
            if (now == *value) continue;
            EditResult r;
            if (at >= 0)
                r = current.setScalar(current.nodes()[at].path, *value);
            else
                r = current.insertScalarEntry(current.nodes()[node].path, lang, *value,
                                              lang == "ko" ? "en" : "");
            if (!r.ok || !YamlDocument::parse(r.bytes, current, out.error)) {
                if (out.error.empty()) out.error = r.error;
                out.error = row.path + ": " + out.error;
                return out;
            }
            ++out.changedCells;
        }
        if (row.status == "ok") {
            const int n = current.find(stable);
            const int ko = current.child(n, "ko");
            const int en = current.child(n, "en");
            const ReviewMark mark{textHash(ko >= 0 ? current.nodes()[ko].value : ""),
                                  textHash(en >= 0 ? current.nodes()[en].value : "")};
            auto it = marks.find(stable);
            if (it == marks.end() || !(it->second == mark)) {
                marks[stable] = mark;
                out.marksChanged = true;
            }
        }
    }
    out.bytes = current.bytes();
    return out;
}

}  // namespace counterplay::core
