// `counterplay fmt FILE... [--check]`: rewrites scenario and catalogue files in the canonical
// layout (docs/scenario-format.md, "Canonical layout"). Refuses to write when the result would
// mean something else or would lose a comment.
#include <iostream>

#include "Common.h"
#include "EditCommon.h"
#include "Verbs.h"
#include "counterplay/core/SaveEdit.h"
#include "counterplay/core/YamlFormat.h"

namespace counterplay::tools {

namespace {

enum class FmtOutcome { Unchanged, Changed, Failed };

/// Formats one file; writes it unless `check`.
FmtOutcome formatFile(const std::string& path, bool check, bool dropComments, core::Lang lang) {
    core::YamlDocument doc;
    if (!readDocument(path, doc, lang)) return FmtOutcome::Failed;
    const bool catalogue =
        isCataloguePath(path) || (doc.child(0, "groups") >= 0 && doc.child(0, "nodes") < 0);
    const core::FormatResult r = core::formatDocument(doc, catalogue);
    if (!r.ok) {
        std::cerr << label("edit.cannot-read", lang, {{"file", path}, {"error", r.error}}) << '\n';
        return FmtOutcome::Failed;
    }
    if (r.bytes == doc.bytes()) return FmtOutcome::Unchanged;
    // The canonical file must hold the same data and, for a scenario, the same model.
    core::YamlDocument after;
    std::string error;
    bool same = core::YamlDocument::parse(r.bytes, after, error) && core::sameContent(doc, after);
    if (same && !catalogue) {
        const core::ScenarioLoad a = core::loadScenarioText(doc.bytes(), path, nullptr);
        const core::ScenarioLoad b = core::loadScenarioText(r.bytes, path, nullptr);
        same = (a.scenario == nullptr) == (b.scenario == nullptr) &&
               (!a.scenario || core::modelText(*a.scenario) == core::modelText(*b.scenario));
    }
    if (!same) {
        std::cerr << label("fmt.model-changed", lang, {{"file", path}}) << '\n';
        return FmtOutcome::Failed;
    }
    if (check) {
        std::cout << label("fmt.would-change", lang, {{"file", path}}) << '\n';
        return FmtOutcome::Changed;
    }
    const int lost = core::countComments(doc) - core::countComments(after);
    if (lost > 0 && !dropComments) {
        std::cerr << label("fmt.drops-comments", lang,
                           {{"file", path}, {"n", std::to_string(lost)}})
                  << '\n';
        return FmtOutcome::Failed;
    }
    if (!core::saveEditedFile(path, r.bytes, error)) {
        std::cerr << label("edit.not-saved", lang, {{"file", path}, {"error", error}}) << '\n';
        return FmtOutcome::Failed;
    }
    std::cout << label("fmt.formatted", lang, {{"file", path}}) << '\n';
    return FmtOutcome::Changed;
}

}  // namespace

int fmtMain(int argc, char** argv) {
    CLI::App app{
        "Rewrite scenario files (and principles.yaml) in the canonical layout: keys in "
        "the documented order, block style with short maps and lists on one line, text "
        "double-quoted with Korean as written, comments kept with the key they precede. "
        "The previous version is kept as .NAME.bak. With --check nothing is written: "
        "exit 1 and the names of the files that would change.",
        "counterplay fmt"};
    std::vector<std::string> paths;
    bool check = false;
    bool dropComments = false;
    std::string langValue;
    app.add_option("FILE", paths, "Scenario files or folders")->required();
    app.add_flag("--check", check, "Write nothing; exit 1 when a file is not formatted");
    app.add_flag("--drop-comments", dropComments,
                 "Write even when a comment cannot be kept (it is never done silently)");
    addLangOption(app, langValue);
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);

    std::vector<std::string> missing;
    const std::vector<std::string> files = expandYamlFiles(paths, missing);
    bool failed = !missing.empty();
    for (const std::string& m : missing)
        std::cerr << label("edit.cannot-read", lang,
                           {{"file", m}, {"error", "no such file or folder"}})
                  << '\n';
    int changed = 0;
    for (const std::string& f : files) {
        const FmtOutcome o = formatFile(f, check, dropComments, lang);
        if (o == FmtOutcome::Failed) failed = true;
        if (o == FmtOutcome::Changed) ++changed;
    }
    if (check && changed > 0) {
        std::cout << label("fmt.summary", lang, {{"n", std::to_string(changed)}}) << '\n';
        return kExitData;
    }
    return failed ? kExitData : kExitOk;
}

}  // namespace counterplay::tools
