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
                          ImVec2(base.x - perp.x * size * 0.5f, base.y - perp.y * size * 0.5f), colour);
}

/// A text in a rounded pill centred at `centre`.
void pill(ImDrawList* dl, ImFont* font, float size, ImVec2 centre, const std::string& text, ImU32 bg, ImU32 fg) {
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

void GraphCanvas::drawEdge(ImDrawList* dl, const View& view, std::size_t index, ImU32 colour, float thickness,
                           bool detail) {
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
            dl->AddPolyline(scratch_.data(), static_cast<int>(scratch_.size()), colour, 0, thickness);
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
                const int segments = std::clamp(static_cast<int>((std::fabs(dy) + std::fabs(b.x - a.x)) / 10.f), 3, 14);
                dl->PathBezierCubicCurveTo(ImVec2(a.x, a.y + dy * 0.5f), ImVec2(b.x, b.y - dy * 0.5f), b, segments);
                dir = ImVec2(0.f, dy);  // the curve arrives vertically
            }
            a = b;
        }
        dl->PathStroke(colour, 0, thickness);
    }
    const float size = std::clamp(9.f * view.zoom, 0.f, 12.f);
    const float len = std::sqrt(dir.x * dir.x + dir.y * dir.y);
    if (size >= 3.f && len > 0.f) arrowHead(dl, last, ImVec2(dir.x / len, dir.y / len), size, colour);
}

void GraphCanvas::drawEdgeLabel(ImDrawList* dl, const View& view, std::size_t index, ImU32 colour) {
    const core::LayoutEdge& edge = layout_.edges[index];
    ImFont* font = ImGui::GetFont();
    const float size = kEdgeFontSize * view.zoom;
    ImVec2 at;
    if (edge.selfLoop) {
        const ImVec2 corner = view.toScreen(edge.maxX, (edge.minY + edge.maxY) / 2.f);
        at = ImVec2(corner.x + 6.f * view.zoom, corner.y);
    } else {
        const ImVec2 a = view.toScreen(edge.points[0].x, edge.points[0].y);
        const ImVec2 b = view.toScreen(edge.points[1].x, edge.points[1].y);
        static constexpr float kStagger[3] = {0.2f, 0.42f, 0.64f};  // neighbours' labels on different heights
        at = curvePoint(a, b, kStagger[outSlot_[index] % 3]);
    }
    const std::string number = edge.number > 0 ? std::to_string(edge.number) : std::string("t");
    const std::string text = edge.label;
    const ImVec2 ts = font->CalcTextSizeA(size, 1e6f, 0.f, text.c_str());
    const float chip = size * 0.72f;  // radius of the number chip
    const float pad = size * 0.3f;
    const float total = chip * 2.f + pad + ts.x;
    const float left = edge.selfLoop ? at.x : at.x - total / 2.f;
    const ImVec2 bgA(left - pad, at.y - ts.y / 2.f - pad * 0.5f);
    const ImVec2 bgB(left + total + pad, at.y + ts.y / 2.f + pad * 0.5f);
    dl->AddRectFilled(bgA, bgB, palette().labelBg, size * 0.4f);
    const ImVec2 chipCentre(left + chip, at.y);
    dl->AddCircleFilled(chipCentre, chip, colour, 16);
    const ImVec2 ns = font->CalcTextSizeA(size * 0.85f, 1e6f, 0.f, number.c_str());
    dl->AddText(font, size * 0.85f, ImVec2(chipCentre.x - ns.x / 2.f, chipCentre.y - ns.y / 2.f),
                palette().darkText, number.c_str());
    dl->AddText(font, size, ImVec2(left + chip * 2.f + pad, at.y - ts.y / 2.f), colour, text.c_str());
    if (edgeAnnotation_) {
        const std::string note = edgeAnnotation_(edge);
        const ImU32 accent = edgeAccent(index);
        if (!note.empty())
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
                if (bestEdge_[e]) drawEdge(dl, view, e, withAlpha(palette().best, 0.85f), base + std::clamp(5.f * view.zoom * 2.f, 1.5f, 5.f), detail);
    }
    if (!edgeAccent_.empty()) {  // a broad stroke under accented edges
        const float broad = base + std::clamp(4.f * view.zoom * 2.f, 1.5f, 4.f);
        for (const auto* list : {&shown, &highlighted})
            for (std::size_t e : *list)
                if (const ImU32 accent = edgeAccent(e))
                    drawEdge(dl, view, e, withAlpha(accent, 0.7f), broad, detail);
    }
    const float dim = selected_ ? 0.3f : 1.f;
    for (std::size_t e : shown) drawEdge(dl, view, e, withAlpha(edgeColours_[e], dim), base, detail);
    for (std::size_t e : highlighted) drawEdge(dl, view, e, edgeColours_[e], base + 1.5f, detail);
    if (detail && view.zoom * kEdgeFontSize >= kMinTextPixels) {
        for (std::size_t e : shown) drawEdgeLabel(dl, view, e, withAlpha(edgeColours_[e], selected_ ? 0.55f : 1.f));
        for (std::size_t e : highlighted) drawEdgeLabel(dl, view, e, edgeColours_[e]);
    }
}

