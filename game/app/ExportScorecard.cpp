#include "ExportScorecard.h"

namespace counterplay::app {

bool exportScorecardHtml(Context& ctx, const DebriefData& data, std::string& path, std::string& error) {
    (void)ctx;
    (void)data;
    path.clear();
    error = "the HTML exporter is not part of this build yet";
    return false;
}

}  // namespace counterplay::app
