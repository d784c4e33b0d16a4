// Signatures across machines, seals and import, end to end through the verbs: an export from
// another machine fails verify as "unknown key" until its public key is trusted; import refuses
// it until then and adds nothing the second time; editing the database with the sqlite3 shell
// (a score, a decision, a trainee's name) is reported by `check` and refused by `export` unless
// --include-altered, which marks it; replaying against the scenario file catches an edit to an
// unsealed row.
#include <gtest/gtest.h>
#include <sqlite3.h>
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

/// Runs SQL on a database: with the sqlite3 shell when it is installed (as an administrator
/// would), else through the SQLite C API.
void runSql(const std::string& db, const std::string& sql) {
    if (std::system("command -v sqlite3 >/dev/null 2>&1") == 0) {
        const std::string cmd = "sqlite3 '" + db + "' \"" + sql + "\"";
        ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
        return;
    }
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(h);
}

class IntegrityVerbs : public ::testing::Test {
protected:
    void SetUp() override {
        writeFixture(dir_);
        machine("a");
    }
    void TearDown() override {
        ::unsetenv("COUNTERPLAY_DB");
        ::unsetenv("XDG_DATA_HOME");
    }
    /// Switches to another "machine": its own data folder and database.
    void machine(const std::string& name) {
        db_ = dir_.path() + "/" + name + ".db";
        ::setenv("COUNTERPLAY_DB", db_.c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir_.path() + "/data-" + name).c_str(), 1);
    }
    RunResult play(const std::string& trainee, const std::string& choices) {
        return runVerb({"play", dir_.path() + "/late-order.yaml", "--choices", choices, "--trainee",
                        trainee, "--lang", "en"});
    }
    std::string path(const std::string& name) const { return dir_.path() + "/" + name; }
    TempDir dir_;
    std::string db_;
};

TEST_F(IntegrityVerbs, AnotherStoresExportVerifiesOnceTrustedAndImportsOnce) {
    machine("busan");
    ASSERT_EQ(runVerb({"key", "name", "Busan"}).code, 0);
    ASSERT_EQ(play("Kim Minji", "1,1").code, 0);
    for (const std::string f : {"json", "csv", "html", "xapi"})
        ASSERT_EQ(runVerb({"export", "--format", f, "--out", path("busan." + f)}).code, 0) << f;
    ASSERT_EQ(runVerb({"key", "export-public", "--out", path("busan.pub")}).code, 0);
    const std::string fp = runVerb({"key", "--id"}).out.substr(0, 16);

    machine("gangnam");
    ASSERT_EQ(runVerb({"key", "name", "Gangnam"}).code, 0);
    for (const std::string f : {"json", "csv", "html", "xapi"}) {
        const RunResult v = runVerb({"verify", path("busan." + f)});
        EXPECT_EQ(v.code, 1) << f;
        EXPECT_NE(v.out.find("signed by an unknown key " + fp + "\xE2\x80\xA6 (store 'Busan'): run "
                             "`counterplay key trust` with that store's public key"),
                  std::string::npos)
            << v.out;
    }
    const RunResult refused = runVerb({"import", path("busan.json"), "--lang", "en"});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("refused, nothing from it was stored: signed by an unknown key"),
              std::string::npos)
        << refused.err;
    EXPECT_FALSE(std::filesystem::exists(db_) &&
                 runVerb({"report", "--json"}).out.find("\"attempts\": 1") != std::string::npos);

    const RunResult trusted = runVerb({"key", "trust", path("busan.pub"), "--lang", "en"});
    ASSERT_EQ(trusted.code, 0) << trusted.err;
    EXPECT_NE(trusted.out.find("Trusted store 'Busan'"), std::string::npos);
    EXPECT_NE(runVerb({"key", "list"}).out.find(fp), std::string::npos);
    for (const std::string f : {"json", "csv", "html", "xapi"}) {
        const RunResult v = runVerb({"verify", path("busan." + f)});
        EXPECT_EQ(v.code, 0) << f << v.out;
        std::string bytes = slurp(path("busan." + f));
        bytes[bytes.size() / 2] ^= 0x20;
        std::ofstream(path("edited." + f), std::ios::binary) << bytes;
        if (f == "xapi" || f == "csv")
            std::filesystem::copy_file(path("busan." + f + ".sig"), path("edited." + f + ".sig"));
        const RunResult bad = runVerb({"verify", path("edited." + f)});
        EXPECT_EQ(bad.code, 1) << f;
        EXPECT_NE(bad.out.find("the file was changed after signing"), std::string::npos) << bad.out;
    }
    const RunResult edited = runVerb({"import", path("edited.json")});
    EXPECT_EQ(edited.code, 1);
    const RunResult ok = runVerb({"import", path("busan.json"), "--lang", "en"});
    ASSERT_EQ(ok.code, 0) << ok.err;
    EXPECT_NE(ok.out.find("imported 1 attempt signed by store 'Busan' (0 already here)"),
              std::string::npos)
        << ok.out;
    const RunResult again = runVerb({"import", path("busan.json"), "--lang", "en"});
    EXPECT_EQ(again.code, 0);
    EXPECT_NE(again.out.find("imported 0 attempts"), std::string::npos) << again.out;
    const RunResult check = runVerb({"check", "--lang", "en"});
    EXPECT_EQ(check.code, 0) << check.out;
    EXPECT_NE(check.out.find("1 attempt checked: 1 ok, 0 altered"), std::string::npos) << check.out;
    // The imported attempt is marked with its store in the exports.
    const auto j = nlohmann::json::parse(runVerb({"export", "--format", "json"}).out);
    EXPECT_EQ(j["attempts"][0]["origin"]["store"], "Busan");
    EXPECT_EQ(j["attempts"][0]["origin"]["source"], "import");
    EXPECT_EQ(runVerb({"import"}).code, 2);
    EXPECT_EQ(runVerb({"import", "--help"}).code, 0);
}

