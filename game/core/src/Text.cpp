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
    for (const auto& [name, value] : values) {
        const std::string token = std::string("{") + name + "}";
        for (std::size_t at = text.find(token); at != std::string::npos;
             at = text.find(token, at + value.size()))
            text.replace(at, token.size(), value);
    }
    return text;
}

}  // namespace counterplay::core
