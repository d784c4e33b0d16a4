// Bilingual text and the language selector used everywhere a person reads.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace counterplay::core {

/// The two languages every player-facing text carries.
enum class Lang { Ko, En };

/// Parses "ko" / "en" (case-insensitive); returns false for anything else.
bool parseLang(std::string_view s, Lang& out);

/// "ko" or "en".
const char* langCode(Lang lang);

/// A text in Korean and English, as written in YAML `{ko: ..., en: ...}`.
struct Text {
    std::string ko;
    std::string en;

    /// The text in `lang`, falling back to the other language when that one is empty.
    const std::string& in(Lang lang) const;
    bool empty() const { return ko.empty() && en.empty(); }
    bool operator==(const Text&) const = default;
};

/// Replaces every "{name}" in `text` with its value, for the UI, export and tool strings that
/// carry placeholders. A value is never searched again, so it may itself contain braces.
/// "{name|one|other}" picks a plural form by the value of `name`: "one" when it is exactly "1",
/// "other" otherwise ("{n} {n|attempt|attempts}"). Korean strings simply do not use it.
std::string fillPlaceholders(std::string text,
                             std::initializer_list<std::pair<const char*, std::string>> values);

}  // namespace counterplay::core
