// Semantic checks of a scenario beyond its schema: "did you mean" suggestions for references,
// id syntax, condition parsing with exact columns, and the graph rules (every node reachable
// from start, no cycles). The loader calls these while it walks the file, so each diagnostic
// points at the exact key or value.
#pragma once

#include "counterplay/core/Suggest.h"

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

using core::editDistance;
using core::Suggester;

/// Marks a `nextIndex` / `startIndex` that does not name an existing node.
inline constexpr std::size_t kNoNode = static_cast<std::size_t>(-1);

/// True for a lower-case id: [a-z][a-z0-9_.-]*.
bool isId(std::string_view s);

/// The message for a value that is not an id.
std::string notAnIdMessage(std::string_view value);

/// The diagnostic message for a condition that does not parse (the loader's and the editor's).
std::string invalidConditionMessage(const std::string& parseError);

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
