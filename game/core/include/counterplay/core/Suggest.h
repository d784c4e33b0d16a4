// "Did you mean": the closest of some candidates to a mistyped word, as the loader uses for
// unknown keys and node ids. Public so that the tools can say the same for a mistyped choice id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace counterplay::core {

/// The candidate nearest to `word` by edit distance when it is close enough (1 edit for words of
/// up to 3 characters, 2 up to 6, else 3), else an empty string. An exact match is never
/// suggested.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace counterplay::core
