#include "platform/Log.h"

#include <cstdio>

namespace counterplay::app {

void logLine(const std::string& message) {
    std::fprintf(stderr, "counterplay: %s\n", message.c_str());
    std::fflush(stderr);
}

}  // namespace counterplay::app
