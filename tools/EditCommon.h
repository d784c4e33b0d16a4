// Helpers shared by the verbs that rewrite content files (fmt, new, strings): expanding file and
// folder arguments, and reading a file into a YamlDocument with a localised error.
#pragma once

#include <string>
#include <vector>

#include "counterplay/core/Text.h"
#include "counterplay/core/YamlDocument.h"

namespace counterplay::tools {

/// Files as given, with each folder replaced by its *.yaml files (recursively, sorted, hidden
/// entries skipped). Paths that do not exist are appended to `missing`.
std::vector<std::string> expandYamlFiles(const std::vector<std::string>& paths,
                                         std::vector<std::string>& missing);

/// True when `path` is the principle catalogue (principles.yaml) rather than a scenario.
bool isCataloguePath(const std::string& path);

/// Reads and parses `path`; on failure prints "file: cannot edit: ..." to std::cerr.
bool readDocument(const std::string& path, core::YamlDocument& doc, core::Lang lang);

}  // namespace counterplay::tools
