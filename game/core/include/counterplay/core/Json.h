// JSON forms of the core records (nlohmann::json), shared by tools, saves and exports.
#pragma once

#include <nlohmann/json.hpp>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/Diagnostic.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Session.h"
#include "counterplay/core/Text.h"
#include "counterplay/core/Transcript.h"

namespace counterplay::core {

void to_json(nlohmann::json& j, const Text& t);
void from_json(const nlohmann::json& j, Text& t);
void to_json(nlohmann::json& j, const Diagnostic& d);
void to_json(nlohmann::json& j, const Decision& d);
void from_json(const nlohmann::json& j, Decision& d);
void to_json(nlohmann::json& j, const Transcript& t);
void from_json(const nlohmann::json& j, Transcript& t);
void to_json(nlohmann::json& j, const SessionSnapshot& s);
void from_json(const nlohmann::json& j, SessionSnapshot& s);
void to_json(nlohmann::json& j, const PrincipleScore& p);
void from_json(const nlohmann::json& j, PrincipleScore& p);
void to_json(nlohmann::json& j, const CriticalResult& c);
void from_json(const nlohmann::json& j, CriticalResult& c);
void to_json(nlohmann::json& j, const DecisionRecord& d);
void from_json(const nlohmann::json& j, DecisionRecord& d);
void to_json(nlohmann::json& j, const Scorecard& s);
void from_json(const nlohmann::json& j, Scorecard& s);
void to_json(nlohmann::json& j, const ScoredPath& p);
void to_json(nlohmann::json& j, const Analysis& a);

}  // namespace counterplay::core
