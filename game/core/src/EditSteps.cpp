// The document steps of the edit operations (see EditSteps.h).
#include "EditSteps.h"

#include <algorithm>

#include "Validator.h"

namespace counterplay::core::editsteps {

namespace {

// The documented key orders (docs/scenario-format.md).
const std::vector<std::string> kChoiceOrder = {"id",     "text",     "condition", "effects",
                                               "points", "feedback", "tags",      "next"};
const std::vector<std::string> kTimeoutOrder = {"seconds", "next",     "effects",
                                                "points",  "feedback", "tags"};

const std::vector<std::string> kLineOrder = {"speaker", "expression", "text"};
const std::vector<std::string> kEndingOrder = {"id", "kind", "title", "recommend"};
const std::vector<std::string> kNodeOrder = {"lines", "choices", "ending", "time_limit", "shuffle"};
const std::vector<std::string> kTopOrder = {
    "format", "id",         "title",          "summary",  "setting", "difficulty",
    "source", "principles", "pass_threshold", "customer", "state",   "critical_actions",
    "start",  "nodes"};

}  // namespace

const std::vector<std::string>& orderFor(const std::string& mapPath) {
    if (mapPath.empty()) return kTopOrder;
    if (mapPath.ends_with(".time_limit")) return kTimeoutOrder;
    if (mapPath.ends_with(".ending")) return kEndingOrder;
    const std::size_t dot = mapPath.rfind('.');
    const std::string_view last =
        std::string_view(mapPath).substr(dot == std::string::npos ? 0 : dot);
    if (last.starts_with(".lines[")) return kLineOrder;
    if (last.starts_with(".choices[")) return kChoiceOrder;
    return kNodeOrder;
}

std::string childPath(const std::string& parent, const std::string& key) {
    if (parent.empty()) return key;
    if (key.find_first_of(".[]") != std::string::npos) return parent + "[\"" + key + "\"]";
    return parent + "." + key;
}

std::string quoted(const std::string& v) { return YamlDocument::doubleQuoted(v); }

std::string plainOrQuoted(const std::string& v) {
    return YamlDocument::canBePlain(v, true) ? v : quoted(v);
}

std::string flowText(const Text& t) {
    return "{ko: " + quoted(t.ko) + ", en: " + quoted(t.en) + "}";
}

/// The first key after `key` in `order` that the map at `mapPath` has: insert before it.
std::string beforeKeyFor(const YamlDocument& doc, const std::string& mapPath,
                         const std::string& key) {
    const std::vector<std::string>& order = orderFor(mapPath);
    const int m = doc.find(mapPath);
    auto it = std::find(order.begin(), order.end(), key);
    if (m < 0 || it == order.end()) return {};
    for (++it; it != order.end(); ++it)
        if (doc.child(m, *it) >= 0) return *it;
    return {};
}

/// Sets `mapPath.key` to a scalar, adding the key (in schema order) when missing.
bool setOrInsert(Draft& d, const std::string& mapPath, const std::string& key,
                 const std::string& value) {
    const YamlDocument& doc = d.doc();
    if (doc.find(mapPath) < 0) return d.fail("nothing at " + mapPath);
    const std::string path = childPath(mapPath, key);
    if (doc.find(path) >= 0) return d.step(doc.setScalar(path, value));
    return d.step(doc.insertScalarEntry(mapPath, key, value, beforeKeyFor(doc, mapPath, key)));
}

/// Removes `path` when it exists.
bool removeIfPresent(Draft& d, const std::string& path) {
    const YamlDocument& doc = d.doc();
    if (doc.find(path) < 0) return true;
    return d.step(doc.remove(path));
}

/// Replaces the map `mapPath.key` with `entries` (key, value as YAML), keeping a block map's
/// unchanged lines: only changed values, removed keys and added keys are touched.
bool setMap(Draft& d, const std::string& mapPath, const std::string& key,
            const std::vector<std::pair<std::string, std::string>>& entries) {
    const std::string path = childPath(mapPath, key);
    if (d.doc().find(mapPath) < 0) return d.fail("nothing at " + mapPath);
    if (entries.empty()) return removeIfPresent(d, path);
    std::string flow = "{";
    for (std::size_t i = 0; i < entries.size(); ++i)
        flow += (i ? ", " : "") + plainOrQuoted(entries[i].first) + ": " + entries[i].second;
    flow += "}";
    const YamlDocument& doc = d.doc();
    const int n = doc.find(path);
    if (n < 0)
        return d.step(doc.insertRawEntry(mapPath, key, flow, beforeKeyFor(doc, mapPath, key)));
    const DocNode& node = doc.nodes()[n];
    if (node.kind != DocNode::Kind::Map || node.flow) return d.step(doc.replaceRaw(path, flow));
    // A block map: entry by entry.
    std::vector<std::string> existing;
    for (int c : node.children) existing.push_back(doc.nodes()[c].key);
    for (auto it = existing.rbegin(); it != existing.rend(); ++it) {
        const bool kept = std::any_of(entries.begin(), entries.end(),
                                      [&](const auto& e) { return e.first == *it; });
        if (!kept && !d.step(d.doc().remove(childPath(path, *it)))) return false;
    }
    for (const auto& [k, v] : entries) {
        const YamlDocument& now = d.doc();
        const int c = now.find(childPath(path, k));
        if (c >= 0) {
            if (now.nodes()[c].value != v && !d.step(now.setScalar(childPath(path, k), v)))
                return false;
        } else if (!d.step(now.insertScalarEntry(path, k, v))) {
            return false;
        }
    }
    return true;
}

/// Replaces the list `mapPath.key` with `items` (block lists item by item).
bool setList(Draft& d, const std::string& mapPath, const std::string& key,
             const std::vector<std::string>& items) {
    const std::string path = childPath(mapPath, key);
    if (d.doc().find(mapPath) < 0) return d.fail("nothing at " + mapPath);
    if (items.empty()) return removeIfPresent(d, path);
    std::string flow = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        flow += (i ? ", " : "") + plainOrQuoted(items[i]);
    flow += "]";
    const YamlDocument& doc = d.doc();
    const int n = doc.find(path);
    if (n < 0)
        return d.step(doc.insertRawEntry(mapPath, key, flow, beforeKeyFor(doc, mapPath, key)));
    const DocNode& node = doc.nodes()[n];
    if (node.kind != DocNode::Kind::Sequence || node.flow)
        return d.step(doc.replaceRaw(path, flow));
    const std::size_t had = node.children.size();
    for (std::size_t i = had; i-- > items.size();)
        if (!d.step(d.doc().remove(path + "[" + std::to_string(i) + "]"))) return false;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const YamlDocument& now = d.doc();
        const std::string item = path + "[" + std::to_string(i) + "]";
        if (i < had) {
            if (now.nodes()[now.find(item)].value != items[i] &&
                !d.step(now.setScalar(item, items[i])))
                return false;
        } else if (!d.step(now.insertItem(path, i, items[i]))) {
            return false;
        }
    }
    return true;
}

/// "- " + body, the body's other lines indented under the dash.
std::string asItem(const std::string& body) {
    std::string out = "- ";
    for (std::size_t i = 0; i < body.size(); ++i) {
        out += body[i];
        if (body[i] == '\n' && i + 1 < body.size()) out += "  ";
    }
    return out;
}

bool checkId(Draft& d, const std::string& id, const char* what) {
    if (!validate::isId(id)) return d.fail(std::string(what) + ": " + validate::notAnIdMessage(id));
    return true;
}

}  // namespace counterplay::core::editsteps
