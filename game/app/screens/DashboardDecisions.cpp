// The dashboard's Decisions tab: core::DecisionStats of one scenario drawn on that scenario's
// graph (graph::GraphCanvas, the editor's canvas) or as a list. On the graph every decision point
// has a badge (decisions made there and their median time, orange where slow trainees were
// flagged or many attempts first go wrong), every choice an annotation (how often it was chosen,
// ★ on the best option, whose edge is green), the common wrong turns are red, and a click on a
// node shows that decision point's detail beside the graph. Layouts are computed off the UI
// thread once per scenario and language and kept; the figures the canvas draws are rebuilt only
// when new views arrive, so a frame only looks them up. Every figure is core::Cohort's.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <map>

#include "graph/GraphCanvas.h"
#include "platform/Log.h"
#include "screens/DashboardScreen.h"

namespace counterplay::app {

namespace {

constexpr ImU32 kSlowOrange = IM_COL32(255, 152, 0, 255);
constexpr ImU32 kWrongRed = IM_COL32(244, 67, 54, 255);
constexpr ImU32 kBestGreen = IM_COL32(76, 175, 80, 255);
constexpr std::size_t kWrongTurnsShown = 8;  // the list's cut-off, and the red edges on the graph
constexpr float kDetailWidth = 390.f;
constexpr float kReadableZoom = 0.9f;  // texts are drawn from about 0.63, legible from 0.9

std::string oneDecimal(double v) {
    char b[24];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

std::string wholeNumber(double v) {
    char b[24];
    std::snprintf(b, sizeof b, "%.0f", v);
    return b;
}

/// The first line the customer says at a node (empty when the node has none).
std::string customerLine(const core::Node& node, core::Lang lang) {
    for (const core::Line& l : node.lines)
        if (l.speaker == "customer") return l.text.in(lang);
    return {};
}

/// A choice's text for the manager: the file's text, else its id; the timeout by name.
std::string choiceText(int choiceIndex, const std::string& choiceId, const core::Text& text,
                       core::Lang lang, const char* timeoutLabel) {
    if (choiceIndex == core::kTimeoutChoice) return timeoutLabel;
    const std::string& t = text.in(lang);
    return t.empty() ? choiceId : t;
}

/// Whether a decision point deserves the manager's eye: slow trainees were flagged there, or at
/// least a fifth of the attempts that reached it first left the best path there.
bool needsAttention(const core::DecisionPointStats& p) {
    return !p.slowTrainees.empty() || (p.wrongTurns > 0 && p.wrongTurns * 5 >= p.reached);
}

/// The annotation slot of a choice: 0 for the timeout, else its file index + 1.
std::size_t choiceSlot(int choiceIndex) {
    return choiceIndex == core::kTimeoutChoice ? 0 : static_cast<std::size_t>(choiceIndex) + 1;
}

}  // namespace

struct DashboardScreen::DecisionGraph {
    /// A layout being computed on a worker (one at a time).
    struct Pending {
        std::string key;
        std::future<core::GraphLayout> layout;
        std::chrono::steady_clock::time_point started;
    };
    std::map<std::string, core::GraphLayout> layouts;  // "lang/scenario id" -> its layout
    std::optional<Pending> pending;
    std::string shownKey;  // the layout the canvas has
    graph::GraphCanvas canvas;
    bool showBest = false;  // the best options are green already; the yellow path on request

