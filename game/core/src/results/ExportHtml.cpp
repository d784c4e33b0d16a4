// HTML export: one attempt gives its printable scorecard; several give a cohort report (totals,
// the principles chart, per trainee and per scenario tables, every attempt), optionally followed
// by each scorecard. The signature is an HTML comment on the last line.
#include <map>
#include <set>

#include "results/ExportCommon.h"
#include "results/HtmlParts.h"

namespace counterplay::core {
namespace {

using html::Context;
using html::text;

std::string pointsChip(const Context& c, const std::string& id, int points) {
    std::string b = points > 0 ? "<span class=\"chip pos\">+" : points < 0 ? "<span class=\"chip neg\">"
                                                                          : "<span class=\"chip\">";
    appendInt(b, points);
    b += ' ';
    text(b, html::principleName(c, id));
    b += "</span>";
    return b;
}

std::string percentRing(int percent, bool passed) {
    const double circumference = 2 * 3.14159265 * 42;
    const double filled = circumference * std::clamp(percent, 0, 100) / 100.0;
    char arc[320] = "";
    if (percent > 0)
        std::snprintf(arc, sizeof arc,
                      "<circle cx=\"56\" cy=\"56\" r=\"42\" fill=\"none\" stroke=\"%s\" "
                      "stroke-width=\"12\" stroke-linecap=\"round\" "
                      "stroke-dasharray=\"%.1f %.1f\" transform=\"rotate(-90 56 56)\"/>",
                      passed ? "#15803d" : "#b91c1c", filled, circumference);
    char buf[800];
    std::snprintf(buf, sizeof buf,
                  "<svg width=\"112\" height=\"112\" viewBox=\"0 0 112 112\" role=\"img\" "
                  "xmlns=\"http://www.w3.org/2000/svg\"><circle cx=\"56\" cy=\"56\" r=\"42\" "
                  "fill=\"none\" stroke=\"#eef2f6\" stroke-width=\"12\"/>%s<text x=\"56\" "
                  "y=\"64\" text-anchor=\"middle\" font-size=\"24\" font-weight=\"700\" "
                  "fill=\"#1d2733\">%d%%</text></svg>",
                  arc, percent);
    return buf;
}

void metaRow(std::string& b, const std::string& label, const std::string& value) {
    b += "<dt>";
    text(b, label);
    b += "</dt><dd>";
    text(b, value);
    b += "</dd>";
}

void cohortPage(std::string& b, const ResultsStore& store, const Context& c,
                ExportResult& result) {
    const ExportStrings& w = c.words;
    struct Group {
        std::string label;
        int attempts = 0, passed = 0;
        std::int64_t percentSum = 0;
    };
    std::map<std::string, Group> trainees, scenarios;
    std::map<std::string, html::Bar> principles;
    std::int64_t first = 0, last = 0, passed = 0, percentSum = 0;
    std::string rows;
    store.forEachAttempt(c.options.filter, [&](const AttemptSummary& a,
                                               const std::vector<PrincipleScore>& scores) {
        ++result.attempts;
        first = result.attempts == 1 ? a.endedAtMs : std::min(first, a.endedAtMs);
        last = std::max(last, a.endedAtMs);
        passed += a.passed;
        percentSum += a.percent;
        for (auto* g : {&trainees[a.traineeKey], &scenarios[a.scenarioId]}) {
            ++g->attempts;
            g->passed += a.passed;
            g->percentSum += a.percent;
        }
        trainees[a.traineeKey].label = a.traineeName;
        scenarios[a.scenarioId].label = a.scenarioTitle.in(c.lang);
        for (const PrincipleScore& p : scores) {
            html::Bar& bar = principles[p.id];
            bar.earned += p.earned;
            bar.achievable += p.achievable;
        }
        rows += "<tr><td>";
        text(rows, html::displayDate(a.endedAtMs));
        rows += "</td><td>";
        text(rows, a.traineeName);
        if (!a.originStore.empty()) {
            rows += " <span class=\"small\">(";
            text(rows, a.originStore);
            rows += ")</span>";
        }
        if (alteredReason(c.options, a.id)) {
            rows += " <span class=\"badge altered\">";
            text(rows, w.get("integrity.altered"));
            rows += "</span>";
        }
        rows += "</td><td>";
        text(rows, a.scenarioTitle.in(c.lang));
        rows += "</td><td class=\"num\">";
        appendInt(rows, a.percent);
        rows += a.passed ? "%</td><td><span class=\"badge pass\">" : "%</td><td><span class=\"badge fail\">";
        text(rows, w.get(a.passed ? "verdict.pass" : a.finished ? "verdict.fail" : "verdict.unfinished"));
        rows += "</span></td><td class=\"num\">";
        appendInt(rows, a.decisionCount);
        rows += "</td><td class=\"num\">";
        text(rows, html::displayDuration(c, a.durationMs));
        rows += "</td></tr>\n";
    });
    result.rows = result.attempts;
    const std::int64_t n = result.attempts;

    b += "<section class=\"page\">\n<div class=\"top\"><div><div class=\"brand\">";
    text(b, w.get("brand"));
    b += "</div><h1>";
    text(b, w.get("title.cohort"));
    b += "</h1><div class=\"subtitle\">";
    if (n) text(b, w.get("cohort.range", {{"from", html::displayDate(first)}, {"to", html::displayDate(last)}}));
    b += "</div></div></div>\n";
    if (n == 0) {
        b += "<p>";
        text(b, w.get("cohort.empty"));
        b += "</p>\n";
        html::footer(b, c, {});
        b += "</section>\n";
        return;
    }
    auto stat = [&](const std::string& label, const std::string& value) {
        b += "<div class=\"box\"><h3>";
        text(b, label);
        b += "</h3><div class=\"big\">";
        text(b, value);
        b += "</div></div>";
    };
    b += "<div class=\"stats\">";
    stat(w.get("cohort.attempts"), std::to_string(n));
    stat(w.get("cohort.trainees"), std::to_string(trainees.size()));
    stat(w.get("cohort.pass-rate"), std::to_string((passed * 100 + n / 2) / n) + "%");
    stat(w.get("cohort.mean"), std::to_string((percentSum + n / 2) / n) + "%");
    b += "</div>\n<h2>";
    text(b, w.get("section.principles"));
    b += "</h2>\n";
    std::vector<std::pair<std::string, html::Bar>> ordered;
    for (auto& [id, bar] : principles) {
        bar.label = html::principleName(c, id);
        ordered.emplace_back(id, bar);
    }
    html::sortByCatalogue(ordered, c);
    std::vector<html::Bar> bars;
    for (auto& [id, bar] : ordered) bars.push_back(bar);
    html::principleChart(b, bars, c);
    auto groupTable = [&](const std::string& title, const std::string& firstColumn,
                          const std::map<std::string, Group>& groups) {
        b += "<h2>";
        text(b, title);
        b += "</h2>\n<table><thead><tr><th>";
        text(b, firstColumn);
        b += "</th><th class=\"num\">";
        text(b, w.get("cohort.attempts"));
        b += "</th><th class=\"num\">";
        text(b, w.get("col.passed"));
        b += "</th><th class=\"num\">";
        text(b, w.get("col.mean"));
        b += "</th></tr></thead><tbody>\n";
        for (const auto& [key, g] : groups) {
            b += "<tr><td>";
            text(b, g.label);
            b += "</td><td class=\"num\">";
            appendInt(b, g.attempts);
            b += "</td><td class=\"num\">";
            appendInt(b, g.passed);
            b += "</td><td class=\"num\">";
            appendInt(b, (g.percentSum + g.attempts / 2) / g.attempts);
            b += "%</td></tr>\n";
        }
        b += "</tbody></table>\n";
    };
    groupTable(w.get("cohort.by-trainee"), w.get("label.trainee"), trainees);
    groupTable(w.get("cohort.by-scenario"), w.get("label.scenario"), scenarios);
    b += "<h2>";
    text(b, w.get("cohort.all"));
    b += "</h2>\n<table><thead><tr>";
    for (const char* key : {"label.date", "label.trainee", "label.scenario", "col.score",
                            "col.result", "col.decisions", "label.duration"}) {
        const bool numeric = std::string_view(key) == "col.score" ||
                             std::string_view(key) == "col.decisions" ||
                             std::string_view(key) == "label.duration";
        b += numeric ? "<th class=\"num\">" : "<th>";
        text(b, w.get(key));
        b += "</th>";
    }
    b += "</tr></thead><tbody>\n";
    b += rows;
    b += "</tbody></table>\n";
    html::footer(b, c, {});
    b += "</section>\n";
}

}  // namespace

namespace html {

void scorecardPage(std::string& b, const StoredAttempt& attempt, const Context& c) {
    const AttemptSummary& a = attempt.summary;
    const Scorecard& card = attempt.scorecard;
    const ExportStrings& w = c.words;
    b += "<section class=\"page\">\n<div class=\"top\"><div><div class=\"brand\">";
    text(b, w.get("brand"));
    b += " &middot; ";
    text(b, w.get("title.scorecard"));
    b += "</div><h1>";
    text(b, a.scenarioTitle.in(c.lang));
    b += "</h1><div class=\"subtitle\">";
    text(b, a.traineeName);
    b += "</div></div><dl class=\"meta\">";
    metaRow(b, w.get("label.date"), displayDate(a.endedAtMs));
    metaRow(b, w.get("label.duration"), displayDuration(c, card.totalMs));
    metaRow(b, w.get("label.attempt"), "#" + std::to_string(a.id));
    if (!a.originStore.empty()) metaRow(b, w.get("label.store"), a.originStore);
    b += "</dl></div>\n";
    if (const std::string* why = alteredReason(c.options, a.id)) {
        b += "<div class=\"altered-banner\">";
        text(b, w.get("integrity.banner", {{"reason", *why}}));
        b += "</div>\n";
    }
    b += "<div class=\"summary\">\n<div class=\"box gauge\">";
    b += percentRing(card.percent, card.passed);
    b += card.passed ? "<span class=\"badge pass\">" : "<span class=\"badge fail\">";
    text(b, w.get(card.passed ? "verdict.pass" : card.finished ? "verdict.fail" : "verdict.unfinished"));
    b += "</span><div class=\"small\">";
    text(b, w.get("score.points", {{"earned", std::to_string(card.earnedTotal)},
                                   {"best", std::to_string(card.bestTotal)},
                                   {"threshold", std::to_string(card.passThreshold)}}));
    b += "</div></div>\n<div class=\"box\"><h3>";
    text(b, w.get("section.outcome"));
    b += "</h3><dl class=\"kv\">";
    metaRow(b, w.get("outcome.ending"),
            card.finished ? card.endingTitle.in(c.lang) + " (" + w.get("kind." + card.endingKind) + ")"
                          : w.get("outcome.not-reached"));
    metaRow(b, w.get("outcome.mood"), std::to_string(card.finalMood) + " / 100");
    metaRow(b, w.get("outcome.trust"), std::to_string(card.finalTrust) + " / 100");
    metaRow(b, w.get("outcome.recommend"),
            std::to_string(card.recommend) + " / 10 (" + w.get("nps." + card.npsClass) + ")");
    b += "</dl></div>\n<div class=\"box\"><h3>";
    text(b, w.get("section.critical"));
    b += "</h3>";
    if (card.critical.empty()) {
        b += "<div class=\"small\">";
        text(b, w.get("critical.none"));
        b += "</div>";
    } else {
        b += "<ul class=\"critical\">";
        for (const CriticalResult& cr : card.critical) {
            b += cr.met ? "<li class=\"met\">" : "<li class=\"missed\">";
            text(b, cr.label.in(c.lang));
            b += " <span class=\"small\">(";
            text(b, w.get(cr.met ? std::string("critical.met") : "critical." + cr.reason));
            b += ")</span></li>";
        }
        b += "</ul>";
    }
    b += "</div>\n</div>\n<h2>";
    text(b, w.get("section.principles"));
    b += "</h2>\n";
    std::vector<std::pair<std::string, Bar>> ordered;
    for (const PrincipleScore& p : card.principles)
        ordered.emplace_back(p.id, Bar{principleName(c, p.id), p.earned, p.achievable});
    sortByCatalogue(ordered, c);
    std::vector<Bar> bars;
    std::vector<std::string> ids;
    for (auto& [id, bar] : ordered) {
        bars.push_back(bar);
        ids.push_back(id);
    }
    principleChart(b, bars, c);
    // Each principle's achievable is its own best path; say so when no one path reaches them all.
    long long achievableSum = 0;
    for (const PrincipleScore& p : card.principles) achievableSum += p.achievable;
    if (achievableSum > card.bestTotal) {
        b += "<p class=\"small\">";
        text(b, w.get("note.achievable", {{"sum", std::to_string(achievableSum)},
                                          {"best", std::to_string(card.bestTotal)}}));
        b += "</p>\n";
    }
    b += "<h2>";
    text(b, w.get("section.decisions"));
    b += "</h2>\n<ol class=\"decisions\">\n";
    int step = 0;
    for (const DecisionRecord& d : card.decisions) {
        b += "<li><div class=\"dhead\"><span class=\"step\">";
        appendInt(b, ++step);
        b += d.timeout ? "</span><span class=\"choice timeout\">" : "</span><span class=\"choice\">";
        text(b, d.timeout && d.choiceText.empty() ? w.get("decision.timeout") : d.choiceText.in(c.lang));
        b += "</span><span class=\"time\">";
        text(b, displayDuration(c, d.elapsedMs));
        b += "</span></div>";
        if (!d.points.empty()) {
            b += "<div class=\"chips\">";
            for (const auto& [id, pts] : d.points) b += pointsChip(c, id, pts);
            b += "</div>";
        }
        if (!d.feedback.empty()) {
            b += "<p class=\"feedback\">";
            text(b, d.feedback.in(c.lang));
            b += "</p>";
        }
        b += "</li>\n";
    }
    b += "</ol>\n";
    principleSources(b, ids, c);
    std::string extra;
    text(extra, w.get("footer.hash"));
    extra += ": " + a.contentHash + " &middot; " + a.uuid;
    footer(b, c, extra);
    b += "</section>\n";
}

}  // namespace html

ExportResult exportHtml(const ResultsStore& store, const ExportOptions& options,
                        const SigningKey& key, ByteSink& out) {
    const ExportStrings english;
    const ExportStrings& words = options.strings ? *options.strings : english;
    const Context c{options, words, options.lang, shortFingerprint(key.fingerprint()), key.storeName,
                    exportTime(options)};
    SignedWriter w(out, key, ExportFormat::Html);
    ExportResult result;
    const std::int64_t count = store.countAttempts(options.filter);
    if (count == 1) {
        const auto list = store.listAttempts(options.filter);
        const auto full = store.getAttempt(list.at(0).id);
        if (!full) throw StoreError("the attempt disappeared while it was being exported");
        html::documentStart(w.buf, c,
                            words.get("title.scorecard") + " - " + full->summary.traineeName +
                                " - " + full->summary.scenarioTitle.in(options.lang));
        html::scorecardPage(w.buf, *full, c);
        result.attempts = result.rows = 1;
    } else {
        html::documentStart(w.buf, c, words.get("title.cohort"));
        cohortPage(w.buf, store, c, result);
        w.maybeFlush();
        if (options.htmlDetail) {
            AttemptFilter f = options.filter;
            for (const AttemptSummary& s : store.listAttempts(f)) {
                if (auto full = store.getAttempt(s.id)) html::scorecardPage(w.buf, *full, c);
                w.maybeFlush();
            }
        }
    }
    html::documentEnd(w.buf);
    out.write(htmlSignatureLine(key, w.finish()));
    return result;
}

}  // namespace counterplay::core
