// The game's palette and sizes: one place so every screen looks like the same game.
#pragma once

#include <SFML/Graphics/Color.hpp>

namespace counterplay::app::theme {

inline constexpr float kWidth = 1280.f;  ///< logical canvas
inline constexpr float kHeight = 720.f;

// Deep ink-blue chrome, warm cream panels, a coral accent and a teal secondary.
inline const sf::Color kInk{28, 33, 48};
inline const sf::Color kInkSoft{44, 51, 72};
inline const sf::Color kInkLine{70, 80, 108};
inline const sf::Color kCream{252, 248, 240};
inline const sf::Color kCreamDim{236, 229, 216};
inline const sf::Color kPaper{255, 253, 249};
inline const sf::Color kText{36, 38, 52};
inline const sf::Color kTextMuted{108, 110, 128};
inline const sf::Color kTextOnDark{246, 242, 234};
inline const sf::Color kTextOnDarkMuted{176, 182, 204};
inline const sf::Color kAccent{231, 111, 81};
inline const sf::Color kAccentHover{242, 132, 102};
inline const sf::Color kTeal{42, 157, 143};
inline const sf::Color kTealHover{58, 178, 163};
inline const sf::Color kGold{233, 196, 106};
inline const sf::Color kGood{59, 167, 118};
inline const sf::Color kBad{209, 73, 91};
inline const sf::Color kWarn{236, 160, 62};
inline const sf::Color kShadow{0, 0, 0, 70};
inline const sf::Color kScrim{14, 17, 26, 190};

inline constexpr float kRadius = 14.f;
inline constexpr float kRadiusSmall = 8.f;

// Logical font sizes (pixels at 1280x720).
inline constexpr float kSizeHuge = 64.f;
inline constexpr float kSizeTitle = 34.f;
inline constexpr float kSizeHeading = 24.f;
inline constexpr float kSizeBody = 20.f;
inline constexpr float kSizeSmall = 16.f;
inline constexpr float kSizeTiny = 13.f;

/// Linear mix of two colours (t 0 = a, 1 = b).
sf::Color mix(sf::Color a, sf::Color b, float t);
/// The colour with alpha multiplied by `alpha` (0..1).
sf::Color fade(sf::Color c, float alpha);
/// Red -> amber -> green for a value 0..100 (meters, scores).
sf::Color scale3(float value);

}  // namespace counterplay::app::theme
