#include "screens/EditorScreen.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "counterplay/core/CohortReport.h"  // localDateTime
#include "counterplay/core/GraphLayout.h"
#include "graph/GraphPalette.h"
#include "platform/Log.h"
#include "ui/Theme.h"

namespace counterplay::app {
namespace {

/// The zoom at which a node box is tall enough for its id and first words in readable type.
constexpr float kReadableZoom = 0.56f;

}  // namespace

EditorScreen::EditorScreen(Context& ctx, std::string path) : Screen(ctx) {
    canvas_.setFitLabel(ctx_.str("graph.fit"));
    canvas_.setSecondsFormat(ctx_.str("graph.seconds"));
    canvas_.setOnSelect([this](std::optional<std::size_t> node) {
        const auto sc = shownScenario_;
        selected_ = node && sc && *node < sc->nodes.size() ? sc->nodes[*node].id : std::string();
        logLine("editor: selected " + (selected_.empty() ? std::string("(none)") : selected_));
    });
    if (!path.empty())
        openFile(path);
    else
        logLine("editor: picking a scenario");
}

EditorScreen::~EditorScreen() {
    if (ctx_.window) ctx_.window->setTitle("Counterplay");
}

const char* EditorScreen::T(const char* key) const { return ctx_.str(key).c_str(); }

std::string EditorScreen::F(const char* key,
                            std::initializer_list<std::pair<const char*, std::string>> args) const {
    return ctx_.strings.format(key, ctx_.lang(), args);
}

bool EditorScreen::recoveryHasEdits(const core::RecoveryInfo& info) const {
    std::ifstream in(info.recoveryFile, std::ios::binary);
    std::string header, kept;
    if (!in || !std::getline(in, header)) return true;  // unreadable: let the trainer decide
    kept.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    // Compared line by line without trailing spaces and carriage returns.
    const auto normal = [](const std::string& text) {
        std::string out, line;
        std::istringstream lines(text);
        while (std::getline(lines, line)) {
            while (!line.empty() &&
                   (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
                line.pop_back();
            out += line;
            out += '\n';
        }
        while (!out.empty() && out.back() == '\n') out.pop_back();
        return out;
    };
    return normal(kept) != normal(session_->text());
}

bool EditorScreen::openFile(const std::string& path) {
    std::string error;
    auto session = core::EditSession::open(path, error);
    if (!session) {
        openError_ = F("edit.open-failed", {{"why", error}});
        logLine("editor: cannot open " + path + ": " + error);
        return false;
    }
    session_ = std::move(session);
    // Structural edits leave the full model load to loader_ (off the UI thread).
    session_->setDeferredLoads(true);
    openError_.clear();
    shownScenario_.reset();
    structureKey_.clear();
    if (const auto sc = session_->scenario()) selected_ = sc->start;
    recovery_ = core::EditSession::recoverable(session_->path());
    if (recovery_ && !recoveryHasEdits(*recovery_)) {
        // Nothing to keep: the recovery file holds the file's own text (up to line endings and
        // trailing spaces). It is removed instead of asking "Keep my edits?" about no edits.
        session_->discardRecovery();
        logLine("editor: stale recovery file removed (no edits)");
        recovery_.reset();
    }
    if (recovery_) popup_ = Popup::Recover;
    syncFromSession();
    // Opens fitted when the boxes can then show their ids and first words, else zoomed in to
    // that size with the start at the top (F fits everything).
    canvas_.requestOpeningView(kReadableZoom);
    if (const auto i = nodeIndex(selected_)) canvas_.select(*i);
    logLine("editor: opened " + session_->path());
    return true;
}

void EditorScreen::handleEvent(const sf::Event&, sf::Vector2f) {
    // ImGui has the keyboard and mouse: the shortcuts are read in buildImGui (handleShortcuts).
}

void EditorScreen::update(float dt, sf::Vector2f) {
    if (!session_) return;
    sinceDiskCheck_ += dt;
    sinceRecovery_ += dt;
    sinceCommit_ += dt;
    // The model's full load, on loader_'s worker: after a structural edit, undo or redo at
    // once, after typing when the field is left (the fast text path patched the model already).
    // Until it arrives the screen keeps drawing the last model; an edit meanwhile loads first.
    if (session_->modelReloadPending() && editingKey_.empty() &&
        loader_.requested() != session_->textGeneration())
        loader_.request(session_->pendingLoad(), ctx_.lang(), structureKey_);
    if (auto loaded = loader_.take()) {
        const std::uint64_t generation = loaded->generation;
        std::string key = loaded->structureKey;
        std::optional<core::GraphLayout> layout = std::move(loaded->layout);
        const double ms = loaded->ms;
        if (session_->applyModelLoad(generation, std::move(loaded->load))) {
            if (layout) readyLayout_ = {std::move(key), std::move(*layout)};
            syncFromSession();
            logLine("editor: model loaded in " + std::to_string(static_cast<int>(ms)) +
                    " ms off the UI thread" + (readyLayout_ ? ", with its layout" : ""));
            if (!pendingSelect_.empty()) {
                const std::string id = std::move(pendingSelect_);
                pendingSelect_.clear();
                selectNode(id, pendingCentre_);
            }
        }
    }
    // A status message goes after a few seconds (an error after a few more), or at the next
    // edit, so an old "Saved" or refusal does not stay in the header.
    if (status_ != statusShown_ || session_->undoSteps() != statusUndoSteps_) {
        if (status_ == statusShown_ && !status_.empty()) status_.clear();  // an edit came since
        statusShown_ = status_;
        statusUndoSteps_ = session_->undoSteps();
        statusAge_ = 0.f;
    } else if (!status_.empty() && (statusAge_ += dt) > (statusError_ ? 10.f : 5.f)) {
        status_.clear();
        statusShown_.clear();
    }
    // Recovery: every few seconds while there are edits no recovery file holds; once the edits
    // are undone back to the file, the recovery file goes (it would offer edits nobody kept).
    if (sinceRecovery_ >= 3.f) {
        sinceRecovery_ = 0.f;
        if (session_->recoveryDue() && session_->writeRecovery())
            logLine("editor: recovery written");
        else if (!session_->dirty() && popup_ != Popup::Recover &&
                 std::filesystem::exists(core::EditSession::recoveryPathFor(session_->path())))
            session_->discardRecovery();
    }
    // The file on disk, once a second.
    if (sinceDiskCheck_ >= 1.f) {
        sinceDiskCheck_ = 0.f;
        const core::DiskStatus disk = session_->checkDisk();
        if (disk == core::DiskStatus::Changed && !diskPromptShown_ && popup_ == Popup::None) {
            popup_ = Popup::Disk;
            diskPromptShown_ = true;
            logLine("editor: file changed on disk");
        } else if (disk == core::DiskStatus::Missing && !diskPromptShown_) {
            status_ = T("edit.disk.missing");
            statusError_ = true;
            diskPromptShown_ = true;
        }
    }
    // Finished background checks.
    if (auto latest = checks_.latest(); latest && latest != shownChecks_) {
        shownChecks_ = latest;
        // Errors red, warnings amber on the graph (notes are not marked).
        std::set<std::string> errors, warnings;
        const auto mark = [&](const core::Diagnostic& d) {
            const std::string n = nodeOfDiagnostic(d);
            if (n.empty() || d.severity == core::Severity::Note) return;
            (d.severity == core::Severity::Error ? errors : warnings).insert(n);
        };
        for (const core::Diagnostic& d : session_->diagnostics()) mark(d);
        for (const core::Diagnostic& d : latest->lint) mark(d);
        canvas_.setProblems(errors, warnings);
        // No analysis (the file does not load cleanly): no best path left from an older one.
        canvas_.setBestPath(latest->analysed ? latest->analysis.best.steps
                                             : std::vector<core::PathStep>{});
        if (!latest->analysed) canvas_.setShowBestPath(false);
        logLine("editor: checks done in " + std::to_string(static_cast<int>(latest->ms)) + " ms, " +
                std::to_string(latest->lint.size()) + " lint findings");
    }
}

void EditorScreen::draw(sf::RenderTarget& target) { target.clear(theme::kInk); }

void EditorScreen::relayout() {
    structureKey_.clear();  // the labels' language may have changed
    if (session_) refreshGraph();
    canvas_.setFitLabel(ctx_.str("graph.fit"));
    canvas_.setSecondsFormat(ctx_.str("graph.seconds"));
    updateWindowTitle();
}

void EditorScreen::onClose() {
    // Closing the window with unsaved edits keeps them for the next open; Discard does not.
    if (session_ && !discarded_ && session_->recoveryDue()) session_->writeRecovery();
    // No unsaved edits (undone back to the file): no recovery file to offer next time, unless
    // the trainer has not answered the recovery prompt yet.
    else if (session_ && !session_->dirty() && popup_ != Popup::Recover)
        session_->discardRecovery();
}

std::string EditorScreen::debugInfo() const {
    if (!session_) return "editor: picking a scenario";
    return "editor: " + session_->path() + (session_->dirty() ? " (unsaved)" : "") + ", " +
           std::to_string(session_->undoSteps()) + " undo steps, " +
           std::to_string(session_->historyBytes()) + " history bytes";
}

std::optional<std::size_t> EditorScreen::nodeIndex(const std::string& id) const {
    const auto sc = shownScenario_;
    if (!sc || id.empty()) return std::nullopt;
    if (const core::Node* n = sc->findNode(id))
        return static_cast<std::size_t>(n - sc->nodes.data());
    return std::nullopt;
}

void EditorScreen::refreshGraph() {
    const auto sc = session_->scenario();
    if (!sc) return;
    const std::string key = editorStructureKey(*sc, ctx_.lang());
    if (key != structureKey_ || !shownScenario_) {
        if (readyLayout_ && readyLayout_->first == key) {
            layout_ = std::move(readyLayout_->second);  // computed by loader_ with the model
        } else {
            core::LayoutOptions options;
            options.lang = ctx_.lang();
            layout_ = core::layoutScenario(*sc, options);
        }
        structureKey_ = key;
        logLine("editor: layout of " + std::to_string(sc->nodes.size()) + " nodes");
        canvas_.setGraph(sc, layout_);
        readyLayout_.reset();
    } else if (sc != shownScenario_) {
        // Same structure and labels (e.g. a feedback edit): the layout is reused.
        canvas_.setGraph(sc, layout_);
    }
    shownScenario_ = sc;
    canvas_.select(nodeIndex(selected_));
}

void EditorScreen::syncFromSession() {
    if (!session_) return;
    if (session_->scenario() != shownScenario_) refreshGraph();
    if (!session_->modelReloadPending() && session_->scenario() &&
        session_->scenario() != checkedScenario_) {
        checkedScenario_ = session_->scenario();
        checks_.request(++generation_, checkedScenario_, session_->loadsCleanly(),
                        session_->document(), session_->path());
    }
    loggedItems_.clear();
    updateWindowTitle();
}

void EditorScreen::selectNode(const std::string& id, bool centre) {
    const auto i = nodeIndex(id);
    if (!i) {
        // A node the model being loaded has (just added or restored): selected when it arrives.
        if (session_ && session_->modelReloadPending()) {
            pendingSelect_ = id;
            pendingCentre_ = centre;
        }
        return;
    }
    selected_ = id;
    canvas_.select(*i);
    if (centre) canvas_.centreOn(*i);
    logLine("editor: selected " + id);
}

void EditorScreen::afterEdit(bool ok, const std::string& what) {
    sinceCommit_ = 0.f;
    session_->breakUndoGroup();
    if (!ok) {
        status_ = session_->lastError();
        statusError_ = true;
        logLine("editor: refused " + what + ": " + session_->lastError());
        return;
    }
    status_.clear();
    statusError_ = false;
    syncFromSession();
    logLine("editor: edit " + what + " (" + session_->undoLabel().en + ")");
}

void EditorScreen::updateWindowTitle() {
    if (!ctx_.window) return;
    std::string title = "Counterplay";
    if (session_) {
        title = std::string(session_->dirty() ? "\xE2\x80\xA2 " : "") +
                std::filesystem::path(session_->path()).filename().string() + " - " +
                T("edit.title") + " - Counterplay";
    }
    if (title != windowTitle_) {
        windowTitle_ = title;
        ctx_.window->setTitle(utf8(title));
    }
}

void EditorScreen::doUndo(bool redo) {
    if (!session_ || !(redo ? session_->canRedo() : session_->canUndo())) return;
    const std::string label = (redo ? session_->redoLabel() : session_->undoLabel()).en;
    const bool ok = redo ? session_->redo() : session_->undo();
    syncFromSession();
    if (ok && !session_->focusNode().empty()) selectNode(session_->focusNode(), false);
    logLine(std::string("editor: ") + (redo ? "redo " : "undo ") + label + (ok ? "" : " failed"));
}

void EditorScreen::save(bool force) {
    if (!session_) return;
    const core::SaveResult r = session_->save(force);
    switch (r) {
        case core::SaveResult::Saved: {
            const std::string name = std::filesystem::path(session_->path()).filename().string();
            status_ = F("edit.saved", {{"backup", "." + name + ".bak"}});
            statusError_ = false;
            diskPromptShown_ = false;
            logLine("editor: saved " + session_->path());
            if (leaveAfterSave_) leave();
            break;
        }
        case core::SaveResult::Unchanged:
            status_ = T("edit.save-unchanged");
            statusError_ = false;
            logLine("editor: save unchanged");
            if (leaveAfterSave_) leave();
            break;
        case core::SaveResult::ChangedOnDisk:
            popup_ = Popup::SaveConflict;
            break;
        case core::SaveResult::Failed:
            status_ = F("edit.save-failed", {{"why", session_->lastError()}});
            statusError_ = true;
            leaveAfterSave_ = false;
            logLine("editor: save failed: " + session_->lastError());
            break;
    }
    updateWindowTitle();
}

void EditorScreen::requestClose() {
    if (session_ && session_->dirty()) {
        popup_ = Popup::Close;
        logLine("editor: asking before closing");
        return;
    }
    leave();
}

void EditorScreen::leave() {
    logLine("editor: closing");
    if (!ctx_.options.editFile.empty())
        ctx_.nav->quit();
    else
        ctx_.nav->goTitle();
}

void EditorScreen::handleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (popup_ != Popup::None || play_.open) return;
    const bool typing = io.WantTextInput;
    // Play from here, Search, Translation (EditorPlay.cpp, EditorSearch.cpp, EditorTranslation.cpp)
    if (ImGui::IsKeyPressed(sf::Keyboard::F5, false)) openPlayDialog();
    if (io.KeyCtrl && ImGui::IsKeyPressed(sf::Keyboard::F, false)) {
        search_.open = true;
        search_.focusFind = true;
        logLine("editor: search panel");
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(sf::Keyboard::T, false)) {
        translation_.open = !translation_.open;
        logLine(std::string("editor: translation panel ") +
                (translation_.open ? "open" : "closed"));
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(sf::Keyboard::S, false)) {
        logLine("editor: Ctrl+S");
        save(false);
    }
    if (!typing && io.KeyCtrl && ImGui::IsKeyPressed(sf::Keyboard::Z, false)) doUndo(io.KeyShift);
    if (!typing && io.KeyCtrl && ImGui::IsKeyPressed(sf::Keyboard::Y, false)) doUndo(true);
    if (!typing && !popupWasOpen_ && ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
        requestClose();
}

void EditorScreen::drawPicker() {
    ImGui::TextColored({0.96f, 0.76f, 0.35f, 1.f}, "%s", T("edit.title"));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 120.f);
    if (ImGui::SmallButton(T("edit.back"))) leave();
    ImGui::Separator();
    ImGui::TextUnformatted(T("edit.pick.heading"));
    if (!openError_.empty()) ImGui::TextColored({1.f, 0.4f, 0.4f, 1.f}, "%s", openError_.c_str());
    if (ctx_.library.entries().empty()) ImGui::TextDisabled("%s", T("edit.pick.none"));
    ImGui::BeginChild("scenarios");
    for (const ScenarioEntry& e : ctx_.library.entries()) {
        const std::string label = e.scenario->title.in(ctx_.lang()) + "   " +
                                  std::filesystem::path(e.path).filename().string();
        if (ImGui::Selectable(label.c_str())) {
            openFile(e.path);
            break;
        }
    }
    ImGui::EndChild();
}

void EditorScreen::drawMenuBar() {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu((std::string(T("edit.menu.file")) + "###file").c_str())) {
        if (ImGui::MenuItem(T("edit.save"), nullptr, false, session_->dirty())) save(false);
        if (ImGui::MenuItem(T("edit.close"))) requestClose();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu((std::string(T("edit.menu.edit")) + "###edit").c_str())) {
        const std::string undo =
            session_->canUndo() ? F("edit.undo", {{"what", session_->undoLabel().in(ctx_.lang())}})
                                : std::string(T("edit.undo.none"));
        const std::string redo =
            session_->canRedo() ? F("edit.redo", {{"what", session_->redoLabel().in(ctx_.lang())}})
                                : std::string(T("edit.redo.none"));
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, session_->canUndo())) doUndo(false);
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, session_->canRedo())) doUndo(true);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu((std::string(T("edit.menu.node")) + "###node").c_str())) {
        const bool has = !selected_.empty();
        if (ImGui::MenuItem(T("edit.node.add"))) popup_ = Popup::AddNode;
        if (ImGui::MenuItem(T("edit.node.duplicate"), nullptr, false, has))
            popup_ = Popup::Duplicate;
        if (ImGui::MenuItem(T("edit.node.rename"), nullptr, false, has)) popup_ = Popup::Rename;
        if (ImGui::MenuItem(T("edit.node.delete"), nullptr, false, has)) popup_ = Popup::Delete;
        // EditorPlay.cpp
        ImGui::Separator();
        if (ImGui::MenuItem(T("edit.play.menu"), "F5", false, has)) openPlayDialog();
        ImGui::EndMenu();
    }
    // EditorSearch.cpp, EditorTranslation.cpp
    if (ImGui::BeginMenu((std::string(T("edit.menu.view")) + "###view").c_str())) {
        if (ImGui::MenuItem(T("edit.search.title"), "Ctrl+F", search_.open)) {
            search_.open = !search_.open;
            search_.focusFind = search_.open;
        }
        if (ImGui::MenuItem(T("edit.translation.title"), "Ctrl+T", translation_.open))
            translation_.open = !translation_.open;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void EditorScreen::drawStatusLine() {
    const std::string name = std::filesystem::path(session_->path()).filename().string();
    ImGui::TextColored({0.96f, 0.76f, 0.35f, 1.f}, "%s%s", session_->dirty() ? "\xE2\x80\xA2 " : "",
                       name.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", session_->path().c_str());
    if (session_->dirty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", T("edit.unsaved"));
    }
    if (!status_.empty()) {
        ImGui::SameLine(0.f, 20.f);
        if (statusError_)
            ImGui::TextColored({1.f, 0.42f, 0.42f, 1.f}, "%s", status_.c_str());
        else
            ImGui::TextColored({0.55f, 0.85f, 0.6f, 1.f}, "%s", status_.c_str());
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 170.f);
    if (ImGui::SmallButton(T("lang.ko"))) {
        ctx_.settings.lang = core::Lang::Ko;
        ctx_.nav->applySettings();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(T("lang.en"))) {
        ctx_.settings.lang = core::Lang::En;
        ctx_.nav->applySettings();
    }
}

void EditorScreen::logNodePositions() {
    // The canvas child's centre shows the view centre; each node at its zoomed offset from it.
    const auto sc = shownScenario_;
    if (!sc) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float cx = (a.x + b.x) / 2.f, cy = (a.y + b.y) / 2.f;
    const core::LayoutPoint centre = canvas_.viewCentre();
    const float zoom = canvas_.zoom();
    const core::GraphLayout& layout = layout_;
    for (std::size_t i = 0; i < layout.nodes.size() && i < 40; ++i) {
        const core::LayoutNode& n = layout.nodes[i];
        const int x = static_cast<int>(cx + (n.x + n.w / 2.f - centre.x) * zoom);
        const int y = static_cast<int>(cy + (n.y + n.h / 2.f - centre.y) * zoom);
        logLine("editor: node " + sc->nodes[n.node].id + " at " + std::to_string(x) + "," +
                std::to_string(y));
    }
}

void EditorScreen::buildImGui(float dt) {
    ++frames_;
    // Frames that took long (wall time between two frames: the app clamps dt at 100 ms); with
    // $COUNTERPLAY_LOG_FRAMES every frame (docs/benchmarks.md).
    (void)dt;
    static const bool logFrames = std::getenv("COUNTERPLAY_LOG_FRAMES") != nullptr;
    const auto now = std::chrono::steady_clock::now();
    const double frameMs = std::chrono::duration<double, std::milli>(now - lastFrame_).count();
    lastFrame_ = now;
    if (frames_ > 10 && (logFrames || frameMs > 100.0))
        logLine(std::string("editor: ") + (logFrames ? "frame " : "slow frame ") +
                std::to_string(frameMs) + " ms");
    // A dialog open at the start of the frame keeps its keys (Esc closing it must not also
    // close the editor).
    const bool dialogOpen = popup_ != Popup::None || play_.open;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.f);
    ImGui::Begin("##editor", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings | (session_ ? ImGuiWindowFlags_MenuBar : 0));
    ImGui::PopStyleVar();
    if (!session_) {
        drawPicker();
        ImGui::End();
        if (ImGui::IsKeyPressed(sf::Keyboard::Escape, false)) leave();
        return;
    }
    drawMenuBar();
    drawStatusLine();
    const float inspectorWidth = 500.f;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::BeginChild("left", {avail.x - inspectorWidth - 6.f, avail.y});
    const float bottom = 210.f;
    canvas_.draw("graph", {0.f, ImGui::GetContentRegionAvail().y - bottom});
    if (frames_ == 6 && !readyLogged_) {
        readyLogged_ = true;
        logNodePositions();
        logLine("editor: ready");
        loggedZoom_ = canvas_.zoom();
        loggedCentre_ = canvas_.viewCentre();
    } else if (readyLogged_) {
        // After the view moves (pan, zoom, Fit), the positions again once it has held still
        // for 10 frames, so a test or a trainer reading the log can find the nodes now shown.
        const float zoom = canvas_.zoom();
        const core::LayoutPoint centre = canvas_.viewCentre();
        const bool still = zoom == lastZoom_ && centre == lastCentre_;
        viewStillFrames_ = still ? viewStillFrames_ + 1 : 0;
        lastZoom_ = zoom;
        lastCentre_ = centre;
        const bool moved = zoom != loggedZoom_ || !(centre == loggedCentre_);
        if (moved && viewStillFrames_ >= 10 && !ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
            !ImGui::IsMouseDown(ImGuiMouseButton_Right) &&
            !ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
            logNodePositions();
            logLine("editor: view moved");
            loggedZoom_ = zoom;
            loggedCentre_ = centre;
        }
    }
    drawBottomPanels();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("inspector", {0.f, avail.y}, true);
    drawInspector();
    ImGui::EndChild();
    ImGui::End();
    drawPopups();
    drawSearchPanel();       // EditorSearch.cpp
    drawTranslationPanel();  // EditorTranslation.cpp
    drawPlayDialog();        // EditorPlay.cpp
    // A menu or combo open at the end of this frame: the Esc that closes it next frame is not
    // a request to close the editor. Read before the shortcuts: Esc may close the editor, and
    // closing the app ends ImGui within this frame (reading it afterwards crashed).
    const bool popupOpen =
        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    if (!dialogOpen) handleShortcuts();  // sees the last frame's popupWasOpen_
    popupWasOpen_ = popupOpen;
}

}  // namespace counterplay::app
