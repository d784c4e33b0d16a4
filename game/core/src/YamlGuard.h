// The guarded YAML reader: one pass over yaml-cpp's parse events that builds a compact tree with
// positions, while enforcing the guard limits (depth, scalar size), refusing anchors, aliases and
// tags, detecting duplicate keys, and checking the raw bytes for invalid UTF-8, control and bidi
// characters. The loaders read this tree, never a YAML::Node: yaml-cpp's own node graph is slower
// to build and is unsafe with aliases (cycles, billion laughs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "DiagSink.h"

namespace counterplay::core {

inline constexpr std::size_t kMaxFileBytes = 2 * 1024 * 1024;
inline constexpr int kMaxDepth = 64;
inline constexpr std::size_t kMaxScalarBytes = 16384;

/// One YAML node. Children form a singly linked list (`first`, `next`); a map's children
/// alternate key, value.
struct YNode {
    enum class Kind : std::uint8_t { Null, Scalar, Sequence, Map, Invalid };
    enum class Style : std::uint8_t { Plain, SingleQuoted, DoubleQuoted, Block, Flow };
    static constexpr std::uint32_t npos = 0xFFFFFFFFu;

    Kind kind = Kind::Null;
    Style style = Style::Plain;
    int line = 0;    ///< 0-based (yaml-cpp mark)
    int column = 0;  ///< 0-based, in bytes (yaml-cpp mark)
    std::uint32_t pos = 0;  ///< byte offset into YamlTree::text
    std::uint32_t first = npos;
    std::uint32_t next = npos;
    std::uint32_t count = 0;  ///< number of children (a map has 2 per entry)
    std::uint32_t strOffset = 0;
    std::uint32_t strLength = 0;
};

class YamlTree {
public:
    static constexpr std::uint32_t npos = YNode::npos;

    std::vector<YNode> nodes;
    std::string arena;      ///< scalar values, back to back
    std::string_view text;  ///< the parsed bytes (after a UTF-8 BOM); must outlive the tree
    std::uint32_t root = npos;

    const YNode& operator[](std::uint32_t i) const { return nodes[i]; }
    /// A scalar's value (empty for other kinds).
    std::string_view str(std::uint32_t i) const {
        const YNode& n = nodes[i];
        return std::string_view(arena).substr(n.strOffset, n.strLength);
    }
    /// 1-based line and code-point column of a node.
    Pos pos(std::uint32_t i) const { return posOf(nodes[i].line, nodes[i].column, nodes[i].pos); }
    /// 1-based position from a yaml-cpp style mark (0-based line, byte column, byte offset).
    Pos posOf(int line, int byteColumn, std::size_t offset) const;
    /// 1-based position of a byte offset into `text` (counts lines; for rare error paths).
    Pos posOfOffset(std::size_t offset) const;
};

/// Parses `bytes` into `tree` (tree.text is set to a view into `bytes`, which must stay alive).
/// Reports every problem to `sink`. Returns false when there is no usable tree (syntax error,
/// empty file, nesting too deep); then the caller stops. Never throws.
bool parseYaml(std::string_view bytes, DiagSink& sink, YamlTree& tree);

/// Reads a content file into `out`: regular files only (directories, FIFOs, devices and sockets
/// are refused without opening them, so nothing blocks), size checked with stat() before reading.
/// Reports a problem to `sink` (at 0:0) and returns false.
bool readGuardedFile(const std::string& path, DiagSink& sink, std::string& out);

/// "the file is 3.0 MiB; the limit is 2 MiB".
std::string tooLargeMessage(std::size_t bytes);

/// The diagnostic for an unexpected failure caught at a loader's boundary.
Diagnostic boundaryDiagnostic(const std::string& file);

/// Rewrites one of yaml-cpp's raw parser messages into a sentence for trainers.
std::string rewriteYamlError(std::string_view rawMessage, std::string_view text, std::size_t offset);

}  // namespace counterplay::core
