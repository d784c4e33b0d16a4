// Baking: renders painted art once into a texture (anti-aliased), so a frame only draws sprites.
// Textures hold premultiplied alpha (painting with SFML's alpha blend onto a transparent target
// produces exactly that), so they are drawn with kPremultiplied to keep soft edges clean.
#pragma once

#include <SFML/Graphics/BlendMode.hpp>
#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <functional>
#include <memory>
#include <string>

namespace counterplay::app::art {

/// Blend mode for drawing a baked (premultiplied) texture; tint sprites with (a, a, a, a).
inline const sf::BlendMode kPremultiplied(sf::BlendMode::One, sf::BlendMode::OneMinusSrcAlpha,
                                          sf::BlendMode::Add, sf::BlendMode::One,
                                          sf::BlendMode::OneMinusSrcAlpha, sf::BlendMode::Add);

class Baker {
public:
    /// Renders `paint` (which draws in pixel coordinates of a `width` x `height` target) into
    /// `out`. Uses a multisampled render texture when available, else 2x supersampling. Returns
    /// false (after logging once) when render textures do not work at all: callers then draw
    /// their meshes directly.
    bool bake(sf::Texture& out, unsigned width, unsigned height, sf::Color clear,
              const std::function<void(sf::RenderTarget&)>& paint);
    /// True once render textures are known not to work.
    bool broken() const { return broken_; }

private:
    bool tryMultisample(sf::Texture& out, unsigned w, unsigned h, sf::Color clear,
                        const std::function<void(sf::RenderTarget&)>& paint);
    bool trySupersample(sf::Texture& out, unsigned w, unsigned h, sf::Color clear,
                        const std::function<void(sf::RenderTarget&)>& paint);
    /// The multisampled target of the last size, reused (creating one costs more than a face).
    std::unique_ptr<sf::RenderTexture> scratch_;
    bool multisampleFailed_ = false;
    bool broken_ = false;
};

/// Pixels per logical unit of `target` under its current view (x and y).
sf::Vector2f pixelDensity(const sf::RenderTarget& target);

}  // namespace counterplay::app::art
