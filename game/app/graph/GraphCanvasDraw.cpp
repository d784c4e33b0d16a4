// GraphCanvas: drawing the edges (curves, arrowheads, labels, annotations) and the nodes (boxes,
// markers, texts, badges), culled to the visible part of the layout.
#include <algorithm>
#include <cmath>
#include <string>

#include "counterplay/core/Transcript.h"
#include "graph/GraphCanvas.h"
#include "graph/GraphPalette.h"

namespace counterplay::app::graph {
namespace {

struct WorldRect {
    float x0, y0, x1, y1;
    bool intersects(float ax, float ay, float bx, float by) const {
        return ax <= x1 && bx >= x0 && ay <= y1 && by >= y0;
    }
};

/// The point at `t` of the curve the canvas draws between two polyline points: a cubic with
/// vertical tangents at both ends (so edges leave and enter boxes straight).
ImVec2 curvePoint(ImVec2 a, ImVec2 b, float t) {
    const float s = 3.f * t * t - 2.f * t * t * t;  // the Bezier's progress for these controls
    return ImVec2(a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s);
}

void arrowHead(ImDrawList* dl, ImVec2 tip, ImVec2 dir, float size, ImU32 colour) {
    const ImVec2 perp(-dir.y, dir.x);
    const ImVec2 base(tip.x - dir.x * size, tip.y - dir.y * size);
    dl->AddTriangleFilled(tip, ImVec2(base.x + perp.x * size * 0.5f, base.y + perp.y * size * 0.5f),
                          ImVec2(base.x - perp.x * size * 0.5f, base.y - perp.y * size * 0.5f),
                          colour);
}

/// `text` shortened with an ellipsis so it is at most `maxWidth` pixels wide at `size` (whole
/// UTF-8 characters are kept; a text that fits is returned unchanged).
std::string ellipsize(ImFont* font, float size, const std::string& text, float maxWidth) {
    if (font->CalcTextSizeA(size, 1e6f, 0.f, text.c_str()).x <= maxWidth) return text;
    static const char* const kEllipsis = "\xE2\x80\xA6";
    const float budget = maxWidth - font->CalcTextSizeA(size, 1e6f, 0.f, kEllipsis).x;
    const float scale = size / font->FontSize;
    float width = 0.f;
    std::size_t cut = 0;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        // One UTF-8 character: its length from the lead byte, its code point from the rest.
        const auto lead = static_cast<unsigned char>(*s);
        const int n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (end - s < n) break;
        unsigned int c = n == 1 ? lead : lead & (0x7Fu >> n);
        for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[k]) & 0x3Fu);
        width += font->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD)) * scale;
        if (width > budget) break;
        s += n;
        cut = static_cast<std::size_t>(s - text.c_str());
    }
    std::string out = text.substr(0, cut);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + kEllipsis;
}

/// A text in a rounded pill centred at `centre`.
void pill(ImDrawList* dl, ImFont* font, float size, ImVec2 centre, const std::string& text,
          ImU32 bg, ImU32 fg) {
    const ImVec2 ts = font->CalcTextSizeA(size, 1e6f, 0.f, text.c_str());
    const float padX = size * 0.4f, padY = size * 0.15f;
    const ImVec2 a(centre.x - ts.x / 2.f - padX, centre.y - ts.y / 2.f - padY);
    const ImVec2 b(centre.x + ts.x / 2.f + padX, centre.y + ts.y / 2.f + padY);
    dl->AddRectFilled(a, b, bg, (b.y - a.y) / 2.f);
    dl->AddText(font, size, ImVec2(a.x + padX, a.y + padY), fg, text.c_str());
}

}  // namespace

bool GraphCanvas::touchesSelection(const core::LayoutEdge& edge) const {
    return selected_ && (edge.from == *selected_ || edge.to == *selected_);
}

