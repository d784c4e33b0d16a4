// `counterplay principles`: the catalogue grouped, as text and JSON.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

TEST(Principles, JsonIsGrouped) {
    TempDir dir;
    const std::string cat = dir.write("principles.yaml", kCatalogue);
    const RunResult r = runVerb({"principles", "--catalogue", cat, "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["groups"].size(), 2u);
    EXPECT_EQ(j["groups"][0]["id"].get<std::string>(), "trust");
    ASSERT_EQ(j["groups"][0]["principles"].size(), 1u);
    EXPECT_EQ(j["groups"][0]["principles"][0]["id"].get<std::string>(), "trust.small-promises");
    EXPECT_EQ(j["groups"][1]["principles"][0]["name"]["en"].get<std::string>(), "Listen");
    const nlohmann::json& source = j["groups"][0]["principles"][0]["source"];
    EXPECT_EQ(source["ref"].get<std::string>(), "cram-crescendo");
    EXPECT_EQ(source["item"]["en"].get<std::string>(), "10");
    EXPECT_EQ(source["citation"]["en"].get<std::string>(), "Tony Cram, The Crescendo Rule, way 10");
    EXPECT_EQ(source["citation"]["ko"].get<std::string>(),
              "KO Cram, \u300EKO crescendo\u300F, KO way 10");
    EXPECT_FALSE(source.contains("seed"));
}

TEST(Principles, TextListsGroupsAndNames) {
    TempDir dir;
    const std::string cat = dir.write("principles.yaml", kCatalogue);
    const RunResult r = runVerb({"principles", "--catalogue", cat, "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Complaint handling [complaint]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("complaint.listen  Listen"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 principles in 2 groups"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("      source: Dale Carnegie Korea, \"Seven steps\", 2016-02-16, step 2\n"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find(".txt"), std::string::npos) << r.out;  // never a file name
}

TEST(Principles, ShippedCatalogueLoads) {
    const RunResult r = runVerb({"principles", "--catalogue",
                                 COUNTERPLAY_SOURCE_DIR "/scenarios/principles.yaml", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_GE(nlohmann::json::parse(r.out)["groups"].size(), 3u);
}

TEST(Principles, BrokenCatalogueExitsOne) {
    TempDir dir;
    const std::string cat = dir.write("principles.yaml", "format: 1\ngroups: 3\n");
    EXPECT_EQ(runVerb({"principles", "--catalogue", cat}).code, 1);
}

}  // namespace
}  // namespace counterplay::testing
