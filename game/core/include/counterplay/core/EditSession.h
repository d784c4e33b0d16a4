// The headless editing model behind the in-game scenario editor: one open scenario file as its
// exact bytes, the YamlDocument over them and the model loaded from them. Every edit operation
// changes the bytes through YamlDocument's minimal edits (only the lines it must), reloads the
// model, and is recorded for undo and redo. The session also knows whether there are unsaved
// changes, saves with a backup, notices when the file changed on disk, and keeps a recovery file
// so that a crash loses nothing. The editor screen only draws this object and feeds it input.
//
// Undo history: each operation stores the one byte range that differs before and after it (the
// common prefix and suffix are not stored), so typing in a 1,000-node file costs bytes, not
// copies of the file. The history is bounded (Options::undoLimitEntries and undoLimitBytes; the
// oldest steps go first). Consecutive edits of the same text field merge into one step until
// breakUndoGroup() is called (the editor calls it when the field loses focus).
//
// Backups: save() keeps the previous version of the file as ".<name>.bak" beside it (one
// generation, the same backup `counterplay strings import` keeps; see SaveEdit.h).
//
// Recovery: writeRecovery() stores the unsaved text in dataDir()/recovery/<key>.recovery, the key
// being a hash of the file's absolute path. recoverable(path) finds it after a crash; recover()
// takes it back as one undoable step. save() and discardRecovery() remove it.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Diagnostic.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/Text.h"
#include "counterplay/core/Transcript.h"  // kTimeoutChoice
#include "counterplay/core/YamlDocument.h"

namespace counterplay::core {

/// Something in a node that leads to another node: choice `choice` (file index) of node `node`,
/// or its timeout branch when `choice` is kTimeoutChoice.
struct BranchRef {
    std::string node;
    int choice = 0;
};

/// A reference that a node deletion leaves pointing at nothing.
struct DanglingRef {
    std::string node;      ///< the node holding the reference
    int choice = 0;        ///< choice file index, or kTimeoutChoice
    std::string choiceId;  ///< the choice's id ("<node>.timeout" for a timeout)
};

/// What deleting a node would break (previewDelete) or broke (deleteNode).
struct DeletePreview {
    bool exists = false;
    bool isStart = false;               ///< the node is the scenario's start
    std::vector<DanglingRef> dangling;  ///< references from other nodes, in file order
};

/// A node to add: one line, then either an ending or one choice.
struct NewNode {
    std::string id;
    std::string speaker = "customer";
    Text line;
    bool ending = false;
    std::string endingKind = "resolved";  ///< ending only
    Text endingTitle;                     ///< ending only
    Text choiceText;                      ///< choice node only
    Text choiceFeedback;                  ///< choice node only
    std::string next;                     ///< choice node only: where its choice leads
};

/// A choice to add.
struct NewChoice {
    std::string id;  ///< empty: no `id:` key (the default "<node>.<index>" id)
    Text text;
    Text feedback;
    std::string next;
};

/// A line to add to a node.
struct NewLine {
    std::string speaker = "customer";  ///< "customer" writes no `speaker:` key (the default)
    std::string expression;            ///< empty: no `expression:` key
    Text text;
};

/// The lists of allowed values the format gives (docs/scenario-format.md), for the editor's
/// pickers.
enum class ValueList { Speaker, Expression, EndingKind, Setting };

/// One change of a batch (EditSession::applyBatch): one language of a text, a node's id (renamed
/// with every reference to it, as renameNode does), or an explicit choice id.
struct BatchEdit {
    enum class Kind { Text, NodeId, ChoiceId };
    Kind kind = Kind::Text;
    std::string path;      ///< Text: the text map's document path
    Lang lang = Lang::En;  ///< Text: the language set
    std::string node;      ///< NodeId: the node renamed; ChoiceId: the choice's node
    int choice = 0;        ///< ChoiceId: the choice's file index
    std::string value;     ///< the new text or id
};

/// The file on disk compared with the version last opened or saved.
enum class DiskStatus { Unchanged, Changed, Missing };

/// A recovery file left by an editing session that did not save.
struct RecoveryInfo {
    std::string path;            ///< the scenario file it belongs to (absolute)
    std::string recoveryFile;    ///< where the unsaved text is kept
    std::int64_t savedAtMs = 0;  ///< when it was written (Unix epoch ms)
    bool baseChanged = false;    ///< the file on disk changed since the edits began
};

/// Where an editing session finds the catalogue and keeps recovery files, and how much undo
/// history it keeps.
struct EditOptions {
    /// The principle catalogue; empty: principles.yaml next to the file or above it.
    std::string cataloguePath;
    /// Folder of recovery files; empty: dataDir()/recovery.
    std::string recoveryDir;
    std::size_t undoLimitEntries = 1000;
    std::size_t undoLimitBytes = 64u << 20;
};

/// The outcome of save().
enum class SaveResult { Saved, Unchanged, ChangedOnDisk, Failed };

class EditSession {
public:
    using Options = EditOptions;