void GraphCanvas::drawNodes(ImDrawList* dl, const View& view, bool detail) {
    const Palette& p = palette();
    const float z = view.zoom;
    const WorldRect visible{view.topLeft.x - 20.f / z, view.topLeft.y - 20.f / z,
                            view.topLeft.x + view.size.x / z + 20.f / z, view.topLeft.y + view.size.y / z + 20.f / z};
    ImFont* font = ImGui::GetFont();
    const float rounding = std::min(6.f * z, 8.f);
    const float ring = std::clamp(z * 4.f, 0.5f, 1.f);  // frames around boxes shrink when zoomed out
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
                            : problem_[i]                   ? p.problem
                            : nodeAccent(i)                 ? nodeAccent(i)
                            : showBestPath_ && bestNode_[i] ? p.best
                            : look.timed                    ? p.timed
                                                            : look.border;
            dl->AddRectFilled(a, ImVec2(std::max(b.x, a.x + 1.f), std::max(b.y, a.y + 1.f)), c);
            continue;
        }
        if (showBestPath_ && bestNode_[i])
            dl->AddRect(ImVec2(a.x - 4.f * ring, a.y - 4.f * ring), ImVec2(b.x + 4.f * ring, b.y + 4.f * ring), p.best,
                        rounding + 3.f * ring, 0, 3.f * ring);
        const ImU32 accent = nodeAccent(i);
        if (accent)
            dl->AddRect(ImVec2(a.x - 7.f * ring, a.y - 7.f * ring),
                        ImVec2(b.x + 7.f * ring, b.y + 7.f * ring), accent, rounding + 5.f * ring,
                        0, 2.5f * ring);
        dl->AddRectFilled(a, b, look.fill, rounding);
        if (look.critical)
            dl->AddRectFilled(a, ImVec2(a.x + std::max(2.f, 6.f * z), b.y), p.critical, rounding,
                              ImDrawFlags_RoundCornersLeft);
        const ImU32 border = problem_[i] ? p.problem : look.timed ? p.timed : look.border;
        const float thick = (problem_[i] ? 3.f : look.timed ? 2.f : 1.2f) * std::max(ring, 0.5f);
        dl->AddRect(a, b, border, rounding, 0, thick);
        if (look.start)
            dl->AddRect(ImVec2(a.x - 3.f * ring, a.y - 3.f * ring), ImVec2(b.x + 3.f * ring, b.y + 3.f * ring), look.border,
                        rounding + 2.f * ring, 0, 1.2f);
        if (selected_ == i)
            dl->AddRect(ImVec2(a.x - 2.f * ring, a.y - 2.f * ring), ImVec2(b.x + 2.f * ring, b.y + 2.f * ring), p.selected,
                        rounding + ring, 0, 2.5f);
        if (!detail) continue;

        const ImVec4 clip(a.x + 2.f, a.y, b.x - 2.f, b.y);
        const float left = a.x + (look.critical ? 12.f : 8.f) * z;
        const std::string& id = scenario_->nodes[i].id;
        dl->AddText(font, fontSize, ImVec2(left, a.y + 7.f * z), look.text, id.c_str(), nullptr, 0.f, &clip);
        dl->AddText(font, fontSize * 0.92f, ImVec2(left, a.y + 28.f * z), look.ending ? p.darkDimText : p.dimText,
                    n.label.c_str(), nullptr, 0.f, &clip);
        if (look.timed)
            pill(dl, font, fontSize * 0.8f, ImVec2(b.x - 22.f * z, a.y), std::to_string(look.timeLimit) + " s",
                 p.timed, p.darkText);
        if (problem_[i]) {
            const ImVec2 c(a.x, a.y);
            dl->AddCircleFilled(c, 8.f * z, p.problem, 16);
            const ImVec2 ts = font->CalcTextSizeA(fontSize, 1e6f, 0.f, "!");
            dl->AddText(font, fontSize, ImVec2(c.x - ts.x / 2.f, c.y - ts.y / 2.f), p.lightText, "!");
        }
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
