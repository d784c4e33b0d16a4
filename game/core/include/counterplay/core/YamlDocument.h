// A scenario (or catalogue) file kept as its exact bytes plus a map from model paths to source
// spans, with minimal edits: each edit changes only the characters or lines it has to, so the
// trainer's comments, blank lines, key order and quoting everywhere else stay byte for byte.
// The in-game editor and `counterplay strings import` write through this unit; `counterplay fmt`
// (YamlFormat.h) is the separate, explicit canonical rewrite.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace counterplay::core {

/// The outcome of an edit: the new bytes of the whole file, or an error (bytes unchanged).
struct EditResult {
    bool ok = false;
    std::string bytes;
    std::string error;
};

/// One node of the document with its place in the bytes. Offsets are byte offsets into bytes().
struct DocNode {
    enum class Kind { Null, Scalar, Map, Sequence };
    enum class Style { Plain, SingleQuoted, DoubleQuoted, Block };

    Kind kind = Kind::Null;
    Style style = Style::Plain;  ///< scalars only
    bool flow = false;           ///< collections written {..} / [..], or anything inside one
    std::string value;           ///< scalar value
    std::size_t begin = 0;       ///< first character of the value (quote, '{', first key, ...)
    std::size_t end = 0;         ///< one past its last character
    int parent = -1;
    std::vector<int> children;  ///< map entries or sequence items, in file order

    // As a child of a map or sequence:
    std::string key;            ///< map key (empty for a sequence item)
    std::size_t keyBegin = 0;   ///< map entry: the key's first character; item: the '-'
    std::size_t keyEnd = 0;     ///< map entry: one past the key
    int indent = 0;             ///< byte column of the key or the '-'
    std::size_t lineBegin = 0;  ///< block child: start of its first line, after the comment
                                ///< lines directly above it (they belong to it)
    std::size_t lineEnd = 0;    ///< block child: one past the newline ending its last line
    bool sharesLine = false;    ///< block map entry that starts on its item's "- " line
    std::string path;           ///< e.g. "nodes.greet.choices[1].text.en"
    std::string stablePath;     ///< same, but items with an `id:` named by it: choices[ask]
};

class YamlDocument {
public:
    /// Parses `bytes` with the guarded reader. False and `error` (the first diagnostic) when the
    /// file is not well-formed YAML; content errors (unknown keys, bad references) are the
    /// loader's business and do not stop a document from being edited.
    static bool parse(std::string bytes, YamlDocument& out, std::string& error);

    const std::string& bytes() const { return bytes_; }
    const std::vector<DocNode>& nodes() const { return nodes_; }
    int root() const { return nodes_.empty() ? -1 : 0; }

    /// The node at `path` ("nodes.greet.choices[1].text.en"; also the stable form with an item's
    /// id in brackets, "nodes.greet.choices[ask].text.en"), or -1.
    int find(std::string_view path) const;
    /// A child of map `node` by key, or -1.
    int child(int node, std::string_view key) const;

    // Edits. Each returns the complete new bytes and leaves this document unchanged.

    /// Sets a scalar (or empty) value. Only its characters change: a plain value stays plain when
    /// it can, a quoted one keeps its quotes; a value that needs quoting gets double quotes
    /// (escapes only for backslash, quote and control characters; Korean stays as written).
    EditResult setScalar(std::string_view path, std::string_view value) const;

    /// The same edit as setScalar, applied to this document in place: the bytes and every span
    /// after the value are updated without parsing again (microseconds, for live editing; the
    /// result is identical to parsing setScalar's bytes). False and `error` when setScalar
    /// would fail.
    bool setScalarInPlace(std::string_view path, std::string_view value, std::string& error);

    /// Adds `key: value` (a scalar) to the map at `mapPath`: inside a flow map as ", key: value"
    /// before the closing brace, in a block map as its own line at the map's indentation, before
    /// the entry `beforeKey` when that exists, else after the last entry.
    EditResult insertScalarEntry(std::string_view mapPath, std::string_view key,
                                 std::string_view value, std::string_view beforeKey = {}) const;

    /// Like insertScalarEntry, but `rawValue` is written exactly as given: one line of YAML such
    /// as `{mood: 5, apologised: true}` or `[apologise, listen]` (the editor's new effects, points
    /// and tags). The caller makes sure it is well-formed.
    EditResult insertRawEntry(std::string_view mapPath, std::string_view key,
                              std::string_view rawValue, std::string_view beforeKey = {}) const;

    /// Replaces the value at `path` (a scalar, an empty value or a flow collection) with
    /// `rawValue` as given (one line of YAML). Only those characters change. Fails on a block
    /// map or list (edit its entries instead).
    EditResult replaceRaw(std::string_view path, std::string_view rawValue) const;

    /// Adds `key:` with a block value to a block map. `body` is YAML at indentation 0 (lines of a
    /// map, e.g. a whole node); it is indented under the key. `blankLineBefore` separates it like
    /// the nodes of `nodes:` are separated.
    /// With `beforeKey` naming an entry of the map, the new entry goes right above it (above the
    /// comment lines that belong to it) instead of after the last entry.
    EditResult insertBlockEntry(std::string_view mapPath, std::string_view key,
                                std::string_view body, bool blankLineBefore = false,
                                std::string_view beforeKey = {}) const;

    /// Inserts a new item at `index` (0 = first, size = last) of a block sequence. `body` is the
    /// item's YAML at indentation 0 without the "- " (for a choice: "id: x\ntext: ...\n..."); it
    /// is written as "- " + body at the items' indentation. Into a flow sequence only scalars go.
    EditResult insertItem(std::string_view seqPath, std::size_t index, std::string_view body) const;

    /// Removes a sequence item or a map entry: exactly its lines (with the comment lines directly
    /// above it) in block style; its characters and one comma in flow style. When it was
    /// separated from its neighbours by blank lines, one of them goes with it.
    EditResult remove(std::string_view path) const;

    /// Moves the child at `from` of a sequence or map to position `to` (whole line blocks with
    /// their comments; blank lines between children stay where they are).
    EditResult move(std::string_view parentPath, std::size_t from, std::size_t to) const;

    /// Renames node `from` to `to`: the key under `nodes:` and every `start`, choice `next` and
    /// `time_limit.next` that names it. False when `to` already exists.
    EditResult renameNode(std::string_view from, std::string_view to) const;

    /// Copies node `from` as `to`, right after it (its lines, with the new key).
    EditResult duplicateNode(std::string_view from, std::string_view to) const;

    /// The double-quoted YAML form of `value` (see setScalar).
    static std::string doubleQuoted(std::string_view value);
    /// True when `value` can be written as a plain scalar without changing its meaning here
    /// (`inFlow`: inside {..} or [..]).
    static bool canBePlain(std::string_view value, bool inFlow);

private:
    struct Splice {
        std::size_t begin, end;
        std::string text;
    };
    EditResult apply(std::vector<Splice> splices) const;
    std::string renderScalar(const DocNode& n, std::string_view value) const;
    std::string renderKey(std::string_view key) const;
    EditResult insertRendered(std::string_view mapPath, std::string_view key,
                              const std::string& rendered, std::string_view beforeKey) const;
    std::string indentBody(std::string_view body, int indent, std::string_view firstPrefix) const;
    void index(int node, const std::string& path, const std::string& stable);
    EditResult fail(std::string message) const;

    std::string bytes_;
    std::vector<DocNode> nodes_;
    std::unordered_map<std::string, int> paths_;
};

}  // namespace counterplay::core
