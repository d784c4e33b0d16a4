// Look-ups on the scenario model and the catalogue.
#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Model.h"

namespace counterplay::core {

const Node* Scenario::findNode(const std::string& nodeId) const {
    auto it = nodeIndex.find(nodeId);
    return it == nodeIndex.end() ? nullptr : &nodes[it->second];
}

std::size_t Scenario::resolve(const std::string& nodeId, std::size_t storedIndex) const {
    if (storedIndex < nodes.size() && nodes[storedIndex].id == nodeId) return storedIndex;
    if (auto it = nodeIndex.find(nodeId); it != nodeIndex.end()) return it->second;
    for (std::size_t i = 0; i < nodes.size(); ++i)  // a model built by hand, without nodeIndex
        if (nodes[i].id == nodeId) return i;
    return nodes.size();
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

const Source* Catalogue::findSource(const std::string& id) const {
    for (const Source& s : sources)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace counterplay::core
