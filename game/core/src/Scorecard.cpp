// The scorecard of an attempt: points per principle against the analysis, critical actions,
// pass/fail and the customer's outcome. A pure function of (scenario, analysis, transcript).
#include "counterplay/core/Scorecard.h"

#include <algorithm>
#include <climits>
#include <map>

#include "ScoringRules.h"
#include "counterplay/core/Session.h"

namespace counterplay::core {

namespace rules {

/// round(100 * earned / best) clamped to 0..100, in integers (half rounds up).
/// When the best reachable total is not positive there is nothing to be a fraction of: the
/// attempt scores 100 when it earned at least the best total, else 0.
int percentFor(long long earned, long long best) {
    if (best <= 0) return earned >= best ? 100 : 0;
    const long long e = std::max(0LL, earned);
    const long long pct = (200 * e + best) / (2 * best);
    return static_cast<int>(std::clamp(pct, 0LL, 100LL));
}

namespace {
/// 1-based number of the first decision carrying `tag`, or 0 when none did.
int firstWithTag(const std::vector<const std::vector<std::string>*>& taken, const std::string& tag) {
    for (std::size_t i = 0; i < taken.size(); ++i)
        if (std::find(taken[i]->begin(), taken[i]->end(), tag) != taken[i]->end())
            return static_cast<int>(i) + 1;
    return 0;
}
}  // namespace

std::vector<CriticalResult> criticalResults(const Scenario& sc,
                                            const std::vector<const std::vector<std::string>*>& taken) {
    std::vector<int> at;
    for (const CriticalAction& ca : sc.criticalActions) at.push_back(firstWithTag(taken, ca.tag));
    std::vector<CriticalResult> out;
    for (std::size_t i = 0; i < sc.criticalActions.size(); ++i) {
        const CriticalAction& ca = sc.criticalActions[i];
        CriticalResult r;
        r.id = ca.id;
        r.label = ca.label;
        if (ca.notApplicable) {
            r.reason = "not applicable";
            r.notApplicable = true;
        } else if (at[i] == 0) {
            r.reason = "missed";
        } else if (ca.deadline && at[i] > *ca.deadline) {
            r.reason = "late";
        } else if (ca.order) {
            // Out of order: an action that must come first was satisfied later, or never.
            for (std::size_t j = 0; j < sc.criticalActions.size(); ++j) {
                const CriticalAction& other = sc.criticalActions[j];
                if (j == i || !other.order || *other.order >= *ca.order) continue;
                if (other.notApplicable) continue;  // cannot be judged, so cannot come late
                if (at[j] == 0 || at[j] > at[i]) {
                    r.reason = "out of order";
                    break;
                }
            }
        }
        r.met = r.reason.empty();
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace rules

namespace {

int clampToInt(long long v) { return static_cast<int>(std::clamp<long long>(v, INT_MIN, INT_MAX)); }

}  // namespace

const char* npsClassFor(int recommend) {
    if (recommend >= 9) return "promoter";
    if (recommend >= 7) return "passive";
    return "detractor";
}

Scorecard computeScorecard(const Analysis& analysis, const Session& session) {
    const Scenario& sc = session.scenario();
    Scorecard card;
    card.scenarioId = sc.id;
    card.scenarioTitle = sc.title;
    card.contentHash = sc.contentHash;
    card.passThreshold = sc.passThreshold;

    // Decisions, with the content they point at.
    std::map<std::string, long long> earned;
    long long earnedTotal = 0;
    for (const Decision& d : session.transcript().decisions) {
        DecisionRecord r;
        r.nodeId = d.nodeId;
        r.choiceIndex = d.choiceIndex;
        r.choiceId = d.choiceId;
        r.elapsedMs = d.elapsedMs;
        if (const Node* node = sc.findNode(d.nodeId)) {
            if (d.choiceIndex == kTimeoutChoice && node->timeLimit) {
                // The app shows its own "(no answer in time)" label: choiceText stays empty.
                r.timeout = true;
                r.feedback = node->timeLimit->feedback;
                r.points = node->timeLimit->points;
                r.tags = node->timeLimit->tags;
            } else if (d.choiceIndex >= 0 &&
                       static_cast<std::size_t>(d.choiceIndex) < node->choices.size()) {
                const Choice& c = node->choices[static_cast<std::size_t>(d.choiceIndex)];
                r.choiceText = c.text;
                r.feedback = c.feedback;
                r.points = c.points;
                r.tags = c.tags;
            }
        }
        for (const auto& [id, pts] : r.points) {
            earned[id] += pts;
            earnedTotal += pts;
        }
        card.totalMs += r.elapsedMs;
        card.decisions.push_back(std::move(r));
    }

    for (const std::string& id : analysis.exercised) {
        PrincipleScore p;
        p.id = id;
        auto e = earned.find(id);
        p.earned = e == earned.end() ? 0 : clampToInt(e->second);
        for (const PrincipleRange& range : analysis.principles)
            if (range.id == id) p.achievable = range.best, p.worst = range.worst;
        card.principles.push_back(std::move(p));
    }
    card.earnedTotal = clampToInt(earnedTotal);
    card.bestTotal = analysis.best.total;
    card.worstTotal = analysis.worst.total;
    card.percent = rules::percentFor(earnedTotal, analysis.best.total);

    std::vector<const std::vector<std::string>*> tags;
    for (const auto& t : session.takenTags()) tags.push_back(&t);
    card.critical = rules::criticalResults(sc, tags);
    card.criticalMissed = std::any_of(card.critical.begin(), card.critical.end(),
                                      [](const CriticalResult& c) {
                                          return !c.met && !c.notApplicable;
                                      });
    card.finished = session.finished();
    card.passed = card.finished && !card.criticalMissed && card.percent >= card.passThreshold;

    card.finalMood = session.state().mood;
    card.finalTrust = session.state().trust;
    // round((mood + trust) / 20), half up, clamped to 0..10.
    int recommend = std::clamp((card.finalMood + card.finalTrust + 10) / 20, 0, 10);
    if (card.finished) {
        const Node& end = session.currentNode();
        card.endingId = end.ending->id.empty() ? end.id : end.ending->id;
        card.endingKind = end.ending->kind;
        card.endingTitle = end.ending->title;
        if (end.ending->recommend) recommend = std::clamp(*end.ending->recommend, 0, 10);
    }
    card.recommend = recommend;
    card.npsClass = npsClassFor(recommend);
    return card;
}

}  // namespace counterplay::core
