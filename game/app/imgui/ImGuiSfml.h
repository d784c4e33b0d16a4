// The SFML <-> Dear ImGui 1.86 bridge: feeds SFML events to ImGui's IO (io.KeysDown /
// io.MouseDown / io.AddInputCharacter), renders with the OpenGL3 backend inside SFML's
// pushGLStates/popGLStates, and loads the UI font with Korean glyph ranges built from the texts
// the game can show. Used by the developer overlay (F3) now and by the trainer editor and the
// manager dashboard later.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <vector>

struct ImFontAtlas;

namespace counterplay::app::imgui {

class ImGuiSfml {
public:
    ImGuiSfml() = default;
    ~ImGuiSfml();
    ImGuiSfml(const ImGuiSfml&) = delete;
    ImGuiSfml& operator=(const ImGuiSfml&) = delete;

    /// Creates the ImGui context and GL objects. `fontPath` (a TTF covering Korean) is loaded at
    /// `fontSize` pixels with the default Latin ranges, Korean/CJK punctuation, and every
    /// character of `texts` (ImFontGlyphRangesBuilder); with no font, ImGui's default is used.
    /// False (logged) when the GL backend cannot start; the game then runs without ImGui.
    bool init(sf::RenderWindow& window, const std::string& fontPath, float fontSize,
              const std::vector<std::string>& texts);
    bool ready() const { return ready_; }

    /// Starts building, once, a font atlas with every Hangul syllable (U+AC00..U+D7A3) added on
    /// a worker thread, and swaps it in at the first frame after it is ready: the manager
    /// dashboard shows trainee names typed by anyone, so the game's own texts are not enough.
    /// Logs the glyph count, atlas size and build time. No-op when already started.
    void addFullHangul();
    bool fullHangul() const { return fullHangul_; }

    /// Feeds one SFML event (call for every event while ready).
    void processEvent(const sf::Event& event);
    /// Starts an ImGui frame (window size, mouse position, delta time).
    void newFrame(sf::RenderWindow& window, float dt);
    /// Renders the frame into the window (SFML state saved and restored around it).
    void render(sf::RenderWindow& window);
    void shutdown();

    /// True when ImGui wants the mouse / keyboard (the game should then ignore them).
    bool wantsMouse() const;
    bool wantsKeyboard() const;
    /// Number of glyphs in the built font (for tests and the overlay).
    int glyphCount() const { return glyphCount_; }

private:
    void buildFont();
    /// Swaps in the atlas built by addFullHangul's worker once it is ready (between frames).
    void swapInReadyAtlas();

    struct PendingAtlas {
        ImFontAtlas* atlas = nullptr;
        std::shared_ptr<std::vector<unsigned short>> ranges;
        double buildMs = 0;
    };
    std::future<PendingAtlas> atlasBuild_;
    std::shared_ptr<std::vector<unsigned short>> bigRanges_;

    bool ready_ = false;
    bool fullHangul_ = false;
    int glyphCount_ = 0;
    std::string fontPath_;
    float fontSize_ = 17.f;
    std::vector<std::string> texts_;
    // Presses seen since the last frame, and releases held back until a frame has seen them.
    std::set<int> keysPressed_;
    std::vector<int> keysReleaseLater_;
    /// Modifier keys: as the last key event left them, and as they were when a key pressed since
    /// the last frame went down. A frame sees both (Ctrl+S pressed and released, Ctrl included,
    /// within one slow frame is still Ctrl+S); the next frame only the current state.
    struct Modifiers {
        bool ctrl = false, shift = false, alt = false, super = false;
    };
    Modifiers modsNow_, modsOfPresses_;
    void applyModifiers();
    bool mousePressed_[3] = {false, false, false};
    bool mouseReleaseLater_[3] = {false, false, false};
    // A press where the pointer was not in the last frame waits one frame, so ImGui sees the
    // pointer over the widget before the click (tabs and overlapping items need that).
    bool mousePressLater_[3] = {false, false, false};
    bool mouseReleaseAfterPress_[3] = {false, false, false};
    float framePosX_ = -1e30f, framePosY_ = -1e30f;  ///< the pointer the last frame saw
    std::vector<unsigned short> ranges_;             // must outlive the font atlas build
};

}  // namespace counterplay::app::imgui
