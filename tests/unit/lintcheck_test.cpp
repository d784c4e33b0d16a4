// Lint of one scenario file (core Lint unit; tests/tools/lint_test.cpp is the verb's): golden
// text for every tests/malformed/lint/<name>.yaml against <name>.expected, checked against
// tests/malformed/principles.yaml, and the authoring checks on their own. Set
// COUNTERPLAY_UPDATE_GOLDEN=1 to rewrite the .expected files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "counterplay/core/Lint.h"
#include "counterplay/core/Loader.h"

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string formatAll(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.format() + "\n";
    return out;
}

}  // namespace

TEST(Lint, Golden) {
    ASSERT_EQ(::chdir(COUNTERPLAY_SOURCE_DIR), 0);
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator("tests/malformed/lint"))
        if (entry.path().extension() == ".yaml") inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    ASSERT_GE(inputs.size(), 6u);
    const CatalogueLoad catalogue = loadCatalogueFile("tests/malformed/principles.yaml");
    ASSERT_TRUE(catalogue.ok());
    const bool update = std::getenv("COUNTERPLAY_UPDATE_GOLDEN") != nullptr;
    for (const fs::path& input : inputs) {
        const std::string name = input.generic_string();
        const std::string actual =
            formatAll(lintScenarioFile(name, catalogue.catalogue.get()));
        fs::path expectedFile = input;
        expectedFile.replace_extension(".expected");
        if (update) {
            std::ofstream(expectedFile, std::ios::binary) << actual;
            continue;
        }
        EXPECT_EQ(actual, readFile(expectedFile)) << "golden mismatch for " << name;
        // Every fixture but the clean one has something to say.
        EXPECT_EQ(actual.empty(), input.stem() == "clean") << name;
    }
}

TEST(Lint, AuthoringChecksNeedNoFile) {
    const std::string yaml = readFile(fs::path(COUNTERPLAY_SOURCE_DIR) /
                                      "tests/malformed/lint/clean.yaml");
    ASSERT_FALSE(yaml.empty());
    const ScenarioLoad load = loadScenarioText(yaml, "dir/other.yaml", nullptr);
    ASSERT_TRUE(load.ok()) << formatAll(load.diagnostics);
    YamlDocument doc;
    std::string error;
    ASSERT_TRUE(YamlDocument::parse(yaml, doc, error)) << error;
    const Analysis analysis = analyzeScenario(*load.scenario);
    const std::vector<Diagnostic> d = authoringDiagnostics(*load.scenario, analysis, doc,
                                                           "dir/other.yaml");
    ASSERT_EQ(d.size(), 1u) << formatAll(d);
    EXPECT_EQ(d[0].format(),
              "dir/other.yaml:3:1: warning: id: the file name 'other.yaml' differs from the id "
              "'clean': name the file 'clean.yaml' (or change the id) so the two are found "
              "together");
    // Named after its id: nothing to say.
    EXPECT_TRUE(authoringDiagnostics(*load.scenario, analysis, doc, "x/clean.yaml").empty());
}

TEST(Lint, KoreanNameInEnglishIsNotASwap) {
    std::string yaml = readFile(fs::path(COUNTERPLAY_SOURCE_DIR) /
                                "tests/malformed/lint/clean.yaml");
    // Hangul in en alone (a name written in Korean) is not a swap while ko is Korean.
    const std::string from = "{text: {ko: \"고마워요\", en: \"Thanks\"}}";
    ASSERT_NE(yaml.find(from), std::string::npos);
    yaml.replace(yaml.find(from), from.size(), "{text: {ko: \"고마워요\", en: \"Thanks, 고마워요\"}}");
    const ScenarioLoad load = loadScenarioText(yaml, "clean.yaml", nullptr);
    ASSERT_TRUE(load.ok());
    YamlDocument doc;
    std::string error;
    ASSERT_TRUE(YamlDocument::parse(yaml, doc, error));
    EXPECT_TRUE(authoringDiagnostics(*load.scenario, analyzeScenario(*load.scenario), doc,
                                     "clean.yaml")
                    .empty());
}
