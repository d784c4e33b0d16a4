#include "Strings.h"

#include <yaml-cpp/yaml.h>

#include <iterator>

#include "platform/AtomicFile.h"
#include "platform/Log.h"

namespace counterplay::app {

sf::String utf8(const std::string& s) { return sf::String::fromUtf8(s.begin(), s.end()); }

std::string toUtf8(const sf::String& s) {
    std::string out;
    sf::Utf32::toUtf8(s.begin(), s.end(), std::back_inserter(out));
    return out;
}

bool Strings::load(const std::string& path, std::string& error) {
    std::string bytes;
    if (!readSmallFile(path, bytes, 1u << 20)) {
        error = "cannot read " + path;
        return false;
    }
    try {
        const YAML::Node root = YAML::Load(bytes);
        if (!root.IsMap()) {
            error = path + ": expected a map of string keys";
            return false;
        }
        for (auto it = root.begin(); it != root.end(); ++it) {
            const YAML::Node value = it->second;
            if (!value.IsMap()) continue;
            core::Text t;
            if (const YAML::Node& ko = value["ko"]; ko && ko.IsScalar()) t.ko = ko.as<std::string>();
            if (const YAML::Node& en = value["en"]; en && en.IsScalar()) t.en = en.as<std::string>();
            table_[it->first.as<std::string>()] = std::move(t);
        }
    } catch (const std::exception& e) {
        error = path + ": " + e.what();
        return false;
    }
    return true;
}

const std::string& Strings::get(const std::string& key, core::Lang lang) const {
    auto it = table_.find(key);
    if (it != table_.end() && !it->second.empty()) return it->second.in(lang);
    auto [m, inserted] = missing_.emplace(key, key);
    if (inserted) logLine("missing UI string '" + key + "'");
    return m->second;
}

std::string Strings::format(const std::string& key, core::Lang lang,
                            std::initializer_list<std::pair<const char*, std::string>> args) const {
    return core::fillPlaceholders(get(key, lang), args);
}

std::vector<std::string> Strings::allKorean() const {
    std::vector<std::string> out;
    out.reserve(table_.size());
    for (const auto& [key, text] : table_) out.push_back(text.ko);
    return out;
}

}  // namespace counterplay::app
