// The editor's panels under the graph (problems: the loader's diagnostics and the lint checks,
// each selecting and centring its node; analysis: best and worst totals, can pass / can fail,
// principles listed but never scored and scored but not listed, the selected node's reachable
// ranges) and its dialogs (add, duplicate, rename and delete a node; unsaved changes, recovery,
// the file changed on disk).
#include <imgui.h>

#include <algorithm>

#include "counterplay/core/CohortReport.h"  // localDateTime
#include "platform/Log.h"
#include "screens/EditorScreen.h"

namespace counterplay::app {
namespace {

const ImVec4 kRed{1.f, 0.42f, 0.42f, 1.f};
const ImVec4 kAmber{0.95f, 0.75f, 0.3f, 1.f};

template <std::size_t N>
void copyTo(std::array<char, N>& buf, const std::string& s) {
    const std::size_t n = std::min(s.size(), N - 1);
    std::copy_n(s.data(), n, buf.data());
    buf[n] = '\0';
}

/// Opens modal `name` on its first frame and begins it.
bool beginModal(const std::string& name) {
    if (!ImGui::IsPopupOpen(name.c_str())) ImGui::OpenPopup(name.c_str());
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos({display.x * 0.5f, display.y * 0.5f}, ImGuiCond_Appearing,
                            {0.5f, 0.5f});
    return ImGui::BeginPopupModal(name.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

std::string joinList(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

}  // namespace

std::string EditorScreen::nodeOfDiagnostic(const core::Diagnostic& d) const {
    const auto sc = session_ ? session_->scenario() : nullptr;
    if (d.path.rfind("nodes.", 0) == 0) {
        const std::string rest = d.path.substr(6);
        return rest.substr(0, rest.find_first_of(".["));
    }
    // No path: the node whose block holds the line.
    if (!sc || d.line <= 0) return {};
    const core::Node* best = nullptr;
    for (const core::Node& n : sc->nodes)
        if (n.line > 0 && n.line <= d.line && (!best || n.line > best->line)) best = &n;
    return best ? best->id : std::string();
}

void EditorScreen::drawBottomPanels() {
    if (!ImGui::BeginTabBar("panels")) return;
    const auto checks = shownChecks_;
    const int count =
        static_cast<int>(session_->diagnostics().size() + (checks ? checks->lint.size() : 0));
    const std::string problems = F("edit.problems", {{"n", std::to_string(count)}}) + "###problems";
    if (ImGui::BeginTabItem(problems.c_str())) {
        ImGui::BeginChild("problems-list");
        drawProblems();
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    const bool analysisOpen =
        ImGui::BeginTabItem((std::string(T("edit.analysis")) + "###analysis").c_str());
    logItem("tab-analysis");
    if (analysisOpen != analysisTab_)
        logLine(analysisOpen ? "editor: tab analysis" : "editor: tab problems");
    // The best path belongs to the analysis: it goes when the analysis tab is left.
    if (!analysisOpen && analysisTab_ && canvas_.showBestPath()) canvas_.setShowBestPath(false);
    analysisTab_ = analysisOpen;
    if (analysisOpen) {
        ImGui::BeginChild("analysis-body");
        drawAnalysis();
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void EditorScreen::drawProblems() {
    std::vector<const core::Diagnostic*> all;
    for (const core::Diagnostic& d : session_->diagnostics()) all.push_back(&d);
    const auto checks = shownChecks_;
    if (checks && checks->generation == generation_)
        for (const core::Diagnostic& d : checks->lint)
            if (std::none_of(all.begin(), all.end(),
                             [&](const core::Diagnostic* o) { return *o == d; }))
                all.push_back(&d);
    if (checks_.busy()) ImGui::TextDisabled("%s", T("edit.problems.checking"));
    if (all.empty()) {
        ImGui::TextDisabled("%s", T("edit.problems.none"));
        return;
    }
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextDisabled("%s", T("edit.problems.legend"));
    ImGui::PopTextWrapPos();
    // Each problem wrapped to the panel's width (the messages come from the checks, in English).
    // Past a few hundred, one line each, drawn only where visible.
    const bool wrap = all.size() <= 300;
    const float wrapWidth = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x;
    const auto row = [&](int i) {
        const core::Diagnostic& d = *all[static_cast<std::size_t>(i)];
        const std::string node = nodeOfDiagnostic(d);
        const char* severity = d.severity == core::Severity::Error     ? "edit.severity.error"
                               : d.severity == core::Severity::Warning ? "edit.severity.warning"
                                                                       : "edit.severity.note";
        const std::string where =
            d.line > 0 ? F("edit.problems.line", {{"line", std::to_string(d.line)},
                                                  {"column", std::to_string(d.column)}}) +
                             "  "
                       : std::string();
        const std::string text = std::string(T(severity)) + "  " + where +
                                 (d.path.empty() ? "" : d.path + ": ") + d.message;
        ImGui::PushStyleColor(ImGuiCol_Text, d.severity == core::Severity::Error ? kRed : kAmber);
        ImGui::PushID(i);
        const float height =
            wrap ? ImGui::CalcTextSize(text.c_str(), nullptr, false, wrapWidth).y : 0.f;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const bool picked =
            ImGui::Selectable(wrap ? "##problem" : text.c_str(), !node.empty() && node == selected_,
                              0, ImVec2(0.f, height));
        if (wrap) {
            ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                                ImGui::GetColorU32(ImGuiCol_Text), text.c_str(),
                                                nullptr, wrapWidth);
        }
        if (picked && !node.empty()) {
            selectNode(node, true);
            logLine("editor: problem " + std::to_string(i) + " -> " + node);
        }
        ImGui::PopID();
        ImGui::PopStyleColor();
    };
    if (wrap) {
        for (int i = 0; i < static_cast<int>(all.size()); ++i) row(i);
        return;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(all.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) row(i);
}

void EditorScreen::drawAnalysis() {
    const auto checks = shownChecks_;
    const auto sc = session_->scenario();
    if (!checks || !sc) {
        ImGui::TextDisabled("%s", T("edit.problems.checking"));
        return;
    }
    if (!checks->analysed) {
        ImGui::TextDisabled("%s", T("edit.analysis.unavailable"));
        return;
    }
    const core::Analysis& a = checks->analysis;
    const auto yes = [this](bool v) {
        return std::string(T(v ? "edit.analysis.yes" : "edit.analysis.no"));
    };
    ImGui::Columns(2, "analysis", false);
    ImGui::TextUnformatted(F("edit.analysis.best", {{"total", std::to_string(a.best.total)},
                                                    {"steps", std::to_string(a.best.steps.size())}})
                               .c_str());
    ImGui::TextUnformatted(
        F("edit.analysis.worst", {{"total", std::to_string(a.worst.total)},
                                  {"steps", std::to_string(a.worst.steps.size())}})
            .c_str());
    ImGui::TextColored(a.canPass ? ImVec4(0.55f, 0.85f, 0.6f, 1.f) : kRed, "%s",
                       F("edit.analysis.can-pass", {{"v", yes(a.canPass)}}).c_str());
    ImGui::TextColored(a.canFail ? ImVec4(0.55f, 0.85f, 0.6f, 1.f) : kAmber, "%s",
                       F("edit.analysis.can-fail", {{"v", yes(a.canFail)}}).c_str());
    bool best = canvas_.showBestPath();
    if (ImGui::Checkbox(T("edit.analysis.best-path"), &best)) canvas_.setShowBestPath(best);
    // Principles listed but never scored, and scored but not listed.
    std::vector<std::string> unscored, unlisted;
    for (const std::string& p : sc->principles)
        if (std::find(a.exercised.begin(), a.exercised.end(), p) == a.exercised.end())
            unscored.push_back(principleName(p));
    for (const std::string& p : a.exercised)
        if (std::find(sc->principles.begin(), sc->principles.end(), p) == sc->principles.end())
            unlisted.push_back(principleName(p));
    const std::string none = T("edit.analysis.none");
    ImGui::TextWrapped(
        "%s", F("edit.analysis.unscored", {{"list", unscored.empty() ? none : joinList(unscored)}})
                  .c_str());
    ImGui::TextWrapped(
        "%s", F("edit.analysis.unlisted", {{"list", unlisted.empty() ? none : joinList(unlisted)}})
                  .c_str());
    ImGui::NextColumn();
    // The selected node's reachable ranges.
    const auto index = nodeIndex(selected_);
    if (index && *index < checks->ranges.size() && checks->ranges[*index].nodeId == selected_) {
        const core::NodeScoreRange& r = checks->ranges[*index];
        ImGui::TextUnformatted(F("edit.analysis.node", {{"id", r.nodeId}}).c_str());
        if (!r.reachable) {
            ImGui::TextColored(kAmber, "%s", T("edit.analysis.unreached"));
        } else {
            const auto range = [&](const char* key, const core::ScoreRange& s) {
                ImGui::TextUnformatted(
                    F(key, {{"min", std::to_string(s.min)}, {"max", std::to_string(s.max)}})
                        .c_str());
            };
            range("edit.analysis.before", r.before);
            range("edit.analysis.after", r.after);
            range("edit.analysis.through", r.through);
            for (const core::PrincipleNodeRange& p : r.principles)
                ImGui::TextDisabled("  %s: %d..%d", principleName(p.id).c_str(), p.through.min,
                                    p.through.max);
        }
    }
    ImGui::Columns(1);
}

void EditorScreen::drawPopups() {
    switch (popup_) {
        case Popup::None:
            return;
        case Popup::AddNode:
        case Popup::Duplicate:
        case Popup::Rename:
        case Popup::RenameResult:
            drawStructurePopup();
            return;
        case Popup::Delete:
            drawDeletePopup();
            return;
        default:
            drawPromptPopups();
            return;
    }
}

void EditorScreen::drawStructurePopup() {
    const char* titleKey = popup_ == Popup::AddNode     ? "edit.node.add"
                           : popup_ == Popup::Duplicate ? "edit.node.duplicate"
                                                        : "edit.node.rename";
    if (!popupOpened_) {
        popupOpened_ = true;
        copyTo(idBuf_, popup_ == Popup::AddNode
                           ? std::string()
                           : selected_ + (popup_ == Popup::Duplicate ? "-copy" : ""));
        newEnding_ = false;
    }
    if (!beginModal(std::string(T(titleKey)) + "###structure")) return;
    bool close = false;
    if (popup_ == Popup::RenameResult) {
        ImGui::TextUnformatted(
            F("edit.node.renamed", {{"from", renameFrom_}, {"to", renameTo_}}).c_str());
        if (renameProblems_.empty())
            ImGui::TextDisabled("%s", T("edit.node.no-new-problems"));
        else
            ImGui::TextColored(
                kRed, "%s",
                F("edit.node.new-problems", {{"n", std::to_string(renameProblems_.size())}})
                    .c_str());
        for (const core::Diagnostic& d : renameProblems_)
            ImGui::BulletText("%s", d.message.c_str());
        if (ImGui::Button(T("edit.ok")) || ImGui::IsKeyPressed(sf::Keyboard::Enter, false) ||
            ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
            close = true;
    } else {
        ImGui::TextUnformatted(T("edit.node.id"));
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(320.f);
        const bool enter = ImGui::InputText("##id", idBuf_.data(), idBuf_.size(),
                                            ImGuiInputTextFlags_EnterReturnsTrue);
        if (popup_ == Popup::AddNode) ImGui::Checkbox(T("edit.node.ending"), &newEnding_);
        if (ImGui::Button(T("edit.ok")) || enter) {
            const std::string id = idBuf_.data();
            bool ok = false;
            if (popup_ == Popup::AddNode) {
                core::NewNode n;
                n.id = id;
                n.line = {ctx_.strings.get("edit.node.new-line", core::Lang::Ko),
                          ctx_.strings.get("edit.node.new-line", core::Lang::En)};
                n.ending = newEnding_;
                n.endingTitle = {ctx_.strings.get("edit.node.new-ending", core::Lang::Ko),
                                 ctx_.strings.get("edit.node.new-ending", core::Lang::En)};
                n.choiceText = {ctx_.strings.get("edit.choice.new-text", core::Lang::Ko),
                                ctx_.strings.get("edit.choice.new-text", core::Lang::En)};
                n.choiceFeedback = {ctx_.strings.get("edit.choice.new-feedback", core::Lang::Ko),
                                    ctx_.strings.get("edit.choice.new-feedback", core::Lang::En)};
                if (const auto sc = session_->scenario(); sc && !newEnding_)
                    for (const core::Node& other : sc->nodes)
                        if (other.ending) {
                            n.next = other.id;
                            break;
                        }
                ok = session_->addNode(n);
                afterEdit(ok, "add node " + id);
            } else if (popup_ == Popup::Duplicate) {
                ok = session_->duplicateNode(selected_, id);
                afterEdit(ok, "duplicate node " + id);
            } else {
                renameFrom_ = selected_;
                renameTo_ = id;
                ok = session_->renameNode(selected_, id);
                afterEdit(ok, "rename node " + id);
                if (ok) {
                    // The new id's problems: every diagnostic about the renamed node (from the
                    // renamed file's model: loaded now, the dialog waits for it anyway).
                    session_->reloadModel();
                    syncFromSession();
                    renameProblems_.clear();
                    for (const core::Diagnostic& d : session_->diagnostics())
                        if (nodeOfDiagnostic(d) == id ||
                            d.message.find("'" + id + "'") != std::string::npos)
                            renameProblems_.push_back(d);
                }
            }
            if (ok) {
                selectNode(id, true);
                if (popup_ == Popup::Rename) {
                    popup_ = Popup::RenameResult;
                    ImGui::EndPopup();
                    return;
                }
                close = true;
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(T("edit.cancel")) || ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
            close = true;
        if (!status_.empty() && statusError_) ImGui::TextColored(kRed, "%s", status_.c_str());
    }
    if (close) {
        popup_ = Popup::None;
        popupOpened_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void EditorScreen::drawDeletePopup() {
    if (!beginModal(std::string(T("edit.node.delete")) + "###delete")) return;
    const core::DeletePreview preview = session_->previewDelete(selected_);
    ImGui::TextUnformatted(F("edit.delete.heading", {{"id", selected_}}).c_str());
    if (preview.isStart) ImGui::TextColored(kRed, "%s", T("edit.delete.start"));
    if (preview.dangling.empty())
        ImGui::TextDisabled("%s", T("edit.delete.none"));
    else
        ImGui::TextColored(
            kAmber, "%s",
            F("edit.delete.dangling", {{"n", std::to_string(preview.dangling.size())}}).c_str());
    for (const core::DanglingRef& r : preview.dangling)
        ImGui::BulletText("%s  (%s)", r.choiceId.c_str(), r.node.c_str());
    bool close = false;
    if (ImGui::Button(T("edit.node.delete"))) {
        const std::string gone = selected_;
        const bool ok = session_->deleteNode(gone);
        if (ok) selected_.clear();
        afterEdit(ok, "delete node " + gone);
        close = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(T("edit.cancel")) || ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
        close = true;
    if (close) {
        popup_ = Popup::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void EditorScreen::drawPromptPopups() {
    bool close = false;
    if (popup_ == Popup::Close) {
        if (!beginModal(std::string(T("edit.title")) + "###close")) return;
        ImGui::TextUnformatted(T("edit.prompt.unsaved"));
        if (ImGui::Button(T("edit.prompt.save"))) {
            close = true;
            leaveAfterSave_ = true;
        }
        ImGui::SameLine();
        if (ImGui::Button(T("edit.prompt.discard"))) {
            session_->discardRecovery();
            discarded_ = true;
            logLine("editor: discarded unsaved changes");
            close = true;
            leave();
        }
        ImGui::SameLine();
        if (ImGui::Button(T("edit.cancel")) || ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
            close = true;
    } else if (popup_ == Popup::Recover) {
        if (!beginModal(std::string(T("edit.title")) + "###recover")) return;
        ImGui::TextUnformatted(
            F("edit.recover.heading",
              {{"when", core::localDateTime(recovery_ ? recovery_->savedAtMs : 0)}})
                .c_str());
        if (recovery_ && recovery_->baseChanged)
            ImGui::TextColored(kAmber, "%s", T("edit.recover.base-changed"));
        if (ImGui::Button(T("edit.recover.take"))) {
            const bool ok = session_->recover();
            afterEdit(ok, "recover");
            logLine(std::string("editor: recovered ") + (ok ? "ok" : "failed"));
            close = true;
        }
        ImGui::SameLine();
        if (ImGui::Button(T("edit.recover.drop"))) {
            session_->discardRecovery();
            logLine("editor: recovery discarded");
            close = true;
        }
    } else if (popup_ == Popup::Disk || popup_ == Popup::SaveConflict) {
        if (!beginModal(std::string(T("edit.title")) + "###disk")) return;
        ImGui::TextUnformatted(T("edit.disk.changed"));
        if (ImGui::Button(T("edit.disk.reload"))) {
            const bool ok = session_->reloadFromDisk();
            afterEdit(ok, "reload from disk");
            diskPromptShown_ = false;
            close = true;
        }
        ImGui::SameLine();
        if (popup_ == Popup::SaveConflict) {
            if (ImGui::Button(T("edit.disk.overwrite"))) {
                close = true;
                popup_ = Popup::None;
                save(true);
            }
            ImGui::SameLine();
            if (ImGui::Button(T("edit.cancel"))) {
                leaveAfterSave_ = false;
                close = true;
            }
        } else if (ImGui::Button(T("edit.disk.keep"))) {
            close = true;
        }
    }
    if (close) {
        const bool saveNow = popup_ == Popup::Close && leaveAfterSave_;
        popup_ = Popup::None;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        if (saveNow) save(false);
        return;
    }
    ImGui::EndPopup();
}

}  // namespace counterplay::app
