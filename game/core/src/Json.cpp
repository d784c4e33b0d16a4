// JSON forms of the core records. Keys are camelCase field names; nlohmann::json objects are
// sorted maps, so dumps are deterministic. from_json throws nlohmann::json::exception on a
// missing required key or a wrong type; callers that read untrusted files catch it.
#include "counterplay/core/Json.h"

namespace counterplay::core {

using nlohmann::json;

namespace {

template <typename T>
void getOptional(const json& j, const char* key, T& out) {
    auto it = j.find(key);
    if (it != j.end() && !it->is_null()) it->get_to(out);
}

json pointsJson(const Points& p) {
    json j = json::object();
    for (const auto& [id, pts] : p) j[id] = pts;
    return j;
}

}  // namespace

void to_json(json& j, const Text& t) { j = json{{"ko", t.ko}, {"en", t.en}}; }

void from_json(const json& j, Text& t) {
    t = Text{};
    if (j.is_string()) {  // a plain string is accepted as both languages
        t.ko = t.en = j.get<std::string>();
        return;
    }
    getOptional(j, "ko", t.ko);
    getOptional(j, "en", t.en);
}

void to_json(json& j, const Diagnostic& d) {
    j = json{{"file", d.file},     {"line", d.line}, {"column", d.column},
             {"path", d.path},     {"severity", severityName(d.severity)},
             {"message", d.message}};
}

void to_json(json& j, const Decision& d) {
    j = json{{"nodeId", d.nodeId},
             {"choiceIndex", d.choiceIndex},
             {"choiceId", d.choiceId},
             {"elapsedMs", d.elapsedMs}};
}

void from_json(const json& j, Decision& d) {
    d = Decision{};
    j.at("nodeId").get_to(d.nodeId);
    j.at("choiceIndex").get_to(d.choiceIndex);
    getOptional(j, "choiceId", d.choiceId);
    getOptional(j, "elapsedMs", d.elapsedMs);
}

void to_json(json& j, const Transcript& t) {
    j = json{{"scenarioId", t.scenarioId},
             {"contentHash", t.contentHash},
             {"decisions", t.decisions}};
    if (t.shuffleSeed) j["shuffleSeed"] = *t.shuffleSeed;  // absent: file order
}

void from_json(const json& j, Transcript& t) {
    t = Transcript{};
    getOptional(j, "scenarioId", t.scenarioId);
    getOptional(j, "contentHash", t.contentHash);
    if (auto it = j.find("shuffleSeed"); it != j.end() && !it->is_null()) {
        // A negative, fractional or quoted seed is a broken file.
        if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<std::int64_t>() >= 0))
            throw json::type_error::create(302, "shuffleSeed must be an unsigned integer", &*it);
        t.shuffleSeed = it->get<std::uint64_t>();
    }
    j.at("decisions").get_to(t.decisions);
}

void to_json(json& j, const SessionSnapshot& s) {
    j = json{{"transcript", s.transcript}, {"elapsedInNodeMs", s.elapsedInNodeMs}};
}

void from_json(const json& j, SessionSnapshot& s) {
    s = SessionSnapshot{};
    j.at("transcript").get_to(s.transcript);
    getOptional(j, "elapsedInNodeMs", s.elapsedInNodeMs);
}

void to_json(json& j, const PrincipleScore& p) {
    j = json{{"id", p.id}, {"earned", p.earned}, {"achievable", p.achievable}, {"worst", p.worst}};
}

void from_json(const json& j, PrincipleScore& p) {
    p = PrincipleScore{};
    j.at("id").get_to(p.id);
    getOptional(j, "earned", p.earned);
    getOptional(j, "achievable", p.achievable);
    getOptional(j, "worst", p.worst);
}

void to_json(json& j, const CriticalResult& c) {
    j = json{{"id", c.id}, {"label", c.label}, {"met", c.met}, {"reason", c.reason}};
    if (c.notApplicable) j["notApplicable"] = true;  // only in plays from a node; never stored
}

void from_json(const json& j, CriticalResult& c) {
    c = CriticalResult{};
    j.at("id").get_to(c.id);
    getOptional(j, "label", c.label);
    getOptional(j, "met", c.met);
    getOptional(j, "reason", c.reason);
    getOptional(j, "notApplicable", c.notApplicable);
}

