// The manager passphrase (ManagerAccess.h): scrypt hash in a 0600 file, wrong tries slowed down
// and the slow-down kept in the file across restarts.
#include "counterplay/core/ManagerAccess.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace counterplay::testing {
namespace {

using core::ManagerPassphrase;

constexpr std::int64_t kNow = 1704067200000;

class ManagerAccess : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (std::filesystem::temp_directory_path() / "cp-manager-XXXXXX").string();
        dir = mkdtemp(tmpl.data());
        file = (dir / "sub" / "manager.json").string();
    }
    void TearDown() override { std::filesystem::remove_all(dir); }
    std::string contents() const {
        std::ifstream in(file);
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    std::filesystem::path dir;
    std::string file;
};

TEST_F(ManagerAccess, SetStoresAScryptHashInAPrivateFile) {
    ManagerPassphrase pass(file);
    EXPECT_FALSE(pass.isSet());
    EXPECT_FALSE(pass.check("anything", kNow).ok);
    pass.set("blouse-2024");
    EXPECT_TRUE(pass.isSet());
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const std::string text = contents();
    EXPECT_EQ(text.find("blouse-2024"), std::string::npos) << text;
    EXPECT_NE(text.find("\"kdf\": \"scrypt\""), std::string::npos) << text;
    EXPECT_TRUE(pass.check("blouse-2024", kNow).ok);
    // The same passphrase set again gets a new salt, so a new hash.
    pass.set("blouse-2024");
    EXPECT_NE(contents(), text);
    EXPECT_TRUE(ManagerPassphrase(file).check("blouse-2024", kNow).ok);
}

TEST_F(ManagerAccess, WeakPassphrasesAreRefused) {
    ManagerPassphrase pass(file);
    EXPECT_THROW(pass.set("12345"), std::runtime_error);
    EXPECT_THROW(pass.set(""), std::runtime_error);
    EXPECT_THROW(pass.set("\xEA\xB0\x80\xEB\x82\x98\xEB\x8B\xA4"), std::runtime_error);  // 3 chars
    EXPECT_FALSE(pass.isSet());
    pass.set("\xEA\xB0\x80\xEB\x82\x98\xEB\x8B\xA4\xEB\x9D\xBC\xEB\xA7\x88\xEB\xB0\x94");  // 6
    EXPECT_TRUE(pass.check("\xEA\xB0\x80\xEB\x82\x98\xEB\x8B\xA4\xEB\x9D\xBC\xEB\xA7\x88\xEB\xB0\x94",
                           kNow)
                    .ok);
}

// The gate asks this before comparing the two fields, so it must agree with set().
TEST_F(ManagerAccess, LongEnoughCountsCharactersAsSetDoes) {
    EXPECT_FALSE(ManagerPassphrase::longEnough("12345"));
    EXPECT_TRUE(ManagerPassphrase::longEnough("123456"));
    EXPECT_FALSE(ManagerPassphrase::longEnough(""));
    // Nine bytes but three characters: too short, as set() says.
    EXPECT_FALSE(ManagerPassphrase::longEnough("\xEA\xB0\x80\xEB\x82\x98\xEB\x8B\xA4"));
    EXPECT_TRUE(ManagerPassphrase::longEnough(
        "\xEA\xB0\x80\xEB\x82\x98\xEB\x8B\xA4\xEB\x9D\xBC\xEB\xA7\x88\xEB\xB0\x94"));
}

TEST_F(ManagerAccess, WaitsDoubleUpToThirtySeconds) {
    EXPECT_EQ(ManagerPassphrase::waitAfter(0), 0);
    EXPECT_EQ(ManagerPassphrase::waitAfter(1), 1000);
    EXPECT_EQ(ManagerPassphrase::waitAfter(2), 2000);
    EXPECT_EQ(ManagerPassphrase::waitAfter(3), 4000);
    EXPECT_EQ(ManagerPassphrase::waitAfter(5), 16000);
    EXPECT_EQ(ManagerPassphrase::waitAfter(6), 30000);
    EXPECT_EQ(ManagerPassphrase::waitAfter(100), 30000);
}

TEST_F(ManagerAccess, WrongTriesSlowDown) {
    ManagerPassphrase pass(file);
    pass.set("correct horse");
    std::int64_t now = kNow;
    auto r = pass.check("wrong", now);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.waitMs, 0);  // it was checked
    EXPECT_EQ(r.retryAfterMs, 1000);
    // During the wait even the right passphrase is refused without being checked.
    r = pass.check("correct horse", now + 500);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.waitMs, 500);
    now += 1000;
    EXPECT_EQ(pass.check("wrong", now).retryAfterMs, 2000);
    EXPECT_EQ(pass.check("wrong", now + 1999).waitMs, 1);
    now += 2000;
    EXPECT_EQ(pass.check("wrong", now).retryAfterMs, 4000);
    EXPECT_EQ(pass.failures(), 3);
    now += 4000;
    r = pass.check("correct horse", now);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(pass.failures(), 0);
    EXPECT_EQ(pass.check("wrong", now).retryAfterMs, 1000);  // the count starts over
}

