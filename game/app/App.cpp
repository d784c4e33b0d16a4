#include "App.h"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "Autosave.h"
#include "PartialRedraw.h"
#include "counterplay/core/DataDir.h"
#include "platform/Display.h"
#include "platform/Log.h"
#include "screens/DashboardScreen.h"
#include "screens/DebriefScreen.h"
#include "screens/EditorScreen.h"
#include "screens/PlayScreen.h"
#include "screens/SelectScreen.h"
#include "screens/SettingsScreen.h"
#include "screens/TitleScreen.h"
#include "ui/Label.h"
#include "ui/Theme.h"

namespace counterplay::app {

namespace {
constexpr float kFadeOut = 0.14f, kFadeIn = 0.2f;

/// Set by SIGTERM / SIGINT / SIGHUP: the frame loop then quits like the window's close button
/// (the session in progress is saved first).
volatile std::sig_atomic_t gQuitSignal = 0;
void onQuitSignal(int) { gQuitSignal = 1; }
}

App::App(AppOptions options, std::chrono::steady_clock::time_point processStart)
    : processStart_(processStart) {
    ctx_.options = std::move(options);
    ctx_.nav = this;
}

App::~App() {
    screens_.clear();
    if (window_ && window_->isOpen()) {
        window_->setActive(true);
        imgui_.shutdown();
    }
}

bool App::init() {
    std::string reason;
    if (!displayAvailable(reason)) {
        std::fprintf(stderr,
                     "counterplay: cannot open the game window: %s.\n"
                     "The game needs a graphical desktop. To play in this terminal instead, run:\n"
                     "  counterplay play scenarios/washed-blouse.yaml\n"
                     "(`counterplay --help` lists every command that works without a window.)\n",
                     reason.c_str());
        return false;
    }
    ctx_.paths = resolvePaths(ctx_.options.assetsDir, ctx_.options.scenariosDir, ctx_.options.screenshotDir);
    ctx_.settings = loadSettings(ctx_.paths.settingsFile(), langFromEnvironment());
    core::Lang lang;
    if (!ctx_.options.lang.empty() && core::parseLang(ctx_.options.lang, lang)) ctx_.settings.lang = lang;
    if (ctx_.options.windowed) ctx_.settings.fullscreen = false;
    std::string error;
    if (!ctx_.strings.load(ctx_.paths.assetsDir + "/strings/ui.yaml", error))
        logLine("UI strings unavailable (" + error + "); showing keys");
    loadFonts(ctx_.paths.assetsDir, ctx_.fonts);
    ctx_.library.load(ctx_.paths.scenariosDir);
    ctx_.progress.open(core::resultsDbPath(ctx_.options.dbPath));
    createWindow();
    if (!window_->isOpen()) {
        std::fprintf(stderr, "counterplay: the window could not be created. Play in the terminal with "
                             "`counterplay play scenarios/washed-blouse.yaml`.\n");
        return false;
    }
    ctx_.art = std::make_unique<art::ArtLibrary>(ctx_.paths.assetsDir);
    return true;
}

void App::createWindow() {
    if (!window_) {
        window_ = std::make_unique<sf::RenderWindow>();
        ctx_.window = window_.get();
    }
    sf::ContextSettings cs;
    cs.antialiasingLevel = 0;
    const sf::String title = "Counterplay";
    if (ctx_.settings.fullscreen) window_->create(sf::VideoMode::getDesktopMode(), title, sf::Style::Fullscreen, cs);
    else window_->create(sf::VideoMode(1280, 720), title, sf::Style::Default, cs);
    windowFullscreen_ = ctx_.settings.fullscreen;
    std::string redraw;
    partialRedraw_ = probePreservedBackBuffer(*window_, redraw);
    logLine("partial redraw " + redraw);
    drawnScreen_ = nullptr;
    invalidate();
    if (!windowFullscreen_) {
        // Centre on the desktop ourselves: SFML 2.5 can place the window partly off screen when
        // the X server's monitor layout is unusual (seen under Xvfb), which also skews input.
        const sf::VideoMode desk = sf::VideoMode::getDesktopMode();
        const sf::Vector2u size = window_->getSize();
        window_->setPosition({std::max(0, (static_cast<int>(desk.width) - static_cast<int>(size.x)) / 2),
                              std::max(0, (static_cast<int>(desk.height) - static_cast<int>(size.y)) / 2)});
        logLine("window " + std::to_string(size.x) + "x" + std::to_string(size.y) + " on a " +
                std::to_string(desk.width) + "x" + std::to_string(desk.height) + " desktop");
    }
    window_->setVerticalSyncEnabled(false);
    window_->setFramerateLimit(60);
    window_->setKeyRepeatEnabled(true);
    updateView();
}

void App::updateView() {
    const sf::Vector2u size = window_->getSize();
    const float w = static_cast<float>(std::max(1u, size.x)), h = static_cast<float>(std::max(1u, size.y));
    const float scale = std::min(w / theme::kWidth, h / theme::kHeight);
    const float vw = theme::kWidth * scale / w, vh = theme::kHeight * scale / h;
    view_ = sf::View(sf::FloatRect(0, 0, theme::kWidth, theme::kHeight));
    view_.setViewport({(1.f - vw) / 2.f, (1.f - vh) / 2.f, vw, vh});
    ui::Label::setPixelScale(scale);
    window_->setView(view_);
}

sf::Vector2f App::mouseFor(const sf::Event& e) const {
    sf::Vector2i p;
    switch (e.type) {
    case sf::Event::MouseMoved: p = {e.mouseMove.x, e.mouseMove.y}; break;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: p = {e.mouseButton.x, e.mouseButton.y}; break;
    case sf::Event::MouseWheelScrolled: p = {e.mouseWheelScroll.x, e.mouseWheelScroll.y}; break;
    default: p = sf::Mouse::getPosition(*window_);
    }
    return window_->mapPixelToCoords(p, view_);
}

int App::run() {
    if (!init()) return 1;
    if (ctx_.options.benchFrames > 0) return runBench(ctx_.options.benchFrames);
    if (ctx_.options.dashboard) replaceAll(std::make_unique<DashboardScreen>(ctx_));
    else if (!ctx_.options.editFile.empty()) replaceAll(std::make_unique<EditorScreen>(ctx_, ctx_.options.editFile));
    else replaceAll(std::make_unique<TitleScreen>(ctx_));
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) std::signal(sig, onQuitSignal);
    sf::Clock clock;
    bool first = true;
    while (running_ && window_->isOpen()) {
        if (gQuitSignal != 0) {
            logLine("quit requested by a signal; saving");
            quit();
            break;
        }
        sf::Event event;
        while (window_->pollEvent(event)) handleEvent(event);
        const float dt = std::min(clock.restart().asSeconds(), 0.1f);
        const auto t0 = std::chrono::steady_clock::now();
        frame(dt);
        drawFrame();
        const float frameMs = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - t0).count();
        devOverlay_.recordFrame(frameMs);
        if (topUsesImGui()) recordImGuiFrame(frameMs);
        window_->display();
        if (first) {
            first = false;
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - processStart_);
            logLine("first frame after " + std::to_string(ms.count()) + " ms");
        }
    }
    return 0;
}

