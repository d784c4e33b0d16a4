// The vector drawing toolkit the art is painted with: colours, bezier paths, and a Mesh that
// collects filled, gradient and stroked shapes as plain triangles. SFML only draws convex shapes,
// so concave outlines (hair, clothes, props) are triangulated here by ear clipping. A finished
// Mesh is drawn in one call: once into a cached texture, or directly when textures fail.
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Transform.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <string>
#include <vector>

namespace counterplay::app::art {

using Vec = sf::Vector2f;
using Poly = std::vector<Vec>;

// ---- colours ---------------------------------------------------------------------------------

/// "#rrggbb" (or "#rgb") to a colour; `fallback` for anything else (never throws).
sf::Color parseHex(const std::string& text, sf::Color fallback);
/// Linear mix (t 0 = a, 1 = b), alpha included.
sf::Color mix(sf::Color a, sf::Color b, float t);
/// The colour with its alpha multiplied by `a` (0..1).
sf::Color fade(sf::Color c, float a);
/// Soft shading: towards a warm, slightly purple shadow tone by `amount` (0..1).
sf::Color darker(sf::Color c, float amount);
/// Soft highlight: towards warm white by `amount` (0..1).
sf::Color lighter(sf::Color c, float amount);
/// Relative brightness 0..1 (to pick ink that reads on a colour).
float luminance(sf::Color c);
/// Hue rotated by `degrees`, saturation scaled and lightness set (derived accent colours).
sf::Color rotateHue(sf::Color c, float degrees, float saturationScale, float lightness);

/// A deterministic pseudo-random number in [0, 1) from an integer (props, blink timing).
float hash01(unsigned n);

// ---- geometry --------------------------------------------------------------------------------

/// A polyline built from lines and bezier curves, tessellated as it is built.
class Path {
public:
    explicit Path(Vec start) { pts_.push_back(start); }
    Path& line(Vec p);
    Path& quad(Vec control, Vec p);
    Path& cubic(Vec c1, Vec c2, Vec p);
    /// Elliptical arc around `center` from angle a0 to a1 (degrees, 0 = +x, 90 = +y/down).
    Path& arc(Vec center, Vec radii, float a0, float a1);
    const Poly& pts() const { return pts_; }
    operator const Poly&() const { return pts_; }

private:
    Poly pts_;
};

Poly ellipsePoly(Vec center, Vec radii, int segments = 48);
Poly roundRectPoly(sf::FloatRect r, float radius, int segmentsPerCorner = 6);
/// The polygon mirrored about x = `axis` (point order reversed so winding is kept).
Poly mirrorX(const Poly& p, float axis = 0.f);
/// `p` followed by its mirror image: a symmetric outline from its right half (drawn top to
/// bottom on the right of `axis`).
Poly symmetric(const Poly& rightHalf, float axis = 0.f);
/// Sutherland-Hodgman clip of any polygon by a convex polygon.
Poly clipConvex(const Poly& subject, const Poly& convexClip);
/// Points of a polyline moved by `d`.
Poly translate(const Poly& p, Vec d);

// ---- fills -----------------------------------------------------------------------------------

/// A solid colour or a linear gradient from (p0, c0) to (p1, c1).
struct Fill {
    sf::Color c0, c1;
    Vec p0, p1;
    bool gradient = false;
    sf::Color at(Vec p) const;
};
Fill solid(sf::Color c);
/// Vertical gradient: `top` at y0, `bottom` at y1.
Fill vgrad(sf::Color top, sf::Color bottom, float y0, float y1);
/// Horizontal gradient: `left` at x0, `right` at x1.
Fill hgrad(sf::Color left, sf::Color right, float x0, float x1);
Fill lgrad(Vec p0, sf::Color c0, Vec p1, sf::Color c1);

// ---- the mesh --------------------------------------------------------------------------------

/// Triangles in draw order; painters append shapes, the art library bakes or draws the result.
class Mesh {
public:
    /// Fills any simple polygon (concave is fine).
    void fill(const Poly& poly, const Fill& f);
    void fill(const Poly& poly, sf::Color c) { fill(poly, solid(c)); }
    /// A stroked polyline of constant width (mitred joins, optional round caps).
    void stroke(const Poly& line, float width, sf::Color c, bool closed = false,
                bool roundCaps = true);
    /// A polyline whose width eases from `w0` (start) through `wMid` to `w1` (end): brows,
    /// lashes, hair strands, folds.
    void taper(const Poly& line, float w0, float wMid, float w1, sf::Color c);
    void ellipse(Vec center, Vec radii, const Fill& f, int segments = 48);
    void ellipse(Vec center, Vec radii, sf::Color c, int segments = 48) {
        ellipse(center, radii, solid(c), segments);
    }
    /// A radial glow: `inner` at the centre easing to `outer` at the rim (soft shadows, light).
    void radial(Vec center, Vec radii, sf::Color inner, sf::Color outer, int segments = 48);
    void rect(sf::FloatRect r, const Fill& f);
    void rect(sf::FloatRect r, sf::Color c) { rect(r, solid(c)); }
    void roundRect(sf::FloatRect r, float radius, const Fill& f);
    void roundRect(sf::FloatRect r, float radius, sf::Color c) { roundRect(r, radius, solid(c)); }
    void triangle(Vec a, Vec b, Vec c, sf::Color color);

    /// Shapes added until the matching pop() are transformed by `t` (after any outer one).
    void push(const sf::Transform& t);
    void pop();

    const std::vector<sf::Vertex>& vertices() const { return verts_; }
    bool empty() const { return verts_.empty(); }
    void clear() { verts_.clear(); }
    void draw(sf::RenderTarget& target, const sf::RenderStates& states) const;

private:
    void add(Vec p, sf::Color c);
    std::vector<sf::Vertex> verts_;
    std::vector<sf::Transform> stack_;
};

/// Triangle indices for a simple polygon (ear clipping); empty for degenerate input.
std::vector<unsigned> triangulate(const Poly& poly);

}  // namespace counterplay::app::art
