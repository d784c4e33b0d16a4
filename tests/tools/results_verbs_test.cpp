// The results verbs end to end, in-process: play --trainee stores the attempt; export in every
// format with selections; verify accepts untouched files and rejects an edited byte (exit 1);
// key; report; simulate; and the usage and data errors with their exit codes.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class ResultsVerbs : public ::testing::Test {
protected:
    void SetUp() override {
        writeFixture(dir_);
        db_ = dir_.path() + "/results.db";
        key_ = dir_.path() + "/site.key";
        ::setenv("COUNTERPLAY_DB", db_.c_str(), 1);
        ::setenv("COUNTERPLAY_KEY_FILE", key_.c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir_.path() + "/data").c_str(), 1);
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
    std::string signingKey() const { return dir_.path() + "/data/counterplay/signing.key"; }
    TempDir dir_;
    std::string db_, key_;
};

TEST_F(ResultsVerbs, PlayStoresTheAttemptAndReportSummarisesIt) {
    const RunResult p = play("Kim Minji", "1,1");
    ASSERT_EQ(p.code, 0) << p.err;
    EXPECT_NE(p.err.find("Saved as attempt 1"), std::string::npos) << p.err;
    ASSERT_EQ(play("Lee Jisoo", "2,1").code, 0);
    const RunResult r = runVerb({"report", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["attempts"], 2);
    ASSERT_EQ(j["rows"].size(), 2u);
    EXPECT_EQ(j["rows"][0]["key"], "Kim Minji");
    EXPECT_EQ(j["rows"][0]["passed"], 1);
    const RunResult text = runVerb({"report", "--by", "principle", "--catalogue", "/nonexistent"});
    EXPECT_EQ(text.code, 0);
    EXPECT_NE(text.out.find("2/8  trust.small-promises"), std::string::npos) << text.out;
}

TEST_F(ResultsVerbs, ExportsVerifyAndEditsAreCaught) {
    ASSERT_EQ(play("Kim Minji", "1,1").code, 0);
    ASSERT_EQ(play("Lee Jisoo", "2,1").code, 0);
    for (const std::string format : {"json", "csv", "xapi", "html"}) {
        const std::string out = dir_.path() + "/all." + format;
        const RunResult e = runVerb({"export", "--format", format, "--out", out});
        ASSERT_EQ(e.code, 0) << e.err;
        const RunResult ok = runVerb({"verify", out});
        EXPECT_EQ(ok.code, 0) << ok.out << ok.err;
        EXPECT_NE(ok.out.find(": OK ("), std::string::npos);
        std::string bytes = slurp(out);
        bytes[bytes.size() / 2] ^= 0x20;
        std::ofstream(out, std::ios::binary) << bytes;
        const RunResult bad = runVerb({"verify", out});
        EXPECT_EQ(bad.code, 1) << format;
        EXPECT_NE(bad.out.find(": FAILED: "), std::string::npos) << bad.out;
    }
    struct stat st {};
    ASSERT_EQ(::stat(signingKey().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_FALSE(std::filesystem::exists(key_));  // the old site key is never created
}

TEST_F(ResultsVerbs, SelectionsAndStdout) {
    ASSERT_EQ(play("Kim Minji", "1,1").code, 0);
    ASSERT_EQ(play("Lee Jisoo", "2,1").code, 0);
    const RunResult one = runVerb({"export", "--format", "json", "--trainee", "Lee Jisoo"});
    ASSERT_EQ(one.code, 0) << one.err;
    const auto j = nlohmann::json::parse(one.out);
    ASSERT_EQ(j["attempts"].size(), 1u);
    EXPECT_EQ(j["attempts"][0]["trainee"]["name"], "Lee Jisoo");
    const RunResult csv = runVerb({"export", "--format", "csv", "--attempt", "2", "--decisions"});
    ASSERT_EQ(csv.code, 0);
    EXPECT_EQ(csv.out.rfind("\xEF\xBB\xBF" "Attempt,", 0), 0u);  // names, then the ids row
    EXPECT_NE(csv.out.find("\r\nattempt_id,attempt_uuid,trainee_key,trainee_name,"), std::string::npos);
    const RunResult none = runVerb({"export", "--format", "csv", "--since", "2999-01-01"});
    EXPECT_EQ(none.code, 0);
    const RunResult html = runVerb({"export", "--format", "html", "--attempt", "1", "--lang", "ko"});
    ASSERT_EQ(html.code, 0);
    EXPECT_NE(html.out.find("<html lang=\"ko\">"), std::string::npos);
    const RunResult xapi = runVerb({"export", "--format", "xapi", "--sig", dir_.path() + "/x.sig"});
    ASSERT_EQ(xapi.code, 0);
    EXPECT_TRUE(nlohmann::json::parse(xapi.out).is_array());
    EXPECT_NE(slurp(dir_.path() + "/x.sig").find("format=xapi"), std::string::npos);
}

TEST_F(ResultsVerbs, ErrorsHaveClearMessagesAndExitCodes) {
    EXPECT_EQ(runVerb({"export", "--format", "pdf"}).code, 2);
    EXPECT_EQ(runVerb({"export"}).code, 2);
    const RunResult noDb = runVerb({"export", "--format", "csv"});
    EXPECT_EQ(noDb.code, 2);  // a --db the user must fix (docs/cli.md, Exit status)
    EXPECT_NE(noDb.err.find("no results database"), std::string::npos) << noDb.err;
    ASSERT_EQ(play("Kim Minji", "1,1").code, 0);
    EXPECT_EQ(runVerb({"export", "--format", "csv", "--since", "last week"}).code, 2);
    const RunResult missing = runVerb({"export", "--format", "csv", "--attempt", "42"});
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("no attempt 42"), std::string::npos);
    EXPECT_EQ(runVerb({"export", "--format", "xapi", "--base-iri", "not an iri"}).code, 2);
    const std::string garbage = dir_.write("garbage.db", std::string(5000, 'x'));
    const RunResult g = runVerb({"report", "--db", garbage});
    EXPECT_EQ(g.code, 2);  // a file that cannot be used
    EXPECT_NE(g.err.find("not an SQLite database"), std::string::npos) << g.err;
    EXPECT_EQ(slurp(garbage), std::string(5000, 'x'));
    EXPECT_EQ(runVerb({"verify"}).code, 2);
    ASSERT_EQ(runVerb({"key"}).code, 0);
    const RunResult unsigned_ = runVerb({"verify", dir_.path() + "/late-order.yaml"});
    EXPECT_EQ(unsigned_.code, 1);
    EXPECT_NE(unsigned_.out.find("no Counterplay signature"), std::string::npos);
    EXPECT_EQ(runVerb({"sync", "--lrs", "http://127.0.0.1:9/xAPI"}).code, 2);  // no credentials
    EXPECT_EQ(runVerb({"sync", "--lrs", "ftp://x", "--key", "k", "--secret", "s"}).code, 2);
}

TEST_F(ResultsVerbs, KeyVerb) {
    const RunResult path = runVerb({"key", "--show-path"});
    EXPECT_EQ(path.code, 0);
    EXPECT_EQ(path.out, signingKey() + "\n");
    EXPECT_FALSE(std::filesystem::exists(signingKey()));  // showing the path creates nothing
    const RunResult id = runVerb({"key", "--id"});
    EXPECT_EQ(id.code, 0);
    EXPECT_EQ(id.out.size(), 65u);
    EXPECT_TRUE(std::filesystem::exists(signingKey()));
    EXPECT_TRUE(std::filesystem::exists(dir_.path() + "/data/counterplay/signing.pub"));
    ASSERT_EQ(runVerb({"key", "name", "Gangnam"}).code, 0);
    const RunResult both = runVerb({"key"});
    EXPECT_NE(both.out.find(id.out.substr(0, 64)), std::string::npos);
    EXPECT_NE(both.out.find("store:       Gangnam"), std::string::npos) << both.out;
    const RunResult pub = runVerb({"key", "export-public"});
    EXPECT_EQ(pub.out, "counterplay-public-key v1\nstore: Gangnam\nkey: " +
                           pub.out.substr(pub.out.find("key: ") + 5, 64) + "\nfingerprint: " +
                           id.out);
    const RunResult list = runVerb({"key", "list", "--lang", "en"});
    EXPECT_NE(list.out.find("(this machine)  Gangnam"), std::string::npos) << list.out;
    EXPECT_EQ(runVerb({"key", "trust", dir_.path() + "/late-order.yaml"}).code, 1);
    EXPECT_EQ(runVerb({"key", "trust"}).code, 2);
    const RunResult noKey = runVerb({"verify", "--key-file", dir_.path() + "/none.key", key_});
    EXPECT_EQ(noKey.code, 1);
    EXPECT_NE(noKey.err.find("no site key"), std::string::npos);
}

TEST_F(ResultsVerbs, SimulateFillsADatabase) {
    const std::string sim = dir_.path() + "/sim.db";
    const RunResult r = runVerb({"simulate", "--db", sim, "--trainees", "3", "--attempts", "25",
                                 "--seed", "5", "--scenarios", dir_.path()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Stored 25 simulated attempts"), std::string::npos) << r.out;
    const RunResult rep = runVerb({"report", "--db", sim, "--json"});
    EXPECT_EQ(nlohmann::json::parse(rep.out)["attempts"], 25);
    const RunResult again = runVerb({"simulate", "--db", dir_.path() + "/sim2.db", "--trainees",
                                     "3", "--attempts", "25", "--seed", "5", "--scenarios",
                                     dir_.path()});
    ASSERT_EQ(again.code, 0);
    const RunResult a = runVerb({"export", "--db", sim, "--format", "csv"});
    const RunResult b = runVerb({"export", "--db", dir_.path() + "/sim2.db", "--format", "csv"});
    // Same seed, same data (the signature line differs only if the data does).
    EXPECT_EQ(a.out, b.out);
}

}  // namespace
}  // namespace counterplay::testing
