// The one schema table of the scenario and catalogue formats: for every kind of map, its allowed
// keys with their value type, whether they are required, value ranges and enumerations. The
// loaders are driven by it (unknown keys, missing keys, type and range errors all come from here)
// and tests/unit/schema_doc_test.cpp checks that docs/scenario-format.md names every key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

namespace counterplay::core::schema {

/// Every kind of map in the two formats.
enum class MapKind : std::uint8_t {
    Scenario,
    Source,
    CatalogueSource,
    Customer,
    Look,
    State,
    CriticalAction,
    Node,
    Line,
    Choice,
    TimeLimit,
    Ending,
    Catalogue,
    Group,
    Principle,
};

/// The type of a value.
enum class ValueType : std::uint8_t {
    Integer,     ///< plain integer in [min, max]
    Bool,        ///< plain true or false
    Id,          ///< lower-case id; one of `choices` when that is not empty
    String,      ///< any scalar
    Colour,      ///< "#rrggbb"
    Condition,   ///< a string in the condition language
    Text,        ///< {ko, en}
    Label,       ///< a string (the same in both languages) or {ko, en}
    Map,         ///< a nested map of kind `sub`
    IdList,      ///< list of ids, [min, max] entries
    MapList,     ///< list of maps of kind `sub`, [min, max] entries
    NodeMap,     ///< map of id to a map of kind `sub`
    FlagMap,     ///< map of id to true/false
    CounterMap,  ///< map of id to integer
    Effects,     ///< map of state variable to integer or true/false
    Points,      ///< map of principle id to integer
};

enum class Need : std::uint8_t {
    Optional,
    Required,
    OneOf,  ///< exactly one of the map's OneOf keys must be present
};

inline constexpr int kNoLimit = std::numeric_limits<int>::max();

struct FieldSpec {
    std::string_view key;
    ValueType type;
    Need need = Need::Optional;
    MapKind sub = MapKind::Scenario;  ///< for Map, MapList, NodeMap
    int min = -kNoLimit;              ///< Integer: value; lists: entries
    int max = kNoLimit;
    std::span<const std::string_view> choices = {};  ///< Id enumerations
};

struct MapSpec {
    MapKind kind;
    std::string_view name;  ///< for messages, e.g. "choice"
    std::span<const FieldSpec> fields;

    /// Index of `key` in `fields`, or -1.
    int indexOf(std::string_view key) const;
};

/// The spec of one kind of map.
const MapSpec& spec(MapKind kind);

/// Every spec (for the documentation test).
std::span<const MapSpec> allSpecs();

/// The two languages of a text map.
inline constexpr std::string_view kTextKeys[] = {"ko", "en"};

/// Largest number of fields any map kind has (sizes the loader's per-map field table).
inline constexpr std::size_t kMaxFields = 16;

}  // namespace counterplay::core::schema
