// The verbs speak the user's language and share one exit-status rule (docs/cli.md, "Exit
// status"): core errors (a missing or unusable database, --out targets), date errors, "did you
// mean" lines and CLI11's own parse errors are worded from cli.json in Korean and English, after
// "counterplay <verb>: ". 2 = a command line or a file the user must fix; 1 = the verb ran and
// found a problem (a filter that names nothing). --attempt suggests only ids that exist, and
// --scenario takes a scenario's title too.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

class VerbLanguage : public ::testing::Test {
protected:
    void SetUp() override {
        writeFixture(dir_);
        db_ = dir_.path() + "/results.db";
        ::setenv("COUNTERPLAY_DB", db_.c_str(), 1);
        ::setenv("COUNTERPLAY_KEY_FILE", (dir_.path() + "/site.key").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir_.path() + "/data").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (dir_.path() + "/config").c_str(), 1);
        for (const char* v : {"LC_ALL", "LC_MESSAGES", "LANG"}) ::unsetenv(v);
    }
    void TearDown() override {
        for (const char* v :
             {"COUNTERPLAY_DB", "COUNTERPLAY_KEY_FILE", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "LANG"})
            ::unsetenv(v);
    }
    /// One stored attempt by Kim Minji (id 1).
    void storeOne() {
        ASSERT_EQ(runVerb({"play", dir_.path() + "/late-order.yaml", "--choices", "1,1",
                           "--trainee", "Kim Minji", "--lang", "en"})
                      .code,
                  0);
    }
    TempDir dir_;
    std::string db_;
};

TEST_F(VerbLanguage, AMissingDatabaseIsWordedInTheUsersLanguageAndExits2) {
    const std::string missing = dir_.path() + "/nope.db";
    for (const char* verb : {"report", "check"}) {
        const RunResult ko = runVerb({verb, "--db", missing, "--lang", "ko"});
        EXPECT_EQ(ko.code, 2) << verb;
        EXPECT_TRUE(contains(ko.err, std::string("counterplay ") + verb + ": " + missing +
                                         "에 결과 데이터베이스가 없습니다"))
            << ko.err;
        const RunResult en = runVerb({verb, "--db", missing, "--lang", "en"});
        EXPECT_EQ(en.code, 2) << verb;
        EXPECT_TRUE(contains(en.err, "there is no results database at " + missing)) << en.err;
    }
    // export says the same with the same status; LANG alone picks Korean.
    ::setenv("LANG", "ko_KR.UTF-8", 1);
    const RunResult ex = runVerb({"export", "--format", "csv", "--db", missing});
    EXPECT_EQ(ex.code, 2);
    EXPECT_TRUE(contains(ex.err, "counterplay export: " + missing + "에 결과 데이터베이스가"))
        << ex.err;
    EXPECT_FALSE(contains(ex.err, "there is no")) << ex.err;
}

TEST_F(VerbLanguage, InputFilesThatDoNotExistAreUsageErrors) {
    const std::string missing = dir_.path() + "/nope.json";
    for (const char* verb : {"import", "verify"}) {
        const RunResult ko = runVerb({verb, missing, "--lang", "ko"});
        EXPECT_EQ(ko.code, 2) << verb;
        EXPECT_TRUE(contains(
            ko.err, std::string("counterplay ") + verb + ": " + missing + ": 그런 파일이 없습니다"))
            << ko.err;
        const RunResult en = runVerb({verb, dir_.path(), "--lang", "en"});
        EXPECT_EQ(en.code, 2) << verb;
        EXPECT_TRUE(contains(en.err, dir_.path() + ": it is not a regular file")) << en.err;
    }
    EXPECT_FALSE(std::filesystem::exists(db_));  // nothing was opened for a bad command line
}