void App::handleEvent(const sf::Event& event) {
    static const bool debugInput = std::getenv("COUNTERPLAY_DEBUG_INPUT") != nullptr;
    if (debugInput && (event.type == sf::Event::KeyPressed || event.type == sf::Event::TextEntered))
        logLine(event.type == sf::Event::KeyPressed ? "key " + std::to_string(event.key.code)
                                                    : "text " + std::to_string(event.text.unicode));
    if (overlay_ || topUsesImGui()) imgui_.processEvent(event);
    invalidate();  // any input may move anything (hover, focus, keys); see PartialRedraw.h
    switch (event.type) {
    case sf::Event::Closed:
        quit();
        return;
    case sf::Event::Resized:
        updateView();
        return;
    case sf::Event::LostFocus:
        for (auto& s : screens_) s->onFocusLost();
        return;
    case sf::Event::GainedFocus:
        for (auto& s : screens_) s->onFocusGained();
        return;
    case sf::Event::KeyPressed:
        switch (event.key.code) {
        case sf::Keyboard::F11:
            ctx_.settings.fullscreen = !ctx_.settings.fullscreen;
            applySettings();
            return;
        case sf::Keyboard::F12: screenshotRequested_ = true; return;
        case sf::Keyboard::F3:
            overlay_ = !overlay_;
            if (overlay_) ensureImGui();
            return;
        case sf::Keyboard::F2:
            ctx_.settings.lang = ctx_.settings.lang == core::Lang::Ko ? core::Lang::En : core::Lang::Ko;
            applySettings();
            return;
        default: break;
        }
        break;
    default: break;
    }
    if (fade_ == Fade::Out || top() == nullptr) return;
    const bool mouseEvent = event.type == sf::Event::MouseMoved || event.type == sf::Event::MouseButtonPressed ||
                            event.type == sf::Event::MouseButtonReleased ||
                            event.type == sf::Event::MouseWheelScrolled;
    if ((overlay_ || topUsesImGui()) &&
        ((mouseEvent && imgui_.wantsMouse()) || (!mouseEvent && imgui_.wantsKeyboard())))
        return;
    top()->handleEvent(event, mouseFor(event));
}

