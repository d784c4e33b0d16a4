// Collecting diagnostics during a load: positions, lazily rendered field paths, the error cap.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "counterplay/core/Diagnostic.h"

namespace counterplay::core {

/// A 1-based line and column (columns count code points); 0/0 when unknown.
struct Pos {
    int line = 0;
    int column = 0;
};

/// A field path built on the stack while walking ("nodes.greet.choices[2].next"); rendered to a
/// string only when a diagnostic is actually reported, so the hot path never allocates for it.
struct Path {
    const Path* parent = nullptr;
    std::string_view key;  ///< used when index < 0
    int index = -1;

    Path child(std::string_view k) const { return Path{this, k, -1}; }
    Path item(int i) const { return Path{this, {}, i}; }
    std::string render() const;
};

/// Receives diagnostics for one file. Keeps at most kMaxErrors errors (and as many warnings);
/// `finish()` sorts them by position and appends a final "too many errors" when the cap was hit.
class DiagSink {
public:
    static constexpr int kMaxErrors = 100;

    explicit DiagSink(std::string file) : file_(std::move(file)) {}

    void error(Pos pos, const Path& path, std::string message) {
        add(Severity::Error, pos, path, std::move(message));
    }
    void warning(Pos pos, const Path& path, std::string message) {
        add(Severity::Warning, pos, path, std::move(message));
    }
    void add(Severity severity, Pos pos, const Path& path, std::string message);
    /// Same with an already rendered path.
    void addRendered(Severity severity, Pos pos, std::string path, std::string message);

    int errors() const { return errors_; }
    bool full() const { return errors_ >= kMaxErrors; }
    const std::string& file() const { return file_; }

    /// The diagnostics in file order (stable for equal positions), capped.
    std::vector<Diagnostic> finish();

private:
    std::string file_;
    std::vector<Diagnostic> list_;
    int errors_ = 0;
    int warnings_ = 0;
    bool droppedErrors_ = false;
    bool droppedWarnings_ = false;
};

}  // namespace counterplay::core
