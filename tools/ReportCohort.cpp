// `counterplay report --html/--csv` (see ReportCohort.h).
#include "ReportCohort.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "Common.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/CohortReport.h"
#include "counterplay/core/CohortReportViews.h"
#include "counterplay/core/Loader.h"

namespace counterplay::tools {
namespace fs = std::filesystem;

void addCohortReportOptions(CLI::App& app, CohortReportFlags& f) {
    app.add_option("--html", f.html,
                   "Write the printable team report (self-contained HTML) to FILE");
    app.add_option("--csv", f.csv,
                   "Write the team table (a row per trainee, a column per principle, who is "
                   "signed off) as CSV to FILE; the coaching notes and sign-offs one per row: "
                   "`counterplay export --format csv --coaching`");
    app.add_flag("--summary", f.summary,
                 "--html: a short report (team table with practise next and sign-offs, heatmap, "
                 "trends, the three commonest wrong turns per scenario, coaching in brief)");
    app.add_option("--min-group", f.minGroup,
                   "Hide team averages over fewer trainees than this (default 3)");
    app.add_option("--trend", f.trend, "Trend periods: day, week or month (default: by the span)")
        ->check(CLI::IsMember({"day", "week", "month"}));
    app.add_option("--search", f.search, "Only trainees whose name or key contains TEXT");
    auto* passed = app.add_flag("--passed", f.passedOnly, "Only passed attempts");
    app.add_flag("--failed", f.failedOnly, "Only failed attempts")->excludes(passed);
    app.add_option("--scenarios", f.scenariosDir,
                   "Folder of scenario files, for option texts and the best options (default: "
                   "the shipped scenarios)");
}

bool wantsCohortReport(const CohortReportFlags& f) { return !f.html.empty() || !f.csv.empty(); }

namespace {

struct LoadedScenarios {
    std::vector<std::shared_ptr<const core::Scenario>> scenarios;
    std::vector<core::Analysis> analyses;
};

LoadedScenarios loadScenarios(const std::string& dir, const core::Catalogue* catalogue) {
    LoadedScenarios out;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file(ec)) continue;
        if (e.path().extension() == ".yaml" && e.path().filename() != "principles.yaml")
            files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());  // the game's library order
    for (const std::string& f : files) {
        core::ScenarioLoad load = core::loadScenarioFile(f, catalogue);
        if (!load.ok()) continue;
        bool duplicate = false;
        for (const auto& s : out.scenarios) duplicate = duplicate || s->id == load.scenario->id;
        if (duplicate) continue;
        out.scenarios.push_back(load.scenario);
    }
    out.analyses.reserve(out.scenarios.size());
    for (const auto& s : out.scenarios) out.analyses.push_back(core::analyzeScenario(*s));
    return out;
}

std::string describeFilter(const SelectionOptions& sel, const CohortReportFlags& f,
                           core::Lang lang) {
    std::string s;
    auto add = [&](const char* key, const std::string& v) {
        if (!s.empty()) s += ", ";
        s += label(key, lang, {{"v", v}});
    };
    if (!sel.trainee.empty()) add("report.filter.trainee", sel.trainee);
    if (!sel.scenario.empty()) add("report.filter.scenario", sel.scenario);
    if (!sel.since.empty()) add("report.filter.since", sel.since);
    if (!sel.until.empty()) add("report.filter.until", sel.until);
    if (!f.search.empty()) add("report.filter.search", f.search);
    if (f.passedOnly) add("report.filter.passed", "");
    if (f.failedOnly) add("report.filter.failed", "");
    return s;
}

}  // namespace

