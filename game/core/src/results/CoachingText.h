// Input checks shared by the coaching, roster and privacy code (private): trimming, and refusing
// text that is empty, too long, not UTF-8 or carries control or bidi characters.
#pragma once

#include <string>
#include <string_view>

namespace counterplay::core::coaching {

/// `s` without leading and trailing ASCII white space.
std::string trim(std::string_view s);

/// The trimmed `value`, or throws CoachingError naming `what` when it is empty, longer than
/// `maxChars` code points, not valid UTF-8, or holds control characters (newlines and tabs only
/// when `multiline`) or bidi overrides.
std::string checkedText(std::string_view value, const char* what, std::size_t maxChars,
                        bool multiline = false, bool allowEmpty = false);

}  // namespace counterplay::core::coaching