TEST_F(IntegrityVerbs, SqlEditsAreReportedAndRefused) {
    const std::vector<std::pair<std::string, std::string>> edits = {
        {"score", "UPDATE attempts SET percent = 95, passed = 1 WHERE id = 1"},
        {"decision", "UPDATE decisions SET choice_index = 0, choice_id = 'apologise' WHERE attempt_id = 1 AND seq = 1"},
        {"name", "UPDATE attempts SET trainee_name = 'Mallory' WHERE id = 1"},
    };
    for (const auto& [what, sql] : edits) {
        machine("edit-" + what);
        ASSERT_EQ(play("Kim Minji", "2,1").code, 0);
        ASSERT_EQ(play("Lee Jisoo", "1,1").code, 0);
        ASSERT_EQ(runVerb({"check"}).code, 0) << what;
        runSql(db_, sql);
        struct stat before {};
        ::stat(db_.c_str(), &before);
        const RunResult check = runVerb({"check", "--lang", "en", "--scenarios", dir_.path()});
        EXPECT_EQ(check.code, 1) << what;
        EXPECT_NE(check.out.find("attempt 1 ("), std::string::npos) << check.out;
        EXPECT_NE(check.out.find("ALTERED"), std::string::npos) << check.out;
        EXPECT_EQ(check.out.find("attempt 2 ("), std::string::npos) << check.out;
        EXPECT_NE(check.out.find("2 attempts checked: 1 ok, 1 altered"), std::string::npos)
            << check.out;
        struct stat after {};
        ::stat(db_.c_str(), &after);
        EXPECT_EQ(before.st_mtime, after.st_mtime);  // check is a reader
        EXPECT_EQ(before.st_size, after.st_size);

        const RunResult refused = runVerb({"export", "--format", "csv", "--out", path("x.csv"), "--lang", "en"});
        EXPECT_EQ(refused.code, 1) << what;
        EXPECT_NE(refused.err.find("(ids 1)"), std::string::npos) << refused.err;
        EXPECT_FALSE(std::filesystem::exists(path("x.csv")));
        const RunResult report = runVerb({"report", "--lang", "en"});
        EXPECT_NE(report.out.find("Warning: 1 attempt was changed"), std::string::npos) << report.out;

        const RunResult json = runVerb({"export", "--format", "json", "--include-altered"});
        ASSERT_EQ(json.code, 0) << json.err;
        const auto j = nlohmann::json::parse(json.out);
        EXPECT_EQ(j["attempts"][0]["integrity"], "altered");
        EXPECT_FALSE(j["attempts"][1].contains("integrity"));
        const RunResult csv = runVerb({"export", "--format", "csv", "--include-altered"});
        EXPECT_NE(csv.out.find(",altered"), std::string::npos);
        const RunResult html = runVerb({"export", "--format", "html", "--attempt", "1", "--include-altered"});
        EXPECT_NE(html.out.find("altered-banner"), std::string::npos);
    }
}

