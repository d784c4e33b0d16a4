// The art interface the game draws through: setting backgrounds, customer characters with
// expressions, and the trainee's staff name tag. Implemented in game/app/art/ (drawn in code,
// see assets/README.md); the screens only call these functions, so the art can change freely.
// Everything is painted once into cached textures at the window's pixel density (lazily, or
// ahead of time with the prepare* calls), so a frame costs a few sprite draws.
#pragma once

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/String.hpp>
#include <SFML/System/Vector2.hpp>
#include <memory>
#include <string>

#include "counterplay/core/Model.h"

namespace counterplay::app::art {

/// The expression ids a customer line may carry (docs/scenario-format.md, line.expression).
inline constexpr const char* kExpressions[] = {"neutral",   "annoyed",  "angry", "upset",
                                               "surprised", "relieved", "happy"};

/// The setting ids a scenario may use (docs/scenario-format.md, setting).
inline constexpr const char* kSettings[] = {"boutique", "cafe",  "cosmetics", "hardware",
                                            "phone",    "hotel", "inbox"};

/// What the idle animation shows at a moment: the breathing step and whether the eyes are
/// shut. Breathing moves in whole window pixels at the top of the figure, so a frame redraws
/// the customer only when the pose really changes (see PartialRedraw.h).
struct CustomerPose {
    int breath = 0;
    bool shut = false;
    bool operator==(const CustomerPose&) const = default;
};

/// Where a drawn customer landed, in logical coordinates: the whole figure and its face.
struct CustomerBounds {
    sf::FloatRect body;
    sf::FloatRect face;
};

class ArtLibrary {
public:
    /// Prepares cached textures (construct once after the window and its GL context exist).
    /// `assetsDir` is the resolved assets folder (may hold art files). Never throws: a missing
    /// or broken asset is logged once and drawn with a plain fallback.
    explicit ArtLibrary(const std::string& assetsDir);
    ~ArtLibrary();
    ArtLibrary(const ArtLibrary&) = delete;
    ArtLibrary& operator=(const ArtLibrary&) = delete;

    /// Background for a setting id ("boutique", "cafe", "cosmetics", "hardware", "phone",
    /// "hotel", "inbox"; anything else gets a neutral backdrop), drawn to fill `area` (logical
    /// coordinates of the target's current view). Also used for small thumbnails on cards.
    void drawBackground(sf::RenderTarget& target, const std::string& setting,
                        const sf::FloatRect& area);

    /// Customer with a Look and an expression id (neutral, annoyed, angry, upset, surprised,
    /// relieved, happy; unknown = neutral). `blend` 0..1 cross-fades from `previousExpression`
    /// to `expression` (1 = fully the new one); `time` in seconds drives idle animation (blink,
    /// breathing); the figure stands on `bottomCenter` and is `height` tall (head to the
    /// bottom edge, which is usually hidden behind the dialogue box).
    /// Returns where it was drawn (empty rectangles when nothing was drawn).
    CustomerBounds drawCustomer(sf::RenderTarget& target, const core::Look& look,
                                const std::string& expression,
                                const std::string& previousExpression, float blend, float time,
                                sf::Vector2f bottomCenter, float height);

    /// The idle pose drawCustomer shows at `time` for a figure `height` logical pixels tall
    /// on `target` (its view gives the pixel density).
    static CustomerPose customerPose(const sf::RenderTarget& target, float time, float height);

    /// The staff name tag (the trainee's name) with its top-left corner at `topLeft`; `scale` 1
    /// is about 200x56 logical pixels. `font` is the UI font (it covers Korean).
    void drawNameTag(sf::RenderTarget& target, const sf::Font& font, const sf::String& name,
                     sf::Vector2f topLeft, float scale);

    /// The same badge with a second, smaller line under the name, e.g. the trainee's favourite
    /// film (seed 000 item 9: "let them know you"); an empty `favourite` gives the plain badge.
    /// At scale 1 the badge is 200x74 logical pixels when the line is shown.
    void drawNameTag(sf::RenderTarget& target, const sf::Font& font, const sf::String& name,
                     sf::Vector2f topLeft, float scale, const sf::String& favourite);

    /// Optional warm-up: renders a customer's textures for every expression now (e.g. while a
    /// scenario loads) so the first expression change never costs a frame. Same `height` as
    /// drawCustomer; `target` is the window (its size and view give the pixel density).
    void prepareCustomer(const sf::RenderTarget& target, const core::Look& look, float height);

    /// Optional warm-up of a background for `area` on `target` (see drawBackground).
    void prepareBackground(const sf::RenderTarget& target, const std::string& setting,
                           const sf::FloatRect& area);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace counterplay::app::art