void GraphCanvas::drawEdge(ImDrawList* dl, const View& view, std::size_t index, ImU32 colour,
                           float thickness, bool detail) {
    const core::LayoutEdge& edge = layout_.edges[index];
    const auto& pts = edge.points;
    if (pts.size() < 2) return;
    ImVec2 prev = view.toScreen(pts[pts.size() - 2].x, pts[pts.size() - 2].y);
    const ImVec2 last = view.toScreen(pts.back().x, pts.back().y);
    ImVec2 dir(last.x - prev.x, last.y - prev.y);
    if (!detail || edge.selfLoop) {
        // Straight segments; points closer than 3 pixels to the last one drawn are skipped.
        scratch_.clear();
        for (const core::LayoutPoint& p : pts) {
            const ImVec2 s = view.toScreen(p.x, p.y);
            if (!scratch_.empty() && &p != &pts.back()) {
                const ImVec2& q = scratch_.back();
                if (std::fabs(s.x - q.x) + std::fabs(s.y - q.y) < 3.f) continue;
            }
            scratch_.push_back(s);
        }
        if (scratch_.size() >= 2) {
            dl->AddPolyline(scratch_.data(), static_cast<int>(scratch_.size()), colour, 0,
                            thickness);
            prev = scratch_[scratch_.size() - 2];
            dir = ImVec2(last.x - prev.x, last.y - prev.y);
        }
    } else {
        ImVec2 a = view.toScreen(pts[0].x, pts[0].y);
        dl->PathLineTo(a);
        for (std::size_t i = 1; i < pts.size(); ++i) {
            const ImVec2 b = view.toScreen(pts[i].x, pts[i].y);
            if (std::fabs(a.x - b.x) < 0.5f || std::fabs(a.y - b.y) < 0.5f) {
                dl->PathLineTo(b);
            } else {
                const float dy = b.y - a.y;
                // Segments by on-screen length: a short curve needs few.
                const int segments = std::clamp(
                    static_cast<int>((std::fabs(dy) + std::fabs(b.x - a.x)) / 10.f), 3, 14);
                dl->PathBezierCubicCurveTo(ImVec2(a.x, a.y + dy * 0.5f),
                                           ImVec2(b.x, b.y - dy * 0.5f), b, segments);
                dir = ImVec2(0.f, dy);  // the curve arrives vertically
            }
            a = b;
        }
        dl->PathStroke(colour, 0, thickness);
    }
    const float size = std::clamp(9.f * view.zoom, 0.f, 12.f);
    const float len = std::sqrt(dir.x * dir.x + dir.y * dir.y);
    if (size >= 3.f && len > 0.f)
        arrowHead(dl, last, ImVec2(dir.x / len, dir.y / len), size, colour);
}

