// LrsClient: how long a Retry-After header asks to wait, and resolving `more` addresses.
#include <gtest/gtest.h>

#include "counterplay/core/LrsClient.h"

using namespace counterplay::core;

TEST(LrsClient, RetryAfterSeconds) {
    EXPECT_EQ(retryAfterMs("", 0), -1);
    EXPECT_EQ(retryAfterMs("0", 0), 0);
    EXPECT_EQ(retryAfterMs("2", 0), 2000);
    EXPECT_EQ(retryAfterMs("99999999999", 0), kMaxRetryAfterMs);
    EXPECT_EQ(retryAfterMs("soon", 0), -1);
}

TEST(LrsClient, RetryAfterHttpDate) {
    // Sun, 06 Nov 1994 08:49:37 GMT = 784111777 s.
    const std::int64_t at = 784111777LL * 1000;
    EXPECT_EQ(retryAfterMs("Sun, 06 Nov 1994 08:49:37 GMT", at - 3000), 3000);
    EXPECT_EQ(retryAfterMs("Sun, 06 Nov 1994 08:49:37 GMT", at + 5000), 0);  // already past
    EXPECT_EQ(retryAfterMs("Sun, 06 Nov 1994 08:49:37 GMT", at - 3600000), kMaxRetryAfterMs);
}

TEST(LrsClient, ResolvesMoreAgainstTheOrigin) {
    LrsClient client({"http://127.0.0.1:8080/data/xAPI", "k", "s"});
    EXPECT_EQ(client.url(), "http://127.0.0.1:8080/data/xAPI/statements");
    EXPECT_EQ(client.resolve("/xAPI/statements?cursor=abc"),
              "http://127.0.0.1:8080/xAPI/statements?cursor=abc");
    EXPECT_EQ(client.resolve("https://other.example/s?x=1"), "https://other.example/s?x=1");
}
