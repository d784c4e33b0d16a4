// `counterplay report --html/--csv`: the printable team report and its CSV, in English and
// Korean, the filters, the privacy threshold and the usage errors; the text report's Korean words.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <fstream>

#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class ReportVerb : public ::testing::Test {
protected:
    void SetUp() override {
        writeFixture(dir_);
        db_ = dir_.path() + "/results.db";
        ::setenv("COUNTERPLAY_DB", db_.c_str(), 1);
        ::setenv("COUNTERPLAY_KEY_FILE", (dir_.path() + "/site.key").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir_.path() + "/data").c_str(), 1);
        ::setenv("TZ", "UTC", 1);
        // Best path for Kim (apologise, promise); Lee and Park leave it at the first choice.
        for (const auto& [who, choices] : std::vector<std::pair<std::string, std::string>>{
                 {"Kim Minji", "1,1"}, {"Lee Jisoo", "2,1"}, {"Park Sora", "2,1"}})
            ASSERT_EQ(runVerb({"play", dir_.path() + "/late-order.yaml", "--choices", choices,
                               "--trainee", who, "--lang", "en"})
                          .code,
                      0);
    }
    void TearDown() override {
        for (const char* v : {"COUNTERPLAY_DB", "COUNTERPLAY_KEY_FILE", "XDG_DATA_HOME", "TZ"})
            ::unsetenv(v);
    }
    RunResult report(std::vector<std::string> extra) {
        std::vector<std::string> args = {"report", "--catalogue", dir_.path() + "/principles.yaml",
                                         "--scenarios", dir_.path()};
        args.insert(args.end(), extra.begin(), extra.end());
        return runVerb(args);
    }
    TempDir dir_;
    std::string db_;
};

