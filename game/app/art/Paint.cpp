// Vector toolkit: colour helpers, bezier tessellation, ear-clipping triangulation and strokes.
// Hand-written because SFML has no concave fills, curves or gradients and no small library in the
// dependency set does this for SFML vertices.
#include "art/Paint.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace counterplay::app::art {
namespace {

constexpr float kPi = 3.14159265f;

float len(Vec v) { return std::sqrt(v.x * v.x + v.y * v.y); }
Vec norm(Vec v) {
    const float l = len(v);
    return l > 1e-6f ? Vec(v.x / l, v.y / l) : Vec(0.f, 0.f);
}
double cross(Vec a, Vec b, Vec c) {
    return (static_cast<double>(b.x) - a.x) * (static_cast<double>(c.y) - a.y) -
           (static_cast<double>(b.y) - a.y) * (static_cast<double>(c.x) - a.x);
}
sf::Uint8 u8(float v) { return static_cast<sf::Uint8>(std::clamp(v, 0.f, 255.f) + 0.5f); }

int segmentsFor(float length) { return std::clamp(static_cast<int>(length / 5.f), 3, 48); }

/// Removes consecutive duplicates (and a closing duplicate) from a polyline.
Poly clean(const Poly& in, bool closed) {
    Poly out;
    out.reserve(in.size());
    for (const Vec& p : in) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        if (out.empty() || len(p - out.back()) > 1e-3f) out.push_back(p);
    }
    if (closed)
        while (out.size() > 1 && len(out.front() - out.back()) <= 1e-3f) out.pop_back();
    return out;
}

float smooth(float t) { return t * t * (3.f - 2.f * t); }

}  // namespace

// ---- colours ---------------------------------------------------------------------------------