    /// An operation in progress (internal to the operations; defined in the core's sources).
    class Draft;

    /// Opens a scenario file for editing. nullptr and `error` when it cannot be read, is not a
    /// regular file, or is not well-formed YAML (content errors do not stop editing: they are in
    /// diagnostics()).
    static std::unique_ptr<EditSession> open(const std::string& path, std::string& error);
    static std::unique_ptr<EditSession> open(const std::string& path, std::string& error,
                                             const Options& options);

    // ---- what is open ------------------------------------------------------------------------

    const std::string& path() const { return path_; }
    /// The current bytes (what save() would write).
    const std::string& text() const { return doc_.bytes(); }
    const YamlDocument& document() const { return doc_; }
    /// The model loaded from text(); may be partial when diagnostics() has errors.
    std::shared_ptr<const Scenario> scenario() const { return load_.scenario; }
    const std::vector<Diagnostic>& diagnostics() const { return load_.diagnostics; }
    /// True when the current text loads without errors (it can be played and analysed).
    bool loadsCleanly() const { return load_.ok(); }
    /// Typing in a text field (setLineText, setChoiceText, setFeedback on an existing value)
    /// takes a fast path: the document is updated in place and the text patched into a copy of
    /// the model, without loading the file again (a full load of a 1,000-node file takes
    /// ~150 ms). diagnostics() and the model's contentHash are then those of the last full load
    /// until reloadModel() runs; the editor calls it when typing pauses. Every other operation,
    /// undo and redo load fully.
    bool modelReloadPending() const { return reloadPending_; }
    void reloadModel();

    /// With deferred loads on (the editor's UI), a structural edit, undo or redo updates the
    /// document but not the model: modelReloadPending() turns true and scenario() stays the last
    /// model until the caller loads pendingLoad() on a worker and hands the result to
    /// applyModelLoad(), so no frame waits for a full load of a big file. An operation that needs
    /// the model meanwhile (the next edit) loads it first, so edits never work on a stale one.
    void setDeferredLoads(bool on) { deferLoads_ = on; }
    /// Everything a worker needs to load the current text (a copy: the session may change on).
    struct ModelLoadJob {
        std::uint64_t generation = 0;
        std::string text;
        std::string path;
        std::shared_ptr<const Catalogue> catalogue;
    };
    /// Counts changes of the text; a load is current when its generation equals this.
    std::uint64_t textGeneration() const { return textGeneration_; }
    ModelLoadJob pendingLoad() const { return {textGeneration_, text(), path_, catalogue_}; }
    /// Takes a model loaded (e.g. on a worker) from pendingLoad(); false, and nothing changes,
    /// when the text has changed since that job was taken.
    bool applyModelLoad(std::uint64_t generation, ScenarioLoad load);
    const Catalogue* catalogue() const { return catalogue_.get(); }
    /// The node the last operation, undo or redo concerned (for the editor to select), or "".
    const std::string& focusNode() const { return focus_; }
    /// The last operation's error (also returned by each operation).
    const std::string& lastError() const { return error_; }

    // ---- edit operations: false and lastError() when refused (nothing changes) ---------------

    /// Sets one language of a text map (e.g. "nodes.greet.lines[0].text"); the ko/en key or the
    /// whole `{ko, en}` map is added when missing.
    bool setText(const std::string& textPath, Lang lang, std::string_view value);
    bool setLineText(const std::string& node, int line, Lang lang, std::string_view value);
    bool setChoiceText(const std::string& node, int choice, Lang lang, std::string_view value);
    /// The feedback of a choice or of the timeout branch.
    bool setFeedback(const BranchRef& where, Lang lang, std::string_view value);
    /// A line's expression; empty removes the key (the face follows the mood).
    bool setExpression(const std::string& node, int line, std::string_view expression);
    /// A choice's condition; empty removes it. Check it first with checkCondition().
    bool setCondition(const std::string& node, int choice, std::string_view source);
    /// Where a choice or the timeout leads.
    bool setNext(const BranchRef& where, std::string_view target);
    /// Replaces the effects (an empty list removes the key). Flags are written true/false.
    bool setEffects(const BranchRef& where, const std::vector<Effect>& effects);
    /// Replaces the points per principle (empty removes the key).
    bool setPoints(const BranchRef& where, const Points& points);
    /// Replaces the tags (empty removes the key).
    bool setTags(const BranchRef& where, const std::vector<std::string>& tags);
    /// Sets a choice's `id:` (added when missing).
    bool setChoiceId(const std::string& node, int choice, std::string_view id);
    /// Sets the node's time limit, adding `time_limit` (with `next` and an empty feedback to
    /// fill in) when the node has none; `next` is ignored when it already exists.
    /// `feedback` is the new timeout branch's feedback (ignored when the time limit exists).
    bool setTimeLimit(const std::string& node, int seconds, std::string_view next = {},
                      const Text& feedback = {});
    bool removeTimeLimit(const std::string& node);

