#include "imgui/ImGuiSfml.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Mouse.hpp>
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdlib>
#include <future>
#include <memory>
#include <set>

#include "platform/Log.h"

namespace counterplay::app::imgui {
namespace {

// Punctuation a Korean text uses beyond Latin-1: general punctuation (quotes, ellipsis, dashes),
// CJK symbols (brackets, middle dots), Hangul compatibility jamo, full-width forms, arrows.
const ImWchar kPunctuation[] = {
    0x2000, 0x206F,  // General Punctuation
    0x2190, 0x21FF,  // Arrows
    0x2460, 0x24FF,  // Enclosed alphanumerics
    0x25A0, 0x25FF,  // Geometric shapes
    0x3000, 0x303F,  // CJK Symbols and Punctuation
    0x3130, 0x318F,  // Hangul Compatibility Jamo
    0xFF00, 0xFFEF,  // Half-width and full-width forms
    0,
};

// Every precomposed Hangul syllable (names typed by trainees can use any of them).
const ImWchar kHangulSyllables[] = {0xAC00, 0xD7A3, 0};

const char* clipboardGet(void*) {
    static std::string buffer;
    const sf::String s = sf::Clipboard::getString();
    buffer.clear();
    sf::Utf32::toUtf8(s.begin(), s.end(), std::back_inserter(buffer));
    return buffer.c_str();
}

void clipboardSet(void*, const char* text) {
    const std::string s(text);
    sf::Clipboard::setString(sf::String::fromUtf8(s.begin(), s.end()));
}

}  // namespace

ImGuiSfml::~ImGuiSfml() { shutdown(); }

bool ImGuiSfml::init(sf::RenderWindow& window, const std::string& fontPath, float fontSize,
                     const std::vector<std::string>& texts) {
    if (ready_) return true;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini in the working directory
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "counterplay_sfml";
    io.GetClipboardTextFn = clipboardGet;
    io.SetClipboardTextFn = clipboardSet;
    const std::pair<ImGuiKey, sf::Keyboard::Key> keys[] = {
        {ImGuiKey_Tab, sf::Keyboard::Tab},
        {ImGuiKey_LeftArrow, sf::Keyboard::Left},
        {ImGuiKey_RightArrow, sf::Keyboard::Right},
        {ImGuiKey_UpArrow, sf::Keyboard::Up},
        {ImGuiKey_DownArrow, sf::Keyboard::Down},
        {ImGuiKey_PageUp, sf::Keyboard::PageUp},
        {ImGuiKey_PageDown, sf::Keyboard::PageDown},
        {ImGuiKey_Home, sf::Keyboard::Home},
        {ImGuiKey_End, sf::Keyboard::End},
        {ImGuiKey_Insert, sf::Keyboard::Insert},
        {ImGuiKey_Delete, sf::Keyboard::Delete},
        {ImGuiKey_Backspace, sf::Keyboard::BackSpace},
        {ImGuiKey_Space, sf::Keyboard::Space},
        {ImGuiKey_Enter, sf::Keyboard::Enter},
        {ImGuiKey_Escape, sf::Keyboard::Escape},
        {ImGuiKey_KeyPadEnter, sf::Keyboard::Enter},
        {ImGuiKey_A, sf::Keyboard::A},
        {ImGuiKey_C, sf::Keyboard::C},
        {ImGuiKey_V, sf::Keyboard::V},
        {ImGuiKey_X, sf::Keyboard::X},
        {ImGuiKey_Y, sf::Keyboard::Y},
        {ImGuiKey_Z, sf::Keyboard::Z},
    };
    for (const auto& [imguiKey, sfKey] : keys) io.KeyMap[imguiKey] = sfKey;

    fontPath_ = fontPath;
    fontSize_ = fontSize;
    texts_ = texts;
    buildFont();
    window.setActive(true);
    window.pushGLStates();
    const bool ok =
        ImGui_ImplOpenGL3_Init("#version 130") && ImGui_ImplOpenGL3_CreateDeviceObjects();
    window.popGLStates();
    if (!ok) {
        logLine("ImGui: the OpenGL3 backend did not start (needs OpenGL 3.0); overlay disabled");
        ImGui::DestroyContext();
        return false;
    }
    glyphCount_ = 0;
    for (const ImFont* f : io.Fonts->Fonts) glyphCount_ += f->Glyphs.Size;
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 10.f;
    style.FrameRounding = 6.f;
    style.GrabRounding = 6.f;
    style.WindowBorderSize = 0.f;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.13f, 0.19f, 0.92f);
    style.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.91f, 0.44f, 0.32f, 1.f);
    style.Colors[ImGuiCol_PlotLines] = ImVec4(0.16f, 0.62f, 0.56f, 1.f);
    style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.16f, 0.62f, 0.56f, 1.f);
    ready_ = true;
    logLine("ImGui ready (" + std::to_string(glyphCount_) + " glyphs)");
    return true;
}

