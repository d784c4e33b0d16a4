// The principle catalogue: the scoring axes (scenarios/principles.yaml).
#pragma once

#include <string>
#include <vector>

#include "counterplay/core/Model.h"
#include "counterplay/core/Text.h"

namespace counterplay::core {

struct PrincipleGroup {
    std::string id;
    Text name;
};

struct Principle {
    std::string id;
    std::string group;
    Text name;
    Text summary;
    SourceRef source;
};

struct Catalogue {
    std::vector<PrincipleGroup> groups;
    std::vector<Principle> principles;  ///< in file order
    std::string file;

    /// The principle with this id, or nullptr.
    const Principle* find(const std::string& id) const;
    /// The group with this id, or nullptr.
    const PrincipleGroup* findGroup(const std::string& id) const;
};

}  // namespace counterplay::core
