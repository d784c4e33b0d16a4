// `counterplay roster` and `counterplay coach` end to end, in-process: add/list/remove, notes
// pinned to a step, sign-offs and revoking, the list in ko and en, "did you mean" for unknown
// trainees, principles, attempts and roster ids, exit codes, and coaching in the JSON export.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

class CoachVerbs : public ::testing::Test {
protected:
    void SetUp() override {
        writeFixture(dir_);
        db_ = dir_.path() + "/results.db";
        ::setenv("COUNTERPLAY_DB", db_.c_str(), 1);
        ::setenv("COUNTERPLAY_KEY_FILE", (dir_.path() + "/site.key").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir_.path() + "/data").c_str(), 1);
        ::unsetenv("LANG");
        ::unsetenv("LC_ALL");
        ::unsetenv("LC_MESSAGES");
    }
    void TearDown() override {
        ::unsetenv("COUNTERPLAY_DB");
        ::unsetenv("COUNTERPLAY_KEY_FILE");
        ::unsetenv("XDG_DATA_HOME");
    }
    RunResult play(const std::string& trainee, const std::string& choices) {
        return runVerb({"play", dir_.path() + "/late-order.yaml", "--choices", choices, "--trainee",
                        trainee, "--lang", "en"});
    }
    TempDir dir_;
    std::string db_;
};