TEST_F(IntegrityVerbs, ReplayCatchesAnEditToAnUnsealedRow) {
    ASSERT_EQ(play("Kim Minji", "1,1").code, 0);
    const RunResult ok = runVerb({"check", "--scenarios", dir_.path(), "--lang", "en"});
    EXPECT_EQ(ok.code, 0);
    EXPECT_NE(ok.out.find("1 replayed"), std::string::npos) << ok.out;
    // Make it look recorded before sealing, then change a decision's points.
    runSql(db_, "UPDATE attempts SET seal = ''; UPDATE meta SET value = '99' WHERE key = "
                "'sealed_from_id'");
    const RunResult unsealed = runVerb({"check", "--scenarios", dir_.path(), "--lang", "en"});
    EXPECT_EQ(unsealed.code, 0) << unsealed.out;
    EXPECT_NE(unsealed.out.find("1 unsealed"), std::string::npos) << unsealed.out;
    runSql(db_, "UPDATE decisions SET elapsed_ms = elapsed_ms + 5000 WHERE seq = 1");
    const RunResult bad = runVerb({"check", "--scenarios", dir_.path(), "--lang", "en"});
    EXPECT_EQ(bad.code, 1) << bad.out;
    EXPECT_NE(bad.out.find("replaying its transcript"), std::string::npos) << bad.out;
}

TEST_F(IntegrityVerbs, CheckRememberKeepsSealMemosAndEditsAreStillCaught) {
    ASSERT_EQ(play("Kim Minji", "2,1").code, 0);
    ASSERT_EQ(play("Lee Jisoo", "1,1").code, 0);
    auto memos = [&] {
        sqlite3* h = nullptr;
        EXPECT_EQ(sqlite3_open_v2(db_.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(h, "SELECT count(*) FROM seal_memos", -1, &st, nullptr);
        const int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
        sqlite3_finalize(st);
        sqlite3_close(h);
        return n;
    };
    EXPECT_EQ(memos(), 2);  // recorded here: memo written with the seal
    runSql(db_, "DELETE FROM seal_memos");
    // Without --remember, check writes nothing.
    ASSERT_EQ(runVerb({"check", "--scenarios", dir_.path(), "--lang", "en"}).code, 0);
    EXPECT_EQ(memos(), 0);
    const RunResult remember =
        runVerb({"check", "--remember", "--scenarios", dir_.path(), "--lang", "en"});
    EXPECT_EQ(remember.code, 0) << remember.err;
    EXPECT_NE(remember.out.find("2 attempts checked: 2 ok"), std::string::npos) << remember.out;
    EXPECT_NE(remember.out.find("Remembered 2 attempts"), std::string::npos) << remember.out;
    EXPECT_EQ(memos(), 2);
    // The memo stands for the check only while the rows are unchanged.
    runSql(db_, "UPDATE attempts SET percent = 95, passed = 1 WHERE id = 1");
    const RunResult report = runVerb({"report", "--lang", "en", "--scenarios", dir_.path()});
    EXPECT_NE(report.out.find("Warning: 1 attempt was changed"), std::string::npos)
        << report.out;
    const RunResult refused =
        runVerb({"export", "--format", "csv", "--out", path("x.csv"), "--lang", "en"});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("(ids 1)"), std::string::npos) << refused.err;
    // A memo moved from attempt 2 to the edited attempt 1 does not hold either.
    runSql(db_, "UPDATE seal_memos SET mac = (SELECT mac FROM seal_memos WHERE attempt_id = 2) "
                "WHERE attempt_id = 1");
    EXPECT_EQ(runVerb({"export", "--format", "csv", "--out", path("x.csv"), "--lang", "en"}).code, 1);
    // A remembering check of an altered attempt keeps no memo for it.
    runSql(db_, "DELETE FROM seal_memos");
    EXPECT_EQ(runVerb({"check", "--remember", "--lang", "en"}).code, 1);
    EXPECT_EQ(memos(), 1);
}

}  // namespace
}  // namespace counterplay::testing
