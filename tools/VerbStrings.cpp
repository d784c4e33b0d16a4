// `counterplay strings export FILE... --out strings.csv` and `counterplay strings import
// strings.csv`: a translation table of every text, written back through minimal edits, with
// review marks for outdated translations (docs/authoring.md, "Translating").
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "Common.h"
#include "EditCommon.h"
#include "Verbs.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/SaveEdit.h"
#include "counterplay/core/Strings.h"

namespace counterplay::tools {

namespace {

namespace fs = std::filesystem;

/// The review marks next to `path` (none when there is no sidecar).
core::ReviewMarks readMarks(const std::string& path) {
    core::ReviewMarks marks;
    std::string text, error;
    if (core::readWholeFile(core::reviewFileFor(path), text, error))
        core::parseReviewMarks(text, marks, error);
    return marks;
}

int exportStrings(const std::vector<std::string>& paths, const std::string& out, core::Lang lang) {
    std::vector<std::string> missing;
    const std::vector<std::string> files = expandYamlFiles(paths, missing);
    for (const std::string& m : missing)
        std::cerr << label("edit.cannot-read", lang,
                           {{"file", m}, {"error", "no such file or folder"}})
                  << '\n';
    if (!missing.empty()) return kExitData;
    std::string csv =
        "\xEF\xBB\xBF"
        "id,ko,en,status,context\r\n";
    int count = 0, attention = 0;
    for (const std::string& f : files) {
        core::YamlDocument doc;
        if (!readDocument(f, doc, lang)) return kExitData;
        const core::ReviewMarks marks = readMarks(f);
        for (const core::TextEntry& t : core::collectTexts(doc)) {
            const std::string status = core::textStatus(t, marks);
            std::string context = t.context;
            const core::Outdated o = core::outdated(t, marks);
            if (o == core::Outdated::En) context += " [ko changed since review]";
            if (o == core::Outdated::Ko) context += " [en changed since review]";
            if (o == core::Outdated::Both) context += " [both changed since review]";
            csv += core::csvField(f + "#" + t.stablePath) + "," + core::csvField(t.ko) + "," +
                   core::csvField(t.en) + "," + core::csvField(status) + "," +
                   core::csvField(context) + "\r\n";
            ++count;
            attention += status != "ok";
        }
    }
    std::string error;
    if (!core::writeFileAtomic(out, csv, error)) {
        std::cerr << writeErrorText(out, error, lang) << '\n';
        return writeErrorExit(out);
    }
    std::cout << label("strings.exported", lang,
                       {{"n", std::to_string(count)},
                        {"files", std::to_string(files.size())},
                        {"out", out},
                        {"attention", std::to_string(attention)}})
              << '\n';
    return kExitOk;
}

/// The scenario file an id names: as written, else relative to the CSV's folder.
std::string resolveFile(const std::string& file, const std::string& csvPath) {
    std::error_code ec;
    if (fs::exists(file, ec) || fs::path(file).is_absolute()) return file;
    const fs::path beside = fs::path(csvPath).parent_path() / file;
    return fs::exists(beside, ec) ? beside.string() : file;
}

int importStrings(const std::string& csvPath, bool dryRun, bool skipUnknown, core::Lang lang) {
    std::string text, error;
    std::vector<std::vector<std::string>> rows;
    if (!core::readWholeFile(csvPath, text, error) || !core::parseCsv(text, rows, error)) {
        std::cerr << label("strings.bad-csv", lang, {{"file", csvPath}, {"error", error}}) << '\n';
        return kExitData;
    }
    if (rows.empty() || rows[0].size() < 4 || rows[0][0] != "id" || rows[0][1] != "ko" ||
        rows[0][2] != "en" || rows[0][3] != "status") {
        std::cerr << label("strings.bad-header", lang, {{"file", csvPath}}) << '\n';
        return kExitData;
    }
    std::map<std::string, std::vector<core::StringRow>> byFile;  // in file name order
    std::vector<std::string> order;
    std::vector<std::string> unknown;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        if (r.size() == 1 && r[0].empty()) continue;  // blank line
        const std::size_t hash = r[0].rfind('#');
        if (r.size() < 4 || hash == std::string::npos) {
            std::cerr << label("strings.bad-id", lang, {{"id", r[0]}}) << '\n';
            return kExitData;
        }
        const std::string file = r[0].substr(0, hash);
        if (!byFile.count(file)) order.push_back(file);
        byFile[file].push_back({r[0].substr(hash + 1), r[1], r[2], r[3]});
    }
    struct Pending {
        std::string file, bytes, marksFile, marksText;
        int cells;
        bool marksChanged;
    };
    std::vector<Pending> pending;
    for (const std::string& file : order) {
        const std::string path = resolveFile(file, csvPath);
        core::YamlDocument doc;
        std::string bytes;
        if (!core::readWholeFile(path, bytes, error) ||
            !core::YamlDocument::parse(std::move(bytes), doc, error)) {
            // The whole file is gone or unreadable: each of its rows is unknown.
            for (const core::StringRow& r : byFile[file]) unknown.push_back(file + "#" + r.path);
            continue;
        }
        core::ReviewMarks marks = readMarks(path);
        const core::StringsApply a = core::applyStrings(doc, byFile[file], marks);
        if (!a.error.empty()) {
            std::cerr << label("edit.not-saved", lang, {{"file", path}, {"error", a.error}})
                      << '\n';
            return kExitData;
        }
        for (const std::string& u : a.unknown) unknown.push_back(file + "#" + u);
        pending.push_back({path, a.bytes, core::reviewFileFor(path),
                           core::reviewMarksText(marks, fs::path(path).filename().string()),
                           a.changedCells, a.marksChanged});
    }
    for (const std::string& u : unknown)
        std::cerr << label("strings.unknown", lang, {{"id", u}}) << '\n';
    if (!unknown.empty() && !skipUnknown) {
        std::cerr << label("strings.unknown-stop", lang, {{"n", std::to_string(unknown.size())}})
                  << '\n';
        return kExitData;
    }
    bool any = false;
    for (const Pending& p : pending) {
        if (p.cells > 0) {
            any = true;
            if (!dryRun && !core::saveEditedFile(p.file, p.bytes, error)) {
                std::cerr << label("edit.not-saved", lang, {{"file", p.file}, {"error", error}})
                          << '\n';
                return kExitData;
            }
            std::cout << label("strings.imported", lang,
                               {{"file", p.file}, {"n", std::to_string(p.cells)}})
                      << '\n';
        }
        if (p.marksChanged) {
            any = true;
            if (!dryRun && !core::writeFileAtomic(p.marksFile, p.marksText, error)) {
                std::cerr << label("edit.not-saved", lang,
                                   {{"file", p.marksFile}, {"error", error}})
                          << '\n';
                return kExitData;
            }
            std::cout << label("strings.marks", lang, {{"file", p.marksFile}}) << '\n';
        }
    }
    if (!any) std::cout << label("strings.nothing", lang) << '\n';
    if (dryRun) std::cout << label("strings.dry-run", lang) << '\n';
    if (!unknown.empty())
        std::cerr << label("strings.unknown-skipped", lang, {{"n", std::to_string(unknown.size())}})
                  << '\n';
    return kExitOk;
}

}  // namespace

