#include "platform/Display.h"

#include <X11/Xlib.h>

#include <cstdlib>

namespace counterplay::app {

bool displayAvailable(std::string& reason) {
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        reason = "DISPLAY is not set (no graphical session)";
        return false;
    }
    Display* d = XOpenDisplay(nullptr);
    if (d == nullptr) {
        reason = std::string("cannot open the X display '") + display + "'";
        return false;
    }
    XCloseDisplay(d);
    return true;
}

}  // namespace counterplay::app
