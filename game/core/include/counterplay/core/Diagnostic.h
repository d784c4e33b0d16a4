// Content errors as data: what the loader, validator and analysis report.
#pragma once

#include <string>
#include <vector>

namespace counterplay::core {

enum class Severity { Error, Warning, Note };

/// "error", "warning" or "note".
const char* severityName(Severity s);

/// One problem in a content file, pointing at a place and a field path.
struct Diagnostic {
    std::string file;     ///< file name as given to the loader
    int line = 0;         ///< 1-based; 0 when unknown
    int column = 0;       ///< 1-based; 0 when unknown
    std::string path;     ///< field path, e.g. "nodes.greet.choices[2].next"; may be empty
    Severity severity = Severity::Error;
    std::string message;  ///< human sentence, never yaml-cpp's raw text

    /// "file:line:col: error: path: message" (the path part is left out when empty).
    std::string format() const;
    bool operator==(const Diagnostic&) const = default;
};

/// True when any diagnostic in the list is an error.
bool hasErrors(const std::vector<Diagnostic>& diagnostics);

/// Counts diagnostics of one severity.
int countSeverity(const std::vector<Diagnostic>& diagnostics, Severity s);

}  // namespace counterplay::core