void GraphCanvas::drawEdgeLabel(ImDrawList* dl, const View& view, std::size_t index, ImU32 colour,
                                bool force) {
    const core::LayoutEdge& edge = layout_.edges[index];
    ImFont* font = ImGui::GetFont();
    const float size = std::max(kEdgeFontSize * view.zoom, kMinTextPixels + 2.f);
    const std::string number = edge.number > 0 ? std::to_string(edge.number) : std::string("t");
    // At most about 22 characters wide: longer texts end in an ellipsis instead of running into
    // their neighbours (the whole text is in the inspector or the detail panel).
    const std::string text = ellipsize(font, size, edgeText(edge), size * 11.f);
    const ImVec2 ts = font->CalcTextSizeA(size, 1e6f, 0.f, text.c_str());
    const float chip = size * 0.72f;  // radius of the number chip
    const float pad = size * 0.3f;
    const float total = chip * 2.f + pad + ts.x;
    const std::string note = edgeAnnotation_ ? edgeAnnotation_(edge) : std::string();
    const float noteHeight = note.empty() ? 0.f : size * 1.5f;

    // Where along the edge: the first of a few places (staggered by the edge's position among
    // its node's outgoing edges) where the label overlaps no label drawn before it.
    static constexpr float kPlaces[5] = {0.2f, 0.42f, 0.64f, 0.31f, 0.53f};
    const int first = outSlot_[index] % 3;
    ImVec2 at;
    ImVec4 box;
    bool found = false;
    for (int k = 0; k < (edge.selfLoop ? 1 : 5) && !found; ++k) {
        if (edge.selfLoop) {
            const ImVec2 corner = view.toScreen(edge.maxX, (edge.minY + edge.maxY) / 2.f);
            at = ImVec2(corner.x + 6.f * view.zoom, corner.y);
        } else {
            const ImVec2 a = view.toScreen(edge.points[0].x, edge.points[0].y);
            const ImVec2 b = view.toScreen(edge.points[1].x, edge.points[1].y);
            at = curvePoint(a, b, kPlaces[(first + k) % 5]);
        }
        const float left = edge.selfLoop ? at.x : at.x - total / 2.f;
        box = ImVec4(left - pad, at.y - ts.y / 2.f - pad * 0.5f, left + total + pad,
                     at.y + ts.y / 2.f + pad * 0.5f + noteHeight);
        found = std::none_of(placedLabels_.begin(), placedLabels_.end(), [&](const ImVec4& o) {
            return box.x < o.z && box.z > o.x && box.y < o.w && box.w > o.y;
        });
        if (!found && force && k == 0) {  // a selected edge's label is always drawn, at its place
            found = true;
            break;
        }
    }
    if (!found) return;  // no free place: shown when its node is selected
    placedLabels_.push_back(box);
    const float left = box.x + pad;
    const ImVec2 bgA(box.x, box.y);
    const ImVec2 bgB(box.z, box.w - noteHeight);
    dl->AddRectFilled(bgA, bgB, palette().labelBg, size * 0.4f);
    const ImVec2 chipCentre(left + chip, (bgA.y + bgB.y) / 2.f);
    dl->AddCircleFilled(chipCentre, chip, colour, 16);
    const ImVec2 ns = font->CalcTextSizeA(size * 0.85f, 1e6f, 0.f, number.c_str());
    dl->AddText(font, size * 0.85f, ImVec2(chipCentre.x - ns.x / 2.f, chipCentre.y - ns.y / 2.f),
                palette().darkText, number.c_str());
    dl->AddText(font, size, ImVec2(left + chip * 2.f + pad, chipCentre.y - ts.y / 2.f), colour,
                text.c_str());
    if (!note.empty()) {
        const ImU32 accent = edgeAccent(index);
        pill(dl, font, size * 0.9f, ImVec2(left + total / 2.f, bgB.y + size * 0.75f), note,
             accent ? accent : palette().badgeBg,
             accent ? palette().darkText : palette().lightText);
    }
}