int stringsMain(int argc, char** argv) {
    CLI::App app{
        "Translation tables. export: one CSV row per text (id, ko, en, status, context; "
        "UTF-8 with BOM for spreadsheets). import: writes changed ko/en cells back, "
        "changing only those values (comments and layout are kept) and records a review "
        "mark for each row whose status is ok.",
        "counterplay strings"};
    app.require_subcommand(1);
    app.fallthrough();
    std::string langValue;
    addLangOption(app, langValue);
    CLI::App* exp = app.add_subcommand("export", "Write the texts of scenario files to a CSV file");
    std::vector<std::string> files;
    std::string out;
    exp->add_option("FILE", files, "Scenario files or folders")->required();
    exp->add_option("--out", out, "The CSV file to write")->required();
    CLI::App* imp = app.add_subcommand("import", "Write changed texts from a CSV file back");
    std::string csv;
    bool dryRun = false, skipUnknown = false;
    imp->add_option("CSV", csv, "A table written by strings export")->required();
    imp->add_flag("--dry-run", dryRun, "Report what would change; write nothing");
    imp->add_flag("--skip-unknown", skipUnknown,
                  "Apply the other rows when some ids no longer exist (default: apply nothing)");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);
    if (exp->parsed()) return exportStrings(files, out, lang);
    return importStrings(csv, dryRun, skipUnknown, lang);
}

}  // namespace counterplay::tools
