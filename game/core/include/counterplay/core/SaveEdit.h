// Saving an edited content file: the previous version is kept as a hidden backup next to it
// (".<name>.bak", one generation), then the new bytes are written through AtomicFile (temp file,
// fsync, rename). Only regular files are replaced: a folder, device, FIFO or symbolic link at the
// target is refused, so an edit never writes through a link or blocks on a pipe.
#pragma once

#include <string>
#include <string_view>

namespace counterplay::core {

/// ".<name>.bak" in the same folder as `path`.
std::string backupPathFor(const std::string& path);

/// Writes `bytes` to `path` (which must be a regular file, or not exist yet), keeping the old
/// content in backupPathFor(path). Does nothing (and succeeds) when the bytes are unchanged.
/// False and `error` on failure, in which case the file is untouched.
bool saveEditedFile(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace counterplay::core
