// Helpers for the content-rewriting verbs (see EditCommon.h).
#include "EditCommon.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "Common.h"
#include "counterplay/core/AtomicFile.h"

namespace counterplay::tools {

namespace fs = std::filesystem;

std::vector<std::string> expandYamlFiles(const std::vector<std::string>& paths,
                                         std::vector<std::string>& missing) {
    std::vector<std::string> out;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (!fs::exists(p, ec)) {
            missing.push_back(p);
            continue;
        }
        if (!fs::is_directory(p, ec)) {
            out.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const bool hidden = it->path().filename().string().starts_with(".");
            if (it->is_directory(ec)) {
                if (hidden) it.disable_recursion_pending();
                continue;
            }
            const std::string ext = it->path().extension().string();
            if (!hidden && (ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec))
                found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

bool isCataloguePath(const std::string& path) {
    return fs::path(path).filename() == "principles.yaml";
}

bool readDocument(const std::string& path, core::YamlDocument& doc, core::Lang lang) {
    std::string bytes, error;
    if (!core::readWholeFile(path, bytes, error) ||
        !core::YamlDocument::parse(std::move(bytes), doc, error)) {
        std::cerr << label("edit.cannot-read", lang, {{"file", path}, {"error", error}}) << '\n';
        return false;
    }
    return true;
}

}  // namespace counterplay::tools
