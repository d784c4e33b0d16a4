// The UI strings (assets/strings/ui.yaml): every word the game shows that is not scenario
// content, in Korean and English. The C++ sources name keys only.
#pragma once

#include <SFML/System/String.hpp>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "counterplay/core/Text.h"

namespace counterplay::app {

/// Converts UTF-8 bytes to an sf::String (UTF-32).
sf::String utf8(const std::string& s);
/// Converts an sf::String back to UTF-8.
std::string toUtf8(const sf::String& s);

class Strings {
public:
    /// Loads the YAML map `key: {ko: ..., en: ...}`. False (with `error`) when the file is missing
    /// or malformed; lookups then fall back to the key itself, so the game still runs.
    bool load(const std::string& path, std::string& error);

    /// The string for `key` in `lang` (falling back to the other language, then the key itself,
    /// logged once per missing key).
    const std::string& get(const std::string& key, core::Lang lang) const;

    /// `get` with "{name}" placeholders replaced.
    std::string format(const std::string& key, core::Lang lang,
                       std::initializer_list<std::pair<const char*, std::string>> args) const;

    /// Every Korean string (for building the ImGui glyph ranges).
    std::vector<std::string> allKorean() const;

    std::size_t size() const { return table_.size(); }

private:
    std::map<std::string, core::Text> table_;
    mutable std::map<std::string, std::string> missing_;
};

}  // namespace counterplay::app
