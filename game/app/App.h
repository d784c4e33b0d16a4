// The game application: window (1280x720 logical canvas letterboxed into any window size,
// F11 fullscreen), the screen stack with fades between screens, global keys (F2 language,
// F3 developer overlay, F11 fullscreen, F12 screenshot), and the frame loop.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "Context.h"
#include "imgui/DevOverlay.h"
#include "imgui/ImGuiSfml.h"
#include "screens/Screen.h"

namespace counterplay::app {

class App final : public Navigator {
public:
    App(AppOptions options, std::chrono::steady_clock::time_point processStart);
    ~App() override;

    /// Opens the window and runs until quit. Returns the exit code (1 when no window can open).
    int run();
    /// `--bench-frames N`: runs the scripted play scene and prints frame statistics (Bench.cpp).
    int runBench(int frames);

    // Navigator
    void goTitle() override;
    void goSelect() override;
    void goPlay(const ScenarioEntry& entry, const Autosave* resume) override;
    void goDebrief(std::unique_ptr<DebriefData> data) override;
    void goDashboard() override;
    void goEditor(const std::string& path) override;
    void goPlayFromEditor(std::shared_ptr<const ScenarioEntry> entry) override;
    void returnToEditor() override;
    void openSettings() override;
    void closeTop() override;
    void applySettings() override;
    void quit() override;

private:
    bool init();
    void createWindow();
    void updateView();
    sf::Vector2f mouseFor(const sf::Event& event) const;
    void handleEvent(const sf::Event& event);
    void frame(float dt);
    void drawFrame();
    /// Draws only `damage` (logical rectangles) of screen `s` over the kept back buffer.
    void drawDamaged(Screen& s, const std::vector<sf::FloatRect>& damage);
    /// Whole frames for the next `seconds` (input, resize, settings: anything may move).
    void invalidate(float seconds = 0.6f) { fullRedrawFor_ = std::max(fullRedrawFor_, seconds); }
    void transition(std::function<void()> swap);
    void replaceAll(std::unique_ptr<Screen> screen);
    /// Removes every screen above the editor (a trial play, its debrief, settings); false when
    /// there is no editor in the stack.
    bool popToEditor();
    /// F12: saves the window as <dir>/YYYYMMDD-HHMMSS-NNN-<lang>-<screen>.png (never over an
    /// earlier one) and logs "screenshot <path>".
    void takeScreenshot();
    /// Starts ImGui when it is not running (the overlay or a dashboard needs it).
    bool ensureImGui();
    /// Collects frame CPU times while an ImGui screen is on top; logs statistics every 240.
    void recordImGuiFrame(float ms);
    /// True when the top screen is drawn with ImGui.
    bool topUsesImGui() const { return top() != nullptr && top()->usesImGui(); }
    Screen* top() const { return screens_.empty() ? nullptr : screens_.back().get(); }

    Context ctx_;
    std::chrono::steady_clock::time_point processStart_;
    std::unique_ptr<sf::RenderWindow> window_;  // created after the display probe (SFML aborts without one)
    sf::View view_;
    bool windowFullscreen_ = false;
    std::vector<std::unique_ptr<Screen>> screens_;
    std::shared_ptr<const ScenarioEntry> trialEntry_;  // the editor's trial play (kept for retries)
    std::function<void()> pending_;
    enum class Fade { None, Out, In } fade_ = Fade::None;
    float fadeT_ = 0.f;
    bool screenshotRequested_ = false;
    int screenshotCount_ = 0;  // F12 presses this run: the counter in each screenshot's name
    bool overlay_ = false;
    float imguiTime_ = 0.f;  // ctx_.time at the last ImGui frame
    std::vector<float> imguiFrames_;
    imgui::ImGuiSfml imgui_;
    imgui::DevOverlay devOverlay_;
    bool running_ = true;

    // Partial redraw (PartialRedraw.h).
    bool partialRedraw_ = false;        // the probe found a kept back buffer
    float fullRedrawFor_ = 1.f;         // seconds of whole frames still to draw
    const Screen* drawnScreen_ = nullptr;
    sf::Vector2u drawnSize_;
    long partialFrames_ = 0, fullFrames_ = 0;
};

}  // namespace counterplay::app
