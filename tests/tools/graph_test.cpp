// `counterplay graph`: DOT output with styled endings, timeouts and conditions; parsed by `dot`.
#include <gtest/gtest.h>

#include <cstdlib>

#include "../../tools/Common.h"
#include "ToolTestUtil.h"

namespace counterplay::testing {
namespace {

bool haveDot() { return std::system("dot -V >/dev/null 2>&1") == 0; }

TEST(Graph, DotHasNodesEdgesAndStyles) {
    TempDir dir;
    writeFixture(dir);
    const RunResult r = runVerb({"graph", dir.path() + "/late-order.yaml", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("digraph \"late-order\" {", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\"arrive\" -> \"check\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("style=dashed"), std::string::npos) << r.out;         // timeout edge
    EXPECT_NE(r.out.find("if apologised"), std::string::npos) << r.out;        // condition
    EXPECT_NE(r.out.find("#2e7d32"), std::string::npos) << r.out;              // loyal green
    EXPECT_NE(r.out.find("#c62828"), std::string::npos) << r.out;              // lost red
    EXPECT_NE(r.out.find("\"__start\" -> \"arrive\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("a \\\"receipt\\\""), std::string::npos) << r.out;   // escaped quotes
}

TEST(Graph, LabelsCarryPlayNumbersIdsAndEnoughText) {
    TempDir dir;
    writeFixture(dir);
    const RunResult r = runVerb({"graph", dir.path() + "/late-order.yaml", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    // Number as play counts it, the id --choices takes, and the whole text (34 characters,
    // wrapped after 28 columns).
    EXPECT_NE(r.out.find("label=\"1 promise: I'll call you by 3 pm with a\\ndate."),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("label=\"2 shrug: No idea, sorry."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("timeout 30 s"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(30 s limit)"), std::string::npos) << r.out;
}

TEST(Graph, KoreanHeadings) {
    TempDir dir;
    writeFixture(dir);
    const RunResult r = runVerb({"graph", dir.path() + "/late-order.yaml", "--lang", "ko"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find(tools::label("graph.timeout", core::Lang::Ko, {{"s", "30"}})),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(tools::label("graph.if", core::Lang::Ko, {{"condition", "apologised"}})),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("[" + tools::label("kind.loyal", core::Lang::Ko) + "]"), std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("timeout 30 s"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("if apologised"), std::string::npos) << r.out;
}

TEST(Graph, DotParsesWithGraphviz) {
    if (!haveDot()) GTEST_SKIP() << "graphviz `dot` is not installed";
    TempDir dir;
    writeFixture(dir);
    for (const char* lang : {"en", "ko"}) {
        const RunResult r = runVerb({"graph", dir.path() + "/late-order.yaml", "--lang", lang});
        ASSERT_EQ(r.code, 0) << r.err;
        const std::string dotFile = dir.write(std::string("g-") + lang + ".dot", r.out);
        const std::string cmd = "dot -Tsvg '" + dotFile + "' -o '" + dir.path() + "/g.svg' 2>'" +
                                dir.path() + "/dot.err'";
        EXPECT_EQ(std::system(cmd.c_str()), 0) << r.out;
    }
}

TEST(Graph, ShippedScenariosParseWithGraphviz) {
    if (!haveDot()) GTEST_SKIP() << "graphviz `dot` is not installed";
    TempDir dir;
    for (const auto& entry : std::filesystem::directory_iterator(COUNTERPLAY_SOURCE_DIR "/scenarios")) {
        const std::string path = entry.path().string();
        if (entry.path().extension() != ".yaml" || entry.path().filename() == "principles.yaml")
            continue;
        const RunResult r = runVerb({"graph", path, "--lang", "ko"});
        ASSERT_EQ(r.code, 0) << path << "\n" << r.err;
        const std::string dotFile = dir.write("g.dot", r.out);
        const std::string cmd = "dot -Tsvg '" + dotFile + "' -o /dev/null 2>/dev/null";
        EXPECT_EQ(std::system(cmd.c_str()), 0) << path;
    }
}

TEST(Graph, FileWithErrorsExitsOne) {
    TempDir dir;
    EXPECT_EQ(runVerb({"graph", dir.write("x.yaml", "format: 1\n")}).code, 1);
}

}  // namespace
}  // namespace counterplay::testing
