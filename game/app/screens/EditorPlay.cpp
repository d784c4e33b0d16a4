// The editor's "Play from here": a small dialog sets the state by hand (mood and trust 0-100,
// each flag and counter the scenario declares), core::playFromHere checks it and builds the
// scenario started at the selected node, and the real PlayScreen plays the CURRENT model (unsaved
// edits too) as a trial: not recorded, no autosave. The editor stays alive under the play and its
// debrief (App::goPlayFromEditor), so leaving them shows it again exactly as it was: same file,
// unsaved edits and undo history, selected node, pan and zoom. Keeping the screen is simpler and
// safer than saving and restoring its view: nothing can be forgotten in a restore.
#include <imgui.h>

#include "ScenarioLibrary.h"
#include "counterplay/core/Analysis.h"
#include "platform/Log.h"
#include "screens/EditorScreen.h"

namespace counterplay::app {
namespace {

const ImVec4 kRed{1.f, 0.42f, 0.42f, 1.f};

std::vector<core::StateSetting> settingsOf(const EditorPlayDialog& d) {
    std::vector<core::StateSetting> out = {{"mood", std::to_string(d.mood)},
                                           {"trust", std::to_string(d.trust)}};
    for (const auto& [name, on] : d.flags) out.push_back({name, on ? "true" : "false"});
    for (const auto& [name, v] : d.counters) out.push_back({name, std::to_string(v)});
    return out;
}

std::string keyOf(const std::vector<core::StateSetting>& settings, const std::string& node) {
    std::string key = node;
    for (const core::StateSetting& s : settings) key += '\n' + s.name + '=' + s.value;
    return key;
}

}  // namespace

void EditorScreen::openPlayDialog() {
    if (!session_ || selected_.empty()) return;
    if (session_->modelReloadPending()) {  // the play must see the text just typed
        session_->reloadModel();
        syncFromSession();
    }
    const auto sc = session_->scenario();
    if (!sc) return;
    play_ = EditorPlayDialog{};
    play_.open = true;
    play_.node = selected_;
    play_.mood = sc->customer.mood;
    play_.trust = sc->customer.trust;
    play_.flags = sc->flags;
    play_.counters = sc->counters;
    logLine("editor: play dialog for " + selected_);
}

void EditorScreen::drawPlayDialog() {
    if (!play_.open) return;
    const char* id = "###play-from-here";
    if (!play_.opened) {
        ImGui::OpenPopup(id);
        play_.opened = true;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({io.DisplaySize.x / 2.f, io.DisplaySize.y / 2.f}, ImGuiCond_Appearing,
                            {0.5f, 0.5f});
    ImGui::SetNextWindowSize({520.f, 0.f});
    const std::string title = F("edit.play.title", {{"node", play_.node}}) + id;
    bool keepOpen = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &keepOpen, ImGuiWindowFlags_NoSavedSettings)) {
        play_.open = false;
        return;
    }
    // The dialog's widgets are logged once it has settled where it appears (the first frames
    // place it; positions logged then would be stale), for the app test's clicks.
    ++play_.frames;
    auto logAt = [this](const std::string& key) {
        if (play_.frames != 4) return;
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        logLine("editor: field " + key + " at " +
                std::to_string(static_cast<int>((a.x + b.x) / 2.f)) + "," +
                std::to_string(static_cast<int>((a.y + b.y) / 2.f)));
    };
    const auto sc = session_->scenario();
    ImGui::TextWrapped("%s", T("edit.play.intro"));
    ImGui::Separator();
    auto percent = [&logAt](const char* label, const char* key, int& value) {
        ImGui::TextUnformatted(label);
        ImGui::SameLine(140.f);
        ImGui::SetNextItemWidth(220.f);
        ImGui::SliderInt((std::string("##slider-") + key).c_str(), &value, 0, 100, "%d",
                         ImGuiSliderFlags_AlwaysClamp);
        logAt(std::string("play-") + key + "-slider");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90.f);
        // Typed values are not clamped: core::playFromHere says what is wrong with them.
        ImGui::InputInt((std::string("##input-") + key).c_str(), &value, 0, 0);
        logAt(std::string("play-") + key);
    };
    percent(T("edit.play.mood"), "mood", play_.mood);
    percent(T("edit.play.trust"), "trust", play_.trust);
    if (!play_.flags.empty() || !play_.counters.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", T("edit.play.state"));
    }
    for (auto& [name, on] : play_.flags) {
        ImGui::Checkbox((name + "##flag").c_str(), &on);
        logAt("play-flag-" + name);
    }
    for (auto& [name, v] : play_.counters) {
        ImGui::TextUnformatted(name.c_str());
        ImGui::SameLine(140.f);
        ImGui::SetNextItemWidth(140.f);
        ImGui::InputInt(("##counter-" + name).c_str(), &v, 0, 0);
        logAt("play-counter-" + name);
    }
    // The verdict: recomputed only when a value changed (a copy of the scenario each time).
    const std::vector<core::StateSetting> settings = settingsOf(play_);
    const std::string key = keyOf(settings, play_.node);
    const bool clean = session_->loadsCleanly() && sc;
    if (clean && key != play_.checkedKey) {
        play_.checkedKey = key;
        play_.check = core::playFromHere(*sc, play_.node, settings);
        if (!play_.check.ok()) logLine("editor: play refused: " + play_.check.error);
    }
    ImGui::Separator();
    const core::PlayStartProblem& p = play_.check.problem;
    using Kind = core::PlayStartProblem::Kind;
    if (!clean) {
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextColored(kRed, "%s", T("edit.play.errors"));
        ImGui::PopTextWrapPos();
    } else if (!play_.check.ok()) {
        std::string why;
        switch (p.kind) {
            case Kind::OutOfRange:
                why = F("edit.play.problem.range", {{"name", p.name}, {"value", p.value}});
                break;
            case Kind::NotAnInteger:
                why = F("edit.play.problem.integer", {{"name", p.name}, {"value", p.value}});
                break;
            case Kind::NotAFlagValue:
                why = F("edit.play.problem.flag", {{"name", p.name}, {"value", p.value}});
                break;
            case Kind::UnknownVariable:
                why = F("edit.play.problem.variable", {{"name", p.name}});
                break;
            case Kind::UnknownNode:
                why = F("edit.play.problem.node", {{"name", p.name}});
                break;
            case Kind::NoStartNode:
            case Kind::None:
                why = F("edit.play.problem.start", {{"name", p.name}});
                break;
        }
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextColored(kRed, "%s", why.c_str());
        ImGui::PopTextWrapPos();
    } else if (!play_.check.notApplicable.empty()) {
        std::string names;
        for (const std::string& ca : play_.check.notApplicable) {
            std::string label = ca;
            for (const core::CriticalAction& a : sc->criticalActions)
                if (a.id == ca) label = a.label.in(ctx_.lang());
            names += (names.empty() ? "" : ", ") + label;
        }
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextDisabled("%s", F("edit.play.not-applicable", {{"actions", names}}).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::TextDisabled("%s", T("edit.play.trial"));
    ImGui::Spacing();
    ImGui::BeginDisabled(!clean || !play_.check.ok());
    const bool go = ImGui::Button(T("edit.play.play"), {140.f, 0.f});
    logAt("play-start");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button(T("edit.cancel"), {120.f, 0.f}) ||
                        (ImGui::IsKeyPressed(sf::Keyboard::Escape, false) && !io.WantTextInput);
    if (go && clean && play_.check.ok()) {
        ImGui::CloseCurrentPopup();
        play_.open = false;
        ImGui::EndPopup();
        startPlay();
        return;
    }
    if (cancel || !keepOpen) {
        ImGui::CloseCurrentPopup();
        play_.open = false;
        logLine("editor: play dialog cancelled");
    }
    ImGui::EndPopup();
}

void EditorScreen::startPlay() {
    auto entry = std::make_shared<ScenarioEntry>();
    entry->path = session_->path();
    entry->scenario = play_.check.scenario;
    entry->analysis = std::make_shared<core::Analysis>(core::analyzeScenario(*entry->scenario));
    entry->trial = true;
    // The unsaved edits are safe on disk too while the trainer plays.
    if (session_->recoveryDue()) session_->writeRecovery();
    std::string state;
    for (const core::StateSetting& s : settingsOf(play_)) state += " " + s.name + "=" + s.value;
    logLine("editor: play from " + play_.node + state + ", " +
            std::to_string(play_.check.notApplicable.size()) + " not applicable, view " +
            viewState());
    ctx_.nav->goPlayFromEditor(std::move(entry));
}

void EditorScreen::onShow() {
    if (!session_) return;
    updateWindowTitle();
    logLine("editor: back from play at " + (selected_.empty() ? std::string("(none)") : selected_) +
            ", view " + viewState());
}

std::string EditorScreen::viewState() const {
    const core::LayoutPoint c = canvas_.viewCentre();
    return "selected " + (selected_.empty() ? std::string("(none)") : selected_) + ", " +
           std::to_string(session_->undoSteps()) + " undo steps" +
           (session_->dirty() ? ", unsaved" : ", saved") + ", zoom " +
           std::to_string(static_cast<int>(canvas_.zoom() * 100.f + 0.5f)) + "%, centre " +
           std::to_string(static_cast<int>(c.x)) + "," + std::to_string(static_cast<int>(c.y));
}

}  // namespace counterplay::app
