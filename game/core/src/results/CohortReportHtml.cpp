// The cohort report as printable HTML (see CohortReport.h): one self-contained document with the
// team table (with who is signed off), the principle heatmap, trends, per-decision statistics,
// practise next and coaching (CohortReportCoaching.cpp); styles in CohortReportStyle.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

#include "counterplay/core/CohortReport.h"
#include "counterplay/core/CohortReportViews.h"
#include "results/CohortReportParts.h"
#include "results/ExportCommon.h"
#include "results/HtmlParts.h"

namespace counterplay::core {
namespace {

using html::text;

std::string pct(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", v);
    return buf;
}

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

class Writer {
public:
    Writer(const Cohort& c, const CohortReportOptions& o, const ExportStrings& w)
        : cohort(c), opt(o), words(w) {
        exportOptions.lang = o.lang;
        exportOptions.catalogue = o.catalogue;
        exportOptions.strings = &w;
    }

    const Cohort& cohort;
    const CohortReportOptions& opt;
    const ExportStrings& words;
    ExportOptions exportOptions;
    std::string b;
    std::map<std::string, std::string> names;  // trainee key -> name

    html::Context context() const {
        return {exportOptions, words,         opt.lang,
                std::string(), std::string(), opt.generatedAtMs ? opt.generatedAtMs : nowEpochMs()};
    }
    std::string w(std::string_view key,
                  std::initializer_list<std::pair<const char*, std::string>> args = {}) const {
        return words.get(key, args);
    }
    std::string principle(const std::string& id) const {
        return report::principleLabel(opt.catalogue, id, opt.lang);
    }
    std::string figure(const Figure& f, bool rate = false) const {
        switch (f.state) {
            case Figure::State::Value:
                return pct(rate ? f.value * 100 : f.value);
            case Figure::State::NotApplicable:
                return w("report.na");
            case Figure::State::Hidden:
                return w("report.hidden", {{"n", std::to_string(opt.dashboard.minGroupSize)}});
        }
        return {};
    }
    void th(std::string_view key, bool num = false) {
        b += num ? "<th class=\"num\">" : "<th>";
        text(b, w(key));
        b += "</th>";
    }
    void td(const std::string& s, bool num = false) {
        b += num ? "<td class=\"num\">" : "<td>";
        text(b, s);
        b += "</td>";
    }
    void h2(std::string_view key) {
        b += "<h2>";
        text(b, w(key));
        b += "</h2>\n";
    }
    /// A summary cell's text held to one line (`lines` 1) or two (the whole text in its
    /// tooltip), so a team of 50 keeps to a few pages.
    void clamped(const std::string& s, int lines = 2) {
        b += lines == 1 ? "<div class=\"clamp one\" title=\"" : "<div class=\"clamp\" title=\"";
        text(b, s);
        b += "\">";
        text(b, s);
        b += "</div>";
    }
    void traineeCell(const std::string& name, const std::string& key, const char* cls = nullptr) {
        b += cls ? std::string("<td class=\"") + cls + "\">" : std::string("<td>");
        text(b, name);
        if (key != name) {  // the key keeps namesakes apart
            b += " <span class=\"key\">";
            text(b, key);
            b += "</span>";
        }
        b += "</td>";
    }
    std::string choiceLabel(const Text& t, int index, const std::string& id) const {
        if (!t.empty()) return t.in(opt.lang);
        if (index == kTimeoutChoice) return w("report.timeout");
        return id;
    }

