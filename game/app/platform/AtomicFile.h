// Crash-safe file writes: the settings and the autosave must never be half-written.
#pragma once

#include <string>
#include <string_view>

namespace counterplay::app {

/// Writes `bytes` to `path` atomically through core::AtomicFile (temp file in the same folder,
/// fsync, rename, fsync of the folder). Creates missing parent folders. Returns false and sets `error` on failure (the
/// old file, if any, is then untouched).
bool writeFileAtomic(const std::string& path, std::string_view bytes, std::string& error);

/// Reads a whole regular file (at most `maxBytes`); false when it is missing or unreadable.
bool readSmallFile(const std::string& path, std::string& out, std::size_t maxBytes = 4u << 20);

}  // namespace counterplay::app
