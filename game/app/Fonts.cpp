#include "Fonts.h"

#include <filesystem>
#include <vector>

#include "platform/Log.h"

namespace counterplay::app {
namespace {

bool tryLoad(sf::Font& font, const std::vector<std::string>& candidates, std::string& used) {
    std::error_code ec;
    for (const std::string& path : candidates) {
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        if (font.loadFromFile(path)) {
            used = path;
            return true;
        }
        logLine("font " + path + " exists but could not be loaded");
    }
    return false;
}

}  // namespace

void loadFonts(const std::string& assetsDir, Fonts& fonts) {
    const std::string nanum = "/usr/share/fonts/truetype/nanum/";
    const std::string dejavu = "/usr/share/fonts/truetype/dejavu/";
    std::string regularPath, boldPath;
    if (tryLoad(fonts.regular, {assetsDir + "/fonts/NanumGothic.ttf", nanum + "NanumGothic.ttf"},
                regularPath)) {
        fonts.koreanCapable = true;
    } else if (tryLoad(fonts.regular,
                       {assetsDir + "/fonts/DejaVuSans.ttf", dejavu + "DejaVuSans.ttf",
                        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"},
                       regularPath)) {
        fonts.warning = "NanumGothic not found (install fonts-nanum): Korean text cannot be shown";
        logLine("FONT FALLBACK: NanumGothic.ttf not found in " + assetsDir +
                "/fonts or " + nanum + "; using " + regularPath +
                " (Korean will not display; install fonts-nanum)");
    } else {
        fonts.warning = "no usable font found";
        logLine("FONT FALLBACK: no usable font found; text will not be drawn");
        return;
    }
    fonts.any = true;
    fonts.regularPath = regularPath;
    if (!tryLoad(fonts.bold,
                 {assetsDir + "/fonts/NanumGothicBold.ttf", nanum + "NanumGothicBold.ttf",
                  dejavu + "DejaVuSans-Bold.ttf"},
                 boldPath)) {
        logLine("bold font not found; using the regular font for bold text");
        fonts.bold.loadFromFile(regularPath);
        boldPath = regularPath;
    }
    logLine("fonts: " + regularPath + ", " + boldPath);
}

}  // namespace counterplay::app
