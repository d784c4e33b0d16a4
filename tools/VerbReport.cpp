// `counterplay report`: the manager's headless view of stored attempts, grouped per trainee,
// scenario, principle, day or month: attempts, pass rate, mean score, points earned of
// achievable. Text (label last, so wide Korean names do not break the columns) or JSON; with
// --html/--csv the printable team report instead (ReportCohort.cpp).
#include <algorithm>
#include <cstdio>
#include <future>
#include <iostream>

#include "Common.h"
#include "ReportCohort.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/Loader.h"

namespace counterplay::tools {

int reportMain(int argc, char** argv) {
    CLI::App app{
        "Summaries of stored attempts: per trainee (default), scenario, principle, day or "
        "month, with attempts, pass rate, mean score and points earned of achievable. "
        "With --html/--csv: the printable team report (team table, principle heatmap, "
        "trends, decisions, practise next).",
        "counterplay report"};
    std::string by = "trainee", db, langValue, catalogue, scenarios;
    SelectionOptions sel;
    bool json = false;
    app.add_option("--by", by, "trainee, scenario, principle, day or month")
        ->check(CLI::IsMember({"trainee", "scenario", "principle", "day", "month"}));
    addDbOption(app, db);
    addSelectionOptions(app, sel);
    addLangOption(app, langValue);
    app.add_option("--catalogue", catalogue, "Principle catalogue for principle names");
    app.add_flag("--json", json, "Print JSON");
    CohortReportFlags cohortFlags;
    addCohortReportOptions(app, cohortFlags);
    if (auto code = parseCommandLine(app, argc, argv)) return *code;

    const core::Lang lang = resolveLang(langValue);
    core::AttemptFilter filter;
    if (!buildFilter(sel, filter, "report", lang, std::cerr)) return kExitUsage;
    if (!wantsCohortReport(cohortFlags) &&
        (cohortFlags.summary || !cohortFlags.trend.empty() || app.count("--min-group") ||
         !cohortFlags.search.empty() || cohortFlags.passedOnly || cohortFlags.failedOnly)) {
        std::cerr << "counterplay report: " << label("report.needs-output", lang) << '\n';
        return kExitUsage;
    }
    const core::GroupBy groupBy = by == "scenario"    ? core::GroupBy::Scenario
                                  : by == "principle" ? core::GroupBy::Principle
                                  : by == "day"       ? core::GroupBy::Day
                                  : by == "month"     ? core::GroupBy::Month
                                                      : core::GroupBy::Trainee;
    auto store =
        openStoreForVerb(db, core::ResultsStore::Mode::ReadOnly, "report", lang, std::cerr);
    if (!store) return kExitUsage;  // a database that cannot be used
    if (int code = resolveSelection(*store, sel, filter, "report", lang, std::cerr)) return code;
    scenarios = cohortFlags.scenariosDir;
    if (wantsCohortReport(cohortFlags)) {
        // Altered attempts are named here and in the report, and left out of its figures. The
        // cohort load digests the rows it reads; the scenario files for replays load meanwhile.
        const core::Trust trust = loadTrustForVerb("report", std::cerr);
        auto index =
            std::async(std::launch::async, [&scenarios] { return scenarioIndexFor(scenarios); });
        cohortFlags.catalogue = catalogue;
        const AlteredSource altered = [&](const std::vector<core::AttemptRowsDigest>& digests) {
            const auto scenarioIndex = index.get();
            std::map<std::int64_t, std::string> found;
            for (const core::AttemptIntegrity& r :
                 core::checkAttemptDigests(*store, digests, trust, scenarioIndex.get()))
                if (r.status == core::IntegrityStatus::Altered) found[r.attemptId] = r.reason;
            if (!found.empty())
                std::cerr << label("report.altered", lang,
                                   {{"n", std::to_string(found.size())}, {"ids", idList(found)}})
                          << '\n';
            return found;
        };
        const int code = runCohortReport(*store, filter, sel, cohortFlags, lang, altered);
        return code;
    }
    std::shared_ptr<const core::Catalogue> cat;
    if (groupBy == core::GroupBy::Principle) {
        const auto load =
            core::loadCatalogueFile(catalogue.empty() ? defaultCataloguePath() : catalogue);
        if (load.ok()) cat = load.catalogue;
    }
    std::vector<core::GroupSummary> rows;
    std::int64_t total = 0;
    std::map<std::int64_t, std::string> altered;
    try {
        rows = store->summarize(groupBy, filter);
        total = store->countAttempts(filter);
        const auto index = scenarioIndexFor(scenarios);
        altered =
            alteredAttempts(*store, filter, loadTrustForVerb("report", std::cerr), index.get());
    } catch (const std::exception& e) {
        std::cerr << "counterplay report: " << exceptionText(e, lang) << '\n';
        return kExitData;
    }
    auto labelOf = [&](const core::GroupSummary& g) -> std::string {
        if (groupBy == core::GroupBy::Principle) return principleName(cat.get(), g.key, lang);
        if (groupBy == core::GroupBy::Scenario)
            return core::Text{g.labelKo, g.label}.in(lang) + " [" + g.key + "]";
        if (groupBy == core::GroupBy::Trainee && g.label != g.key)
            return g.label + " [" + g.key + "]";
        return g.label;
    };
    if (json) {
        nlohmann::json out = {{"by", by},
                              {"attempts", total},
                              {"rows", nlohmann::json::array()},
                              {"altered", nlohmann::json::array()}};
        for (const auto& [id, reason] : altered)
            out["altered"].push_back({{"id", id}, {"reason", reason}});
        for (const auto& g : rows)
            out["rows"].push_back({{"key", g.key},
                                   {"label", labelOf(g)},
                                   {"attempts", g.attempts},
                                   {"passed", g.passed},
                                   {"pass_rate", g.passRate()},
                                   {"mean_percent", g.meanPercent},
                                   {"earned", g.earned},
                                   {"achievable", g.achievable},
                                   {"first_at", core::formatIsoUtc(g.firstAtMs)},
                                   {"last_at", core::formatIsoUtc(g.lastAtMs)}});
        printJson(std::cout, out);
        return kExitOk;
    }
    const std::string byWord = label("report.by." + by, lang);
    std::cout << (total == 1
                      ? label("report.count-one", lang, {{"by", byWord}})
                      : label("report.count", lang, {{"n", std::to_string(total)}, {"by", byWord}}))
              << "\n\n";
    if (!altered.empty())
        std::cout << label("report.altered", lang,
                           {{"n", std::to_string(altered.size())}, {"ids", idList(altered)}})
                  << "\n\n";
    if (rows.empty()) return kExitOk;
    char line[160];
    // Headings are right-aligned by display width: Korean syllables take two columns.
    auto pad = [](const std::string& s, int width) {
        int cols = 0;
        for (std::size_t i = 0; i < s.size();) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            cols += len >= 3 ? 2 : 1;
            i += static_cast<std::size_t>(len);
        }
        return std::string(static_cast<std::size_t>(std::max(0, width - cols)), ' ') + s;
    };
    std::cout << pad(label("report.col.attempts", lang), 9) << ' '
              << pad(label("report.col.pass", lang), 6) << ' '
              << pad(label("report.col.mean", lang), 6) << ' '
              << pad(label("report.col.points", lang), 18) << "  " << byWord << '\n';
    for (const auto& g : rows) {
        const std::string points = std::to_string(g.earned) + "/" + std::to_string(g.achievable);
        std::snprintf(line, sizeof line, "%9d %5.0f%% %5.0f%% %18s  ", g.attempts,
                      100.0 * g.passRate(), g.meanPercent, points.c_str());
        std::cout << line << labelOf(g) << '\n';
    }
    return kExitOk;
}

}  // namespace counterplay::tools