void to_json(json& j, const DecisionRecord& d) {
    j = json{{"nodeId", d.nodeId},
             {"choiceIndex", d.choiceIndex},
             {"choiceId", d.choiceId},
             {"choiceText", d.choiceText},
             {"feedback", d.feedback},
             {"points", pointsJson(d.points)},
             {"tags", d.tags},
             {"elapsedMs", d.elapsedMs},
             {"timeout", d.timeout}};
}

void from_json(const json& j, DecisionRecord& d) {
    d = DecisionRecord{};
    j.at("nodeId").get_to(d.nodeId);
    j.at("choiceIndex").get_to(d.choiceIndex);
    getOptional(j, "choiceId", d.choiceId);
    getOptional(j, "choiceText", d.choiceText);
    getOptional(j, "feedback", d.feedback);
    getOptional(j, "points", d.points);
    getOptional(j, "tags", d.tags);
    getOptional(j, "elapsedMs", d.elapsedMs);
    getOptional(j, "timeout", d.timeout);
}

void to_json(json& j, const Scorecard& s) {
    j = json{{"scenarioId", s.scenarioId},
             {"scenarioTitle", s.scenarioTitle},
             {"contentHash", s.contentHash},
             {"principles", s.principles},
             {"earnedTotal", s.earnedTotal},
             {"bestTotal", s.bestTotal},
             {"worstTotal", s.worstTotal},
             {"percent", s.percent},
             {"passThreshold", s.passThreshold},
             {"passed", s.passed},
             {"critical", s.critical},
             {"criticalMissed", s.criticalMissed},
             {"finished", s.finished},
             {"endingId", s.endingId},
             {"endingKind", s.endingKind},
             {"endingTitle", s.endingTitle},
             {"finalMood", s.finalMood},
             {"finalTrust", s.finalTrust},
             {"recommend", s.recommend},
             {"npsClass", s.npsClass},
             {"decisions", s.decisions},
             {"totalMs", s.totalMs}};
}

void from_json(const json& j, Scorecard& s) {
    s = Scorecard{};
    j.at("scenarioId").get_to(s.scenarioId);
    getOptional(j, "scenarioTitle", s.scenarioTitle);
    getOptional(j, "contentHash", s.contentHash);
    getOptional(j, "principles", s.principles);
    getOptional(j, "earnedTotal", s.earnedTotal);
    getOptional(j, "bestTotal", s.bestTotal);
    getOptional(j, "worstTotal", s.worstTotal);
    getOptional(j, "percent", s.percent);
    getOptional(j, "passThreshold", s.passThreshold);
    getOptional(j, "passed", s.passed);
    getOptional(j, "critical", s.critical);
    getOptional(j, "criticalMissed", s.criticalMissed);
    getOptional(j, "finished", s.finished);
    getOptional(j, "endingId", s.endingId);
    getOptional(j, "endingKind", s.endingKind);
    getOptional(j, "endingTitle", s.endingTitle);
    getOptional(j, "finalMood", s.finalMood);
    getOptional(j, "finalTrust", s.finalTrust);
    getOptional(j, "recommend", s.recommend);
    getOptional(j, "npsClass", s.npsClass);
    getOptional(j, "decisions", s.decisions);
    getOptional(j, "totalMs", s.totalMs);
}

void to_json(json& j, const ScoredPath& p) {
    json steps = json::array();
    for (const PathStep& step : p.steps)
        steps.push_back(json{{"node", step.nodeId}, {"choice", step.choiceIndex}});
    j = json{{"exists", p.exists},
             {"total", p.total},
             {"points", pointsJson(p.points)},
             {"steps", std::move(steps)},
             {"ending", p.endingNode}};
}

void to_json(json& j, const Analysis& a) {
    json principles = json::array();
    for (const PrincipleRange& r : a.principles)
        principles.push_back(json{{"id", r.id}, {"best", r.best}, {"worst", r.worst}});
    j = json{{"best", a.best},
             {"worst", a.worst},
             {"principles", std::move(principles)},
             {"exercised", a.exercised},
             {"unreachable", a.unreachable},
             {"deadEnds", a.deadEnds},
             {"endings", a.endings},
             {"canPass", a.canPass},
             {"canFail", a.canFail},
             {"problems", a.problems}};
}

}  // namespace counterplay::core
