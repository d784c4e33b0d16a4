// The art library: paints backgrounds, customers and badges once into textures (at the pixel
// density of the window) and draws them as a few sprites per frame. Customers are cached per
// Look as a body texture (everything but the facial features, cropped to what is painted) and a
// small face texture per expression (the same pixels plus the features), so an expression
// cross-fade is two face sprites, a blink is a cached eyes-shut face and breathing is a tiny
// scale: two or three sprites per frame. When render
// textures do not work, the painted meshes are drawn directly instead (slower, never a crash).
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>

#include "art/Art.h"
#include "art/Backgrounds.h"
#include "art/Bake.h"
#include "art/Figure.h"
#include "art/NameTag.h"
#include "platform/Log.h"

namespace counterplay::app::art {
namespace {

constexpr int kFaceSlots = 14;  // 7 expressions x (eyes open, eyes shut)
constexpr std::size_t kMaxBackgrounds = 16;
constexpr std::size_t kMaxFigures = 10;
constexpr std::size_t kMaxTags = 8;
constexpr float kPi = 3.14159265f;
// Breathing raises the top of the customer by this fraction of her height.
constexpr float kBreathRise = 0.0045f;

std::string lookKey(const core::Look& l) {
    return l.skin + '|' + l.hair + '|' + l.hairColor + '|' + l.outfit + '|' + l.outfitColor + '|' +
           l.accessory;
}

std::string utf8Key(const sf::String& s) {
    const auto bytes = s.toUtf8();
    return std::string(bytes.begin(), bytes.end());
}

/// Bounding box of meshes (in their own units).
sf::FloatRect meshBounds(std::initializer_list<const Mesh*> meshes) {
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (const Mesh* m : meshes)
        for (const sf::Vertex& v : m->vertices()) {
            x0 = std::min(x0, v.position.x), y0 = std::min(y0, v.position.y);
            x1 = std::max(x1, v.position.x), y1 = std::max(y1, v.position.y);
        }
    if (x1 < x0) return {kFigureLeft, 0.f, kFigureWidth, kFigureHeight};
    x0 = std::max(x0, kFigureLeft), y0 = std::max(y0, 0.f);
    x1 = std::min(x1, kFigureLeft + kFigureWidth), y1 = std::min(y1, kFigureHeight);
    return {x0, y0, std::max(1.f, x1 - x0), std::max(1.f, y1 - y0)};
}

/// A rectangle in figure units as whole figure pixels at `ppu`, grown by `margin` pixels.
sf::IntRect toPixels(const sf::FloatRect& r, float ppu, int margin) {
    const int left = static_cast<int>(std::floor((r.left - kFigureLeft) * ppu)) - margin;
    const int top = static_cast<int>(std::floor(r.top * ppu)) - margin;
    const int right = static_cast<int>(std::ceil((r.left + r.width - kFigureLeft) * ppu)) + margin;
    const int bottom = static_cast<int>(std::ceil((r.top + r.height) * ppu)) + margin;
    return {left, top, std::max(1, right - left), std::max(1, bottom - top)};
}

template <class Map>
void evictOldest(Map& map, std::size_t limit) {
    while (map.size() > limit) {
        auto oldest = map.begin();
        for (auto it = map.begin(); it != map.end(); ++it)
            if (it->second->lastUse < oldest->second->lastUse) oldest = it;
        map.erase(oldest);
    }
}

struct Figure {
    Style style;
    Mesh baseMesh, overlayMesh;
    std::array<Mesh, kFaceSlots> faceMeshes;
    sf::FloatRect bounds;  // figure units covered by the base and overlay meshes
    float ppu = 0.f;  // texture pixels per figure unit; 0 = not baked
    bool baked = false;
    sf::Texture body;      // base + overlay, cropped to bodyRect
    sf::IntRect bodyRect;  // in figure pixels (0,0 = top left of the whole figure)
    std::array<std::unique_ptr<sf::Texture>, kFaceSlots> faces;
    sf::IntRect faceRect;  // in figure pixels
    std::uint64_t lastUse = 0;

