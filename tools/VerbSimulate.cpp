// `counterplay simulate`: fills a results database with realistic playthroughs of the shipped
// scenarios, for demos and the 100,000-attempt export benchmark. Each simulated trainee has a
// skill that grows with practice; at each node they prefer better choices (softmax over the
// choice's points, sharper with skill), sometimes let a timer run out, and think for a
// log-normal time. Every attempt is played through the core Session with a ManualClock and
// scored by computeScorecard, exactly like the game.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Signing.h"
#include "counterplay/core/Uuid.h"

namespace counterplay::tools {
namespace {

struct Playable {
    std::shared_ptr<const core::Scenario> scenario;
    core::Analysis analysis;
};

struct SimTrainee {
    std::string key, name, email, lang;
    double skill = 0.5;
    std::map<std::string, int> practice;  // scenario id -> attempts so far
};

constexpr const char* kFamily[] = {"Kim",  "Lee", "Park", "Choi", "Jung", "Kang", "Cho",  "Yoon",
                                   "Jang", "Lim", "Han",  "Oh",   "Seo",  "Shin", "Kwon", "Hwang"};
constexpr const char* kGiven[] = {"Minji",  "Jisoo",   "Hyunwoo",   "Seoyeon", "Junho", "Yuna",
                                  "Dohyun", "Haeun",   "Siwoo",     "Jiwon",   "Eunji", "Taeyang",
                                  "Sora",   "Minseok", "Chaeyoung", "Woojin"};

/// `s` without leading and trailing white space.
std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

int choicePoints(const core::Points& points) {
    int total = 0;
    for (const auto& [id, p] : points) total += p;
    return total;
}

/// Plays one attempt; returns false when the session got stuck (not stored).
bool playOnce(const Playable& p, SimTrainee& t, std::mt19937_64& rng, std::int64_t startMs,
              core::NewAttempt& out) {
    core::ManualClock clock(0);
    core::Session session(p.scenario, clock);
    const int practice = t.practice[p.scenario->id]++;
    // Practice helps with diminishing returns: halfway to mastery after about 8 tries.
    const double skill = t.skill + (0.95 - t.skill) * 0.7 * (1.0 - std::exp(-practice / 8.0));
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::lognormal_distribution<double> think(std::log(3500.0 + 4000.0 * (1.0 - skill)), 0.45);
    for (int guard = 0; guard < 200 && !session.finished(); ++guard) {
        const core::Node& node = session.currentNode();
        const auto available = session.availableChoices();
        const std::int64_t limitMs =
            node.timeLimit ? std::int64_t(node.timeLimit->seconds) * 1000 : 0;
        const bool timeout =
            node.timeLimit && (available.empty() || unit(rng) < 0.25 * (1.0 - skill));
        if (timeout) {
            clock.advance(limitMs);
            session.update();
            continue;
        }
        if (available.empty()) return false;
        // Softmax over the choice's total points; the temperature falls as skill rises.
        const double temperature = 0.4 + 5.0 * (1.0 - skill);
        std::vector<double> weights;
        for (std::size_t i : available)
            weights.push_back(std::exp(choicePoints(node.choices[i].points) / temperature));
        std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
        std::int64_t ms = static_cast<std::int64_t>(think(rng));
        if (limitMs) ms = std::min(ms, limitMs - 300);
        clock.advance(std::max<std::int64_t>(ms, 600));
        session.choose(available[pick(rng)]);
    }
    if (!session.finished()) return false;
    out.scorecard = core::computeScorecard(p.analysis, session);
    out.transcript = session.transcript();
    out.scoredHere = true;  // computeScorecard over the session that made the transcript
    out.traineeKey = t.key;
    out.traineeName = t.name;
    out.traineeEmail = t.email;
    out.lang = t.lang;
    out.startedAtMs = startMs;
    out.endedAtMs = startMs + out.scorecard.totalMs + 2000;
    return true;
}

}  // namespace

int simulateMain(int argc, char** argv) {
    CLI::App app{
        "Fill a results database with realistic playthroughs of the shipped scenarios "
        "(demos, benchmarks). Attempts are spread over the 90 days before --end.",
        "counterplay simulate"};
    std::string db, scenarios, end, storeAs;
    int trainees = 20;
    std::int64_t attempts = 200;
    std::uint64_t seed = 1;
    app.add_option("--db", db,
                   "Results database to fill (required unless $COUNTERPLAY_DB is set; simulate "
                   "never writes to the default database by itself)");
    app.add_option("--trainees", trainees, "Number of trainees (default 20)")
        ->check(CLI::Range(1, 100000));
    app.add_option("--attempts", attempts, "Total attempts to store (default 200)")
        ->check(CLI::Range(static_cast<std::int64_t>(1), static_cast<std::int64_t>(10000000)));
    app.add_option("--seed", seed, "Random seed (default 1): the same seed gives the same data");
    app.add_option("--scenarios", scenarios,
                   "Folder of scenario files (default: the shipped scenarios)");
    app.add_option("--end", end,
                   "Last day of the simulated period, YYYY-MM-DD (default 2025-06-30)");
    app.add_option("--store", storeAs,
                   "Store name the attempts are recorded as (default: this machine's store name, "
                   "see `counterplay key name`, else the host name)");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang({});

    storeAs = trimmed(storeAs);
    if (app.count("--store") &&
        (storeAs.empty() || storeAs.find_first_of("\r\n") != std::string::npos)) {
        std::cerr << "counterplay simulate: " << label("simulate.bad-store", lang) << '\n';
        return kExitUsage;
    }
    if (db.empty() && !std::getenv("COUNTERPLAY_DB")) {
        std::cerr << "counterplay simulate: give --db FILE (or set COUNTERPLAY_DB)\n";
        return kExitUsage;
    }
    std::int64_t endMs = 0;
    if (!core::parseDateMs(end.empty() ? "2025-06-30" : end, true, endMs)) {
        std::cerr << "counterplay simulate: --end: use YYYY-MM-DD\n";
        return kExitUsage;
    }
    const std::string folder =
        scenarios.empty() ? std::filesystem::path(defaultCataloguePath()).parent_path().string()
                          : scenarios;
    const core::CatalogueLoad cat = core::loadCatalogueFile(folder + "/principles.yaml");
    std::vector<Playable> playable;
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec))
        if (e.path().extension() == ".yaml" && e.path().filename() != "principles.yaml")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
        core::ScenarioLoad load = core::loadScenarioFile(f, cat.catalogue.get());
        if (!load.ok()) {
            std::cerr << "counterplay simulate: skipping " << f << " (it has errors)\n";
            continue;
        }
        playable.push_back({load.scenario, core::analyzeScenario(*load.scenario)});
    }
    if (playable.empty()) {
        std::cerr << "counterplay simulate: no playable scenario in " << folder << '\n';
        return kExitData;
    }
    auto store = openStoreForVerb(db, core::ResultsStore::Mode::ReadWrite, "simulate", lang,
                                  std::cerr, false);
    if (!store) return kExitUsage;  // a database that cannot be used
    // The attempts are sealed with this machine's key under the store name they record; --store
    // names another (a demo of several shops) without renaming this machine's store.
    std::string keyError;
    auto key = core::loadSigningKey(core::signingKeyPath(), true, keyError);
    if (!key) {
        std::cerr << "counterplay simulate: " << keyError << '\n';
        return kExitData;
    }
    if (!storeAs.empty()) key->storeName = storeAs;
    const std::string storeName = key->storeName;
    store->setSigningKey(std::make_shared<const core::SigningKey>(std::move(*key)));

    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> skillDist(0.45, 0.2);
    std::vector<SimTrainee> people(static_cast<std::size_t>(trainees));
    for (int i = 0; i < trainees; ++i) {
        SimTrainee& t = people[static_cast<std::size_t>(i)];
        const std::string family = kFamily[rng() % std::size(kFamily)];
        const std::string given = kGiven[rng() % std::size(kGiven)];
        t.name = family + " " + given;
        char key[32];
        std::snprintf(key, sizeof key, "s%llu-t%04d", static_cast<unsigned long long>(seed), i + 1);
        t.key = key;
        if (i % 2 == 0) {
            std::string lower = given + "." + family + "." + std::to_string(i + 1);
            std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
            t.email = lower + "@example.com";
        }
        t.lang = unit(rng) < 0.7 ? "ko" : "en";
        t.skill = std::clamp(skillDist(rng), 0.15, 0.92);
    }
    const std::int64_t already = store->countAttempts();
    const std::int64_t spanMs = 90LL * 86400 * 1000;
    std::vector<core::NewAttempt> batch;
    std::int64_t stored = 0, skipped = 0;
    try {
        for (std::int64_t n = 0; n < attempts; ++n) {
            SimTrainee& t = people[rng() % people.size()];
            const Playable& p = playable[rng() % playable.size()];
            // Spread over the period, in order, with some jitter and office hours.
            std::int64_t day = (endMs - spanMs) + spanMs * n / attempts;
            day -= day % 86400000;
            const std::int64_t start =
                day + (9 * 3600 + static_cast<std::int64_t>(unit(rng) * 9 * 3600)) * 1000;
            core::NewAttempt a;
            if (!playOnce(p, t, rng, start, a)) {
                ++skipped;
                continue;
            }
            a.uuid = core::uuidV5(core::kUuidNamespaceUrl,
                                  "counterplay-simulate/" + std::to_string(seed) + "/" +
                                      std::to_string(already) + "/" + std::to_string(n));
            batch.push_back(std::move(a));
            if (batch.size() == 2000) {
                stored += static_cast<std::int64_t>(store->recordAttempts(batch).size());
                batch.clear();
            }
        }
        stored += static_cast<std::int64_t>(store->recordAttempts(batch).size());
    } catch (const std::exception& e) {
        std::cerr << "counterplay simulate: " << e.what() << '\n';
        return kExitData;
    }
    std::cout << label("simulate.stored", lang,
                       {{"n", std::to_string(stored)},
                        {"trainees", std::to_string(trainees)},
                        {"scenarios", std::to_string(playable.size())},
                        {"store", storeName},
                        {"path", store->path()}})
              << '\n';
    if (skipped)
        std::cerr << "counterplay simulate: "
                  << label("simulate.skipped", lang, {{"n", std::to_string(skipped)}}) << '\n';
    return kExitOk;
}

}  // namespace counterplay::tools
