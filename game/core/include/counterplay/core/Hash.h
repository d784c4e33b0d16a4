// Content hashing (OpenSSL): a scorecard carries the SHA-256 of its scenario file.
#pragma once

#include <string>
#include <string_view>

namespace counterplay::core {

/// Lower-case hex SHA-256 of the bytes.
std::string sha256Hex(std::string_view bytes);

}  // namespace counterplay::core
