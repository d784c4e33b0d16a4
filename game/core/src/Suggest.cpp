// closestMatch (see Suggest.h): the loader's Suggester behind a public function.
#include "counterplay/core/Suggest.h"

#include "Validator.h"

namespace counterplay::core {

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    validate::Suggester s(word);
    for (const std::string& c : candidates) s.consider(c);
    return s.best();
}

}  // namespace counterplay::core