TEST_F(VerbLanguage, AFileThatIsNoDatabaseIsWordedFromCoreData) {
    const std::string junk = dir_.write("junk.db", std::string(4096, 'x'));
    const RunResult ko = runVerb({"report", "--db", junk, "--lang", "ko"});
    EXPECT_EQ(ko.code, 2);
    EXPECT_TRUE(contains(ko.err, "SQLite 데이터베이스가 아닙니다")) << ko.err;
    EXPECT_FALSE(contains(ko.err, "cannot open")) << ko.err;
    const RunResult en = runVerb({"export", "--format", "json", "--db", junk, "--lang", "en"});
    EXPECT_EQ(en.code, 2);
    EXPECT_TRUE(contains(en.err, "counterplay export: cannot open results database " + junk +
                                     ": it is not an SQLite database"))
        << en.err;
}

TEST_F(VerbLanguage, BadDatesAreWordedAndExit2InEveryVerb) {
    storeOne();
    for (const std::vector<std::string>& cmd :
         {std::vector<std::string>{"report"}, {"export", "--format", "csv"}, {"check"}}) {
        std::vector<std::string> ko = cmd, en = cmd;
        for (const char* a : {"--since", "2026-13-01", "--lang", "ko"}) ko.push_back(a);
        for (const char* a : {"--since", "2026-13-01", "--lang", "en"}) en.push_back(a);
        const RunResult k = runVerb(ko), e = runVerb(en);
        EXPECT_EQ(k.code, 2) << cmd[0];
        EXPECT_EQ(e.code, 2) << cmd[0];
        EXPECT_TRUE(contains(
            k.err, "counterplay " + cmd[0] + ": --since: '2026-13-01'은(는) 날짜가 아닙니다"))
            << k.err;
        EXPECT_TRUE(
            contains(e.err, "counterplay " + cmd[0] + ": --since: '2026-13-01' is not a date"))
            << e.err;
    }
    const RunResult order =
        runVerb({"report", "--since", "2026-05-02", "--until", "2026-05-01", "--lang", "ko"});
    EXPECT_EQ(order.code, 2);
    EXPECT_TRUE(contains(order.err, "맞는 시도가 있을 수 없습니다")) << order.err;
}

TEST_F(VerbLanguage, FiltersThatNameNothingAreWordedAndExit1) {
    storeOne();
    const RunResult ko = runVerb({"report", "--trainee", "Kim Minj", "--lang", "ko"});
    EXPECT_EQ(ko.code, 1);
    EXPECT_TRUE(contains(ko.err,
                         "키나 이름이 'Kim Minj'인 교육생이 없습니다 ('Kim Minji'을(를) "
                         "말씀하신 건가요?)"))
        << ko.err;
    const RunResult en =
        runVerb({"export", "--format", "csv", "--trainee", "Kim Minj", "--lang", "en"});
    EXPECT_EQ(en.code, 1);
    EXPECT_TRUE(contains(en.err,
                         "no trainee has the key or name 'Kim Minj' (did you mean "
                         "'Kim Minji'?)"))
        << en.err;
    const RunResult sync = runVerb({"sync", "--dry-run", "--lrs", "http://127.0.0.1:9/xapi",
                                    "--trainee", "Kim Minj", "--lang", "ko"});
    EXPECT_EQ(sync.code, 1);
    EXPECT_TRUE(contains(sync.err, "counterplay sync: 키나 이름이")) << sync.err;
}

TEST_F(VerbLanguage, OutTargetsAreWordedAndExit2) {
    storeOne();
    const RunResult folder =
        runVerb({"export", "--format", "json", "--out", dir_.path(), "--lang", "ko"});
    EXPECT_EQ(folder.code, 2);
    EXPECT_TRUE(contains(
        folder.err, "counterplay export: --out: " + dir_.path() + "에 쓸 수 없습니다: 폴더입니다"))
        << folder.err;
    const std::string nowhere = dir_.path() + "/no/such/out.json";
    const RunResult en = runVerb({"export", "--format", "json", "--out", nowhere, "--lang", "en"});
    EXPECT_EQ(en.code, 2);
    EXPECT_TRUE(contains(en.err, "--out: cannot write " + nowhere + ": the folder " + dir_.path() +
                                     "/no/such does not exist"))
        << en.err;
    const RunResult ko = runVerb({"export", "--format", "json", "--out", nowhere, "--lang", "ko"});
    EXPECT_TRUE(contains(ko.err, dir_.path() + "/no/such 폴더가 없습니다")) << ko.err;
    // report's --html and --csv are refused the same way, before the report is computed.
    const RunResult html = runVerb({"report", "--html", dir_.path(), "--lang", "ko"});
    EXPECT_EQ(html.code, 2);
    EXPECT_TRUE(contains(
        html.err, "counterplay report: --html: " + dir_.path() + "에 쓸 수 없습니다: 폴더입니다"))
        << html.err;
}