    void header(const std::vector<TeamRow>& team, const std::vector<std::uint32_t>& sel) {
        b += opt.summary ? "<section class=\"page report sum\">\n"
                         : "<section class=\"page report\">\n";
        b += "<div class=\"top\"><div><div class=\"brand\">";
        text(b, w("brand"));
        b += "</div><h1>";
        text(b, w(opt.summary ? "report.title-summary" : "report.title"));
        b += "</h1><div class=\"subtitle\">";
        text(b, opt.filterText.empty() ? w("report.all") : opt.filterText);
        b += "</div></div><dl class=\"meta\">";
        auto meta = [&](std::string_view key, const std::string& value) {
            b += "<dt>";
            text(b, w(key));
            b += "</dt><dd>";
            text(b, value);
            b += "</dd>";
        };
        meta("report.generated", localDateTime(context().exportedAtMs));
        meta("report.attempts", std::to_string(sel.size()));
        meta("report.trainees", std::to_string(team.size()));
        if (!sel.empty()) {
            std::int64_t first = cohort.attempts()[sel.front()].endedAtMs, last = first;
            for (std::uint32_t i : sel) {
                first = std::min(first, cohort.attempts()[i].endedAtMs);
                last = std::max(last, cohort.attempts()[i].endedAtMs);
            }
            meta("report.period",
                 localDateTime(first).substr(0, 10) + " - " + localDateTime(last).substr(0, 10));
        }
        b += "</dl></div>\n";
        if (!opt.altered.empty()) {
            std::string ids;
            for (const auto& [id, reason] : opt.altered)
                ids += (ids.empty() ? "#" : ", #") + std::to_string(id);
            b += "<div class=\"altered-banner\">";
            text(b, w("report.altered-banner",
                      {{"n", std::to_string(opt.altered.size())}, {"ids", ids}}));
            b += "</div>\n";
        }
    }

    void teamTable(const std::vector<TeamRow>& team, const std::vector<TraineeAdvice>& advice) {
        h2("report.team");
        b += "<table><thead><tr>";
        th("label.trainee");
        th("report.col.attempts", true);
        th("report.col.passed-of", true);
        th("report.col.mean", true);
        th("report.col.last", true);
        th("report.col.median-s", true);
        th("report.col.last-active");
        if (opt.coaching) th("report.col.signed-off");
        if (opt.summary) th("report.col.practise");
        b += "</tr></thead><tbody>\n";
        std::map<std::string, const TraineeAdvice*> adviceOf;
        for (const auto& a : advice) adviceOf[a.key] = &a;
        for (const TeamRow& r : team) {
            b += "<tr>";
            traineeCell(r.name, r.key, "who");
            td(std::to_string(r.attempts), true);
            td(std::to_string(r.scenariosPassed) + " / " + std::to_string(r.scenariosAvailable),
               true);
            td(pct(r.meanPercent), true);
            td(pct(r.lastPercent), true);
            td(fixed1(r.medianSecondsPerDecision), true);
            b += "<td class=\"when\">";
            // The summary gives the day only, leaving room for practise next.
            text(b, opt.summary ? localDateTime(r.lastActiveMs).substr(0, 10)
                                : localDateTime(r.lastActiveMs));
            b += "</td>";
            if (opt.coaching) {  // who is ready for the floor, and for what
                const std::string so = report::signedOffText(
                    report::signOffsOf(opt.coaching, r.key), words, opt.catalogue, opt.lang);
                b += "<td class=\"so\">";
                if (!so.empty()) {
                    b += "<span class=\"tick\">&#10003;</span> ";
                    text(b, so);
                }
                b += "</td>";
            }
            if (opt.summary) {
                auto it = adviceOf.find(r.key);
                b += "<td class=\"advice\">";
                if (it != adviceOf.end()) clamped(practiseText(*it->second), 1);
                b += "</td>";
            }
            b += "</tr>\n";
        }
        b += "</tbody></table>\n";
    }

    std::string scenarioTitle(const std::string& id) const {
        for (const CohortScenario& s : cohort.scenarios())
            if (s.id == id) return s.title.in(opt.lang);
        return id;
    }

    std::string practiseText(const TraineeAdvice& a) const {
        if (a.advice.scenarioId.empty()) return {};
        std::string s = scenarioTitle(a.advice.scenarioId);
        if (!a.advice.principleId.empty())
            s += " (" + principle(a.advice.principleId) + " " +
                 std::to_string(a.advice.principlePercent) + "%)";
        return s;
    }

