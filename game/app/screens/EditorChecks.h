// The editor's background checks: the graph analysis (best and worst totals, can pass / can
// fail, per-node reachable ranges) and the lint authoring checks of the open scenario, computed
// on a worker thread so that a 1,000-node scenario never stalls a frame. The editor requests a
// run after each full model load; the latest finished result is kept, older requests are dropped.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/Diagnostic.h"
#include "counterplay/core/EditSession.h"
#include "counterplay/core/GraphLayout.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/YamlDocument.h"

namespace counterplay::app {

/// What one background run found for one version of the scenario.
struct EditorCheckResult {
    std::uint64_t generation = 0;  ///< the request it answers
    bool analysed = false;         ///< the scenario loaded cleanly, so the analysis ran
    core::Analysis analysis;
    std::vector<core::NodeScoreRange> ranges;  ///< per node, in file order
    std::vector<core::Diagnostic> lint;        ///< analysis problems + authoring checks
    double ms = 0.0;
};

class EditorChecks {
public:
    EditorChecks();
    ~EditorChecks();
    EditorChecks(const EditorChecks&) = delete;
    EditorChecks& operator=(const EditorChecks&) = delete;

    /// Queues a run over this version (a copy of the document and the model it loaded to);
    /// a run still queued is replaced.
    void request(std::uint64_t generation, std::shared_ptr<const core::Scenario> scenario,
                 bool loadsCleanly, core::YamlDocument doc, std::string file);
    /// The newest finished result (null before the first one).
    std::shared_ptr<const EditorCheckResult> latest() const;
    /// True while a run is queued or running.
    bool busy() const;

private:
    struct Job {
        std::uint64_t generation = 0;
        std::shared_ptr<const core::Scenario> scenario;
        bool clean = false;
        core::YamlDocument doc;
        std::string file;
    };
    void run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Job> queued_;
    bool running_ = false;
    bool stop_ = false;
    std::shared_ptr<const EditorCheckResult> latest_;
    std::thread worker_;
};

/// What the graph layout depends on: node ids, endings, edges, and the texts of the labels it
/// draws (their length sets the box widths). Equal keys give equal layouts.
std::string editorStructureKey(const core::Scenario& sc, core::Lang lang);

/// A full model load of the edited text, and its graph layout when the structure changed.
struct EditorModelResult {
    std::uint64_t generation = 0;  ///< the session's textGeneration it was loaded from
    core::ScenarioLoad load;
    std::string structureKey;
    std::optional<core::GraphLayout> layout;  ///< only when structureKey differs from the job's
    double ms = 0.0;
};

/// Loads the edited scenario on a worker thread after a structural edit, undo or redo (a full
/// load of a 1,000-node file and its layout take a few hundred milliseconds on a busy machine;
/// the frame must not wait for them). Same pattern as EditorChecks: one job queued at a time,
/// a newer request replaces a queued one, the newest result is kept.
class EditorModelLoader {
public:
    EditorModelLoader();
    ~EditorModelLoader();
    EditorModelLoader(const EditorModelLoader&) = delete;
    EditorModelLoader& operator=(const EditorModelLoader&) = delete;

    /// Queues a load of `job`; the layout is computed (for `lang`) unless the loaded structure
    /// has `knownKey`.
    void request(core::EditSession::ModelLoadJob job, core::Lang lang, std::string knownKey);
    /// Takes the newest finished result (null when none arrived since the last take).
    std::shared_ptr<EditorModelResult> take();
    /// The generation of the last request (0 before the first).
    std::uint64_t requested() const;

private:
    struct Job {
        core::EditSession::ModelLoadJob load;
        core::Lang lang = core::Lang::En;
        std::string knownKey;
    };
    void run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Job> queued_;
    std::uint64_t requested_ = 0;
    bool stop_ = false;
    std::shared_ptr<EditorModelResult> done_;
    std::thread worker_;
};

}  // namespace counterplay::app
