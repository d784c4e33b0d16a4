// "Did you mean" hints: the closest known word to a misspelt one (ids in scenarios, trainee keys
// and names, scenario ids in filters).
#pragma once

#include <string>
#include <string_view>

namespace counterplay::core {

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

}  // namespace counterplay::core