    void heatmap(const Heatmap& h) {
        h2("report.heatmap");
        b += "<p class=\"note\">";
        text(b, w("report.heatmap-note"));
        b += "</p>\n<table class=\"heat\"><thead><tr>";
        th("label.trainee");
        for (const std::string& id : h.principleIds) {
            b += "<th class=\"p\" title=\"";
            text(b, principle(id) + " [" + id + "]");
            b += "\"><div>";
            text(b, principle(id));
            b += "</div></th>";
        }
        b += "</tr></thead><tbody>\n";
        auto cell = [&](const HeatCell& c, bool cohortRow) {
            const bool empty = c.attemptIds.empty() && !cohortRow;
            const char* cls = c.percent.state == Figure::State::Hidden          ? "hid"
                              : c.percent.state == Figure::State::NotApplicable ? "na"
                              : c.percent.value >= 70                           ? "good"
                              : c.percent.value >= 40                           ? "mid"
                                                                                : "low";
            b += "<td class=\"cell ";
            b += empty ? "" : cls;
            b += "\"";
            if (!empty) {
                if (!c.attemptIds.empty()) {  // the attempts behind the cell
                    b += " title=\"";
                    std::string ids = w("report.attempts-behind") + " ";
                    for (std::size_t k = 0; k < c.attemptIds.size() && k < 40; ++k)
                        ids += (k ? ", " : "") + std::to_string(c.attemptIds[k]);
                    if (c.attemptIds.size() > 40) ids += ", ...";
                    text(b, ids);
                    b += "\"";
                }
                b += ">";
                // Short cells so 20-30 principles fit the page width: percent without the sign.
                if (c.percent.shown())
                    appendInt(b, std::lround(c.percent.value));
                else
                    text(b, c.percent.state == Figure::State::Hidden ? w("report.hidden-short")
                                                                     : w("report.na"));
            } else {
                b += ">";
            }
            b += "</td>";
        };
        for (std::size_t t = 0; t < h.trainees.size(); ++t) {
            b += "<tr>";
            traineeCell(h.trainees[t].name, h.trainees[t].key, "who");
            for (const HeatCell& c : h.cells[t]) cell(c, false);
            b += "</tr>\n";
        }
        b += "<tr class=\"cohort\"><td class=\"who\">";
        text(b, w("report.cohort"));
        b += "</td>";
        for (const HeatCell& c : h.cohort) cell(c, true);
        b += "</tr>\n</tbody></table>\n";
    }

    void trends(const std::vector<TrendPoint>& team, const std::vector<FirstVsLatest>& fvl) {
        h2("report.trends");
        b += "<p class=\"note\">";
        text(b, w(opt.bucket == TrendBucket::Day    ? "report.by-day"
                  : opt.bucket == TrendBucket::Week ? "report.by-week"
                                                    : "report.by-month"));
        b += "</p>\n";
        if (!team.empty()) report::trendChart(b, team, words);
        b += "<h3 class=\"note\">";
        text(b, w("report.first-latest"));
        b += "</h3>\n<table><thead><tr>";
        th("label.scenario");
        th("report.trainees", true);
        th("report.col.first", true);
        th("report.col.latest", true);
        b += "</tr></thead><tbody>\n";
        for (const FirstVsLatest& f : fvl) {
            b += "<tr>";
            td(f.title.in(opt.lang));
            td(std::to_string(f.trainees), true);
            td(figure(f.firstPercent), true);
            td(figure(f.latestPercent), true);
            b += "</tr>\n";
        }
        b += "</tbody></table>\n";
    }

