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
    EXPECT_TRUE(contains(page, "\n<!-- counterplay-signature v2 format=html key="));
    EXPECT_TRUE(verifyExportBytes(page, nullptr, trust).ok);
    std::string edited = page;
    edited.replace(edited.find("5 of 7"), 1, "7");
    EXPECT_FALSE(verifyExportBytes(edited, nullptr, trust).ok);
}

TEST_F(ExportHtmlTest, ScorecardCitesEachPrinciplesSource) {
    const auto id = store->recordAttempt(sampleAttempt("Ann"));
    Catalogue cat;
    Source book;
    book.id = "cram";
    book.kind = "book";
    book.title = {"\xEB\xB2\x95\xEC\xB9\x99", "The <Crescendo> Rule"};
    book.author = {"\xED\x81\xAC\xEB\x9E\xA8", "Tony Cram"};
    book.itemLabel = {"{item}\xEB\xB2\x88\xEC\xA7\xB8", "way {item}"};
    Source article;
    article.id = "steps";
    article.kind = "article";
    article.title = {"7", "Seven steps"};
    article.publisher = {"K", "Dale Carnegie Korea"};
    article.date = "2016-02-16";
    cat.sources = {book, article};
    Principle listen;
    listen.id = "complaint.listen";
    listen.name = {"\xEA\xB2\xBD\xEC\xB2\xAD", "Listen"};
    listen.source.ref = "steps";
    listen.source.item = {"2", "2"};
    Principle empathise;
    empathise.id = "complaint.empathise";
    empathise.name = {"\xEA\xB3\xB5\xEA\xB0\x90", "Empathise"};
    empathise.source.ref = "cram";
    empathise.source.item = {"10", "10"};
    cat.principles = {empathise, listen};
    ExportOptions options;
    options.filter.attemptId = id;
    options.catalogue = &cat;
    const std::string page = html(options);
    EXPECT_TRUE(contains(page, "<h2>Where the principles come from</h2>"));
    EXPECT_TRUE(contains(page, "<li><span class=\"pname\">Empathise</span>Tony Cram, "
                               "<cite>The &lt;Crescendo&gt; Rule</cite>, way 10</li>"));
    EXPECT_TRUE(contains(page, "<li><span class=\"pname\">Listen</span>Dale Carnegie Korea, "
                               "<cite class=\"plain\">&quot;Seven steps&quot;</cite>, "
                               "2016-02-16, 2</li>"));
    EXPECT_LT(page.find("pname\">Empathise"), page.find("pname\">Listen"));  // catalogue order
    EXPECT_TRUE(verifyExportBytes(page, nullptr, trust).ok);
    // Korean: the book title in its marks, the item through the label.
    std::string error;
    const ExportStrings ko(COUNTERPLAY_SOURCE_DIR "/assets/strings/export.json", Lang::Ko, error);
    options.lang = Lang::Ko;
    options.strings = &ko;
    const std::string kpage = html(options);
    EXPECT_TRUE(contains(kpage, "\xED\x81\xAC\xEB\x9E\xA8, <cite class=\"plain\">\xE3\x80\x8E"
                                "\xEB\xB2\x95\xEC\xB9\x99\xE3\x80\x8F</cite>, 10\xEB\xB2\x88\xEC\xA7\xB8"));
    // Without a catalogue there is no sources section.
    options.catalogue = nullptr;
    EXPECT_FALSE(contains(html(options), "class=\"sources\""));
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

TEST_F(ExportHtmlTest, ScorecardExplainsAchievableWhenNoPathReachesAll) {
    // The sample's achievables add up to its best total (4 + 3 = 7): no note.
    ExportOptions options;
    options.filter.attemptId = store->recordAttempt(sampleAttempt("Ann"));
    EXPECT_FALSE(contains(html(options), "No single path earns them all"));
    // Best path 6 while the principles' achievables add up to 7: the note says so.
    auto attempt = sampleAttempt("Bo");
    attempt.scorecard.bestTotal = 6;
    options.filter.attemptId = store->recordAttempt(attempt);
    const std::string page = html(options);
    EXPECT_TRUE(contains(page, "<p class=\"small\">Achievable is the most each principle can earn "
                               "on its own best path. No single path earns them all: they add up "
                               "to 7 points, the best path to 6.</p>"))
        << page;
    std::string error;
    const ExportStrings ko(COUNTERPLAY_SOURCE_DIR "/assets/strings/export.json", Lang::Ko, error);
    EXPECT_NE(ko.get("note.achievable"), ExportStrings().get("note.achievable"));
}

TEST(ExportStringsTable, EveryEnglishKeyHasKorean) {
    std::string error;
    const ExportStrings ko(COUNTERPLAY_SOURCE_DIR "/assets/strings/export.json", Lang::Ko, error);
    const ExportStrings en;
    for (const char* key : {"title.scorecard", "title.cohort", "section.principles", "section.decisions",
                            "verdict.pass", "verdict.fail", "nps.promoter", "section.sources", "kind.lost", "critical.late",
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