TEST_F(VerbLanguage, AReadOnlyFolderIsWorded) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into a 0555 folder";
    storeOne();
    const std::string ro = dir_.path() + "/ro";
    std::filesystem::create_directories(ro);
    std::filesystem::permissions(
        ro, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    const RunResult ko =
        runVerb({"export", "--format", "json", "--out", ro + "/x.json", "--lang", "ko"});
    const RunResult en =
        runVerb({"export", "--format", "json", "--out", ro + "/x.json", "--lang", "en"});
    std::filesystem::permissions(ro, std::filesystem::perms::owner_all);
    EXPECT_EQ(ko.code, 2);
    EXPECT_TRUE(contains(ko.err, "읽기 전용")) << ko.err;
    EXPECT_EQ(en.code, 2);
    EXPECT_TRUE(contains(en.err, "its folder is read-only here")) << en.err;
    EXPECT_FALSE(std::filesystem::exists(ro + "/x.json"));
}

TEST_F(VerbLanguage, ParseErrorsAreWordedAfterTheVerbWithWhereToLook) {
    struct Case {
        std::vector<std::string> args;
        std::string en;
        std::string ko;
    };
    const std::vector<Case> cases = {
        {{"report", "--lang", "xx"},
         "counterplay report: --lang: 'xx' is not one of ko, en",
         "counterplay report: --lang: 'xx'은(는) ko, en 중 하나가 아닙니다"},
        {{"export"},
         "counterplay export: --format is required",
         "counterplay export: --format은(는) 꼭 주어야 합니다"},
        {{"report", "--bogus"},
         "counterplay report: unexpected on the command line: --bogus",
         "counterplay report: 명령줄에 예상하지 못한 것이 있습니다: --bogus"},
        {{"report", "--min-group", "many"},
         "counterplay report: --min-group: 'many' is not a number",
         "counterplay report: --min-group: 'many'은(는) 숫자가 아닙니다"},
        {{"sync", "--batch", "0"},
         "counterplay sync: --batch: 0 is not from 1 to 10000",
         "counterplay sync: --batch: 0은(는) 1부터 10000까지의 값이 아닙니다"},
        {{"export", "--format", "csv", "--attempt", "0"},
         "counterplay export: --attempt: attempt ids are whole numbers from 1 ('0' is not one)",
         "counterplay export: --attempt: 시도 ID는 1 이상의 정수입니다('0'은(는) 아닙니다)"},
    };
    for (const Case& c : cases) {
        ::unsetenv("LANG");
        const RunResult en = runVerb(c.args);
        EXPECT_EQ(en.code, 2) << c.en;
        EXPECT_TRUE(contains(en.err, c.en)) << en.err;
        EXPECT_TRUE(contains(en.err, "see `counterplay " + c.args[0] + " --help`")) << en.err;
        EXPECT_FALSE(contains(en.err, "Run with --help")) << en.err;
        ::setenv("LANG", "ko_KR.UTF-8", 1);
        const RunResult ko = runVerb(c.args);
        EXPECT_EQ(ko.code, 2) << c.ko;
        EXPECT_TRUE(contains(ko.err, c.ko)) << ko.err;
        EXPECT_TRUE(contains(ko.err, "`counterplay " + c.args[0] + " --help`를 참고하세요"))
            << ko.err;
    }
    // --lang on the command line wins over LANG for the words of a parse error too.
    ::setenv("LANG", "ko_KR.UTF-8", 1);
    const RunResult en = runVerb({"report", "--bogus", "--lang", "en"});
    EXPECT_TRUE(contains(en.err, "unexpected on the command line")) << en.err;
}