    /// The summary's decisions: one table, each scenario's three commonest wrong turns in rows
    /// under the scenario's name (a tbody each, never split across pages).
    void summaryWrongTurns(const std::vector<std::pair<std::string, DecisionStats>>& decisions) {
        b += "<p class=\"note\">";
        text(b, w("report.wrong-turns"));
        b += "</p>\n<table class=\"turns\"><thead><tr>";
        th("label.scenario");
        th("report.col.node");
        th("report.col.choice");
        th("report.col.attempts", true);
        b += "</tr></thead>\n";
        for (const auto& [id, st] : decisions) {
            const std::size_t rows = std::min<std::size_t>(3, st.wrongTurns.size());
            b += "<tbody><tr><td class=\"sc\" rowspan=\"" +
                 std::to_string(std::max<std::size_t>(rows, 1)) + "\">";
            text(b, scenarioTitle(id));
            b += " <span class=\"key\">";
            text(b, w("report.n-attempts", {{"n", std::to_string(st.attempts)}}));
            if (!st.bestKnown) {
                b += " - ";
                text(b, w("report.no-best"));
            }
            b += "</span></td>";
            if (rows == 0) b += "<td></td><td></td><td></td></tr>\n";
            for (std::size_t k = 0; k < rows; ++k) {
                const auto& t = st.wrongTurns[k];
                if (k) b += "<tr>";
                td(t.nodeId);
                b += "<td>";
                clamped(choiceLabel(t.text, t.choiceIndex, t.choiceId));
                b += "</td>";
                td(std::to_string(t.attempts) + " (" +
                       pct(100.0 * t.attempts / std::max(1, st.attempts)) + ")",
                   true);
                b += "</tr>\n";
            }
            b += "</tbody>\n";
        }
        b += "</table>\n";
    }

    void decisions(const std::vector<std::pair<std::string, DecisionStats>>& decisions) {
        h2("report.decisions");
        if (opt.summary) {
            summaryWrongTurns(decisions);
            return;
        }
        for (const auto& [id, st] : decisions) {
            b += "<div class=\"scen\"><h3>";
            text(b, scenarioTitle(id));
            b += " <span class=\"key\">";
            text(b, id + " - " + w("report.n-attempts", {{"n", std::to_string(st.attempts)}}));
            b += "</span></h3>\n";
            if (!st.bestKnown) {
                b += "<p class=\"note\">";
                text(b, w("report.no-best"));
                b += "</p>\n";
            }
            if (!st.wrongTurns.empty()) {
                b += "<p class=\"note\">";
                text(b, w("report.wrong-turns"));
                b += "</p><table><thead><tr>";
                th("report.col.node");
                th("report.col.choice");
                th("report.col.attempts", true);
                b += "</tr></thead><tbody>\n";
                const std::size_t limit = 10;
                for (std::size_t k = 0; k < st.wrongTurns.size() && k < limit; ++k) {
                    const auto& t = st.wrongTurns[k];
                    b += "<tr>";
                    td(t.nodeId);
                    td(choiceLabel(t.text, t.choiceIndex, t.choiceId));
                    td(std::to_string(t.attempts) + " (" +
                           pct(100.0 * t.attempts / std::max(1, st.attempts)) + ")",
                       true);
                    b += "</tr>\n";
                }
                b += "</tbody></table>\n";
            }
            decisionPoints(st);
            b += "</div>\n";
        }
    }

