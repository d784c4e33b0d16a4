#include "ExportScorecard.h"

#include "counterplay/core/DataDir.h"
#include "counterplay/core/Export.h"
#include "counterplay/core/Signing.h"
#include "platform/AtomicFile.h"
#include "platform/Log.h"

namespace counterplay::app {

bool exportScorecardHtml(Context& ctx, const DebriefData& data, std::string& path, std::string& error) {
    path.clear();
    const core::ResultsStore* store = ctx.progress.store();
    if (store == nullptr || data.attemptId < 0) {
        error = ctx.str("debrief.export.notstored");
        return false;
    }
    std::optional<core::SigningKey> key = core::loadSigningKey(core::signingKeyPath(), true, error);
    if (!key) return false;
    std::string stringsError;
    const core::ExportStrings strings(ctx.paths.assetsDir + "/strings/export.json", ctx.lang(), stringsError);
    if (!stringsError.empty()) logLine("export strings: " + stringsError);
    core::ExportOptions options;
    options.filter.attemptId = data.attemptId;
    options.lang = ctx.lang();
    options.catalogue = ctx.library.catalogue();
    options.strings = &strings;
    core::StringSink sink;
    try {
        core::exportHtml(*store, options, *key, sink);
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
    const std::string file = "scorecard-" + data.entry->scenario->id + "-" + std::to_string(data.attemptId) + "-" +
                             core::langCode(ctx.lang()) + ".html";
    const std::string target = ctx.paths.dataDir + "/exports/" + file;
    if (!writeFileAtomic(target, sink.data, error)) return false;
    path = target;
    return true;
}

}  // namespace counterplay::app
