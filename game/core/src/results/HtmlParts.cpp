// Shared HTML pieces: the self-contained document with its print stylesheet, the SVG principle
// chart, dates, durations and the footer. No external resources: the file works offline.
#include "results/HtmlParts.h"

#include <algorithm>
#include <cstdio>

#include "counterplay/core/Citation.h"
#include "results/ExportCommon.h"

namespace counterplay::core::html {
namespace {

constexpr const char* kStyle = R"CSS(
:root{--ink:#1d2733;--muted:#5f6b7a;--line:#dde3ea;--soft:#f4f6f9;--accent:#1d4ed8;
--good:#15803d;--good-bg:#dcfce7;--warn:#b45309;--bad:#b91c1c;--bad-bg:#fee2e2}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#e8ecf1;color:var(--ink);font-size:14px;line-height:1.55;
font-family:"NanumGothic","Nanum Gothic","Noto Sans KR","Noto Sans CJK KR","Malgun Gothic",
"Apple SD Gothic Neo",system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.page{background:#fff;max-width:880px;margin:24px auto;padding:34px 44px 26px;
box-shadow:0 1px 3px rgba(15,23,42,.12)}
.top{display:flex;justify-content:space-between;gap:24px;align-items:flex-end;
border-bottom:3px solid var(--accent);padding-bottom:14px}
.brand{font-size:11px;letter-spacing:.14em;text-transform:uppercase;color:var(--accent);
font-weight:700}
h1{font-size:25px;line-height:1.25;margin:4px 0 0}
.subtitle{font-size:15px;color:var(--muted);margin-top:2px}
dl.meta{display:grid;grid-template-columns:auto auto;gap:2px 12px;margin:0;font-size:12.5px;
text-align:right;white-space:nowrap}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;font-weight:600}
.summary{display:grid;grid-template-columns:190px 1fr 1fr;gap:16px;margin:22px 0 6px}
.stats{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;margin:22px 0 6px}
.box{border:1px solid var(--line);border-radius:10px;padding:14px 16px;background:#fff}
.box h3{margin:0 0 8px;font-size:12px;letter-spacing:.06em;text-transform:uppercase;
color:var(--muted)}
.gauge{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:6px}
.big{font-size:26px;font-weight:700;line-height:1.2}
.small{font-size:12.5px;color:var(--muted)}
.badge{display:inline-block;padding:2px 11px;border-radius:999px;font-weight:700;font-size:12px;
letter-spacing:.05em}
.pass{background:var(--good-bg);color:var(--good)}.fail{background:var(--bad-bg);color:var(--bad)}
.altered{background:#c8102e;color:#fff}
.altered-banner{border:3px solid #c8102e;color:#c8102e;font-weight:700;padding:8px 12px;margin:8px 0}
.kv{display:grid;grid-template-columns:auto 1fr;gap:3px 12px;margin:0}
.kv dt{color:var(--muted)}.kv dd{margin:0;font-weight:600}
ul.critical{list-style:none;margin:0;padding:0}
ul.critical li{padding:3px 0 3px 26px;position:relative}
ul.critical li:before{position:absolute;left:0;top:3px;width:18px;height:18px;border-radius:50%;
text-align:center;line-height:18px;font-size:11px;font-weight:700}
ul.critical li.met:before{content:"\2713";background:var(--good-bg);color:var(--good)}
ul.critical li.missed:before{content:"!";background:var(--bad-bg);color:var(--bad)}
h2{font-size:16px;margin:26px 0 10px;padding-bottom:5px;border-bottom:1px solid var(--line);
break-after:avoid}
svg.chart{display:block;width:100%;height:auto}
svg.chart text{font-family:inherit;font-size:12.5px;fill:var(--ink)}
svg.chart text.value{font-weight:700}svg.chart text.neg{fill:var(--bad)}
svg.chart text.axis{font-size:10.5px;fill:var(--muted)}
ol.decisions{list-style:none;margin:0;padding:0}
ol.decisions li{border:1px solid var(--line);border-radius:10px;padding:11px 14px;margin:0 0 10px;
break-inside:avoid}
.dhead{display:flex;gap:10px;align-items:baseline}
.step{flex:none;width:24px;height:24px;border-radius:50%;background:var(--accent);color:#fff;
font-weight:700;font-size:12px;display:inline-flex;align-items:center;justify-content:center}
.choice{flex:1;font-weight:600}
.time{flex:none;color:var(--muted);font-size:12.5px;font-variant-numeric:tabular-nums}
.chips{margin:6px 0 0 34px}
.chip{display:inline-block;font-size:11.5px;border-radius:6px;padding:1px 7px;margin:0 5px 4px 0;
background:var(--soft);border:1px solid var(--line)}
.chip.pos{color:var(--good);border-color:#bbe5c8;background:#f0fbf3}
.chip.neg{color:var(--bad);border-color:#f5c2c2;background:#fff5f5}
.feedback{margin:6px 0 0 34px;color:#334155}
.timeout{color:var(--warn);font-weight:600}
table{width:100%;border-collapse:collapse;font-size:12.5px}
th{text-align:left;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line);
padding:6px 8px}
td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}
tr{break-inside:avoid}
thead{display:table-header-group}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
ul.sources{list-style:none;margin:0;padding:0;font-size:12.5px;color:#334155}
ul.sources li{padding:3px 0 3px 0;border-bottom:1px dotted var(--line);break-inside:avoid}
ul.sources .pname{font-weight:600;color:var(--ink);margin-right:8px}
ul.sources cite{font-style:italic}ul.sources cite.plain{font-style:normal}
footer{margin-top:26px;padding-top:9px;border-top:1px solid var(--line);color:var(--muted);
font-size:10.5px;line-height:1.5;overflow-wrap:anywhere;break-before:avoid;break-inside:avoid}
@page{size:A4;margin:13mm 12mm}
@media print{body{background:#fff;font-size:12px}
.page{box-shadow:none;margin:0;max-width:none;padding:0}
.page+.page{break-before:page}}
)CSS";

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

void text(std::string& b, std::string_view s) { appendHtmlEscaped(b, s); }

void documentStart(std::string& b, const Context& c, const std::string& title) {
    b += "<!DOCTYPE html>\n<html lang=\"";
    b += langCode(c.lang);
    b += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"counterplay " COUNTERPLAY_VERSION "\">\n<title>";
    text(b, title);
    b += "</title>\n<style>";
    b += kStyle;
    b += "</style>\n</head>\n<body>\n";
}

void documentEnd(std::string& b) { b += "</body>\n</html>\n"; }

void sortByCatalogue(std::vector<std::pair<std::string, Bar>>& bars, const Context& c) {
    auto rank = [&](const std::string& id) -> std::size_t {
        if (c.options.catalogue) {
            const auto& list = c.options.catalogue->principles;
            for (std::size_t i = 0; i < list.size(); ++i)
                if (list[i].id == id) return i;
        }
        return static_cast<std::size_t>(-1);
    };
    std::stable_sort(bars.begin(), bars.end(), [&](const auto& x, const auto& y) {
        const std::size_t rx = rank(x.first), ry = rank(y.first);
        return rx != ry ? rx < ry : x.first < y.first;
    });
}

std::string principleName(const Context& c, const std::string& id) {
    if (c.options.catalogue)
        if (const Principle* p = c.options.catalogue->find(id); p && !p->name.empty())
            return p->name.in(c.lang);
    return id;
}

void principleSources(std::string& b, const std::vector<std::string>& ids, const Context& c) {
    const Catalogue* cat = c.options.catalogue;
    if (cat == nullptr) return;
    std::string items;
    for (const std::string& id : ids) {
        const Principle* p = cat->find(id);
        const Source* source = p ? cat->findSource(p->source.ref) : nullptr;
        if (source == nullptr) continue;
        const CitationParts parts = citationParts(*source, p->source.item, c.lang);
        items += "<li><span class=\"pname\">";
        text(items, principleName(c, id));
        items += "</span>";
        text(items, parts.lead);
        items += parts.italic ? "<cite>" : "<cite class=\"plain\">";
        text(items, parts.title);
        items += "</cite>";
        text(items, parts.tail);
        items += "</li>\n";
    }
    if (items.empty()) return;
    b += "<h2>";
    text(b, c.words.get("section.sources"));
    b += "</h2>\n<ul class=\"sources\">\n";
    b += items;
    b += "</ul>\n";
}

std::string displayDate(std::int64_t epochMs) {
    const std::string iso = formatIsoUtc(epochMs);  // 2024-05-01T09:30:00.000Z
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string displayDuration(const Context& c, std::int64_t ms) {
    if (ms < 60000) return c.words.get("unit.seconds", {{"n", fixed1(ms / 1000.0)}});
    const std::int64_t s = (ms + 500) / 1000;
    return c.words.get("unit.minutes",
                       {{"m", std::to_string(s / 60)}, {"s", std::to_string(s % 60)}});
}

void principleChart(std::string& b, const std::vector<Bar>& bars, const Context& c) {
    constexpr int kRow = 30, kTop = 22, kBarX = 312, kBarW = 400, kWidth = 800;
    const int height = kTop + static_cast<int>(bars.size()) * kRow + 6;
    b += "<svg class=\"chart\" viewBox=\"0 0 ";
    appendInt(b, kWidth);
    b += ' ';
    appendInt(b, height);
    b += "\" role=\"img\" aria-label=\"";
    text(b, c.words.get("section.principles"));
    b += "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
    for (int pct : {0, 50, 100}) {  // gridlines at 0, half and all of the achievable points
        const int x = kBarX + kBarW * pct / 100;
        b += "<line x1=\"" + std::to_string(x) + "\" y1=\"" + std::to_string(kTop - 6) +
             "\" x2=\"" + std::to_string(x) + "\" y2=\"" + std::to_string(height - 4) +
             "\" stroke=\"#dde3ea\" stroke-dasharray=\"3 3\"/>\n";
        b += "<text class=\"axis\" x=\"" + std::to_string(x) + "\" y=\"" +
             std::to_string(kTop - 9) + "\" text-anchor=\"middle\">" + std::to_string(pct) +
             "%</text>\n";
    }
    int y = kTop;
    for (const Bar& bar : bars) {
        // Nothing achievable (0 of 0): an empty track marked "n/a", not a full bar.
        const bool na = bar.achievable <= 0;
        const double ratio =
            na ? 0.0 : std::clamp(double(bar.earned) / double(bar.achievable), 0.0, 1.0);
        const char* color = ratio >= 0.7 ? "#15803d" : ratio >= 0.4 ? "#d97706" : "#b91c1c";
        const int fill = static_cast<int>(kBarW * ratio + 0.5);
        std::string label = bar.label;
        b += "<text x=\"0\" y=\"" + std::to_string(y + 17) + "\">";
        text(b, label);
        b += "<title>";
        text(b, label);
        b += "</title></text>\n";
        b += "<rect x=\"" + std::to_string(kBarX) + "\" y=\"" + std::to_string(y + 5) +
             "\" width=\"" + std::to_string(kBarW) +
             "\" height=\"16\" rx=\"4\" fill=\"#eef2f6\"/>\n";
        if (fill > 0)
            b += "<rect x=\"" + std::to_string(kBarX) + "\" y=\"" + std::to_string(y + 5) +
                 "\" width=\"" + std::to_string(fill) + "\" height=\"16\" rx=\"4\" fill=\"" +
                 color + "\"/>\n";
        if (bar.earned < 0)  // below zero: a red notch left of the track
            b += "<rect x=\"" + std::to_string(kBarX - 6) + "\" y=\"" + std::to_string(y + 5) +
                 "\" width=\"4\" height=\"16\" rx=\"1\" fill=\"#b91c1c\"/>\n";
        b += std::string("<text class=\"value") + (bar.earned < 0 ? " neg" : "") + "\" x=\"" +
             std::to_string(kBarX + kBarW + 12) + "\" y=\"" + std::to_string(y + 17) + "\">";
        if (na && bar.earned == 0) {
            text(b, c.words.get("chart.na"));
        } else {
            appendInt(b, bar.earned);
            b += " / ";
            appendInt(b, bar.achievable);
        }
        b += "</text>\n";
        y += kRow;
    }
    b += "</svg>\n";
}

void footer(std::string& b, const Context& c, const std::string& extra) {
    b += "<footer>";
    if (!extra.empty()) {
        b += extra;
        b += "<br>";
    }
    text(b, c.words.get("footer.exported", {{"date", displayDate(c.exportedAtMs)}}));
    b += " &middot; counterplay " COUNTERPLAY_VERSION " &middot; ";
    text(b, c.words.get("footer.signed", {{"key", c.keyId}, {"store", c.storeName}}));
    b += "</footer>\n";
}

}  // namespace counterplay::core::html