    const Mesh& faceMesh(int slot) {
        Mesh& m = faceMeshes[static_cast<std::size_t>(slot)];
        if (m.empty()) paintFace(m, style, static_cast<Expression>(slot / 2), slot % 2 == 1);
        return m;
    }
    sf::Transform unitsToPixels() const {
        sf::Transform t;
        t.translate(-kFigureLeft * ppu, 0.f).scale(ppu, ppu);
        return t;
    }
};

struct Background {
    sf::Texture texture;
    std::uint64_t lastUse = 0;
};

struct Tag {
    sf::Texture texture;
    float density = 1.f;
    std::uint64_t lastUse = 0;
};

}  // namespace

struct ArtLibrary::Impl {
    std::string assetsDir;
    Baker baker;
    std::uint64_t tick = 0;
    std::map<std::string, Mesh> sceneMeshes;
    std::map<std::string, std::unique_ptr<Background>> backgrounds;
    std::unordered_map<std::string, std::unique_ptr<Figure>> figures;
    std::map<std::string, std::unique_ptr<Tag>> tags;

    const Mesh& sceneMesh(const std::string& setting) {
        Mesh& m = sceneMeshes[setting];
        if (m.empty()) paintBackground(m, setting);
        return m;
    }

    Background* background(const sf::RenderTarget& target, const std::string& setting,
                           const sf::FloatRect& area, sf::Vector2u& px) {
        const sf::Vector2f d = pixelDensity(target);
        const float maxSize = static_cast<float>(std::min(sf::Texture::getMaximumSize(), 8192u));
        px.x = static_cast<unsigned>(std::clamp(std::round(area.width * d.x), 1.f, maxSize));
        px.y = static_cast<unsigned>(std::clamp(std::round(area.height * d.y), 1.f, maxSize));
        const std::string key = setting + '@' + std::to_string(px.x) + 'x' + std::to_string(px.y);
        auto it = backgrounds.find(key);
        if (it != backgrounds.end()) {
            it->second->lastUse = ++tick;
            return it->second.get();
        }
        if (baker.broken()) return nullptr;
        const Mesh& mesh = sceneMesh(setting);
        auto bg = std::make_unique<Background>();
        const float s = std::max(px.x / kSceneWidth, px.y / kSceneHeight);
        sf::RenderStates states;
        states.transform.translate((px.x - kSceneWidth * s) / 2.f, (px.y - kSceneHeight * s) / 2.f)
            .scale(s, s);
        if (!baker.bake(bg->texture, px.x, px.y, sf::Color(40, 36, 40),
                        [&](sf::RenderTarget& rt) { mesh.draw(rt, states); }))
            return nullptr;
        bg->texture.setSmooth(false);  // drawn texel-for-pixel: nearest is exact and cheapest
        bg->lastUse = ++tick;
        Background* out = bg.get();
        backgrounds[key] = std::move(bg);
        evictOldest(backgrounds, kMaxBackgrounds);
        return out;
    }

    Figure& figure(const core::Look& look) {
        const std::string key = lookKey(look);
        auto& slot = figures[key];
        if (!slot) {
            slot = std::make_unique<Figure>();
            slot->style = resolveStyle(look);
            paintFigureBase(slot->baseMesh, slot->style);
            paintFigureOverlay(slot->overlayMesh, slot->style);
            slot->bounds = meshBounds({&slot->baseMesh, &slot->overlayMesh});
        }
        slot->lastUse = ++tick;
        Figure* f = slot.get();
        evictOldest(figures, kMaxFigures);  // never the one just used: it is the newest
        return *f;
    }

