// UTF-8 validation and hazard scan (see Utf8.h for why this is hand-written).
#include "Utf8.h"

namespace counterplay::core::utf8 {

namespace {

// Decodes one multi-byte sequence starting at bytes[i] (lead byte >= 0x80). Returns the sequence
// length and the code point, or length 0 when the sequence is invalid.
std::size_t decode(std::string_view bytes, std::size_t i, std::uint32_t& cp) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char c = at(i);
    std::size_t n = 0;
    std::uint32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + n > bytes.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const unsigned char cc = at(i + k);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

}  // namespace

Finding scan(std::string_view bytes, std::size_t from, bool allowCr) {
    const std::size_t size = bytes.size();
    std::size_t i = from;
    while (i < size) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7F) {  // printable ASCII: the common case
            ++i;
            continue;
        }
        if (c < 0x80) {
            if (c == '\t' || c == '\n' || (c == '\r' && allowCr)) {
                ++i;
                continue;
            }
            return {Hazard::Control, i, c, 1};
        }
        std::uint32_t cp = 0;
        const std::size_t n = decode(bytes, i, cp);
        if (n == 0) {
            // Report a broken sequence once: take the continuation bytes that follow with it.
            std::size_t length = 1;
            while (length < 4 && i + length < size &&
                   (static_cast<unsigned char>(bytes[i + length]) & 0xC0) == 0x80)
                ++length;
            return {Hazard::InvalidByte, i, c, length};
        }
        if (cp >= 0x80 && cp <= 0x9F) return {Hazard::Control, i, cp, n};
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
            return {Hazard::Bidi, i, cp, n};
        i += n;
    }
    return {};
}

std::size_t codePoints(std::string_view bytes) {
    std::size_t n = 0;
    for (char ch : bytes)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
    return n;
}

std::string_view describe(Hazard hazard) {
    switch (hazard) {
        case Hazard::None: return "nothing";
        case Hazard::InvalidByte: return "invalid UTF-8";
        case Hazard::Control: return "control character";
        case Hazard::Bidi: return "bidirectional override character";
    }
    return "";
}

}  // namespace counterplay::core::utf8