TEST_F(CoachVerbs, RosterAddListRemove) {
    RunResult r = runVerb({"roster", "list"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("The roster is empty"), std::string::npos) << r.out;
    EXPECT_FALSE(std::filesystem::exists(db_));  // a read-only verb never creates the database
    ASSERT_EQ(runVerb({"roster", "add", "--name", "Min-ji Park", "--id", "E7", "--store", "Gangnam"}).code, 0);
    r = runVerb({"roster", "add", "--name", " Ann Lee ", "--id", "E2"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Added Ann Lee (E2)"), std::string::npos) << r.out;
    r = runVerb({"roster", "add", "--name", "Ann Lee", "--id", "E2", "--store", "Jongno"});
    EXPECT_NE(r.out.find("Updated"), std::string::npos) << r.out;
    r = runVerb({"roster", "list"});
    EXPECT_EQ(r.out, "E2\tAnn Lee\tJongno\nE7\tMin-ji Park\tGangnam\n");
    r = runVerb({"roster", "list", "--json"});
    EXPECT_EQ(nlohmann::json::parse(r.out).size(), 2u);
    r = runVerb({"roster", "add", "--name", "  ", "--id", "E9"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("the name is empty"), std::string::npos) << r.err;
    r = runVerb({"roster", "add", "--name", "X"});
    EXPECT_EQ(r.code, 2);  // --id is required
    r = runVerb({"roster", "remove", "E22"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("did you mean 'E2'"), std::string::npos) << r.err;
    EXPECT_EQ(runVerb({"roster", "remove", "E2"}).code, 0);
    EXPECT_EQ(runVerb({"roster", "list"}).out, "E7\tMin-ji Park\tGangnam\n");
    EXPECT_EQ(runVerb({"roster", "--help"}).code, 0);
}

TEST_F(CoachVerbs, NotesSignOffsAndTheList) {
    ASSERT_EQ(play("Kim Minji", "1,1").code, 0);
    ASSERT_EQ(play("Lee Jisoo", "2,1").code, 0);
    RunResult r = runVerb({"coach", "note", "--attempt", "1", "--decision", "2", "--text",
                           "Promise only what you can keep.", "--author", "Mina"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Note 1 pinned to attempt 1 (Kim Minji), step 2"), std::string::npos) << r.out;
    ASSERT_EQ(runVerb({"coach", "note", "--attempt", "2", "--text", "Good call.", "--author", "Mina"}).code, 0);
    r = runVerb({"coach", "note", "--attempt", "12", "--text", "x", "--author", "Mina"});
    EXPECT_EQ(r.code, 1);
    // Only ids that exist are offered, never a nearby number that may not exist either.
    EXPECT_NE(r.err.find("there is no attempt 12 (stored attempts: 1-2)"), std::string::npos)
        << r.err;
    r = runVerb({"coach", "note", "--attempt", "1", "--decision", "9", "--text", "x", "--author", "M"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("there is no step 9"), std::string::npos) << r.err;
    r = runVerb({"coach", "note", "--attempt", "1", "--text", " ", "--author", "M"});
    EXPECT_EQ(r.code, 2);

    r = runVerb({"coach", "signoff", "--trainee", "Kim Minji", "--manager", "Mina"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Sign-off 1: Kim Minji on all principles"), std::string::npos) << r.out;
    r = runVerb({"coach", "signoff", "--trainee", "Kim Minj", "--manager", "Mina"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("did you mean 'Kim Minji'"), std::string::npos) << r.err;
    r = runVerb({"coach", "signoff", "--trainee", "Lee Jisoo", "--principle", "trust.small-promise",
                 "--manager", "Mina"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("did you mean 'trust.small-promises'"), std::string::npos) << r.err;
    r = runVerb({"coach", "signoff", "--trainee", "Lee Jisoo", "--principle", "trust.small-promises",
                 "--manager", "Mina", "--note", "Keeps her word."});
    ASSERT_EQ(r.code, 0) << r.err;
    // A roster trainee without attempts can be signed off too.
    ASSERT_EQ(runVerb({"roster", "add", "--name", "Park Sora", "--id", "E5"}).code, 0);
    EXPECT_EQ(runVerb({"coach", "signoff", "--trainee", "E5", "--manager", "Mina"}).code, 0);

    EXPECT_EQ(runVerb({"coach", "revoke", "1", "--manager", "Jun"}).code, 0);
    r = runVerb({"coach", "revoke", "1", "--manager", "Jun"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("revoked already"), std::string::npos);
    EXPECT_EQ(runVerb({"coach", "revoke", "77", "--manager", "Jun"}).code, 1);

    r = runVerb({"coach", "list"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Kim Minji (Kim Minji)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[revoked by Jun"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("note 1 on attempt 1 (late-order), step 2, by Mina"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("trust.small-promises, by Mina"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Park Sora (E5)"), std::string::npos) << r.out;
    r = runVerb({"coach", "list", "--trainee", "Lee Jisoo", "--lang", "ko"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\xEC\x8A\xB9\xEC\x9D\xB8"), std::string::npos) << r.out;  // 승인
    EXPECT_EQ(r.out.find("Kim Minji"), std::string::npos) << r.out;
    r = runVerb({"coach", "list", "--trainee", "Nobody"});
    EXPECT_EQ(r.code, 1);

    // The JSON export carries the notes and sign-offs, and still verifies.
    const std::string out = dir_.path() + "/all.json";
    ASSERT_EQ(runVerb({"export", "--format", "json", "--out", out}).code, 0);
    std::ifstream in(out);
    const auto doc = nlohmann::json::parse(in);
    EXPECT_EQ(doc["attempts"][0]["coaching_notes"][0]["step"], 2);
    EXPECT_EQ(doc["sign_offs"].size(), 2u);  // Kim Minji's (revoked) and Lee Jisoo's
    EXPECT_EQ(runVerb({"verify", out}).code, 0);
    // The coaching CSV: one row per note and sign-off.
    const std::string csv = dir_.path() + "/coaching.csv";
    RunResult c = runVerb({"export", "--format", "csv", "--coaching", "--out", csv});
    ASSERT_EQ(c.code, 0) << c.err;
    std::ifstream cin(csv);
    std::string text((std::istreambuf_iterator<char>(cin)), {});
    EXPECT_NE(text.find("note,1,"), std::string::npos) << text;
    EXPECT_NE(text.find("sign-off,,,Lee Jisoo"), std::string::npos) << text;
    EXPECT_EQ(runVerb({"verify", csv}).code, 0);

    EXPECT_EQ(runVerb({"coach", "delete-note", "1"}).code, 0);
    EXPECT_EQ(runVerb({"coach", "delete-note", "1"}).code, 1);
    EXPECT_EQ(runVerb({"coach", "--help"}).code, 0);
    EXPECT_EQ(runVerb({"coach"}).code, 2);
}

}  // namespace
}  // namespace counterplay::testing
