// RFC 4122 UUIDs with OpenSSL (RAND_bytes for v4, SHA-1 for v5). No library in our package set
// formats UUIDs, and the byte layout is a few lines, so it is written here.
#include "counterplay/core/Uuid.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <stdexcept>

namespace counterplay::core {
namespace {

using Bytes = std::array<unsigned char, 16>;

std::string format(const Bytes& b) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 0xF];
    }
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

bool parse(std::string_view text, Bytes& out) {
    if (!isUuid(text)) return false;
    std::size_t k = 0;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        if (text[i] == '-') ++i;
        out[k++] = static_cast<unsigned char>(hexValue(text[i]) * 16 + hexValue(text[i + 1]));
    }
    return true;
}

}  // namespace

std::string uuidV4() {
    Bytes b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        throw std::runtime_error("the system random number generator failed");
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    return format(b);
}

std::string uuidV5(std::string_view namespaceUuid, std::string_view name) {
    Bytes ns{};
    if (!parse(namespaceUuid, ns)) return {};
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr);
    EVP_DigestUpdate(ctx, ns.data(), ns.size());
    EVP_DigestUpdate(ctx, name.data(), name.size());
    EVP_DigestFinal_ex(ctx, digest.data(), &length);
    EVP_MD_CTX_free(ctx);
    Bytes b{};
    for (std::size_t i = 0; i < b.size(); ++i) b[i] = digest[i];
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x50);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    return format(b);
}

bool isUuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-') return false;
        } else if (hexValue(text[i]) < 0) {
            return false;
        }
    }
    return true;
}

}  // namespace counterplay::core
