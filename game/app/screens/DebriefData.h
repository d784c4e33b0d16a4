// What the play screen hands to the debrief: the finished attempt's scorecard and where it went.
#pragma once

#include <cstdint>
#include <string>

#include "ScenarioLibrary.h"
#include "counterplay/core/Scorecard.h"
#include "counterplay/core/Transcript.h"

namespace counterplay::app {

struct DebriefData {
    const ScenarioEntry* entry = nullptr;
    core::Scorecard scorecard;
    core::Transcript transcript;
    std::int64_t attemptId = -1;  ///< id in the results store; -1 when it could not be stored
    std::string storeError;
};

}  // namespace counterplay::app
