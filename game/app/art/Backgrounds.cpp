// Background dispatch by setting id, and the neutral room for unknown settings.
#include "art/Backgrounds.h"

namespace counterplay::app::art {

void paintBackground(Mesh& m, const std::string& setting) {
    if (setting == "boutique") return paintBoutique(m);
    if (setting == "cafe") return paintCafe(m);
    if (setting == "cosmetics") return paintCosmetics(m);
    if (setting == "hardware") return paintHardware(m);
    if (setting == "phone") return paintPhone(m);
    if (setting == "hotel") return paintHotel(m);
    if (setting == "inbox") return paintInbox(m);
    // Unknown setting: a calm, warm, empty room with a window and a plant.
    const float floorY = 520.f;
    paintRoom(m, sf::Color(238, 228, 214), sf::Color(222, 206, 188), floorY, sf::Color(170, 136, 110),
              sf::Color(134, 100, 80));
    paintFloorBoards(m, floorY, sf::Color(120, 90, 70, 90));
    paintSkirting(m, floorY, sf::Color(246, 240, 230));
    paintWindow(m, {900.f, 110.f, 260.f, 300.f}, sf::Color(250, 246, 238));
    paintPlant(m, {180.f, 560.f}, 220.f, sf::Color(196, 120, 92));
}

}  // namespace counterplay::app::art
