// CSV export: RFC 4180 with BOM and CRLF, two header rows (names, then ids), a column pair per
// principle, local date-times and seconds, formula neutralisation, the decisions table with the
// trainee's name and the option's text, filters, and the detached signature (FILE.csv.sig) verify
// checks.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "counterplay/core/Export.h"
#include "results_fixture.h"

using namespace counterplay::core;
using counterplay::testing::kJan1;
using counterplay::testing::ResultsFixture;
using counterplay::testing::sampleAttempt;

namespace {

/// A minimal RFC 4180 reader (quoted cells, doubled quotes, CRLF) for checking the output.
std::vector<std::vector<std::string>> parseCsv(std::string_view text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                rows.back().back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                rows.back().back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.emplace_back(1);
            ++i;
        } else {
            rows.back().back() += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}

std::string exportCsvText(const ResultsStore& store, const SigningKey& key, ExportOptions options = {},
                          std::string* sig = nullptr) {
    StringSink sink;
    const ExportResult r = exportAttempts(store, ExportFormat::Csv, options, key, sink);
    if (sig) *sig = r.detachedSignature;
    return sink.data;
}

class ExportCsvTest : public ResultsFixture {
protected:
    void SetUp() override {
        ResultsFixture::SetUp();
        setenv("TZ", "UTC", 1);
        tzset();
    }
};

}  // namespace

TEST(CsvCell, QuotesAndNeutralisesFormulas) {
    auto cell = [](std::string_view s) {
        std::string out;
        appendCsvCell(out, s);
        return out;
    };
    EXPECT_EQ(cell("plain"), "plain");
    EXPECT_EQ(cell("a,b"), "\"a,b\"");
    EXPECT_EQ(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(cell("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(cell("=1+1"), "\"'=1+1\"");
    EXPECT_EQ(cell("+82 10"), "\"'+82 10\"");
    EXPECT_EQ(cell("-5"), "\"'-5\"");
    EXPECT_EQ(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
    EXPECT_EQ(cell("\tcmd"), "\"'\tcmd\"");
    EXPECT_EQ(cell("\rcmd"), "\"'\rcmd\"");
    EXPECT_EQ(cell("a=b"), "a=b");
    EXPECT_EQ(cell(""), "");
}

TEST_F(ExportCsvTest, OneRowPerAttemptWithPrincipleColumnsAndASignature) {
    store->recordAttempt(sampleAttempt("Ann", 3, 2, kJan1));
    store->recordAttempt(sampleAttempt("=HYPERLINK(\"http://x\",\"y\")", 1, -1, kJan1 + 1000));
    std::string sig;
    const std::string csv = exportCsvText(*store, key, {}, &sig);
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM first";
    const auto rows = parseCsv(std::string_view(csv).substr(3));
    ASSERT_EQ(rows.size(), 4u);  // names, ids, 2 attempts: the signature is in FILE.csv.sig
    EXPECT_EQ(rows[0][0], "Attempt");
    EXPECT_EQ(rows[0][3], "Trainee");
    const auto& h = rows[1];
    auto col = [&](const std::string& name) {
        const auto it = std::find(h.begin(), h.end(), name);
        EXPECT_NE(it, h.end()) << name;
        return static_cast<std::size_t>(it - h.begin());
    };
    for (std::size_t r = 0; r <= 3; ++r) EXPECT_EQ(rows[r].size(), h.size()) << "row " << r;
    EXPECT_EQ(rows[0][col("complaint.listen")], "complaint.listen");  // no catalogue: the id
    EXPECT_EQ(rows[0][col("complaint.listen.achievable")], "complaint.listen: achievable");
    EXPECT_EQ(rows[2][col("trainee_name")], "Ann");
    EXPECT_EQ(rows[2][col("complaint.listen")], "3");
    EXPECT_EQ(rows[2][col("complaint.listen.achievable")], "3");
    EXPECT_EQ(rows[2][col("complaint.empathise")], "2");
    EXPECT_EQ(rows[2][col("percent")], "71");
    EXPECT_EQ(rows[2][col("passed")], "true");
    EXPECT_EQ(rows[2][col("started_local")], "2023-12-31 23:59");
    EXPECT_EQ(rows[2][col("ended_local")], "2024-01-01 00:00");
    EXPECT_EQ(rows[2][col("duration_s")], "11.0");
    EXPECT_EQ(rows[2][col("worst")], "-3");  // numbers are not neutralised
    EXPECT_EQ(rows[3][col("trainee_name")], "'=HYPERLINK(\"http://x\",\"y\")");
    EXPECT_EQ(rows[3][col("complaint.empathise")], "-1");
    EXPECT_EQ(rows[2][col("store")], "Test store");
    EXPECT_EQ(rows[2][col("integrity")], "");
    EXPECT_EQ(csv.find("counterplay-signature"), std::string::npos);
    EXPECT_EQ(sig.rfind("counterplay-signature v2 format=csv key=" + key.fingerprint() +
                            " store=Test%20store sig=",
                        0),
              0u);
    EXPECT_EQ(sig.back(), '\n');
    EXPECT_TRUE(verifyExportBytes(csv, &sig, trust).ok);
    EXPECT_EQ(verifyExportBytes(csv, &sig, trust).format, "csv");
    EXPECT_FALSE(verifyExportBytes(csv, nullptr, trust).ok);  // without its sidecar: unsigned
    std::string edited = csv;
    edited[edited.find("Ann")] = 'B';
    EXPECT_FALSE(verifyExportBytes(edited, &sig, trust).ok);
}

TEST_F(ExportCsvTest, DecisionsTableAndFilters) {
    store->recordAttempt(sampleAttempt("Ann", 3, 2, kJan1));
    store->recordAttempt(sampleAttempt("Bo", 1, 1, kJan1 + 86400000));
    ExportOptions options;
    options.csvDecisions = true;
    std::string sig;
    const std::string csv = exportCsvText(*store, key, options, &sig);
    const auto rows = parseCsv(std::string_view(csv).substr(3));
    ASSERT_EQ(rows.size(), 6u);  // names, ids, 4 decisions
    const std::vector<std::string> ids = {"attempt_id", "attempt_uuid", "trainee_key",
                                          "trainee_name", "scenario_id", "step", "node_id",
                                          "choice_index", "choice_id", "choice_text", "timeout",
                                          "elapsed_s", "points_total", "complaint.empathise",
                                          "complaint.listen"};
    EXPECT_EQ(rows[1], ids);
    EXPECT_EQ(rows[0][9], "Option");
    EXPECT_EQ(rows[2][3], "Ann");
    EXPECT_EQ(rows[2][9], "I am so sorry <this> happened & thank you.");
    EXPECT_EQ(rows[3][6], "second");
    EXPECT_EQ(rows[3][9], "");
    EXPECT_EQ(rows[3][10], "true");  // timeout
    EXPECT_EQ(rows[3][11], "7.0");
    EXPECT_TRUE(verifyExportBytes(csv, &sig, trust).ok);

    ExportOptions onlyBo;
    onlyBo.filter.traineeKey = "Bo";
    const auto boRows = parseCsv(std::string_view(exportCsvText(*store, key, onlyBo)).substr(3));
    ASSERT_EQ(boRows.size(), 3u);
    EXPECT_EQ(boRows[2][2], "Bo");
    ExportOptions none;
    none.filter.sinceMs = kJan1 + 10 * 86400000LL;
    const auto empty = parseCsv(std::string_view(exportCsvText(*store, key, none)).substr(3));
    EXPECT_EQ(empty.size(), 2u);  // the two header rows only
}
