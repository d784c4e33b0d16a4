// Internal to EditSession: the small document steps the edit operations are made of (set or add
// a key in schema order, replace a map or a list keeping a block layout's unchanged lines, check
// an id). EditOperations.cpp and EditNodeOperations.cpp both build on them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "EditDraft.h"

namespace counterplay::core::editsteps {

using Draft = EditSession::Draft;

/// The path of `key` in the map at `parent` ("" is the top level).
std::string childPath(const std::string& parent, const std::string& key);
/// `v` double-quoted for YAML.
std::string quoted(const std::string& v);
/// `v` plain when that keeps its meaning in a flow collection, else double-quoted.
std::string plainOrQuoted(const std::string& v);
/// A text as a flow map `{ko: "..", en: ".."}`.
std::string flowText(const Text& t);
/// "- " + body, the body's other lines indented under the dash.
std::string asItem(const std::string& body);
/// The key order the format documents for the map at `mapPath` (a choice, a time limit, a
/// line, an ending, a node or the top level).
const std::vector<std::string>& orderFor(const std::string& mapPath);
/// The first key after `key` in orderFor(mapPath) that the map has: a new `key` goes before it.
std::string beforeKeyFor(const YamlDocument& doc, const std::string& mapPath,
                         const std::string& key);

/// Sets `mapPath.key` to a scalar, adding the key (in schema order) when missing.
bool setOrInsert(Draft& d, const std::string& mapPath, const std::string& key,
                 const std::string& value);
/// Removes `path` when it exists.
bool removeIfPresent(Draft& d, const std::string& path);
/// Replaces the map `mapPath.key` with `entries` (key, value as YAML), keeping a block map's
/// unchanged lines: only changed values, removed keys and added keys are touched.
bool setMap(Draft& d, const std::string& mapPath, const std::string& key,
            const std::vector<std::pair<std::string, std::string>>& entries);
/// Replaces the list `mapPath.key` with `items` (block lists item by item).
bool setList(Draft& d, const std::string& mapPath, const std::string& key,
             const std::vector<std::string>& items);
/// Fails the draft unless `id` is a valid id; `what` names it in the message.
bool checkId(Draft& d, const std::string& id, const char* what);
/// The undo label of an operation.
inline Text label(const std::string& ko, const std::string& en) { return Text{ko, en}; }

}  // namespace counterplay::core::editsteps
