// The condition language on choices: `trust >= 50 and not blamed`. See docs/scenario-format.md.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace counterplay::core {

struct State;
struct ConditionExpr;  // AST, defined in Condition.cpp

/// A parsed condition; cheap to copy (shares its immutable AST).
class Condition {
public:
    /// Result of parsing: either a condition or an error message with its 1-based column in the
    /// source string.
    struct ParseResult;

    /// Parses `source`. `known` is the set of variable names allowed (mood, trust, flags,
    /// counters); an unknown name is a parse error.
    static ParseResult parse(std::string_view source, const std::set<std::string>& known);

    /// Evaluates against a state; unknown variables evaluate as 0/false. A default-constructed
    /// Condition (no expression) is always true. Never allocates.
    bool evaluate(const State& state) const;

    /// Fast path for the analysis: variable i (in variables() order) reads
    /// table[slotOf[i]]. Never allocates.
    bool evaluateIndexed(const int* table, const int* slotOf) const;

    /// The variable names this condition reads.
    const std::vector<std::string>& variables() const { return variables_; }

    /// The source text as written.
    const std::string& source() const { return source_; }

private:
    std::shared_ptr<const ConditionExpr> root_;
    std::vector<std::string> variables_;
    std::string source_;
};

struct Condition::ParseResult {
    bool ok = false;
    Condition condition;
    std::string error;  ///< e.g. "expected ')' but found end of condition"
    int column = 0;     ///< 1-based column inside the source string
};

}  // namespace counterplay::core
