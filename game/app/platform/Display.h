// Checks that a display can be opened before SFML tries (SFML 2.5 aborts the process when the X
// display cannot be opened, so the game must find out first and explain).
#pragma once

#include <string>

namespace counterplay::app {

/// True when an X display can be opened; otherwise false with a reason ("DISPLAY is not set").
bool displayAvailable(std::string& reason);

}  // namespace counterplay::app