    void decisionPoints(const DecisionStats& st) {
        b += "<table><thead><tr>";
        th("report.col.node");
        th("report.col.choice");
        th("report.col.chosen", true);
        th("report.col.trainees", true);
        b += "</tr></thead><tbody>\n";
        for (const DecisionPointStats& p : st.points) {
            bool firstRow = true;
            for (const ChoiceCount& c : p.choices) {
                b += "<tr>";
                if (firstRow) {
                    b += "<td rowspan=\"" + std::to_string(p.choices.size()) + "\"><b>";
                    text(b, p.nodeId);
                    b += "</b><br><span class=\"key\">";
                    text(b, w("report.median-time", {{"s", fixed1(p.medianSeconds)}}));
                    b += "</span>";
                    if (!p.slowTrainees.empty()) {
                        b += "<br><span class=\"slow\">";
                        std::string who;
                        for (const std::string& k : p.slowTrainees) {
                            auto n = names.find(k);
                            who += (who.empty() ? "" : ", ") + (n == names.end() ? k : n->second);
                        }
                        text(b, w("report.slow", {{"names", who}}));
                        b += "</span>";
                    }
                    b += "</td>";
                    firstRow = false;
                }
                b += c.best ? "<td class=\"best\">&#9733; " : "<td>";
                text(b, choiceLabel(c.text, c.choiceIndex, c.choiceId));
                b += "</td><td class=\"num\"><span class=\"bar\" style=\"width:";
                b += std::to_string(p.reached ? 60 * c.chosen / p.reached : 0);
                b += "px\"></span> ";
                appendInt(b, c.chosen);
                b += "</td>";
                td(std::to_string(c.trainees), true);
                b += "</tr>\n";
            }
        }
        b += "</tbody></table>\n";
    }

    void practise(const std::vector<TraineeAdvice>& advice) {
        h2("report.practise");
        b += "<table><thead><tr>";
        th("label.trainee");
        th("report.col.practise");
        th("report.col.weakest");
        b += "</tr></thead><tbody>\n";
        for (const TraineeAdvice& a : advice) {
            b += "<tr>";
            traineeCell(a.name, a.key);
            td(practiseText(a));
            std::string weak;
            for (std::size_t k = 0; k < a.weakest.size() && k < 3; ++k) {
                if (a.weakest[k].ratio() >= 0.999) break;
                weak += (weak.empty() ? "" : ", ") + principle(a.weakest[k].principleId) + " " +
                        std::to_string(int(std::lround(a.weakest[k].ratio() * 100))) + "%";
            }
            td(weak);
            b += "</tr>\n";
        }
        b += "</tbody></table>\n";
    }
};

}  // namespace

std::string localDateTime(std::int64_t epochMs) {
    const std::time_t t = static_cast<std::time_t>(epochMs / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

void writeCohortReportHtml(const Cohort& cohort, const CohortReportOptions& options,
                           ByteSink& out) {
    writeCohortReportHtml(cohort, options, computeCohortReportViews(cohort, options), out);
}

void writeCohortReportHtml(const Cohort& cohort, const CohortReportOptions& options,
                           const CohortReportViews& views, ByteSink& out) {
    const ExportStrings english;
    Writer wr(cohort, options, options.strings ? *options.strings : english);
    const auto& sel = views.selection;
    const auto& team = views.team;
    for (const TeamRow& r : team) wr.names[r.key] = r.name;
    const auto& advice = views.advice;
    const html::Context c = wr.context();
    html::documentStart(wr.b, c, wr.w("report.title"));
    wr.b += "<style>";
    wr.b += report::reportStyle(options.summary);
    wr.b += "</style>\n";
    wr.header(team, sel);
    if (sel.empty()) {
        wr.b += "<p>";
        text(wr.b, wr.w("report.none"));
        wr.b += "</p>\n";
    } else {
        wr.teamTable(team, advice);
        wr.heatmap(views.heatmap);
        wr.trends(views.trend, views.firstVsLatest);
        wr.decisions(views.decisions);
        if (!options.summary) wr.practise(advice);
        if (options.coaching)
            report::coachingSection(wr.b, *options.coaching, team, options, wr.words);
    }
    wr.b += "<footer>";
    text(wr.b, wr.w("report.footer", {{"date", localDateTime(c.exportedAtMs)},
                                      {"n", std::to_string(options.dashboard.minGroupSize)}}));
    wr.b += " &middot; counterplay " COUNTERPLAY_VERSION "</footer>\n</section>\n";
    html::documentEnd(wr.b);
    out.write(wr.b);
}

}  // namespace counterplay::core
