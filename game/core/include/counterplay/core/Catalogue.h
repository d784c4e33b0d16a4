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

/// An entry of the catalogue's `sources:` table: a text a trainer or player can look up.
struct Source {
    std::string id;     ///< stable id that principles and scenarios cite (`ref:`)
    std::string kind;   ///< book | article | web-guide | law
    Text title;
    Text author;        ///< may be empty when only the publisher is known
    Text publisher;     ///< the publisher, site or issuing body; may be empty
    std::string date;   ///< as written: "2016-02-16", "2017"; empty when unknown
    Text itemLabel;     ///< how an item reads, "{item}번째 방법" / "way {item}"; empty = as is
    Text note;
    std::string url;
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
    std::vector<Source> sources;        ///< in file order
    std::vector<Principle> principles;  ///< in file order
    std::string file;

    /// The principle with this id, or nullptr.
    const Principle* find(const std::string& id) const;
    /// The group with this id, or nullptr.
    const PrincipleGroup* findGroup(const std::string& id) const;
    /// The source with this id, or nullptr.
    const Source* findSource(const std::string& id) const;
};

}  // namespace counterplay::core
