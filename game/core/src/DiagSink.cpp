// Diagnostic collection with a cap, and field path rendering.
#include "DiagSink.h"

#include <algorithm>

namespace counterplay::core {

std::string Path::render() const {
    std::vector<const Path*> chain;
    for (const Path* p = this; p != nullptr; p = p->parent)
        if (p->index >= 0 || !p->key.empty()) chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Path* p = *it;
        if (p->index >= 0) {
            out += '[';
            out += std::to_string(p->index);
            out += ']';
        } else {
            if (!out.empty()) out += '.';
            out += p->key;
        }
    }
    return out;
}

void DiagSink::add(Severity severity, Pos pos, const Path& path, std::string message) {
    if (severity == Severity::Error ? errors_ >= kMaxErrors : warnings_ >= kMaxErrors) {
        (severity == Severity::Error ? droppedErrors_ : droppedWarnings_) = true;
        return;
    }
    addRendered(severity, pos, path.render(), std::move(message));
}

void DiagSink::addRendered(Severity severity, Pos pos, std::string path, std::string message) {
    int& count = severity == Severity::Error ? errors_ : warnings_;
    if (count >= kMaxErrors) {
        (severity == Severity::Error ? droppedErrors_ : droppedWarnings_) = true;
        return;
    }
    ++count;
    list_.push_back(Diagnostic{file_, pos.line, pos.column, std::move(path), severity,
                               std::move(message)});
}

std::vector<Diagnostic> DiagSink::finish() {
    std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (droppedWarnings_)
        list_.push_back(Diagnostic{file_, 0, 0, "", Severity::Warning,
                                   "too many warnings: only the first " +
                                       std::to_string(kMaxErrors) + " are shown"});
    if (droppedErrors_)
        list_.push_back(Diagnostic{file_, 0, 0, "", Severity::Error,
                                   "too many errors: only the first " +
                                       std::to_string(kMaxErrors) + " are shown"});
    return std::move(list_);
}

}  // namespace counterplay::core
