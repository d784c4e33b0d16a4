// The cohort report as printable HTML (see CohortReport.h): one self-contained document with the
// team table, the principle heatmap, trends, per-decision statistics and practise next.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

#include "counterplay/core/CohortReport.h"
#include "results/ExportCommon.h"
#include "results/HtmlParts.h"

namespace counterplay::core {
namespace {

using html::text;

constexpr const char* kReportStyle = R"CSS(
.report table{font-size:11.5px}.report th,.report td{padding:3px 6px}
.report h2{margin:20px 0 8px}
.key{color:var(--muted);font-size:10.5px}
.report td.when,.report td.who{white-space:nowrap}
.report th{font-size:10.5px}
.report td.advice{font-size:10.5px;line-height:1.35;min-width:230px}
.report th.num{white-space:normal;width:56px}
table.heat{width:auto}
table.heat th,table.heat td{padding:1px 3px;font-size:9.5px}
table.heat td.who{white-space:nowrap;max-width:170px;overflow:hidden;text-overflow:ellipsis}
table.heat td.cell{text-align:center;font-variant-numeric:tabular-nums;white-space:nowrap;
min-width:22px}
table.heat th.p{vertical-align:bottom;padding:2px 1px}
table.heat th.p div{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;
max-height:150px;overflow:hidden;text-overflow:ellipsis;margin:0 auto}
td.good{background:var(--good-bg);color:var(--good)}td.mid{background:#fef3c7;color:var(--warn)}
td.low{background:var(--bad-bg);color:var(--bad)}td.na,td.hid{color:var(--muted);font-style:italic}
tr.cohort td{border-top:2px solid var(--ink);font-weight:700}
.bar{display:inline-block;height:10px;border-radius:3px;background:var(--accent);vertical-align:middle}
.best{color:var(--good);font-weight:700}
.slow{color:var(--warn)}
.note{color:var(--muted);font-size:11.5px;margin:4px 0}
.legend span{display:inline-block;margin-right:14px}
.sw{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:4px}
.scen{break-inside:avoid}
)CSS";

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
        return {exportOptions, words, opt.lang, std::string(), std::string(),
                opt.generatedAtMs ? opt.generatedAtMs : nowEpochMs()};
    }
    std::string w(std::string_view key,
                  std::initializer_list<std::pair<const char*, std::string>> args = {}) const {
        return words.get(key, args);
    }
    std::string principle(const std::string& id) const {
        if (opt.catalogue)
            if (const Principle* p = opt.catalogue->find(id); p && !p->name.empty())
                return p->name.in(opt.lang);
        return id;
    }
    std::string figure(const Figure& f, bool rate = false) const {
        switch (f.state) {
            case Figure::State::Value: return pct(rate ? f.value * 100 : f.value);
            case Figure::State::NotApplicable: return w("report.na");
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
        b += "<section class=\"page report\">\n<div class=\"top\"><div><div class=\"brand\">";
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
            if (opt.summary) {
                auto it = adviceOf.find(r.key);
                b += "<td class=\"advice\">";
                if (it != adviceOf.end()) text(b, practiseText(*it->second));
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
                              : c.percent.value >= 70                          ? "good"
                              : c.percent.value >= 40                          ? "mid"
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

    void trendChart(const std::vector<TrendPoint>& points) {
        constexpr int kW = 800, kH = 190, kL = 40, kR = 10, kT = 10, kB = 30;
        b += "<svg class=\"chart\" viewBox=\"0 0 800 190\" role=\"img\" "
             "xmlns=\"http://www.w3.org/2000/svg\">\n";
        for (int p : {0, 50, 100}) {
            const int y = kT + (kH - kT - kB) * (100 - p) / 100;
            b += "<line x1=\"" + std::to_string(kL) + "\" x2=\"" + std::to_string(kW - kR) +
                 "\" y1=\"" + std::to_string(y) + "\" y2=\"" + std::to_string(y) +
                 "\" stroke=\"#dde3ea\" stroke-dasharray=\"3 3\"/><text class=\"axis\" x=\"" +
                 std::to_string(kL - 6) + "\" y=\"" + std::to_string(y + 4) +
                 "\" text-anchor=\"end\">" + std::to_string(p) + "%</text>\n";
        }
        const std::size_t n = points.size();
        auto x = [&](std::size_t i) {
            return n <= 1 ? (kL + kW - kR) / 2.0
                          : kL + 10 + (kW - kR - kL - 20) * double(i) / double(n - 1);
        };
        auto y = [&](double v) { return kT + (kH - kT - kB) * (100 - v) / 100.0; };
        auto series = [&](bool rate, const char* color) {
            std::string path;
            bool pen = false;
            char buf[96];
            for (std::size_t i = 0; i < n; ++i) {
                const Figure& f = rate ? points[i].passRate : points[i].meanPercent;
                if (!f.shown()) {  // hidden periods leave a gap
                    pen = false;
                    continue;
                }
                std::snprintf(buf, sizeof buf, "%c%.1f %.1f ", pen ? 'L' : 'M', x(i),
                              y(rate ? f.value * 100 : f.value));
                path += buf;
                pen = true;
                std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" "
                              "fill=\"%s\"/>", x(i), y(rate ? f.value * 100 : f.value), color);
                b += buf;
            }
            if (!path.empty())
                b += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + color +
                     "\" stroke-width=\"2\"/>\n";
        };
        series(false, "#1d4ed8");
        series(true, "#15803d");
        const std::size_t every = std::max<std::size_t>(1, (n + 9) / 10);
        for (std::size_t i = 0; i < n; i += every) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.1f", x(i));
            b += std::string("<text class=\"axis\" x=\"") + buf + "\" y=\"" +
                 std::to_string(kH - 10) + "\" text-anchor=\"middle\">";
            text(b, points[i].period);
            b += "</text>\n";
        }
        b += "</svg>\n<div class=\"legend note\"><span><i class=\"sw\" "
             "style=\"background:#1d4ed8\"></i>";
        text(b, w("report.col.mean"));
        b += "</span><span><i class=\"sw\" style=\"background:#15803d\"></i>";
        text(b, w("report.pass-rate"));
        b += "</span></div>\n";
    }

    void trends(const std::vector<TrendPoint>& team, const std::vector<FirstVsLatest>& fvl) {
        h2("report.trends");
        b += "<p class=\"note\">";
        text(b, w(opt.bucket == TrendBucket::Day    ? "report.by-day"
                  : opt.bucket == TrendBucket::Week ? "report.by-week"
                                                    : "report.by-month"));
        b += "</p>\n";
        if (!team.empty()) trendChart(team);
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

    void decisions(const std::vector<std::uint32_t>& sel) {
        h2("report.decisions");
        std::map<std::string, int> present;
        for (std::uint32_t i : sel) ++present[cohort.scenarios()[cohort.attempts()[i].scenario].id];
        for (const auto& [id, count] : present) {
            const auto it = opt.scenarios.find(id);
            const Scenario* sc = it == opt.scenarios.end() ? nullptr : it->second.scenario;
            const Analysis* an = it == opt.scenarios.end() ? nullptr : it->second.analysis;
            const DecisionStats st = cohort.decisionStats(id, opt.filter, sc, an);
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
                const std::size_t limit = opt.summary ? 3 : 10;
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
            if (!opt.summary) decisionPoints(st);
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
    const ExportStrings english;
    Writer wr(cohort, options, options.strings ? *options.strings : english);
    const auto sel = cohort.select(options.filter);
    const auto team = cohort.teamTable(options.filter, options.dashboard);
    for (const TeamRow& r : team) wr.names[r.key] = r.name;
    const auto advice = cohort.practiseNext(options.filter, options.dashboard);
    const html::Context c = wr.context();
    html::documentStart(wr.b, c, wr.w("report.title"));
    wr.b += "<style>";
    wr.b += kReportStyle;
    wr.b += "</style>\n";
    wr.header(team, sel);
    if (sel.empty()) {
        wr.b += "<p>";
        text(wr.b, wr.w("report.none"));
        wr.b += "</p>\n";
    } else {
        wr.teamTable(team, advice);
        wr.heatmap(cohort.heatmap(options.filter, options.dashboard));
        wr.trends(cohort.trend(options.filter, options.dashboard, options.bucket),
                  cohort.firstVsLatest(options.filter, options.dashboard));
        wr.decisions(sel);
        if (!options.summary) wr.practise(advice);
    }
    wr.b += "<footer>";
    text(wr.b, wr.w("report.footer", {{"date", localDateTime(c.exportedAtMs)},
                                      {"n", std::to_string(options.dashboard.minGroupSize)}}));
    wr.b += " &middot; counterplay " COUNTERPLAY_VERSION "</footer>\n</section>\n";
    html::documentEnd(wr.b);
    out.write(wr.b);
}

}  // namespace counterplay::core
