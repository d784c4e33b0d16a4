// Bad input to the results verbs that used to lose or damage data, or say nothing: --out at a
// device, folder, missing folder or link; a finished attempt whose database is unusable (kept,
// exit 1); readers on read-only, empty and old files (never changed); trainee names; filters
// that name nothing ("did you mean", exit 1); contradictory dates; --attempt 0; sync --dry-run
// without credentials; scripted plays never dated in the future.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ToolTestUtil.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/ResultsStore.h"

namespace counterplay::testing {
namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

class ResultsBadInput : public ::testing::Test {
protected:
    void SetUp() override {
        writeFixture(dir_);
        db_ = dir_.path() + "/results.db";
        ::setenv("COUNTERPLAY_DB", db_.c_str(), 1);
        ::setenv("COUNTERPLAY_KEY_FILE", (dir_.path() + "/site.key").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir_.path() + "/data").c_str(), 1);
    }
    void TearDown() override {
        ::unsetenv("COUNTERPLAY_DB");
        ::unsetenv("COUNTERPLAY_KEY_FILE");
        ::unsetenv("XDG_DATA_HOME");
    }
    RunResult play(const std::string& trainee, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"play", dir_.path() + "/late-order.yaml", "--choices",
                                         "1,1", "--trainee", trainee, "--lang", "en"};
        args.insert(args.end(), extra.begin(), extra.end());
        return runVerb(args);
    }
    TempDir dir_;
    std::string db_;
};

