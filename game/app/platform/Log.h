// One-line log messages on stderr ("counterplay: ..."); the app test reads them to follow screens.
#pragma once

#include <string>

namespace counterplay::app {

/// Writes "counterplay: <message>" and a newline to stderr, flushed at once.
void logLine(const std::string& message);

}  // namespace counterplay::app