int runCohortReport(const core::ResultsStore& store, const core::AttemptFilter& filter,
                    const SelectionOptions& sel, const CohortReportFlags& f, core::Lang lang,
                    const AlteredSource& altered) {
    if (f.minGroup < 1) {
        std::cerr << "counterplay report: " << label("report.bad-min-group", lang) << '\n';
        return kExitUsage;
    }
    // A target that cannot be written is refused before the report is computed.
    for (const auto& [option, path] : {std::pair{"--html", f.html}, std::pair{"--csv", f.csv}}) {
        std::string resolved, why;
        core::Problem problem;
        if (!path.empty() && !core::resolveWriteTarget(path, resolved, why, &problem)) {
            std::cerr << "counterplay report: "
                      << label("report.out", lang,
                               {{"option", option}, {"reason", problemText(problem, lang, why)}})
                      << '\n';
            return kExitUsage;
        }
    }
    core::CohortReportOptions o;
    o.lang = lang;
    o.summary = f.summary;
    o.dashboard.minGroupSize = f.minGroup;
    if (!filter.traineeKey.empty()) o.filter.traineeKeys = {filter.traineeKey};
    if (!filter.scenarioId.empty()) o.filter.scenarioIds = {filter.scenarioId};
    o.filter.sinceMs = filter.sinceMs;
    o.filter.untilMs = filter.untilMs;
    o.filter.nameSearch = f.search;
    if (f.passedOnly) o.filter.outcome = core::DashboardFilter::Outcome::Passed;
    if (f.failedOnly) o.filter.outcome = core::DashboardFilter::Outcome::Failed;
    o.filterText = describeFilter(sel, f, lang);

    const std::string cataloguePath = f.catalogue.empty() ? defaultCataloguePath() : f.catalogue;
    const core::CatalogueLoad cat = core::loadCatalogueFile(cataloguePath);
    if (!cat.ok())
        std::cerr << "counterplay report: " << label("report.no-catalogue", lang) << '\n';
    o.catalogue = cat.ok() ? cat.catalogue.get() : nullptr;
    if (o.catalogue)  // heatmap columns in the order trainees learn the principles
        for (const core::Principle& p : o.catalogue->principles)
            o.dashboard.principleOrder.push_back(p.id);
    const std::string dir = !f.scenariosDir.empty() ? f.scenariosDir
                            : cataloguePath.empty()
                                ? std::string("scenarios")
                                : fs::path(cataloguePath).parent_path().string();
    const LoadedScenarios loaded = loadScenarios(dir, o.catalogue);
    if (loaded.scenarios.empty())
        std::cerr << "counterplay report: " << label("report.no-scenarios", lang, {{"dir", dir}})
                  << '\n';
    for (std::size_t i = 0; i < loaded.scenarios.size(); ++i) {
        const core::Scenario& s = *loaded.scenarios[i];
        o.scenarios[s.id] = {&s, &loaded.analyses[i]};
        o.dashboard.library.push_back({s.id, s.difficulty, s.principles});
    }
    std::string wordsError;
    const core::ExportStrings words(exportStringsPath(), lang, wordsError);
    if (!wordsError.empty()) std::cerr << "counterplay report: " << wordsError << '\n';
    o.strings = &words;

    try {
        std::vector<core::AttemptRowsDigest> digests;
        const core::Cohort cohort = core::Cohort::load(store, altered ? &digests : nullptr);
        if (altered) {
            // Only the attempts this report covers are checked (digests and attempts are both
            // in id order, so the selection picks its digests by index).
            const auto selected = cohort.select(o.filter);
            if (selected.size() == digests.size()) {
                o.altered = altered(digests);  // every attempt: no copy
            } else {
                std::vector<core::AttemptRowsDigest> covered;
                covered.reserve(selected.size());
                for (std::uint32_t i : selected) covered.push_back(std::move(digests[i]));
                digests.clear();
                o.altered = altered(covered);
            }
        }
        for (const auto& [id, reason] : o.altered)
            o.filter.excludeAttemptIds.push_back(id);  // sorted
        // Sign-offs and notes behind the same selection (altered attempts' notes left out too).
        const core::ReportCoaching coaching = core::loadReportCoaching(store, cohort, o.filter);
        o.coaching = &coaching;
        if (f.trend.empty()) {
            // Days for up to a month, weeks for up to half a year, else months.
            const auto sel = cohort.select(o.filter);
            std::int64_t lo = 0, hi = 0;
            for (std::size_t k = 0; k < sel.size(); ++k) {
                const std::int64_t t = cohort.attempts()[sel[k]].endedAtMs;
                lo = k ? std::min(lo, t) : t;
                hi = k ? std::max(hi, t) : t;
            }
            const double days = double(hi - lo) / 86400000.0;
            o.bucket = days <= 31    ? core::TrendBucket::Day
                       : days <= 183 ? core::TrendBucket::Week
                                     : core::TrendBucket::Month;
        } else {
            o.bucket = f.trend == "day"    ? core::TrendBucket::Day
                       : f.trend == "week" ? core::TrendBucket::Week
                                           : core::TrendBucket::Month;
        }
        // Every figure once, for both files (the HTML alone prints the decision statistics).
        const core::CohortReportViews views =
            core::computeCohortReportViews(cohort, o, !f.html.empty());
        auto write = [&](const std::string& path, bool html) {
            core::StringSink sink;
            if (html)
                core::writeCohortReportHtml(cohort, o, views, sink);
            else
                core::writeCohortReportCsv(cohort, o, views, sink);
            std::string error;
            if (!core::writeFileAtomic(path, sink.data, error)) {
                std::cerr << "counterplay report: " << writeErrorText(path, error, lang) << '\n';
                return false;
            }
            std::cerr << label(
                             "report.wrote", lang,
                             {{"what", label(html ? "report.what.html" : "report.what.csv", lang)},
                              {"path", path}})
                      << '\n';
            return true;
        };
        if (!f.html.empty() && !write(f.html, true)) return kExitData;
        if (!f.csv.empty() && !write(f.csv, false)) return kExitData;
    } catch (const std::exception& e) {
        std::cerr << "counterplay report: " << exceptionText(e, lang) << '\n';
        return kExitData;
    }
    return kExitOk;
}

}  // namespace counterplay::tools
