// The editor's Translation panel: the texts that are missing in one language, the same in ko and
// en, in the wrong script, or outdated by the review marks (core TranslationCheck), grouped by
// kind with counts; each entry jumps to its node and scrolls the inspector to the field.
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform/Log.h"
#include "screens/EditorScreen.h"

namespace counterplay::app {
namespace {

/// One line of a text for the list (the first line, cut at a character boundary).
std::string preview(const std::string& text) {
    std::string out = text.substr(0, text.find('\n'));
    if (out.size() > 60) {
        std::size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out = out.substr(0, cut) + "…";
    }
    return out;
}

}  // namespace

void EditorScreen::refreshTranslation() {
    EditorTranslationPanel& t = translation_;
    if (!t.marksLoaded) {
        // The review marks sidecar (`counterplay strings` keeps it): absent means none yet.
        t.marksLoaded = true;
        const std::string file = core::reviewFileFor(session_->path());
        if (std::filesystem::exists(file)) {
            std::ifstream in(file, std::ios::binary);
            std::stringstream bytes;
            bytes << in.rdbuf();
            if (!core::parseReviewMarks(bytes.str(), t.marks, t.marksError)) t.marks.clear();
        }
    }
    t.checkedModel = session_->scenario();
    t.findings = core::findTranslationIssues(session_->document(), t.marks);
    const auto counts = core::countTranslationIssues(t.findings);
    std::string line = "editor: translation";
    for (std::size_t i = 0; i < counts.size(); ++i)
        line += std::string(" ") + core::translationIssueName(core::kTranslationIssues[i]) + "=" +
                std::to_string(counts[i]);
    logLine(line);
}

void EditorScreen::drawTranslationPanel() {
    EditorTranslationPanel& t = translation_;
    if (!t.open) return;
    if (t.checkedModel != session_->scenario()) refreshTranslation();
    // Over the lower part of the graph (its centre, where a jump puts the node, stays in view).
    ImGui::SetNextWindowPos({246.f, 330.f}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize({520.f, 380.f}, ImGuiCond_Appearing);
    ImGui::SetNextWindowBgAlpha(1.f);
    const std::string title = std::string(T("edit.translation.title")) + "###translation";
    if (!ImGui::Begin(title.c_str(), &t.open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    if (!t.marksError.empty())
        ImGui::TextColored({1.f, 0.42f, 0.42f, 1.f}, "%s",
                           F("edit.translation.marks-error", {{"why", t.marksError}}).c_str());
    const auto counts = core::countTranslationIssues(t.findings);
    if (t.findings.empty())
        ImGui::TextDisabled("%s", T("edit.translation.none"));
    else
        ImGui::TextDisabled(
            "%s", F("edit.translation.total", {{"n", std::to_string(t.findings.size())}}).c_str());
    ImGui::Separator();
    ImGui::BeginChild("translation-list");
    int row = 0;
    for (std::size_t k = 0; k < core::kTranslationIssues.size(); ++k) {
        if (counts[k] == 0) continue;
        const core::TranslationIssue issue = core::kTranslationIssues[k];
        const std::string name = core::translationIssueName(issue);
        const std::string header =
            F(("edit.translation." + name).c_str(), {{"n", std::to_string(counts[k])}}) + "###" +
            name;
        ImGui::SetNextItemOpen(true, ImGuiCond_Appearing);
        const bool open = ImGui::CollapsingHeader(header.c_str());
        logItem("translation-" + name);
        if (!open) continue;
        for (const core::TranslationFinding& f : t.findings) {
            if (f.issue != issue) continue;
            // The language to look at: the one missing, wrong or outdated (en otherwise).
            core::Lang lang = core::Lang::En;
            if (issue == core::TranslationIssue::MissingKo ||
                issue == core::TranslationIssue::WrongScriptKo ||
                (issue == core::TranslationIssue::Outdated && f.outdated == core::Outdated::Ko))
                lang = core::Lang::Ko;
            const std::string shown =
                preview(lang == core::Lang::Ko && !f.text.ko.empty() ? f.text.ko
                        : !f.text.en.empty()                         ? f.text.en
                                                                     : f.text.ko);
            const std::string label = fieldLabel(f.where) + " (" + core::langCode(lang) +
                                      "): " + shown + "##t" + std::to_string(row);
            ImGui::Indent(8.f);
            if (ImGui::Selectable(label.c_str())) jumpTo(f.where, lang);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.text.path.c_str());
            ImGui::Unindent(8.f);
            if (row < 6) logItem("translation-row" + std::to_string(row));
            ++row;
        }
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace counterplay::app