void GraphCanvas::drawEdges(ImDrawList* dl, const View& view, bool detail) {
    const float margin = 30.f / view.zoom;
    const WorldRect visible{view.topLeft.x - margin, view.topLeft.y - margin,
                            view.topLeft.x + view.size.x / view.zoom + margin,
                            view.topLeft.y + view.size.y / view.zoom + margin};
    const float base = std::clamp(1.6f * view.zoom, 1.f, 2.5f);
    std::vector<std::size_t> shown, highlighted;
    for (std::size_t e = 0; e < layout_.edges.size(); ++e) {
        const core::LayoutEdge& edge = layout_.edges[e];
        if (!visible.intersects(edge.minX, edge.minY, edge.maxX, edge.maxY)) continue;
        (touchesSelection(edge) ? highlighted : shown).push_back(e);
    }
    // So far out that boxes are under 2.5 pixels tall: only the selected node's edges (and the
    // best path) are drawn; thousands of sub-pixel lines would cost the frame and show nothing.
    if (view.zoom * kBoxHeightHint < 2.5f) {
        for (std::size_t e : shown)
            if ((showBestPath_ && bestEdge_[e]) || edgeAccent(e)) highlighted.push_back(e);
        shown.clear();
    }
    stats_.edgesDrawn = static_cast<int>(shown.size() + highlighted.size());
    if (showBestPath_) {
        for (const auto* list : {&shown, &highlighted})
            for (std::size_t e : *list)
                if (bestEdge_[e])
                    drawEdge(dl, view, e, withAlpha(palette().best, 0.85f),
                             base + std::clamp(5.f * view.zoom * 2.f, 1.5f, 5.f), detail);
    }
    if (!edgeAccent_.empty()) {  // a broad stroke under accented edges
        const float broad = base + std::clamp(4.f * view.zoom * 2.f, 1.5f, 4.f);
        for (const auto* list : {&shown, &highlighted})
            for (std::size_t e : *list)
                if (const ImU32 accent = edgeAccent(e))
                    drawEdge(dl, view, e, withAlpha(accent, 0.7f), broad, detail);
    }
    const float dim = selected_ ? 0.3f : 1.f;
    for (std::size_t e : shown)
        drawEdge(dl, view, e, withAlpha(edgeColours_[e], dim), base, detail);
    for (std::size_t e : highlighted) drawEdge(dl, view, e, edgeColours_[e], base + 1.5f, detail);
    placedLabels_.clear();
    if (detail && view.zoom * kEdgeFontSize >= kMinTextPixels) {
        // The selected node's labels first, so the others give way to them.
        for (std::size_t e : highlighted) drawEdgeLabel(dl, view, e, edgeColours_[e], true);
        for (std::size_t e : shown)
            drawEdgeLabel(dl, view, e, withAlpha(edgeColours_[e], selected_ ? 0.55f : 1.f), false);
    }
}

