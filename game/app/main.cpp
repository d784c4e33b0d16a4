// counterplay: with no arguments opens the game; with a verb runs a headless tool (no window).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <string_view>

#include "App.h"
#include "counterplay/tools/Tools.h"

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    counterplay::app::AppOptions options;
    // `counterplay dashboard [options]`: the game opened straight into the manager's dashboard
    // (the CLI-only build's `dashboard` verb says it needs this build).
    if (argc >= 2 && std::string_view(argv[1]) == "dashboard") {
        options.dashboard = true;
        --argc;
        ++argv;
    } else if (argc >= 2 && counterplay::tools::isToolVerb(argv[1])) {
        return counterplay::tools::runTool(argc, argv);
    }

    CLI::App cli{options.dashboard
                     ? "counterplay dashboard - open the manager's dashboard (team table, principle "
                       "heatmap, trends, decisions, coaching) on a results database"
                     : "counterplay - open the game (see `counterplay --help` for the headless verbs)"};
    if (options.dashboard) cli.set_help_flag("--help,-h", "options of the dashboard window");
    else cli.set_help_flag("--game-help", "options of the game window");
    cli.add_option("--bench-frames", options.benchFrames, "run the frame benchmark for N frames and exit")
        ->check(CLI::Range(1, 1000000));
    cli.add_option("--screenshot-dir", options.screenshotDir, "where F12 writes screenshots");
    cli.add_option("--assets", options.assetsDir, "assets folder (fonts, strings, art)");
    cli.add_option("--scenarios", options.scenariosDir, "scenarios folder");
    cli.add_option("--db", options.dbPath, "results database (default: $COUNTERPLAY_DB, else $XDG_DATA_HOME/counterplay/results.db)");
    cli.add_option("--lang", options.lang, "ko or en for this run")->check(CLI::IsMember({"ko", "en", "KO", "EN"}));
    cli.add_flag("--windowed", options.windowed, "start in a window even if fullscreen was saved");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? 0 : 2;
    }
    counterplay::app::App app(std::move(options), start);
    return app.run();
}
