// The editor's Search panel (Ctrl+F): find in ko and en texts, feedback and ids (core
// TextSearch), a list of the matches, and replace one / replace all, each ONE undo step through
// the EditSession. Clicking a match selects its node and scrolls the inspector to the field.
#include <imgui.h>

#include <algorithm>

#include "platform/Log.h"
#include "screens/EditorScreen.h"

namespace counterplay::app {
namespace {

int resizeString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

bool stringInput(const char* id, std::string& value, float width) {
    ImGui::SetNextItemWidth(width);
    return ImGui::InputText(id, value.data(), value.capacity() + 1,
                            ImGuiInputTextFlags_CallbackResize, resizeString, &value);
}

/// A UTF-8 boundary at or before `at`.
std::size_t charStart(const std::string& s, std::size_t at) {
    at = std::min(at, s.size());
    while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return at;
}

/// The match with a little text around it, on one line.
std::string snippet(const core::TextMatch& m) {
    const std::size_t from = charStart(m.text, m.offset > 24 ? m.offset - 24 : 0);
    const std::size_t to = charStart(m.text, m.offset + m.length + 32);
    std::string out =
        (from > 0 ? "…" : "") + m.text.substr(from, to - from) + (to < m.text.size() ? "…" : "");
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
}

const char* fieldKey(core::TextField f, int index) {
    switch (f) {
        case core::TextField::Title:
            return "edit.field.title";
        case core::TextField::Summary:
            return "edit.field.summary";
        case core::TextField::CustomerName:
            return "edit.field.customer";
        case core::TextField::Line:
            return "edit.field.line";
        case core::TextField::Choice:
            return "edit.field.choice";
        case core::TextField::Feedback:
            return index == core::kTimeoutChoice ? "edit.field.timeout" : "edit.field.feedback";
        case core::TextField::EndingTitle:
            return "edit.field.ending";
        case core::TextField::NodeId:
            return "edit.field.node-id";
        case core::TextField::ChoiceId:
            return "edit.field.choice-id";
        case core::TextField::Other:
            break;
    }
    return "edit.field.other";
}

}  // namespace

std::string EditorScreen::fieldLabel(const core::TextLocation& where) const {
    return (where.node.empty() ? std::string() : where.node + " · ") +
           ctx_.str(fieldKey(where.field, where.index)) +
           (where.index >= 0 ? " " + std::to_string(where.index + 1) : std::string());
}

std::string EditorScreen::inspectorKey(const core::TextLocation& where, core::Lang lang) {
    const std::string code = core::langCode(lang);
    switch (where.field) {
        case core::TextField::Line:
            return "line" + std::to_string(where.index) + "." + code;
        case core::TextField::Choice:
            return "choice" + std::to_string(where.index) + "." + code;
        case core::TextField::Feedback:
            return where.node + "/" + std::to_string(where.index) + "/feedback." + code;
        default:
            return "";
    }
}

void EditorScreen::jumpTo(const core::TextLocation& where, std::optional<core::Lang> lang) {
    if (!where.node.empty()) selectNode(where.node, true);
    scrollToKey_ = lang ? inspectorKey(where, *lang) : std::string();
    logLine("editor: jump to " + (where.node.empty() ? std::string("(scenario)") : where.node) +
            (scrollToKey_.empty() ? "" : " field " + scrollToKey_));
}

void EditorScreen::runSearch() {
    EditorSearchPanel& s = search_;
    const auto sc = session_->scenario();
    s.searchedFor = s.find;
    s.searchedIn = sc;
    s.matches = sc ? core::findText(*sc, s.find, s.options) : std::vector<core::TextMatch>{};
    if (s.current >= static_cast<int>(s.matches.size())) s.current = s.matches.empty() ? -1 : 0;
    if (!s.find.empty())
        logLine("editor: search '" + s.find + "': " + std::to_string(s.matches.size()) +
                " matches");
}

void EditorScreen::drawSearchPanel() {
    EditorSearchPanel& s = search_;
    if (!s.open) return;
    // Over the lower part of the graph and the problems: the graph's centre, where a jump puts
    // the node, stays in view.
    ImGui::SetNextWindowPos({16.f, 330.f}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize({480.f, 380.f}, ImGuiCond_Appearing);
    ImGui::SetNextWindowBgAlpha(1.f);
    const std::string title = std::string(T("edit.search.title")) + "###search";
    if (!ImGui::Begin(title.c_str(), &s.open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const float labelW = 110.f, fieldW = ImGui::GetContentRegionAvail().x - labelW;
    ImGui::TextUnformatted(T("edit.search.find"));
    ImGui::SameLine(labelW);
    if (s.focusFind) {
        ImGui::SetKeyboardFocusHere();
        s.focusFind = false;
    }
    stringInput("##find", s.find, fieldW);
    logItem("search-find");
    ImGui::TextUnformatted(T("edit.search.replace"));
    ImGui::SameLine(labelW);
    stringInput("##replace", s.replace, fieldW);
    logItem("search-replace");
    bool changed = false;
    changed |= ImGui::Checkbox(T("edit.search.ignore-case"), &s.options.ignoreCase);
    logItem("search-ignore-case");
    ImGui::SameLine();
    changed |= ImGui::Checkbox(T("edit.search.whole"), &s.options.wholeField);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("ko", &s.options.ko);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("en", &s.options.en);
    changed |= ImGui::Checkbox(T("edit.search.feedback"), &s.options.feedback);
    ImGui::SameLine();
    changed |= ImGui::Checkbox(T("edit.search.ids"), &s.options.ids);
    if (changed || s.find != s.searchedFor || s.searchedIn != session_->scenario()) runSearch();

    const bool any = !s.matches.empty();
    ImGui::BeginDisabled(!any);
    const bool one = ImGui::Button(T("edit.search.replace-one"));
    logItem("search-replace-one");
    ImGui::SameLine();
    const bool all = ImGui::Button(T("edit.search.replace-all"));
    logItem("search-replace-all");
    ImGui::EndDisabled();
    if ((one || all) && any) {
        std::vector<core::TextMatch> chosen;
        if (all)
            chosen = s.matches;
        else
            chosen.push_back(s.matches[static_cast<std::size_t>(std::max(0, s.current))]);
        int replaced = 0;
        std::string error;
        const bool ok =
            core::replaceMatches(*session_, chosen, s.find, s.replace, s.options, replaced, error);
        if (ok) {
            s.status = F("edit.search.replaced", {{"n", std::to_string(replaced)}});
            afterEdit(true, all ? "replace all" : "replace");
            if (!session_->focusNode().empty()) selectNode(session_->focusNode(), false);
        } else {
            s.status = F("edit.search.replace-failed", {{"why", error}});
            logLine("editor: replace refused: " + error);
        }
        runSearch();
    }
    ImGui::SameLine();
    if (s.find.empty())
        ImGui::TextDisabled("%s", T("edit.search.hint"));
    else
        ImGui::TextDisabled(
            "%s", F("edit.search.count", {{"n", std::to_string(s.matches.size())}}).c_str());
    if (!s.status.empty()) ImGui::TextWrapped("%s", s.status.c_str());
    ImGui::Separator();
    ImGui::BeginChild("matches");
    for (std::size_t i = 0; i < s.matches.size() && i < 500; ++i) {
        const core::TextMatch& m = s.matches[i];
        const std::string where =
            fieldLabel(m.where) +
            (m.lang ? std::string(" (") + core::langCode(*m.lang) + ")" : std::string());
        const std::string label = where + ": " + snippet(m) + "##m" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), s.current == static_cast<int>(i))) {
            s.current = static_cast<int>(i);
            jumpTo(m.where, m.lang);
        }
        if (i < 8) logItem("search-match" + std::to_string(i));
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace counterplay::app
