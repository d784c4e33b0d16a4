// Coaching in the cohort report (see CohortReport.h and CohortReportParts.h): the sign-offs and
// notes behind the report's selection, read from the store, and the HTML section that prints
// them. Revoked sign-offs are never shown as standing.
#include <optional>
#include <set>
#include <unordered_map>

#include "counterplay/core/CohortReport.h"
#include "results/CohortReportParts.h"
#include "results/HtmlParts.h"

namespace counterplay::core {

ReportCoaching loadReportCoaching(const ResultsStore& store, const Cohort& cohort,
                                  const DashboardFilter& filter) {
    ReportCoaching out;
    std::unordered_map<std::int64_t, std::uint32_t> selected;  // attempt id -> cohort index
    std::set<int> trainees;
    for (std::uint32_t i : cohort.select(filter)) {
        selected.emplace(cohort.attempts()[i].id, i);
        trainees.insert(cohort.attempts()[i].trainee);
    }
    for (int t : trainees) {
        const std::string& key = cohort.trainees()[static_cast<std::size_t>(t)].key;
        for (SignOff& o : signOffs(store, key)) {
            if (o.revoked) continue;
            // A report of a period ending earlier shows what stood by then.
            if (filter.untilMs && o.signedAtMs >= *filter.untilMs) continue;
            out.signOffs[key].push_back(std::move(o));
        }
        std::int64_t loadedId = 0;  // notes come by attempt: load each pinned attempt once
        std::optional<StoredAttempt> loaded;
        for (CoachingNote& n : notesForTrainee(store, key)) {
            const auto it = selected.find(n.attemptId);
            if (it == selected.end()) continue;
            const CohortAttempt& a = cohort.attempts()[it->second];
            const CohortScenario& sc = cohort.scenarios()[static_cast<std::size_t>(a.scenario)];
            ReportNote r;
            r.scenarioId = sc.id;
            r.scenarioTitle = sc.title;
            if (n.decisionIndex >= 0) {
                r.step = n.decisionIndex + 1;
                if (loadedId != n.attemptId) {
                    loaded = store.getAttempt(n.attemptId);
                    loadedId = n.attemptId;
                }
                const auto idx = static_cast<std::size_t>(n.decisionIndex);
                if (loaded && idx < loaded->scorecard.decisions.size()) {
                    const DecisionRecord& d = loaded->scorecard.decisions[idx];
                    r.choiceText = d.choiceText;
                    r.choiceId = d.choiceId;
                    r.timeout = d.timeout;
                }
            }
            r.note = std::move(n);
            out.notes[key].push_back(std::move(r));
        }
    }
    return out;
}

namespace report {
namespace {

using html::text;

std::string day(std::int64_t ms) { return localDateTime(ms).substr(0, 10); }

/// `s` cut to at most `maxBytes` bytes at a character boundary, with an ellipsis when cut.
std::string shortened(const std::string& s, std::size_t maxBytes) {
    if (s.size() <= maxBytes) return s;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end) + "\xE2\x80\xA6";
}

class CoachingWriter {
public:
    CoachingWriter(std::string& b, const CohortReportOptions& o, const ExportStrings& w)
        : b_(b), opt_(o), words_(w) {}

    std::string w(std::string_view key,
                  std::initializer_list<std::pair<const char*, std::string>> args = {}) const {
        return words_.get(key, args);
    }

    std::string scope(const SignOff& o) const {
        return o.principleId.empty() ? w("report.signoff-all")
                                     : principleLabel(opt_.catalogue, o.principleId, opt_.lang);
    }

    std::string signOffLine(const SignOff& o) const {
        return w("report.signoff-line",
                 {{"scope", scope(o)}, {"manager", o.manager}, {"date", day(o.signedAtMs)}});
    }

    std::string pinned(const ReportNote& n) const {
        if (n.step == 0) return w("report.whole-attempt");
        std::string choice =
            n.timeout || n.choiceText.empty() ? std::string() : n.choiceText.in(opt_.lang);
        if (choice.empty()) choice = n.timeout ? w("report.timeout") : n.choiceId;
        // The choice is a sentence; its closing period would double up with the comma or
        // period the note line puts after it (".,").
        while (!choice.empty() && (choice.back() == '.' || choice.back() == ' '))
            choice.pop_back();
        if (choice.size() >= 3 && choice.compare(choice.size() - 3, 3, "\xE3\x80\x82") == 0)
            choice.resize(choice.size() - 3);  // "。"
        return w("report.step-choice", {{"n", std::to_string(n.step)}, {"choice", choice}});
    }

    void th(std::string_view key) {
        b_ += "<th>";
        text(b_, w(key));
        b_ += "</th>";
    }
    void td(const std::string& s, const char* cls = nullptr) {
        b_ += cls ? std::string("<td class=\"") + cls + "\">" : std::string("<td>");
        text(b_, s);
        b_ += "</td>";
    }
    void who(const TeamRow& r) {
        text(b_, r.name);
        if (r.key != r.name) {
            b_ += " <span class=\"key\">";
            text(b_, r.key);
            b_ += "</span>";
        }
    }

