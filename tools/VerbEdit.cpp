// `counterplay edit` in the CLI-only build (`counterplay-cli`): the editor is a window of the
// game, so this verb only says so. The game binary handles `edit` itself (main.cpp) before any
// verb is dispatched.
#include <iostream>

#include "Common.h"
#include "Verbs.h"

namespace counterplay::tools {

int editMain(int argc, char** argv) {
    CLI::App app{"Open a scenario file in the trainer's editor (graph, ko/en text side by side, "
                 "problems, analysis, undo, saves that change only the lines edited). It is a "
                 "window of the game: run it with the game build (`counterplay edit FILE`), not "
                 "with counterplay-cli.",
                 "counterplay edit"};
    std::string file, langValue;
    app.add_option("FILE", file, "The scenario file to edit")->required();
    addLangOption(app, langValue);
    bool windowed = false;
    app.add_flag("--windowed", windowed, "Start in a window even if fullscreen was saved");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    std::cerr << "counterplay edit: " << label("edit.needs-game", resolveLang(langValue)) << '\n';
    return kExitData;
}

}  // namespace counterplay::tools
