// counterplay-art-preview: renders the game's art offscreen to PNG files for visual review, and
// measures what the art costs per frame. Not part of the game binary.
//   counterplay-art-preview [--out DIR] [--scenarios DIR] [--font FILE] [--bench N] [--check]
// Run under Xvfb: xvfb-run -a -s "-screen 0 1280x720x24" build/counterplay-art-preview
#include <CLI/CLI.hpp>
#include <SFML/Graphics.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "art/Art.h"
#include "art/Figure.h"
#include "counterplay/core/Loader.h"

namespace fs = std::filesystem;
using counterplay::app::art::ArtLibrary;
using counterplay::app::art::kExpressions;
using counterplay::app::art::kSettings;
using counterplay::core::Look;

namespace {

struct Cast {
    std::string id, setting, name;
    Look look;
};

/// UTF-8 text (written with \u escapes, sources stay ASCII) as an sf::String.
sf::String utf8(const char8_t* s) {
    const std::u8string text(s);
    return sf::String::fromUtf8(text.begin(), text.end());
}

std::vector<Cast> loadCasts(const std::string& dir) {
    std::vector<Cast> out;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".yaml" && e.path().filename() != "principles.yaml")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
        const auto load = counterplay::core::loadScenarioFile(p.string(), nullptr);
        if (!load.scenario) continue;
        const auto& s = *load.scenario;
        out.push_back({s.id, s.setting, s.customer.name.in(counterplay::core::Lang::En), s.customer.look});
    }
    return out;
}

bool save(const sf::RenderTexture& rt, const fs::path& file) {
    const bool ok = rt.getTexture().copyToImage().saveToFile(file.string());
    std::cout << (ok ? "wrote " : "FAILED ") << file.string() << "\n";
    return ok;
}

/// A stand-in for the game's dialogue box, so the art is judged with the UI over it.
void drawMockDialogue(sf::RenderTarget& t) {
    sf::RectangleShape box({1200.f, 168.f});
    box.setPosition(40.f, 536.f);
    box.setFillColor(sf::Color(28, 33, 48, 225));
    t.draw(box);
    for (int i = 0; i < 3; ++i) {
        sf::RectangleShape line({i == 2 ? 420.f : 760.f, 10.f});
        line.setPosition(74.f, 584.f + i * 34.f);
        line.setFillColor(sf::Color(246, 242, 234, 120));
        t.draw(line);
    }
}

/// One scene laid out like the play screen: background, the customer on the left, the badge
/// top left and a mock dialogue box.
void drawScene(ArtLibrary& art, sf::RenderTarget& t, const sf::Font* font, const std::string& setting,
               const Look& look, const std::string& expression, bool dialogue) {
    art.drawBackground(t, setting, {0.f, 0.f, 1280.f, 720.f});
    art.drawCustomer(t, look, expression, expression, 1.f, 1.f, {340.f, 800.f}, 720.f);
    if (dialogue) drawMockDialogue(t);
    if (font) art.drawNameTag(t, *font, utf8(u8"\uae40\ubbfc\uc9c0 Minji"), {24.f, 76.f}, 0.8f);
}

/// One cell of a contact sheet: a look in an expression (cross-fading from `before`).
struct Frame {
    Look look;
    std::string expression, before;
    float blend = 1.f, time = 1.f;
};

/// Heads and shoulders in a grid of `cols` columns; `zoom` = figure height / cell height.
void drawGrid(ArtLibrary& art, sf::RenderTexture& rt, const std::vector<Frame>& frames, int cols,
              sf::Vector2f cell, float zoom) {
    const sf::Vector2f total(static_cast<float>(rt.getSize().x), static_cast<float>(rt.getSize().y));
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const std::size_t c = static_cast<std::size_t>(cols);
        const float col = static_cast<float>(i % c), row = static_cast<float>(i / c);
        sf::View view(sf::FloatRect(-cell.x / 2.f, 0.f, cell.x, cell.y));
        view.setViewport({col * cell.x / total.x, row * cell.y / total.y, cell.x / total.x,
                          cell.y / total.y});
        rt.setView(view);
        sf::RectangleShape bg(cell);
        bg.setPosition(-cell.x / 2.f, 0.f);
        bg.setFillColor((i + i / c) % 2 ? sf::Color(232, 224, 214) : sf::Color(244, 238, 230));
        rt.draw(bg);
        const Frame& f = frames[i];
        art.drawCustomer(rt, f.look, f.expression, f.before, f.blend, f.time,
                         {0.f, cell.y * zoom}, cell.y * zoom);
    }
    rt.setView(rt.getDefaultView());
}

