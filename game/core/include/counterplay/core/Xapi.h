// xAPI 1.0.3 statements for a stored attempt: an attempt is a registration; "launched", one
// "responded" per decision, then "completed" plus "passed" or "failed" (or "terminated" when the
// attempt did not reach an ending). Statement ids are name-based UUIDs (v5), so re-sending an
// attempt never duplicates it in a Learning Record Store. Mapping: docs/results.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

struct SignOff;

struct XapiOptions {
    /// Every activity id and extension key lives under this IRI (no trailing slash), e.g.
    /// "https://training.example.com/counterplay". Keep it fixed for a site: statement ids do not
    /// depend on it, so an LRS would reject re-sent statements with other activity ids (409).
    std::string baseIri = "https://counterplay.example/xapi";
};

/// Percent-encodes everything but RFC 3986 unreserved characters (ids in IRIs, query values).
std::string percentEncode(const std::string& s);

/// The base IRI from $COUNTERPLAY_XAPI_BASE, else XapiOptions' default.
std::string defaultXapiBaseIri();

/// True when `iri` is an absolute http(s) or urn IRI without spaces, usable as a base.
bool isValidBaseIri(const std::string& iri);

/// The statements of one attempt, in order (timestamps from its start and decision times).
nlohmann::json xapiStatements(const StoredAttempt& attempt, const XapiOptions& options);

/// The deterministic id of an attempt's statement: uuidV5 of "<attempt uuid>/<part>" in the
/// Counterplay namespace (part: "launched", "decision/<n>", "completed", "result", "terminated").
std::string xapiStatementId(const std::string& attemptUuid, const std::string& part);

/// The statement of a manager's sign-off (Coaching.h): actor the trainee, verb
/// "<base>/verbs/signed-off", object the principle ("<base>/principles/<id>") or the whole set
/// ("<base>/principles"), the manager as context.instructor, timestamp when it was signed. Its
/// id is xapiStatementId(<sign-off uuid>, "sign-off"), so re-sending never duplicates it.
nlohmann::json xapiSignOffStatement(const SignOff& signOff, const Trainee& trainee,
                                    const XapiOptions& options);

/// The voiding statement of a revoked sign-off (actor the manager who revoked it, object a
/// StatementRef to the sign-off's statement, timestamp when it was revoked).
nlohmann::json xapiSignOffVoiding(const SignOff& signOff, const XapiOptions& options);

/// The id of a sign-off's statement (see xapiSignOffStatement).
std::string xapiSignOffStatementId(const SignOff& signOff);

/// ISO 8601 duration "PT#H#M#.##S" (xAPI keeps 0.01 s precision).
std::string isoDuration(std::int64_t ms);

}  // namespace counterplay::core
