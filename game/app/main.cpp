// counterplay: with no arguments opens the game; with a verb runs a headless tool (no window).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "App.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/ResultsStore.h"
#include "counterplay/tools/Tools.h"

namespace {

/// `counterplay dashboard --db FILE` (or $COUNTERPLAY_DB) names a database to review: one that
/// is missing or is not a results database is refused here, before any window, as `report`
/// refuses it, instead of the game creating an empty one (a typo must not look like a team with
/// no attempts). Opened read-only, so nothing is created or changed.
bool dashboardDbUsable(const counterplay::app::AppOptions& options) {
    const char* env = std::getenv("COUNTERPLAY_DB");
    if (options.dbPath.empty() && !(env && *env)) return true;  // the game's own database
    const std::string path = counterplay::core::resultsDbPath(options.dbPath);
    const char* langEnv = std::getenv("LANG");
    const bool ko =
        options.lang == "ko" || options.lang == "KO" ||
        (options.lang.empty() && langEnv && std::string_view(langEnv).substr(0, 2) == "ko");
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        std::cerr << "counterplay dashboard: "
                  << (ko ? "결과 데이터베이스가 없습니다: " + path +
                               " (아직 저장된 것이 없거나 경로가 틀렸습니다; --db 를 확인하세요)"
                         : "there is no results database at " + path +
                               " (nothing has been stored yet, or the path is wrong; see --db)")
                  << '\n';
        return false;
    }
    std::string error;
    if (!counterplay::core::ResultsStore::open(path, error,
                                               counterplay::core::ResultsStore::Mode::ReadOnly)) {
        std::cerr << "counterplay dashboard: " << error << '\n';
        return false;
    }
    return true;
}

/// Whether this run speaks Korean: `--lang ko` on the command line (read before parsing, so the
/// help is in it too), else $LANG starting with "ko".
bool koreanRun(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if ((a == "--lang" && i + 1 < argc) || a.rfind("--lang=", 0) == 0) {
            const std::string_view v = a == "--lang" ? std::string_view(argv[i + 1]) : a.substr(7);
            return v == "ko" || v == "KO";
        }
    }
    const char* lang = std::getenv("LANG");
    return lang && std::string_view(lang).substr(0, 2) == "ko";
}

/// `counterplay edit FILE`: a file that does not exist, or is the principle catalogue rather
/// than a scenario, is refused here, before any window, with exit code 2 (the library picker
/// opening instead made a typo look like a choice to make).
bool editFileUsable(const std::string& file, bool ko) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        std::cerr << "counterplay edit: "
                  << (ko ? "시나리오 파일이 없습니다: " + file + " (경로를 확인하세요)"
                         : "there is no scenario file at " + file + " (check the path)")
                  << '\n';
        return false;
    }
    // The catalogue loads as one and has no nodes: a scenario always has them.
    const counterplay::core::CatalogueLoad catalogue = counterplay::core::loadCatalogueFile(file);
    if (catalogue.ok() && catalogue.catalogue) {
        std::cerr << "counterplay edit: "
                  << (ko ? file +
                               " 은(는) 원칙 목록(principles.yaml)이지 시나리오가 아닙니다; "
                               "편집할 시나리오 파일을 지정하세요"
                         : file +
                               " is the principle catalogue, not a scenario; name a scenario "
                               "file to edit")
                  << '\n';
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    counterplay::app::AppOptions options;
    bool edit = false;
    // `counterplay dashboard [options]`: the game opened straight into the manager's dashboard
    // (the CLI-only build's `dashboard` verb says it needs this build).
    if (argc >= 2 && std::string_view(argv[1]) == "dashboard") {
        options.dashboard = true;
        --argc;
        ++argv;
    } else if (argc >= 2 && std::string_view(argv[1]) == "edit") {
        // `counterplay edit FILE [options]`: the game opened straight into the scenario editor.
        edit = true;
        --argc;
        ++argv;
    } else if (argc >= 2 && counterplay::tools::isToolVerb(argv[1])) {
        return counterplay::tools::runTool(argc, argv);
    }

    const bool ko = koreanRun(argc, argv);
    CLI::App cli{
        options.dashboard
            ? "counterplay dashboard - open the manager's dashboard (team table, principle "
              "heatmap, trends, decisions, coaching) on a results database"
        : edit ? (ko ? "counterplay edit FILE - 트레이너용 시나리오 편집기로 엽니다 (그래프, "
                       "한국어/영어 나란히 보는 속성 창, 문제, 분석; 실행 취소, 백업과 함께 "
                       "저장, 비정상 종료 후 복구)"
                     : "counterplay edit FILE - open a scenario in the trainer's editor "
                       "(graph, inspector with ko/en side by side, problems, analysis; "
                       "undo, save with backup, crash recovery)")
               : "counterplay - open the game (see `counterplay --help` for the headless verbs)"};
    // The editor's help in one language, the run's (the other verbs' windows keep English).
    const auto say = [&](const char* en, const char* kr) {
        return std::string(edit && ko ? kr : en);
    };
    if (options.dashboard)
        cli.set_help_flag("--help,-h", "options of the dashboard window");
    else if (edit)
        cli.set_help_flag("--help,-h", say("options of the editor window", "편집기 창의 옵션"));
    else
        cli.set_help_flag("--game-help", "options of the game window");
    if (edit)
        cli.add_option("FILE", options.editFile,
                       say("scenario file to edit", "편집할 시나리오 파일"))
            ->required();
    // Internal (benchmarks and tests): not listed in the help.
    cli.add_option("--bench-frames", options.benchFrames,
                   "run the frame benchmark for N frames and exit")
        ->check(CLI::Range(1, 1000000))
        ->group("");
    cli.add_option("--screenshot-dir", options.screenshotDir,
                   say("where F12 writes screenshots", "F12 스크린숏을 저장할 폴더"));
    cli.add_option("--assets", options.assetsDir,
                   say("assets folder (fonts, strings, art)", "자산 폴더 (글꼴, 문자열, 그림)"));
    cli.add_option("--scenarios", options.scenariosDir, say("scenarios folder", "시나리오 폴더"));
    cli.add_option("--db", options.dbPath,
                   say("results database (default: $COUNTERPLAY_DB, else "
                       "$XDG_DATA_HOME/counterplay/results.db)",
                       "결과 데이터베이스 (기본값: $COUNTERPLAY_DB, 없으면 "
                       "$XDG_DATA_HOME/counterplay/results.db)"));
    cli.add_option("--lang", options.lang,
                   say("ko or en for this run", "이번 실행의 언어: ko 또는 en"))
        ->check(CLI::IsMember({"ko", "en", "KO", "EN"}));
    cli.add_flag("--windowed", options.windowed,
                 say("start in a window even if fullscreen was saved",
                     "전체 화면이 저장되어 있어도 창으로 시작"));
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? 0 : 2;
    }
    if (options.dashboard && !dashboardDbUsable(options)) return 2;
    if (edit && !editFileUsable(options.editFile, ko)) return 2;
    counterplay::app::App app(std::move(options), start);
    return app.run();
}