void App::frame(float dt) {
    ctx_.time += dt;
    fullRedrawFor_ = std::max(0.f, fullRedrawFor_ - dt);
    if (fade_ == Fade::Out) {
        fadeT_ += dt / kFadeOut;
        if (fadeT_ >= 1.f) {
            auto swap = std::move(pending_);
            pending_ = nullptr;
            if (swap) swap();
            fade_ = Fade::In;
            fadeT_ = 0.f;
            if (top()) logLine("screen=" + top()->id());
        }
    } else if (fade_ == Fade::In) {
        fadeT_ += dt / kFadeIn;
        if (fadeT_ >= 1.f) fade_ = Fade::None;
    }
    if (Screen* s = top()) {
        const sf::Vector2f mouse = window_->mapPixelToCoords(sf::Mouse::getPosition(*window_), view_);
        s->update(dt, mouse);
    }
}

void App::drawFrame() {
    Screen* s = top();
    std::vector<sf::FloatRect> damage;
    window_->setView(view_);
    const bool partial = partialRedraw_ && s != nullptr && s == drawnScreen_ && fullRedrawFor_ <= 0.f &&
                         fade_ == Fade::None && !overlay_ && !topUsesImGui() &&
                         window_->getSize() == drawnSize_ &&
                         s->damage(damage);
    drawnScreen_ = s;
    drawnSize_ = window_->getSize();
    if (partial) {
        drawDamaged(*s, damage);
        ++partialFrames_;
    } else {
        ++fullFrames_;
        window_->clear(theme::kInk);
        if (s) s->draw(*window_);
        float alpha = 0.f;
        if (fade_ == Fade::Out) alpha = std::min(1.f, fadeT_);
        else if (fade_ == Fade::In) alpha = 1.f - std::min(1.f, fadeT_);
        if (alpha > 0.f) {
            sf::RectangleShape veil({theme::kWidth, theme::kHeight});
            veil.setFillColor(theme::fade(theme::kInk, alpha));
            window_->draw(veil);
        }
        const bool screenImGui = topUsesImGui() && fade_ != Fade::Out && ensureImGui();
        if ((overlay_ || screenImGui) && imgui_.ready()) {
            const float now = ctx_.time;
            const float dt = imguiTime_ > 0.f ? std::clamp(now - imguiTime_, 1e-4f, 0.1f) : 1.f / 60.f;
            imguiTime_ = now;
            if (screenImGui) imgui_.addFullHangul();  // built off the UI thread, swapped in when ready
            window_->setView(window_->getDefaultView());
            imgui_.newFrame(*window_, dt);
            if (screenImGui) s->buildImGui(dt);
            if (overlay_)
                devOverlay_.build(ctx_, top() ? top()->id() : "", top() ? top()->debugInfo() : "", imgui_.glyphCount());
            imgui_.render(*window_);
            window_->setView(view_);
        }
    }
    if (screenshotRequested_) {
        screenshotRequested_ = false;
        takeScreenshot();
    }
}

