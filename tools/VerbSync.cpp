// `counterplay sync`: sends the xAPI statements of attempts not yet sent to a Learning Record
// Store, and records what was sent so that a second run sends nothing new.
#include <cstdlib>
#include <iostream>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/Keyring.h"
#include "counterplay/core/LrsClient.h"
#include "counterplay/core/LrsPull.h"
#include "counterplay/core/LrsSettings.h"

namespace counterplay::tools {

namespace {

/// `sync --pull`: one progress line per page on stderr, a summary on stdout.
int pullMain(const std::string& db, const std::string& lrs, const std::string& key,
             const std::string& secret, const std::string& baseIri, int pageSize, bool full,
             int retries, int retryDelayMs, core::Lang lang) {
    auto store =
        openStoreForVerb(db, core::ResultsStore::Mode::ReadWrite, "sync", lang, std::cerr, false);
    if (!store) return kExitUsage;  // a database that cannot be used
    std::string warning;
    const core::Trust trust = core::loadTrust(warning);
    if (!warning.empty()) std::cerr << "counterplay sync: " << warning << '\n';
    core::LrsConfig config;
    config.endpoint = lrs;
    config.key = key;
    config.secret = secret;
    config.maxRetries = retries;
    config.initialBackoffMs = retryDelayMs;
    core::LrsClient client(config);
    client.onRetry([](const std::string& why, int waitMs) {
        std::cerr << "  " << why << "; trying again in " << waitMs << " ms\n";
    });
    core::PullOptions options;
    options.xapi.baseIri = baseIri.empty() ? core::defaultXapiBaseIri() : baseIri;
    options.pageSize = pageSize;
    options.full = full;
    options.progress = [](const core::PullProgress& p) {
        std::cerr << "  page " << p.pages << ": " << p.statements << " statements read, " << p.added
                  << " attempts added\n";
    };
    try {
        const core::PullResult r = core::pullFromLrs(*store, client, trust, options);
        for (const std::string& why : r.refusals) std::cerr << "  refused: " << why << '\n';
        if (!r.ok) {
            std::cerr << "counterplay sync: the pull stopped: " << r.message << '\n'
                      << "  " << r.totals.added
                      << " attempts were stored before the stop; run the pull again to go on\n";
            return kExitData;
        }
        std::cout << "Pulled " << r.totals.added << " new attempt"
                  << (r.totals.added == 1 ? "" : "s") << " from " << client.url() << " ("
                  << r.totals.statements << " statements in " << r.totals.pages << " pages; "
                  << r.known << " already here";
        if (r.removed) std::cout << "; " << r.removed << " removed as voided";
        if (r.refused) std::cout << "; " << r.refused << " refused";
        std::cout << ")\n";
        return r.refused ? kExitData : kExitOk;
    } catch (const std::exception& e) {
        std::cerr << "counterplay sync: " << exceptionText(e, lang) << '\n';
        return kExitData;
    }
}

}  // namespace

int syncMain(int argc, char** argv) {
    CLI::App app{
        "Send unsent attempts to a Learning Record Store as xAPI 1.0.3 statements "
        "(basic auth, batches, retries on network errors and 5xx). What was sent is "
        "recorded in the results database per LRS URL; a second run sends nothing new. "
        "--save keeps the LRS, key and secret for later runs and for "
        "--send-after-each, which makes the game and `play --trainee` send every "
        "attempt as soon as it is recorded.",
        "counterplay sync"};
    std::string lrs, key, secret, db, baseIri, langValue;
    SelectionOptions sel;
    int batch = 200, retries = 5, retryDelayMs = 500;
    bool dryRun = false, save = false, pull = false, full = false;
    int pageSize = 200;
    std::string sendAfterEach;
    app.add_option("--lrs", lrs,
                   "The LRS's xAPI endpoint, e.g. https://lrs.example.com/xAPI (default: the "
                   "one saved with --save)");
    app.add_option("--key", key, "LRS client key (basic auth user; default $COUNTERPLAY_LRS_KEY)");
    app.add_option("--secret", secret,
                   "LRS client secret (basic auth password; default $COUNTERPLAY_LRS_SECRET)");
    addDbOption(app, db);
    addSelectionOptions(app, sel);
    app.add_option("--base-iri", baseIri,
                   "Base IRI of activity ids (default: $COUNTERPLAY_XAPI_BASE, else "
                   "https://counterplay.example/xapi); keep it fixed for a site");
    app.add_option("--batch", batch, "Statements per request (default 200)")
        ->check(CLI::Range(1, 10000));
    app.add_option("--retries", retries, "Retries after a network error or 5xx (default 5)")
        ->check(CLI::Range(0, 20));
    app.add_option("--retry-delay-ms", retryDelayMs,
                   "First retry delay, doubled each time (default 500)")
        ->check(CLI::Range(0, 60000));
    app.add_flag("--dry-run", dryRun, "Count what would be sent; send nothing");
    app.add_flag("--pull", pull,
                 "Bring every Counterplay attempt stored in the LRS (from every machine) into "
                 "this results database instead of sending; a second pull fetches only what is "
                 "new");
    app.add_option("--page-size", pageSize, "--pull: statements per GET (default 200)")
        ->check(CLI::Range(1, 5000));
    app.add_flag("--full", full, "--pull: read everything again, not only what is new");
    app.add_flag("--save", save,
                 "Save --lrs, --key, --secret and --base-iri as this site's LRS (in the data "
                 "folder, mode 0600), then sync");
    app.add_option("--send-after-each", sendAfterEach,
                   "on: the game and `play --trainee` send each attempt to the saved LRS as soon "
                   "as it is recorded (recommended: the LRS keeps what it received); off: only "
                   "`sync` sends")
        ->check(CLI::IsMember({"on", "off"}));
    addLangOption(app, langValue);
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);