    /// Applies every edit of `edits` as ONE undo step labelled `label` (search and replace:
    /// "replace all" undoes at once); nothing changes when any edit is refused. `focus` is the
    /// node the editor selects after it, undo and redo.
    bool applyBatch(const std::vector<BatchEdit>& edits, Text label, std::string focus);

    /// Adds a node at the end of `nodes:`.
    bool addNode(const NewNode& node);
    /// Copies node `from` as `to` right after it; explicit choice ids in the copy get a
    /// "-2" (or "-3", ...) suffix so that they stay unique.
    bool duplicateNode(const std::string& from, const std::string& to);
    /// Renames a node and every reference to it: `start`, each choice's `next` and each
    /// `time_limit.next`. (Conditions name state variables, never nodes.)
    bool renameNode(const std::string& from, const std::string& to);
    /// What deleting the node would leave dangling; ask the trainer with this first.
    DeletePreview previewDelete(const std::string& node) const;
    /// Deletes the node; `report` (when given) receives what now dangles (previewDelete's list).
    bool deleteNode(const std::string& node, DeletePreview* report = nullptr);

    /// Inserts a choice at file index `index` (0 = first; the number of choices = last).
    bool addChoice(const std::string& node, int index, const NewChoice& choice);
    bool deleteChoice(const std::string& node, int index);
    /// Moves choice `from` to position `to` (file indices).
    bool moveChoice(const std::string& node, int from, int to);

    // ---- lines (EditNodeOperations.cpp) -------------------------------------------------------

    /// Inserts a line at `index` (0 = first; the number of lines = last).
    bool addLine(const std::string& node, int index, const NewLine& line);
    /// Deletes a line; refused for a node's only line (a node needs one).
    bool deleteLine(const std::string& node, int index);
    /// Moves line `from` to position `to`.
    bool moveLine(const std::string& node, int from, int to);
    /// A line's speaker; "customer" (the default) or empty removes the key.
    bool setSpeaker(const std::string& node, int line, std::string_view speaker);

    // ---- endings -----------------------------------------------------------------------------

    /// An ending's kind (loyal, resolved, lost, escalated).
    bool setEndingKind(const std::string& node, std::string_view kind);
    /// Turns a node with choices into an ending: its choices, time limit and `shuffle` go, an
    /// `ending:` with `kind` and `title` comes instead. What pointed at the node stays.
    bool makeEnding(const std::string& node, std::string_view kind, const Text& title);
    /// Turns an ending back into a node with one choice (`choice`).
    bool makeChoiceNode(const std::string& node, const NewChoice& choice);

    // ---- the scenario card ---------------------------------------------------------------------

    /// Sets one scalar of the scenario's own fields: `setting`, `difficulty`, `pass_threshold`
    /// (empty removes it: the default), `customer.mood` or `customer.trust`. Other keys are
    /// refused (texts go through setText: "title", "summary", "customer.name").
    bool setScenarioField(std::string_view key, std::string_view value);
    /// Replaces the `principles:` list (catalogue ids).
    bool setPrinciples(const std::vector<std::string>& ids);

    // ---- questions for the editor
    // ----------------------------------------------------------------

    /// A readable choice id for a new choice of `node` that no choice of the scenario has yet:
    /// "<node>.choice-<n>".
    std::string freshChoiceId(const std::string& node) const;
    /// True when a branch of `from` leading to `target` would close a loop (target already
    /// reaches `from`, or is `from`).
    bool makesLoop(const std::string& from, const std::string& target) const;
    /// Every node that a branch of `from` must not lead to (they reach `from`; `from` itself
    /// too): one pass over the graph, for the editor's Next combo.
    std::set<std::string> loopTargets(const std::string& from) const;
    /// The values the format allows for a speaker, an expression, an ending kind or a setting.
    static std::vector<std::string> allowedValues(ValueList which);

