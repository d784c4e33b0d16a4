// HTML export: a self-contained page (no network), escaped text, the SVG principles chart, each
// decision with feedback, Korean words from assets/strings/export.json, the cohort report for
// several attempts, and the signature comment on the last line.
#include <gtest/gtest.h>

#include "counterplay/core/Export.h"
#include "results_fixture.h"

using namespace counterplay::core;
using counterplay::testing::ResultsFixture;
using counterplay::testing::sampleAttempt;

namespace {

class ExportHtmlTest : public ResultsFixture {
protected:
    std::string html(ExportOptions options) {
        StringSink sink;
        exportAttempts(*store, ExportFormat::Html, options, key, sink);
        return sink.data;
    }
};

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_F(ExportHtmlTest, OneAttemptIsASelfContainedScorecard) {
    const auto id = store->recordAttempt(sampleAttempt("<script>alert(1)</script>"));
    ExportOptions options;
    options.filter.attemptId = id;
    const std::string page = html(options);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(contains(page, "<svg class=\"chart\""));
    EXPECT_TRUE(contains(page, "NanumGothic"));
    EXPECT_TRUE(contains(page, "@media print"));
    EXPECT_TRUE(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_FALSE(contains(page, "<script>"));
    EXPECT_TRUE(contains(page, "I am so sorry &lt;this&gt; happened &amp; thank you."));
    EXPECT_TRUE(contains(page, "She waited in silence."));
    EXPECT_TRUE(contains(page, "PASS"));
    EXPECT_TRUE(contains(page, "5 of 7 points"));
    for (const char* external : {"src=", "href=", "@import", "url(", "<link"})
        EXPECT_FALSE(contains(page, external)) << external;
    EXPECT_TRUE(contains(page, "\n<!-- counterplay-signature v1 format=html key="));
    EXPECT_TRUE(verifyExportBytes(page, nullptr, trust).ok);
    std::string edited = page;
    edited.replace(edited.find("5 of 7"), 1, "7");
    EXPECT_FALSE(verifyExportBytes(edited, nullptr, trust).ok);
}

TEST_F(ExportHtmlTest, KoreanWordsComeFromTheAssetFile) {
    store->recordAttempt(sampleAttempt("Ann"));
    std::string error;
    const ExportStrings ko(COUNTERPLAY_SOURCE_DIR "/assets/strings/export.json", Lang::Ko, error);
    ASSERT_TRUE(error.empty()) << error;
    ExportOptions options;
    options.lang = Lang::Ko;
    options.strings = &ko;
    const std::string page = html(options);
    EXPECT_TRUE(contains(page, "<html lang=\"ko\">"));
    EXPECT_TRUE(contains(page, ko.get("title.scorecard")));
    EXPECT_TRUE(contains(page, ko.get("verdict.pass")));
    EXPECT_NE(ko.get("verdict.pass"), "PASS");
    EXPECT_TRUE(contains(page, "\xEB\xB8\x94\xEB\x9D\xBC\xEC\x9A\xB0\xEC\x8A\xA4"));  // the Korean title
    EXPECT_TRUE(verifyExportBytes(page, nullptr, trust).ok);
}

TEST(ExportStringsTable, EveryEnglishKeyHasKorean) {
    std::string error;
    const ExportStrings ko(COUNTERPLAY_SOURCE_DIR "/assets/strings/export.json", Lang::Ko, error);
    const ExportStrings en;
    for (const char* key : {"title.scorecard", "title.cohort", "section.principles", "section.decisions",
                            "verdict.pass", "verdict.fail", "nps.promoter", "kind.lost", "critical.late",
                            "cohort.pass-rate", "unit.seconds", "unit.minutes", "footer.signed"})
        EXPECT_NE(ko.get(key), en.get(key)) << key;
}

TEST_F(ExportHtmlTest, SeveralAttemptsGiveACohortReport) {
    store->recordAttempt(sampleAttempt("Ann", 3, 2));
    store->recordAttempt(sampleAttempt("Bo", 0, 1));
    store->recordAttempt(sampleAttempt("Bo", 3, 4));
    const std::string page = html({});
    EXPECT_TRUE(contains(page, "Cohort report"));
    EXPECT_TRUE(contains(page, "By trainee"));
    EXPECT_TRUE(contains(page, "<div class=\"big\">3</div>"));  // attempts
    EXPECT_TRUE(contains(page, "<div class=\"big\">2</div>"));  // trainees
    EXPECT_FALSE(contains(page, "She waited in silence."));  // no detail by default
    EXPECT_TRUE(verifyExportBytes(page, nullptr, trust).ok);
    ExportOptions detail;
    detail.htmlDetail = true;
    const std::string full = html(detail);
    std::size_t pages = 0;
    for (std::size_t p = full.find("<section class=\"page\">"); p != std::string::npos;
         p = full.find("<section class=\"page\">", p + 1))
        ++pages;
    EXPECT_EQ(pages, 4u);
    EXPECT_TRUE(verifyExportBytes(full, nullptr, trust).ok);
}

TEST_F(ExportHtmlTest, EmptySelection) {
    ExportOptions options;
    options.filter.traineeKey = "nobody";
    const std::string page = html(options);
    EXPECT_TRUE(contains(page, "No attempts match"));
    EXPECT_TRUE(verifyExportBytes(page, nullptr, trust).ok);
}
