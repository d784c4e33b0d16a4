// Helpers for the minimal-edit tests: the shipped scenarios (discovered at test time), loading
// from bytes, and line diffs.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "counterplay/core/Loader.h"

namespace edittest {

inline std::string sourceDir() { return COUNTERPLAY_SOURCE_DIR; }

/// Every scenario file in scenarios/ (not the catalogue), sorted.
inline std::vector<std::string> shippedScenarios() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(sourceDir() + "/scenarios")) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() == ".yaml" && name != "principles.yaml") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::vector<std::string> splitLines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t nl = s.find('\n', pos);
        if (nl == std::string::npos) nl = s.size();
        out.push_back(s.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return out;
}

/// The changed region after stripping the common first and last lines.
struct Region {
    std::vector<std::string> removed;
    std::vector<std::string> added;
};
inline Region changedRegion(const std::string& before, const std::string& after) {
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    std::size_t p = 0;
    while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
    std::size_t s = 0;
    while (s < a.size() - p && s < b.size() - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
    Region r;
    r.removed.assign(a.begin() + static_cast<long>(p), a.end() - static_cast<long>(s));
    r.added.assign(b.begin() + static_cast<long>(p), b.end() - static_cast<long>(s));
    return r;
}

/// Number of lines that differ, for two texts with the same number of lines (-1 otherwise).
inline int changedLines(const std::string& before, const std::string& after) {
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    if (a.size() != b.size()) return -1;
    int n = 0;
    for (std::size_t i = 0; i < a.size(); ++i) n += a[i] != b[i];
    return n;
}

inline const counterplay::core::Catalogue* shippedCatalogue() {
    static const counterplay::core::CatalogueLoad load =
        counterplay::core::loadCatalogueFile(sourceDir() + "/scenarios/principles.yaml");
    return load.catalogue.get();
}

inline int errorCount(const counterplay::core::ScenarioLoad& l) {
    return counterplay::core::countSeverity(l.diagnostics, counterplay::core::Severity::Error);
}

}  // namespace edittest
