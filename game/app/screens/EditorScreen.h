// The trainer's scenario editor (`counterplay edit FILE`, or Settings > Edit scenarios), drawn
// with Dear ImGui over the SFML window. Everything it changes goes through one core::EditSession
// (minimal line edits, undo and redo, save with backup, recovery file, change-on-disk check); the
// screen only draws the session and feeds it whole edits.
//
// Layout at 1280x720: a menu bar and a status line; the scenario's graph (app/graph/GraphCanvas,
// laid out again only when the structure changes) on the left with the problems and analysis
// tabs under it; the inspector of the selected node on the right (EditorInspector.cpp). Structure
// dialogs, problems and analysis are in EditorPanels.cpp; the background analysis and lint run
// in EditorChecks.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "counterplay/core/ConditionCheck.h"
#include "counterplay/core/EditSession.h"
#include "graph/GraphCanvas.h"
#include "screens/EditorChecks.h"
#include "screens/EditorPlay.h"
#include "screens/EditorSearch.h"
#include "screens/EditorTranslation.h"
#include "screens/Screen.h"

namespace counterplay::app {

class EditorScreen : public Screen {
public:
    /// Opens `path` for editing; an empty path shows the list of the library's scenarios first.
    EditorScreen(Context& ctx, std::string path);
    ~EditorScreen() override;
    std::string id() const override { return session_ ? "editor" : "editor-pick"; }
    void handleEvent(const sf::Event& event, sf::Vector2f mouse) override;
    void update(float dt, sf::Vector2f mouse) override;
    void draw(sf::RenderTarget& target) override;
    void relayout() override;
    bool usesImGui() const override { return true; }
    void buildImGui(float dt) override;
    bool capturesText() const override { return true; }
    /// Keeps unsaved edits in the recovery file when the app closes.
    void onClose() override;
    std::string debugInfo() const override;
    /// Back from a trial play (EditorPlay.cpp): the editor is as the trainer left it.
    void onShow() override;

private:
    enum class Popup {
        None,
        AddNode,
        Duplicate,
        Rename,
        RenameResult,
        Delete,
        Close,
        Recover,
        Disk,
        SaveConflict
    };

    // EditorScreen.cpp
    const char* T(const char* key) const;
    std::string F(const char* key,
                  std::initializer_list<std::pair<const char*, std::string>> args) const;
    /// Whether a recovery file holds anything the file does not (line endings and trailing
    /// spaces aside).
    bool recoveryHasEdits(const core::RecoveryInfo& info) const;
    /// Opens a file (the picker calls it too); false with openError_ set.
    bool openFile(const std::string& path);
    void drawPicker();
    void drawMenuBar();
    void drawStatusLine();
    void handleShortcuts();
    void doUndo(bool redo);
    void save(bool force);
    /// Esc / Close: asks first when there are unsaved changes.
    void requestClose();
    void leave();
    /// After any change of the session: new layout when the structure changed, checks requested,
    /// the selection following the session's focus node.
    void syncFromSession();
    /// The graph canvas with the current scenario (layout recomputed only on structural change).
    void refreshGraph();
    void selectNode(const std::string& id, bool centre);
    std::optional<std::size_t> nodeIndex(const std::string& id) const;
    /// Reports the outcome of an edit operation (status line and log).
    void afterEdit(bool ok, const std::string& what);
    void updateWindowTitle();
    void logNodePositions();

    // EditorInspector.cpp
    void drawInspector();
    void drawNodeButtons(const core::Node& node);
    /// A ko/en pair of multiline fields for one text; `commit` receives a changed value when the
    /// field is left or Enter pressed (one undo step per edit).
    void textPair(const std::string& key, const core::Text& value, float height,
                  const std::function<bool(core::Lang, const std::string&)>& commit);
    bool textField(const std::string& key, const std::string& value, float width, float height);
    void drawChoice(const core::Node& node, int index);
    void drawBranch(const core::Node& node, const core::BranchRef& where, const std::string& next,
                    const core::Points& points, const core::Text& feedback);
    void drawPoints(const core::BranchRef& where, const core::Points& points);
    void drawTimeLimit(const core::Node& node);
    /// The Next combo of a branch of `from`; targets that would close a loop are shown
    /// disabled and marked.
    bool nextCombo(const char* id, const std::string& from, const std::string& current,
                   std::string& picked);
    /// A text shown wrapped to the width (the whole text visible); a click edits it in place.
    bool wrappedField(const std::string& key, const std::string& value, float width);
    /// A combo over `values`; true with `picked` when another one was chosen.
    bool valueCombo(const char* id, const std::string& current,
                    const std::vector<std::string>& values, std::string& picked,
                    const char* keyPrefix);
    // EditorInspectorBranch.cpp: a choice's or timeout's effects, tags and id.
    void drawEffects(const core::BranchRef& where, const std::vector<core::Effect>& effects);
    void drawTags(const core::BranchRef& where, const std::vector<std::string>& tags);
    void drawChoiceId(const core::Node& node, int index, const std::string& id);
    // EditorInspectorNode.cpp: lines and endings.
    void drawLines(const core::Node& node);
    void drawLine(const core::Node& node, int index);
    void drawEnding(const core::Node& node);
    void drawMakeEnding(const core::Node& node);
    // EditorInspectorCard.cpp: the scenario's own fields and principles.
    void drawScenarioCard();
    void drawCardNumber(const char* label, const std::string& key, int value, int min, int max);
    void drawCardPrinciples(const core::Scenario& sc);
    /// Logs a widget's centre ("editor: field KEY at X,Y") for the app tests: once per selection,
    /// and again when it moves (the inspector scrolled or grew).
    void logItem(const std::string& key);

