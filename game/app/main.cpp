// counterplay: with no arguments opens the game; with a verb runs a headless tool.
#include <cstdio>

#include "counterplay/tools/Tools.h"

int main(int argc, char** argv) {
    if (argc >= 2 && counterplay::tools::isToolVerb(argv[1]))
        return counterplay::tools::runTool(argc, argv);
    std::fputs("counterplay: the game window is being built; use `counterplay --help`.\n", stderr);
    return 1;
}
