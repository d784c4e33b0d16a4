// xAPI 1.0.3 statements of a stored attempt (see Xapi.h and docs/results.md for the mapping).
#include "counterplay/core/Xapi.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "counterplay/core/Export.h"
#include "counterplay/core/Uuid.h"

namespace counterplay::core {
namespace {

using nlohmann::json;

constexpr const char* kAdl = "http://adlnet.gov/expapi/verbs/";

/// The namespace of statement ids: uuidV5(URL namespace, a fixed Counterplay IRI).
const std::string& statementNamespace() {
    static const std::string ns =
        uuidV5(kUuidNamespaceUrl, "https://github.com/counterplay/xapi/statement-ids");
    return ns;
}

json verb(const std::string& name) {
    return {{"id", kAdl + name}, {"display", {{"en-US", name}}}};
}

json langMap(const Text& t) {
    json m = json::object();
    if (!t.ko.empty()) m["ko-KR"] = t.ko;
    if (!t.en.empty()) m["en-US"] = t.en;
    if (m.empty()) m["en-US"] = "(untitled)";
    return m;
}

json actorOf(const AttemptSummary& a, const std::string& base) {
    json actor = {{"objectType", "Agent"}, {"name", a.traineeName}};
    if (a.traineeEmail.find('@') != std::string::npos)
        actor["mbox"] = "mailto:" + a.traineeEmail;
    else
        actor["account"] = {{"homePage", base}, {"name", a.traineeKey}};
    return actor;
}

json categoryActivity(const std::string& base) {
    return {{"id", base},
            {"objectType", "Activity"},
            {"definition", {{"name", {{"en-US", "Counterplay"}}}}}};
}

json pointsJson(const Points& points) {
    json j = json::object();
    for (const auto& [id, p] : points) j[id] = p;
    return j;
}

}  // namespace

/// Percent-encodes everything but RFC 3986 unreserved characters (ids inside IRIs).
std::string percentEncode(const std::string& s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::string defaultXapiBaseIri() {
    const char* env = std::getenv("COUNTERPLAY_XAPI_BASE");
    if (env && *env) {
        std::string v = env;
        while (!v.empty() && v.back() == '/') v.pop_back();
        return v;
    }
    return XapiOptions{}.baseIri;
}

bool isValidBaseIri(const std::string& iri) {
    if (iri.empty() || iri.back() == '/') return false;
    for (unsigned char c : iri)
        if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c == 0x7F)
            return false;
    return iri.rfind("https://", 0) == 0 || iri.rfind("http://", 0) == 0 ||
           iri.rfind("urn:", 0) == 0;
}

std::string xapiStatementId(const std::string& attemptUuid, const std::string& part) {
    return uuidV5(statementNamespace(), attemptUuid + "/" + part);
}

std::string isoDuration(std::int64_t ms) {
    if (ms < 0) ms = 0;
    const std::int64_t centis = (ms + 5) / 10;
    const std::int64_t h = centis / 360000, m = centis / 6000 % 60, cs = centis % 6000;
    char buf[64];
    std::string out = "PT";
    if (h) out += std::to_string(h) + "H";
    if (h || m) out += std::to_string(m) + "M";
    std::snprintf(buf, sizeof buf, "%lld.%02lldS", static_cast<long long>(cs / 100),
                  static_cast<long long>(cs % 100));
    return out + buf;
}

json xapiStatements(const StoredAttempt& attempt, const XapiOptions& options) {
    const AttemptSummary& a = attempt.summary;
    const Scorecard& card = attempt.scorecard;
    const std::string& base = options.baseIri;
    const std::string ext = base + "/extensions/";
    const std::string scenarioIri = base + "/scenarios/" + percentEncode(a.scenarioId);
    const json scenario = {{"objectType", "Activity"},
                           {"id", scenarioIri},
                           {"definition",
                            {{"type", "http://adlnet.gov/expapi/activities/simulation"},
                             {"name", langMap(a.scenarioTitle)}}}};
    const json actor = actorOf(a, base);
    const std::string language = a.lang == "ko" ? "ko-KR" : "en-US";
    auto context = [&](bool child) {
        json c = {{"registration", a.uuid},
                  {"platform", "Counterplay"},
                  {"language", language},
                  {"extensions",
                   {{ext + "content-hash", a.contentHash}, {ext + "scenario-id", a.scenarioId}}}};
        // Every statement carries the Counterplay category (the base IRI as an activity), so a
        // pull can ask the LRS for exactly ours: activity=<base>&related_activities=true.
        c["contextActivities"] = {{"category", json::array({categoryActivity(base)})}};
        if (child) c["contextActivities"]["parent"] = json::array({{{"id", scenarioIri}}});
        return c;
    };
    auto statement = [&](const std::string& part, const std::string& verbName, json object,
                         std::int64_t atMs, bool child) {
        return json{{"id", xapiStatementId(a.uuid, part)},
                    {"actor", actor},
                    {"verb", verb(verbName)},
                    {"object", std::move(object)},
                    {"context", context(child)},
                    {"timestamp", formatIsoUtc(atMs)}};
    };

    json out = json::array();
    out.push_back(statement("launched", "launched", scenario, a.startedAtMs, false));
    std::int64_t clock = a.startedAtMs;
    const auto& decisions = attempt.transcript.decisions;
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const Decision& d = decisions[i];
        const DecisionRecord* rec =
            i < card.decisions.size() && card.decisions[i].nodeId == d.nodeId ? &card.decisions[i]
                                                                               : nullptr;
        clock += std::max<std::int64_t>(0, d.elapsedMs);
        const json node = {
            {"objectType", "Activity"},
            {"id", scenarioIri + "/nodes/" + percentEncode(d.nodeId)},
            {"definition",
             {{"type", "http://adlnet.gov/expapi/activities/cmi.interaction"},
              {"name", {{"en-US", a.scenarioId + " / " + d.nodeId}}},
              {"interactionType", "choice"}}}};
        json result = {{"response", d.choiceId},
                       {"duration", isoDuration(d.elapsedMs)},
                       {"extensions",
                        {{ext + "step", static_cast<int>(i + 1)},
                         {ext + "points", pointsJson(rec ? rec->points : Points{})},
                         {ext + "elapsed-ms", d.elapsedMs},
                         {ext + "timeout", d.choiceIndex == kTimeoutChoice}}}};
        if (rec && !rec->choiceText.empty())
            result["extensions"][ext + "choice-text"] = {{"ko", rec->choiceText.ko},
                                                         {"en", rec->choiceText.en}};
        json s = statement("decision/" + std::to_string(i + 1), "responded", node, clock, true);
        s["result"] = std::move(result);
        out.push_back(std::move(s));
    }

