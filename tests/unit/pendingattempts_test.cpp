// Pending attempts: a finished attempt that no database could take is kept as a file and stored,
// exactly once, on the next good open; unreadable files stay where they are.
#include "counterplay/core/PendingAttempts.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "counterplay/core/DataDir.h"

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

class PendingAttemptsTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "cp-pending-XXXXXX").string();
        dir = mkdtemp(tmpl.data());
        ::setenv("XDG_DATA_HOME", dir.c_str(), 1);
    }
    void TearDown() override {
        ::unsetenv("XDG_DATA_HOME");
        fs::remove_all(dir);
    }
    static NewAttempt attempt(const std::string& name) {
        NewAttempt a;
        a.traineeName = name;
        a.lang = "en";
        a.scorecard.scenarioId = "washed-blouse";
        a.scorecard.finished = true;
        a.scorecard.earnedTotal = 12;
        a.scorecard.passed = true;
        a.transcript.scenarioId = "washed-blouse";
        a.startedAtMs = 1700000000000;
        a.endedAtMs = 1700000090000;
        return a;
    }
    std::string dir;
};

}  // namespace

TEST_F(PendingAttemptsTest, SavedFilesRoundTripAndAreStoredOnce) {
    std::string error;
    const std::string file = savePendingAttempt(attempt("Kim"), error);
    ASSERT_FALSE(file.empty()) << error;
    EXPECT_EQ(fs::path(file).parent_path().string(), pendingDir());
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    NewAttempt back;
    ASSERT_TRUE(loadPendingAttempt(file, back, error)) << error;
    EXPECT_EQ(back.traineeName, "Kim");
    EXPECT_EQ(back.scorecard.earnedTotal, 12);
    EXPECT_EQ(back.endedAtMs, 1700000090000);
    EXPECT_FALSE(back.uuid.empty());

    auto store = ResultsStore::open(dir + "/results.db", error);
    ASSERT_TRUE(store) << error;
    const PendingResult first = storePendingAttempts(*store);
    ASSERT_EQ(first.stored.size(), 1u);
    EXPECT_FALSE(fs::exists(file));
    EXPECT_EQ(store->countAttempts(), 1);
    EXPECT_EQ(store->getAttempt(first.stored[0])->summary.uuid, back.uuid);
    // The same attempt kept twice (a crash after storing, before removing) is stored once.
    NewAttempt again = back;
    ASSERT_FALSE(savePendingAttempt(again, error).empty()) << error;
    const PendingResult second = storePendingAttempts(*store);
    EXPECT_TRUE(second.stored.empty());
    EXPECT_EQ(second.alreadyStored, 1);
    EXPECT_EQ(store->countAttempts(), 1);
}

TEST_F(PendingAttemptsTest, UnreadableFilesStayAndAreReported) {
    std::string error;
    ASSERT_TRUE(ensureDir(pendingDir(), error)) << error;
    const std::string bad = pendingDir() + "/broken.json";
    std::ofstream(bad) << "{not json";
    auto store = ResultsStore::open(dir + "/results.db", error);
    ASSERT_TRUE(store) << error;
    const PendingResult r = storePendingAttempts(*store);
    EXPECT_TRUE(r.stored.empty());
    ASSERT_EQ(r.failed.size(), 1u);
    EXPECT_NE(r.failed[0].find("broken.json"), std::string::npos);
    EXPECT_TRUE(fs::exists(bad));
    EXPECT_EQ(store->countAttempts(), 0);
}
