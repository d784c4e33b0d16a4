// GraphCanvas: graph state, view (pan, zoom, fit), input and the minimap. The nodes and edges
// are drawn in GraphCanvasDraw.cpp.
#include "graph/GraphCanvas.h"

#include <SFML/Window/Keyboard.hpp>
#include <algorithm>
#include <cmath>

#include "counterplay/core/Text.h"
#include "counterplay/core/Transcript.h"
#include "graph/GraphPalette.h"

namespace counterplay::app::graph {

namespace {
constexpr float kMinZoom = 0.004f;
constexpr float kMaxZoom = 3.f;
constexpr float kMargin = 40.f;  // layout units around the graph when fitting
}  // namespace

void GraphCanvas::setGraph(std::shared_ptr<const core::Scenario> scenario,
                           core::GraphLayout layout) {
    const bool same = scenario_ && scenario && scenario_->id == scenario->id;
    scenario_ = std::move(scenario);
    layout_ = std::move(layout);
    if (!same) {
        fitPending_ = true;
        selected_.reset();
    }
    if (selected_ && *selected_ >= layout_.nodes.size()) selected_.reset();
    const core::Scenario& s = *scenario_;
    std::set<std::string> criticalTags;
    for (const core::CriticalAction& ca : s.criticalActions) criticalTags.insert(ca.tag);
    const auto tagged = [&](const std::vector<std::string>& tags) {
        return std::any_of(tags.begin(), tags.end(),
                           [&](const std::string& t) { return criticalTags.count(t) > 0; });
    };
    looks_.assign(layout_.nodes.size(), {});
    for (std::size_t i = 0; i < layout_.nodes.size() && i < s.nodes.size(); ++i) {
        const core::Node& node = s.nodes[i];
        NodeLook& look = looks_[i];
        look.start = node.id == s.start;
        look.ending = node.ending.has_value();
        look.timed = node.timeLimit.has_value();
        look.timeLimit = node.timeLimit ? node.timeLimit->seconds : 0;
        for (const core::Choice& c : node.choices) look.critical = look.critical || tagged(c.tags);
        if (node.timeLimit) look.critical = look.critical || tagged(node.timeLimit->tags);
        const Palette::Pair colours =
            node.ending ? palette().ending(node.ending->kind) : palette().node;
        look.fill = colours.fill;
        look.border = colours.border;
        look.text = node.ending ? palette().darkText : palette().lightText;
        if (!layout_.nodes[i].reachable) {
            look.fill = palette().unreachable.fill;
            look.border = palette().unreachable.border;
            look.text = palette().lightText;
        }
    }
    edgeColours_.assign(layout_.edges.size(), palette().edgeNeutral);
    outSlot_.assign(layout_.edges.size(), 0);
    std::vector<int> outCount(layout_.nodes.size(), 0);
    for (std::size_t e = 0; e < layout_.edges.size(); ++e) {
        const core::LayoutEdge& edge = layout_.edges[e];
        outSlot_[e] = outCount[edge.from]++;
        const core::Node& node = s.nodes[edge.from];
        const core::Points& points =
            edge.choice == core::kTimeoutChoice
                ? node.timeLimit->points
                : node.choices[static_cast<std::size_t>(edge.choice)].points;
        int net = 0;
        for (const auto& [id, value] : points) net += value;
        edgeColours_[e] = edge.back ? palette().edgeBack
                          : net > 0 ? palette().edgeGood
                          : net < 0 ? palette().edgeBad
                                    : palette().edgeNeutral;
    }
    const std::set<std::string> errors = errorIds_, warnings = warningIds_;
    setProblems(errors, warnings);
    setBestPath(bestPath_);
}

void GraphCanvas::setProblems(const std::set<std::string>& errors,
                              const std::set<std::string>& warnings) {
    errorIds_ = errors;
    warningIds_ = warnings;
    problem_.assign(layout_.nodes.size(), 0);
    if (!scenario_) return;
    for (std::size_t i = 0; i < problem_.size() && i < scenario_->nodes.size(); ++i) {
        const std::string& id = scenario_->nodes[i].id;
        problem_[i] = errors.count(id) > 0 ? 2 : warnings.count(id) > 0 ? 1 : 0;
    }
}

std::string GraphCanvas::seconds(int n) const {
    return core::fillPlaceholders(secondsFormat_, {{"n", std::to_string(n)}});
}

std::string GraphCanvas::edgeText(const core::LayoutEdge& edge) const {
    if (edge.choice == core::kTimeoutChoice && scenario_ && edge.from < scenario_->nodes.size() &&
        scenario_->nodes[edge.from].timeLimit)
        return seconds(scenario_->nodes[edge.from].timeLimit->seconds);
    return edge.label;
}

void GraphCanvas::setBestPath(const std::vector<core::PathStep>& path) {
    bestPath_ = path;
    bestNode_.assign(layout_.nodes.size(), 0);
    bestEdge_.assign(layout_.edges.size(), 0);
    if (!scenario_) return;
    for (const core::PathStep& step : path) {
        const core::Node* node = scenario_->findNode(step.nodeId);
        if (!node) continue;
        const auto from = static_cast<std::size_t>(node - scenario_->nodes.data());
        if (from >= bestNode_.size()) continue;
        bestNode_[from] = 1;
        for (std::size_t e = 0; e < layout_.edges.size(); ++e)
            if (layout_.edges[e].from == from && layout_.edges[e].choice == step.choiceIndex) {
                bestEdge_[e] = 1;
                bestNode_[layout_.edges[e].to] = 1;
            }
    }
}

void GraphCanvas::centreOn(std::size_t node) {
    if (node >= layout_.nodes.size()) return;
    const core::LayoutNode& n = layout_.nodes[node];
    centre_ = {n.x + n.w / 2.f, n.y + n.h / 2.f};
}

void GraphCanvas::setView(float zoom, core::LayoutPoint centre) {
    zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
    centre_ = centre;
    fitPending_ = false;
}

float GraphCanvas::fitZoom() const {
    const float w = layout_.width + 2.f * kMargin, h = layout_.height + 2.f * kMargin;
    return std::clamp(std::min(lastSize_.x / w, lastSize_.y / h), kMinZoom, 1.f);
}

void GraphCanvas::fit(ImVec2 size) {
    lastSize_ = size;
    zoom_ = fitZoom();
    centre_ = {layout_.minX + layout_.width / 2.f, layout_.minY + layout_.height / 2.f};
    fitPending_ = false;
    // Zoomed in past the fit for the opening, the graph is larger than the view: panning
    // reaches what the minimap covers. A fitted view keeps the minimap's corner free.
    if (openingZoom_ > 0.f && openingView(size)) return;
    clearMinimapCorner(size);
}

bool GraphCanvas::openingView(ImVec2 size) {
    const float readable = openingZoom_;
    openingZoom_ = 0.f;
    if (zoom_ >= readable) return false;  // fitted whole and readable
    zoom_ = std::min(readable, 1.f);
    // The start node at the top, in the middle across when the graph is wider than the view.
    const float top = layout_.minY - kMargin / 2.f;
    if (layout_.height * zoom_ > size.y) centre_.y = top + size.y / 2.f / zoom_;
    if (layout_.width * zoom_ > size.x && scenario_) {
        const core::Node* start = scenario_->findNode(scenario_->start);
        const std::size_t i = start ? static_cast<std::size_t>(start - scenario_->nodes.data()) : 0;
        if (i < layout_.nodes.size()) centre_.x = layout_.nodes[i].x + layout_.nodes[i].w / 2.f;
    }
    return true;
}

bool GraphCanvas::nodesUnderMinimap(ImVec2 size) const {
    const ImVec4 mm = minimapRectAt(ImVec2(0.f, 0.f), size);
    const float left = centre_.x - size.x / 2.f / zoom_, top = centre_.y - size.y / 2.f / zoom_;
    const float pad = 6.f;  // screen pixels kept between a box and the minimap
    for (const core::LayoutNode& n : layout_.nodes) {
        const float x0 = (n.x - left) * zoom_, y0 = (n.y - top) * zoom_;
        const float x1 = x0 + n.w * zoom_, y1 = y0 + n.h * zoom_;
        if (x1 + pad > mm.x && x0 - pad < mm.x + mm.z && y1 + pad > mm.y && y0 - pad < mm.y + mm.w)
            return true;
    }
    return false;
}

void GraphCanvas::clearMinimapCorner(ImVec2 size) {
    if (!nodesUnderMinimap(size)) return;
    const float fitted = zoom_;
    const core::LayoutPoint middle = centre_;
    // Move the graph away from the bottom-right corner (to the top-left of the view), then shrink
    // it step by step until no box is under the minimap.
    for (int step = 0; step < 12; ++step) {
        zoom_ = std::max(fitted * std::pow(0.92f, static_cast<float>(step)), kMinZoom);
        const float viewW = size.x / zoom_, viewH = size.y / zoom_;
        centre_ = middle;
        if (layout_.width + 2.f * kMargin <= viewW)
            centre_.x = layout_.minX - kMargin + viewW / 2.f;
        if (layout_.height + 2.f * kMargin <= viewH)
            centre_.y = layout_.minY - kMargin + viewH / 2.f;
        if (!nodesUnderMinimap(size)) return;
    }
    zoom_ = fitted;  // nothing found (a graph filling every corner): the fitted view
    centre_ = middle;
}

std::vector<std::string> GraphCanvas::glyphTexts(const core::GraphLayout& layout,
                                                 const core::Scenario& s) {
    std::vector<std::string> texts;
    for (const core::LayoutNode& n : layout.nodes) {
        texts.push_back(n.label);
        if (n.node < s.nodes.size()) texts.push_back(s.nodes[n.node].id);
    }
    for (const core::LayoutEdge& e : layout.edges) texts.push_back(e.label);
    texts.push_back("\xE2\x80\xA6+-");  // the ellipsis of shortened texts, the minimap's toggle
    texts.push_back(s.title.ko);
    texts.push_back(s.title.en);
    return texts;
}

std::optional<std::size_t> GraphCanvas::nodeAt(const View& view, ImVec2 screen) const {
    const float x = view.topLeft.x + (screen.x - view.origin.x) / view.zoom;
    const float y = view.topLeft.y + (screen.y - view.origin.y) / view.zoom;
    for (std::size_t i = layout_.nodes.size(); i-- > 0;) {
        const core::LayoutNode& n = layout_.nodes[i];
        if (x >= n.x && x <= n.x + n.w && y >= n.y && y <= n.y + n.h) return i;
    }
    return std::nullopt;
}

ImVec4 GraphCanvas::minimapRect(const View& view) const {
    return minimapRectAt(view.origin, view.size);
}

ImVec4 GraphCanvas::minimapRectAt(ImVec2 origin, ImVec2 size) const {
    // Bottom-right corner, the graph's aspect, at most 150 x 110 pixels (at least 36 wide);
    // collapsed, a small square with its toggle.
    if (minimapCollapsed_)
        return ImVec4(origin.x + size.x - 28.f, origin.y + size.y - 28.f, 20.f, 20.f);
    const float maxW = std::min(150.f, size.x * 0.22f), maxH = std::min(110.f, size.y * 0.22f);
    const float gw = std::max(layout_.width, 1.f), gh = std::max(layout_.height, 1.f);
    const float scale = std::min(maxW / gw, maxH / gh);
    const float w = std::max(36.f, gw * scale), h = std::max(36.f, gh * scale);
    const float x = origin.x + size.x - w - 8.f, y = origin.y + size.y - h - 8.f;
    return ImVec4(x, y, w, h);
}

void GraphCanvas::handleInput(const View& view, bool hovered, bool active) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const ImVec4 mm = minimapRect(view);
    const bool inMinimap =
        mouse.x >= mm.x && mouse.x <= mm.x + mm.z && mouse.y >= mm.y && mouse.y <= mm.y + mm.w;
    const bool space = ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Space));

    // The minimap's toggle (its top-left corner, or the whole collapsed square) collapses it.
    const bool onToggle = inMinimap && mouse.x <= mm.x + 20.f && mouse.y <= mm.y + 20.f;
    if (hovered && onToggle && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        minimapCollapsed_ = !minimapCollapsed_;
        clickCandidate_ = false;
        return;
    }
    // Minimap: click or drag moves the view centre there.
    if (hovered && inMinimap && !minimapCollapsed_ && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        minimapDrag_ = true;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) minimapDrag_ = false;
    if (minimapDrag_) {
        const float gw = std::max(layout_.width, 1.f), gh = std::max(layout_.height, 1.f);
        const float fx = std::clamp((mouse.x - mm.x) / mm.z, 0.f, 1.f);
        const float fy = std::clamp((mouse.y - mm.y) / mm.w, 0.f, 1.f);
        centre_ = {layout_.minX + fx * gw, layout_.minY + fy * gh};
        clickCandidate_ = false;
        return;
    }

    // Pan: middle or right drag, or Space + left drag.
    if (active) {
        const bool panning = ImGui::IsMouseDown(ImGuiMouseButton_Middle) ||
                             ImGui::IsMouseDown(ImGuiMouseButton_Right) ||
                             (space && ImGui::IsMouseDown(ImGuiMouseButton_Left));
        // Not on the frame of the press: the delta then includes the move to where it was pressed.
        const bool pressedNow = ImGui::IsMouseClicked(ImGuiMouseButton_Left) ||
                                ImGui::IsMouseClicked(ImGuiMouseButton_Right) ||
                                ImGui::IsMouseClicked(ImGuiMouseButton_Middle);
        if (panning && !pressedNow && (io.MouseDelta.x != 0.f || io.MouseDelta.y != 0.f)) {
            centre_.x -= io.MouseDelta.x / zoom_;
            centre_.y -= io.MouseDelta.y / zoom_;
        }
    }

    // Zoom around the cursor.
    if (hovered && io.MouseWheel != 0.f) {
        const float wx = view.topLeft.x + (mouse.x - view.origin.x) / zoom_;
        const float wy = view.topLeft.y + (mouse.y - view.origin.y) / zoom_;
        const float next = std::clamp(zoom_ * std::pow(1.2f, io.MouseWheel), kMinZoom, kMaxZoom);
        // Keep (wx, wy) under the cursor: centre = w - (mouse - canvas middle) / zoom.
        centre_.x = wx - (mouse.x - (view.origin.x + view.size.x / 2.f)) / next;
        centre_.y = wy - (mouse.y - (view.origin.y + view.size.y / 2.f)) / next;
        zoom_ = next;
    }

    // Click (press and release without moving) selects a node, or clears the selection.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !space) clickCandidate_ = true;
    if (clickCandidate_ && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.f))
        clickCandidate_ = false;
    if (clickCandidate_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        clickCandidate_ = false;
        const std::optional<std::size_t> hit = nodeAt(view, mouse);
        if (hit != selected_) {
            selected_ = hit;
            if (onSelect_) onSelect_(selected_);
        }
    }

    // F fits the graph (the bridge indexes io.KeysDown by SFML key code).
    if ((hovered || ImGui::IsWindowFocused()) && !io.WantTextInput &&
        ImGui::IsKeyPressed(sf::Keyboard::F, false))
        fitPending_ = true;
}

