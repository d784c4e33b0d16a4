// Where Counterplay keeps a user's data (XDG base directories): the results database and the
// site signing key. Environment overrides exist for tests and for shared installations.
#pragma once

#include <string>

namespace counterplay::core {

/// $XDG_DATA_HOME/counterplay, else $HOME/.local/share/counterplay (not created).
std::string dataDir();

/// Creates `dir` and its parents (mode 0700 for new folders). False and `error` on failure.
bool ensureDir(const std::string& dir, std::string& error);

/// The results database: `flagValue` when not empty (--db), else $COUNTERPLAY_DB, else
/// dataDir()/results.db.
std::string resultsDbPath(const std::string& flagValue = {});

/// The old HMAC site key (verification of v1 exports only): $COUNTERPLAY_KEY_FILE, else
/// dataDir()/site.key.
std::string siteKeyPath();

/// This installation's Ed25519 private key: $COUNTERPLAY_SIGNING_KEY, else
/// dataDir()/signing.key (its public key is beside it, ".pub").
std::string signingKeyPath();

/// The public key file beside the private key (".key" -> ".pub").
std::string publicKeyPathFor(const std::string& signingKeyPath);

/// The keyring of trusted public keys: dataDir()/keyring.json.
std::string keyringPath();

}  // namespace counterplay::core
