// Shuffle: the shown order of a node's choices is a fixed function of (seed, node id, entry),
// every order can come up, and the generator's output is pinned (no standard-library shuffle).
#include "counterplay/core/Shuffle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

using namespace counterplay::core;

namespace {

bool isPermutation(std::vector<std::size_t> order, std::size_t n) {
    std::sort(order.begin(), order.end());
    std::vector<std::size_t> identity(n);
    std::iota(identity.begin(), identity.end(), std::size_t{0});
    return order == identity;
}

}  // namespace

TEST(Shuffle, SplitMix64MatchesTheReferenceOutput) {
    // The first outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c): a changed constant or
    // shift would silently give every stored attempt another order.
    SplitMix64 g(0);
    EXPECT_EQ(g.next(), 0xe220a8397b1dcdafull);
    EXPECT_EQ(g.next(), 0x6e789e6aa1b965f4ull);
    EXPECT_EQ(g.next(), 0x06c45d188009454full);
}

TEST(Shuffle, BelowStaysInRange) {
    SplitMix64 g(42);
    for (std::uint32_t bound = 1; bound <= 9; ++bound)
        for (int i = 0; i < 200; ++i) EXPECT_LT(g.below(bound), bound);
}

TEST(Shuffle, OrderIsPinned) {
    // Golden orders: the same on every compiler and standard library, now and in later builds.
    EXPECT_EQ(shuffledOrder(12345, "crash", 0, 5), (std::vector<std::size_t>{4, 0, 3, 1, 2}));
    EXPECT_EQ(shuffledOrder(1, "greet", 0, 3), (std::vector<std::size_t>{2, 0, 1}));
    EXPECT_EQ(shuffledOrder(1, "greet", 1, 3), (std::vector<std::size_t>{0, 2, 1}));
}

TEST(Shuffle, DeterministicPermutation) {
    for (std::uint64_t seed : {0ull, 1ull, 12345ull, ~0ull}) {
        for (std::size_t n = 0; n <= 9; ++n) {
            const auto a = shuffledOrder(seed, "node", 0, n);
            EXPECT_EQ(a, shuffledOrder(seed, "node", 0, n));
            EXPECT_TRUE(isPermutation(a, n)) << seed << " " << n;
        }
    }
}

TEST(Shuffle, EveryOrderIsReachable) {
    for (std::size_t n : {2u, 3u, 4u}) {
        std::set<std::vector<std::size_t>> seen;
        for (std::uint64_t seed = 0; seed < 2000; ++seed)
            seen.insert(shuffledOrder(seed, "n", 0, n));
        std::size_t factorial = 1;
        for (std::size_t k = 2; k <= n; ++k) factorial *= k;
        EXPECT_EQ(seen.size(), factorial) << n << " choices";
    }
}

TEST(Shuffle, OrdersAreRoughlyUniform) {
    // Where choice 0 lands over many seeds: each of 4 places about a quarter of the time.
    std::vector<int> place(4, 0);
    for (std::uint64_t seed = 0; seed < 4000; ++seed) {
        const auto order = shuffledOrder(seed, "n", 0, 4);
        ++place[static_cast<std::size_t>(std::find(order.begin(), order.end(), 0u) -
                                         order.begin())];
    }
    for (int p : place) {
        EXPECT_GT(p, 850);
        EXPECT_LT(p, 1150);
    }
}

TEST(Shuffle, NodesAndEntriesGetTheirOwnOrder) {
    int sameNode = 0, sameEntry = 0, sameSeed = 0;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        const auto a = shuffledOrder(seed, "greet", 0, 5);
        sameNode += a == shuffledOrder(seed, "offer", 0, 5);
        sameEntry += a == shuffledOrder(seed, "greet", 1, 5);
        sameSeed += a == shuffledOrder(seed + 1, "greet", 0, 5);
    }
    // 1 in 120 by chance: a handful at most, never most of them.
    EXPECT_LT(sameNode, 10);
    EXPECT_LT(sameEntry, 10);
    EXPECT_LT(sameSeed, 10);
}

TEST(Shuffle, RandomSeedsFitInADouble) {
    for (int i = 0; i < 50; ++i) EXPECT_LT(randomShuffleSeed(), std::uint64_t{1} << 53);
}
