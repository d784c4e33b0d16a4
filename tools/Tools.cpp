// Dispatch of `counterplay <verb> ...` to the verb functions, and the top-level --help.
#include "counterplay/tools/Tools.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "Verbs.h"

namespace counterplay::tools {
namespace {

struct Verb {
    const char* name;
    const char* summary;
    int (*run)(int, char**);
};

constexpr Verb kVerbs[] = {
    {"lint", "check scenario files and folders; file:line:col diagnostics", lintMain},
    {"play", "play a scenario in the terminal (or scripted with --choices)", playMain},
    {"analyze", "best and worst path, per-principle ranges, problems", analyzeMain},
    {"graph", "the branch graph as Graphviz DOT", graphMain},
    {"principles", "the principle catalogue", principlesMain},
    {"export", "export stored attempts as json, csv, xapi or html (signed)", exportMain},
    {"verify", "check that an exported file was not edited and who signed it", verifyMain},
    {"key", "this machine's signing key, its public key, and the trusted stores", keyMain},
    {"check", "check that no stored attempt was changed after it was recorded", checkMain},
    {"import", "add attempts from JSON exports made on other machines", importMain},
    {"sync", "send unsent xAPI statements to a Learning Record Store", syncMain},
    {"dashboard", "the manager's dashboard window (the game build; counterplay-cli says so)", dashboardMain},
    {"edit", "the trainer's scenario editor window (the game build; counterplay-cli says so)", editMain},
    {"report", "summaries of stored attempts per trainee, scenario or principle", reportMain},
    {"simulate", "fill a results database with realistic playthroughs", simulateMain},
    {"fmt", "rewrite scenario files in the canonical layout (--check: only report)", fmtMain},
    {"new", "write a new, commented starting scenario", newMain},
    {"strings", "translation tables: export texts to CSV, import them back", stringsMain},
    {"roster", "the trainees a manager added: list, add, remove", rosterMain},
    {"coach", "coaching notes and sign-offs \"ready for the floor\"", coachMain},
};

void printHelp(std::FILE* out) {
    std::fputs(
        "counterplay - a role-play game that trains shop and service staff\n\n"
        "Usage:\n"
        "  counterplay                 open the game\n"
        "  counterplay <verb> [...]    run a tool without a window\n\n"
        "Verbs:\n",
        out);
    for (const Verb& v : kVerbs) std::fprintf(out, "  %-12s %s\n", v.name, v.summary);
    std::fputs("\nEach verb has --help.\n", out);
}

}  // namespace

bool isToolVerb(std::string_view word) {
    if (word == "--help" || word == "-h" || word == "help" || word == "--version") return true;
    for (const Verb& v : kVerbs)
        if (word == v.name) return true;
    return false;
}

int runTool(int argc, char** argv) {
    if (argc < 2) {
        printHelp(stderr);
        return 2;
    }
    const std::string word = argv[1];
    if (word == "--help" || word == "-h" || word == "help") {
        printHelp(stdout);
        return 0;
    }
    if (word == "--version") {
        std::printf("counterplay %s\n", COUNTERPLAY_VERSION);
        return 0;
    }
    for (const Verb& v : kVerbs)
        if (word == v.name) return v.run(argc - 1, argv + 1);
    std::fprintf(stderr, "counterplay: unknown verb '%s'\n\n", word.c_str());
    printHelp(stderr);
    return 2;
}

}  // namespace counterplay::tools
