// The cohort report's stylesheets and its trend chart (see CohortReportParts.h), kept apart from
// the HTML writer so each file stays one job.
#include <algorithm>
#include <cstdio>

#include "results/CohortReportParts.h"
#include "results/HtmlParts.h"

namespace counterplay::core::report {
namespace {

using html::text;

constexpr const char* kReportStyle = R"CSS(
.report table{font-size:11.5px}.report th,.report td{padding:3px 6px}
.report h2{margin:20px 0 8px}
.key{color:var(--muted);font-size:10.5px}
.report td.when,.report td.who{white-space:nowrap}
.report th{font-size:10.5px}
:lang(ko) .report th,:lang(ko) .report td,:lang(ko) .report h2,:lang(ko) .report h3,
:lang(ko) .report p{word-break:keep-all;overflow-wrap:break-word}
.report td.advice{font-size:10.5px;line-height:1.35;min-width:230px}
.report th.num{white-space:normal;width:56px}
table.heat{width:auto}
table.heat th,table.heat td{padding:1px 3px;font-size:9.5px}
table.heat td.who{white-space:nowrap;max-width:170px;overflow:hidden;text-overflow:ellipsis}
table.heat td.cell{text-align:center;font-variant-numeric:tabular-nums;white-space:nowrap;
min-width:22px}
table.heat th.p{vertical-align:bottom;padding:2px 1px}
table.heat th.p div{writing-mode:vertical-rl;text-orientation:sideways;transform:rotate(180deg);
white-space:nowrap;
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
.report td.so{font-size:10.5px;color:var(--good)}
.tick{color:var(--good);font-weight:700}
ul.signoffs{list-style:none;margin:0 0 6px;padding:0;font-size:11.5px}
.coach{break-inside:avoid}.coach h3{margin:12px 0 4px;font-size:13px}
table.notes td.text{white-space:pre-wrap;overflow-wrap:anywhere}
.coach table.notes{table-layout:fixed}
.coach table.notes th:nth-child(1){width:8%}.coach table.notes th:nth-child(2){width:19%}
.coach table.notes th:nth-child(3){width:28%}.coach table.notes th:nth-child(4){width:12%}
.coach table.notes th:nth-child(5){width:11%}
)CSS";

// The summary prints a team of 50 on a few A4 pages: narrower margins, small type, tight rows,
// a heatmap whose cells just hold "100", and nothing split inside a row or a scenario's rows.
constexpr const char* kSummaryStyle = R"CSS(
@page{size:A4 portrait;margin:8mm 8mm 9mm}
.sum table{font-size:10px;line-height:1.25}
.sum th,.sum td{padding:1px 4px}
.sum h2{margin:12px 0 4px;font-size:14px;padding-bottom:2px}
.sum h1{font-size:21px}.sum .top{padding-bottom:8px}
.sum .note{font-size:10px;margin:2px 0}
h2+p.note{break-after:avoid}
.sum .key{font-size:9px}
.sum td.advice{min-width:0;font-size:9.5px;line-height:1.2}
.sum table.heat th,.sum table.heat td{font-size:8.5px;padding:0 1px;line-height:1.2}
.sum table.heat td.cell{min-width:15px}
.sum table.heat td.who{max-width:150px;padding-right:4px}
.sum table.heat th.p div{max-height:118px;line-height:1.1}
.sum svg.chart{max-height:165px}
.sum table.turns td.sc{font-weight:600;width:24%}
.sum .clamp{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}
.sum .clamp.one{-webkit-line-clamp:1;word-break:break-all}
.sum table.heat td.who .key{font-size:8px}
.sum table.turns tbody{break-inside:avoid}
.sum footer{margin-top:10px}
@media print{.sum table{font-size:9.5px}.sum{font-size:11px}}
)CSS";

}  // namespace

const char* reportStyle(bool summary) {
    static const std::string full = kReportStyle;
    static const std::string both = full + kSummaryStyle;
    return summary ? both.c_str() : full.c_str();
}

void trendChart(std::string& b, const std::vector<TrendPoint>& points, const ExportStrings& words) {
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
            std::snprintf(buf, sizeof buf,
                          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" "
                          "fill=\"%s\"/>",
                          x(i), y(rate ? f.value * 100 : f.value), color);
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
        b += std::string("<text class=\"axis\" x=\"") + buf + "\" y=\"" + std::to_string(kH - 10) +
             "\" text-anchor=\"middle\">";
        text(b, points[i].period);
        b += "</text>\n";
    }
    b += "</svg>\n<div class=\"legend note\"><span><i class=\"sw\" "
         "style=\"background:#1d4ed8\"></i>";
    text(b, words.get("report.col.mean"));
    b += "</span><span><i class=\"sw\" style=\"background:#15803d\"></i>";
    text(b, words.get("report.pass-rate"));
    b += "</span></div>\n";
}

}  // namespace counterplay::core::report