    // ---- undo and redo -----------------------------------------------------------------------

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    /// What undo()/redo() would do, in ko and en, e.g. "rename node 'a' to 'b'"; empty when
    /// there is nothing to undo or redo.
    Text undoLabel() const;
    Text redoLabel() const;
    bool undo();
    bool redo();
    /// Ends the current typing group: the next text edit is a step of its own.
    void breakUndoGroup() { mergeOpen_ = false; }
    std::size_t undoSteps() const { return undo_.size(); }
    /// Bytes the undo and redo history hold.
    std::size_t historyBytes() const { return historyBytes_; }

    // ---- saving and the file on disk ---------------------------------------------------------

    /// True when text() differs from the version last opened or saved (the unsaved marker).
    bool dirty() const { return text() != savedText_; }
    /// Writes text() (temp file, fsync, rename) keeping ".<name>.bak"; refuses a target that is
    /// not a regular file. Without `force`, refuses (ChangedOnDisk) when the file changed on disk
    /// since it was opened or last saved. Removes the recovery file on success.
    SaveResult save(bool force = false);
    /// Compares the file on disk with the version last opened or saved: size and modification
    /// time first, then the SHA-256 of the bytes (a touch without a change is Unchanged).
    DiskStatus checkDisk() const;
    /// Takes the file's current bytes from disk as one undoable step (undo brings the edits
    /// back); they become the saved version. False when the file cannot be read.
    bool reloadFromDisk();

    // ---- recovery ----------------------------------------------------------------------------

    /// True when there are edits that no recovery file holds yet (call writeRecovery soon).
    bool recoveryDue() const { return recoveryText_ != text() && dirty(); }
    /// Writes the recovery file (or removes it when nothing is unsaved). The editor calls this a
    /// second or two after the last edit.
    bool writeRecovery();
    /// Removes the recovery file (the trainer chose not to keep the unsaved edits).
    void discardRecovery();
    /// A recovery file for `path` whose text differs from the file, if any.
    static std::optional<RecoveryInfo> recoverable(const std::string& path,
                                                   const Options& options = Options{});
    /// Takes the recovery file's text as one undoable step. False when there is none.
    bool recover();
    /// The recovery file used for `path`.
    static std::string recoveryPathFor(const std::string& path, const Options& options = Options{});

    // ---- paths into the document (model paths as YamlDocument uses them) ----------------------

    static std::string nodePath(const std::string& node);
    static std::string linePath(const std::string& node, int line);
    static std::string choicePath(const std::string& node, int choice);
    /// The choice's path, or the node's `time_limit` for a timeout.
    static std::string branchPath(const BranchRef& where);

private:
    EditSession() = default;

    struct Change {
        std::size_t offset = 0;
        std::string before, after;
        Text label;
        std::string focus, mergeKey;
    };
    struct DiskStamp {
        bool exists = false;
        std::int64_t mtimeNs = 0;
        std::int64_t size = 0;
        std::string hash;
    };

    bool edit(Text label, std::string focus, const std::function<bool(Draft&)>& steps,
              std::string mergeKey = {});
    bool fastText(const std::string& textPath, Lang lang, std::string_view value,
                  const std::function<Text*(Scenario&)>& field);
    void pushChange(Change c);
    bool commit(std::string newText, YamlDocument* parsed, Text label, std::string focus,
                std::string mergeKey);
    bool setBytes(std::string bytes, YamlDocument* parsed);
    void applyChange(const Change& c, bool forward);
    void trimHistory();
    bool fail(std::string message);
    std::string branchFocus(const BranchRef& where) const;
    static DiskStamp stampOf(const std::string& path, const std::string* knownBytes);

    Options options_;
    std::string path_;
    YamlDocument doc_;
    ScenarioLoad load_;
    std::shared_ptr<const Catalogue> catalogue_;
    std::string savedText_;
    mutable DiskStamp disk_;
    std::string recoveryText_;
    std::deque<Change> undo_, redo_;
    std::size_t historyBytes_ = 0;
    bool mergeOpen_ = false;
    bool reloadPending_ = false;
    bool deferLoads_ = false;
    bool fullLoadPending_ = false;  // a deferred structural load (the model lacks structure)
    std::uint64_t textGeneration_ = 0;
    std::string focus_;
    std::string error_;
};

}  // namespace counterplay::core
