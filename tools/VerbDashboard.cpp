// `counterplay dashboard` in the CLI-only build (`counterplay-cli`): the dashboard is a window of
// the game, so this verb only says so. The game binary handles `dashboard` itself (main.cpp)
// before any verb is dispatched.
#include <iostream>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"

namespace counterplay::tools {

int dashboardMain(int argc, char** argv) {
    CLI::App app{"Open the manager's dashboard (team table, principle heatmap, trends, decisions, "
                 "coaching). It is a window of the game: run it with the game build "
                 "(`counterplay dashboard`), not with counterplay-cli.",
                 "counterplay dashboard"};
    std::string db, langValue;
    addDbOption(app, db);
    addLangOption(app, langValue);
    bool windowed = false;
    app.add_flag("--windowed", windowed, "Start in a window even if fullscreen was saved");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    std::cerr << "counterplay dashboard: " << label("dashboard.needs-game", resolveLang(langValue))
              << '\n';
    return kExitData;
}

}  // namespace counterplay::tools
