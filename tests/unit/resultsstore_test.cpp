// ResultsStore: round trips, filters, progress and dashboard aggregates, refusal of garbage,
// truncated, foreign and newer files (unchanged), and concurrent writers losing nothing.
#include "counterplay/core/ResultsStore.h"

#include "counterplay/core/DataDir.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

fs::path makeTempDir() {
    std::string tmpl = (fs::temp_directory_path() / "cp-store-XXXXXX").string();
    return mkdtemp(tmpl.data());
}

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

NewAttempt makeAttempt(const std::string& trainee, const std::string& scenario, int listen,
                       int empathy, std::int64_t endedAt) {
    NewAttempt a;
    a.traineeName = trainee;
    a.lang = "en";
    Scorecard& c = a.scorecard;
    c.scenarioId = scenario;
    c.scenarioTitle = {"\xEB\xB8\x94\xEB\x9D\xBC\xEC\x9A\xB0\xEC\x8A\xA4", "The washed blouse"};
    c.contentHash = std::string(64, 'a');
    c.principles = {{"complaint.empathise", empathy, 4, -2}, {"complaint.listen", listen, 3, -1}};
    c.earnedTotal = listen + empathy;
    c.bestTotal = 7;
    c.worstTotal = -3;
    c.percent = c.earnedTotal * 100 / 7;
    c.passed = c.percent >= 70;
    c.finished = true;
    c.endingId = "end";
    c.endingKind = "loyal";
    c.recommend = 9;
    c.npsClass = "promoter";
    DecisionRecord d1;
    d1.nodeId = "start";
    d1.choiceId = "start.0";
    d1.points = {{"complaint.listen", listen}};
    d1.elapsedMs = 4000;
    DecisionRecord d2;
    d2.nodeId = "second";
    d2.choiceIndex = kTimeoutChoice;
    d2.choiceId = "second.timeout";
    d2.timeout = true;
    d2.points = {{"complaint.empathise", empathy}};
    d2.elapsedMs = 7000;
    c.decisions = {d1, d2};
    c.totalMs = 11000;
    a.transcript.scenarioId = scenario;
    a.transcript.contentHash = c.contentHash;
    a.transcript.decisions = {{"start", 0, "start.0", 4000}, {"second", kTimeoutChoice, "second.timeout", 7000}};
    a.startedAtMs = endedAt - 11000;
    a.endedAtMs = endedAt;
    return a;
}

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override { dir = makeTempDir(); }
    void TearDown() override { fs::remove_all(dir); }
    std::unique_ptr<ResultsStore> openStore(const std::string& name = "results.db") {
        std::string error;
        auto s = ResultsStore::open((dir / name).string(), error);
        EXPECT_TRUE(s) << error;
        if (s) s->setSigningKey(sealKey);
        return s;
    }
    fs::path dir;
    std::shared_ptr<const SigningKey> sealKey =
        std::make_shared<const SigningKey>(SigningKey::fromSeed({1, 2, 3}, "Test store"));
};

constexpr std::int64_t kDay = 86400000;
constexpr std::int64_t kJan1 = 1704067200000;  // 2024-01-01T00:00:00Z

}  // namespace

TEST_F(StoreTest, RecordsAndReadsBackAnAttempt) {
    auto store = openStore();
    ASSERT_TRUE(store);
    const auto id = store->recordAttempt(makeAttempt("Kim Minji", "washed-blouse", 3, 2, kJan1));
    auto got = store->getAttempt(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->summary.traineeName, "Kim Minji");
    EXPECT_EQ(got->summary.traineeKey, "Kim Minji");
    EXPECT_EQ(got->summary.scenarioTitle.ko, "\xEB\xB8\x94\xEB\x9D\xBC\xEC\x9A\xB0\xEC\x8A\xA4");
    EXPECT_EQ(got->summary.percent, 71);
    EXPECT_TRUE(got->summary.passed);
    EXPECT_EQ(got->summary.decisionCount, 2);
    EXPECT_EQ(got->summary.uuid.size(), 36u);
    EXPECT_EQ(got->scorecard.principles.size(), 2u);
    EXPECT_EQ(got->scorecard.decisions[1].choiceId, "second.timeout");
    EXPECT_EQ(got->transcript.decisions.size(), 2u);
    EXPECT_EQ(got->transcript.decisions[1].choiceIndex, kTimeoutChoice);
    EXPECT_FALSE(store->getAttempt(id + 100));
    EXPECT_EQ(store->getAttemptByUuid(got->summary.uuid)->summary.id, id);
    EXPECT_EQ(store->integrityCheck(), "ok");

    std::vector<StoredDecision> decisions;
    store->forEachDecision({}, [&](const StoredDecision& d) { decisions.push_back(d); });
    ASSERT_EQ(decisions.size(), 2u);
    EXPECT_EQ(decisions[0].seq, 1);
    EXPECT_EQ(decisions[0].points.at("complaint.listen"), 3);
    EXPECT_TRUE(decisions[1].timeout);
    EXPECT_EQ(decisions[1].pointsTotal, 2);
}