void App::drawDamaged(Screen& s, const std::vector<sf::FloatRect>& damage) {
    // The back buffer still holds the previous frame (probed): draw the screen again, once per
    // damaged rectangle, with the scissor keeping every other pixel as it was.
    for (const sf::IntRect& px : damageToPixels(*window_, view_, damage)) {
        const ScissorScope scissor(*window_, px);
        window_->clear(theme::kInk);  // the scissor limits the clear too: the same steps as a whole frame
        const sf::Vector2f a = window_->mapPixelToCoords({px.left, px.top}, view_);
        const sf::Vector2f b = window_->mapPixelToCoords({px.left + px.width, px.top + px.height}, view_);
        s.setDrawClip(sf::FloatRect(a, b - a));
        s.draw(*window_);
    }
    s.setDrawClip(std::nullopt);
}

void App::takeScreenshot() {
    std::error_code ec;
    std::filesystem::create_directories(ctx_.paths.screenshotDir, ec);
    // Date-time and a counter first, so every F12 keeps its own file (several a second too, and
    // over earlier runs); the language and screen last, so a name still says what it shows.
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::string what = std::string(core::langCode(ctx_.lang())) + "-" +
                             (top() ? top()->id() : "none") + (overlay_ ? "-overlay" : "") + ".png";
    std::string path;
    do {
        char counter[16];
        std::snprintf(counter, sizeof counter, "%03d", ++screenshotCount_);
        path = ctx_.paths.screenshotDir + "/" + stamp + "-" + counter + "-" + what;
    } while (std::filesystem::exists(path, ec));
    sf::Texture texture;
    const sf::Vector2u size = window_->getSize();
    if (!texture.create(size.x, size.y)) {
        logLine("screenshot failed: cannot create a texture");
        return;
    }
    texture.update(*window_);
    if (texture.copyToImage().saveToFile(path)) logLine("screenshot " + path);
    else logLine("screenshot failed: cannot write " + path);
}

void App::transition(std::function<void()> swap) {
    if (fade_ == Fade::Out) {  // a second request while fading out replaces the first
        pending_ = std::move(swap);
        return;
    }
    pending_ = std::move(swap);
    fadeT_ = fade_ == Fade::In ? 1.f - std::min(1.f, fadeT_) : 0.f;
    fade_ = Fade::Out;
}

void App::replaceAll(std::unique_ptr<Screen> screen) {
    screens_.clear();
    screens_.push_back(std::move(screen));
    logLine("screen=" + top()->id());
}

void App::goTitle() {
    transition([this] { replaceAll(std::make_unique<TitleScreen>(ctx_)); });
}

void App::recordImGuiFrame(float ms) {
    // Frame CPU time of ImGui screens (the dashboard), logged every 240 frames for the
    // benchmarks and the app test: update, draw, ImGui build and render, before display().
    imguiFrames_.push_back(ms);
    if (imguiFrames_.size() < 240) return;
    std::vector<float> f = imguiFrames_;
    imguiFrames_.clear();
    std::sort(f.begin(), f.end());
    float sum = 0;
    for (float v : f) sum += v;
    char line[160];
    std::snprintf(line, sizeof line, "imgui frames %s: %zu, mean %.2f ms, p95 %.2f ms, worst %.2f ms",
                  top() ? top()->id().c_str() : "", f.size(), sum / f.size(), f[f.size() * 95 / 100], f.back());
    logLine(line);
}

