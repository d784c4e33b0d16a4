// UTF-8 checks for content files: validity, control characters and bidi overrides.
// Hand-written: no library we use offers byte-exact positions for these checks, and the raw scan
// is on the loader's hot path (one linear pass over the file).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace counterplay::core::utf8 {

/// What is wrong at one place in a byte string.
enum class Hazard : std::uint8_t {
    None,
    InvalidByte,  ///< not valid UTF-8 (bad lead, truncated, overlong, surrogate, > U+10FFFF)
    Control,      ///< C0/C1 control character other than tab, newline (and CR in raw files)
    Bidi,         ///< bidirectional override or isolate (U+202A-202E, U+2066-2069)
};

struct Finding {
    Hazard hazard = Hazard::None;
    std::size_t offset = 0;      ///< byte offset of the offending sequence
    std::uint32_t value = 0;     ///< the code point (Control, Bidi) or the first bad byte
    std::size_t length = 1;      ///< bytes the offending sequence spans
};

/// Finds the next hazard at or after `from`. `allowCr` accepts '\r' (raw files with CRLF).
/// Returns a Finding with hazard None when the rest is clean.
Finding scan(std::string_view bytes, std::size_t from, bool allowCr);

/// Number of code points in `bytes` (counts lead bytes; invalid bytes count as one each).
std::size_t codePoints(std::string_view bytes);

/// A short noun phrase naming a hazard, for messages.
std::string_view describe(Hazard hazard);

}  // namespace counterplay::core::utf8
