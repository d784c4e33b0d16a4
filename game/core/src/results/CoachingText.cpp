// Input checks for coaching data (see CoachingText.h).
#include "results/CoachingText.h"

#include <cctype>

#include "Utf8.h"
#include "counterplay/core/Coaching.h"

namespace counterplay::core::coaching {

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::string checkedText(std::string_view value, const char* what, std::size_t maxChars,
                        bool multiline, bool allowEmpty) {
    std::string t = trim(value);
    if (t.empty() && !allowEmpty) throw CoachingError(std::string(what) + " is empty");
    if (utf8::codePoints(t) > maxChars)
        throw CoachingError(std::string(what) + " is longer than " + std::to_string(maxChars) +
                            " characters");
    const utf8::Finding f = utf8::scan(t, 0, false);  // tabs and newlines pass here
    if (f.hazard != utf8::Hazard::None)
        throw CoachingError(std::string(what) + " contains " +
                            std::string(utf8::describe(f.hazard)));
    if (!multiline && t.find_first_of("\n\t") != std::string::npos)
        throw CoachingError(std::string(what) + " must be one line");
    return t;
}

}  // namespace counterplay::core::coaching
