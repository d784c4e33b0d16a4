// Bilingual text helpers.
#include "counterplay/core/Text.h"

#include <cctype>
#include <string>

namespace counterplay::core {

bool parseLang(std::string_view s, Lang& out) {
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "ko") {
        out = Lang::Ko;
        return true;
    }
    if (lower == "en") {
        out = Lang::En;
        return true;
    }
    return false;
}

const char* langCode(Lang lang) { return lang == Lang::Ko ? "ko" : "en"; }

const std::string& Text::in(Lang lang) const {
    const std::string& wanted = lang == Lang::Ko ? ko : en;
    if (!wanted.empty()) return wanted;
    return lang == Lang::Ko ? en : ko;
}

std::string fillPlaceholders(std::string text,
                             std::initializer_list<std::pair<const char*, std::string>> values) {
    // One pass over the text, so a value put in is never searched again. "{name|one|other}"
    // picks the singular form when the value reads exactly "1". Written here because the
    // strings are our own small format: ICU MessageFormat would be a large dependency for two
    // languages, one of which (Korean) has no plural forms.
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        if (open == std::string::npos) break;
        out.append(text, at, open - at);
        const std::size_t close = text.find('}', open + 1);
        if (close == std::string::npos) {
            at = open;
            break;
        }
        const std::string_view inner(text.data() + open + 1, close - open - 1);
        const std::size_t bar = inner.find('|');
        const std::string_view name = inner.substr(0, bar);
        const std::string* value = nullptr;
        for (const auto& [key, v] : values)
            if (name == key) value = &v;
        if (!value || inner.find('{') != std::string_view::npos) {
            out += '{';  // not ours: keep the brace and look again after it
            at = open + 1;
            continue;
        }
        if (bar == std::string_view::npos) {
            out += *value;
        } else {
            const std::string_view forms = inner.substr(bar + 1);
            const std::size_t second = forms.find('|');
            if (second == std::string_view::npos) {  // malformed: leave it as written
                out.append(text, open, close + 1 - open);
            } else {
                out += *value == "1" ? forms.substr(0, second) : forms.substr(second + 1);
            }
        }
        at = close + 1;
    }
    if (at < text.size()) out.append(text, at, std::string::npos);
    return out;
}

}  // namespace counterplay::core
