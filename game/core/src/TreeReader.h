// Schema-driven reading of the guarded YAML tree: a map's keys are matched against the schema
// table (unknown keys with "did you mean", missing required keys at the parent map), and typed
// values are read with type and range checks. Shared by the scenario and catalogue loaders.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "DiagSink.h"
#include "Schema.h"
#include "YamlGuard.h"
#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/Text.h"

namespace counterplay::core {

class TreeReader {
public:
    static constexpr std::uint32_t npos = YNode::npos;

    /// The keys and values found in one map, by schema field.
    struct Fields {
        const schema::MapSpec* spec = nullptr;
        std::uint32_t map = npos;
        std::array<std::uint32_t, schema::kMaxFields> keys{};
        std::array<std::uint32_t, schema::kMaxFields> values{};

        /// The value node of `key` (a key of this map kind), or npos when absent.
        std::uint32_t operator[](std::string_view key) const;
        /// The key node of `key`, or npos.
        std::uint32_t keyOf(std::string_view key) const;
        bool has(std::string_view key) const { return (*this)[key] != npos; }
        /// The schema field of `key`.
        const schema::FieldSpec& field(std::string_view key) const;
    };

    TreeReader(const YamlTree& tree, DiagSink& sink) : tree_(tree), sink_(sink) {}

    const YamlTree& tree() const { return tree_; }
    DiagSink& sink() { return sink_; }
    Pos pos(std::uint32_t node) const { return tree_.pos(node); }
    std::string_view str(std::uint32_t node) const { return tree_.str(node); }
    const YNode& at(std::uint32_t node) const { return tree_[node]; }

    /// Matches the keys of map `node` against the schema of `kind`; reports unknown keys,
    /// non-scalar keys and missing required keys. `node` must be a map.
    Fields readMap(std::uint32_t node, schema::MapKind kind, const Path& path);

    /// Checks that `node` has the shape of `type` (scalar, list or map); reports
    /// "expected X, found Y" otherwise. Alias placeholders (already reported) fail silently.
    bool expect(std::uint32_t node, const schema::FieldSpec& field, const Path& path);

    /// Typed reads of a field's value; each reports its own errors and returns false on one.
    bool readInt(std::uint32_t node, const schema::FieldSpec& field, const Path& path, int& out);
    bool readBool(std::uint32_t node, const Path& path, bool& out);
    bool readId(std::uint32_t node, const schema::FieldSpec& field, const Path& path,
                std::string& out);
    bool readString(std::uint32_t node, const schema::FieldSpec& field, const Path& path,
                    std::string& out);
    bool readColour(std::uint32_t node, const schema::FieldSpec& field, const Path& path,
                    std::string& out);
    /// A text map {ko, en}. `owner`, the kind of map holding the text, lets a key of the owner
    /// indented into the text be reported as an indentation mistake.
    Text readText(std::uint32_t node, const schema::FieldSpec& field, const Path& path,
                  const schema::MapSpec* owner = nullptr);
    std::vector<std::string> readIdList(std::uint32_t node, const schema::FieldSpec& field,
                                        const Path& path);

    /// The same reads by key from a map's fields (path = parent.key); false when absent or bad.
    bool getInt(const Fields& f, std::string_view key, const Path& parent, int& out);
    bool getBool(const Fields& f, std::string_view key, const Path& parent, bool& out);
    bool getId(const Fields& f, std::string_view key, const Path& parent, std::string& out);
    bool getString(const Fields& f, std::string_view key, const Path& parent, std::string& out);
    bool getColour(const Fields& f, std::string_view key, const Path& parent, std::string& out);
    Text getText(const Fields& f, std::string_view key, const Path& parent);

    /// A Label value: a plain string (the same text in both languages) or a text map {ko, en}.
    Text readLabel(std::uint32_t node, const schema::FieldSpec& field, const Path& path,
                   const schema::MapSpec* owner = nullptr);
    Text getLabel(const Fields& f, std::string_view key, const Path& parent);

    /// Reads a `source` map ({ref, item}, or the old {seed, item} with a warning): exactly one
    /// of ref and seed. The ref is not resolved here (see checkSourceRef).
    SourceRef readSource(std::uint32_t node, const Path& path);

    /// Warns when `source.ref` names no entry of `sources` ("unknown source citation 'x' (did
    /// you mean 'y'?)"). A warning, not an error: the scenario still plays, the citation is
    /// just not shown. `path` is the path of the source map.
    void checkSourceRef(const SourceRef& source, const std::vector<Source>& sources,
                        const Path& path);

    /// Reads the key of a map of ids (flags, counters, effects, points, nodes): must be a scalar
    /// id; reports otherwise. `name` is set whenever the key is a scalar.
    bool readKey(std::uint32_t key, const Path& parent, std::string_view& name);

    /// Checks a list's or map's entry count against the field's [min, max].
    bool checkCount(std::uint32_t node, const schema::FieldSpec& field, const Path& path);

    /// The value of a list or map field `key` of `f` after its shape and entry count were
    /// checked (errors reported); npos when absent or bad. Path of the value: parent.key.
    std::uint32_t getCollection(const Fields& f, std::string_view key, const Path& parent);

    /// Parses a plain scalar as an integer ("found ..." errors are the caller's).
    bool parseInt(std::uint32_t node, int& out) const;
    /// Plain true/false in any case.
    bool parseBool(std::uint32_t node, bool& out) const;

    /// "a list", "a map", "nothing", "'abc'", "the quoted text \"5\"".
    std::string describe(std::uint32_t node) const;

    /// Iterates a map's entries: f(keyNode, valueNode).
    template <class F>
    void forEachEntry(std::uint32_t map, F&& f) const {
        for (std::uint32_t k = tree_[map].first; k != npos;) {
            const std::uint32_t v = tree_[k].next;
            if (v == npos) break;
            f(k, v);
            k = tree_[v].next;
        }
    }
    /// Iterates a list's items: f(index, itemNode).
    template <class F>
    void forEachItem(std::uint32_t list, F&& f) const {
        int i = 0;
        for (std::uint32_t c = tree_[list].first; c != npos; c = tree_[c].next) f(i++, c);
    }

private:
    const YamlTree& tree_;
    DiagSink& sink_;
};

}  // namespace counterplay::core
