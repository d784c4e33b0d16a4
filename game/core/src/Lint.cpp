// Lint of one scenario file: loader, analysis and authoring checks (see Lint.h).
#include "counterplay/core/Lint.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "Utf8.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Strings.h"

namespace counterplay::core {

namespace {

bool hasHangulText(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(s[i + 1]);
        // U+AC00..U+D7A3 (syllables) are EA B0 80 .. ED 9E A3; U+3131..U+318E jamo are E3 84..86.
        if ((a >= 0xEA && a <= 0xED && (a != 0xEA || b >= 0xB0) && (a != 0xED || b <= 0x9E)) ||
            (a == 0xE3 && b >= 0x84 && b <= 0x86))
            return true;
    }
    return false;
}

bool hasLatinLetters(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

struct LineCol {
    int line = 0;
    int column = 0;
};

LineCol lineColumnOf(std::string_view bytes, std::size_t offset) {
    int line = 1;
    std::size_t ls = 0;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n') {
            ++line;
            ls = i + 1;
        }
    return {line, static_cast<int>(utf8::codePoints(bytes.substr(ls, offset - ls))) + 1};
}

Diagnostic warningAt(const YamlDocument& doc, int node, const std::string& file, std::string path,
                     std::string message) {
    LineCol lc;
    if (node >= 0) lc = lineColumnOf(doc.bytes(), doc.nodes()[static_cast<std::size_t>(node)].keyBegin);
    return Diagnostic{file, lc.line, lc.column, std::move(path), Severity::Warning,
                      std::move(message)};
}

}  // namespace

std::vector<Diagnostic> authoringDiagnostics(const Scenario& sc, const Analysis& analysis,
                                             const YamlDocument& doc, const std::string& file) {
    std::vector<Diagnostic> out;
    const int root = doc.root();
    if (root < 0) return out;

    // The file name and the id.
    const std::filesystem::path name = std::filesystem::path(file).filename();
    const std::string stem = name.stem().string();
    if (!stem.empty() && stem != sc.id)
        out.push_back(warningAt(doc, doc.child(root, "id"), file, "id",
                                "the file name '" + name.string() + "' differs from the id '" +
                                    sc.id + "': name the file '" + sc.id + name.extension().string() +
                                    "' (or change the id) so the two are found together"));

    // Swapped languages.
    for (const TextEntry& t : collectTexts(doc)) {
        if (!t.hasKo || !t.hasEn) continue;
        if (hasHangulText(t.en) && !hasHangulText(t.ko) && hasLatinLetters(t.ko))
            out.push_back(warningAt(doc, t.node, file, t.path,
                                    "the ko and en texts look swapped: 'en' is in Korean and "
                                    "'ko' has no Korean"));
    }

    // Principles listed and scored.
    const std::set<std::string> scored(analysis.exercised.begin(), analysis.exercised.end());
    const std::set<std::string> listed(sc.principles.begin(), sc.principles.end());
    const int list = doc.child(root, "principles");
    if (list >= 0) {
        const DocNode& l = doc.nodes()[static_cast<std::size_t>(list)];
        for (std::size_t i = 0; i < l.children.size(); ++i) {
            const DocNode& item = doc.nodes()[static_cast<std::size_t>(l.children[i])];
            if (item.kind != DocNode::Kind::Scalar || scored.count(item.value)) continue;
            const LineCol lc = lineColumnOf(doc.bytes(), item.begin);
            out.push_back({file, lc.line, lc.column, "principles[" + std::to_string(i) + "]",
                           Severity::Warning,
                           "principle '" + item.value +
                               "' is listed but no choice or timeout scores it: give it points "
                               "or remove it from 'principles'"});
        }
    }
    std::set<std::string> reported;
    for (std::size_t n = 0; n < doc.nodes().size(); ++n) {
        const DocNode& d = doc.nodes()[n];
        if (d.parent < 0 || listed.count(d.key) || reported.count(d.key)) continue;
        const DocNode& owner = doc.nodes()[static_cast<std::size_t>(d.parent)];
        if (owner.key != "points" || !owner.path.starts_with("nodes.") || !scored.count(d.key))
            continue;
        reported.insert(d.key);
        out.push_back(warningAt(doc, static_cast<int>(n), file, d.path,
                                "principle '" + d.key +
                                    "' is scored but not listed in 'principles': add it there "
                                    "(the scorecard lists the principles a scenario trains)"));
    }
    return out;
}

std::vector<Diagnostic> lintScenarioFile(const std::string& file, const Catalogue* catalogue) {
    std::vector<Diagnostic> out;
    const auto add = [&](Diagnostic d) {
        if (d.file.empty()) d.file = file;
        if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(std::move(d));
    };
    ScenarioLoad load = loadScenarioFile(file, catalogue);
    for (Diagnostic& d : load.diagnostics) add(std::move(d));
    if (!load.ok()) return out;
    const Analysis analysis = analyzeScenario(*load.scenario);
    for (const Diagnostic& d : analysis.problems) add(d);
    std::string bytes, error;
    YamlDocument doc;
    if (readWholeFile(file, bytes, error) && YamlDocument::parse(std::move(bytes), doc, error))
        for (Diagnostic& d : authoringDiagnostics(*load.scenario, analysis, doc, file))
            add(std::move(d));
    return out;
}

}  // namespace counterplay::core
