// Temp file + fsync + rename (see AtomicFile.h), with POSIX calls: the standard library offers
// neither fsync nor link-without-replace.
#include "counterplay/core/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace counterplay::core {
namespace {

constexpr std::size_t kBufferSize = 1 << 16;

std::string errnoText(int e) { return std::strerror(e); }

void fsyncDir(const std::string& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/// Removes ".<name>.tmp-<pid>-XXXXXX" files next to the target whose writing process no longer
/// exists: a writer killed mid-write (SIGKILL, power loss) leaves its temporary file behind.
/// A live writer's file (its process exists, or the pid was reused) is left alone.
void removeAbandonedTemps(const std::string& dir, const std::string& name) {
    const std::string prefix = "." + name + ".tmp-";
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (file.compare(0, prefix.size(), prefix) != 0) continue;
        const std::size_t dash = file.find('-', prefix.size());
        if (dash == std::string::npos || dash == prefix.size()) continue;  // not <pid>-XXXXXX
        const std::string digits = file.substr(prefix.size(), dash - prefix.size());
        if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(digits));
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
        ::unlink(it->path().c_str());
    }
}

}  // namespace

namespace {

/// The problem kind for a failed system call on a write target: permission and read-only file
/// systems read as "read-only", anything else carries the system's text.
void errnoProblem(Problem* problem, const std::string& path, int e) {
    if (e == EACCES || e == EPERM || e == EROFS)
        setProblem(problem, "write.read-only", {{"path", path}, {"detail", errnoText(e)}});
    else
        setProblem(problem, "write.errno", {{"path", path}, {"detail", errnoText(e)}});
}

/// False (with `error` and `problem`) when files cannot be created in `dir`, the folder a write
/// to `path` renames into: a read-only folder or file system.
bool folderWritable(const std::string& path, const std::string& dir, std::string& error,
                    Problem* problem) {
    if (::access(dir.empty() ? "." : dir.c_str(), W_OK) == 0) return true;
    const int e = errno;
    error = "cannot write " + path + ": " + errnoText(e);
    errnoProblem(problem, path, e);
    return false;
}

}  // namespace

bool resolveWriteTarget(const std::string& path, std::string& resolved, std::string& error,
                        Problem* problem) {
    resolved.clear();
    if (path.empty()) {
        error = "no file name given";
        setProblem(problem, "write.no-name");
        return false;
    }
    struct stat st {};
    const bool trailingSlash = path.back() == '/';
    if (trailingSlash || (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))) {
        if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
            const std::string inside = (trailingSlash ? path : path + "/") + "NAME";
            error = "cannot write " + path + ": it is a folder; give a file name inside it (" +
                    inside + ")";
            setProblem(problem, "write.folder", {{"path", path}, {"inside", inside}});
        } else {
            error = "cannot write " + path + ": the folder does not exist";
            setProblem(problem, "write.no-folder", {{"path", path}, {"folder", path}});
        }
        return false;
    }
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno != ENOENT) {
            const int e = errno;
            error = "cannot write " + path + ": " + errnoText(e);
            errnoProblem(problem, path, e);
            return false;
        }
        // A new file: its folder must exist.
        const std::string dir = std::filesystem::path(path).parent_path().string();
        struct stat dst {};
        if (!dir.empty() && (::stat(dir.c_str(), &dst) != 0 || !S_ISDIR(dst.st_mode))) {
            error = "cannot write " + path + ": the folder " + dir + " does not exist";
            setProblem(problem, "write.no-folder", {{"path", path}, {"folder", dir}});
            return false;
        }
        if (!folderWritable(path, dir, error, problem)) return false;
        resolved = path;
        return true;
    }
    if (S_ISLNK(st.st_mode)) {
        // A link is followed only to a regular file, which is then replaced in its own folder
        // (the link stays a link).
        struct stat tst {};
        if (::stat(path.c_str(), &tst) != 0) {
            error = "cannot write " + path + ": it is a link to nothing (" + errnoText(errno) +
                    "); it was not touched";
            setProblem(problem, "write.dangling-link", {{"path", path}});
            return false;
        }
        if (!S_ISREG(tst.st_mode)) {
            error = "cannot write " + path +
                    ": it links to something that is not a regular file; it was not touched";
            setProblem(problem, "write.link-not-file", {{"path", path}});
            return false;
        }
        std::error_code ec;
        const auto target = std::filesystem::canonical(path, ec);
        if (ec) {
            error = "cannot write " + path + ": " + ec.message();
            setProblem(problem, "write.errno", {{"path", path}, {"detail", ec.message()}});
            return false;
        }
        if (!folderWritable(path, target.parent_path().string(), error, problem)) return false;
        resolved = target.string();
        return true;
    }
    if (!S_ISREG(st.st_mode)) {
        error = "cannot write " + path +
                ": it is not a regular file (a device, pipe or socket); it was not touched";
        setProblem(problem, "write.not-file", {{"path", path}});
        return false;
    }
    if (!folderWritable(path, std::filesystem::path(path).parent_path().string(), error, problem))
        return false;
    resolved = path;
    return true;
}

