// The scenario graph canvas: draws a core::GraphLayout with ImGui draw lists inside a child
// window, with pan (middle/right drag, or Space + left drag), zoom around the cursor (wheel),
// fit to view (F or the button), a minimap (click or drag to move), less detail when zoomed out,
// the selected node's edges highlighted, colours for endings, timed nodes, critical actions and
// nodes with problems, and the best path on request. Shared by the trainer's editor and the
// manager's dashboard, which add per-node badges and per-edge annotations through hooks, and
// accent colours on nodes and edges that need attention. Off-screen
// nodes and edges are culled so a 1,000-node graph stays within a 16 ms frame.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/GraphLayout.h"
#include "counterplay/core/Model.h"

namespace counterplay::app::graph {

class GraphCanvas {
public:
    /// A short text drawn in a pill over a node's top-right corner ("median 14 s"); empty = none.
    using NodeBadge = std::function<std::string(std::size_t node)>;
    /// A short text drawn under an edge's label ("12 chose this"); empty = none.
    using EdgeAnnotation = std::function<std::string(const core::LayoutEdge& edge)>;
    using SelectHandler = std::function<void(std::optional<std::size_t> node)>;

    struct Stats {
        int nodesDrawn = 0;
        int edgesDrawn = 0;
        bool detail = false;  ///< texts were drawn (zoomed in enough)
    };

    /// Sets the scenario and its layout (the canvas keeps both; the scenario must stay alive).
    /// The first graph, or one of a different scenario id, is fitted to the view.
    void setGraph(std::shared_ptr<const core::Scenario> scenario, core::GraphLayout layout);
    /// Node ids drawn as having problems, e.g. from the loader's and lint's diagnostics: errors
    /// with a red frame and a red "!" mark, warnings in amber (a node with both shows the error).
    void setProblems(const std::set<std::string>& errors,
                     const std::set<std::string>& warnings = {});
    /// The path drawn when the best path is shown, e.g. core::Analysis::best.steps.
    void setBestPath(const std::vector<core::PathStep>& path);
    void setShowBestPath(bool show) { showBestPath_ = show; }
    bool showBestPath() const { return showBestPath_; }
    void setNodeBadge(NodeBadge hook) { nodeBadge_ = std::move(hook); }
    void setEdgeAnnotation(EdgeAnnotation hook) { edgeAnnotation_ = std::move(hook); }
    /// Accent colours by node index (0 = none): the box gets a frame in that colour and its badge
    /// is drawn in it, so a caller can point at nodes that need attention (the dashboard's slow
    /// decision points). A vector, not a hook: looked up per drawn node without a call.
    void setNodeAccents(std::vector<ImU32> colours) { nodeAccent_ = std::move(colours); }
    /// Accent colours by edge index in the layout (0 = none): the edge is drawn over a broad
    /// stroke in that colour, also when zoomed far out, and its annotation pill takes the colour
    /// (the dashboard's common wrong turns in red, the best options in green).
    void setEdgeAccents(std::vector<ImU32> colours) { edgeAccent_ = std::move(colours); }
    /// Called when a click selects a node (or clears the selection with nullopt).
    void setOnSelect(SelectHandler handler) { onSelect_ = std::move(handler); }

    std::optional<std::size_t> selected() const { return selected_; }
    /// Selects a node without calling the handler (e.g. a problem list jumped to it).
    void select(std::optional<std::size_t> node) { selected_ = node; }
    /// Moves the view so the node is in the middle, keeping the zoom.
    void centreOn(std::size_t node);
    /// Fits the whole graph into the view on the next draw.
    void requestFit() { fitPending_ = true; }
    /// Whether the canvas paints its own background. Turn it off when the window behind it already
    /// has the canvas colour (palette().background): one full fill less, about 4 ms a frame on
    /// llvmpipe.
    void setFillBackground(bool fill) { fillBackground_ = fill; }
    /// The fit button's text in the caller's language (UI string `graph.fit`).
    void setFitLabel(std::string label) { fitLabel_ = std::move(label); }
    /// How a number of seconds is written on timer pills and timeout edges, with `{n}` for the
    /// number, in the caller's language (UI string `graph.seconds`: "{n} s", "{n}초").
    void setSecondsFormat(std::string pattern) { secondsFormat_ = std::move(pattern); }
    /// Whether a node box shows its id as its first line (the trainer's editor) or only its short
    /// text, the customer's first words or the ending's title (the manager's dashboard, where ids
    /// mean nothing; the id is in the detail panel).
    void setShowIds(bool show) { showIds_ = show; }
    /// The view a graph opens with: fitted whole when its texts are then readable, else zoomed
    /// in to `readableZoom` with the start node at the top (F or the button still fit it all).
    void requestOpeningView(float readableZoom) {
        openingZoom_ = readableZoom;
        fitPending_ = true;
    }