    void full(const ReportCoaching& c, const std::vector<TeamRow>& team) {
        for (const TeamRow& r : team) {
            const auto& so = signOffsOf(&c, r.key);
            const auto notes = c.notes.find(r.key);
            if (so.empty() && notes == c.notes.end()) continue;
            b_ += "<div class=\"coach\"><h3>";
            who(r);
            b_ += "</h3>\n";
            if (!so.empty()) {
                b_ += "<ul class=\"signoffs\">";
                for (const SignOff& o : so) {
                    b_ += "<li><span class=\"tick\">&#10003;</span> ";
                    text(b_, signOffLine(o));
                    if (!o.note.empty()) {
                        b_ += " <span class=\"key\">";
                        text(b_, o.note);
                        b_ += "</span>";
                    }
                    b_ += "</li>";
                }
                b_ += "</ul>\n";
            }
            if (notes != c.notes.end()) {
                b_ += "<table class=\"notes\"><thead><tr>";
                th("report.col.attempt");
                th("label.scenario");
                th("report.col.pinned");
                th("report.col.by");
                th("report.col.date");
                th("report.col.note");
                b_ += "</tr></thead><tbody>\n";
                for (const ReportNote& n : notes->second) {
                    b_ += "<tr>";
                    td("#" + std::to_string(n.note.attemptId), "num");
                    td(n.scenarioTitle.empty() ? n.scenarioId : n.scenarioTitle.in(opt_.lang));
                    td(pinned(n));
                    td(n.note.author, "who");
                    td(day(n.note.createdAtMs), "when");
                    td(n.note.text, "text");
                    b_ += "</tr>\n";
                }
                b_ += "</tbody></table>\n";
            }
            b_ += "</div>\n";
        }
    }

    void summary(const ReportCoaching& c, const std::vector<TeamRow>& team) {
        b_ += "<table class=\"notes\"><thead><tr>";
        th("label.trainee");
        th("report.signoffs");
        th("report.col.notes");
        b_ += "</tr></thead><tbody>\n";
        for (const TeamRow& r : team) {
            const auto& so = signOffsOf(&c, r.key);
            const auto notes = c.notes.find(r.key);
            if (so.empty() && notes == c.notes.end()) continue;
            b_ += "<tr><td class=\"who\">";
            who(r);
            b_ += "</td><td>";
            for (std::size_t k = 0; k < so.size(); ++k) {
                if (k) b_ += "; ";
                text(b_, signOffLine(so[k]));
                if (!so[k].note.empty()) {  // the manager's remark, as in the full report
                    b_ += " <span class=\"key\">";
                    text(b_, so[k].note);
                    b_ += "</span>";
                }
            }
            b_ += "</td><td class=\"text\">";
            if (notes != c.notes.end()) {
                const ReportNote& last = notes->second.back();
                text(b_, w("report.n-notes", {{"n", std::to_string(notes->second.size())}}));
                b_ += ". ";
                text(b_, w("report.latest-note", {{"id", std::to_string(last.note.attemptId)},
                                                  {"pinned", pinned(last)},
                                                  {"by", last.note.author},
                                                  {"date", day(last.note.createdAtMs)}}));
                b_ += " ";
                text(b_, shortened(last.note.text, 160));
            }
            b_ += "</td></tr>\n";
        }
        b_ += "</tbody></table>\n";
    }

private:
    std::string& b_;
    const CohortReportOptions& opt_;
    const ExportStrings& words_;
};

}  // namespace

std::string principleLabel(const Catalogue* catalogue, const std::string& id, Lang lang) {
    if (catalogue)
        if (const Principle* p = catalogue->find(id); p && !p->name.empty())
            return p->name.in(lang);
    return id;
}

std::string signedOffText(const std::vector<SignOff>& signOffs, const ExportStrings& words,
                          const Catalogue* catalogue, Lang lang) {
    std::string all, principles;
    std::set<std::string> named;  // signed off twice for one principle: named once
    for (const SignOff& o : signOffs) {
        if (o.principleId.empty()) {
            all = words.get("report.signed-off-all");
            continue;
        }
        if (!named.insert(o.principleId).second) continue;
        principles +=
            (principles.empty() ? "" : "; ") + principleLabel(catalogue, o.principleId, lang);
    }
    if (all.empty()) return principles;
    return principles.empty() ? all : all + "; " + principles;
}

const std::vector<SignOff>& signOffsOf(const ReportCoaching* coaching, const std::string& key) {
    static const std::vector<SignOff> none;
    if (!coaching) return none;
    const auto it = coaching->signOffs.find(key);
    return it == coaching->signOffs.end() ? none : it->second;
}

void coachingSection(std::string& b, const ReportCoaching& coaching,
                     const std::vector<TeamRow>& team, const CohortReportOptions& options,
                     const ExportStrings& words) {
    b += "<h2>";
    text(b, words.get("report.coaching"));
    b += "</h2>\n";
    bool any = false;
    for (const TeamRow& r : team)
        any = any || !signOffsOf(&coaching, r.key).empty() || coaching.notes.count(r.key);
    if (!any) {
        b += "<p class=\"note\">";
        text(b, words.get("report.coaching-none"));
        b += "</p>\n";
        return;
    }
    CoachingWriter wr(b, options, words);
    if (options.summary)
        wr.summary(coaching, team);
    else
        wr.full(coaching, team);
}

}  // namespace report
}  // namespace counterplay::core
