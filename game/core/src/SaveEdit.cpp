// Saving edited content files with a backup (see SaveEdit.h).
#include "counterplay/core/SaveEdit.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "counterplay/core/AtomicFile.h"

namespace counterplay::core {

std::string backupPathFor(const std::string& path) {
    const std::filesystem::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".bak")).string();
}

bool saveEditedFile(const std::string& path, std::string_view bytes, std::string& error) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            error = path + " is not a regular file; refusing to replace it";
            return false;
        }
        std::string old;
        if (!readWholeFile(path, old, error)) return false;
        if (old == bytes) return true;
        if (!writeFileAtomic(backupPathFor(path), old, error)) return false;
        return writeFileAtomic(path, bytes, error, st.st_mode & 07777);
    } else if (errno != ENOENT) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    return writeFileAtomic(path, bytes, error);
}

}  // namespace counterplay::core
