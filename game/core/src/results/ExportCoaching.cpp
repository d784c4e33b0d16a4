// Coaching in exports: the JSON form of notes and sign-offs, and the coaching CSV (one row per
// note on the selected attempts and per sign-off of their trainees). See docs/results.md.
#include <set>

#include "counterplay/core/CohortReport.h"
#include "results/ExportCommon.h"

namespace counterplay::core {
namespace {

void cell(std::string& out, std::string_view text) {
    appendCsvCell(out, text);
    out += ',';
}

void endRow(std::string& out) {
    out.back() = '\r';  // replaces the trailing comma
    out += '\n';
}

}  // namespace

nlohmann::json coachingNotesJson(const std::vector<CoachingNote>& notes) {
    nlohmann::json out = nlohmann::json::array();
    for (const CoachingNote& n : notes) {
        nlohmann::json j = {{"id", n.id},
                            {"author", n.author},
                            {"text", n.text},
                            {"created_at", formatIsoUtc(n.createdAtMs)},
                            {"created_at_ms", n.createdAtMs}};
        // 1-based step as everywhere a person reads it; null = the whole attempt.
        j["step"] = n.decisionIndex >= 0 ? nlohmann::json(n.decisionIndex + 1) : nlohmann::json();
        out.push_back(std::move(j));
    }
    return out;
}

nlohmann::json signOffsJson(const std::vector<SignOff>& signOffs) {
    nlohmann::json out = nlohmann::json::array();
    for (const SignOff& o : signOffs) {
        nlohmann::json j = {{"id", o.id},
                            {"uuid", o.uuid},
                            {"trainee_key", o.traineeKey},
                            {"principle", o.principleId.empty() ? nlohmann::json()
                                                                : nlohmann::json(o.principleId)},
                            {"manager", o.manager},
                            {"signed_at", formatIsoUtc(o.signedAtMs)},
                            {"signed_at_ms", o.signedAtMs},
                            {"note", o.note},
                            {"revoked", o.revoked}};
        if (o.revoked) {
            j["revoked_by"] = o.revokedBy;
            j["revoked_at"] = formatIsoUtc(o.revokedAtMs);
        }
        out.push_back(std::move(j));
    }
    return out;
}

void coachingTable(const ResultsStore& store, const ExportOptions& options, SignedWriter& w,
                   ExportResult& result) {
    const ExportStrings english;
    const ExportStrings& words = options.strings ? *options.strings : english;
    const std::vector<std::string> ids = {"kind",      "attempt_id",   "attempt_uuid",
                                          "trainee_key", "trainee_name", "scenario_id",
                                          "step",      "principle_id", "by",
                                          "date_local", "text",        "revoked",
                                          "revoked_by", "revoked_local"};
    std::string& b = w.buf;
    for (const std::string& id : ids) cell(b, words.get("csv." + id));
    endRow(b);
    for (const std::string& id : ids) cell(b, id);
    endRow(b);
    std::map<std::string, std::string> trainees;  // key -> name, in key order
    for (const AttemptSummary& a : store.listAttempts(options.filter)) {
        trainees.emplace(a.traineeKey, a.traineeName);
        ++result.attempts;
        for (const CoachingNote& n : notesForAttempt(store, a.id)) {
            cell(b, "note");
            b += std::to_string(a.id) + ',';
            cell(b, a.uuid);
            cell(b, a.traineeKey);
            cell(b, a.traineeName);
            cell(b, a.scenarioId);
            b += n.decisionIndex >= 0 ? std::to_string(n.decisionIndex + 1) + ',' : ",";
            b += ',';
            cell(b, n.author);
            cell(b, localDateTime(n.createdAtMs));
            cell(b, n.text);
            b += ",,,";
            endRow(b);
            ++result.rows;
            w.maybeFlush();
        }
    }
    for (const auto& [key, name] : trainees) {
        for (const SignOff& o : signOffs(store, key)) {
            cell(b, "sign-off");
            b += ",,";
            cell(b, key);
            cell(b, name);
            b += ",,";
            cell(b, o.principleId);
            cell(b, o.manager);
            cell(b, localDateTime(o.signedAtMs));
            cell(b, o.note);
            b += o.revoked ? "true," : "false,";
            cell(b, o.revokedBy);
            cell(b, o.revoked ? localDateTime(o.revokedAtMs) : std::string());
            endRow(b);
            ++result.rows;
        }
    }
}

}  // namespace counterplay::core
