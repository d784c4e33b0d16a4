// Entry point of the headless verbs: `counterplay <verb> ...` (lint, play, analyze, graph, ...).
#pragma once

#include <iosfwd>
#include <string_view>

namespace counterplay::tools {

/// True when `word` names a verb (or is --help/--version), i.e. the command runs without a window.
bool isToolVerb(std::string_view word);

/// Runs `counterplay <verb> ...` with argv as given to main (argv[1] is the verb). Returns the
/// process exit code: 0 success, 1 content or data error, 2 usage error.
int runTool(int argc, char** argv);

}  // namespace counterplay::tools
