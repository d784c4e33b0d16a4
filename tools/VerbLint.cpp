// `counterplay lint PATH...`: checks scenario files and the principle catalogue, printing
// compiler-style diagnostics (file:line:col: severity: path: message) and a summary, or JSON.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "Common.h"
#include "Verbs.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Json.h"
#include "counterplay/core/Lint.h"
#include "counterplay/core/Strings.h"

namespace counterplay::tools {
namespace {

namespace fs = std::filesystem;
using core::Diagnostic;
using core::Severity;

struct FileReport {
    std::string file;
    std::string kind;  // "scenario" or "catalogue"
    std::vector<Diagnostic> diagnostics;
};

bool isYaml(const fs::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

bool isCatalogueFile(const std::string& path) {
    return fs::path(path).filename() == "principles.yaml";
}

/// Expands the command-line paths into a sorted, de-duplicated list of files. A folder is walked
/// recursively for *.yaml (hidden folders skipped); a missing path becomes an error report.
std::vector<std::string> collectFiles(const std::vector<std::string>& paths,
                                      std::vector<FileReport>& missing) {
    std::vector<std::string> files;
    for (const std::string& p : paths) {
        std::error_code ec;
        const fs::file_status st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            missing.push_back({p, "scenario", {Diagnostic{p, 0, 0, "", Severity::Error,
                                                          "no such file or folder"}}});
            continue;
        }
        if (!fs::is_directory(st)) {
            files.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path& entry = it->path();
            const bool hidden = entry.filename().string().starts_with(".");
            if (it->is_directory(ec)) {
                if (hidden) it.disable_recursion_pending();
                continue;
            }
            if (!hidden && isYaml(entry) && it->is_regular_file(ec)) found.push_back(entry.string());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    // De-duplicate by canonical path, keeping the first spelling.
    std::set<std::string> seen;
    std::vector<std::string> unique;
    for (const std::string& f : files) {
        std::error_code ec;
        const fs::path canon = fs::weakly_canonical(f, ec);
        if (seen.insert(ec ? f : canon.string()).second) unique.push_back(f);
    }
    return unique;
}

/// Loads catalogues once per path and remembers their diagnostics.
class CatalogueCache {
public:
    const core::CatalogueLoad& get(const std::string& path) {
        std::error_code ec;
        const fs::path canon = fs::weakly_canonical(path, ec);
        const std::string key = ec ? path : canon.string();
        auto it = loads_.find(key);
        if (it == loads_.end()) it = loads_.emplace(key, core::loadCatalogueFile(path)).first;
        return it->second;
    }

private:
    std::map<std::string, core::CatalogueLoad> loads_;
};

/// Adds a diagnostic unless an identical one is already in the list.
void addUnique(std::vector<Diagnostic>& list, const Diagnostic& d) {
    if (std::find(list.begin(), list.end(), d) == list.end()) list.push_back(d);
}

/// Outdated translations, when the file has review marks (a `.reviews` sidecar).
void addReviewWarnings(const std::string& file, std::vector<Diagnostic>& out) {
    std::string marksText, bytes, error;
    if (!core::readWholeFile(core::reviewFileFor(file), marksText, error)) return;
    core::ReviewMarks marks;
    if (!core::parseReviewMarks(marksText, marks, error)) {
        out.push_back({core::reviewFileFor(file), 0, 0, "", Severity::Warning,
                       "review marks ignored: " + error});
        return;
    }
    core::YamlDocument doc;
    if (!core::readWholeFile(file, bytes, error) ||
        !core::YamlDocument::parse(std::move(bytes), doc, error))
        return;  // the loader has reported why
    for (const Diagnostic& d : core::reviewDiagnostics(doc, marks, file)) addUnique(out, d);
}

FileReport lintScenario(const std::string& file, const std::string& catalogueOverride,
                        CatalogueCache& cache, std::set<std::string>& usedCatalogues) {
    FileReport report{file, "scenario", {}};
    const std::string cataloguePath =
        catalogueOverride.empty() ? core::findCatalogueFor(file) : catalogueOverride;
    const core::Catalogue* catalogue = nullptr;
    if (cataloguePath.empty()) {
        // Without a catalogue a misspelt principle id would pass unnoticed.
        report.diagnostics.push_back(
            {file, 0, 0, "", Severity::Error,
             "no principles.yaml next to the file or in a parent folder, so principle ids and "
             "source citations cannot be checked: keep the file in the folder of "
             "principles.yaml, or give --catalogue FILE"});
    } else {
        const core::CatalogueLoad& cat = cache.get(cataloguePath);
        usedCatalogues.insert(cataloguePath);
        if (cat.ok())
            catalogue = cat.catalogue.get();
        else
            report.diagnostics.push_back({file, 0, 0, "", Severity::Note,
                                          "the catalogue " + cataloguePath +
                                              " has errors; principle ids and source "
                                              "citations are not checked"});
    }
    for (const Diagnostic& d : core::lintScenarioFile(file, catalogue))
        addUnique(report.diagnostics, d);
    addReviewWarnings(file, report.diagnostics);
    return report;
}

std::string plural(int n, const char* word) {
    return std::to_string(n) + ' ' + word + (n == 1 ? "" : "s");
}

}  // namespace

int lintMain(int argc, char** argv) {
    CLI::App app{"Check scenario files and folders (recursively *.yaml) and the principle "
                 "catalogue (principles.yaml). Prints file:line:col: severity: path: message for "
                 "every problem, then a summary. Exit 0 when there is no error, 1 otherwise.",
                 "counterplay lint"};
    std::vector<std::string> paths;
    std::string catalogueOverride;
    bool json = false;
    bool werror = false;
    app.add_option("PATH", paths, "Scenario files or folders")->required();
    app.add_option("--catalogue", catalogueOverride,
                   "Principle catalogue to check scenarios against (default: principles.yaml in "
                   "the scenario's folder or a parent folder)");
    app.add_flag("--json", json, "Print the result as JSON");
    app.add_flag("--werror", werror, "Treat warnings as errors (exit 1 on any warning)");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;

    std::vector<FileReport> reports;
    const std::vector<std::string> files = collectFiles(paths, reports);
    CatalogueCache cache;
    std::set<std::string> usedCatalogues;
    std::set<std::string> lintedCatalogues;
    for (const std::string& file : files) {
        if (isCatalogueFile(file)) {
            const core::CatalogueLoad& cat = cache.get(file);
            reports.push_back({file, "catalogue", cat.diagnostics});
            std::error_code ec;
            lintedCatalogues.insert(fs::weakly_canonical(file, ec).string());
        } else {
            reports.push_back(lintScenario(file, catalogueOverride, cache, usedCatalogues));
        }
    }
    // A catalogue used but not among the linted files is reported too when it has problems.
    for (const std::string& path : usedCatalogues) {
        std::error_code ec;
        if (lintedCatalogues.count(fs::weakly_canonical(path, ec).string())) continue;
        const core::CatalogueLoad& cat = cache.get(path);
        if (!cat.diagnostics.empty()) reports.push_back({path, "catalogue", cat.diagnostics});
    }

    int errors = 0;
    int warnings = 0;
    for (const FileReport& r : reports) {
        errors += core::countSeverity(r.diagnostics, Severity::Error);
        warnings += core::countSeverity(r.diagnostics, Severity::Warning);
    }
    const bool failed = errors > 0 || (werror && warnings > 0);

    if (json) {
        nlohmann::json out;
        out["files"] = nlohmann::json::array();
        for (const FileReport& r : reports) {
            nlohmann::json f;
            f["file"] = r.file;
            f["kind"] = r.kind;
            f["errors"] = core::countSeverity(r.diagnostics, Severity::Error);
            f["warnings"] = core::countSeverity(r.diagnostics, Severity::Warning);
            f["diagnostics"] = nlohmann::json::array();
            for (const Diagnostic& d : r.diagnostics) {
                nlohmann::json jd;
                core::to_json(jd, d);
                f["diagnostics"].push_back(jd);
            }
            out["files"].push_back(f);
        }
        out["errors"] = errors;
        out["warnings"] = warnings;
        out["ok"] = !failed;
        printJson(std::cout, out);
    } else {
        for (const FileReport& r : reports) printDiagnostics(std::cout, r.diagnostics);
        std::cout << plural(static_cast<int>(reports.size()), "file") << ", "
                  << plural(errors, "error") << ", " << plural(warnings, "warning");
        if (werror && warnings > 0 && errors == 0) std::cout << " (warnings are errors: --werror)";
        std::cout << '\n';
    }
    return failed ? kExitData : kExitOk;
}

}  // namespace counterplay::tools
