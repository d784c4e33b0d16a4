// counterplay-cli: the headless verbs without the game (no SFML linked).
#include <cstdio>

#include "counterplay/tools/Tools.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("counterplay-cli: give a verb (see `counterplay-cli --help`); the game itself "
                   "is `counterplay` with no arguments.\n",
                   stderr);
        return 2;
    }
    return counterplay::tools::runTool(argc, argv);
}