    /// Sets the view directly (scripted pan and zoom in benchmarks and tests): `zoom` screen
    /// pixels per layout unit, `centre` the layout point in the middle of the canvas.
    void setView(float zoom, core::LayoutPoint centre);
    float zoom() const { return zoom_; }
    core::LayoutPoint viewCentre() const { return centre_; }
    /// Zoom at which the whole graph fits the last drawn canvas size.
    float fitZoom() const;

    /// Draws the canvas as child window `id` of `size` (0 = the remaining region) and handles its
    /// mouse and keyboard input. Call once per ImGui frame.
    void draw(const char* id, ImVec2 size = ImVec2(0.f, 0.f));
    const Stats& lastStats() const { return stats_; }

    /// Every text the canvas can draw for this layout, so the caller's ImGui font covers its
    /// glyphs (pass them to ImGuiSfml::init): node ids and labels, edge labels.
    static std::vector<std::string> glyphTexts(const core::GraphLayout& layout,
                                               const core::Scenario& scenario);

private:
    struct NodeLook {
        ImU32 fill = 0, border = 0, text = 0;
        bool start = false, timed = false, critical = false, ending = false;
        int timeLimit = 0;
    };
    struct View {
        ImVec2 origin, size;  // canvas rectangle on screen
        core::LayoutPoint topLeft;
        float zoom = 1.f;
        ImVec2 toScreen(float x, float y) const {
            return ImVec2(origin.x + (x - topLeft.x) * zoom, origin.y + (y - topLeft.y) * zoom);
        }
    };

    void handleInput(const View& view, bool hovered, bool active);
    void fit(ImVec2 size);
    /// Zoom and centre so no node box lies under the minimap, from a fitted view `zoom` (steps the
    /// zoom down and shifts the graph away from the minimap's corner until it is free).
    void clearMinimapCorner(ImVec2 size);
    /// The opening view (see requestOpeningView); false when the fitted view is readable already.
    bool openingView(ImVec2 size);
    /// Whether a node's screen box (for the view origin 0,0 of `size`) overlaps the minimap.
    bool nodesUnderMinimap(ImVec2 size) const;
    ImVec4 minimapRectAt(ImVec2 origin, ImVec2 size) const;
    std::string seconds(int n) const;
    /// The text an edge label shows (the timeout's seconds in the caller's language).
    std::string edgeText(const core::LayoutEdge& edge) const;
    void drawEdges(ImDrawList* dl, const View& view, bool detail);
    void drawEdge(ImDrawList* dl, const View& view, std::size_t index, ImU32 colour,
                  float thickness, bool detail);
    /// Draws an edge's label where it overlaps no label drawn before it this frame (trying a few
    /// places along the edge); `force` draws it at its first place anyway (selected edges).
    void drawEdgeLabel(ImDrawList* dl, const View& view, std::size_t index, ImU32 colour,
                       bool force);
    void drawNodes(ImDrawList* dl, const View& view, bool detail);
    void drawMinimap(ImDrawList* dl, const View& view);
    ImVec4 minimapRect(const View& view) const;
    std::optional<std::size_t> nodeAt(const View& view, ImVec2 screen) const;
    bool touchesSelection(const core::LayoutEdge& edge) const;
    ImU32 nodeAccent(std::size_t node) const {
        return node < nodeAccent_.size() ? nodeAccent_[node] : 0;
    }
    ImU32 edgeAccent(std::size_t edge) const {
        return edge < edgeAccent_.size() ? edgeAccent_[edge] : 0;
    }

    std::shared_ptr<const core::Scenario> scenario_;
    core::GraphLayout layout_;
    std::vector<NodeLook> looks_;
    std::vector<ImU32> edgeColours_;
    std::vector<char> problem_;  // 0 none, 1 warning, 2 error
    std::vector<char> bestNode_, bestEdge_;
    std::vector<int> outSlot_;  // an edge's position among its node's outgoing edges
    std::set<std::string> errorIds_, warningIds_;
    std::vector<core::PathStep> bestPath_;
    bool showBestPath_ = false;
    NodeBadge nodeBadge_;
    EdgeAnnotation edgeAnnotation_;
    std::vector<ImU32> nodeAccent_, edgeAccent_;
    SelectHandler onSelect_;
    std::optional<std::size_t> selected_;

    float zoom_ = 1.f;
    core::LayoutPoint centre_;
    ImVec2 lastSize_{800.f, 600.f};
    std::string fitLabel_ = "Fit (F)";
    std::string secondsFormat_ = "{n} s";
    bool showIds_ = true;
    float openingZoom_ = 0.f;  // > 0: the next fit is the opening view
    bool minimapCollapsed_ = false;
    std::vector<ImVec4> placedLabels_;  // edge label boxes drawn this frame (overlap checks)
    bool fitPending_ = true;
    bool fillBackground_ = true;
    bool minimapDrag_ = false;
    bool clickCandidate_ = false;
    Stats stats_;
    std::vector<ImVec2> scratch_;
};

}  // namespace counterplay::app::graph