TEST_F(VerbLanguage, AnAttemptThatDoesNotExistListsOnlyRealIds) {
    storeOne();
    storeOne();
    ASSERT_EQ(runVerb({"play", dir_.path() + "/late-order.yaml", "--choices", "1,1", "--trainee",
                       "Lee", "--lang", "en"})
                  .code,
              0);
    const RunResult all = runVerb({"export", "--format", "csv", "--attempt", "4", "--lang", "en"});
    EXPECT_EQ(all.code, 1);
    EXPECT_TRUE(contains(all.err, "there is no attempt 4 in " + db_ + " (stored attempts: 1-3)"))
        << all.err;
    EXPECT_FALSE(contains(all.err, "did you mean")) << all.err;
    const RunResult kim =
        runVerb({"report", "--attempt", "3", "--trainee", "Kim Minji", "--lang", "ko"});
    EXPECT_EQ(kim.code, 1);
    EXPECT_TRUE(contains(kim.err, "시도 3이(가) 없습니다 (Kim Minji의 시도: 1-2)")) << kim.err;
    const RunResult note = runVerb({"coach", "note", "--attempt", "12", "--text", "Listen first",
                                    "--author", "Mina", "--lang", "en"});
    EXPECT_EQ(note.code, 1);
    EXPECT_TRUE(contains(note.err, "there is no attempt 12 (stored attempts: 1-3)")) << note.err;
    EXPECT_FALSE(contains(note.err, "did you mean")) << note.err;
}

TEST_F(VerbLanguage, AScenarioFilterTakesItsTitleInKoOrEn) {
    storeOne();
    for (const char* given : {"late-order", "The late order", "the LATE order ", "KO late order"}) {
        const RunResult r = runVerb({"report", "--scenario", given, "--json"});
        EXPECT_EQ(r.code, 0) << given << r.err;
        EXPECT_TRUE(contains(r.out, "\"attempts\": 1")) << given << r.out;
    }
    const RunResult typo = runVerb({"report", "--scenario", "The late ordr", "--lang", "en"});
    EXPECT_EQ(typo.code, 1);
    EXPECT_TRUE(contains(typo.err,
                         "no scenario has the id or title 'The late ordr' (did you "
                         "mean 'The late order'?)"))
        << typo.err;
    const RunResult ko = runVerb({"report", "--scenario", "late-ordr", "--lang", "ko"});
    EXPECT_EQ(ko.code, 1);
    EXPECT_TRUE(contains(ko.err, "ID나 제목이 'late-ordr'인 시나리오가 없습니다 ('late-order'"))
        << ko.err;
}

TEST_F(VerbLanguage, TheHtmlReportKeepsKoreanWordsWholeAndNotesReadCleanly) {
    storeOne();
    ASSERT_EQ(runVerb({"coach", "note", "--attempt", "1", "--decision", "1", "--text",
                       "Listen first", "--author", "Mina"})
                  .code,
              0);
    ASSERT_EQ(runVerb({"coach", "signoff", "--trainee", "Kim Minji", "--manager", "Jun", "--note",
                       "Calm on the floor"})
                  .code,
              0);
    for (const char* lang : {"ko", "en"}) {
        for (const bool summary : {false, true}) {
            const std::string html = dir_.path() + "/r-" + lang + (summary ? "-s" : "") + ".html";
            std::vector<std::string> args = {"report", "--html",      html,       "--lang",
                                             lang,     "--scenarios", dir_.path()};
            if (summary) args.push_back("--summary");
            const RunResult r = runVerb(args);
            ASSERT_EQ(r.code, 0) << r.err;
            std::ifstream in(html);
            const std::string text{std::istreambuf_iterator<char>(in), {}};
            // The choice "I'm sorry. Let me check right now." ends before the note's comma.
            EXPECT_FALSE(contains(text, ".,")) << lang << summary;
            EXPECT_TRUE(contains(text, "Calm on the floor")) << lang << summary;
            EXPECT_TRUE(contains(text, ":lang(ko) .report th")) << lang;
            EXPECT_TRUE(contains(text, "word-break:keep-all")) << lang;
        }
    }
}

}  // namespace
}  // namespace counterplay::testing
