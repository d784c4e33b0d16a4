// yaml-cpp's parser messages, rewritten as sentences for trainers (declared in YamlGuard.h).
// yaml-cpp's raw text ("illegal map value") is never shown.
#include <yaml-cpp/exceptions.h>

#include <string>

#include "YamlGuard.h"

namespace counterplay::core {

namespace {

/// Spaces before the first character of the line holding `offset`, and that character.
std::size_t indentOfLine(std::string_view text, std::size_t offset, char& first) {
    std::size_t start = offset == 0 ? 0 : text.rfind('\n', offset - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::size_t i = start;
    while (i < text.size() && text[i] == ' ') ++i;
    first = i < text.size() ? text[i] : '\n';
    return i - start;
}

/// For a key line that is indented less than the line of keys above it (and more than the list
/// or map that holds them), "this line is indented less than the keys above it (7 spaces, not
/// 8): check the indentation"; empty otherwise. yaml-cpp reports such a line as a list or map
/// that does not end, which would invite adding a "- ".
std::string dedentedKey(std::string_view text, std::size_t offset) {
    if (offset > text.size()) return {};
    char first = 0;
    const std::size_t indent = indentOfLine(text, offset, first);
    if (first == '-' || first == '#' || first == '\n' || first == '\r') return {};
    // The nearest line above that is not blank or a comment.
    std::size_t lineStart = offset == 0 ? 0 : text.rfind('\n', offset - 1);
    if (lineStart == std::string_view::npos || lineStart == 0) return {};
    std::size_t end = lineStart;  // the '\n' ending the line above
    while (end > 0) {
        std::size_t start = text.rfind('\n', end - 1);
        start = start == std::string_view::npos ? 0 : start + 1;
        char c = 0;
        const std::size_t above = indentOfLine(text, start, c);
        if (c != '#' && c != '\n' && c != '\r') {
            // "- key: value" puts the keys two columns right of the dash.
            const std::size_t keys = c == '-' ? above + 2 : above;
            if (indent >= keys || keys - indent > 2) return {};
            return "this line is indented less than the keys above it (" + std::to_string(indent) +
                   " spaces, not " + std::to_string(keys) + "): check the indentation";
        }
        if (start == 0) break;
        end = start - 1;
    }
    return {};
}

}  // namespace

std::string rewriteYamlError(std::string_view raw, std::string_view text, std::size_t offset) {
    namespace E = YAML::ErrorMsg;
    if (raw == E::END_OF_SEQ || raw == E::END_OF_MAP) {
        std::string dedent = dedentedKey(text, offset);
        if (!dedent.empty()) return dedent;
    }
    const auto is = [&](const char* m) { return raw == m; };
    const auto starts = [&](const char* m) { return raw.substr(0, std::string_view(m).size()) == m; };
    if (is(E::TAB_IN_INDENTATION)) return "tabs cannot be used for indentation; use spaces";
    if (is(E::MAP_VALUE))
        return "unexpected ':' here: check the indentation, and put text that contains ': ' in "
               "quotes";
    if (is(E::END_OF_MAP))
        return "unexpected content: expected another 'key: value' line at this indentation "
               "(check the indentation, and put text that contains quotes or ': ' in quotes)";
    if (is(E::END_OF_SEQ))
        return "unexpected content in a list: expected another '- ' item at this indentation";
    if (is(E::END_OF_SEQ_FLOW)) return "a list opened with '[' is not closed with ']'";
    if (is(E::END_OF_MAP_FLOW)) return "a map opened with '{' is not closed with '}'";
    if (is(E::BLOCK_ENTRY))
        return "a '- ' list item is not allowed here: check the indentation";
    if (is(E::FLOW_END)) return "unexpected closing ']' or '}' without a matching opening one";
    if (is(E::MAP_KEY)) return "a '? ' complex key is not allowed here";
    if (is(E::EOF_IN_SCALAR))
        return "the file ends inside a quoted text: the closing quote is missing";
    if (is(E::DOC_IN_SCALAR))
        return "a document marker ('---' or '...') appears inside a quoted text: close the quote";
    if (is(E::CHAR_IN_SCALAR) || is(E::SINGLE_QUOTED_CHAR))
        return "a character that is not allowed appears inside a quoted text";
    if (is(E::UNKNOWN_TOKEN)) {
        std::string c = offset < text.size() ? std::string(1, text[offset]) : std::string("?");
        return "a value cannot start with '" + c + "': put the value in quotes";
    }
    if (starts(E::INVALID_ESCAPE))
        return "unknown escape sequence in a double-quoted text: write '\\\\' for a backslash, or "
               "use single quotes";
    if (is(E::INVALID_HEX) || starts(E::INVALID_UNICODE))
        return "invalid '\\x', '\\u' or '\\U' escape in a double-quoted text";
    if (is(E::UNKNOWN_ANCHOR) || is(E::ALIAS_NOT_FOUND) || is(E::CHAR_IN_ALIAS) ||
        is(E::MULTIPLE_ALIASES) || is(E::ALIAS_CONTENT))
        return "aliases are not allowed in scenario files: write the value out in full (put text "
               "starting with '*' in quotes)";
    if (is(E::ANCHOR_NOT_FOUND) || is(E::CHAR_IN_ANCHOR) || is(E::MULTIPLE_ANCHORS) ||
        is(E::AMBIGUOUS_ANCHOR))
        return "anchors are not allowed in scenario files: write each value out in full (put text "
               "starting with '&' in quotes)";
    if (is(E::MULTIPLE_TAGS) || is(E::CHAR_IN_TAG_HANDLE) || is(E::TAG_WITH_NO_SUFFIX) ||
        is(E::END_OF_VERBATIM_TAG))
        return "YAML tags (like '!!str' or '!name') are not allowed in scenario files";
    if (is(E::ZERO_INDENT_IN_BLOCK) || is(E::CHAR_IN_BLOCK))
        return "invalid block text header: write '|' or '>' alone at the end of the line";
    if (is(E::YAML_DIRECTIVE_ARGS) || starts(E::YAML_VERSION) || is(E::YAML_MAJOR_VERSION) ||
        is(E::REPEATED_YAML_DIRECTIVE) || is(E::TAG_DIRECTIVE_ARGS) ||
        is(E::REPEATED_TAG_DIRECTIVE))
        return "YAML directives ('%YAML', '%TAG') are not supported: remove the line";
    if (raw.find("recursion") != std::string_view::npos || raw.find("depth") != std::string_view::npos)
        return "nesting is deeper than " + std::to_string(kMaxDepth) + " levels";
    return "this is not valid YAML here";
}

}  // namespace counterplay::core