    /// (Re)bakes the figure's body for `ppu` when the density changed a lot.
    bool ensureBaked(Figure& f, float ppu) {
        if (baker.broken()) return false;
        // Reuse the textures unless they would be magnified (blurry) or shrunk a lot (grainy).
        if (f.baked && ppu <= f.ppu * 1.02f && ppu >= f.ppu * 0.75f) return true;
        f.baked = false;
        f.ppu = ppu;
        for (auto& face : f.faces) face.reset();
        f.bodyRect = toPixels(f.bounds, ppu, 1);
        f.faceRect = toPixels(kFaceRect, ppu, 2);
        sf::RenderStates states;
        states.transform.translate(static_cast<float>(-f.bodyRect.left), static_cast<float>(-f.bodyRect.top));
        states.transform.combine(f.unitsToPixels());
        if (!baker.bake(f.body, static_cast<unsigned>(f.bodyRect.width),
                        static_cast<unsigned>(f.bodyRect.height), sf::Color::Transparent,
                        [&](sf::RenderTarget& rt) {
                            f.baseMesh.draw(rt, states);
                            f.overlayMesh.draw(rt, states);
                        }))
            return false;
        f.baked = true;
        return true;
    }

    /// The face texture for a slot, baked on first use: base pixels plus the features, with a
    /// transparent 2-pixel rim so it blends into the base without a seam.
    const sf::Texture* face(Figure& f, int slot) {
        auto& tex = f.faces[static_cast<std::size_t>(slot)];
        if (tex) return tex.get();
        const Mesh& features = f.faceMesh(slot);
        auto out = std::make_unique<sf::Texture>();
        const sf::IntRect r = f.faceRect;
        sf::RenderStates states;
        states.transform.translate(static_cast<float>(-r.left), static_cast<float>(-r.top));
        states.transform.combine(f.unitsToPixels());
        const bool ok = baker.bake(
            *out, static_cast<unsigned>(r.width), static_cast<unsigned>(r.height),
            sf::Color::Transparent, [&](sf::RenderTarget& rt) {
                f.baseMesh.draw(rt, states);
                features.draw(rt, states);
                f.overlayMesh.draw(rt, states);
                const float w = static_cast<float>(r.width), h = static_cast<float>(r.height);
                const sf::FloatRect rims[] = {{0, 0, w, 2}, {0, h - 2, w, 2}, {0, 0, 2, h}, {w - 2, 0, 2, h}};
                for (const sf::FloatRect& rim : rims) {
                    sf::RectangleShape clear({rim.width, rim.height});
                    clear.setPosition(rim.left, rim.top);
                    clear.setFillColor(sf::Color::Transparent);
                    rt.draw(clear, sf::RenderStates(sf::BlendNone));
                }
            });
        if (!ok) return nullptr;
        tex = std::move(out);
        return tex.get();
    }
};

ArtLibrary::ArtLibrary(const std::string& assetsDir) : impl_(std::make_unique<Impl>()) {
    impl_->assetsDir = assetsDir;
}

ArtLibrary::~ArtLibrary() = default;

void ArtLibrary::drawBackground(sf::RenderTarget& target, const std::string& setting,
                                const sf::FloatRect& area) {
    if (!(area.width > 0.f) || !(area.height > 0.f) || !std::isfinite(area.left) ||
        !std::isfinite(area.top))
        return;
    sf::Vector2u px;
    if (Background* bg = impl_->background(target, setting, area, px)) {
        const sf::Vector2f d = pixelDensity(target);
        sf::Sprite sprite(bg->texture);
        sprite.setPosition(std::round(area.left * d.x) / d.x, std::round(area.top * d.y) / d.y);
        sprite.setScale(area.width / px.x, area.height / px.y);
        target.draw(sprite, sf::RenderStates(sf::BlendNone));
        return;
    }
    sf::RenderStates states;  // direct drawing: stretch the scene over the area
    states.transform.translate(area.left, area.top)
        .scale(area.width / kSceneWidth, area.height / kSceneHeight);
    impl_->sceneMesh(setting).draw(target, states);
}

void ArtLibrary::prepareBackground(const sf::RenderTarget& target, const std::string& setting,
                                   const sf::FloatRect& area) {
    if (!(area.width > 0.f) || !(area.height > 0.f)) return;
    sf::Vector2u px;
    impl_->background(target, setting, area, px);
}

CustomerPose ArtLibrary::customerPose(const sf::RenderTarget& target, float time, float height) {
    if (!std::isfinite(time)) time = 0.f;
    CustomerPose pose;
    pose.shut = eyesShutAt(time);
    // Breathing: a slow, tiny rise of the shoulders, in steps of one window pixel at the top of
    // the figure (smooth to the eye, and a still frame between the steps).
    const float amplitudePx =
        std::isfinite(height) ? kBreathRise * std::max(0.f, height) * pixelDensity(target).y : 0.f;
    const float levels = std::clamp(std::round(amplitudePx), 1.f, 64.f);
    pose.breath = static_cast<int>(std::round(std::sin(time * 2.f * kPi / 4.2f) * levels));
    return pose;
}

CustomerBounds ArtLibrary::drawCustomer(sf::RenderTarget& target, const core::Look& look,
                                        const std::string& expression,
                                        const std::string& previousExpression, float blend,
                                        float time, sf::Vector2f bottomCenter, float height) {
    CustomerBounds drawn;
    if (!(height > 1.f) || !std::isfinite(height) || !std::isfinite(bottomCenter.x) ||
        !std::isfinite(bottomCenter.y))
        return drawn;
    if (!std::isfinite(blend)) blend = 1.f;
    if (!std::isfinite(time)) time = 0.f;
    blend = std::clamp(blend, 0.f, 1.f);
    Figure& f = impl_->figure(look);
    const CustomerPose pose = customerPose(target, time, height);
    const bool shut = pose.shut;
    const int cur = static_cast<int>(parseExpression(expression)) * 2 + (shut ? 1 : 0);
    const int prev = static_cast<int>(parseExpression(previousExpression)) * 2 + (shut ? 1 : 0);
    const bool fading = blend < 0.999f && prev != cur;

    const float amplitudePx = kBreathRise * height * pixelDensity(target).y;
    const float levels = std::clamp(std::round(amplitudePx), 1.f, 64.f);
    const float breath = static_cast<float>(pose.breath) / levels;
    const float sy = 1.f + kBreathRise * breath, sx = 1.f + 0.002f * breath;

    const float density = pixelDensity(target).y;
    const float ppu = std::clamp(height * density / kFigureHeight, 0.05f, 3.f);
    if (impl_->ensureBaked(f, ppu)) {
        const sf::Texture* faceNow = impl_->face(f, cur);
        const sf::Texture* faceBefore = fading ? impl_->face(f, prev) : nullptr;
        if (faceNow && (!fading || faceBefore)) {
            const float k = height / (kFigureHeight * f.ppu);
            sf::RenderStates states(kPremultiplied);
            states.transform.translate(bottomCenter)
                .scale(k * sx, k * sy)
                .translate(kFigureLeft * f.ppu, -kFigureHeight * f.ppu);
            sf::Sprite body(f.body);
            body.setPosition(static_cast<float>(f.bodyRect.left), static_cast<float>(f.bodyRect.top));
            target.draw(body, states);
            const sf::Vector2f at(static_cast<float>(f.faceRect.left),
                                  static_cast<float>(f.faceRect.top));
            sf::Sprite face;
            face.setPosition(at);
            if (faceBefore) {
                face.setTexture(*faceBefore, true);
                target.draw(face, states);
            }
            face.setTexture(*faceNow, true);
            const sf::Uint8 a = static_cast<sf::Uint8>(255.f * (fading ? blend : 1.f) + 0.5f);
            face.setColor(sf::Color(a, a, a, a));
            target.draw(face, states);
            drawn.body = states.transform.transformRect(body.getGlobalBounds());
            drawn.face = states.transform.transformRect(face.getGlobalBounds());
            return drawn;
        }
    }
    // Direct drawing (no render textures): meshes in figure units, no cross-fade.
    sf::RenderStates states;
    const float k = height / kFigureHeight;
    states.transform.translate(bottomCenter).scale(k * sx, k * sy).translate(0.f, -kFigureHeight);
    f.baseMesh.draw(target, states);
    f.faceMesh(fading && blend < 0.5f ? prev : cur).draw(target, states);
    f.overlayMesh.draw(target, states);
    // The meshes have no cheap bounds: report the whole figure box (wide enough for any look).
    drawn.body = states.transform.transformRect({-kFigureHeight, 0.f, 2.f * kFigureHeight, kFigureHeight});
    drawn.face = drawn.body;
    return drawn;
}

void ArtLibrary::prepareCustomer(const sf::RenderTarget& target, const core::Look& look,
                                 float height) {
    if (!(height > 1.f) || !std::isfinite(height)) return;
    Figure& f = impl_->figure(look);
    const float ppu = std::clamp(height * pixelDensity(target).y / kFigureHeight, 0.05f, 3.f);
    if (!impl_->ensureBaked(f, ppu)) return;
    for (int slot = 0; slot < kFaceSlots; ++slot) impl_->face(f, slot);
}

void ArtLibrary::drawNameTag(sf::RenderTarget& target, const sf::Font& font, const sf::String& name,
                             sf::Vector2f topLeft, float scale) {
    drawNameTag(target, font, name, topLeft, scale, sf::String());
}

void ArtLibrary::drawNameTag(sf::RenderTarget& target, const sf::Font& font, const sf::String& name,
                             sf::Vector2f topLeft, float scale, const sf::String& favourite) {
    if (!(scale > 0.f) || !std::isfinite(scale) || scale > 20.f) return;
    const bool withFav = !favourite.isEmpty();
    const sf::Vector2f size = nameTagSize(withFav) * scale;
    const float density = pixelDensity(target).y;
    const float px = scale * density;  // texture pixels per badge unit
    const std::string key = utf8Key(name) + '\x1f' + utf8Key(favourite) + '\x1f' +
                            std::to_string(static_cast<int>(px * 100.f)) + '\x1f' +
                            std::to_string(reinterpret_cast<std::uintptr_t>(&font));
    Impl& d = *impl_;
    auto it = d.tags.find(key);
    if (it == d.tags.end() && !d.baker.broken()) {
        auto tag = std::make_unique<Tag>();
        Mesh body;
        paintNameTag(body, withFav);
        sf::Transform toPixels;
        toPixels.scale(px, px);
        const unsigned w = static_cast<unsigned>(std::ceil(size.x * density)) + 2;
        const unsigned h = static_cast<unsigned>(std::ceil(size.y * density)) + 2;
        if (d.baker.bake(tag->texture, w, h, sf::Color::Transparent, [&](sf::RenderTarget& rt) {
                body.draw(rt, sf::RenderStates(toPixels));
                drawNameTagText(rt, toPixels, px, font, name, favourite);
            })) {
            tag->density = density;
            it = d.tags.emplace(key, std::move(tag)).first;
            evictOldest(d.tags, kMaxTags);
            it = d.tags.find(key);
        }
    }
    if (it != d.tags.end()) {
        it->second->lastUse = ++d.tick;
        sf::Sprite sprite(it->second->texture);
        sprite.setPosition(std::round(topLeft.x * density) / density,
                           std::round(topLeft.y * density) / density);
        sprite.setScale(1.f / density, 1.f / density);
        target.draw(sprite, sf::RenderStates(kPremultiplied));
        return;
    }
    Mesh body;  // direct drawing
    paintNameTag(body, withFav);
    sf::Transform toTarget;
    toTarget.translate(topLeft).scale(scale, scale);
    body.draw(target, sf::RenderStates(toTarget));
    drawNameTagText(target, toTarget, scale, font, name, favourite);
}

}  // namespace counterplay::app::art