void ImGuiSfml::buildFont() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (fontPath_.empty()) {
        io.Fonts->AddFontDefault();
        return;
    }
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddRanges(kPunctuation);
    if (fullHangul_) builder.AddRanges(kHangulSyllables);
    for (const std::string& t : texts_) builder.AddText(t.c_str(), t.c_str() + t.size());
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    ranges_.assign(built.begin(), built.end());
    ImFontConfig config;
    config.OversampleH = 1;  // smaller atlas, quicker build; Korean stays sharp at 1x
    config.PixelSnapH = true;
    if (io.Fonts->AddFontFromFileTTF(fontPath_.c_str(), fontSize_, &config, ranges_.data()) ==
        nullptr) {
        logLine("ImGui: cannot load " + fontPath_ + "; using the built-in font");
        io.Fonts->AddFontDefault();
    }
}

void ImGuiSfml::addFullHangul() {
    if (!ready_ || fullHangul_ || fontPath_.empty()) return;
    fullHangul_ = true;
    // Rasterising ~11,800 glyphs takes about a second: build a second atlas on a worker thread
    // (an ImFontAtlas needs no ImGui context) and swap it in at a frame boundary (newFrame).
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    builder.AddRanges(kPunctuation);
    builder.AddRanges(kHangulSyllables);
    for (const std::string& t : texts_) builder.AddText(t.c_str(), t.c_str() + t.size());
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    auto ranges = std::make_shared<std::vector<ImWchar>>(built.begin(), built.end());
    const std::string path = fontPath_;
    const float size = fontSize_;
    atlasBuild_ = std::async(std::launch::async, [path, size, ranges]() -> PendingAtlas {
        const auto t0 = std::chrono::steady_clock::now();
        PendingAtlas out;
        out.ranges = ranges;
        out.atlas = IM_NEW(ImFontAtlas)();
        ImFontConfig config;
        config.OversampleH = 1;
        config.PixelSnapH = true;
        if (out.atlas->AddFontFromFileTTF(path.c_str(), size, &config, ranges->data()) == nullptr ||
            !out.atlas->Build()) {
            IM_DELETE(out.atlas);
            out.atlas = nullptr;
            return out;
        }
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        out.atlas->GetTexDataAsRGBA32(&pixels, &w, &h);  // converted here, not on the UI thread
        out.buildMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        return out;
    });
}