TEST_F(ManagerAccess, TheSlowDownSurvivesARestart) {
    std::int64_t now = kNow;
    {
        ManagerPassphrase pass(file);
        pass.set("correct horse");
        for (int i = 0; i < 4; ++i) {
            EXPECT_FALSE(pass.check("wrong", now).ok);
            now += ManagerPassphrase::waitAfter(i + 1);
        }
        EXPECT_EQ(pass.failures(), 4);
        now -= ManagerPassphrase::waitAfter(4);  // right after the fourth wrong try
    }
    ManagerPassphrase again(file);  // a new program start
    EXPECT_EQ(again.failures(), 4);
    const auto r = again.check("correct horse", now + 100);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.waitMs, 8000 - 100);
    EXPECT_TRUE(again.check("correct horse", now + 8000).ok);
}

TEST_F(ManagerAccess, ThePendingWaitCanBeReadWithoutATry) {
    std::int64_t now = kNow;
    {
        ManagerPassphrase pass(file);
        EXPECT_EQ(pass.waitRemainingMs(now), 0);  // nothing set yet
        pass.set("correct horse");
        EXPECT_EQ(pass.waitRemainingMs(now), 0);
        pass.check("wrong", now);
        EXPECT_EQ(pass.waitRemainingMs(now), 1000);
        now += 1000;
        pass.check("wrong", now);  // the second wrong try: 2 s
        EXPECT_EQ(pass.waitRemainingMs(now + 500), 1500);
    }
    ManagerPassphrase again(file);  // a new program start sees the same wait, and reading it
    EXPECT_EQ(again.waitRemainingMs(now + 500), 1500);  // neither counts as a try nor resets it
    EXPECT_EQ(again.waitRemainingMs(now + 500), 1500);
    EXPECT_EQ(again.failures(), 2);
    EXPECT_EQ(again.waitRemainingMs(now + 2000), 0);
    EXPECT_EQ(again.waitRemainingMs(now + 60000), 0);
    EXPECT_LE(again.waitRemainingMs(now - 3600 * 1000), 30000);  // clock set back: capped
    EXPECT_TRUE(again.check("correct horse", now + 2000).ok);
    EXPECT_EQ(again.waitRemainingMs(now + 2000), 0);
}

TEST_F(ManagerAccess, AClockSetBackNeverWaitsLongerThanTheCap) {
    ManagerPassphrase pass(file);
    pass.set("correct horse");
    pass.check("wrong", kNow);
    const auto r = pass.check("correct horse", kNow - 3600 * 1000);  // clock one hour back
    EXPECT_FALSE(r.ok);
    EXPECT_LE(r.waitMs, 30000);
}

TEST_F(ManagerAccess, ChangeNeedsTheOldPassphrase) {
    ManagerPassphrase pass(file);
    pass.set("first-pass");
    EXPECT_FALSE(pass.change("not-it", "second-pass", kNow));
    EXPECT_FALSE(pass.change("first-pass", "second-pass", kNow + 10));  // waiting
    EXPECT_THROW(pass.change("first-pass", "short", kNow + 5000), std::runtime_error);
    EXPECT_TRUE(pass.change("first-pass", "second-pass", kNow + 5000));
    EXPECT_FALSE(pass.check("first-pass", kNow + 5000).ok);
    EXPECT_TRUE(pass.check("second-pass", kNow + 10000).ok);
}

TEST_F(ManagerAccess, ADamagedFileNeverLetsAnyoneIn) {
    ManagerPassphrase pass(file);
    pass.set("correct horse");
    std::ofstream(file) << "{ not json";
    EXPECT_TRUE(pass.isSet());
    EXPECT_FALSE(pass.check("correct horse", kNow).ok);
    EXPECT_FALSE(pass.check("correct horse", kNow).ok);  // the in-memory wait holds
    EXPECT_GT(pass.check("correct horse", kNow).waitMs, 0);
}

TEST_F(ManagerAccess, AnUnwritableFileIsAnError) {
    std::filesystem::create_directories(file);  // a folder where the file should be
    ManagerPassphrase pass(file);
    EXPECT_THROW(pass.set("correct horse"), std::runtime_error);
}

TEST_F(ManagerAccess, ThePathFollowsTheEnvironment) {
    ::setenv("COUNTERPLAY_MANAGER_FILE", file.c_str(), 1);
    EXPECT_EQ(core::managerPassphrasePath(), file);
    ::unsetenv("COUNTERPLAY_MANAGER_FILE");
    EXPECT_NE(core::managerPassphrasePath().find("manager.json"), std::string::npos);
}

}  // namespace
}  // namespace counterplay::testing