TEST_F(ResultsBadInput, OutRefusesWhatIsNotARegularFile) {
    ASSERT_EQ(play("Kim").code, 0);
    // A device is never replaced (the test runs as any user: /dev/null is always there).
    const RunResult dev = runVerb({"export", "--format", "csv", "--out", "/dev/null"});
    EXPECT_EQ(dev.code, 2);
    EXPECT_TRUE(contains(dev.err, "not a regular file")) << dev.err;
    struct stat st {};
    ASSERT_EQ(::stat("/dev/null", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
    const RunResult folder = runVerb({"export", "--format", "csv", "--out", dir_.path() + "/"});
    EXPECT_EQ(folder.code, 2);
    EXPECT_TRUE(contains(folder.err, "it is a folder")) << folder.err;
    const RunResult noFolder =
        runVerb({"export", "--format", "csv", "--out", dir_.path() + "/nope/x.csv"});
    EXPECT_EQ(noFolder.code, 2);
    EXPECT_TRUE(contains(noFolder.err, "does not exist")) << noFolder.err;
    ::mkfifo((dir_.path() + "/pipe").c_str(), 0600);
    EXPECT_EQ(runVerb({"export", "--format", "csv", "--out", dir_.path() + "/pipe"}).code, 2);
    // A link to a regular file writes that file and stays a link; a dangling link is refused.
    const std::string real = dir_.write("real.csv", "old");
    fs::create_symlink(real, dir_.path() + "/link.csv");
    ASSERT_EQ(runVerb({"export", "--format", "csv", "--out", dir_.path() + "/link.csv"}).code, 0);
    EXPECT_TRUE(fs::is_symlink(dir_.path() + "/link.csv"));
    EXPECT_TRUE(contains(slurp(real), "Kim"));
    fs::create_symlink(dir_.path() + "/gone", dir_.path() + "/dangling.csv");
    EXPECT_EQ(runVerb({"export", "--format", "csv", "--out", dir_.path() + "/dangling.csv"}).code, 2);
    // '-' is stdout.
    const RunResult dash = runVerb({"export", "--format", "csv", "--out", "-"});
    EXPECT_EQ(dash.code, 0);
    EXPECT_TRUE(contains(dash.out, "Kim"));
}

TEST_F(ResultsBadInput, AFinishedAttemptIsNeverLost) {
    const std::string garbage = dir_.write("garbage.db", std::string(5000, 'x'));
    // The database asked for is garbage: the attempt goes into the default one, exit 1.
    const RunResult fallback = play("Kim", {"--db", garbage});
    EXPECT_EQ(fallback.code, 1);
    EXPECT_TRUE(contains(fallback.err, "could not be saved in " + garbage)) << fallback.err;
    EXPECT_TRUE(contains(fallback.err, "Saved as attempt 1 in " + db_)) << fallback.err;
    EXPECT_EQ(slurp(garbage), std::string(5000, 'x'));
    // The default itself is unusable: a pending file, stored on the next good open.
    ::setenv("COUNTERPLAY_DB", garbage.c_str(), 1);
    const RunResult kept = play("Lee");
    EXPECT_EQ(kept.code, 1);
    EXPECT_TRUE(contains(kept.err, "It is kept in " + core::dataDir() + "/pending/")) << kept.err;
    ::setenv("COUNTERPLAY_DB", db_.c_str(), 1);
    const RunResult next = play("Park");
    EXPECT_EQ(next.code, 0) << next.err;
    EXPECT_TRUE(contains(next.err, "Also stored 1 attempt kept")) << next.err;
    const RunResult r = runVerb({"report", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["attempts"], 3);
    EXPECT_TRUE(fs::is_empty(core::dataDir() + "/pending"));
}

TEST_F(ResultsBadInput, ReadersNeverCreateOrChangeFiles) {
    const std::string empty = dir_.write("empty.db", "");
    const RunResult e = runVerb({"report", "--db", empty});
    EXPECT_EQ(e.code, 2);  // a file that cannot be used
    EXPECT_TRUE(contains(e.err, "it is empty")) << e.err;
    EXPECT_EQ(fs::file_size(empty), 0u);
    EXPECT_FALSE(fs::exists(empty + "-wal"));
    ASSERT_EQ(play("Kim").code, 0);
    // A read-only copy, with no side files: report and export read it and create nothing.
    const std::string ro = dir_.path() + "/ro.db";
    fs::copy_file(db_, ro);
    ::chmod(ro.c_str(), 0444);
    const std::string before = slurp(ro);
    const RunResult r = runVerb({"report", "--db", ro});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1 attempt")) << r.out;
    EXPECT_EQ(runVerb({"export", "--format", "json", "--db", ro}).code, 0);
    EXPECT_EQ(slurp(ro), before);
    EXPECT_FALSE(fs::exists(ro + "-wal"));
    EXPECT_FALSE(fs::exists(ro + "-shm"));
    EXPECT_FALSE(fs::exists(dir_.path() + "/nothing.db"));
    EXPECT_EQ(runVerb({"report", "--db", dir_.path() + "/nothing.db"}).code, 2);
    EXPECT_FALSE(fs::exists(dir_.path() + "/nothing.db"));
}

TEST_F(ResultsBadInput, TraineeByUniqueNameAndAmbiguousNamesListed) {
    ASSERT_EQ(play("Kim Minji").code, 0);
    const RunResult byName = runVerb({"report", "--trainee", "Kim Minji", "--json"});
    ASSERT_EQ(byName.code, 0) << byName.err;
    EXPECT_EQ(nlohmann::json::parse(byName.out)["attempts"], 1);
    // Two trainees with one name (different keys): listed, exit 1.
    std::string error;
    auto store = core::ResultsStore::open(db_, error);
    ASSERT_TRUE(store) << error;
    for (const char* key : {"emp-1", "emp-2"}) {
        core::NewAttempt a;
        a.traineeName = "Lee Jisoo";
        a.traineeKey = key;
        a.scorecard.scenarioId = "late-order";
        a.scorecard.finished = true;
        a.startedAtMs = 1700000000000;
        a.endedAtMs = 1700000060000;
        store->recordAttempt(a);
    }
    store.reset();
    const RunResult ambiguous = runVerb({"report", "--trainee", "Lee Jisoo"});
    EXPECT_EQ(ambiguous.code, 1);
    EXPECT_TRUE(contains(ambiguous.err, "is the name of 2 trainees")) << ambiguous.err;
    EXPECT_TRUE(contains(ambiguous.err, "emp-1") && contains(ambiguous.err, "emp-2"));
    EXPECT_EQ(runVerb({"report", "--trainee", "emp-2", "--json"}).code, 0);
}

TEST_F(ResultsBadInput, FiltersThatNameNothingSayDidYouMean) {
    ASSERT_EQ(play("Kim Minji").code, 0);
    const RunResult space = runVerb({"report", "--trainee", "Kim Minji "});
    EXPECT_EQ(space.code, 1);
    EXPECT_TRUE(contains(space.err, "did you mean 'Kim Minji'")) << space.err;
    const RunResult typo = runVerb({"export", "--format", "csv", "--trainee", "Kim Minj"});
    EXPECT_EQ(typo.code, 1);
    EXPECT_TRUE(contains(typo.err, "did you mean 'Kim Minji'")) << typo.err;
    const RunResult scenario = runVerb({"report", "--scenario", "late-ordr"});
    EXPECT_EQ(scenario.code, 1);
    EXPECT_TRUE(contains(scenario.err, "did you mean 'late-order'")) << scenario.err;
    const RunResult dates = runVerb({"report", "--since", "2026-05-02", "--until", "2026-05-01"});
    EXPECT_EQ(dates.code, 2);
    EXPECT_TRUE(contains(dates.err, "is not before --until")) << dates.err;
    const RunResult zero = runVerb({"export", "--format", "csv", "--attempt", "0"});
    EXPECT_EQ(zero.code, 2);
    EXPECT_TRUE(contains(zero.err, "attempt ids are whole numbers from 1")) << zero.err;
    EXPECT_FALSE(contains(zero.err, "1797693")) << zero.err;
}

TEST_F(ResultsBadInput, DryRunSyncNeedsNoCredentialsAndScriptedPlaysAreNotInTheFuture) {
    ::unsetenv("COUNTERPLAY_LRS_KEY");
    ::unsetenv("COUNTERPLAY_LRS_SECRET");
    const RunResult p = play("Kim");
    ASSERT_EQ(p.code, 0);
    const RunResult dry = runVerb({"sync", "--lrs", "http://127.0.0.1:9/xAPI", "--dry-run"});
    EXPECT_EQ(dry.code, 0) << dry.err;
    EXPECT_TRUE(contains(dry.out, "Would send 1 attempt")) << dry.out;
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    std::string error;
    auto store = core::ResultsStore::open(db_, error, core::ResultsStore::Mode::ReadOnly);
    ASSERT_TRUE(store) << error;
    const auto attempts = store->listAttempts();
    ASSERT_EQ(attempts.size(), 1u);
    EXPECT_LE(attempts[0].endedAtMs, now);
    EXPECT_LT(attempts[0].startedAtMs, attempts[0].endedAtMs);
}

}  // namespace
}  // namespace counterplay::testing
