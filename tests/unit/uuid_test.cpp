// UUIDs: v4 form and randomness, v5 against RFC 4122 / Python uuid5 reference values.
#include "counterplay/core/Uuid.h"

#include <gtest/gtest.h>

#include <set>

using namespace counterplay::core;

TEST(Uuid, V4HasVersionAndVariantAndDiffers) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string u = uuidV4();
        ASSERT_TRUE(isUuid(u)) << u;
        EXPECT_EQ(u[14], '4');
        EXPECT_NE(std::string("89ab").find(u[19]), std::string::npos);
        seen.insert(u);
    }
    EXPECT_EQ(seen.size(), 100u);
}

TEST(Uuid, V5MatchesReferenceValues) {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.com/'))"
    EXPECT_EQ(uuidV5(kUuidNamespaceUrl, "https://example.com/"),
              "dd2c1780-811a-5296-81c5-178a0ef488bc");
    // uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') (RFC 4122 example namespace)
    EXPECT_EQ(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
              "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    EXPECT_EQ(uuidV5(kUuidNamespaceUrl, "a"), uuidV5(kUuidNamespaceUrl, "a"));
    EXPECT_NE(uuidV5(kUuidNamespaceUrl, "a"), uuidV5(kUuidNamespaceUrl, "b"));
    EXPECT_EQ(uuidV5("not-a-uuid", "a"), "");
}

TEST(Uuid, RecognisesCanonicalForm) {
    EXPECT_TRUE(isUuid("6BA7B811-9DAD-11D1-80B4-00C04FD430C8"));
    EXPECT_FALSE(isUuid("6ba7b8119dad11d180b400c04fd430c8"));
    EXPECT_FALSE(isUuid("6ba7b811-9dad-11d1-80b4-00c04fd430cg"));
    EXPECT_FALSE(isUuid(""));
}
