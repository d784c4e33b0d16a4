// Internal to EditSession: an operation in progress. Each step is one YamlDocument edit; the
// document is parsed again only when a later step needs it, so a one-step operation parses once.
#pragma once

#include <optional>
#include <string>

#include "counterplay/core/EditSession.h"

namespace counterplay::core {

class EditSession::Draft {
public:
    Draft(const YamlDocument& base, const Scenario* scenario)
        : base_(&base), scenario_(scenario) {}

    /// The document as the steps so far left it.
    const YamlDocument& doc() {
        if (pending_) {
            std::string error;
            std::string bytes = std::move(*pending_);
            pending_.reset();
            if (!YamlDocument::parse(std::move(bytes), own_, error)) broken_ = error;
            owned_ = true;
        }
        return owned_ ? own_ : *base_;
    }
    /// The model as it was before the operation (for look-ups: ids, flags).
    const Scenario* scenario() const { return scenario_; }

    /// Takes one edit's result; false (with error()) when the edit failed.
    bool step(EditResult r) {
        if (!r.ok) {
            error_ = r.error;
            return false;
        }
        doc();  // settle an earlier pending step first
        pending_ = std::move(r.bytes);
        return true;
    }
    bool fail(std::string message) {
        error_ = std::move(message);
        return false;
    }
    const std::string& error() const { return broken_.empty() ? error_ : broken_; }
    bool broken() const { return !broken_.empty(); }

    /// The final bytes, and the parsed document when it already exists (else nullptr).
    bool changed() const { return pending_.has_value() || owned_; }
    std::string takeBytes(YamlDocument*& parsed) {
        if (pending_) {
            parsed = nullptr;
            return std::move(*pending_);
        }
        parsed = &own_;
        return own_.bytes();
    }

private:
    const YamlDocument* base_;
    const Scenario* scenario_;
    YamlDocument own_;
    bool owned_ = false;
    std::optional<std::string> pending_;
    std::string error_;
    std::string broken_;
};

}  // namespace counterplay::core
