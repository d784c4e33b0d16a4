// The keys this machine trusts: its own signing key (always) and the public keys of other
// stores added with `counterplay key trust`, kept in dataDir()/keyring.json (written
// atomically). verify, check and import accept a signature only from a trusted key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "counterplay/core/Signing.h"

namespace counterplay::core {

/// A public key this machine trusts.
struct TrustedKey {
    std::string name;  ///< store name given when trusted (or our own store name)
    PublicKeyBytes publicKey{};
    std::string fingerprint;  ///< fingerprintOf(publicKey)
    std::int64_t addedAtMs = 0;
    bool own = false;  ///< this machine's own key
};

/// The keyring file: {"format": "counterplay-keyring", "version": 1, "keys": [{"name",
/// "public_key" (64 hex), "fingerprint", "added_at"}]}.
class Keyring {
public:
    /// Reads `path`; a missing file is an empty keyring. False and `error` when it is damaged.
    bool load(const std::string& path, std::string& error);
    /// Writes the keyring to `path` atomically.
    bool save(const std::string& path, std::string& error) const;
    /// Adds a key, or renames it when its fingerprint is already there. Returns the entry.
    const TrustedKey& add(const std::string& name, const PublicKeyBytes& publicKey,
                          std::int64_t addedAtMs);
    const TrustedKey* find(const std::string& fingerprint) const;
    const std::vector<TrustedKey>& keys() const { return keys_; }

private:
    std::vector<TrustedKey> keys_;
};

/// Everything a check trusts: our own key (first, own = true, when it exists), the keyring, and
/// the old HMAC site key (for v1 exports made on this machine).
struct Trust {
    std::vector<TrustedKey> keys;
    std::optional<SiteKey> legacySiteKey;
    /// The key of this machine's seal memos (sealMemoKey of our own signing key; see
    /// Integrity.h). Without it every attempt gets the full check.
    std::optional<Digest32> memoKey;
    /// The trusted key with this fingerprint, or null.
    const TrustedKey* find(const std::string& fingerprint) const;
    /// Adds `key` as our own key (first), and its seal memo key.
    void addOwn(const SigningKey& key);
};

/// The machine's trust: its own signing key at signingKeyPath() (not created), the keyring at
/// keyringPath() and the site key at siteKeyPath() when present. A damaged keyring or key file
/// is reported in `warning` and left out.
Trust loadTrust(std::string& warning);

}  // namespace counterplay::core
