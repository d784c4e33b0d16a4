// The shared skeleton of the scenario and catalogue loaders: file guard, size guard, parse, the
// "root must be a map" check and the no-throw boundary. Each loader supplies only its reader.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "DiagSink.h"
#include "TreeReader.h"
#include "YamlGuard.h"

namespace counterplay::core::detail {

/// Parses `bytes` and, when the root is a map, calls build(tree, sink); otherwise reports that a
/// `rootShape` was expected. Fills result.diagnostics; any exception becomes the boundary
/// diagnostic and `reset(result)` clears the partial model.
template <class Result, class Build, class Reset>
Result loadMapDocument(std::string_view bytes, const std::string& fileName,
                       std::string_view rootShape, Build&& build, Reset&& reset) {
    Result out;
    try {
        DiagSink sink(fileName);
        if (bytes.size() > kMaxFileBytes) {
            sink.addRendered(Severity::Error, Pos{}, "", tooLargeMessage(bytes.size()));
        } else {
            YamlTree tree;
            if (parseYaml(bytes, sink, tree)) {
                if (tree[tree.root].kind != YNode::Kind::Map) {
                    TreeReader r(tree, sink);
                    sink.addRendered(Severity::Error, tree.pos(tree.root), "",
                                     std::string(rootShape) + ", found " + r.describe(tree.root));
                } else {
                    build(out, tree, sink);
                }
            }
        }
        out.diagnostics = sink.finish();
    } catch (...) {
        reset(out);
        out.diagnostics = {boundaryDiagnostic(fileName)};
    }
    return out;
}

/// Reads a regular file under the guards and hands its bytes to `fromText`; read problems and
/// exceptions become diagnostics.
template <class Result, class FromText>
Result loadGuardedDocument(const std::string& path, FromText&& fromText) {
    Result out;
    try {
        DiagSink sink(path);
        std::string bytes;
        if (!readGuardedFile(path, sink, bytes)) {
            out.diagnostics = sink.finish();
            return out;
        }
        return std::forward<FromText>(fromText)(bytes);
    } catch (...) {
        out.diagnostics = {boundaryDiagnostic(path)};
    }
    return out;
}

}  // namespace counterplay::core::detail