void GraphCanvas::drawMinimap(ImDrawList* dl, const View& view) {
    const ImVec4 mm = minimapRect(view);
    const Palette& p = palette();
    ImFont* font = ImGui::GetFont();
    const auto toggle = [&](const char* mark) {  // "-" collapses, "+" opens again
        const ImVec2 ts = font->CalcTextSizeA(13.f, 1e6f, 0.f, mark);
        dl->AddRectFilled(ImVec2(mm.x, mm.y), ImVec2(mm.x + 20.f, mm.y + 20.f),
                          IM_COL32(46, 54, 72, 230), 4.f);
        dl->AddText(font, 13.f, ImVec2(mm.x + 10.f - ts.x / 2.f, mm.y + 10.f - ts.y / 2.f),
                    p.lightText, mark);
    };
    if (minimapCollapsed_) {
        toggle("+");
        dl->AddRect(ImVec2(mm.x, mm.y), ImVec2(mm.x + mm.z, mm.y + mm.w), p.minimapBorder, 4.f);
        return;
    }
    dl->AddRectFilled(ImVec2(mm.x, mm.y), ImVec2(mm.x + mm.z, mm.y + mm.w), p.minimapBg, 4.f);
    const float gw = std::max(layout_.width, 1.f), gh = std::max(layout_.height, 1.f);
    const float sx = mm.z / gw, sy = mm.w / gh;
    for (std::size_t i = 0; i < layout_.nodes.size(); ++i) {
        const core::LayoutNode& n = layout_.nodes[i];
        const float x0 = mm.x + (n.x - layout_.minX) * sx, y0 = mm.y + (n.y - layout_.minY) * sy;
        const ImU32 c = problem_[i]      ? problemColour(problem_[i])
                        : selected_ == i ? p.selected
                                         : looks_[i].border;
        dl->AddRectFilled(ImVec2(x0, y0),
                          ImVec2(x0 + std::max(1.5f, n.w * sx), y0 + std::max(1.5f, n.h * sy)), c);
    }
    const float vx0 = mm.x + (view.topLeft.x - layout_.minX) * sx;
    const float vy0 = mm.y + (view.topLeft.y - layout_.minY) * sy;
    const float vx1 = vx0 + view.size.x / view.zoom * sx, vy1 = vy0 + view.size.y / view.zoom * sy;
    dl->PushClipRect(ImVec2(mm.x, mm.y), ImVec2(mm.x + mm.z, mm.y + mm.w), true);
    dl->AddRect(ImVec2(vx0, vy0), ImVec2(std::max(vx1, vx0 + 3.f), std::max(vy1, vy0 + 3.f)),
                p.minimapView, 0.f, 0, 1.5f);
    dl->PopClipRect();
    dl->AddRect(ImVec2(mm.x, mm.y), ImVec2(mm.x + mm.z, mm.y + mm.w), p.minimapBorder, 4.f);
    toggle("-");
}

