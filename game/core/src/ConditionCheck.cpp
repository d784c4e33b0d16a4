// Conditions checked as you type (see ConditionCheck.h).
#include "counterplay/core/ConditionCheck.h"

#include "Validator.h"
#include "counterplay/core/Condition.h"

namespace counterplay::core {

std::set<std::string> conditionVariables(const Scenario& scenario) {
    std::set<std::string> known = {"mood", "trust"};
    for (const auto& [name, value] : scenario.flags) known.insert(name);
    for (const auto& [name, value] : scenario.counters) known.insert(name);
    return known;
}

ConditionCheck checkCondition(std::string_view source, const Scenario& scenario) {
    ConditionCheck out;
    if (source.find_first_not_of(" \t") == std::string_view::npos) return out;
    const Condition::ParseResult r = Condition::parse(source, conditionVariables(scenario));
    if (r.ok) {
        out.variables = r.condition.variables();
        return out;
    }
    out.ok = false;
    out.message = validate::invalidConditionMessage(r.error);
    out.column = r.column;
    return out;
}

}  // namespace counterplay::core