double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int bench(int frames, const Cast& cast, const sf::Font* font) {
    sf::RenderWindow window(sf::VideoMode(1280, 720), "art bench", sf::Style::Default);
    window.setVerticalSyncEnabled(false);
    ArtLibrary art("");
    using Clock = std::chrono::steady_clock;
    auto run = [&](int parts) {
        const bool withArt = parts != 0;
        std::vector<double> times, cpu;
        for (int i = 0; i < frames; ++i) {
            sf::Event e;
            while (window.pollEvent(e)) {
            }
            const auto t0 = Clock::now();
            const double c0 = cpuMs();
            window.clear(sf::Color(20, 20, 30));
            if (withArt) {
                const float time = i / 60.f;
                const int phase = (i / 45) % 7, before = (phase + 6) % 7;
                const float blend = std::min(1.f, (i % 45) / 15.f);
                if (parts & 1) art.drawBackground(window, cast.setting, {0.f, 0.f, 1280.f, 720.f});
                if (parts & 2)
                    art.drawCustomer(window, cast.look, kExpressions[phase], kExpressions[before],
                                     blend, time, {340.f, 800.f}, 720.f);
                if (parts & 8) {  // reference: one flat full-screen quad, the least any scene costs
                    sf::RectangleShape flat({1280.f, 720.f});
                    flat.setFillColor(sf::Color(200, 180, 160));
                    window.draw(flat, sf::RenderStates(sf::BlendNone));
                }
                if ((parts & 4) && font) art.drawNameTag(window, *font, "Minji", {24.f, 76.f}, 0.8f);
            }
            window.display();
            times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            cpu.push_back(cpuMs() - c0);
        }
        return std::make_pair(median(times), median(cpu));
    };
    const auto p0 = Clock::now();
    const double c0 = cpuMs();
    art.prepareBackground(window, cast.setting, {0.f, 0.f, 1280.f, 720.f});
    const auto p1 = Clock::now();
    const double c1 = cpuMs();
    art.prepareCustomer(window, cast.look, 720.f);
    const auto p2 = Clock::now();
    const double c2 = cpuMs();
    std::printf("prepare (wall / CPU ms): background %.1f / %.1f, customer (7 expressions x eyes "
                "open/shut) %.1f / %.1f\n",
                std::chrono::duration<double, std::milli>(p1 - p0).count(), c1 - c0,
                std::chrono::duration<double, std::milli>(p2 - p1).count(), c2 - c1);
    run(0);  // warm up the driver
    struct Row { const char* name; int parts; };
    const Row rows[] = {{"empty frame (clear+display)", 0}, {"+ flat full-screen quad (reference)", 8},
                        {"+ background", 1}, {"+ customer", 2},
                        {"+ badge", 4}, {"+ background + customer + badge", 7}};
    std::cout << "bench: " << frames << " frames 1280x720, setting " << cast.setting
              << " (median wall ms / median process CPU ms)\n";
    double emptyCpu = 0.0, fullCpu = 0.0;
    for (const Row& r : rows) {
        const auto [wall, cpu] = run(r.parts);
        if (r.parts == 0) emptyCpu = cpu;
        if (r.parts == 7) fullCpu = cpu;
        std::printf("  %-34s %8.3f  %8.3f\n", r.name, wall, cpu);
    }
    std::printf("  ratio full/empty (CPU) %.2f\n", emptyCpu > 0 ? fullCpu / emptyCpu : 0.0);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Render Counterplay's art to PNG files for review"};
    std::string out = std::string(COUNTERPLAY_BINARY_DIR) + "/art-preview";
    std::string scenarios = std::string(COUNTERPLAY_SOURCE_DIR) + "/scenarios";
    std::string fontPath = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";
    int benchFrames = 0;
    bool check = false;
    app.add_option("--out", out, "Output folder for the PNG files");
    app.add_option("--scenarios", scenarios, "Folder with scenario YAML files (for the looks)");
    app.add_option("--font", fontPath, "Font for the name tag");
    app.add_option("--bench", benchFrames, "Measure N frames (empty vs. art) in a window and exit");
    app.add_flag("--check", check, "Also draw broken looks and odd arguments (smoke test)");
    CLI11_PARSE(app, argc, argv);

    sf::Font font;
    const bool haveFont = font.loadFromFile(fontPath) ||
                          font.loadFromFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    std::vector<Cast> casts = loadCasts(scenarios);
    if (casts.empty()) {
        std::cerr << "no scenarios found in " << scenarios << "; using a default look\n";
        casts.push_back({"default", "boutique", "Default", Look{"#f1c8a5", "bob", "#2b1d14", "coat", "#5a6e8c", "none"}});
    }
    if (benchFrames > 0) return bench(benchFrames, casts.front(), haveFont ? &font : nullptr);

    std::error_code ec;
    fs::create_directories(out, ec);
    sf::RenderTexture scene;
    if (!scene.create(1280, 720)) {
        std::cerr << "cannot create a render texture\n";
        return 1;
    }
    ArtLibrary art("");
    bool ok = true;
    const sf::Font* f = haveFont ? &font : nullptr;

    // Every setting with the look of a scenario set there (or the next look in turn).
    for (std::size_t i = 0; i < std::size(kSettings); ++i) {
        const std::string setting = kSettings[i];
        const Cast* cast = &casts[i % casts.size()];
        for (const Cast& c : casts)
            if (c.setting == setting) cast = &c;
        scene.clear();
        drawScene(art, scene, f, setting, cast->look, "neutral", true);
        scene.display();
        ok &= save(scene, fs::path(out) / ("scene-" + setting + ".png"));
        scene.clear();
        art.drawBackground(scene, setting, {0.f, 0.f, 1280.f, 720.f});
        scene.display();
        ok &= save(scene, fs::path(out) / ("bg-" + setting + ".png"));
    }
    // Every scenario's customer in its own setting, and the seven expressions (+ a blink) of each.
    sf::RenderTexture sheet;
    const sf::Vector2f cell(330.f, 400.f);
    if (!sheet.create(static_cast<unsigned>(cell.x * 4), static_cast<unsigned>(cell.y * 2))) return 1;
    for (const Cast& c : casts) {
        scene.clear();
        drawScene(art, scene, f, c.setting, c.look, "annoyed", false);
        scene.display();
        ok &= save(scene, fs::path(out) / ("scenario-" + c.id + ".png"));
        std::vector<Frame> frames;
        for (const char* e : kExpressions) frames.push_back({c.look, e, e, 1.f, 1.f});
        float shut = 0.f;  // a moment when the idle blink has the eyes shut
        while (!counterplay::app::art::eyesShutAt(shut) && shut < 60.f) shut += 0.01f;
        frames.push_back({c.look, "neutral", "neutral", 1.f, shut});
        sheet.clear();
        drawGrid(art, sheet, frames, 4, cell, 2.3f);
        sheet.display();
        ok &= save(sheet, fs::path(out) / ("expressions-" + c.id + ".png"));
    }
    // Cross-fade neutral -> angry in steps.
    {
        std::vector<Frame> frames;
        for (float b : {0.f, 0.25f, 0.4f, 0.5f, 0.6f, 0.75f, 0.9f, 1.f})
            frames.push_back({casts.front().look, "angry", "neutral", b, 1.f});
        sheet.clear();
        drawGrid(art, sheet, frames, 4, cell, 2.3f);
        sheet.display();
        ok &= save(sheet, fs::path(out) / "crossfade.png");
    }
    // Every hair style, outfit and accessory, including combinations no scenario uses yet.
    {
        const char* hairs[] = {"short", "bob", "long", "bun", "ponytail", "curly", "bald"};
        const char* outfits[] = {"blouse", "coat", "suit", "sweater", "tshirt", "dress", "blouse"};
        const char* accs[] = {"none", "glasses", "earrings", "scarf", "hat", "tie", "hat"};
        const char* skins[] = {"#f6d7c0", "#e8b996", "#c98e68", "#8d5a3c", "#f0c8a8", "#5c3a28", "#d9a47e"};
        const char* hairCols[] = {"#2b1d14", "#a0522d", "#e0c080", "#111111", "#7a4a2a", "#3b2416", "#888888"};
        const char* clothCols[] = {"#5a6e8c", "#c44d58", "#2f3a4a", "#e6b450", "#3f8f6f", "#8c5a9e", "#f2f2f2"};
        std::vector<Frame> frames;
        for (int row = 0; row < 2; ++row)
            for (int i = 0; i < 7; ++i) {
                const Look look{skins[(i + row) % 7], hairs[i], hairCols[(i + row * 2) % 7],
                                outfits[(i + row * 3) % 7], clothCols[(i + row) % 7],
                                accs[(i + row * 4) % 7]};
                frames.push_back({look, row ? "happy" : "neutral", "neutral", 1.f, 1.f});
            }
        sf::RenderTexture grid;
        if (!grid.create(7 * 300, 2 * 480)) return 1;
        grid.clear();
        drawGrid(art, grid, frames, 7, {300.f, 480.f}, 1.3f);
        grid.display();
        ok &= save(grid, fs::path(out) / "variants.png");
    }
    // Thumbnails (as on scenario cards) and badges.
    {
        sf::RenderTexture thumbs;
        if (!thumbs.create(4 * 330, 2 * 200)) return 1;
        thumbs.clear(sf::Color(28, 33, 48));
        for (std::size_t i = 0; i < std::size(kSettings); ++i)
            art.drawBackground(thumbs, kSettings[i], {10.f + (i % 4) * 330.f, 10.f + (i / 4) * 200.f, 320.f, 180.f});
        if (f) {
            const sf::String name = utf8(u8"\uae40\ubbfc\uc9c0");
            art.drawNameTag(thumbs, *f, name, {1000.f, 220.f}, 1.f);
            art.drawNameTag(thumbs, *f, "Alexandra Montgomery", {1000.f, 290.f}, 1.f,
                            "Favourite film: Paddington 2");
        }
        thumbs.display();
        ok &= save(thumbs, fs::path(out) / "thumbnails-and-badges.png");
    }
    if (check) {  // odd input must neither crash nor draw garbage
        scene.clear();
        art.drawBackground(scene, "no-such-setting", {0.f, 0.f, 1280.f, 720.f});
        art.drawBackground(scene, "cafe", {0.f, 0.f, 0.f, 0.f});
        art.drawBackground(scene, "cafe", {0.f, 0.f, NAN, 10.f});
        const Look broken{"pink", "mohawk", "#zzzzzz", "armour", "", "cape"};
        art.drawCustomer(scene, broken, "furious", "", NAN, -5.f, {640.f, 760.f}, 680.f);
        art.drawCustomer(scene, broken, "happy", "angry", 0.5f, 1e9f, {640.f, 760.f}, 0.f);
        art.drawCustomer(scene, broken, "happy", "angry", 2.f, 3.f, {NAN, 760.f}, 600.f);
        if (f) art.drawNameTag(scene, *f, "", {0.f, 0.f}, -1.f);
        scene.display();
        ok &= save(scene, fs::path(out) / "check-odd-input.png");
    }
    std::cout << (ok ? "all previews written to " : "some previews FAILED in ") << out << "\n";
    return ok ? 0 : 1;
}