TEST_F(StoreTest, StoresEachTextOnce) {
    auto store = openStore();
    NewAttempt a = makeAttempt("Ann", "washed-blouse", 3, 2, kJan1);
    a.scorecard.decisions[0].choiceText = {"ko", "I am sorry."};
    a.scorecard.decisions[0].feedback = {"ko-f", "Step 1."};
    for (int i = 0; i < 5; ++i) store->recordAttempt(a);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(store->handle(), "SELECT count(*) FROM texts", -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(s, 0), 3);  // title, choice text, feedback
    sqlite3_finalize(s);
    auto got = store->getAttempt(5);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->scorecard, a.scorecard);
    EXPECT_EQ(got->transcript, a.transcript);
}

TEST_F(StoreTest, KeepsAScorecardWhoseRecordsDoNotMatchTheTranscript) {
    auto store = openStore();
    NewAttempt a = makeAttempt("Ann", "washed-blouse", 3, 2, kJan1);
    a.scorecard.decisions.pop_back();  // e.g. a scorecard made elsewhere
    a.scorecard.decisions[0].tags = {"apologise"};
    const auto id = store->recordAttempt(a);
    auto got = store->getAttempt(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->scorecard, a.scorecard);
    EXPECT_EQ(got->transcript, a.transcript);
    NewAttempt c = makeAttempt("Cy", "washed-blouse", 1, 1, kJan1);
    std::swap(c.scorecard.principles[0], c.scorecard.principles[1]);  // not sorted: kept as is
    EXPECT_EQ(store->getAttempt(store->recordAttempt(c))->scorecard, c.scorecard);
    NewAttempt b = makeAttempt("Bo", "washed-blouse", 1, 1, kJan1);
    b.scorecard.decisions[1].tags = {"x", "y"};
    b.scorecard.decisions[1].choiceText = {};
    EXPECT_EQ(store->getAttempt(store->recordAttempt(b))->scorecard, b.scorecard);
}

TEST_F(StoreTest, KeepsTheShuffleSeed) {
    auto store = openStore();
    NewAttempt a = makeAttempt("Ann", "washed-blouse", 3, 2, kJan1);
    EXPECT_FALSE(store->getAttempt(store->recordAttempt(a))->transcript.shuffleSeed.has_value());
    for (std::uint64_t seed :
         {std::uint64_t{0}, std::uint64_t{12345}, ~std::uint64_t{0}, std::uint64_t{1} << 63}) {
        a.transcript.shuffleSeed = seed;
        a.uuid.clear();
        const auto stored = store->getAttempt(store->recordAttempt(a));
        ASSERT_TRUE(stored);
        EXPECT_EQ(stored->transcript.shuffleSeed, seed);
        EXPECT_EQ(stored->transcript.decisions, a.transcript.decisions);
    }
}

