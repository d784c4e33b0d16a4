// Choice order for "shuffle answers" (see Shuffle.h): SplitMix64 + Fisher-Yates, written out so
// that the order never depends on the standard library.
#include "counterplay/core/Shuffle.h"

#include <numeric>
#include <random>

namespace counterplay::core {

namespace {

/// FNV-1a over the node id's bytes: folds the id into the generator's seed.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

}  // namespace

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint32_t SplitMix64::below(std::uint32_t bound) {
    // (next() >> 32) * bound < 2^64, and its high 32 bits are in [0, bound).
    return static_cast<std::uint32_t>(((next() >> 32) * bound) >> 32);
}

std::vector<std::size_t> shuffledOrder(std::uint64_t seed, std::string_view nodeId,
                                       std::uint32_t entry, std::size_t count) {
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Mix the three inputs through the generator itself, so that nearby seeds, ids or entries
    // give unrelated streams.
    SplitMix64 mix(seed);
    const std::uint64_t a = mix.next() ^ fnv1a(nodeId);
    SplitMix64 mix2(a);
    const std::uint64_t b =
        mix2.next() ^ (static_cast<std::uint64_t>(entry) * 0xd1b54a32d192ed03ull);
    SplitMix64 rng(b);
    rng.next();
    // Fisher-Yates, from the back: position i takes one of the i + 1 items not yet placed.
    for (std::size_t i = count; i > 1; --i) {
        const std::size_t j = rng.below(static_cast<std::uint32_t>(i));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

std::uint64_t randomShuffleSeed() {
    std::random_device device;
    const std::uint64_t bits =
        (static_cast<std::uint64_t>(device()) << 32) ^ static_cast<std::uint64_t>(device());
    // 53 bits: JSON readers that hold numbers as doubles (JavaScript, spreadsheets) keep it exact.
    return bits & ((std::uint64_t{1} << 53) - 1);
}

}  // namespace counterplay::core