    std::string settingsError;
    std::optional<core::LrsSettings> saved = core::loadLrsSettings(settingsError);
    if (!settingsError.empty()) {
        std::cerr << "counterplay sync: " << settingsError << '\n';
        return kExitData;
    }
    if (lrs.empty() && saved) {
        lrs = saved->endpoint;
        if (key.empty()) key = saved->key;
        if (secret.empty()) secret = saved->secret;
        if (baseIri.empty()) baseIri = saved->baseIri;
    }
    if (lrs.empty()) {
        std::cerr << "counterplay sync: " << label("sync.needs-lrs", lang) << '\n';
        return kExitUsage;
    }

    if (key.empty())
        if (const char* v = std::getenv("COUNTERPLAY_LRS_KEY")) key = v;
    if (secret.empty())
        if (const char* v = std::getenv("COUNTERPLAY_LRS_SECRET")) secret = v;
    // A dry run sends nothing, so it needs no credentials.
    if (!dryRun && (key.empty() || secret.empty())) {
        std::cerr << "counterplay sync: " << label("sync.needs-credentials", lang) << '\n';
        return kExitUsage;
    }
    if (lrs.rfind("http://", 0) != 0 && lrs.rfind("https://", 0) != 0) {
        std::cerr << "counterplay sync: " << label("sync.bad-lrs", lang) << '\n';
        return kExitUsage;
    }
    core::SyncOptions options;
    if (!buildFilter(sel, options.filter, "sync", lang, std::cerr)) return kExitUsage;
    options.xapi.baseIri = baseIri.empty() ? core::defaultXapiBaseIri() : baseIri;
    if (!core::isValidBaseIri(options.xapi.baseIri)) {
        std::cerr << "counterplay sync: "
                  << label("export.bad-base-iri", lang, {{"iri", options.xapi.baseIri}}) << '\n';
        return kExitUsage;
    }
    if (save || !sendAfterEach.empty()) {
        core::LrsSettings settings = saved.value_or(core::LrsSettings{});
        if (save || !saved) {
            settings.endpoint = lrs;
            settings.key = key;
            settings.secret = secret;
            settings.baseIri = baseIri;
        }
        if (!sendAfterEach.empty()) settings.sendAfterEachAttempt = sendAfterEach == "on";
        std::string error;
        if (!core::saveLrsSettings(settings, error)) {
            std::cerr << "counterplay sync: " << error << '\n';
            return kExitData;
        }
        std::cerr << "Saved the LRS " << settings.endpoint << " in " << core::lrsSettingsPath()
                  << "; sending after each attempt: "
                  << (settings.sendAfterEachAttempt ? "on" : "off") << '\n';
    }
    if (pull)
        return pullMain(db, lrs, key, secret, baseIri, pageSize, full, retries, retryDelayMs, lang);
    options.batchStatements = batch;
    options.dryRun = dryRun;
    options.progress = [](std::int64_t attempts, std::int64_t statements) {
        std::cerr << "  sent " << attempts << " attempts (" << statements << " statements)\n";
    };

    auto store = openStoreForVerb(
        db, dryRun ? core::ResultsStore::Mode::ReadOnly : core::ResultsStore::Mode::ReadWrite,
        "sync", lang, std::cerr);
    if (!store) return kExitUsage;  // a database that cannot be used
    if (int code = resolveSelection(*store, sel, options.filter, "sync", lang, std::cerr))
        return code;
    // Altered attempts are never sent: an LRS is append-only, so what it receives must be sound.
    std::map<std::int64_t, std::string> altered;
    try {
        altered =
            alteredAttempts(*store, options.filter, loadTrustForVerb("sync", std::cerr), nullptr);
    } catch (const std::exception& e) {
        std::cerr << "counterplay sync: " << exceptionText(e, lang) << '\n';
        return kExitData;
    }
    for (const auto& [id, reason] : altered) options.skipAttempts.insert(id);
    if (!altered.empty())
        std::cerr << "counterplay sync: "
                  << label("sync.altered", lang,
                           {{"n", std::to_string(altered.size())}, {"ids", idList(altered)}})
                  << '\n';
    core::LrsConfig config;
    config.endpoint = lrs;
    config.key = key;
    config.secret = secret;
    config.maxRetries = retries;
    config.initialBackoffMs = retryDelayMs;
    core::LrsClient client(config);
    try {
        const core::SyncResult r = core::syncToLrs(*store, client, options);
        if (!r.ok) {
            std::cerr << "counterplay sync: stopped: " << r.message << '\n'
                      << "  " << r.attemptsSent << " of " << r.attemptsPending
                      << " attempts were sent before the stop; run sync again to send the rest\n";
            return kExitData;
        }
        std::cout << (dryRun ? "Would send " : "Sent ") << r.attemptsSent << " attempt"
                  << (r.attemptsSent == 1 ? "" : "s") << " (" << r.statementsSent
                  << " statements) to " << client.url() << '\n';
        if (!altered.empty()) return kExitData;
    } catch (const std::exception& e) {
        std::cerr << "counterplay sync: " << exceptionText(e, lang) << '\n';
        return kExitData;
    }
    return kExitOk;
}

}  // namespace counterplay::tools
