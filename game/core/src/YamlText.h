// Small line and character helpers over YAML source text, shared by the minimal-edit
// document's reader (YamlDocument.cpp) and its edits (YamlDocumentEdit.cpp). Private to the core.
#pragma once

#include <cstddef>
#include <string_view>

namespace counterplay::core::yamltext {

inline bool isSpace(char c) { return c == ' ' || c == '\t'; }

inline std::size_t lineStartOf(std::string_view s, std::size_t pos) {
    while (pos > 0 && s[pos - 1] != '\n') --pos;
    return pos;
}

/// One past the newline ending the line that holds `pos` (or the end of the text).
inline std::size_t lineEndOf(std::string_view s, std::size_t pos) {
    const std::size_t nl = s.find('\n', pos);
    return nl == std::string_view::npos ? s.size() : nl + 1;
}

inline bool onlySpacesBetween(std::string_view s, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (!isSpace(s[i])) return false;
    return true;
}

/// The line [begin, end) with its newline stripped is blank, or a comment.
inline bool isBlankLine(std::string_view line) {
    for (char c : line)
        if (!isSpace(c) && c != '\n' && c != '\r') return false;
    return true;
}
inline bool isCommentLine(std::string_view line) {
    for (char c : line) {
        if (isSpace(c)) continue;
        return c == '#';
    }
    return false;
}

inline bool isIdLike(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

}  // namespace counterplay::core::yamltext
