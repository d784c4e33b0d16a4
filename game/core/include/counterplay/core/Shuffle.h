// The order in which a node's choices are shown ("shuffle answers"): a deterministic function of
// the attempt's shuffle seed, the node id and how many times the node was entered before, so a
// replayed or resumed attempt shows exactly the same order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace counterplay::core {

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny 64-bit generator written out here because
/// its output is fixed by this code, on every compiler and standard library. Used instead of
/// std::shuffle / std::uniform_int_distribution, whose results differ between libstdc++, libc++
/// and MSVC, so a transcript recorded on one build would show another order on another build.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t state) : state_(state) {}
    /// The next 64-bit value.
    std::uint64_t next();
    /// A value in [0, bound) for 1 <= bound <= 2^32: the high bits of next() * bound (Lemire's
    /// multiply-shift, without rejection; its bias is below bound / 2^64, invisible for 9 choices).
    std::uint32_t below(std::uint32_t bound);

private:
    std::uint64_t state_;
};

/// The order to show a node's `count` choices in: a permutation of 0..count-1 (file indices),
/// computed by a Fisher-Yates shuffle driven by SplitMix64 seeded from (seed, nodeId, entry).
/// `entry` counts earlier entries of the same node in this attempt (0 the first time), so a node
/// entered again shows a fresh order. Identical for every build and platform.
std::vector<std::size_t> shuffledOrder(std::uint64_t seed, std::string_view nodeId,
                                       std::uint32_t entry, std::size_t count);

/// A fresh seed for a new attempt from std::random_device (the game and interactive `play`);
/// below 2^53, so that it survives JSON readers that store numbers as doubles.
std::uint64_t randomShuffleSeed();

}  // namespace counterplay::core
