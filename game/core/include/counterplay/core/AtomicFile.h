// Crash-safe file writes: bytes go to a temporary file in the same folder, which is fsync'd and
// then renamed over the target (and the folder fsync'd), so a reader or a crash only ever sees
// the old file or the complete new one.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <string_view>

#include "counterplay/core/Problem.h"

namespace counterplay::core {

/// Where a write to `path` may go: `path` itself when it is missing (in an existing folder) or a
/// regular file; the regular file a symbolic link points to. Anything else (a folder, a device
/// such as /dev/full, a pipe, a socket, a dangling link) is refused with a message, so that a
/// rename never replaces it; so is a target in a folder this process cannot write (read-only).
/// False and `error` when refused; `problem`, when given, gets the refusal as data (kind
/// "write.<reason>", values {path} and the reason's own) for a front end to word.
bool resolveWriteTarget(const std::string& path, std::string& resolved, std::string& error,
                        Problem* problem = nullptr);

class AtomicFile {
public:
    /// Starts writing `path` (a temporary ".<name>.tmp-<pid>-XXXXXX" next to it, created with
    /// `mode`), first removing such files left by writers that died mid-write. nullptr and
    /// `error` when the folder is not writable or the path is refused by resolveWriteTarget (a
    /// link to a regular file writes that file).
    static std::unique_ptr<AtomicFile> create(const std::string& path, std::string& error,
                                              mode_t mode = 0644);

    /// Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Appends bytes (buffered). Returns false after a write error (reported by commit()).
    bool write(std::string_view bytes);

    /// Flushes, fsyncs, renames over the target and fsyncs the folder. With `replace` false the
    /// target is never overwritten: when it already exists commit fails and `existed` is set.
    bool commit(std::string& error, bool replace = true, bool* existed = nullptr);

    const std::string& path() const { return path_; }
    const std::string& tempPath() const { return temp_; }

private:
    AtomicFile(std::string path, std::string temp, int fd)
        : path_(std::move(path)), temp_(std::move(temp)), fd_(fd) {}
    bool flush();

    std::string path_;
    std::string temp_;
    int fd_ = -1;
    std::string buffer_;
    int writeErrno_ = 0;
    bool committed_ = false;
};

/// Writes the whole file atomically (see AtomicFile). False and `error` on failure, in which case
/// the previous file, if any, is untouched.
bool writeFileAtomic(const std::string& path, std::string_view bytes, std::string& error,
                     mode_t mode = 0644);

/// Reads a whole regular file; false and `error` when it cannot (missing, a folder, unreadable).
bool readWholeFile(const std::string& path, std::string& out, std::string& error);

}  // namespace counterplay::core
