// `counterplay export`: signed exports of stored attempts as JSON, CSV, xAPI statements or a
// printable HTML scorecard, to a file (written atomically) or stdout.
#include <iostream>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Loader.h"

namespace counterplay::tools {
namespace {

/// Sends export bytes to std::cout (binary-safe).
class CoutSink final : public core::ByteSink {
public:
    void write(std::string_view bytes) override {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
};

}  // namespace

int exportMain(int argc, char** argv) {
    CLI::App app{
        "Export stored attempts, signed with this machine's Ed25519 key: json (complete attempts), "
        "csv "
        "(one row per attempt, a column per principle; --decisions: one row per "
        "decision; signature in FILE.sig), xapi (xAPI 1.0.3 statements, signature in FILE.sig) or "
        "html (a "
        "printable scorecard; several attempts give a cohort report). Without a "
        "selection every attempt is exported.",
        "counterplay export"};
    std::string formatText, out, db, langValue, catalogue, baseIri, sigPath, scenarios;
    SelectionOptions sel;
    bool decisions = false, detail = false, includeAltered = false;
    app.add_option("--format", formatText, "json, csv, xapi or html")
        ->required()
        ->check(CLI::IsMember({"json", "csv", "xapi", "html"}));
    addSelectionOptions(app, sel);
    app.add_option("--out", out,
                   "Write to FILE (atomically; a regular file or a new one, never a device or "
                   "folder) instead of stdout; '-' is stdout");
    addDbOption(app, db);
    addLangOption(app, langValue);
    app.add_flag("--decisions", decisions, "csv: one row per decision instead of per attempt");
    bool coaching = false;
    app.add_flag("--coaching", coaching,
                 "csv: one row per coaching note on the attempts and per sign-off of their "
                 "trainees instead of per attempt");
    app.add_flag("--detail", detail,
                 "html over several attempts: add every attempt's full scorecard after the report");
    app.add_option("--catalogue", catalogue,
                   "Principle catalogue for principle names (default: scenarios/principles.yaml)");
    app.add_option("--base-iri", baseIri,
                   "xapi: base IRI of activity ids (default: $COUNTERPLAY_XAPI_BASE, else "
                   "https://counterplay.example/xapi)");
    app.add_option("--sig", sigPath,
                   "xapi or csv on stdout: write the detached signature to this file");
    app.add_flag("--include-altered", includeAltered,
                 "Export attempts changed after they were recorded too, marked as altered "
                 "(without it the export is refused)");
    addScenariosOption(app, scenarios);
    if (auto code = parseCommandLine(app, argc, argv)) return *code;

    core::ExportFormat format{};
    core::parseExportFormat(formatText, format);
    core::ExportOptions options;
    options.lang = resolveLang(langValue);
    if (!buildFilter(sel, options.filter, "export", options.lang, std::cerr)) return kExitUsage;
    options.csvDecisions = decisions;
    options.csvCoaching = coaching;
    options.htmlDetail = detail;
    options.xapi.baseIri = baseIri.empty() ? core::defaultXapiBaseIri() : baseIri;
    if (!core::isValidBaseIri(options.xapi.baseIri)) {
        std::cerr << "counterplay export: "
                  << label("export.bad-base-iri", options.lang, {{"iri", options.xapi.baseIri}})
                  << '\n';
        return kExitUsage;
    }

    if (out == "-") out.clear();
    if (!out.empty()) {
        // Refused before anything is read, so a bad --out never costs a long export.
        std::string resolved, why;
        core::Problem problem;
        if (!core::resolveWriteTarget(out, resolved, why, &problem)) {
            std::cerr << "counterplay export: "
                      << label("select.out", options.lang,
                               {{"reason", problemText(problem, options.lang, why)}})
                      << '\n';
            return kExitUsage;
        }
        const bool detached =
            format == core::ExportFormat::Xapi || format == core::ExportFormat::Csv;
        if (detached && !core::resolveWriteTarget(out + ".sig", resolved, why, &problem)) {
            std::cerr << "counterplay export: "
                      << label("select.sig-file", options.lang,
                               {{"reason", problemText(problem, options.lang, why)}})
                      << '\n';
            return kExitUsage;
        }
    }
    auto store =
        openStoreForVerb(db, core::ResultsStore::Mode::ReadOnly, "export", options.lang, std::cerr);
    if (!store) return kExitUsage;  // a database that cannot be used
    if (int code = resolveSelection(*store, sel, options.filter, "export", options.lang, std::cerr))
        return code;
    std::string error;
    const auto key = core::loadSigningKey(core::signingKeyPath(), true, error);
    if (!key) {
        std::cerr << "counterplay export: " << error << '\n';
        return kExitData;
    }
    // Every selected attempt's seal (and replay, where its scenario file is here) is checked.
    try {
        const core::Trust trust = loadTrustForVerb("export", std::cerr);
        const auto index = scenarioIndexFor(scenarios);
        options.altered = alteredAttempts(*store, options.filter, trust, index.get());
    } catch (const std::exception& e) {
        std::cerr << "counterplay export: " << exceptionText(e, options.lang) << '\n';
        return kExitData;
    }
    if (!options.altered.empty()) {
        const std::string n = std::to_string(options.altered.size());
        if (!includeAltered) {
            std::cerr << "counterplay export: "
                      << label("export.altered", options.lang,
                               {{"n", n}, {"ids", idList(options.altered)}})
                      << '\n';
            return kExitData;
        }
        std::cerr << "counterplay export: "
                  << label("export.altered-included", options.lang,
                           {{"n", n}, {"ids", idList(options.altered)}})
                  << '\n';
    }
    std::shared_ptr<const core::Catalogue> cat;
    if (format == core::ExportFormat::Html) {
        const core::CatalogueLoad load =
            core::loadCatalogueFile(catalogue.empty() ? defaultCataloguePath() : catalogue);
        if (load.ok())
            cat = load.catalogue;
        else
            std::cerr << "counterplay export: " << label("export.no-catalogue", options.lang)
                      << '\n';
    }
    options.catalogue = cat.get();
    std::string wordsError;
    const core::ExportStrings words(exportStringsPath(), options.lang, wordsError);
    if (!wordsError.empty() && format == core::ExportFormat::Html)
        std::cerr << "counterplay export: " << wordsError << '\n';
    options.strings = &words;

    try {
        core::ExportResult result;
        if (out.empty()) {
            CoutSink sink;
            result = core::exportAttempts(*store, format, options, *key, sink);
            std::cout.flush();
            if (format == core::ExportFormat::Xapi || format == core::ExportFormat::Csv) {
                if (!sigPath.empty()) {
                    if (!core::writeFileAtomic(sigPath, result.detachedSignature, error)) {
                        std::cerr << "counterplay export: "
                                  << writeErrorText(sigPath, error, options.lang) << '\n';
                        return writeErrorExit(sigPath);
                    }
                } else {
                    std::cerr << "counterplay export: "
                              << label("export.no-signature", options.lang,
                                       {{"format", formatText}})
                              << '\n';
                }
            }
        } else {
            if (!core::exportToFile(*store, format, options, out, result, error)) {
                std::cerr << "counterplay export: " << writeErrorText(out, error, options.lang)
                          << '\n';
                return kExitData;
            }
            const bool detached =
                format == core::ExportFormat::Xapi || format == core::ExportFormat::Csv;
            std::cerr << label(detached ? "export.exported-sig" : "export.exported", options.lang,
                               {{"n", std::to_string(result.attempts)}, {"out", out}})
                      << '\n';
        }
    } catch (const std::exception& e) {
        std::cerr << "counterplay export: " << exceptionText(e, options.lang) << '\n';
        return kExitData;
    }
    return kExitOk;
}

}  // namespace counterplay::tools