void ImGuiSfml::swapInReadyAtlas() {
    if (!atlasBuild_.valid() ||
        atlasBuild_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    PendingAtlas next = atlasBuild_.get();
    if (next.atlas == nullptr) {
        logLine(
            "ImGui: the font with every Hangul syllable could not be built; keeping the small one");
        return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImFontAtlas* old = io.Fonts;
    io.Fonts = next.atlas;
    io.FontDefault = nullptr;
    ImGui_ImplOpenGL3_CreateFontsTexture();
    IM_DELETE(old);  // the context owns the atlas it deletes at shutdown: now the new one
    ranges_.assign(next.ranges->begin(), next.ranges->end());
    bigRanges_ = next.ranges;  // the atlas keeps pointing at these
    glyphCount_ = 0;
    for (const ImFont* f : io.Fonts->Fonts) glyphCount_ += f->Glyphs.Size;
    const double uploadMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    logLine("ImGui font with every Hangul syllable: " + std::to_string(glyphCount_) +
            " glyphs, atlas " + std::to_string(io.Fonts->TexWidth) + "x" +
            std::to_string(io.Fonts->TexHeight) + ", built in " +
            std::to_string(static_cast<int>(next.buildMs)) + " ms off the UI thread, uploaded in " +
            std::to_string(static_cast<int>(uploadMs)) + " ms");
}

void ImGuiSfml::processEvent(const sf::Event& event) {
    if (!ready_) return;
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: {
            const int code = event.key.code;
            if (code >= 0 && code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) {
                if (event.type == sf::Event::KeyPressed) {
                    io.KeysDown[code] = true;
                    keysPressed_.insert(code);
                } else if (keysPressed_.count(code)) {
                    keysReleaseLater_.push_back(code);  // pressed and released within one frame
                } else {
                    io.KeysDown[code] = false;
                }
            }
            // The modifiers of this event, not of whatever event came last before the frame: a
            // shortcut whose Ctrl is released before a slow frame reads it keeps its Ctrl.
            modsNow_ = {event.key.control, event.key.shift, event.key.alt, event.key.system};
            const bool modifierKey = code == sf::Keyboard::LControl ||
                                     code == sf::Keyboard::RControl ||
                                     code == sf::Keyboard::LShift || code == sf::Keyboard::RShift ||
                                     code == sf::Keyboard::LAlt || code == sf::Keyboard::RAlt ||
                                     code == sf::Keyboard::LSystem || code == sf::Keyboard::RSystem;
            if (event.type == sf::Event::KeyPressed && !modifierKey) {
                modsOfPresses_.ctrl |= modsNow_.ctrl;
                modsOfPresses_.shift |= modsNow_.shift;
                modsOfPresses_.alt |= modsNow_.alt;
                modsOfPresses_.super |= modsNow_.super;
            }
            applyModifiers();
            break;
        }
        case sf::Event::TextEntered:
            if (event.text.unicode >= 32 && event.text.unicode != 127)
                io.AddInputCharacter(event.text.unicode);
            break;
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: {
            const int b = event.mouseButton.button;
            static const bool debugInput = std::getenv("COUNTERPLAY_DEBUG_INPUT") != nullptr;
            if (debugInput)
                logLine(std::string("imgui mouse ") +
                        (event.type == sf::Event::MouseButtonPressed ? "down " : "up ") +
                        std::to_string(b) + " at " + std::to_string(event.mouseButton.x) + "," +
                        std::to_string(event.mouseButton.y));
            if (b >= 0 && b < 3) {
                io.MousePos = ImVec2(static_cast<float>(event.mouseButton.x),
                                     static_cast<float>(event.mouseButton.y));
                const bool moved = io.MousePos.x != framePosX_ || io.MousePos.y != framePosY_;
                if (event.type == sf::Event::MouseButtonPressed && moved) {
                    mousePressLater_[b] =
                        true;  // applied after the next frame has seen the pointer
                } else if (event.type == sf::Event::MouseButtonPressed) {
                    io.MouseDown[b] = true;
                    mousePressed_[b] = true;
                } else if (mousePressLater_[b]) {
                    mouseReleaseAfterPress_[b] = true;
                } else if (mousePressed_[b]) {
                    mouseReleaseLater_[b] = true;
                } else {
                    io.MouseDown[b] = false;
                }
            }
            break;
        }
        case sf::Event::MouseWheelScrolled:
            if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
                io.MouseWheel += event.mouseWheelScroll.delta;
            else
                io.MouseWheelH += event.mouseWheelScroll.delta;
            break;
        case sf::Event::MouseLeft:
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            break;
        case sf::Event::MouseMoved:
            io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x),
                                 static_cast<float>(event.mouseMove.y));
            break;
        case sf::Event::LostFocus:
            modsNow_ = modsOfPresses_ = {};
            applyModifiers();
            std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
            std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
            break;
        default:
            break;
    }
}

