// A problem for a person to read, kept as data: core code says what went wrong (a kind and its
// values) and each front end words it in the user's language (the verbs from cli.json). The
// English sentence core also returns stays for logs and for callers that show no language.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace counterplay::core {

struct Problem {
    /// What went wrong, e.g. "store.no-file" or "write.folder": a key of the front end's
    /// strings ("problem." + kind in cli.json). Empty when nothing is known beyond the English.
    std::string kind;
    /// The placeholders of the wording: {path}, {detail}, ...
    std::vector<std::pair<std::string, std::string>> values;

    /// True when no kind was set.
    bool empty() const { return kind.empty(); }

    /// The value named `name`, or "" when it has none.
    std::string value(std::string_view name) const {
        for (const auto& [k, v] : values)
            if (k == name) return v;
        return {};
    }
};

/// Sets `*out` (when not null) to the problem `kind` with `values`; a helper for the core
/// functions that take an optional Problem out-parameter.
inline void setProblem(Problem* out, std::string kind,
                       std::vector<std::pair<std::string, std::string>> values = {}) {
    if (out == nullptr) return;
    out->kind = std::move(kind);
    out->values = std::move(values);
}

}  // namespace counterplay::core
