// `counterplay new ID [--out FILE]`: writes a small, valid, commented starting scenario in the
// canonical layout. Never overwrites a file.
#include <iostream>

#include "Common.h"
#include "Verbs.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/YamlFormat.h"

namespace counterplay::tools {

namespace {
bool isId(const std::string& s) {
    if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}
}  // namespace

int newMain(int argc, char** argv) {
    CLI::App app{
        "Write a new scenario to start from: two choices and two endings, commented, in "
        "the canonical layout, lint-clean with the shipped principle catalogue. An "
        "existing file is never overwritten.",
        "counterplay new"};
    std::string id, out, langValue;
    app.add_option("ID", id, "The scenario id (lower case: a-z, 0-9, '-', '_', '.')")->required();
    app.add_option("--out", out, "File to write (default: ID.yaml in the current folder)");
    addLangOption(app, langValue);
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);
    if (!isId(id)) {
        std::cerr << label("new.bad-id", lang, {{"id", id}}) << '\n';
        return kExitUsage;
    }
    if (out.empty()) out = id + ".yaml";
    std::string error;
    auto file = core::AtomicFile::create(out, error);
    bool existed = false;
    if (file) {
        file->write(core::newScenarioText(id));
        if (file->commit(error, false, &existed)) {
            std::cout << label("new.written", lang, {{"file", out}}) << '\n';
            return kExitOk;
        }
    }
    if (existed) {
        std::cerr << label("new.exists", lang, {{"file", out}}) << '\n';
    } else {
        std::cerr << label("edit.not-saved", lang, {{"file", out}, {"error", error}}) << '\n';
    }
    return kExitData;
}

}  // namespace counterplay::tools
