// The schema table (see Schema.h). Keep it in step with docs/scenario-format.md.
#include "Schema.h"

#include <array>

namespace counterplay::core::schema {

namespace {

using V = ValueType;
using N = Need;
using K = MapKind;

constexpr std::string_view kSettings[] = {"boutique", "cafe",  "cosmetics", "hardware",
                                          "phone",    "hotel", "inbox"};
constexpr std::string_view kHair[] = {"short", "bob", "long", "bun", "ponytail", "curly", "bald"};
constexpr std::string_view kOutfits[] = {"blouse", "coat", "suit", "sweater", "tshirt", "dress"};
constexpr std::string_view kAccessories[] = {"none", "glasses", "earrings", "scarf", "hat", "tie"};
constexpr std::string_view kSpeakers[] = {"customer", "staff", "narrator"};
constexpr std::string_view kExpressions[] = {"neutral", "annoyed",  "angry", "upset",
                                             "surprised", "relieved", "happy"};
constexpr std::string_view kEndingKinds[] = {"loyal", "resolved", "lost", "escalated"};

constexpr FieldSpec kScenario[] = {
    {"format", V::Integer, N::Required, K::Scenario, 1, 1},
    {"id", V::Id, N::Required},
    {"title", V::Text, N::Required},
    {"summary", V::Text, N::Required},
    {"setting", V::Id, N::Required, K::Scenario, -kNoLimit, kNoLimit, kSettings},
    {"difficulty", V::Integer, N::Required, K::Scenario, 1, 3},
    {"source", V::Map, N::Required, K::Source},
    {"principles", V::IdList, N::Required, K::Scenario, 1, kNoLimit},
    {"pass_threshold", V::Integer, N::Optional, K::Scenario, 0, 100},
    {"customer", V::Map, N::Required, K::Customer},
    {"state", V::Map, N::Optional, K::State},
    {"critical_actions", V::MapList, N::Optional, K::CriticalAction, 0, kNoLimit},
    {"start", V::Id, N::Required},
    {"nodes", V::NodeMap, N::Required, K::Node, 1, 10000},
};

constexpr std::string_view kSourceKinds[] = {"book", "article", "web-guide", "law"};

// A citation: `ref` names an entry of the catalogue's `sources:`; `seed` is the old form (a file
// name users cannot read), still loaded with a warning. The reader requires exactly one of them.
constexpr FieldSpec kSource[] = {
    {"ref", V::Id, N::OneOf},
    {"seed", V::String, N::OneOf},
    {"item", V::Label, N::Optional},
};

// An entry of the catalogue's `sources:` table. The reader requires `author` or `publisher`.
constexpr FieldSpec kCatalogueSource[] = {
    {"id", V::Id, N::Required},
    {"kind", V::Id, N::Required, K::Scenario, -kNoLimit, kNoLimit, kSourceKinds},
    {"title", V::Text, N::Required},
    {"author", V::Label, N::Optional},
    {"publisher", V::Label, N::Optional},
    {"date", V::String, N::Optional},
    {"item_label", V::Text, N::Optional},
    {"note", V::Text, N::Optional},
    {"url", V::String, N::Optional},
};

constexpr FieldSpec kCustomer[] = {
    {"name", V::Text, N::Required},
    {"look", V::Map, N::Required, K::Look},
    {"mood", V::Integer, N::Required, K::Scenario, 0, 100},
    {"trust", V::Integer, N::Required, K::Scenario, 0, 100},
};

constexpr FieldSpec kLook[] = {
    {"skin", V::Colour, N::Required},
    {"hair", V::Id, N::Required, K::Scenario, -kNoLimit, kNoLimit, kHair},
    {"hair_color", V::Colour, N::Required},
    {"outfit", V::Id, N::Required, K::Scenario, -kNoLimit, kNoLimit, kOutfits},
    {"outfit_color", V::Colour, N::Required},
    {"accessory", V::Id, N::Optional, K::Scenario, -kNoLimit, kNoLimit, kAccessories},
};

constexpr FieldSpec kState[] = {
    {"flags", V::FlagMap, N::Optional},
    {"counters", V::CounterMap, N::Optional},
};

constexpr FieldSpec kCriticalAction[] = {
    {"id", V::Id, N::Required},
    {"tag", V::Id, N::Required},
    {"label", V::Text, N::Required},
    {"order", V::Integer, N::Optional},
    {"deadline", V::Integer, N::Optional, K::Scenario, 1, kNoLimit},
};

constexpr FieldSpec kNode[] = {
    {"lines", V::MapList, N::Required, K::Line, 1, kNoLimit},
    {"choices", V::MapList, N::OneOf, K::Choice, 1, 9},
    {"ending", V::Map, N::OneOf, K::Ending},
    {"time_limit", V::Map, N::Optional, K::TimeLimit},
    {"shuffle", V::Bool, N::Optional},
};

constexpr FieldSpec kLine[] = {
    {"speaker", V::Id, N::Optional, K::Scenario, -kNoLimit, kNoLimit, kSpeakers},
    {"expression", V::Id, N::Optional, K::Scenario, -kNoLimit, kNoLimit, kExpressions},
    {"text", V::Text, N::Required},
};

constexpr FieldSpec kChoice[] = {
    {"id", V::Id, N::Optional},
    {"text", V::Text, N::Required},
    {"condition", V::Condition, N::Optional},
    {"effects", V::Effects, N::Optional},
    {"points", V::Points, N::Optional},
    {"feedback", V::Text, N::Required},
    {"tags", V::IdList, N::Optional},
    {"next", V::Id, N::Required},
};

constexpr FieldSpec kTimeLimit[] = {
    {"seconds", V::Integer, N::Required, K::Scenario, 1, 600},
    {"next", V::Id, N::Required},
    {"effects", V::Effects, N::Optional},
    {"points", V::Points, N::Optional},
    {"feedback", V::Text, N::Required},
    {"tags", V::IdList, N::Optional},
};

constexpr FieldSpec kEnding[] = {
    {"id", V::Id, N::Optional},
    {"kind", V::Id, N::Required, K::Scenario, -kNoLimit, kNoLimit, kEndingKinds},
    {"title", V::Text, N::Required},
    {"recommend", V::Integer, N::Optional, K::Scenario, 0, 10},
};

constexpr FieldSpec kCatalogue[] = {
    {"format", V::Integer, N::Required, K::Scenario, 1, 1},
    {"groups", V::MapList, N::Required, K::Group, 1, kNoLimit},
    {"sources", V::MapList, N::Optional, K::CatalogueSource, 0, kNoLimit},
    {"principles", V::MapList, N::Required, K::Principle, 1, kNoLimit},
};

constexpr FieldSpec kGroup[] = {
    {"id", V::Id, N::Required},
    {"name", V::Text, N::Required},
};

constexpr FieldSpec kPrinciple[] = {
    {"id", V::Id, N::Required},
    {"group", V::Id, N::Required},
    {"name", V::Text, N::Required},
    {"summary", V::Text, N::Required},
    {"source", V::Map, N::Required, K::Source},
};

// Indexed by MapKind.
constexpr MapSpec kSpecs[] = {
    {K::Scenario, "scenario", kScenario},
    {K::Source, "source", kSource},
    {K::CatalogueSource, "catalogue source", kCatalogueSource},
    {K::Customer, "customer", kCustomer},
    {K::Look, "look", kLook},
    {K::State, "state", kState},
    {K::CriticalAction, "critical action", kCriticalAction},
    {K::Node, "node", kNode},
    {K::Line, "line", kLine},
    {K::Choice, "choice", kChoice},
    {K::TimeLimit, "time limit", kTimeLimit},
    {K::Ending, "ending", kEnding},
    {K::Catalogue, "catalogue", kCatalogue},
    {K::Group, "group", kGroup},
    {K::Principle, "principle", kPrinciple},
};

constexpr bool specsInOrder() {
    for (std::size_t i = 0; i < std::size(kSpecs); ++i) {
        if (static_cast<std::size_t>(kSpecs[i].kind) != i) return false;
        if (kSpecs[i].fields.size() > kMaxFields) return false;
    }
    return true;
}
static_assert(specsInOrder(), "kSpecs must be indexed by MapKind and fit kMaxFields");

}  // namespace

int MapSpec::indexOf(std::string_view key) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].key == key) return static_cast<int>(i);
    return -1;
}

const MapSpec& spec(MapKind kind) { return kSpecs[static_cast<std::size_t>(kind)]; }

std::span<const MapSpec> allSpecs() { return kSpecs; }

}  // namespace counterplay::core::schema
