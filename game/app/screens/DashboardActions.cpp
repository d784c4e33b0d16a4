// The dashboard's actions, each run off the UI thread as one job at a time: import JSON exports
// from other machines (core::importJsonExportFile with the keyring; refused files listed with
// their reasons), pull from the LRS (core::pullFromLrs with a progress bar fed by its per-page
// callback), and export the current selection (core::exportToFile, signed as `counterplay export`
// signs, or the HTML cohort report). The cohort is reloaded after an import or a pull.
#include <imgui.h>

#include <atomic>
#include <filesystem>
#include <mutex>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/CohortReport.h"
#include "counterplay/core/Export.h"
#include "counterplay/core/Import.h"
#include "counterplay/core/Keyring.h"
#include "counterplay/core/LrsPull.h"
#include "counterplay/core/LrsSettings.h"
#include "counterplay/core/Xapi.h"
#include "platform/Log.h"
#include "screens/DashboardScreen.h"

namespace counterplay::app {

namespace fs = std::filesystem;

struct DashboardScreen::Job {
    std::string kind;  ///< "import", "pull", "export"
    std::atomic<bool> done{false};
    std::atomic<bool> reload{false};  ///< the store changed: reload the cohort
    std::atomic<std::int64_t> pages{0}, statements{0}, added{0};
    std::mutex mutex;
    std::vector<std::string> lines;  ///< results for the log (guarded)
    void say(std::string line) {
        std::lock_guard lock(mutex);
        logLine("dashboard " + kind + ": " + line);
        lines.push_back(std::move(line));
    }
};

namespace {

const ImVec4 kRed{1.f, 0.45f, 0.42f, 1.f};

std::vector<std::string> jsonFilesIn(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec) && e.path().extension() == ".json") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

void DashboardScreen::pollJob() {
    if (!job_ || !job_->done) return;
    if (jobThread_.joinable()) jobThread_.join();
    {
        std::lock_guard lock(job_->mutex);
        for (std::string& l : job_->lines) actionLog_.push_back(std::move(l));
    }
    if (job_->reload) model_.reload();
    job_.reset();
}

void DashboardScreen::drawActions(const DashboardViews& v) {
    const bool busy = job_ != nullptr;
    // --- Import -------------------------------------------------------------------------------
    ImGui::TextColored({0.96f, 0.76f, 0.35f, 1.f}, "%s", T("dash.import.title"));
    ImGui::TextDisabled("%s", T("dash.import.hint"));
    ImGui::SetNextItemWidth(-200.f);
    ImGui::InputText("##importpath", importPath_.data(), importPath_.size());
    ImGui::SameLine();
    ImGui::BeginDisabled(busy);
    if (ImGui::Button(T("dash.import.run"))) {
        const std::string path = importPath_.data();
        std::vector<std::string> files = jsonFilesIn(path);
        std::error_code ec;
        if (files.empty() && fs::is_regular_file(path, ec)) files.push_back(path);
        if (files.empty()) {
            actionLog_.push_back(F("dash.import.none", {{"path", path}}));
        } else {
            job_ = std::make_shared<Job>();
            job_->kind = "import";
            auto job = job_;
            const std::string db = model_.dbPath();
            const Context& ctx = ctx_;
            jobThread_ = std::thread([job, files, db, &ctx] {
                std::string error;
                auto store = core::ResultsStore::open(db, error);
                if (!store) {
                    job->say(error);
                } else {
                    std::string warning;
                    const core::Trust trust = core::loadTrust(warning);
                    if (!warning.empty()) job->say(warning);
                    for (const std::string& f : files) {
                        const core::ImportResult r = core::importJsonExportFile(*store, f, trust);
                        const std::string name = fs::path(f).filename().string();
                        if (r.ok()) {
                            job->say(ctx.strings.format("dash.import.added", ctx.lang(),
                                                        {{"file", name}, {"added", std::to_string(r.added)},
                                                         {"skipped", std::to_string(r.skipped)},
                                                         {"store", r.signerStore}}));
                            if (r.added > 0) job->reload = true;
                        } else {
                            job->say("! " + ctx.strings.format("dash.import.refused", ctx.lang(),
                                                               {{"file", name}, {"why", r.message}}));
                        }
                    }
                }
                job->done = true;
            });
        }
    }
    ImGui::EndDisabled();
    const std::vector<std::string> listed = jsonFilesIn(importPath_.data());
    if (!listed.empty()) {
        ImGui::TextDisabled("%s", F("dash.import.files", {{"n", std::to_string(listed.size())}}).c_str());
        ImGui::BeginChild("importfiles", ImVec2(0, std::min(90.f, 22.f * listed.size() + 8)), true);
        for (const std::string& f : listed) ImGui::TextUnformatted(fs::path(f).filename().string().c_str());
        ImGui::EndChild();
    }
    ImGui::Separator();
    // --- Pull from the LRS --------------------------------------------------------------------
    ImGui::TextColored({0.96f, 0.76f, 0.35f, 1.f}, "%s", T("dash.pull.title"));
    ImGui::SetNextItemWidth(420.f);
    ImGui::InputTextWithHint("##lrsurl", T("dash.pull.url"), lrsUrl_.data(), lrsUrl_.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160.f);
    ImGui::InputTextWithHint("##lrskey", T("dash.pull.key"), lrsKey_.data(), lrsKey_.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160.f);
    ImGui::InputTextWithHint("##lrssecret", T("dash.pull.secret"), lrsSecret_.data(), lrsSecret_.size(),
                             ImGuiInputTextFlags_Password);
    ImGui::SameLine();
    ImGui::BeginDisabled(busy || lrsUrl_[0] == '\0');
    if (ImGui::Button(T("dash.pull.run"))) {
        job_ = std::make_shared<Job>();
        job_->kind = "pull";
        auto job = job_;
        core::LrsConfig config;
        config.endpoint = lrsUrl_.data();
        config.key = lrsKey_.data();
        config.secret = lrsSecret_.data();
        const std::string db = model_.dbPath();
        const Context& ctx = ctx_;
        jobThread_ = std::thread([job, config, db, &ctx] {
            std::string error;
            auto store = core::ResultsStore::open(db, error);
            if (!store) {
                job->say(error);
                job->done = true;
                return;
            }
            std::string warning;
            const core::Trust trust = core::loadTrust(warning);
            core::LrsClient client(config);
            client.onRetry([job](const std::string& why, int waitMs) {
                job->say(why + " (" + std::to_string(waitMs) + " ms)");
            });
            core::PullOptions options;
            options.xapi.baseIri = core::defaultXapiBaseIri();
            std::string settingsError;
            if (auto saved = core::loadLrsSettings(settingsError); saved && !saved->baseIri.empty())
                options.xapi.baseIri = saved->baseIri;
            options.progress = [job](const core::PullProgress& p) {
                job->pages = p.pages;
                job->statements = p.statements;
                job->added = p.added;
            };
            try {
                const core::PullResult r = core::pullFromLrs(*store, client, trust, options);
                for (const std::string& why : r.refusals) job->say("! " + why);
                if (r.ok)
                    job->say(ctx.strings.format("dash.pull.done", ctx.lang(),
                                                {{"added", std::to_string(r.totals.added)},
                                                 {"statements", std::to_string(r.totals.statements)},
                                                 {"pages", std::to_string(r.totals.pages)},
                                                 {"known", std::to_string(r.known)},
                                                 {"refused", std::to_string(r.refused)}}));
                else
                    job->say("! " + ctx.strings.format("dash.pull.failed", ctx.lang(),
                                                       {{"why", r.message}, {"added", std::to_string(r.totals.added)}}));
                if (r.totals.added > 0 || r.removed > 0) job->reload = true;
            } catch (const std::exception& e) {
                job->say(std::string("! ") + e.what());
            }
            job->done = true;
        });
    }
    ImGui::EndDisabled();
    if (job_ && job_->kind == "pull") {
        // The LRS does not say how many statements there are: the bar moves with each page read.
        const float phase = static_cast<float>(job_->pages.load() % 20) / 20.f;
        ImGui::ProgressBar(job_->pages.load() == 0 ? -1.f * time_ : std::max(0.05f, phase), ImVec2(-1, 0),
                           F("dash.pull.progress", {{"pages", std::to_string(job_->pages.load())},
                                                    {"statements", std::to_string(job_->statements.load())},
                                                    {"added", std::to_string(job_->added.load())}})
                               .c_str());
    }
    ImGui::Separator();
    // --- Export the selection -----------------------------------------------------------------
    ImGui::TextColored({0.96f, 0.76f, 0.35f, 1.f}, "%s", T("dash.export.title"));
    const auto alteredAll = model_.alteredSnapshot();
    std::map<std::int64_t, std::string> alteredHere;
    for (std::int64_t id : v.selectedIds)
        if (auto it = alteredAll->find(id); it != alteredAll->end()) alteredHere.insert(*it);
    ImGui::TextDisabled("%s", F("dash.export.hint", {{"n", std::to_string(v.selectedIds.size())}}).c_str());
    const char* formats[] = {T("dash.export.csv"), T("dash.export.csv-decisions"), T("dash.export.report"),
                             T("dash.export.xapi"), T("dash.export.json")};
    static const char* kExt[] = {".csv", ".csv", ".html", ".json", ".json"};
    ImGui::SetNextItemWidth(260.f);
    if (ImGui::Combo("##exportformat", &exportFormat_, formats, 5)) {
        fs::path p(exportPath_.data());
        p.replace_extension(kExt[exportFormat_]);
        const std::string s = p.string();
        std::snprintf(exportPath_.data(), exportPath_.size(), "%s", s.c_str());
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-200.f);
    ImGui::InputText("##exportpath", exportPath_.data(), exportPath_.size());
    ImGui::SameLine();
    ImGui::BeginDisabled(busy || v.selectedIds.empty());
    if (ImGui::Button(T("dash.export.run"))) {
        job_ = std::make_shared<Job>();
        job_->kind = "export";
        auto job = job_;
        const std::string db = model_.dbPath(), path = exportPath_.data();
        const int format = exportFormat_;
        const std::vector<std::int64_t> ids = v.selectedIds;
        const auto cohort = model_.cohort();
        const core::DashboardFilter filter = query_.filter;
        const core::DashboardOptions dashOptions = model_.options(query_.minGroupSize);
        Context& ctx = ctx_;
        const auto altered = alteredHere;
        jobThread_ = std::thread([job, db, path, format, ids, cohort, filter, dashOptions, &ctx, altered] {
            std::string error;
            auto store = core::ResultsStore::open(db, error, core::ResultsStore::Mode::ReadOnly);
            if (!store) {
                job->say(error);
                job->done = true;
                return;
            }
            std::string wordsError;
            const core::ExportStrings words(ctx.paths.assetsDir + "/strings/export.json", ctx.lang(), wordsError);
            try {
                if (format == 2) {
                    core::CohortReportOptions o;
                    o.filter = filter;
                    o.dashboard = dashOptions;
                    o.lang = ctx.lang();
                    o.catalogue = ctx.library.catalogue();
                    o.strings = &words;
                    for (const ScenarioEntry& e : ctx.library.entries())
                        o.scenarios[e.scenario->id] = {e.scenario.get(), e.analysis.get()};
                    o.filterText = ctx.strings.format("dash.export.filter-text", ctx.lang(),
                                                      {{"n", std::to_string(ids.size())}});
                    core::StringSink sink;
                    core::writeCohortReportHtml(*cohort, o, sink);
                    if (!core::writeFileAtomic(path, sink.data, error)) throw std::runtime_error(error);
                    job->say(ctx.strings.format("dash.export.done", ctx.lang(),
                                                {{"path", path}, {"n", std::to_string(ids.size())}}));
                } else if (!altered.empty()) {
                    job->say("! " + ctx.strings.format("dash.export.altered", ctx.lang(),
                                                       {{"n", std::to_string(altered.size())}}));
                } else {
                    core::ExportOptions o;
                    o.filter.attemptIds = ids;
                    o.lang = ctx.lang();
                    o.catalogue = ctx.library.catalogue();
                    o.strings = &words;
                    o.csvDecisions = format == 1;
                    const core::ExportFormat f = format <= 1   ? core::ExportFormat::Csv
                                                 : format == 3 ? core::ExportFormat::Xapi
                                                               : core::ExportFormat::Json;
                    core::ExportResult r;
                    if (!core::exportToFile(*store, f, o, path, r, error)) throw std::runtime_error(error);
                    job->say(ctx.strings.format("dash.export.done", ctx.lang(),
                                                {{"path", path}, {"n", std::to_string(r.attempts)}}));
                }
            } catch (const std::exception& e) {
                job->say(std::string("! ") + e.what());
            }
            job->done = true;
        });
    }
    ImGui::EndDisabled();
    if (!alteredHere.empty())
        ImGui::TextColored(kRed, "%s", F("dash.export.altered", {{"n", std::to_string(alteredHere.size())}}).c_str());
    else if (v.excludedAltered > 0)
        ImGui::TextColored(kRed, "%s", T("dash.seals.left-out"));
    ImGui::Separator();
    // --- What happened ------------------------------------------------------------------------
    if (busy) ImGui::TextColored({0.5f, 0.8f, 1.f, 1.f}, "%s", T("dash.working"));
    ImGui::BeginChild("actionlog", ImVec2(0, 0), true);
    for (const std::string& line : actionLog_) {
        if (line.rfind("! ", 0) == 0) ImGui::TextColored(kRed, "%s", line.c_str() + 2);
        else ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::EndChild();
}

}  // namespace counterplay::app
