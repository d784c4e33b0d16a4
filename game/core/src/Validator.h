// Semantic checks of a scenario beyond its schema: "did you mean" suggestions for references,
// id syntax, condition parsing with exact columns, and the graph rules (every node reachable
// from start, no cycles). The loader calls these while it walks the file, so each diagnostic
// points at the exact key or value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "DiagSink.h"
#include "YamlGuard.h"
#include "counterplay/core/Condition.h"
#include "counterplay/core/Model.h"

namespace counterplay::core::validate {

/// Marks a `nextIndex` / `startIndex` that does not name an existing node.
inline constexpr std::size_t kNoNode = static_cast<std::size_t>(-1);

/// True for a lower-case id: [a-z][a-z0-9_.-]*.
bool isId(std::string_view s);

/// The message for a value that is not an id.
std::string notAnIdMessage(std::string_view value);

/// Optimal string alignment distance (edits and adjacent swaps), stopping early above `limit`
/// (then returns limit + 1).
int editDistance(std::string_view a, std::string_view b, int limit);

/// Picks the closest candidate to a misspelt word, for "did you mean" hints.
class Suggester {
public:
    explicit Suggester(std::string_view word);
    void consider(std::string_view candidate);
    /// " (did you mean 'x'?)" or "" when nothing is close enough.
    std::string hint() const;
    const std::string& best() const { return best_; }

private:
    std::string_view word_;
    int limit_;
    int bestDistance_;
    std::string best_;
};

/// Parses the condition held by scalar `node` with the declared variables `known`. Reports a
/// parse error or an undeclared variable at the column inside the string when the scalar is
/// written on one line (plain or quoted, no escapes before the error), else at the scalar.
std::optional<Condition> parseCondition(const YamlTree& tree, std::uint32_t node,
                                        const std::set<std::string>& known, DiagSink& sink,
                                        const Path& path);

/// The graph rules on a scenario whose references have been resolved (unresolved ones are
/// kNoNode and ignored): unreachable nodes (warning) and cycles (error naming the loop).
/// Uses Node::line/column and Choice::line/column for positions.
void checkGraph(const Scenario& scenario, DiagSink& sink);

}  // namespace counterplay::core::validate