    // EditorPanels.cpp
    void drawBottomPanels();
    void drawProblems();
    void drawAnalysis();
    void drawPopups();
    void drawStructurePopup();
    void drawDeletePopup();
    void drawPromptPopups();
    std::string nodeOfDiagnostic(const core::Diagnostic& d) const;
    std::string principleName(const std::string& id) const;

    // EditorPlay.cpp: "Play from here" (F5) on the selected node.
    void openPlayDialog();
    void drawPlayDialog();
    void startPlay();
    /// Selection, undo steps, unsaved marker, zoom and centre, logged before and after a play.
    std::string viewState() const;
    // EditorSearch.cpp: the Search panel (Ctrl+F), find and replace.
    void drawSearchPanel();
    void runSearch();
    void jumpTo(const core::TextLocation& where, std::optional<core::Lang> lang);
    // EditorTranslation.cpp: the Translation panel, texts to translate or review.
    void drawTranslationPanel();
    void refreshTranslation();
    /// The inspector's field key for a text (line0.en, choice1.ko, node/1/feedback.en), "".
    static std::string inspectorKey(const core::TextLocation& where, core::Lang lang);
    /// "node · line 2" in the UI language, for the Search and Translation lists.
    std::string fieldLabel(const core::TextLocation& where) const;

    EditorPlayDialog play_;
    EditorSearchPanel search_;
    EditorTranslationPanel translation_;
    std::string scrollToKey_;  ///< the inspector scrolls to this field when it draws it

    std::unique_ptr<core::EditSession> session_;
    std::string openError_;
    graph::GraphCanvas canvas_;
    std::shared_ptr<const core::Scenario> shownScenario_;  // the model the canvas draws
    std::string structureKey_;                             // its structure at the last layout
    core::GraphLayout layout_;                             // the layout computed for that structure
    std::string selected_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<const core::Scenario> checkedScenario_;  // the model last sent to checks_
    EditorChecks checks_;
    EditorModelLoader loader_;
    std::optional<std::pair<std::string, core::GraphLayout>>
        readyLayout_;            // loader_'s layout, by key
    std::string pendingSelect_;  // a node to select once the model being loaded arrives
    bool pendingCentre_ = false;
    std::shared_ptr<const EditorCheckResult> shownChecks_;

    // Inspector fields: the text being edited lives here until it is committed.
    std::map<std::string, std::string> buffers_;
    std::string editingKey_;
    std::optional<core::ConditionCheck> conditionCheck_;
    std::string conditionKey_;
    std::map<std::string, int> ints_;
    std::string loggedFor_;      // the selection whose widget positions were logged
    std::string focusKey_;       // a wrapped field that was clicked: its input takes the focus
    int focusFrames_ = 0;        // frames focusKey_ has waited for its input to become active
    bool scenarioCard_ = false;  // the inspector shows the scenario card (no node, or asked)
    std::string inspected_;      // the node the inspector showed last frame
    std::map<std::string, std::string> loggedItems_;  // key -> the position last logged

    Popup popup_ = Popup::None;
    bool popupOpened_ = false;
    std::array<char, 96> idBuf_{};
    bool newEnding_ = false;
    std::string renameFrom_, renameTo_;
    std::vector<core::Diagnostic> renameProblems_;
    std::optional<core::RecoveryInfo> recovery_;
    bool leaveAfterSave_ = false;
    bool discarded_ = false;
    bool popupWasOpen_ = false;  ///< a menu or combo was open at the end of the last frame  ///<
                                 ///< the trainer chose Discard: closing keeps no recovery file

    std::string status_;
    bool statusError_ = false;
    std::string statusShown_;          // the status as the last update saw it
    std::size_t statusUndoSteps_ = 0;  // undo steps when it was shown (an edit clears it)
    float statusAge_ = 0.f;
    float sinceDiskCheck_ = 0.f, sinceRecovery_ = 0.f, sinceCommit_ = 0.f;
    bool diskPromptShown_ = false;
    int frames_ = 0;
    std::chrono::steady_clock::time_point lastFrame_;  // when the last frame was built
    bool readyLogged_ = false;
    // The view the node positions were last logged for, and how many frames it has held still
    // since it changed: the positions are logged again once a pan, zoom or fit settles.
    float loggedZoom_ = 0.f, lastZoom_ = 0.f;
    core::LayoutPoint loggedCentre_, lastCentre_;
    int viewStillFrames_ = 0;
    bool analysisTab_ = false;  // the analysis tab is showing (logged when it changes)
    std::string windowTitle_;
};

}  // namespace counterplay::app