sf::Color parseHex(const std::string& text, sf::Color fallback) {
    if (text.empty() || text[0] != '#') return fallback;
    const std::string digits = text.substr(1);
    if (digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return fallback;
    unsigned v = 0;
    if (digits.size() == 6 && std::sscanf(digits.c_str(), "%6x", &v) == 1)
        return sf::Color((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    if (digits.size() == 3 && std::sscanf(digits.c_str(), "%3x", &v) == 1)
        return sf::Color(((v >> 8) & 0xf) * 17, ((v >> 4) & 0xf) * 17, (v & 0xf) * 17);
    return fallback;
}

sf::Color mix(sf::Color a, sf::Color b, float t) {
    t = std::clamp(t, 0.f, 1.f);
    auto m = [t](sf::Uint8 x, sf::Uint8 y) { return u8(x + (static_cast<float>(y) - x) * t); };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

sf::Color fade(sf::Color c, float a) {
    c.a = u8(c.a * std::clamp(a, 0.f, 1.f));
    return c;
}

sf::Color darker(sf::Color c, float amount) {
    const sf::Color shadow(u8(c.r * 0.52f + 10), u8(c.g * 0.44f + 6), u8(c.b * 0.52f + 22), c.a);
    return mix(c, shadow, amount);
}

sf::Color lighter(sf::Color c, float amount) {
    return mix(c, sf::Color(255, 251, 242, c.a), amount);
}

float luminance(sf::Color c) { return (0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b) / 255.f; }

sf::Color rotateHue(sf::Color c, float degrees, float saturationScale, float lightness) {
    const float r = c.r / 255.f, g = c.g / 255.f, b = c.b / 255.f;
    const float mx = std::max({r, g, b}), mn = std::min({r, g, b});
    float h = 0.f, s = 0.f;
    const float l = (mx + mn) / 2.f;
    if (mx - mn > 1e-5f) {
        const float d = mx - mn;
        s = l > 0.5f ? d / (2.f - mx - mn) : d / (mx + mn);
        if (mx == r) h = (g - b) / d + (g < b ? 6.f : 0.f);
        else if (mx == g) h = (b - r) / d + 2.f;
        else h = (r - g) / d + 4.f;
        h *= 60.f;
    }
    h = std::fmod(h + degrees + 720.f, 360.f);
    s = std::clamp(s * saturationScale, 0.f, 1.f);
    const float L = std::clamp(lightness, 0.f, 1.f);
    const float q = L < 0.5f ? L * (1.f + s) : L + s - L * s;
    const float p = 2.f * L - q;
    auto hue = [p, q](float t) {
        t = std::fmod(t + 1.f, 1.f);
        if (t < 1.f / 6.f) return p + (q - p) * 6.f * t;
        if (t < 0.5f) return q;
        if (t < 2.f / 3.f) return p + (q - p) * (2.f / 3.f - t) * 6.f;
        return p;
    };
    const float hn = h / 360.f;
    return sf::Color(u8(hue(hn + 1.f / 3.f) * 255), u8(hue(hn) * 255), u8(hue(hn - 1.f / 3.f) * 255),
                     c.a);
}

float hash01(unsigned n) {
    n = (n ^ 61u) ^ (n >> 16);
    n *= 9u;
    n ^= n >> 4;
    n *= 0x27d4eb2du;
    n ^= n >> 15;
    return static_cast<float>(n & 0xffffffu) / static_cast<float>(0x1000000u);
}

// ---- paths -----------------------------------------------------------------------------------

Path& Path::line(Vec p) {
    pts_.push_back(p);
    return *this;
}

Path& Path::quad(Vec c, Vec p) {
    const Vec a = pts_.back();
    const int n = segmentsFor(len(c - a) + len(p - c));
    for (int i = 1; i <= n; ++i) {
        const float t = static_cast<float>(i) / n, u = 1.f - t;
        pts_.push_back(a * (u * u) + c * (2.f * u * t) + p * (t * t));
    }
    return *this;
}

Path& Path::cubic(Vec c1, Vec c2, Vec p) {
    const Vec a = pts_.back();
    const int n = segmentsFor(len(c1 - a) + len(c2 - c1) + len(p - c2));
    for (int i = 1; i <= n; ++i) {
        const float t = static_cast<float>(i) / n, u = 1.f - t;
        pts_.push_back(a * (u * u * u) + c1 * (3.f * u * u * t) + c2 * (3.f * u * t * t) +
                       p * (t * t * t));
    }
    return *this;
}

Path& Path::arc(Vec center, Vec radii, float a0, float a1) {
    const float sweep = std::abs(a1 - a0) * kPi / 180.f * std::max(radii.x, radii.y);
    const int n = std::max(2, segmentsFor(sweep * 1.5f));
    for (int i = 0; i <= n; ++i) {
        const float a = (a0 + (a1 - a0) * i / n) * kPi / 180.f;
        pts_.push_back({center.x + std::cos(a) * radii.x, center.y + std::sin(a) * radii.y});
    }
    return *this;
}

Poly ellipsePoly(Vec center, Vec radii, int segments) {
    Poly p;
    segments = std::max(segments, 6);
    p.reserve(segments);
    for (int i = 0; i < segments; ++i) {
        const float a = 2.f * kPi * i / segments;
        p.push_back({center.x + std::cos(a) * radii.x, center.y + std::sin(a) * radii.y});
    }
    return p;
}

Poly roundRectPoly(sf::FloatRect r, float radius, int seg) {
    radius = std::clamp(radius, 0.f, std::min(r.width, r.height) / 2.f);
    const Vec centers[4] = {{r.left + r.width - radius, r.top + radius},
                            {r.left + r.width - radius, r.top + r.height - radius},
                            {r.left + radius, r.top + r.height - radius},
                            {r.left + radius, r.top + radius}};
    Poly p;
    for (int corner = 0; corner < 4; ++corner)
        for (int k = 0; k <= seg; ++k) {
            const float a = (-90.f + 90.f * corner + 90.f * k / seg) * kPi / 180.f;
            p.push_back(centers[corner] + Vec(std::cos(a) * radius, std::sin(a) * radius));
        }
    return p;
}

Poly mirrorX(const Poly& p, float axis) {
    Poly out(p.rbegin(), p.rend());
    for (Vec& v : out) v.x = 2.f * axis - v.x;
    return out;
}

Poly symmetric(const Poly& rightHalf, float axis) {
    Poly out = rightHalf;
    for (auto it = rightHalf.rbegin(); it != rightHalf.rend(); ++it)
        out.push_back({2.f * axis - it->x, it->y});
    return out;
}

Poly clipConvex(const Poly& subject, const Poly& clip) {
    if (clip.size() < 3) return {};
    double area = 0;
    for (std::size_t i = 0; i < clip.size(); ++i) {
        const Vec a = clip[i], b = clip[(i + 1) % clip.size()];
        area += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
    }
    const double sign = area >= 0 ? 1.0 : -1.0;
    Poly out = subject;
    for (std::size_t i = 0; i < clip.size() && !out.empty(); ++i) {
        const Vec a = clip[i], b = clip[(i + 1) % clip.size()];
        auto inside = [&](Vec p) { return cross(a, b, p) * sign >= 0; };
        Poly in = std::move(out);
        out.clear();
        for (std::size_t k = 0; k < in.size(); ++k) {
            const Vec p = in[k], q = in[(k + 1) % in.size()];
            const bool pin = inside(p), qin = inside(q);
            if (pin) out.push_back(p);
            if (pin != qin) {
                const double d1 = cross(a, b, p), d2 = cross(a, b, q);
                const float t = static_cast<float>(d1 / (d1 - d2));
                out.push_back(p + (q - p) * t);
            }
        }
    }
    return out;
}

Poly translate(const Poly& p, Vec d) {
    Poly out = p;
    for (Vec& v : out) v += d;
    return out;
}

// ---- fills -----------------------------------------------------------------------------------

sf::Color Fill::at(Vec p) const {
    if (!gradient) return c0;
    const Vec d = p1 - p0;
    const float l2 = d.x * d.x + d.y * d.y;
    if (l2 < 1e-6f) return c0;
    return mix(c0, c1, ((p.x - p0.x) * d.x + (p.y - p0.y) * d.y) / l2);
}

Fill solid(sf::Color c) { return Fill{c, c, {}, {}, false}; }
Fill vgrad(sf::Color top, sf::Color bottom, float y0, float y1) {
    return Fill{top, bottom, {0.f, y0}, {0.f, y1}, true};
}
Fill hgrad(sf::Color left, sf::Color right, float x0, float x1) {
    return Fill{left, right, {x0, 0.f}, {x1, 0.f}, true};
}
Fill lgrad(Vec p0, sf::Color c0, Vec p1, sf::Color c1) { return Fill{c0, c1, p0, p1, true}; }

// ---- triangulation ---------------------------------------------------------------------------

std::vector<unsigned> triangulate(const Poly& in) {
    std::vector<unsigned> idx;
    for (unsigned i = 0; i < in.size(); ++i) {
        if (!std::isfinite(in[i].x) || !std::isfinite(in[i].y)) continue;
        if (idx.empty() || len(in[i] - in[idx.back()]) > 1e-4f) idx.push_back(i);
    }
    while (idx.size() > 1 && len(in[idx.front()] - in[idx.back()]) <= 1e-4f) idx.pop_back();
    if (idx.size() < 3) return {};
    double area = 0;
    for (std::size_t i = 0; i < idx.size(); ++i) {
        const Vec a = in[idx[i]], b = in[idx[(i + 1) % idx.size()]];
        area += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
    }
    if (std::abs(area) < 1e-6) return {};
    const double sign = area > 0 ? 1.0 : -1.0;

    std::vector<unsigned> out;
    out.reserve((idx.size() - 2) * 3);
    std::size_t start = 0;
    while (idx.size() > 3) {
        const std::size_t n = idx.size();
        bool progressed = false;
        for (std::size_t k = 0; k < n && !progressed; ++k) {
            const std::size_t i0 = (start + k) % n, i1 = (i0 + 1) % n, i2 = (i0 + 2) % n;
            const Vec a = in[idx[i0]], b = in[idx[i1]], c = in[idx[i2]];
            const double cr = cross(a, b, c) * sign;
            const double scale = static_cast<double>(len(b - a)) * len(c - b);
            if (std::abs(cr) <= 1e-9 * scale) {  // collinear: drop the middle point
                idx.erase(idx.begin() + static_cast<long>(i1));
                start = i0 < idx.size() ? i0 : 0;
                progressed = true;
                break;
            }
            if (cr < 0) continue;  // reflex corner
            bool blocked = false;
            for (std::size_t m = 0; m < n && !blocked; ++m) {
                if (m == i0 || m == i1 || m == i2) continue;
                const Vec p = in[idx[m]];
                if (p == a || p == b || p == c) continue;
                blocked = cross(a, b, p) * sign >= 0 && cross(b, c, p) * sign >= 0 &&
                          cross(c, a, p) * sign >= 0;
            }
            if (blocked) continue;
            out.insert(out.end(), {idx[i0], idx[i1], idx[i2]});
            idx.erase(idx.begin() + static_cast<long>(i1));
            start = i0 < idx.size() ? i0 : 0;
            progressed = true;
        }
        if (!progressed) {  // self-intersecting input: fan the rest rather than loop forever
            for (std::size_t i = 1; i + 1 < idx.size(); ++i)
                out.insert(out.end(), {idx[0], idx[i], idx[i + 1]});
            return out;
        }
    }
    out.insert(out.end(), {idx[0], idx[1], idx[2]});
    return out;
}

// ---- mesh ------------------------------------------------------------------------------------

void Mesh::add(Vec p, sf::Color c) {
    if (!stack_.empty()) p = stack_.back().transformPoint(p);
    verts_.emplace_back(p, c);
}

void Mesh::push(const sf::Transform& t) {
    stack_.push_back(stack_.empty() ? t : stack_.back() * t);
}

void Mesh::pop() {
    if (!stack_.empty()) stack_.pop_back();
}

void Mesh::triangle(Vec a, Vec b, Vec c, sf::Color color) {
    add(a, color);
    add(b, color);
    add(c, color);
}

void Mesh::fill(const Poly& poly, const Fill& f) {
    const std::vector<unsigned> tris = triangulate(poly);
    for (unsigned i : tris) add(poly[i], f.at(poly[i]));
}

void Mesh::ellipse(Vec center, Vec radii, const Fill& f, int segments) {
    const Poly p = ellipsePoly(center, radii, segments);
    for (std::size_t i = 0; i < p.size(); ++i) {
        const Vec a = p[i], b = p[(i + 1) % p.size()];
        add(center, f.at(center));
        add(a, f.at(a));
        add(b, f.at(b));
    }
}

void Mesh::radial(Vec center, Vec radii, sf::Color inner, sf::Color outer, int segments) {
    // Three rings with a smooth fall-off read as a soft light or shadow, not a cone.
    const float rings[] = {0.f, 0.45f, 0.75f, 1.f};
    const float weights[] = {0.f, 0.28f, 0.68f, 1.f};
    for (int r = 0; r < 3; ++r) {
        const Poly a = ellipsePoly(center, radii * rings[r], segments);
        const Poly b = ellipsePoly(center, radii * rings[r + 1], segments);
        const sf::Color ca = mix(inner, outer, weights[r]), cb = mix(inner, outer, weights[r + 1]);
        for (std::size_t i = 0; i < b.size(); ++i) {
            const std::size_t j = (i + 1) % b.size();
            if (r == 0) {
                triangle(center, b[i], b[j], ca);
                verts_[verts_.size() - 2].color = cb;
                verts_[verts_.size() - 1].color = cb;
                continue;
            }
            add(a[i], ca);
            add(b[i], cb);
            add(b[j], cb);
            add(a[i], ca);
            add(b[j], cb);
            add(a[j], ca);
        }
    }
}

void Mesh::rect(sf::FloatRect r, const Fill& f) {
    const Vec a(r.left, r.top), b(r.left + r.width, r.top), c(r.left + r.width, r.top + r.height),
        d(r.left, r.top + r.height);
    add(a, f.at(a));
    add(b, f.at(b));
    add(c, f.at(c));
    add(a, f.at(a));
    add(c, f.at(c));
    add(d, f.at(d));
}

void Mesh::roundRect(sf::FloatRect r, float radius, const Fill& f) {
    const Poly p = roundRectPoly(r, radius);
    const Vec center(r.left + r.width / 2, r.top + r.height / 2);
    for (std::size_t i = 0; i < p.size(); ++i) {  // convex: a fan is enough
        const Vec a = p[i], b = p[(i + 1) % p.size()];
        add(center, f.at(center));
        add(a, f.at(a));
        add(b, f.at(b));
    }
}

void Mesh::stroke(const Poly& line, float width, sf::Color c, bool closed, bool roundCaps) {
    const Poly p = clean(line, closed);
    const std::size_t n = p.size();
    if (n < 2 || width <= 0.f) return;
    std::vector<Vec> left(n), right(n);
    for (std::size_t i = 0; i < n; ++i) {
        const bool first = i == 0 && !closed, last = i == n - 1 && !closed;
        const Vec prev = p[(i + n - 1) % n], next = p[(i + 1) % n];
        const Vec dIn = first ? norm(next - p[i]) : norm(p[i] - prev);
        const Vec dOut = last ? norm(p[i] - prev) : norm(next - p[i]);
        const Vec t = norm(dIn + dOut);
        const Vec nrm(-t.y, t.x);
        const float miter = 1.f / std::max(0.35f, nrm.x * -dIn.y + nrm.y * dIn.x);
        left[i] = p[i] + nrm * (width * 0.5f * miter);
        right[i] = p[i] - nrm * (width * 0.5f * miter);
    }
    const std::size_t segs = closed ? n : n - 1;
    for (std::size_t i = 0; i < segs; ++i) {
        const std::size_t j = (i + 1) % n;
        triangle(left[i], left[j], right[j], c);
        triangle(left[i], right[j], right[i], c);
    }
    if (roundCaps && !closed) {
        for (int end = 0; end < 2; ++end) {
            const Vec at = end == 0 ? p.front() : p.back();
            const Vec dir = end == 0 ? norm(p[0] - p[1]) : norm(p[n - 1] - p[n - 2]);
            const float base = std::atan2(dir.y, dir.x);
            const int k = 8;
            for (int s = 0; s < k; ++s) {
                const float a0 = base - kPi / 2 + kPi * s / k, a1 = base - kPi / 2 + kPi * (s + 1) / k;
                triangle(at, at + Vec(std::cos(a0), std::sin(a0)) * (width / 2),
                         at + Vec(std::cos(a1), std::sin(a1)) * (width / 2), c);
            }
        }
    }
}

void Mesh::taper(const Poly& line, float w0, float wMid, float w1, sf::Color c) {
    const Poly p = clean(line, false);
    const std::size_t n = p.size();
    if (n < 2) return;
    std::vector<float> at(n, 0.f);
    for (std::size_t i = 1; i < n; ++i) at[i] = at[i - 1] + len(p[i] - p[i - 1]);
    const float total = std::max(at.back(), 1e-4f);
    std::vector<Vec> left(n), right(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float t = at[i] / total;
        const float w = t < 0.5f ? w0 + (wMid - w0) * smooth(t * 2.f)
                                 : wMid + (w1 - wMid) * smooth(t * 2.f - 1.f);
        const Vec dIn = i == 0 ? norm(p[1] - p[0]) : norm(p[i] - p[i - 1]);
        const Vec dOut = i == n - 1 ? dIn : norm(p[i + 1] - p[i]);
        const Vec tg = norm(dIn + dOut);
        const Vec nrm(-tg.y, tg.x);
        left[i] = p[i] + nrm * (w * 0.5f);
        right[i] = p[i] - nrm * (w * 0.5f);
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
        triangle(left[i], left[i + 1], right[i + 1], c);
        triangle(left[i], right[i + 1], right[i], c);
    }
}

void Mesh::draw(sf::RenderTarget& target, const sf::RenderStates& states) const {
    if (!verts_.empty()) target.draw(verts_.data(), verts_.size(), sf::Triangles, states);
}

}  // namespace counterplay::app::art
