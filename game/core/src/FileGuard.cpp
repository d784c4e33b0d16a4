// The file half of the guard (declared in YamlGuard.h): content files are read only when they
// are regular files within the size limit, so a directory, FIFO or device never blocks a load.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "YamlGuard.h"

namespace counterplay::core {

std::string tooLargeMessage(std::size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return std::string("the file is too large (") + buf + " MiB); the limit is 2 MiB";
}

Diagnostic boundaryDiagnostic(const std::string& file) {
    return Diagnostic{file, 0, 0, "", Severity::Error,
                      "internal error while loading this file (please report it with the file)"};
}

bool readGuardedFile(const std::string& path, DiagSink& sink, std::string& out) {
    const auto fail = [&](const std::string& message) {
        sink.addRendered(Severity::Error, Pos{}, "", message);
        return false;
    };
    const auto kindProblem = [](mode_t mode) -> const char* {
        if (S_ISREG(mode)) return nullptr;
        if (S_ISDIR(mode)) return "this is a directory, not a file";
        if (S_ISFIFO(mode)) return "this is a named pipe (FIFO), not a regular file";
        if (S_ISCHR(mode) || S_ISBLK(mode)) return "this is a device, not a regular file";
        if (S_ISSOCK(mode)) return "this is a socket, not a regular file";
        return "this is not a regular file";
    };
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return fail(std::string("cannot read the file: ") + std::strerror(errno));
    if (const char* problem = kindProblem(st.st_mode)) return fail(problem);
    if (static_cast<std::uint64_t>(st.st_size) > kMaxFileBytes)
        return fail(tooLargeMessage(static_cast<std::size_t>(st.st_size)));
    // O_NONBLOCK: should the path be swapped for a FIFO after stat(), open() must not block.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return fail(std::string("cannot read the file: ") + std::strerror(errno));
    struct stat fst {};
    if (::fstat(fd, &fst) != 0 || kindProblem(fst.st_mode) != nullptr) {
        ::close(fd);
        return fail(kindProblem(fst.st_mode) ? kindProblem(fst.st_mode) : "cannot read the file");
    }
    // Read one byte more than stat() said, to notice a file that grew; never past the limit.
    out.clear();
    out.resize(std::min<std::size_t>(static_cast<std::size_t>(fst.st_size), kMaxFileBytes) + 1);
    std::size_t got = 0;
    for (;;) {
        if (got == out.size()) {
            if (out.size() > kMaxFileBytes) break;
            out.resize(std::min(out.size() * 2, kMaxFileBytes + 1));
        }
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return fail(std::string("cannot read the file: ") + std::strerror(err));
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got > kMaxFileBytes) return fail(tooLargeMessage(got));
    out.resize(got);
    return true;
}

}  // namespace counterplay::core