TEST_F(ReportVerb, WritesTheHtmlReportAndTheCsv) {
    const std::string html = dir_.path() + "/team.html", csv = dir_.path() + "/team.csv";
    const RunResult r = report({"--html", html, "--csv", csv, "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("Wrote the report to " + html), std::string::npos) << r.err;
    const std::string h = slurp(html);
    for (const char* part :
         {"<h1>Team report</h1>", "Kim Minji", "Lee Jisoo", "Park Sora",
          "Principles: points earned of achievable", "Whole team", "Trends", "Common wrong turns",
          "That&#39;s the courier&#39;s fault.", "&#9733; I&#39;m sorry. Let me check right now.",
          "Practise next", "Make and keep small promises"})
        EXPECT_NE(h.find(part), std::string::npos) << part;
    EXPECT_EQ(h.find("http://"), h.find("http://www.w3.org/2000/svg"));  // no network resources
    const std::string c = slurp(csv);
    const std::string header =
        "Trainee,Key,Attempts,Scenarios passed,Scenarios available,Mean score,Last score,Median s "
        "per decision,Last active,Practise next,Signed off,Make and keep small promises,Listen\r\n"
        "trainee_name,trainee_key,attempts,scenarios_passed,scenarios_available,mean_percent,"
        "last_percent,median_seconds_per_decision,last_active,practise_next,signed_off,"
        "trust.small-promises,complaint.listen\r\n";  // principles in the catalogue's order
    EXPECT_EQ(c.substr(0, header.size()), header);
    EXPECT_NE(c.find("\r\nKim Minji,Kim Minji,1,1,1,100.0,100,"), std::string::npos) << c;
}

// One CSV line: the one starting with `start` (after a line break).
std::string csvLine(const std::string& csv, const std::string& start) {
    const std::size_t at = csv.find("\r\n" + start);
    if (at == std::string::npos) return {};
    return csv.substr(at + 2, csv.find("\r\n", at + 2) - at - 2);
}

TEST_F(ReportVerb, CoachingNotesAndStandingSignOffsAreInTheReport) {
    // Attempts 1-3 are Kim's, Lee's and Park's. A note on Kim's first step (with markup to be
    // escaped), one on Lee's whole attempt; Kim signed off for the set, Park for one principle,
    // Lee signed off and revoked again.
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"coach", "note", "--attempt", "1", "--decision", "1", "--text",
              "Good <apology> & quick", "--author", "Cho Manager"},
             {"coach", "note", "--attempt", "2", "--text", "Talk about blame", "--author", "Cho"},
             {"coach", "signoff", "--trainee", "Kim Minji", "--manager", "Cho"},
             {"coach", "signoff", "--trainee", "Park Sora", "--principle", "complaint.listen",
              "--manager", "Han"},
             {"coach", "signoff", "--trainee", "Lee Jisoo", "--manager", "Cho"},
             {"coach", "revoke", "3", "--manager", "Cho"}}) {
        const RunResult r = runVerb(args);
        ASSERT_EQ(r.code, 0) << args[1] << ": " << r.err;
    }
    const std::string html = dir_.path() + "/team.html", csv = dir_.path() + "/team.csv";
    RunResult r = report({"--html", html, "--csv", csv, "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::string h = slurp(html);
    for (const char* part :
         {"<h2>Coaching</h2>", "<th>Signed off</th>", "whole set (signed off by Cho, ",
          "Listen (signed off by Han, ", "<td>step 1: I&#39;m sorry. Let me check right now</td>",
          "Good &lt;apology&gt; &amp; quick", "<td>whole attempt</td>", "Talk about blame",
          "<td class=\"who\">Cho Manager</td>", "<td class=\"num\">#1</td>"})
        EXPECT_NE(h.find(part), std::string::npos) << part;
    EXPECT_EQ(h.find("Good <apology>"), std::string::npos);  // escaped
    // Two standing sign-offs; Lee's revoked one is not shown as standing anywhere.
    std::size_t count = 0;
    for (std::size_t at = h.find("signed off by"); at != std::string::npos;
         at = h.find("signed off by", at + 1))
        ++count;
    EXPECT_EQ(count, 2u) << h;
    const std::string c = slurp(csv);
    EXPECT_NE(csvLine(c, "Kim Minji,").find(",all,"), std::string::npos) << c;
    EXPECT_NE(csvLine(c, "Park Sora,").find(",Listen,"), std::string::npos) << c;
    const std::string lee = csvLine(c, "Lee Jisoo,");
    ASSERT_FALSE(lee.empty()) << c;
    EXPECT_EQ(lee.find(",all,"), std::string::npos) << lee;

    // The same filters as the rest: Park alone has neither note.
    ASSERT_EQ(report({"--html", html, "--lang", "en", "--trainee", "Park Sora"}).code, 0);
    h = slurp(html);
    EXPECT_NE(h.find("Listen (signed off by Han"), std::string::npos);
    EXPECT_EQ(h.find("Talk about blame"), std::string::npos);
    EXPECT_EQ(h.find("whole set (signed off"), std::string::npos);

    // The summary: a row per coached trainee with the count and the latest note.
    ASSERT_EQ(report({"--html", html, "--lang", "en", "--summary"}).code, 0);
    h = slurp(html);
    EXPECT_NE(h.find("<h2>Coaching</h2>"), std::string::npos);
    EXPECT_NE(h.find("1 note. Latest (#1, step 1: I&#39;m sorry. Let me check right now, Cho "
                     "Manager, "),
              std::string::npos)
        << h;
    EXPECT_NE(h.find("whole set (signed off by Cho"), std::string::npos);

    // Korean.
    ASSERT_EQ(report({"--html", html, "--csv", csv, "--lang", "ko"}).code, 0);
    h = slurp(html);
    EXPECT_NE(h.find("<h2>\xEC\xBD\x94\xEC\xB9\xAD</h2>"), std::string::npos);  // 코칭
    EXPECT_NE(h.find("\xEC\xA0\x84\xEC\xB2\xB4 \xEC\x9B\x90\xEC\xB9\x99 (Cho "
                     "\xEC\x8A\xB9\xEC\x9D\xB8, "),
              std::string::npos);  // 전체 원칙 (Cho 승인,
    EXPECT_NE(csvLine(slurp(csv), "Kim Minji,").find(",\xEC\xA0\x84\xEC\xB2\xB4,"),
              std::string::npos);  // 전체
}

TEST_F(ReportVerb, AnAlteredAttemptIsNamedAndLeftOutOfTheFigures) {
    // Lee's only attempt (id 2) is made a pass with an SQLite tool, as a forger would.
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, "UPDATE attempts SET percent = 100, passed = 1 WHERE id = 2", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(h);
    const std::string html = dir_.path() + "/team.html", csv = dir_.path() + "/team.csv";
    const RunResult r = report({"--html", html, "--csv", csv, "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("it is left out of the report"), std::string::npos) << r.err;
    const std::string h2 = slurp(html);
    EXPECT_NE(h2.find("<div class=\"altered-banner\">1 attempt changed after it was "
                      "recorded (#2) is left out of every figure"),
              std::string::npos);
    EXPECT_EQ(h2.find("Lee Jisoo"), std::string::npos);  // the forged pass is in no figure
    EXPECT_NE(h2.find("Park Sora"), std::string::npos);
    const std::string c = slurp(csv);
    EXPECT_EQ(c.find("Lee Jisoo"), std::string::npos) << c;
    EXPECT_NE(c.find("Kim Minji"), std::string::npos) << c;
}

TEST_F(ReportVerb, SpeaksKorean) {
    const std::string html = dir_.path() + "/team.html", csv = dir_.path() + "/team.csv";
    const RunResult r = report({"--html", html, "--csv", csv, "--lang", "ko"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("\xEB\xB3\xB4\xEA\xB3\xA0\xEC\x84\x9C"), std::string::npos)
        << r.err;  // 보고서
    const std::string h = slurp(html);
    EXPECT_NE(h.find("<html lang=\"ko\">"), std::string::npos);
    EXPECT_NE(h.find("<h1>\xED\x8C\x80 \xEB\xB3\xB4\xEA\xB3\xA0\xEC\x84\x9C</h1>"),
              std::string::npos);  // 팀 보고서
    EXPECT_NE(h.find("KO small promises"), std::string::npos);
    EXPECT_EQ(h.find("Team report"), std::string::npos);
    EXPECT_NE(slurp(csv).find("KO small promises,KO listen\r\n"), std::string::npos);
    // The text report too, by LANG.
    ::setenv("LANG", "ko_KR.UTF-8", 1);
    const RunResult text = runVerb({"report"});
    ::unsetenv("LANG");
    EXPECT_EQ(text.out.rfind("\xEC\x8B\x9C\xEB\x8F\x84 3\xED\x9A\x8C", 0), 0u)
        << text.out;  // 시도 3회
}

TEST_F(ReportVerb, PrivacyThresholdAndFilters) {
    const std::string html = dir_.path() + "/team.html";
    ASSERT_EQ(report({"--html", html, "--lang", "en", "--min-group", "4"}).code, 0);
    EXPECT_NE(slurp(html).find("hidden (fewer than 4)"), std::string::npos);
    ASSERT_EQ(report({"--html", html, "--lang", "en"}).code, 0);
    EXPECT_EQ(slurp(html).find("hidden (fewer than"), std::string::npos);
    ASSERT_EQ(report({"--html", html, "--lang", "en", "--search", "park"}).code, 0);
    const std::string h = slurp(html);
    EXPECT_NE(h.find("Park Sora"), std::string::npos);
    EXPECT_EQ(h.find("Kim Minji"), std::string::npos);
    EXPECT_NE(h.find("names containing &quot;park&quot;"), std::string::npos);
    ASSERT_EQ(report({"--html", html, "--lang", "en", "--passed", "--summary"}).code, 0);
    const std::string p = slurp(html);
    EXPECT_NE(p.find("Team report (summary)"), std::string::npos);
    EXPECT_NE(p.find("Kim Minji"), std::string::npos);
    EXPECT_EQ(p.find("Lee Jisoo"), std::string::npos);
}

TEST_F(ReportVerb, SimulateSaysWhichStoreItRecordsAs) {
    const std::string db = dir_.path() + "/sim.db";
    ::setenv("COUNTERPLAY_STORE_NAME", "Jongno", 1);
    RunResult r = runVerb(
        {"simulate", "--db", db, "--trainees", "2", "--attempts", "3", "--scenarios", dir_.path()});
    ::unsetenv("COUNTERPLAY_STORE_NAME");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Stored 3 simulated attempts by 2 trainees over 1 scenario, recorded "
                         "as store 'Jongno', in "),
              std::string::npos)
        << r.out;
    r = runVerb({"simulate", "--db", db, "--trainees", "1", "--attempts", "1", "--scenarios",
                 dir_.path(), "--store", " Busan "});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Stored 1 simulated attempt by 1 trainee over 1 scenario, recorded as "
                         "store 'Busan', in "),
              std::string::npos)
        << r.out;
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    std::string stores;
    sqlite3_exec(
        h, "SELECT origin_store FROM attempts ORDER BY id",
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) += std::string(values[0] ? values[0] : "") + ";";
            return 0;
        },
        &stores, nullptr);
    sqlite3_close(h);
    EXPECT_EQ(stores, "Jongno;Jongno;Jongno;Busan;");
    EXPECT_EQ(runVerb({"simulate", "--db", db, "--store", "  "}).code, 2);
}