    // What the canvas draws, rebuilt when the views or the layout change (never per frame).
    std::shared_ptr<const DashboardViews> figuresFor;
    std::string figuresKey;
    std::vector<std::string> badges;              // by node index
    std::vector<std::vector<std::string>> notes;  // by node index, then choiceSlot
    std::vector<int> pointOf;  // node index -> index into decisions.points, or -1
    bool selectionChanged = false;
};

std::string DashboardScreen::traineeNames(const DashboardViews& v,
                                          const std::vector<std::string>& keys) const {
    std::string names;
    for (const std::string& key : keys) {
        if (!names.empty()) names += ", ";
        std::string label = key;
        for (const core::TeamRow& r : v.team)
            if (r.key == key) label = traineeLabel(r.key, r.name);
        names += label;
    }
    return names;
}

void DashboardScreen::drawChoiceBars(const core::DecisionPointStats& p) {
    int most = 1;
    for (const core::ChoiceCount& c : p.choices) most = std::max(most, c.chosen);
    for (const core::ChoiceCount& c : p.choices) {
        const std::string text =
            choiceText(c.choiceIndex, c.choiceId, c.text, ctx_.lang(), T("dash.timeout"));
        const float frac = static_cast<float>(c.chosen) / static_cast<float>(most);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, c.best ? ImVec4(0.2f, 0.65f, 0.38f, 1.f)
                                                             : ImVec4(0.35f, 0.45f, 0.62f, 1.f));
        ImGui::ProgressBar(frac, ImVec2(120.f, 0), std::to_string(c.chosen).c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (c.best)
            ImGui::TextColored({0.45f, 0.9f, 0.55f, 1.f}, "%s", T("dash.dec.best"));
        else
            ImGui::TextDisabled("  ");
        ImGui::SameLine();
        ImGui::TextWrapped("%s  (%s)", text.c_str(),
                           F("dash.dec.trainees", {{"n", std::to_string(c.trainees)}}).c_str());
    }
}

void DashboardScreen::drawDecisions(const DashboardViews& v) {
    const auto cohort = model_.cohort();
    if (!cohort) return;
    ImGui::TextUnformatted(T("dash.dec.scenario"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(320.f);
    if (ImGui::BeginCombo("##decscenario", scenarioTitle(query_.scenarioId).c_str())) {
        for (const core::CohortScenario& s : cohort->scenarios())
            if (ImGui::Selectable(scenarioTitle(s.id).c_str(), s.id == query_.scenarioId)) {
                query_.scenarioId = s.id;
                logLine("dashboard: decisions of " + s.id);
                model_.request(query_);
            }
        ImGui::EndCombo();
    }
    ImGui::SameLine(0.f, 20.f);
    // No graph without the scenario's file: the list then, and the toggle off.
    const bool canGraph = ctx_.library.find(query_.scenarioId) != nullptr;
    int view = decList_ || !canGraph ? 1 : 0;
    ImGui::BeginDisabled(!canGraph);
    bool toggled = ImGui::RadioButton(T("dash.dec.view-graph"), &view, 0);
    ImGui::SameLine();
    toggled |= ImGui::RadioButton(T("dash.dec.view-list"), &view, 1);
    ImGui::EndDisabled();
    if (toggled && decList_ != (view == 1)) {
        decList_ = view == 1;
        logLine(std::string("dashboard: decisions ") + (decList_ ? "list" : "graph") + " view");
    }
    const core::DecisionStats& d = v.decisions;
    if (d.scenarioId != query_.scenarioId) {
        ImGui::TextDisabled("%s", T("dash.updating"));
        return;
    }
    ImGui::SameLine(0.f, 20.f);
    ImGui::TextDisabled("%s", F("dash.dec.summary", {{"n", std::to_string(d.attempts)}}).c_str());
    const ScenarioEntry* entry = ctx_.library.find(d.scenarioId);
    if (!entry) {
        if (decNoGraphLogged_ != d.scenarioId) {
            decNoGraphLogged_ = d.scenarioId;
            logLine("dashboard: decisions of " + d.scenarioId +
                    " as a list: its file is not in the library");
        }
        ImGui::TextColored({0.96f, 0.7f, 0.3f, 1.f}, "%s", T("dash.dec.no-graph"));
    } else if (!decList_) {
        drawDecisionGraph(v, *entry);
        return;
    }
    if (!d.bestKnown) ImGui::TextDisabled("%s", T("dash.dec.no-best"));
    drawDecisionList(v);
}

void DashboardScreen::drawDecisionList(const DashboardViews& v) {
    const core::DecisionStats& d = v.decisions;
    const ScenarioEntry* entry = ctx_.library.find(d.scenarioId);
    ImGui::BeginChild("decisions");
    if (!d.wrongTurns.empty() &&
        ImGui::CollapsingHeader(T("dash.dec.wrong"), ImGuiTreeNodeFlags_DefaultOpen)) {
        for (std::size_t i = 0; i < d.wrongTurns.size() && i < kWrongTurnsShown; ++i) {
            const core::DecisionStats::WrongTurn& w = d.wrongTurns[i];
            const std::string choice =
                choiceText(w.choiceIndex, w.choiceId, w.text, ctx_.lang(), T("dash.timeout"));
            ImGui::Bullet();
            ImGui::TextWrapped(
                "%s", F("dash.dec.wrong-line",
                        {{"n", std::to_string(w.attempts)}, {"node", w.nodeId}, {"choice", choice}})
                          .c_str());
        }
    }
    for (const core::DecisionPointStats& p : d.points) {
        ImGui::PushID(p.nodeId.c_str());
        const std::string header = F("dash.dec.point", {{"node", p.nodeId},
                                                        {"n", std::to_string(p.reached)},
                                                        {"median", oneDecimal(p.medianSeconds)},
                                                        {"wrong", std::to_string(p.wrongTurns)}}) +
                                   "###" + p.nodeId;
        if (ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            const core::Node* node = entry ? entry->scenario->findNode(p.nodeId) : nullptr;
            const std::string said = node ? customerLine(*node, ctx_.lang()) : std::string();
            if (!said.empty()) ImGui::TextDisabled("%s", said.c_str());
            drawChoiceBars(p);
            if (!p.slowTrainees.empty())
                ImGui::TextColored(
                    {0.96f, 0.7f, 0.3f, 1.f}, "%s",
                    F("dash.dec.slow", {{"names", traineeNames(v, p.slowTrainees)}}).c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void DashboardScreen::drawDecisionGraph(const DashboardViews& v, const ScenarioEntry& entry) {
    if (!decGraph_) {
        decGraph_ = std::make_shared<DecisionGraph>();
        DecisionGraph* g = decGraph_.get();
        g->canvas.setNodeBadge([g](std::size_t node) {
            return node < g->badges.size() ? g->badges[node] : std::string();
        });
        g->canvas.setEdgeAnnotation([g](const core::LayoutEdge& e) {
            if (e.from >= g->notes.size()) return std::string();
            const auto& slots = g->notes[e.from];
            const std::size_t slot = choiceSlot(e.choice);
            return slot < slots.size() ? slots[slot] : std::string();
        });
        g->canvas.setOnSelect([g](std::optional<std::size_t>) { g->selectionChanged = true; });
        g->canvas.setShowBestPath(g->showBest);
    }
    DecisionGraph& g = *decGraph_;
    g.canvas.setFitLabel(T("graph.fit"));
    g.canvas.setSecondsFormat(T("graph.seconds"));
    g.canvas.setShowIds(false);  // ids mean nothing to a manager: the detail panel has them
    const std::string key =
        std::string(ctx_.lang() == core::Lang::Ko ? "ko/" : "en/") + entry.scenario->id;

    // The layout: cached per scenario and language, computed on a worker the first time.
    if (g.shownKey != key) {
        auto cached = g.layouts.find(key);
        if (cached == g.layouts.end()) {
            if (!g.pending || g.pending->key != key) {
                core::LayoutOptions options;
                options.lang = ctx_.lang();
                std::shared_ptr<const core::Scenario> scenario = entry.scenario;
                g.pending.reset();  // waits for a layout of another scenario still running
                g.pending = DecisionGraph::Pending{
                    key,
                    std::async(
                        std::launch::async,
                        [scenario, options] { return core::layoutScenario(*scenario, options); }),
                    std::chrono::steady_clock::now()};
            }
            if (g.pending->layout.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
                ImGui::TextDisabled("%s", T("dash.dec.laying-out"));
                return;
            }
            core::GraphLayout layout = g.pending->layout.get();
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - g.pending->started);
            logLine("dashboard: decisions graph of " + entry.scenario->id + ": " +
                    std::to_string(layout.nodes.size()) + " nodes, " +
                    std::to_string(layout.edges.size()) + " edges, laid out in " +
                    std::to_string(ms.count()) + " ms");
            g.pending.reset();
            cached = g.layouts.emplace(key, std::move(layout)).first;
        }
        g.canvas.setGraph(entry.scenario, cached->second);
        g.canvas.setBestPath(entry.analysis ? entry.analysis->best.steps
                                            : std::vector<core::PathStep>{});
        g.shownKey = key;
        g.figuresFor.reset();
        // A tall scenario fitted whole is too small to read: it opens zoomed in to where the
        // badges and counts are drawn, with the start at the top (F or the button fits it all).
        g.canvas.requestOpeningView(kReadableZoom);
    }
    const core::GraphLayout& layout = g.layouts.at(key);

    // The figures on the graph, rebuilt only for new views (kept alive, so the address is theirs).
    const std::shared_ptr<const DashboardViews> latest = model_.views();
    if (g.figuresFor.get() != &v || g.figuresKey != key) {
        const core::Scenario& s = *entry.scenario;
        const core::DecisionStats& d = v.decisions;
        const std::size_t n = s.nodes.size();
        g.badges.assign(n, {});
        g.notes.assign(n, {});
        g.pointOf.assign(n, -1);
        std::vector<ImU32> nodeAccents(n, 0), edgeAccents(layout.edges.size(), 0);
        for (std::size_t i = 0; i < n; ++i) g.notes[i].assign(s.nodes[i].choices.size() + 1, {});
        const auto nodeIndex = [&](const std::string& id) -> std::optional<std::size_t> {
            const core::Node* node = s.findNode(id);
            if (!node) return std::nullopt;
            return static_cast<std::size_t>(node - s.nodes.data());
        };
        const auto edgeIndex = [&](std::size_t from, int choice) -> std::optional<std::size_t> {
            for (std::size_t e = 0; e < layout.edges.size(); ++e)
                if (layout.edges[e].from == from && layout.edges[e].choice == choice) return e;
            return std::nullopt;
        };
        std::map<std::pair<std::size_t, int>, int> wrong;  // (node, choice) -> first wrong turns
        for (std::size_t i = 0; i < d.wrongTurns.size() && i < kWrongTurnsShown; ++i)
            if (const auto node = nodeIndex(d.wrongTurns[i].nodeId))
                wrong[{*node, d.wrongTurns[i].choiceIndex}] = d.wrongTurns[i].attempts;
        for (std::size_t k = 0; k < d.points.size(); ++k) {
            const core::DecisionPointStats& p = d.points[k];
            const auto node = nodeIndex(p.nodeId);
            if (!node) continue;
            g.pointOf[*node] = static_cast<int>(k);
            g.badges[*node] = F("dash.dec.badge", {{"n", std::to_string(p.reached)},
                                                   {"median", wholeNumber(p.medianSeconds)}});
            if (needsAttention(p)) nodeAccents[*node] = kSlowOrange;
            for (const core::ChoiceCount& c : p.choices) {
                const std::size_t slot = choiceSlot(c.choiceIndex);
                if (slot >= g.notes[*node].size()) continue;  // a choice the file no longer has
                const auto w = wrong.find({*node, c.choiceIndex});
                const std::string count = std::to_string(c.chosen);
                g.notes[*node][slot] = w != wrong.end()
                                           ? F("dash.dec.chose-wrong",
                                               {{"n", count}, {"w", std::to_string(w->second)}})
                                       : c.best ? F("dash.dec.chose-best", {{"n", count}})
                                                : F("dash.dec.chose", {{"n", count}});
                if (const auto e = edgeIndex(*node, c.choiceIndex))
                    edgeAccents[*e] = w != wrong.end() ? kWrongRed : c.best ? kBestGreen : 0;
            }
        }
        g.canvas.setNodeAccents(std::move(nodeAccents));
        g.canvas.setEdgeAccents(std::move(edgeAccents));
        g.figuresKey = key;
        // Kept only when `v` is the latest views (else rebuilt next frame, when it will be).
        g.figuresFor = latest.get() == &v ? latest : nullptr;
    }

    if (ImGui::Checkbox(T("graph.best-path"), &g.showBest)) g.canvas.setShowBestPath(g.showBest);
    ImGui::SameLine(0.f, 16.f);
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextDisabled("%s", T("dash.dec.legend"));
    ImGui::PopTextWrapPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float detailWidth = std::min(kDetailWidth, avail.x * 0.4f);
    const ImVec2 canvasSize(avail.x - detailWidth - ImGui::GetStyle().ItemSpacing.x, avail.y);
    g.canvas.draw("decgraph", canvasSize);
    if (g.selectionChanged) {
        g.selectionChanged = false;
        logDecisionPick(v, entry);
    }
    ImGui::SameLine();
    ImGui::BeginChild("decdetail", ImVec2(0.f, avail.y), true);
    drawDecisionDetail(v, entry);
    ImGui::EndChild();
}

void DashboardScreen::logDecisionPick(const DashboardViews& v, const ScenarioEntry& entry) {
    const DecisionGraph& g = *decGraph_;
    const std::optional<std::size_t> picked = g.canvas.selected();
    if (!picked || *picked >= entry.scenario->nodes.size()) {
        logLine("dashboard: decision point cleared");
        return;
    }
    const std::string where = entry.scenario->id + "/" + entry.scenario->nodes[*picked].id;
    const int k = *picked < g.pointOf.size() ? g.pointOf[*picked] : -1;
    if (k < 0) {
        logLine("dashboard: decision point " + where + " selected: no decisions recorded");
        return;
    }
    const core::DecisionPointStats& p = v.decisions.points[static_cast<std::size_t>(k)];
    std::string options, best;
    for (const core::ChoiceCount& c : p.choices) {
        const std::string cid = c.choiceIndex == core::kTimeoutChoice ? "timeout" : c.choiceId;
        options += (options.empty() ? "" : ", ") + cid + " " + std::to_string(c.chosen);
        if (c.best) best = cid;
    }
    logLine("dashboard: decision point " + where + " selected: " + std::to_string(p.reached) +
            " decisions, median " + oneDecimal(p.medianSeconds) + " s, " +
            std::to_string(p.wrongTurns) + " first wrong turns, best " +
            (best.empty() ? "-" : best) + ", chosen: " + options +
            "; slow: " + (p.slowTrainees.empty() ? "-" : traineeNames(v, p.slowTrainees)));
}

void DashboardScreen::drawDecisionDetail(const DashboardViews& v, const ScenarioEntry& entry) {
    const DecisionGraph& g = *decGraph_;
    const core::DecisionStats& d = v.decisions;
    const std::optional<std::size_t> picked = g.canvas.selected();
    const auto wrongTurns = [&](const std::string* nodeId) {
        std::size_t shown = 0;
        for (const core::DecisionStats::WrongTurn& w : d.wrongTurns) {
            if (nodeId && w.nodeId != *nodeId) continue;
            if (shown++ == kWrongTurnsShown) break;
            const std::string choice =
                choiceText(w.choiceIndex, w.choiceId, w.text, ctx_.lang(), T("dash.timeout"));
            ImGui::Bullet();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.f, 0.55f, 0.5f, 1.f));
            if (nodeId)
                ImGui::TextWrapped("%s", F("dash.dec.wrong-from",
                                           {{"n", std::to_string(w.attempts)}, {"choice", choice}})
                                             .c_str());
            else
                ImGui::TextWrapped(
                    "%s",
                    F("dash.dec.wrong-line",
                      {{"n", std::to_string(w.attempts)}, {"node", w.nodeId}, {"choice", choice}})
                        .c_str());
            ImGui::PopStyleColor();
        }
    };
    if (!d.bestKnown) ImGui::TextWrapped("%s", T("dash.dec.no-best"));
    if (!picked || *picked >= entry.scenario->nodes.size()) {
        ImGui::TextWrapped("%s", T("dash.dec.pick-node"));
        if (!d.wrongTurns.empty()) {
            ImGui::Separator();
            ImGui::TextWrapped("%s", T("dash.dec.wrong"));
            wrongTurns(nullptr);
        }
        return;
    }
    const core::Node& node = entry.scenario->nodes[*picked];
    ImGui::TextColored({0.96f, 0.76f, 0.35f, 1.f}, "%s", node.id.c_str());
    const std::string said = customerLine(node, ctx_.lang());
    if (!said.empty()) {
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextDisabled("%s", F("dash.dec.said", {{"line", said}}).c_str());
        ImGui::PopTextWrapPos();
    }
    const int k = *picked < g.pointOf.size() ? g.pointOf[*picked] : -1;
    if (k < 0) {
        ImGui::TextWrapped("%s", T("dash.dec.node-none"));
        return;
    }
    const core::DecisionPointStats& p = d.points[static_cast<std::size_t>(k)];
    ImGui::TextWrapped("%s", F("dash.dec.node-head", {{"n", std::to_string(p.reached)},
                                                      {"median", oneDecimal(p.medianSeconds)},
                                                      {"wrong", std::to_string(p.wrongTurns)}})
                                 .c_str());
    ImGui::Separator();
    drawChoiceBars(p);
    if (!p.slowTrainees.empty()) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextColored(
            {0.96f, 0.7f, 0.3f, 1.f}, "%s",
            F("dash.dec.slow", {{"names", traineeNames(v, p.slowTrainees)}}).c_str());
        ImGui::PopTextWrapPos();
    }
    if (p.wrongTurns > 0) {
        ImGui::Separator();
        ImGui::TextUnformatted(T("dash.dec.from-here"));
        wrongTurns(&p.nodeId);
    }
}

}  // namespace counterplay::app
