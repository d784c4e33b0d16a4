#include "screens/EditorChecks.h"

#include <chrono>

#include "counterplay/core/Lint.h"

namespace counterplay::app {

EditorChecks::EditorChecks() : worker_([this] { run(); }) {}

EditorChecks::~EditorChecks() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void EditorChecks::request(std::uint64_t generation, std::shared_ptr<const core::Scenario> scenario,
                           bool loadsCleanly, core::YamlDocument doc, std::string file) {
    {
        std::lock_guard lock(mutex_);
        queued_ =
            Job{generation, std::move(scenario), loadsCleanly, std::move(doc), std::move(file)};
    }
    wake_.notify_all();
}

std::shared_ptr<const EditorCheckResult> EditorChecks::latest() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

bool EditorChecks::busy() const {
    std::lock_guard lock(mutex_);
    return running_ || queued_.has_value();
}

void EditorChecks::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || queued_.has_value(); });
            if (stop_) return;
            job = std::move(*queued_);
            queued_.reset();
            running_ = true;
        }
        const auto t0 = std::chrono::steady_clock::now();
        auto result = std::make_shared<EditorCheckResult>();
        result->generation = job.generation;
        if (job.clean && job.scenario) {
            result->analysed = true;
            result->analysis = core::analyzeScenario(*job.scenario);
            result->ranges = core::nodeScoreRanges(*job.scenario);
            result->lint = result->analysis.problems;
            for (core::Diagnostic& d :
                 core::authoringDiagnostics(*job.scenario, result->analysis, job.doc, job.file))
                result->lint.push_back(std::move(d));
        }
        result->ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        std::lock_guard lock(mutex_);
        if (!latest_ || latest_->generation <= result->generation) latest_ = std::move(result);
        running_ = false;
    }
}

std::string editorStructureKey(const core::Scenario& sc, core::Lang lang) {
    std::string key = sc.start;
    for (const core::Node& n : sc.nodes) {
        key += '\n' + n.id + (n.ending ? "|E" + n.ending->title.in(lang) : "|");
        if (!n.lines.empty()) key += '|' + n.lines.front().text.in(lang);
        for (const core::Choice& c : n.choices) key += "|>" + c.next + '|' + c.text.in(lang);
        if (n.timeLimit)
            key += "|t" + std::to_string(n.timeLimit->seconds) + '>' + n.timeLimit->next;
    }
    return key;
}

EditorModelLoader::EditorModelLoader() : worker_([this] { run(); }) {}

EditorModelLoader::~EditorModelLoader() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void EditorModelLoader::request(core::EditSession::ModelLoadJob job, core::Lang lang,
                                std::string knownKey) {
    {
        std::lock_guard lock(mutex_);
        requested_ = job.generation;
        queued_ = Job{std::move(job), lang, std::move(knownKey)};
    }
    wake_.notify_all();
}

std::shared_ptr<EditorModelResult> EditorModelLoader::take() {
    std::lock_guard lock(mutex_);
    return std::move(done_);
}

std::uint64_t EditorModelLoader::requested() const {
    std::lock_guard lock(mutex_);
    return requested_;
}

void EditorModelLoader::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || queued_.has_value(); });
            if (stop_) return;
            job = std::move(*queued_);
            queued_.reset();
        }
        const auto t0 = std::chrono::steady_clock::now();
        auto result = std::make_shared<EditorModelResult>();
        result->generation = job.load.generation;
        result->load =
            core::loadScenarioText(job.load.text, job.load.path, job.load.catalogue.get());
        if (result->load.scenario) {
            result->structureKey = editorStructureKey(*result->load.scenario, job.lang);
            if (result->structureKey != job.knownKey) {
                core::LayoutOptions options;
                options.lang = job.lang;
                result->layout = core::layoutScenario(*result->load.scenario, options);
            }
        }
        result->ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        std::lock_guard lock(mutex_);
        if (!done_ || done_->generation <= result->generation) done_ = std::move(result);
    }
}

}  // namespace counterplay::app
