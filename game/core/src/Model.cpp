// Look-ups on the scenario model and the catalogue.
#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Model.h"

namespace counterplay::core {

const Node* Scenario::findNode(const std::string& nodeId) const {
    auto it = nodeIndex.find(nodeId);
    return it == nodeIndex.end() ? nullptr : &nodes[it->second];
}

const Principle* Catalogue::find(const std::string& id) const {
    for (const Principle& p : principles)
        if (p.id == id) return &p;
    return nullptr;
}

const PrincipleGroup* Catalogue::findGroup(const std::string& id) const {
    for (const PrincipleGroup& g : groups)
        if (g.id == id) return &g;
    return nullptr;
}

}  // namespace counterplay::core
