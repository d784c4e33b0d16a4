#include "PartialRedraw.h"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <array>
#include <cstdlib>

namespace counterplay::app {
namespace {

bool isSoftwareRenderer(const std::string& renderer) {
    for (const char* name : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer"})
        if (renderer.find(name) != std::string::npos) return true;
    return false;
}

std::string glString(GLenum name) {
    const GLubyte* s = glGetString(name);
    return s != nullptr ? reinterpret_cast<const char*>(s) : "";
}

sf::IntRect unite(const sf::IntRect& a, const sf::IntRect& b) {
    const int left = std::min(a.left, b.left), top = std::min(a.top, b.top);
    const int right = std::max(a.left + a.width, b.left + b.width);
    const int bottom = std::max(a.top + a.height, b.top + b.height);
    return {left, top, right - left, bottom - top};
}

long area(const sf::IntRect& r) { return static_cast<long>(r.width) * r.height; }

}  // namespace

bool probePreservedBackBuffer(sf::RenderWindow& window, std::string& detail) {
    if (const char* env = std::getenv("COUNTERPLAY_PARTIAL_REDRAW"); env && std::string(env) == "0") {
        detail = "off (COUNTERPLAY_PARTIAL_REDRAW=0)";
        return false;
    }
    if (!window.setActive(true)) {
        detail = "off (no GL context)";
        return false;
    }
    const std::string renderer = glString(GL_RENDERER);
    if (!isSoftwareRenderer(renderer)) {
        detail = "off (hardware renderer " + renderer + " draws whole frames cheaply)";
        return false;
    }
    const sf::Vector2u size = window.getSize();
    // Three near-identical dark colours: the probe must not flash at start-up.
    const std::array<sf::Color, 3> colours = {sf::Color(18, 21, 31), sf::Color(19, 22, 33),
                                              sf::Color(17, 23, 32)};
    const sf::View saved = window.getView();
    window.setView(window.getDefaultView());
    bool kept = size.x > 0 && size.y > 0;
    for (const sf::Color& c : colours) {
        window.clear(c);
        window.display();
        // After the swap the back buffer must still hold exactly this frame (not an older one).
        GLint previous = GL_BACK;
        glGetIntegerv(GL_READ_BUFFER, &previous);
        glReadBuffer(GL_BACK);
        for (const sf::Vector2u at : {sf::Vector2u{0, 0}, sf::Vector2u{size.x / 2, size.y / 2},
                                      sf::Vector2u{size.x - 1, size.y - 1}}) {
            std::array<unsigned char, 4> px{};
            glReadPixels(static_cast<GLint>(at.x), static_cast<GLint>(at.y), 1, 1, GL_RGBA,
                         GL_UNSIGNED_BYTE, px.data());
            if (px[0] != c.r || px[1] != c.g || px[2] != c.b) kept = false;
        }
        glReadBuffer(static_cast<GLenum>(previous));
    }
    window.setView(saved);
    detail = std::string(kept ? "on" : "off") + " (software renderer " + renderer +
             (kept ? ", back buffer kept across swaps)" : ", back buffer not kept across swaps)");
    return kept;
}

std::vector<sf::IntRect> damageToPixels(const sf::RenderWindow& window, const sf::View& view,
                                        const std::vector<sf::FloatRect>& damage) {
    const sf::IntRect viewport = window.getViewport(view);
    std::vector<sf::IntRect> rects;
    for (const sf::FloatRect& r : damage) {
        if (!(r.width > 0.f) || !(r.height > 0.f)) continue;
        const sf::Vector2i a = window.mapCoordsToPixel({r.left, r.top}, view);
        const sf::Vector2i b = window.mapCoordsToPixel({r.left + r.width, r.top + r.height}, view);
        sf::IntRect px(std::min(a.x, b.x) - 2, std::min(a.y, b.y) - 2, std::abs(b.x - a.x) + 5,
                       std::abs(b.y - a.y) + 5);
        sf::IntRect clipped;
        if (px.intersects(viewport, clipped)) rects.push_back(clipped);
    }
    // Merge pairs whose union costs little more than drawing both (each rectangle is a pass).
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < rects.size() && !merged; ++i)
            for (std::size_t j = i + 1; j < rects.size() && !merged; ++j) {
                const sf::IntRect u = unite(rects[i], rects[j]);
                if (area(u) <= area(rects[i]) + area(rects[j]) + 4096 || rects.size() > 4) {
                    rects[i] = u;
                    rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(j));
                    merged = true;
                }
            }
    }
    return rects;
}

ScissorScope::ScissorScope(const sf::RenderWindow& window, const sf::IntRect& pixels) {
    const int height = static_cast<int>(window.getSize().y);
    glEnable(GL_SCISSOR_TEST);
    glScissor(pixels.left, height - pixels.top - pixels.height, pixels.width, pixels.height);
}

ScissorScope::~ScissorScope() { glDisable(GL_SCISSOR_TEST); }

}  // namespace counterplay::app