TEST_F(StoreTest, MigratesAVersionOneDatabase) {
    // A database as version 1 wrote it: no shuffle_seed column. Its rows load in file order.
    openStore()->recordAttempt(makeAttempt("Old", "washed-blouse", 3, 2, kJan1));
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "results.db").string().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "ALTER TABLE attempts DROP COLUMN shuffle_seed; "
                               "ALTER TABLE attempts DROP COLUMN trainee_name; "
                               "ALTER TABLE attempts DROP COLUMN trainee_email; "
                               "ALTER TABLE attempts DROP COLUMN source; "
                               "ALTER TABLE attempts DROP COLUMN origin_store; "
                               "ALTER TABLE attempts DROP COLUMN origin_fingerprint; "
                               "ALTER TABLE attempts DROP COLUMN seal; "
                               "DELETE FROM meta WHERE key = 'sealed_from_id'; "
                               "PRAGMA user_version = 1;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    auto store = openStore();
    const auto old = store->listAttempts();
    ASSERT_EQ(old.size(), 1u);
    const auto full = store->getAttempt(old[0].id);
    ASSERT_TRUE(full);
    EXPECT_FALSE(full->transcript.shuffleSeed.has_value());
    EXPECT_EQ(full->transcript.decisions.size(), 2u);
    NewAttempt b = makeAttempt("New", "washed-blouse", 3, 2, kJan1);
    b.transcript.shuffleSeed = 77;
    EXPECT_EQ(store->getAttempt(store->recordAttempt(b))->transcript.shuffleSeed, 77u);
}

TEST_F(StoreTest, UsesWalAndTheCurrentSchemaVersion) {
    auto store = openStore();
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(store->handle(), "PRAGMA journal_mode", -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "wal");
    sqlite3_finalize(s);
    sqlite3_prepare_v2(store->handle(), "PRAGMA user_version", -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(s, 0), ResultsStore::schemaVersion());
    sqlite3_finalize(s);
    store.reset();
    EXPECT_TRUE(openStore());  // reopening an up-to-date database works
}

TEST_F(StoreTest, FiltersListsAndStreams) {
    auto store = openStore();
    store->recordAttempt(makeAttempt("Ann", "washed-blouse", 3, 4, kJan1));
    store->recordAttempt(makeAttempt("Ann", "hot-cup", 0, 1, kJan1 + kDay));
    store->recordAttempt(makeAttempt("Bo", "washed-blouse", 1, 1, kJan1 + 2 * kDay));
    EXPECT_EQ(store->countAttempts(), 3);
    AttemptFilter byAnn;
    byAnn.traineeKey = "Ann";
    EXPECT_EQ(store->listAttempts(byAnn).size(), 2u);
    AttemptFilter byScenario;
    byScenario.scenarioId = "washed-blouse";
    EXPECT_EQ(store->countAttempts(byScenario), 2);
    AttemptFilter window;
    std::int64_t since = 0, until = 0;
    ASSERT_TRUE(parseDateMs("2024-01-02", false, since));
    ASSERT_TRUE(parseDateMs("2024-01-02", true, until));
    window.sinceMs = since;
    window.untilMs = until;
    auto inWindow = store->listAttempts(window);
    ASSERT_EQ(inWindow.size(), 1u);
    EXPECT_EQ(inWindow[0].scenarioId, "hot-cup");
    AttemptFilter newest;
    newest.newestFirst = true;
    newest.limit = 1;
    EXPECT_EQ(store->listAttempts(newest).at(0).traineeName, "Bo");

    int visited = 0;
    store->forEachAttempt(byAnn, [&](const AttemptSummary& a, const std::vector<PrincipleScore>& ps) {
        ++visited;
        EXPECT_EQ(a.traineeKey, "Ann");
        ASSERT_EQ(ps.size(), 2u);
        EXPECT_EQ(ps[0].id, "complaint.empathise");
    });
    EXPECT_EQ(visited, 2);
    store->forEachAttempt(newest, [&](const AttemptSummary& a, const std::vector<PrincipleScore>& ps) {
        EXPECT_EQ(a.traineeName, "Bo");
        EXPECT_EQ(ps.size(), 2u);
    });
    EXPECT_EQ(store->principleIds(), (std::vector<std::string>{"complaint.empathise", "complaint.listen"}));
}

