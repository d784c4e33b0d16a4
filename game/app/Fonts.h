// Font resolution: NanumGothic (regular and bold) from the assets folder, then the system
// (fonts-nanum); DejaVuSans as a visible, logged fallback; never a crash.
#pragma once

#include <SFML/Graphics/Font.hpp>
#include <string>

namespace counterplay::app {

struct Fonts {
    sf::Font regular;
    sf::Font bold;
    std::string regularPath;  ///< the file `regular` came from (ImGui loads it too)
    bool koreanCapable = false;  ///< a Nanum font was found
    bool any = false;            ///< at least one font loaded (else text is not drawn)
    std::string warning;         ///< shown on the title screen when not Korean-capable
};

/// Loads the fonts, logging where they came from.
void loadFonts(const std::string& assetsDir, Fonts& fonts);

}  // namespace counterplay::app
