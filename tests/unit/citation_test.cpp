// Citations for display (Citation.h): each kind of source in both languages, item labels, the
// publisher/author fallbacks, and the look-up from a SourceRef.
#include "counterplay/core/Citation.h"

#include <gtest/gtest.h>

using namespace counterplay::core;

namespace {

Source cram() {
    Source s;
    s.id = "cram-crescendo";
    s.kind = "book";
    s.title = {"고객서비스의 크레센도 법칙", "The Crescendo Rule of Customer Service"};
    s.author = {"토니 크램", "Tony Cram"};
    s.itemLabel = {"{item}번째 방법", "way {item}"};
    return s;
}

Source carnegie() {
    Source s;
    s.id = "carnegie";
    s.kind = "article";
    s.title = {"#36. 온라인 7단계", "#36. Seven steps online"};
    s.publisher = {"한국카네기연구소", "Dale Carnegie Korea"};
    s.date = "2016-02-16";
    s.itemLabel = {"{item}단계", "step {item}"};
    return s;
}

Source miracle() {
    Source s;
    s.id = "miracle";
    s.kind = "book";
    s.title = {"기적의 7초 고객 서비스", "Miracle 7-Second Customer Service"};
    s.publisher = {"위닝북스", "Winning Books"};
    s.date = "2017";
    return s;
}

}  // namespace

TEST(Citation, BookWithAuthorAndNumberedItem) {
    EXPECT_EQ(formatCitation(cram(), {"10", "10"}, Lang::Ko),
              "토니 크램, 『고객서비스의 크레센도 법칙』, 10번째 방법");
    EXPECT_EQ(formatCitation(cram(), {"10", "10"}, Lang::En),
              "Tony Cram, The Crescendo Rule of Customer Service, way 10");
    const CitationParts en = citationParts(cram(), {"10", "10"}, Lang::En);
    EXPECT_EQ(en.lead, "Tony Cram, ");
    EXPECT_EQ(en.title, "The Crescendo Rule of Customer Service");
    EXPECT_TRUE(en.italic);
    EXPECT_EQ(en.tail, ", way 10");
    EXPECT_FALSE(citationParts(cram(), {}, Lang::Ko).italic);  // the marks 『』 do that job
}

TEST(Citation, ItemThatIsNotANumberIsWrittenAsIs) {
    EXPECT_EQ(formatCitation(cram(), {"10번째 방법 (1, 2번째도)", "way 10 (also 1, 2)"}, Lang::En),
              "Tony Cram, The Crescendo Rule of Customer Service, way 10 (also 1, 2)");
    EXPECT_EQ(formatCitation(cram(), {}, Lang::Ko), "토니 크램, 『고객서비스의 크레센도 법칙』");
    Source noLabel = cram();
    noLabel.itemLabel = {};
    EXPECT_EQ(formatCitation(noLabel, {"10", "10"}, Lang::En),
              "Tony Cram, The Crescendo Rule of Customer Service, 10");
}

TEST(Citation, ArticleLedByItsPublisherWithDate) {
    EXPECT_EQ(formatCitation(carnegie(), {"3", "3"}, Lang::Ko),
              "한국카네기연구소, \"#36. 온라인 7단계\", 2016-02-16, 3단계");
    EXPECT_EQ(formatCitation(carnegie(), {}, Lang::En),
              "Dale Carnegie Korea, \"#36. Seven steps online\", 2016-02-16");
    Source withAuthor = carnegie();
    withAuthor.author = {"오정종", "Oh"};
    EXPECT_EQ(formatCitation(withAuthor, {"1", "1"}, Lang::En),
              "Oh, \"#36. Seven steps online\", Dale Carnegie Korea, 2016-02-16, step 1");
}

TEST(Citation, BookKnownByItsPublisher) {
    EXPECT_EQ(formatCitation(miracle(), {}, Lang::Ko),
              "『기적의 7초 고객 서비스』 (위닝북스, 2017)");
    EXPECT_EQ(formatCitation(miracle(), {"컵 사례", "the cup example"}, Lang::En),
              "Miracle 7-Second Customer Service (Winning Books, 2017), the cup example");
    Source undated = miracle();
    undated.date.clear();
    EXPECT_EQ(formatCitation(undated, {}, Lang::Ko), "위닝북스, 『기적의 7초 고객 서비스』");
    Source full = miracle();
    full.author = {"홍길동", "Hong Gil-dong"};
    EXPECT_EQ(formatCitation(full, {}, Lang::En),
              "Hong Gil-dong, Miracle 7-Second Customer Service (Winning Books, 2017)");
}

TEST(Citation, LawAndWebGuide) {
    Source law;
    law.kind = "law";
    law.title = {"산업안전보건법 제41조", "Occupational Safety and Health Act, Article 41"};
    law.publisher = {"대한민국", "Republic of Korea"};
    law.date = "2018-10-18";
    EXPECT_EQ(formatCitation(law, {}, Lang::Ko), "산업안전보건법 제41조, 대한민국, 2018-10-18");
    EXPECT_EQ(formatCitation(law, {}, Lang::En),
              "Occupational Safety and Health Act, Article 41, Republic of Korea, 2018-10-18");
    EXPECT_FALSE(citationParts(law, {}, Lang::En).italic);
    Source web;
    web.kind = "web-guide";
    web.title = {"가이드", "A guide"};
    web.publisher = {"위키하우", "wikiHow"};
    EXPECT_EQ(formatCitation(web, {"'인사' 항목", "section 'Greet'"}, Lang::En),
              "wikiHow, \"A guide\", section 'Greet'");
}

TEST(Citation, MissingLanguageFallsBackToTheOther) {
    Source s = carnegie();
    s.title.en.clear();
    EXPECT_EQ(formatCitation(s, {}, Lang::En),
              "Dale Carnegie Korea, \"#36. 온라인 7단계\", 2016-02-16");
}

TEST(Citation, FromASourceRef) {
    Catalogue c;
    c.sources = {cram(), carnegie()};
    SourceRef ref;
    ref.ref = "carnegie";
    ref.item = {"2", "2"};
    EXPECT_EQ(formatCitation(ref, &c, Lang::En),
              "Dale Carnegie Korea, \"#36. Seven steps online\", 2016-02-16, step 2");
    EXPECT_EQ(formatCitation(ref, nullptr, Lang::En), "");
    ref.ref = "unknown";
    EXPECT_EQ(formatCitation(ref, &c, Lang::En), "");
    SourceRef old;
    old.seed = "000_4509f5af55c98261.txt";  // a file name is never shown
    EXPECT_EQ(formatCitation(old, &c, Lang::Ko), "");
}
