// Session state: customer mood and trust plus the scenario's flags and counters.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "counterplay/core/Model.h"

namespace counterplay::core {

struct State {
    int mood = 50;
    int trust = 50;
    std::map<std::string, bool> flags;
    std::map<std::string, int> counters;

    /// The scenario's starting state (customer mood/trust, declared flags and counters).
    static State initial(const Scenario& scenario);

    /// Applies effects in order; mood and trust are clamped to 0..100 after each change.
    void apply(const std::vector<Effect>& effects);

    /// Value of a variable as an integer (flags: 0/1); nullopt when undeclared.
    std::optional<int> valueOf(const std::string& name) const;

    bool operator==(const State&) const = default;
};

}  // namespace counterplay::core