void GraphCanvas::drawNodes(ImDrawList* dl, const View& view, bool detail) {
    const Palette& p = palette();
    const float z = view.zoom;
    const WorldRect visible{view.topLeft.x - 20.f / z, view.topLeft.y - 20.f / z,
                            view.topLeft.x + view.size.x / z + 20.f / z,
                            view.topLeft.y + view.size.y / z + 20.f / z};
    ImFont* font = ImGui::GetFont();
    const float rounding = std::min(6.f * z, 8.f);
    const float ring =
        std::clamp(z * 4.f, 0.5f, 1.f);  // frames around boxes shrink when zoomed out
    const float fontSize = kNodeFontSize * z;
    int drawn = 0;
    for (std::size_t i = 0; i < layout_.nodes.size(); ++i) {
        const core::LayoutNode& n = layout_.nodes[i];
        if (!visible.intersects(n.x, n.y, n.x + n.w, n.y + n.h)) continue;
        ++drawn;
        const NodeLook& look = looks_[i];
        const ImVec2 a = view.toScreen(n.x, n.y), b = view.toScreen(n.x + n.w, n.y + n.h);
        if (b.y - a.y < 2.5f) {  // a dot-sized box: one rectangle in its most telling colour
            const ImU32 c = selected_ == i                  ? p.selected
                            : problem_[i]                   ? problemColour(problem_[i])
                            : nodeAccent(i)                 ? nodeAccent(i)
                            : showBestPath_ && bestNode_[i] ? p.best
                            : look.timed                    ? p.timed
                                                            : look.border;
            dl->AddRectFilled(a, ImVec2(std::max(b.x, a.x + 1.f), std::max(b.y, a.y + 1.f)), c);
            continue;
        }
        if (showBestPath_ && bestNode_[i])
            dl->AddRect(ImVec2(a.x - 4.f * ring, a.y - 4.f * ring),
                        ImVec2(b.x + 4.f * ring, b.y + 4.f * ring), p.best, rounding + 3.f * ring,
                        0, 3.f * ring);
        const ImU32 accent = nodeAccent(i);
        if (accent)
            dl->AddRect(ImVec2(a.x - 7.f * ring, a.y - 7.f * ring),
                        ImVec2(b.x + 7.f * ring, b.y + 7.f * ring), accent, rounding + 5.f * ring,
                        0, 2.5f * ring);
        dl->AddRectFilled(a, b, look.fill, rounding);
        if (look.critical)
            dl->AddRectFilled(a, ImVec2(a.x + std::max(2.f, 6.f * z), b.y), p.critical, rounding,
                              ImDrawFlags_RoundCornersLeft);
        const ImU32 border = problem_[i]  ? problemColour(problem_[i])
                             : look.timed ? p.timed
                                          : look.border;
        const float thick = (problem_[i] ? 3.f : look.timed ? 2.f : 1.2f) * std::max(ring, 0.5f);
        dl->AddRect(a, b, border, rounding, 0, thick);
        if (look.start)
            dl->AddRect(ImVec2(a.x - 3.f * ring, a.y - 3.f * ring),
                        ImVec2(b.x + 3.f * ring, b.y + 3.f * ring), look.border,
                        rounding + 2.f * ring, 0, 1.2f);
        if (selected_ == i)
            dl->AddRect(ImVec2(a.x - 2.f * ring, a.y - 2.f * ring),
                        ImVec2(b.x + 2.f * ring, b.y + 2.f * ring), p.selected, rounding + ring, 0,
                        2.5f);
        // Texts: never smaller than readable; a box too short for two lines shows one (the id in
        // the editor, the short text in the dashboard), shortened to the box's width.
        const float boxH = b.y - a.y;
        if (boxH < kLabelBoxPixels) continue;  // (the box's frame still shows its problems)
        const float textSize = std::max(fontSize, kReadablePixels);
        const float left = a.x + (look.critical ? 12.f : 8.f) * z + 1.f;
        const float width = b.x - left - 4.f;
        const std::string& id = scenario_->nodes[i].id;
        const std::string& primary = showIds_ || n.label.empty() ? id : n.label;
        const bool twoLines = showIds_ && !n.label.empty() && boxH >= textSize * 2.f + 6.f;
        if (twoLines) {
            const float gap = (boxH - textSize * 1.92f) / 3.f;
            dl->AddText(font, textSize, ImVec2(left, a.y + gap), look.text,
                        ellipsize(font, textSize, id, width).c_str());
            dl->AddText(font, textSize * 0.92f, ImVec2(left, a.y + gap * 2.f + textSize),
                        look.ending ? p.darkDimText : p.dimText,
                        ellipsize(font, textSize * 0.92f, n.label, width).c_str());
        } else {
            const float lineSize = std::min(textSize, boxH - 2.f);
            dl->AddText(font, lineSize, ImVec2(left, (a.y + b.y) / 2.f - lineSize / 2.f), look.text,
                        ellipsize(font, lineSize, primary, width).c_str());
        }
        if (problem_[i]) {
            const ImVec2 c(a.x, a.y);
            const float r = std::max(8.f * z, 6.f);
            dl->AddCircleFilled(c, r, problemColour(problem_[i]), 16);
            const ImVec2 ts = font->CalcTextSizeA(r * 1.75f, 1e6f, 0.f, "!");
            dl->AddText(font, r * 1.75f, ImVec2(c.x - ts.x / 2.f, c.y - ts.y / 2.f),
                        problem_[i] >= 2 ? p.lightText : p.darkText, "!");
        }
        if (!detail) continue;
        if (look.timed)
            pill(dl, font, std::max(fontSize * 0.8f, kMinTextPixels + 1.f),
                 ImVec2(b.x - 22.f * z, a.y), seconds(look.timeLimit), p.timed, p.darkText);
        if (nodeBadge_) {
            const std::string badge = nodeBadge_(i);
            if (!badge.empty()) {
                const ImVec2 ts = font->CalcTextSizeA(fontSize * 0.8f, 1e6f, 0.f, badge.c_str());
                pill(dl, font, fontSize * 0.8f, ImVec2(b.x - ts.x / 2.f - 8.f * z, b.y), badge,
                     accent ? accent : p.badgeBg, accent ? p.darkText : p.lightText);
            }
        }
    }
    stats_.nodesDrawn = drawn;
}

}  // namespace counterplay::app::graph