void ImGuiSfml::applyModifiers() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = modsNow_.ctrl || modsOfPresses_.ctrl;
    io.KeyShift = modsNow_.shift || modsOfPresses_.shift;
    io.KeyAlt = modsNow_.alt || modsOfPresses_.alt;
    io.KeySuper = modsNow_.super || modsOfPresses_.super;
}

void ImGuiSfml::newFrame(sf::RenderWindow& window, float dt) {
    if (!ready_) return;
    ImGuiIO& io = ImGui::GetIO();
    // This frame sees the modifiers of the keys pressed since the last one; the key events after
    // it start afresh.
    applyModifiers();
    modsOfPresses_ = {};
    const sf::Vector2u size = window.getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DeltaTime = std::max(dt, 1e-4f);
    // The pointer comes from MouseMoved / button events only: sf::Mouse::getPosition can be
    // stale under X servers without a window manager (Xvfb), which made clicks land elsewhere.
    if (atlasBuild_.valid() &&
        atlasBuild_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        window.pushGLStates();
        swapInReadyAtlas();
        window.popGLStates();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    static const bool debugInput = std::getenv("COUNTERPLAY_DEBUG_INPUT") != nullptr;
    if (debugInput && (io.MouseClicked[0] || io.MouseReleased[0]))
        logLine(std::string("imgui frame: ") + (io.MouseClicked[0] ? "clicked" : "released") +
                " at " + std::to_string(static_cast<int>(io.MousePos.x)) + "," +
                std::to_string(static_cast<int>(io.MousePos.y)) + " display " +
                std::to_string(static_cast<int>(io.DisplaySize.x)) + "x" +
                std::to_string(static_cast<int>(io.DisplaySize.y)));
    // ImGui 1.86 reads key and button state once per frame, so a press and release that arrive
    // between two frames (a quick click, xdotool) would be lost: such releases are applied after
    // this frame has seen the press.
    for (int code : keysReleaseLater_) io.KeysDown[code] = false;
    keysReleaseLater_.clear();
    keysPressed_.clear();
    for (int b = 0; b < 3; ++b) {
        if (mouseReleaseLater_[b]) io.MouseDown[b] = false;
        mouseReleaseLater_[b] = mousePressed_[b] = false;
    }
    // A press that came with a pointer move (xdotool "mousemove X Y click 1", a touch screen, a
    // fast flick) is applied now that this frame has seen the pointer there: ImGui 1.86 decides
    // hovering from the previous frame for tabs and overlapping items, so the click was lost.
    framePosX_ = io.MousePos.x;
    framePosY_ = io.MousePos.y;
    for (int b = 0; b < 3; ++b) {
        if (!mousePressLater_[b]) continue;
        io.MouseDown[b] = true;
        mousePressed_[b] = true;
        if (mouseReleaseAfterPress_[b]) mouseReleaseLater_[b] = true;
        mousePressLater_[b] = mouseReleaseAfterPress_[b] = false;
    }
}

void ImGuiSfml::render(sf::RenderWindow& window) {
    if (!ready_) return;
    ImGui::Render();
    window.pushGLStates();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    window.popGLStates();
}

void ImGuiSfml::shutdown() {
    if (!ready_) return;
    if (atlasBuild_.valid()) {
        PendingAtlas unused = atlasBuild_.get();
        if (unused.atlas) IM_DELETE(unused.atlas);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
    ready_ = false;
}

bool ImGuiSfml::wantsMouse() const { return ready_ && ImGui::GetIO().WantCaptureMouse; }
bool ImGuiSfml::wantsKeyboard() const { return ready_ && ImGui::GetIO().WantCaptureKeyboard; }

}  // namespace counterplay::app::imgui