bool App::ensureImGui() {
    if (imgui_.ready()) return true;
    std::vector<std::string> texts = ctx_.strings.allKorean();
    for (std::string& t : ctx_.library.allKorean()) texts.push_back(std::move(t));
    return imgui_.init(*window_, ctx_.fonts.regularPath, 17.f, texts);
}

void App::goDashboard() {
    transition([this] { replaceAll(std::make_unique<DashboardScreen>(ctx_)); });
}

void App::goEditor(const std::string& path) {
    transition([this, path] { replaceAll(std::make_unique<EditorScreen>(ctx_, path)); });
}

void App::goSelect() {
    transition([this] { replaceAll(std::make_unique<SelectScreen>(ctx_)); });
}

bool App::popToEditor() {
    auto isEditor = [](const std::unique_ptr<Screen>& s) {
        return dynamic_cast<EditorScreen*>(s.get()) != nullptr;
    };
    const auto it = std::find_if(screens_.rbegin(), screens_.rend(), isEditor);
    if (it == screens_.rend()) return false;
    screens_.erase(it.base(), screens_.end());
    return true;
}

void App::goPlayFromEditor(std::shared_ptr<const ScenarioEntry> entry) {
    trialEntry_ = std::move(entry);
    goPlay(*trialEntry_, nullptr);
}

void App::returnToEditor() {
    transition([this] {
        if (!popToEditor()) return;
        top()->onShow();
    });
}

void App::goPlay(const ScenarioEntry& entry, const Autosave* resume) {
    if (entry.trial) {
        // A trial (the editor's "Play from here", or its Retry): on top of the editor, which
        // stays alive below with everything the trainer had (see Navigator::goPlayFromEditor).
        transition([this, &entry] {
            popToEditor();
            screens_.push_back(std::make_unique<PlayScreen>(ctx_, entry, nullptr));
        });
        return;
    }
    std::optional<Autosave> copy;
    if (resume != nullptr) copy = *resume;
    transition([this, &entry, copy] {
        screens_.clear();
        screens_.push_back(std::make_unique<PlayScreen>(ctx_, entry, copy ? &*copy : nullptr));
    });
}

void App::goDebrief(std::unique_ptr<DebriefData> data) {
    auto shared = std::make_shared<std::unique_ptr<DebriefData>>(std::move(data));
    if ((*shared)->entry != nullptr && (*shared)->entry->trial) {
        transition([this, shared] {
            popToEditor();
            screens_.push_back(std::make_unique<DebriefScreen>(ctx_, std::move(*shared)));
        });
        return;
    }
    transition([this, shared] { replaceAll(std::make_unique<DebriefScreen>(ctx_, std::move(*shared))); });
}

void App::openSettings() {
    transition([this] { screens_.push_back(std::make_unique<SettingsScreen>(ctx_)); });
}

void App::closeTop() {
    transition([this] {
        if (screens_.size() > 1) screens_.pop_back();
        if (top()) top()->onShow();
    });
}

void App::applySettings() {
    invalidate();
    saveSettings(ctx_.paths.settingsFile(), ctx_.settings);
    if (ctx_.settings.fullscreen != windowFullscreen_) createWindow();
    for (auto& s : screens_) s->relayout();
    logLine(std::string("settings applied: lang=") + core::langCode(ctx_.lang()));
}

void App::quit() {
    for (auto& s : screens_) s->onClose();
    running_ = false;
    if (window_ && window_->isOpen()) {
        window_->setActive(true);
        imgui_.shutdown();  // its GL objects go while the context still exists
        window_->close();
    }
}

}  // namespace counterplay::app
