#include "imgui/DevOverlay.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>

namespace counterplay::app::imgui {

void DevOverlay::recordFrame(float ms) {
    frames_[next_] = ms;
    next_ = (next_ + 1) % frames_.size();
    worst_ = *std::max_element(frames_.begin(), frames_.end());
}

void DevOverlay::build(const Context& ctx, const std::string& screenId, const std::string& screenInfo, int glyphs) {
    ImGui::SetNextWindowPos(ImVec2(16, 16), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(430, 0), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.9f);
    if (!ImGui::Begin("Developer (F3)", nullptr, ImGuiWindowFlags_NoFocusOnAppearing)) {
        ImGui::End();
        return;
    }
    const float mean = std::accumulate(frames_.begin(), frames_.end(), 0.f) / static_cast<float>(frames_.size());
    ImGui::Text("frame CPU: %.2f ms mean, %.2f ms worst (last %zu)", mean, worst_, frames_.size());
    ImGui::PlotLines("##frames", frames_.data(), static_cast<int>(frames_.size()), static_cast<int>(next_), nullptr,
                     0.f, std::max(16.7f, mean * 3.f), ImVec2(-1, 60));  // 16.7 ms = one 60 Hz frame
    ImGui::Separator();
    ImGui::Text("screen: %s   language: %s", screenId.c_str(), core::langCode(ctx.lang()));
    if (!ctx.settings.traineeName.empty()) ImGui::Text("trainee: %s", ctx.settings.traineeName.c_str());
    if (!screenInfo.empty()) ImGui::TextUnformatted(screenInfo.c_str());
    ImGui::Separator();
    if (ImGui::CollapsingHeader("Scenarios", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const ScenarioEntry& e : ctx.library.entries())
            ImGui::BulletText("%s  (%s)", e.scenario->title.in(ctx.lang()).c_str(), e.scenario->id.c_str());
    }
    if (ImGui::CollapsingHeader("Paths")) {
        ImGui::Text("assets: %s", ctx.paths.assetsDir.c_str());
        ImGui::Text("scenarios: %s", ctx.paths.scenariosDir.c_str());
        ImGui::Text("data: %s", ctx.paths.dataDir.c_str());
        ImGui::Text("results: %s", ctx.progress.path().c_str());
        ImGui::Text("font: %s (%d ImGui glyphs)", ctx.fonts.regularPath.c_str(), glyphs);
    }
    ImGui::End();
}

}  // namespace counterplay::app::imgui
