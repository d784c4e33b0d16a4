// xAPI statements of coaching sign-offs (see Xapi.h and docs/results.md): a sign-off is a
// statement about the trainee with the manager as instructor; revoking it sends a voiding
// statement.
#include "counterplay/core/Coaching.h"
#include "counterplay/core/Xapi.h"

namespace counterplay::core {
namespace {

using nlohmann::json;

/// An agent identified by an account under the base IRI (managers and trainees without email).
json accountAgent(const std::string& name, const std::string& account, const std::string& base) {
    return {{"objectType", "Agent"},
            {"name", name},
            {"account", {{"homePage", base}, {"name", account}}}};
}

json traineeAgent(const Trainee& t, const std::string& base) {
    const std::string name = t.name.empty() ? t.key : t.name;
    if (t.email.find('@') != std::string::npos)
        return {{"objectType", "Agent"}, {"name", name}, {"mbox", "mailto:" + t.email}};
    return accountAgent(name, t.key, base);
}

/// The manager's agent: account "manager/<name>" so a manager never collides with a trainee
/// whose key is the same text.
json managerAgent(const std::string& manager, const std::string& base) {
    return accountAgent(manager, "manager/" + manager, base);
}

}  // namespace

std::string xapiSignOffStatementId(const SignOff& signOff) {
    // In the attempts' id namespace: "<sign-off uuid>/sign-off" never names an attempt part.
    return xapiStatementId(signOff.uuid, "sign-off");
}

json xapiSignOffStatement(const SignOff& signOff, const Trainee& trainee,
                          const XapiOptions& options) {
    const std::string& base = options.baseIri;
    const bool whole = signOff.principleId.empty();
    json object = {
        {"objectType", "Activity"},
        {"id", whole ? base + "/principles" : base + "/principles/" + percentEncode(signOff.principleId)},
        {"definition",
         {{"type", base + "/activity-types/principle"},
          {"name",
           whole ? json{{"en-US", "All principles (ready for the floor)"},
                        {"ko-KR", "\xEC\xA0\x84\xEC\xB2\xB4 \xEC\x9B\x90\xEC\xB9\x99"}}
                 : json{{"en-US", signOff.principleId}}}}}};
    json context = {
        {"instructor", managerAgent(signOff.manager, base)},
        {"platform", "Counterplay"},
        {"contextActivities",
         {{"category", json::array({{{"id", base},
                                     {"objectType", "Activity"},
                                     {"definition", {{"name", {{"en-US", "Counterplay"}}}}}}})}}},
        {"extensions", {{base + "/extensions/sign-off-uuid", signOff.uuid}}}};
    if (!signOff.note.empty()) context["extensions"][base + "/extensions/sign-off-note"] = signOff.note;
    return {{"id", xapiSignOffStatementId(signOff)},
            {"actor", traineeAgent(trainee, base)},
            {"verb",
             {{"id", base + "/verbs/signed-off"},
              {"display", {{"en-US", "signed off"}, {"ko-KR", "\xEC\x8A\xB9\xEC\x9D\xB8"}}}}},
            {"object", std::move(object)},
            {"context", std::move(context)},
            {"timestamp", formatIsoUtc(signOff.signedAtMs)}};
}

json xapiSignOffVoiding(const SignOff& signOff, const XapiOptions& options) {
    const std::string who = signOff.revokedBy.empty() ? signOff.manager : signOff.revokedBy;
    return {{"id", xapiStatementId(signOff.uuid, "sign-off/voided")},
            {"actor", managerAgent(who, options.baseIri)},
            {"verb",
             {{"id", "http://adlnet.gov/expapi/verbs/voided"}, {"display", {{"en-US", "voided"}}}}},
            {"object", {{"objectType", "StatementRef"}, {"id", xapiSignOffStatementId(signOff)}}},
            {"timestamp", formatIsoUtc(signOff.revokedAtMs ? signOff.revokedAtMs : signOff.signedAtMs)}};
}

}  // namespace counterplay::core