TEST_F(StoreTest, FiltersByAListOfAttemptIds) {
    auto store = openStore();
    const std::int64_t a = store->recordAttempt(makeAttempt("Ann", "washed-blouse", 3, 4, kJan1));
    store->recordAttempt(makeAttempt("Bo", "hot-cup", 0, 1, kJan1 + kDay));
    const std::int64_t c = store->recordAttempt(makeAttempt("Cy", "washed-blouse", 1, 1, kJan1 + 2 * kDay));
    AttemptFilter some;
    some.attemptIds = std::vector<std::int64_t>{c, a};
    const auto listed = store->listAttempts(some);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].traineeName, "Ann");
    EXPECT_EQ(listed[1].traineeName, "Cy");
    EXPECT_EQ(store->countAttempts(some), 2);
    some.scenarioId = "hot-cup";  // combined with the other fields
    EXPECT_EQ(store->countAttempts(some), 0);
    AttemptFilter none;
    none.attemptIds = std::vector<std::int64_t>{};
    EXPECT_EQ(store->countAttempts(none), 0);  // an empty selection is not "everything"
    int decisions = 0;
    AttemptFilter one;
    one.attemptIds = std::vector<std::int64_t>{c};
    store->forEachDecision(one, [&](const StoredDecision& d) {
        EXPECT_EQ(d.traineeName, "Cy");
        ++decisions;
    });
    EXPECT_GT(decisions, 0);
}

TEST_F(StoreTest, ProgressPractiseNextAndDashboard) {
    auto store = openStore();
    store->recordAttempt(makeAttempt("Ann", "washed-blouse", 1, 4, kJan1));
    store->recordAttempt(makeAttempt("Ann", "washed-blouse", 3, 4, kJan1 + kDay));
    store->recordAttempt(makeAttempt("Ann", "hot-cup", 0, 1, kJan1 + kDay));
    store->recordAttempt(makeAttempt("Bo", "hot-cup", 3, 4, kJan1 + 40 * kDay));

    auto progress = store->traineeProgress("Ann");
    ASSERT_EQ(progress.size(), 2u);
    EXPECT_EQ(progress[0].scenarioId, "hot-cup");
    EXPECT_EQ(progress[0].bestPercent, 14);
    EXPECT_FALSE(progress[0].passed);
    EXPECT_EQ(progress[1].attempts, 2);
    EXPECT_EQ(progress[1].bestPercent, 100);
    EXPECT_TRUE(progress[1].passed);
    EXPECT_TRUE(progress[1].completed);

    auto totals = store->principleTotals("Ann");
    ASSERT_EQ(totals.size(), 2u);
    EXPECT_EQ(totals[0].principleId, "complaint.listen");  // 4 of 9: weakest, practise next
    EXPECT_EQ(totals[0].earned, 4);
    EXPECT_EQ(totals[0].achievable, 9);

    auto byTrainee = store->summarize(GroupBy::Trainee);
    ASSERT_EQ(byTrainee.size(), 2u);
    EXPECT_EQ(byTrainee[0].key, "Ann");
    EXPECT_EQ(byTrainee[0].attempts, 3);
    EXPECT_EQ(byTrainee[0].passed, 2);
    auto byPrinciple = store->summarize(GroupBy::Principle);
    ASSERT_EQ(byPrinciple.size(), 2u);
    EXPECT_EQ(byPrinciple[1].earned, 7);
    EXPECT_EQ(byPrinciple[1].achievable, 12);
    auto byMonth = store->summarize(GroupBy::Month);
    ASSERT_EQ(byMonth.size(), 2u);
    EXPECT_EQ(byMonth[0].key, "2024-01");
    EXPECT_EQ(byMonth[1].key, "2024-02");
    auto byScenario = store->summarize(GroupBy::Scenario);
    EXPECT_EQ(byScenario[1].label, "The washed blouse");
    EXPECT_EQ(byScenario[1].labelKo, "\xEB\xB8\x94\xEB\x9D\xBC\xEC\x9A\xB0\xEC\x8A\xA4");
}

TEST_F(StoreTest, SyncBookkeeping) {
    auto store = openStore();
    const auto a = store->recordAttempt(makeAttempt("Ann", "s", 1, 1, kJan1));
    const auto b = store->recordAttempt(makeAttempt("Ann", "s", 1, 1, kJan1));
    EXPECT_EQ(store->unsentAttempts("http://lrs/a").size(), 2u);
    store->markSent("http://lrs/a", {a}, kJan1);
    EXPECT_EQ(store->unsentAttempts("http://lrs/a"), std::vector<std::int64_t>{b});
    EXPECT_EQ(store->unsentAttempts("http://lrs/b").size(), 2u);
    EXPECT_EQ(store->sentCount("http://lrs/a"), 1);
}