void GraphCanvas::draw(const char* id, ImVec2 size) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.f, 0.f));
    const bool open =
        ImGui::BeginChild(id, size, true,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                              ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    stats_ = {};
    if (!open || !scenario_) {
        ImGui::EndChild();
        return;
    }
    View view;
    view.origin = ImGui::GetCursorScreenPos();
    view.size = ImGui::GetContentRegionAvail();
    view.size.x = std::max(view.size.x, 50.f);
    view.size.y = std::max(view.size.y, 50.f);
    lastSize_ = view.size;
    if (fitPending_) fit(view.size);

    ImGui::InvisibleButton("##graph", view.size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    view.zoom = zoom_;
    view.topLeft = {centre_.x - view.size.x / 2.f / zoom_, centre_.y - view.size.y / 2.f / zoom_};
    handleInput(view, hovered, active);
    if (fitPending_) fit(view.size);
    view.zoom = zoom_;
    view.topLeft = {centre_.x - view.size.x / 2.f / zoom_, centre_.y - view.size.y / 2.f / zoom_};

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(view.origin.x + view.size.x, view.origin.y + view.size.y);
    dl->PushClipRect(view.origin, end, true);
    if (fillBackground_) dl->AddRectFilled(view.origin, end, palette().background);
    const bool detail = zoom_ * kNodeFontSize >= kMinTextPixels;
    stats_.detail = detail;
    const ImDrawListFlags flags = dl->Flags;
    if (!detail) dl->Flags &= ~ImDrawListFlags_AntiAliasedLines;  // thin lines, half the triangles
    drawEdges(dl, view, detail);
    dl->Flags = flags;
    drawNodes(dl, view, detail);
    drawMinimap(dl, view);

    // Fit button (top-right).
    const float buttonWidth = ImGui::CalcTextSize(fitLabel_.c_str()).x + 12.f;
    ImGui::SetCursorScreenPos(ImVec2(end.x - buttonWidth - 8.f, view.origin.y + 8.f));
    if (ImGui::SmallButton(fitLabel_.c_str())) fitPending_ = true;
    dl->PopClipRect();
    ImGui::EndChild();
}

}  // namespace counterplay::app::graph
