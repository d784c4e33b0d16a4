// GraphCanvas: graph state, view (pan, zoom, fit), input and the minimap. The nodes and edges
// are drawn in GraphCanvasDraw.cpp.
#include "graph/GraphCanvas.h"

#include <SFML/Window/Keyboard.hpp>
#include <algorithm>
#include <cmath>

#include "counterplay/core/Transcript.h"
#include "graph/GraphPalette.h"

namespace counterplay::app::graph {

namespace {
constexpr float kMinZoom = 0.004f;
constexpr float kMaxZoom = 3.f;
constexpr float kMargin = 40.f;  // layout units around the graph when fitting
}  // namespace

void GraphCanvas::setGraph(std::shared_ptr<const core::Scenario> scenario, core::GraphLayout layout) {
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
        return std::any_of(tags.begin(), tags.end(), [&](const std::string& t) { return criticalTags.count(t) > 0; });
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
        const Palette::Pair colours = node.ending ? palette().ending(node.ending->kind) : palette().node;
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
        const core::Points& points = edge.choice == core::kTimeoutChoice
                                         ? node.timeLimit->points
                                         : node.choices[static_cast<std::size_t>(edge.choice)].points;
        int net = 0;
        for (const auto& [id, value] : points) net += value;
        edgeColours_[e] = edge.back ? palette().edgeBack
                          : net > 0 ? palette().edgeGood
                          : net < 0 ? palette().edgeBad
                                    : palette().edgeNeutral;
    }
    setProblems(problemIds_);
    setBestPath(bestPath_);
}

void GraphCanvas::setProblems(const std::set<std::string>& nodeIds) {
    problemIds_ = nodeIds;
    problem_.assign(layout_.nodes.size(), 0);
    if (!scenario_) return;
    for (std::size_t i = 0; i < problem_.size() && i < scenario_->nodes.size(); ++i)
        problem_[i] = nodeIds.count(scenario_->nodes[i].id) > 0;
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
}

std::vector<std::string> GraphCanvas::glyphTexts(const core::GraphLayout& layout, const core::Scenario& s) {
    std::vector<std::string> texts;
    for (const core::LayoutNode& n : layout.nodes) {
        texts.push_back(n.label);
        if (n.node < s.nodes.size()) texts.push_back(s.nodes[n.node].id);
    }
    for (const core::LayoutEdge& e : layout.edges) texts.push_back(e.label);
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
    // Bottom-right corner, the graph's aspect, at most 200 x 150 pixels (at least 36 wide).
    const float maxW = std::min(200.f, view.size.x * 0.3f), maxH = std::min(150.f, view.size.y * 0.3f);
    const float gw = std::max(layout_.width, 1.f), gh = std::max(layout_.height, 1.f);
    const float scale = std::min(maxW / gw, maxH / gh);
    const float w = std::max(36.f, gw * scale), h = std::max(36.f, gh * scale);
    const float x = view.origin.x + view.size.x - w - 10.f, y = view.origin.y + view.size.y - h - 10.f;
    return ImVec4(x, y, w, h);
}

void GraphCanvas::handleInput(const View& view, bool hovered, bool active) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const ImVec4 mm = minimapRect(view);
    const bool inMinimap = mouse.x >= mm.x && mouse.x <= mm.x + mm.z && mouse.y >= mm.y && mouse.y <= mm.y + mm.w;
    const bool space = ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Space));

    // Minimap: click or drag moves the view centre there.
    if (hovered && inMinimap && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) minimapDrag_ = true;
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
    if (clickCandidate_ && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.f)) clickCandidate_ = false;
    if (clickCandidate_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        clickCandidate_ = false;
        const std::optional<std::size_t> hit = nodeAt(view, mouse);
        if (hit != selected_) {
            selected_ = hit;
            if (onSelect_) onSelect_(selected_);
        }
    }

    // F fits the graph (the bridge indexes io.KeysDown by SFML key code).
    if ((hovered || ImGui::IsWindowFocused()) && !io.WantTextInput && ImGui::IsKeyPressed(sf::Keyboard::F, false))
        fitPending_ = true;
}

void GraphCanvas::drawMinimap(ImDrawList* dl, const View& view) {
    const ImVec4 mm = minimapRect(view);
    const Palette& p = palette();
    dl->AddRectFilled(ImVec2(mm.x, mm.y), ImVec2(mm.x + mm.z, mm.y + mm.w), p.minimapBg, 4.f);
    const float gw = std::max(layout_.width, 1.f), gh = std::max(layout_.height, 1.f);
    const float sx = mm.z / gw, sy = mm.w / gh;
    for (std::size_t i = 0; i < layout_.nodes.size(); ++i) {
        const core::LayoutNode& n = layout_.nodes[i];
        const float x0 = mm.x + (n.x - layout_.minX) * sx, y0 = mm.y + (n.y - layout_.minY) * sy;
        const ImU32 c = problem_[i] ? p.problem : selected_ == i ? p.selected : looks_[i].border;
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + std::max(1.5f, n.w * sx), y0 + std::max(1.5f, n.h * sy)), c);
    }
    const float vx0 = mm.x + (view.topLeft.x - layout_.minX) * sx;
    const float vy0 = mm.y + (view.topLeft.y - layout_.minY) * sy;
    const float vx1 = vx0 + view.size.x / view.zoom * sx, vy1 = vy0 + view.size.y / view.zoom * sy;
    dl->PushClipRect(ImVec2(mm.x, mm.y), ImVec2(mm.x + mm.z, mm.y + mm.w), true);
    dl->AddRect(ImVec2(vx0, vy0), ImVec2(std::max(vx1, vx0 + 3.f), std::max(vy1, vy0 + 3.f)), p.minimapView, 0.f, 0, 1.5f);
    dl->PopClipRect();
    dl->AddRect(ImVec2(mm.x, mm.y), ImVec2(mm.x + mm.z, mm.y + mm.w), p.minimapBorder, 4.f);
}

void GraphCanvas::draw(const char* id, ImVec2 size) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.f, 0.f));
    const bool open = ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
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
