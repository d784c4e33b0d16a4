// Session state: starting values and effects (mood and trust are clamped after every change).
#include "counterplay/core/State.h"

#include <algorithm>
#include <cstdint>

namespace counterplay::core {

namespace {
int clampPercent(long long v) { return static_cast<int>(std::clamp<long long>(v, 0, 100)); }

/// Adds without signed overflow (counters are unbounded ints in the format).
int saturatingAdd(int a, int b) {
    long long sum = static_cast<long long>(a) + b;
    return static_cast<int>(std::clamp<long long>(sum, INT32_MIN, INT32_MAX));
}
}  // namespace

State State::initial(const Scenario& scenario) {
    State s;
    s.mood = clampPercent(scenario.customer.mood);
    s.trust = clampPercent(scenario.customer.trust);
    s.flags = scenario.flags;
    s.counters = scenario.counters;
    return s;
}

void State::apply(const std::vector<Effect>& effects) {
    for (const Effect& e : effects) {
        if (e.variable == "mood") {
            mood = clampPercent(static_cast<long long>(mood) + e.value);
        } else if (e.variable == "trust") {
            trust = clampPercent(static_cast<long long>(trust) + e.value);
        } else if (auto f = flags.find(e.variable); f != flags.end()) {
            // A flag is set to the value (Add on a flag also sets: "true" is the only sensible
            // reading of `flag: 1`).
            f->second = e.value != 0;
        } else if (auto c = counters.find(e.variable); c != counters.end()) {
            c->second = e.kind == Effect::Kind::Set ? e.value : saturatingAdd(c->second, e.value);
        }
        // Undeclared variables are rejected by the loader; ignore them here.
    }
}

std::optional<int> State::valueOf(const std::string& name) const {
    if (name == "mood") return mood;
    if (name == "trust") return trust;
    if (auto f = flags.find(name); f != flags.end()) return f->second ? 1 : 0;
    if (auto c = counters.find(name); c != counters.end()) return c->second;
    return std::nullopt;
}

}  // namespace counterplay::core
