// The developer overlay (F3), drawn with Dear ImGui: frame time (with a graph), the screen and
// its state (node, mood, trust, flags), and where fonts, assets and data come from. It exercises
// the ImGui bridge, including Korean glyphs, in the app tests.
#pragma once

#include <array>
#include <string>

#include "Context.h"
#include "imgui/ImGuiSfml.h"

namespace counterplay::app::imgui {

class DevOverlay {
public:
    /// Records the CPU time of one frame (milliseconds).
    void recordFrame(float ms);
    /// Builds the overlay's ImGui window (between ImGuiSfml::newFrame and render).
    void build(const Context& ctx, const std::string& screenId, const std::string& screenInfo, int glyphs);

private:
    std::array<float, 180> frames_{};
    std::size_t next_ = 0;
    float worst_ = 0.f;
};

}  // namespace counterplay::app::imgui