    const std::int64_t end = std::max(a.endedAtMs, clock);
    if (!card.finished) {
        json s = statement("terminated", "terminated", scenario, end, false);
        s["result"] = {{"completion", false}, {"duration", isoDuration(card.totalMs)}};
        out.push_back(std::move(s));
        return out;
    }
    int min = std::min(card.worstTotal, card.earnedTotal);
    int max = std::max(card.bestTotal, card.earnedTotal);
    if (max <= min) max = min + 1;
    json earned = json::object(), achievable = json::object();
    for (const PrincipleScore& p : card.principles) {
        earned[p.id] = p.earned;
        achievable[p.id] = p.achievable;
    }
    json result = {{"completion", true},
                   {"success", card.passed},
                   {"score",
                    {{"scaled", std::clamp(card.percent, 0, 100) / 100.0},
                     {"raw", card.earnedTotal},
                     {"min", min},
                     {"max", max}}},
                   {"duration", isoDuration(card.totalMs)},
                   {"extensions",
                    {{ext + "points", earned},
                     {ext + "achievable", achievable},
                     {ext + "percent", card.percent},
                     {ext + "critical-missed", card.criticalMissed},
                     {ext + "ending", card.endingId},
                     {ext + "recommend", card.recommend},
                     {ext + "nps-class", card.npsClass}}}};
    json completed = statement("completed", "completed", scenario, end, false);
    completed["result"] = result;
    // The whole attempt as in a JSON export, seal included, so that another machine can pull
    // it back from the LRS exactly as it was recorded (see LrsPull.h).
    json copy = attemptJson(attempt);
    // An LRS written in JavaScript keeps numbers as doubles: a 64-bit shuffle seed would come
    // back rounded and break the seal, so the copy carries it as decimal text (LrsPull.cpp).
    if (auto& t = copy["transcript"]; t.is_object() && t.contains("shuffleSeed") &&
                                      t["shuffleSeed"].is_number_unsigned()) {
        t["shuffleSeedText"] = std::to_string(t["shuffleSeed"].get<std::uint64_t>());
        t.erase("shuffleSeed");
    }
    completed["result"]["extensions"][ext + "attempt"] = std::move(copy);
    out.push_back(std::move(completed));
    json verdict = statement("result", card.passed ? "passed" : "failed", scenario, end, false);
    verdict["result"] = std::move(result);
    out.push_back(std::move(verdict));
    return out;
}

}  // namespace counterplay::core
