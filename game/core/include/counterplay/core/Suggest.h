// "Did you mean": the closest known word to a mistyped one, as the loader uses for unknown keys
// and node ids; public so that the tools say the same for choice ids, trainees and scenarios.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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


/// The candidate nearest to `word` by edit distance when it is close enough (1 edit for words of
/// up to 3 characters, 2 up to 6, else 3), else an empty string. An exact match is never
/// suggested.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace counterplay::core