std::unique_ptr<AtomicFile> AtomicFile::create(const std::string& requested, std::string& error,
                                               mode_t mode) {
    std::string path;
    if (!resolveWriteTarget(requested, path, error)) return nullptr;
    const std::filesystem::path target(path);
    const std::string dir = target.parent_path().string();
    removeAbandonedTemps(dir, target.filename().string());
    // The writer's pid in the name lets a later writer remove it if this process dies mid-write.
    std::string temp = (dir.empty() ? std::string() : dir + "/") + "." +
                       target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
        error = "cannot write " + path + ": " + errnoText(errno);
        return nullptr;
    }
    ::fchmod(fd, mode);
    return std::unique_ptr<AtomicFile>(new AtomicFile(path, temp, fd));
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(temp_.c_str());
}

bool AtomicFile::flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
        const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            writeErrno_ = errno;
            buffer_.clear();
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
    return true;
}

bool AtomicFile::write(std::string_view bytes) {
    if (writeErrno_ != 0 || fd_ < 0) return false;
    if (buffer_.size() + bytes.size() > kBufferSize) {
        if (!flush()) return false;
        if (bytes.size() >= kBufferSize) {
            buffer_.assign(bytes);
            return flush();
        }
    }
    buffer_.append(bytes);
    return true;
}

bool AtomicFile::commit(std::string& error, bool replace, bool* existed) {
    if (existed) *existed = false;
    if (fd_ < 0 || committed_) {
        error = "cannot write " + path_ + ": already finished";
        return false;
    }
    flush();
    if (writeErrno_ == 0 && ::fsync(fd_) != 0) writeErrno_ = errno;
    if (::close(fd_) != 0 && writeErrno_ == 0) writeErrno_ = errno;
    fd_ = -1;
    if (writeErrno_ != 0) {
        error = "cannot write " + path_ + ": " + errnoText(writeErrno_);
        return false;
    }
    if (replace) {
        // Checked again at the last moment: something else may have appeared at the path.
        std::string resolved, why;
        if (!resolveWriteTarget(path_, resolved, why) || resolved != path_) {
            error = why.empty() ? "cannot write " + path_ + ": it changed while writing" : why;
            return false;
        }
        if (::rename(temp_.c_str(), path_.c_str()) != 0) {
            error = "cannot write " + path_ + ": " + errnoText(errno);
            return false;
        }
    } else {
        // link() fails when the target exists: two processes creating it race safely.
        if (::link(temp_.c_str(), path_.c_str()) != 0) {
            const int e = errno;
            if (existed) *existed = e == EEXIST;
            error = "cannot create " + path_ + ": " + errnoText(e);
            return false;
        }
        ::unlink(temp_.c_str());
    }
    committed_ = true;
    fsyncDir(std::filesystem::path(path_).parent_path().string());
    return true;
}

bool writeFileAtomic(const std::string& path, std::string_view bytes, std::string& error,
                     mode_t mode) {
    auto file = AtomicFile::create(path, error, mode);
    if (!file) return false;
    file->write(bytes);
    return file->commit(error);
}

bool readWholeFile(const std::string& path, std::string& out, std::string& error) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        error = "cannot read " + path + ": " + errnoText(errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        error = "cannot read " + path + ": not a regular file";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path + ": " + errnoText(errno);
        return false;
    }
    out.assign(static_cast<std::size_t>(st.st_size), '\0');
    in.read(out.data(), st.st_size);
    out.resize(static_cast<std::size_t>(in.gcount()));
    return true;
}

}  // namespace counterplay::core
