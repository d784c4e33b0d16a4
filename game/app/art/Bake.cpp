#include "art/Bake.h"

#include <SFML/Graphics/Sprite.hpp>
#include <algorithm>

#include "platform/Log.h"

namespace counterplay::app::art {

bool Baker::bake(sf::Texture& out, unsigned width, unsigned height, sf::Color clear,
                 const std::function<void(sf::RenderTarget&)>& paint) {
    if (broken_) return false;
    const unsigned maxSize = sf::Texture::getMaximumSize();
    if (width == 0 || height == 0 || width > maxSize || height > maxSize) return false;
    if (!multisampleFailed_) {
        if (tryMultisample(out, width, height, clear, paint)) return true;
        multisampleFailed_ = true;
        logLine("art: multisampled render textures unavailable; using 2x supersampling");
    }
    if (trySupersample(out, width, height, clear, paint)) return true;
    broken_ = true;
    logLine("art: render textures unavailable; drawing art directly every frame");
    return false;
}

bool Baker::tryMultisample(sf::Texture& out, unsigned w, unsigned h, sf::Color clear,
                           const std::function<void(sf::RenderTarget&)>& paint) {
    if (!scratch_ || scratch_->getSize() != sf::Vector2u(w, h)) {
        scratch_.reset();
        auto rtNew = std::make_unique<sf::RenderTexture>();
        sf::ContextSettings settings;
        settings.antialiasingLevel = 4;
        if (!rtNew->create(w, h, settings)) return false;
        scratch_ = std::move(rtNew);
    }
    sf::RenderTexture& rt = *scratch_;
    rt.setView(rt.getDefaultView());
    rt.clear(clear);
    paint(rt);
    rt.display();
    out = rt.getTexture();
    out.setSmooth(true);
    return out.getSize().x == w;
}

bool Baker::trySupersample(sf::Texture& out, unsigned w, unsigned h, sf::Color clear,
                           const std::function<void(sf::RenderTarget&)>& paint) {
    const unsigned maxSize = sf::Texture::getMaximumSize();
    const unsigned factor = (w * 2 <= maxSize && h * 2 <= maxSize) ? 2 : 1;
    sf::RenderTexture big;
    if (!big.create(w * factor, h * factor)) return false;
    big.setSmooth(true);
    sf::View view(sf::FloatRect(0.f, 0.f, static_cast<float>(w), static_cast<float>(h)));
    big.setView(view);  // paint in w x h coordinates, rasterised at `factor` times the pixels
    big.clear(clear);
    paint(big);
    big.display();
    if (factor == 1) {
        out = big.getTexture();
        out.setSmooth(true);
        return true;
    }
    sf::RenderTexture small;
    if (!small.create(w, h)) return false;
    small.clear(sf::Color::Transparent);
    sf::Sprite sprite(big.getTexture());
    sprite.setScale(1.f / factor, 1.f / factor);
    small.draw(sprite, sf::RenderStates(sf::BlendNone));  // 2x2 box filter through bilinear
    small.display();
    out = small.getTexture();
    out.setSmooth(true);
    return true;
}

sf::Vector2f pixelDensity(const sf::RenderTarget& target) {
    const sf::View& view = target.getView();
    const sf::FloatRect vp = view.getViewport();
    const sf::Vector2u size = target.getSize();
    const sf::Vector2f vs = view.getSize();
    if (vs.x == 0.f || vs.y == 0.f) return {1.f, 1.f};
    return {std::max(0.01f, size.x * vp.width / std::abs(vs.x)),
            std::max(0.01f, size.y * vp.height / std::abs(vs.y))};
}

}  // namespace counterplay::app::art
