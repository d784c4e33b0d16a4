// "Export scorecard" on the debrief: a signed, printable HTML scorecard of the attempt, written
// to the data folder through the results engineer's exporter.
#pragma once

#include <string>

#include "Context.h"
#include "screens/DebriefData.h"

namespace counterplay::app {

/// Writes the HTML scorecard of the attempt to <data dir>/exports/; true with the file's path,
/// else false with a reason (the attempt was not stored, or the exporter failed).
bool exportScorecardHtml(Context& ctx, const DebriefData& data, std::string& path, std::string& error);

}  // namespace counterplay::app