TEST_F(StoreTest, RefusesGarbageTruncatedForeignAndNewerFilesUnchanged) {
    std::string error;
    const fs::path garbage = dir / "garbage.db";
    std::ofstream(garbage, std::ios::binary) << std::string(8192, 'x');
    EXPECT_FALSE(ResultsStore::open(garbage.string(), error));
    EXPECT_NE(error.find("not an SQLite database"), std::string::npos) << error;
    EXPECT_EQ(readAll(garbage), std::string(8192, 'x'));

    const fs::path good = dir / "good.db";
    {
        auto s = openStore("good.db");
        for (int i = 0; i < 20; ++i) s->recordAttempt(makeAttempt("Ann", "s", 1, 1, kJan1));
        sqlite3_exec(s->handle(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    }
    const std::string bytes = readAll(good);
    const fs::path cut = dir / "cut.db";
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() - 1000);
    EXPECT_FALSE(ResultsStore::open(cut.string(), error));
    EXPECT_NE(error.find("truncated"), std::string::npos) << error;
    const fs::path cutPage = dir / "cutpage.db";
    std::ofstream(cutPage, std::ios::binary) << bytes.substr(0, bytes.size() - 4096);
    EXPECT_FALSE(ResultsStore::open(cutPage.string(), error));
    EXPECT_NE(error.find("truncated"), std::string::npos) << error;
    const fs::path tiny = dir / "tiny.db";
    std::ofstream(tiny, std::ios::binary) << bytes.substr(0, 50);
    EXPECT_FALSE(ResultsStore::open(tiny.string(), error));

    const fs::path foreign = dir / "foreign.db";
    sqlite3* db = nullptr;
    sqlite3_open(foreign.string().c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE songs(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    const std::string foreignBytes = readAll(foreign);
    EXPECT_FALSE(ResultsStore::open(foreign.string(), error));
    EXPECT_NE(error.find("not a Counterplay results database"), std::string::npos) << error;
    EXPECT_EQ(readAll(foreign), foreignBytes);

    sqlite3_open(good.string().c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    const std::string newerBytes = readAll(good);
    EXPECT_FALSE(ResultsStore::open(good.string(), error));
    EXPECT_NE(error.find("newer Counterplay"), std::string::npos) << error;
    EXPECT_EQ(readAll(good), newerBytes);
}

TEST_F(StoreTest, ReadOnlyNeedsAnExistingFile) {
    std::string error;
    EXPECT_FALSE(ResultsStore::open((dir / "none.db").string(), error, ResultsStore::Mode::ReadOnly));
    EXPECT_NE(error.find("no such file"), std::string::npos);
    openStore("ro.db")->recordAttempt(makeAttempt("Ann", "s", 1, 1, kJan1));
    auto ro = ResultsStore::open((dir / "ro.db").string(), error, ResultsStore::Mode::ReadOnly);
    ASSERT_TRUE(ro) << error;
    EXPECT_EQ(ro->countAttempts(), 1);
    EXPECT_THROW(ro->recordAttempt(makeAttempt("Ann", "s", 1, 1, kJan1)), StoreError);
}

TEST_F(StoreTest, ConcurrentWritersAndReadersLoseNothing) {
    constexpr int kThreads = 4, kEach = 40;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    std::mutex errorsMutex;
    std::string errors;
    const std::string path = (dir / "shared.db").string();
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            std::string error;
            auto s = ResultsStore::open(path, error);
            if (s) s->setSigningKey(sealKey);
            if (!s) {
                ++failures;
                const std::lock_guard lock(errorsMutex);
                errors += "open: " + error + "\n";
                return;
            }
            for (int i = 0; i < kEach; ++i) {
                try {
                    s->recordAttempt(makeAttempt("T" + std::to_string(t), "s", 1, 2, kJan1 + i));
                    s->summarize(GroupBy::Trainee);  // a dashboard reading meanwhile
                } catch (const StoreError& e) {
                    ++failures;
                    const std::lock_guard lock(errorsMutex);
                    errors += std::string("write/read: ") + e.what() + "\n";
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures, 0) << errors;
    EXPECT_EQ(openStore("shared.db")->countAttempts(), kThreads * kEach);
}

TEST_F(StoreTest, OpeningWhileAnotherInstanceCheckpointsIsNeverRefused) {
    // A checkpoint writes page 1 (with the new page count) before the later pages, so a
    // header check at that moment sees a "truncated" file; opening must wait it out.
    const std::string path = (dir / "busy.db").string();
    openStore("busy.db");
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        std::string error;
        auto s = ResultsStore::open(path, error);
        if (s) s->setSigningKey(sealKey);
        for (int i = 0; s && !stop; ++i)
            s->recordAttempt(makeAttempt("W" + std::to_string(i % 50), "s" + std::to_string(i),
                                         1, 2, kJan1 + i));
    });
    std::thread checkpointer([&] {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_busy_timeout(db, 1000);
        while (!stop) sqlite3_exec(db, "PRAGMA wal_checkpoint(PASSIVE)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    });
    std::string errors;
    for (int i = 0; i < 300; ++i) {
        std::string error;
        const auto mode = i % 2 ? ResultsStore::Mode::ReadOnly : ResultsStore::Mode::ReadWrite;
        if (!ResultsStore::open(path, error, mode)) errors += error + "\n";
    }
    stop = true;
    writer.join();
    checkpointer.join();
    EXPECT_EQ(errors, "");
}

TEST(Dates, ParseAndFormatUtc) {
    std::int64_t ms = 0;
    ASSERT_TRUE(parseDateMs("2024-01-01", false, ms));
    EXPECT_EQ(ms, kJan1);
    ASSERT_TRUE(parseDateMs("2024-01-01", true, ms));
    EXPECT_EQ(ms, kJan1 + kDay);
    ASSERT_TRUE(parseDateMs("2024-01-01T10:30:15Z", true, ms));
    EXPECT_EQ(ms, kJan1 + (10 * 3600 + 30 * 60 + 15) * 1000);
    EXPECT_FALSE(parseDateMs("2024-02-31", false, ms));
    EXPECT_FALSE(parseDateMs("yesterday", false, ms));
    EXPECT_FALSE(parseDateMs("2024-01-01T10", false, ms));
    EXPECT_EQ(formatIsoUtc(kJan1 + 1234), "2024-01-01T00:00:01.234Z");
}

TEST(DataDir, XdgDefaultsAndOverrides) {
    const char* home = std::getenv("HOME");
    const std::string savedHome = home ? home : "";
    ::setenv("XDG_DATA_HOME", "/srv/data", 1);
    ::unsetenv("COUNTERPLAY_DB");
    ::unsetenv("COUNTERPLAY_KEY_FILE");
    EXPECT_EQ(dataDir(), "/srv/data/counterplay");
    EXPECT_EQ(resultsDbPath(), "/srv/data/counterplay/results.db");
    EXPECT_EQ(siteKeyPath(), "/srv/data/counterplay/site.key");
    EXPECT_EQ(resultsDbPath("/tmp/flag.db"), "/tmp/flag.db");
    ::setenv("COUNTERPLAY_DB", "/tmp/env.db", 1);
    ::setenv("COUNTERPLAY_KEY_FILE", "/tmp/env.key", 1);
    EXPECT_EQ(resultsDbPath(), "/tmp/env.db");
    EXPECT_EQ(resultsDbPath("/tmp/flag.db"), "/tmp/flag.db");  // the flag wins
    EXPECT_EQ(siteKeyPath(), "/tmp/env.key");
    ::setenv("XDG_DATA_HOME", "relative/path", 1);  // invalid per the XDG spec: ignored
    ::setenv("HOME", "/home/trainer", 1);
    EXPECT_EQ(dataDir(), "/home/trainer/.local/share/counterplay");
    ::unsetenv("COUNTERPLAY_DB");
    ::unsetenv("COUNTERPLAY_KEY_FILE");
    ::unsetenv("XDG_DATA_HOME");
    ::setenv("HOME", savedHome.c_str(), 1);
}