// Whether `program` is on PATH (the print check below needs Chromium and poppler's pdfinfo).
bool onPath(const std::string& program) {
    return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

TEST(ReportPrint, TheSummaryOfATeamOfFiftyPrintsOnAtMostFourPages) {
    if (!onPath("chromium") || !onPath("pdfinfo")) GTEST_SKIP() << "needs chromium and pdfinfo";
    TempDir dir;
    ::setenv("COUNTERPLAY_KEY_FILE", (dir.path() + "/site.key").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (dir.path() + "/data").c_str(), 1);
    const std::string db = dir.path() + "/team.db", shipped = COUNTERPLAY_SOURCE_DIR "/scenarios";
    RunResult r = runVerb({"simulate", "--db", db, "--trainees", "50", "--attempts", "2000",
                           "--scenarios", shipped, "--store", "Gangnam"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("recorded as store 'Gangnam'"), std::string::npos) << r.out;
    for (const char* lang : {"en", "ko"}) {
        const std::string html = dir.path() + "/summary-" + lang + ".html";
        const std::string pdf = dir.path() + "/summary-" + lang + ".pdf";
        r = runVerb({"report", "--db", db, "--html", html, "--summary", "--lang", lang,
                     "--scenarios", shipped, "--catalogue", shipped + "/principles.yaml"});
        ASSERT_EQ(r.code, 0) << r.err;
        const std::string print =
            "chromium --headless --no-sandbox --disable-gpu --user-data-dir=" + dir.path() +
            "/chromium --print-to-pdf=" + pdf + " file://" + html + " >/dev/null 2>&1";
        ASSERT_EQ(std::system(print.c_str()), 0);
        const std::string pages = dir.path() + "/pages.txt";
        ASSERT_EQ(std::system(("pdfinfo " + pdf + " | sed -n 's/^Pages: *//p' > " + pages).c_str()),
                  0);
        const int count = std::atoi(slurp(pages).c_str());
        EXPECT_GE(count, 1) << lang;
        EXPECT_LE(count, 4) << lang;
    }
    ::unsetenv("COUNTERPLAY_KEY_FILE");
    ::unsetenv("XDG_DATA_HOME");
}

TEST_F(ReportVerb, UsageErrors) {
    EXPECT_EQ(report({"--summary"}).code, 2);
    EXPECT_EQ(report({"--html", dir_.path() + "/x.html", "--min-group", "0"}).code, 2);
    EXPECT_EQ(report({"--html", dir_.path() + "/x.html", "--passed", "--failed"}).code, 2);
    EXPECT_EQ(report({"--csv", dir_.path() + "/x.csv", "--trend", "year"}).code, 2);
    const RunResult help = runVerb({"report", "--help"});
    EXPECT_EQ(help.code, 0);
    EXPECT_NE(help.out.find("--summary"), std::string::npos);
}

}  // namespace
}  // namespace counterplay::testing
