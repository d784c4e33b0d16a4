// UUIDs (RFC 4122): random v4 for attempt registrations, name-based v5 (SHA-1) for xAPI
// statement ids, so re-sending an attempt's statements never duplicates them.
#pragma once

#include <string>
#include <string_view>

namespace counterplay::core {

/// A random (version 4) UUID in lower-case 8-4-4-4-12 form, from OpenSSL's CSPRNG.
std::string uuidV4();

/// The name-based (version 5, SHA-1) UUID of `name` in the namespace `namespaceUuid` (a UUID in
/// 8-4-4-4-12 form). Deterministic. Returns an empty string when the namespace is malformed.
std::string uuidV5(std::string_view namespaceUuid, std::string_view name);

/// True for a UUID in canonical 8-4-4-4-12 hex form (either case).
bool isUuid(std::string_view text);

/// The RFC 4122 URL namespace (6ba7b811-...), for deriving a namespace from an IRI.
inline constexpr std::string_view kUuidNamespaceUrl = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

}  // namespace counterplay::core
