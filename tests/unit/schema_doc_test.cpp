// The schema table in code and docs/scenario-format.md must agree: every key the loader accepts
// is named in a table row of the format reference (as `key` in the first column).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "../../game/core/src/Schema.h"

using namespace counterplay::core;

namespace {

// The `key`s in the first column of every Markdown table row.
std::set<std::string> documentedKeys(const std::string& doc) {
    std::set<std::string> keys;
    std::istringstream in(doc);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("| `", 0) != 0) continue;
        const std::size_t end = line.find('`', 3);
        if (end != std::string::npos) keys.insert(line.substr(3, end - 3));
    }
    return keys;
}

std::string readDoc() {
    std::ifstream in(std::string(COUNTERPLAY_SOURCE_DIR) + "/docs/scenario-format.md");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST(SchemaDoc, EveryKeyInTheSchemaIsDocumented) {
    const std::string doc = readDoc();
    ASSERT_FALSE(doc.empty());
    const std::set<std::string> documented = documentedKeys(doc);
    ASSERT_GT(documented.size(), 20u);
    for (const schema::MapSpec& spec : schema::allSpecs())
        for (const schema::FieldSpec& field : spec.fields)
            EXPECT_TRUE(documented.count(std::string(field.key)) == 1)
                << "key '" << field.key << "' of a " << spec.name
                << " is accepted by the loader but not documented in docs/scenario-format.md";
}

TEST(SchemaDoc, EveryDocumentedKeyIsInTheSchema) {
    std::set<std::string> known;
    for (const schema::MapSpec& spec : schema::allSpecs())
        for (const schema::FieldSpec& field : spec.fields) known.insert(std::string(field.key));
    for (const std::string& key : documentedKeys(readDoc()))
        EXPECT_TRUE(known.count(key) == 1) << "documented key '" << key << "' is not in the schema";
}

TEST(SchemaDoc, EnumerationsAreDocumented) {
    const std::string doc = readDoc();
    for (const schema::MapSpec& spec : schema::allSpecs())
        for (const schema::FieldSpec& field : spec.fields)
            for (std::string_view value : field.choices)
                EXPECT_NE(doc.find("`" + std::string(value) + "`"), std::string::npos)
                    << field.key << " value '" << value << "' is not documented";
}

TEST(SchemaDoc, TextKeysAreDocumented) {
    const std::string doc = readDoc();
    for (std::string_view key : schema::kTextKeys)
        EXPECT_NE(doc.find(std::string(key) + ": \"...\""), std::string::npos) << key;
}

TEST(SchemaDoc, SpecsAreIndexedByKind) {
    for (const schema::MapSpec& spec : schema::allSpecs()) {
        EXPECT_EQ(&schema::spec(spec.kind), &spec);
        EXPECT_LE(spec.fields.size(), schema::kMaxFields);
        std::set<std::string_view> unique;
        for (const schema::FieldSpec& field : spec.fields)
            EXPECT_TRUE(unique.insert(field.key).second) << spec.name << "." << field.key;
    }
}
