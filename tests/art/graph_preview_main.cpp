// counterplay-graph-preview: opens a scenario's graph canvas (app/graph/GraphCanvas) in an SFML
// window with ImGui, for visual review, screenshots and frame-time figures. Not part of the game.
//   counterplay-graph-preview FILE | --generate N  [--lang ko|en] [--screenshot PNG] [--best]
//       [--select ID] [--zoom Z] [--centre ID] [--problems ID,...] [--hooks] [--bench-frames N]
//       [--quit-after N]
// Run under Xvfb: xvfb-run -a -s "-screen 0 1280x800x24" build/counterplay-graph-preview FILE
#include <CLI/CLI.hpp>
#include <GL/gl.h>
#include <SFML/Graphics.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "Fonts.h"
#include "ScenarioGenerator.h"
#include "Strings.h"
#include "counterplay/core/Analysis.h"
#include "counterplay/core/GraphLayout.h"
#include "counterplay/core/Loader.h"
#include "graph/GraphCanvas.h"
#include "graph/GraphPalette.h"
#include "imgui/ImGuiSfml.h"

using namespace counterplay;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Summary {
    double median = 0, p99 = 0, worst = 0;
};

Summary summarise(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)], v.back()};
}

/// Node ids named by the load's diagnostics (paths "nodes.<id>...") plus `extra`.
std::set<std::string> problemNodes(const core::ScenarioLoad& load, const std::string& extra) {
    std::set<std::string> ids;
    for (const core::Diagnostic& d : load.diagnostics) {
        if (d.path.rfind("nodes.", 0) != 0) continue;
        const std::string rest = d.path.substr(6);
        ids.insert(rest.substr(0, rest.find_first_of(".[")));
    }
    std::stringstream list(extra);
    for (std::string id; std::getline(list, id, ',');)
        if (!id.empty()) ids.insert(id);
    return ids;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Show a scenario's graph canvas (for review, screenshots and frame times)."};
    std::string file, langValue = "en", screenshot, selectId, centreId, problems;
    int generate = 0, benchFrames = 0, quitAfter = 0;
    float zoom = 0.f;
    bool best = false, hooks = false;
    cli.add_option("FILE", file, "Scenario file");
    cli.add_option("--generate", generate, "Use a generated scenario of N nodes instead of FILE");
    cli.add_option("--lang", langValue, "ko or en");
    cli.add_option("--screenshot", screenshot, "Save a PNG of the window after a few frames, then exit");
    cli.add_flag("--best", best, "Draw the best path");
    cli.add_option("--select", selectId, "Select this node");
    cli.add_option("--zoom", zoom, "Zoom (pixels per layout unit; default: fit)");
    cli.add_option("--centre", centreId, "Centre the view on this node");
    cli.add_option("--problems", problems, "Comma-separated node ids to mark as having problems");
    cli.add_flag("--hooks", hooks, "Demonstrate the badge and annotation hooks");
    cli.add_option("--bench-frames", benchFrames, "Measure N frames of scripted pan and zoom, then exit");
    cli.add_option("--quit-after", quitAfter, "Exit after N frames, printing the view (input tests)");
    CLI11_PARSE(cli, argc, argv);
    core::Lang lang = core::Lang::En;
    if (!core::parseLang(langValue, lang)) {
        std::cerr << "--lang: use ko or en\n";
        return 2;
    }
    if (file.empty() && generate < 2) {
        std::cerr << "give a FILE or --generate N\n";
        return 2;
    }

    core::ScenarioLoad load;
    if (generate >= 2) {
        bench::GeneratorOptions gen;
        gen.nodes = generate;
        load = core::loadScenarioText(bench::generateScenarioYaml(gen), "generated.yaml", nullptr);
    } else {
        const std::string cataloguePath = core::findCatalogueFor(file);
        core::CatalogueLoad catalogue;
        if (!cataloguePath.empty()) catalogue = core::loadCatalogueFile(cataloguePath);
        load = core::loadScenarioFile(file, catalogue.catalogue.get());
    }
    if (!load.scenario) {
        for (const auto& d : load.diagnostics) std::cerr << d.message << "\n";
        std::cerr << "cannot load the scenario\n";
        return 1;
    }
    const auto scenario = load.scenario;

    core::LayoutOptions options;
    options.lang = lang;
    const auto t0 = Clock::now();
    core::GraphLayout layout = core::layoutScenario(*scenario, options);
    const double layoutMs = msSince(t0);
    std::size_t dummies = layout.layered.down.size() - layout.layered.nodeCount;
    std::printf("layout: %zu nodes, %zu edges, %zu ranks, %zu dummies, %d crossings, %.1f x %.1f units, %.1f ms\n",
                layout.nodes.size(), layout.edges.size(), layout.ranks.size(), dummies, layout.crossings,
                layout.width, layout.height, layoutMs);

    sf::RenderWindow window(sf::VideoMode(1280, 800), "counterplay graph preview", sf::Style::Default);
    window.setVerticalSyncEnabled(false);
    if (benchFrames == 0) window.setFramerateLimit(60);
    const std::string assets = std::string(COUNTERPLAY_SOURCE_DIR) + "/assets";
    app::Fonts fonts;
    app::loadFonts(assets, fonts);
    app::Strings strings;
    std::string stringsError;
    strings.load(assets + "/strings/ui.yaml", stringsError);
    std::vector<std::string> texts = app::graph::GraphCanvas::glyphTexts(layout, *scenario);
    for (const char* key : {"graph.fit", "graph.best-path"}) texts.push_back(strings.get(key, lang));
    app::imgui::ImGuiSfml gui;
    if (!gui.init(window, fonts.regularPath, 16.f, texts)) {
        std::cerr << "ImGui did not start\n";
        return 1;
    }
    std::printf("font: %s, %d glyphs\n", fonts.regularPath.c_str(), gui.glyphCount());

    app::graph::GraphCanvas canvas;
    canvas.setGraph(scenario, layout);
    // The window behind the canvas has the canvas colour, so the canvas need not fill it again.
    ImGui::GetStyle().Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(app::graph::palette().background);
    canvas.setFillBackground(false);
    canvas.setFitLabel(strings.get("graph.fit", lang));
    canvas.setProblems(problemNodes(load, problems));
    if (load.ok()) canvas.setBestPath(core::analyzeScenario(*scenario).best.steps);
    canvas.setShowBestPath(best);
    if (!selectId.empty()) {
        const core::Node* n = scenario->findNode(selectId);
        if (!n) {
            std::cerr << "--select: no node '" << selectId << "'\n";
            return 2;
        }
        canvas.select(static_cast<std::size_t>(n - scenario->nodes.data()));
    }
    if (hooks) {
        canvas.setNodeBadge([](std::size_t node) { return node % 3 == 1 ? "median 14 s" : std::string(); });
        canvas.setEdgeAnnotation([](const core::LayoutEdge& e) {
            return e.choice == 0 ? std::to_string(3 + e.from % 9) + " chose this" : std::string();
        });
    }
    canvas.setOnSelect([&](std::optional<std::size_t> node) {
        std::printf("selected: %s\n", node ? scenario->nodes[*node].id.c_str() : "(none)");
        std::fflush(stdout);
    });

    const std::string title = scenario->title.in(lang) + "  [" + scenario->id + "]";
    bool showBest = best;
    // Bench: blocks of ten frames with the canvas alternate with ten empty frames (the same ImGui
    // window without the canvas), so both see the same machine load.
    std::vector<double> frameMs, frameCpu, emptyCpu, canvasMs;
    float fitZoom = 0.f;
    sf::Clock dtClock;
    const int warmup = 3;
    for (int frame = 0; window.isOpen(); ++frame) {
        const auto f0 = Clock::now();
        const double cpu0 = cpuMs();
        const bool emptyFrame = benchFrames > 0 && frame >= warmup && ((frame - warmup) / 10) % 2 == 1;
        sf::Event event;
        while (window.pollEvent(event)) {
            gui.processEvent(event);
            if (event.type == sf::Event::Closed) window.close();
        }
        if (!window.isOpen()) break;
        if (frame == 1) {  // the first frame fitted the view
            fitZoom = canvas.zoom();
            if (zoom > 0.f || !centreId.empty()) {
                core::LayoutPoint centre = canvas.viewCentre();
                if (const core::Node* n = centreId.empty() ? nullptr : scenario->findNode(centreId)) {
                    const core::LayoutNode& ln = layout.nodes[static_cast<std::size_t>(n - scenario->nodes.data())];
                    centre = {ln.x + ln.w / 2.f, ln.y + ln.h / 2.f};
                }
                canvas.setView(zoom > 0.f ? zoom : canvas.zoom(), centre);
            }
        }
        if (benchFrames > 0 && frame >= warmup) {
            // Scripted: zoom from the fitted view to 1.0 over the first third, pan at 1.0 down and
            // across the graph over the second, zoom back out while panning over the last.
            const int i = static_cast<int>(frameMs.size());
            const float t = static_cast<float>(i % benchFrames) / static_cast<float>(benchFrames);
            const float cx = layout.minX + layout.width / 2.f, cy = layout.minY + layout.height / 2.f;
            const float top = layout.minY + 300.f;
            if (t < 1.f / 3.f) {
                const float u = t * 3.f;
                canvas.setView(fitZoom * std::pow(1.f / fitZoom, u), {cx, top + (cy - top) * (1.f - u)});
            } else if (t < 2.f / 3.f) {
                const float u = (t - 1.f / 3.f) * 3.f;
                canvas.setView(1.f, {layout.minX + layout.width * u, top + std::min(layout.height - 600.f, 6000.f) * u});
            } else {
                const float u = (t - 2.f / 3.f) * 3.f;
                canvas.setView(std::pow(1.f / fitZoom, 1.f - u) * fitZoom, {cx + 200.f * std::sin(u * 6.f), cy});
            }
            if (i % 40 == 0) canvas.select(layout.edges.empty() ? std::nullopt : std::optional<std::size_t>(layout.edges[static_cast<std::size_t>(i) % layout.edges.size()].from));
        }

        gui.newFrame(window, dtClock.restart().asSeconds());
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(display);
        ImGui::Begin("##graph-preview", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::TextUnformatted(title.c_str());
        ImGui::SameLine(0.f, 24.f);
        if (ImGui::Checkbox(strings.get("graph.best-path", lang).c_str(), &showBest)) canvas.setShowBestPath(showBest);
        ImGui::SameLine(0.f, 24.f);
        ImGui::Text("%zu nodes, zoom %.2f", layout.nodes.size(), canvas.zoom());
        const double c0 = cpuMs();
        if (!emptyFrame) canvas.draw("canvas");
        const double canvasCpu = cpuMs() - c0;
        ImGui::End();

        window.clear(sf::Color(24, 28, 38));
        gui.render(window);
        if (!screenshot.empty() && frame == 4) {
            glFinish();
            sf::Texture shot;
            shot.create(window.getSize().x, window.getSize().y);
            shot.update(window);
            const bool ok = shot.copyToImage().saveToFile(screenshot);
            std::printf("%s %s\n", ok ? "wrote" : "FAILED to write", screenshot.c_str());
            std::printf("drawn: %d nodes, %d edges, text %s\n", canvas.lastStats().nodesDrawn,
                        canvas.lastStats().edgesDrawn, canvas.lastStats().detail ? "on" : "off");
            if (benchFrames == 0) return ok ? 0 : 1;
        }
        window.display();
        if (quitAfter > 0 && frame + 1 >= quitAfter) {
            std::printf("view: zoom %.3f, centre %.1f, %.1f\n", canvas.zoom(), canvas.viewCentre().x,
                        canvas.viewCentre().y);
            std::fflush(stdout);
            window.close();
        }
        if (benchFrames > 0 && frame >= warmup) {
            glFinish();
            if (emptyFrame) {
                emptyCpu.push_back(cpuMs() - cpu0);
                continue;
            }
            frameMs.push_back(msSince(f0));
            frameCpu.push_back(cpuMs() - cpu0);
            canvasMs.push_back(canvasCpu);
            if (static_cast<int>(frameMs.size()) == benchFrames) break;
        }
    }
    if (benchFrames > 0) {
        const Summary f = summarise(frameMs), cpu = summarise(frameCpu), e = summarise(emptyCpu),
                      c = summarise(canvasMs);
        std::printf("frames: %d of scripted pan and zoom (ms, median / p99 / worst)\n", benchFrames);
        std::printf("  process CPU per frame, all threads:  %.2f / %.2f / %.2f\n", cpu.median, cpu.p99, cpu.worst);
        std::printf("  empty frame (no canvas), same:       %.2f / %.2f / %.2f\n", e.median, e.p99, e.worst);
        std::printf("  canvas.draw (building the lists):    %.2f / %.2f / %.2f\n", c.median, c.p99, c.worst);
        std::printf("  wall time per frame (machine load!): %.2f / %.2f / %.2f\n", f.median, f.p99, f.worst);
    }
    return 0;
}
