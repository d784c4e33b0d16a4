// Formatting of diagnostics in the compiler style editors understand.
#include "counterplay/core/Diagnostic.h"

#include <algorithm>

namespace counterplay::core {

const char* severityName(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string Diagnostic::format() const {
    std::string out = file;
    out += ':' + std::to_string(line) + ':' + std::to_string(column) + ": ";
    out += severityName(severity);
    out += ": ";
    if (!path.empty()) out += path + ": ";
    out += message;
    return out;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

int countSeverity(const std::vector<Diagnostic>& diagnostics, Severity s) {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [s](const Diagnostic& d) { return d.severity == s; }));
}

}  // namespace counterplay::core
