#include "platform/AtomicFile.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"

namespace counterplay::app {

bool writeFileAtomic(const std::string& path, std::string_view bytes, std::string& error) {
    const std::filesystem::path target(path);
    if (target.has_parent_path() && !core::ensureDir(target.parent_path().string(), error)) return false;
    auto file = core::AtomicFile::create(path, error);
    if (!file) return false;
    file->write(bytes);
    return file->commit(error);
}

bool readSmallFile(const std::string& path, std::string& out, std::size_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > maxBytes) return false;
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

}  // namespace counterplay::app
