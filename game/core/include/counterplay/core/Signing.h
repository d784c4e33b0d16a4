// Signed exports. Current scheme (v2): an Ed25519 signature by this installation's key pair,
// naming the signer's public-key fingerprint and store name, so that anyone holding the public
// key can check an export and no one without the private key can make one. The old scheme (v1,
// HMAC-SHA256 under a per-machine site key) is kept for verifying old exports only. Signatures
// are placed per format so that `verify` detects an edit to any byte. Scheme: docs/results.md.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace counterplay::core {

enum class ExportFormat { Json, Csv, Xapi, Html };

/// "json", "csv", "xapi", "html".
const char* exportFormatName(ExportFormat format);
bool parseExportFormat(std::string_view text, ExportFormat& out);

// ---- Ed25519 key pairs ------------------------------------------------------------------------

/// A raw Ed25519 public key (32 bytes).
using PublicKeyBytes = std::array<unsigned char, 32>;

/// The fingerprint that names a public key: lower-case hex SHA-256 of its 32 raw bytes.
std::string fingerprintOf(const PublicKeyBytes& publicKey);

/// The short form of a fingerprint shown to people: its first 16 hex digits.
std::string shortFingerprint(const std::string& fingerprint);

/// This installation's signing key pair and the store (machine) name it signs as.
/// A SHA-256 digest or HMAC key (32 bytes).
using Digest32 = std::array<unsigned char, 32>;

struct SigningKey {
    std::array<unsigned char, 32> seed{};  ///< the private key (Ed25519 seed); never leaves the file
    PublicKeyBytes publicKey{};
    std::string storeName;  ///< e.g. "Gangnam"; see storeName()

    /// A key pair from a 32-byte seed (tests use fixed seeds); the public key is derived.
    static SigningKey fromSeed(const std::array<unsigned char, 32>& seed, std::string storeName);
    /// fingerprintOf(publicKey).
    std::string fingerprint() const;
    /// Ed25519 signature of `message`: 128 lower-case hex digits.
    std::string sign(std::string_view message) const;
};

/// True when `signatureHex` (128 hex digits) is a valid Ed25519 signature of `message` by
/// `publicKey`.
bool verifySignature(const PublicKeyBytes& publicKey, std::string_view message,
                     std::string_view signatureHex);

/// The store name exports and seals carry: the first line of dataDir()/store-name when set
/// (`counterplay key name STORE`), else $COUNTERPLAY_STORE_NAME, else the host name.
std::string storeName();

/// Sets the store name (writes dataDir()/store-name atomically). False and `error` on failure.
bool setStoreName(const std::string& name, std::string& error);

/// Reads the private key at `path` (32 raw bytes, mode 0600); when missing and `create` is true
/// makes a new one atomically (two programs starting at once agree on one key) and writes the
/// public key beside it (`path` with ".pub" for ".key", see publicKeyText). The store name is
/// storeName(). nullopt and `error` when the file is damaged or cannot be read or created.
std::optional<SigningKey> loadSigningKey(const std::string& path, bool create, std::string& error);

/// The public key file ("key export-public"): four lines
///   counterplay-public-key v1 / store: NAME / key: <64 hex> / fingerprint: <64 hex>
std::string publicKeyText(const std::string& storeName, const PublicKeyBytes& publicKey);

/// Parses a public key file; false and `error` when it is not one (or its fingerprint line does
/// not match its key).
bool parsePublicKeyText(std::string_view text, std::string& storeName, PublicKeyBytes& publicKey,
                        std::string& error);

// ---- signing exports (v2) ---------------------------------------------------------------------

/// Incremental signer of an export of `format`. The content is hashed (SHA-256) as it streams;
/// finish() signs the text "<header>\nsha256=<hex digest>" with Ed25519, where <header> is
/// "counterplay-signature v2 format=<f> key=<fingerprint> store=<percent-encoded store name>".
class Signer {
public:
    Signer(const SigningKey& key, ExportFormat format);
    ~Signer();
    Signer(const Signer&) = delete;
    Signer& operator=(const Signer&) = delete;
    void update(std::string_view bytes);
    /// The signature (128 hex digits); call once.
    std::string finishHex();

private:
    struct Impl;
    Impl* impl_;
    const SigningKey& key_;
    ExportFormat format_;
};

/// The signature of a whole byte string (see Signer).
std::string signBytes(const SigningKey& key, ExportFormat format, std::string_view bytes);

/// Store names in signature lines are percent-encoded (every byte outside A-Z a-z 0-9 . _ -), so
/// a line never holds a space, a comma or "--".
std::string percentEncode(std::string_view text);
/// The reverse; false on a malformed escape.
bool percentDecode(std::string_view text, std::string& out);

/// "counterplay-signature v2 format=<f> key=<fingerprint> store=<encoded> sig=<hex>".
std::string signatureText(ExportFormat format, const SigningKey& key, const std::string& sig);

/// The trailing line of a CSV export ("# <signature text>\r\n") and of an HTML export
/// ("<!-- <signature text> -->\n"); the signature covers every byte before it.
std::string csvSignatureLine(const SigningKey& key, const std::string& sig);
std::string htmlSignatureLine(const SigningKey& key, const std::string& sig);
/// The detached FILE.sig of an xAPI or CSV export ("<signature text>\n"); it covers FILE.
/// CSV exports keep their signature beside them so that the file sorts and filters cleanly in a
/// spreadsheet; CSV files with the old trailing line (csvSignatureLine) still verify.
std::string detachedSignature(const SigningKey& key, const std::string& sig,
                              ExportFormat format = ExportFormat::Xapi);

/// The file text of a signed JSON export. `document` (an object without "signature") gets a
/// "signature" member {scheme, format, key, store, sig} whose signature covers document.dump()
/// (compact, keys sorted, UTF-8); the file is the whole object pretty-printed (2 spaces) plus
/// "\n". verify re-renders the parsed file and compares bytes, so a whitespace edit is caught.
std::string signJsonDocument(nlohmann::json document, const SigningKey& key);

// ---- the old HMAC site key (v1): verification only --------------------------------------------

/// The old site key: 32 random bytes in a 0600 file. New exports never use it; it is kept so
/// that exports made before Ed25519 still verify on the machine that made them.
struct SiteKey {
    std::array<unsigned char, 32> bytes{};
    /// First 16 hex digits of the key's SHA-256: names the key in v1 signatures.
    std::string id() const;
};

/// Reads the site key at `path`; when missing and `create` is true makes a new random one (mode
/// 0600, atomically; only tests still create one). nullopt and `error` otherwise.
std::optional<SiteKey> loadSiteKey(const std::string& path, bool create, std::string& error);

/// v1 HMAC-SHA256 of an export: over "counterplay-signature v1 format=<format>\n" + bytes.
std::string legacyMacHex(const SiteKey& key, ExportFormat format, std::string_view bytes);

/// A v1-signed export, as old versions wrote them (tests of the migration use these).
std::string legacySignatureText(ExportFormat format, const SiteKey& key, const std::string& mac);
std::string legacySignJsonDocument(nlohmann::json document, const SiteKey& key);

// ---- verify ---------------------------------------------------------------------------------

struct Trust;  // Keyring.h

enum class VerifyStatus {
    Ok,
    Changed,        ///< the file (or its signature) was changed after signing
    UnknownSigner,  ///< signed by a key that is neither ours nor in the keyring
    NoSignature,    ///< no Counterplay signature where it belongs
    Unreadable,     ///< the file cannot be read
};

struct VerifyResult {
    bool ok = false;
    VerifyStatus status = VerifyStatus::NoSignature;
    std::string format;       ///< "json", "csv", "xapi", "html" or "" when not recognised
    std::string keyId;        ///< the signer's fingerprint (v1: the site key id), when readable
    std::string storeName;    ///< the signer's store name as named in the signature (v2)
    std::string trustedName;  ///< the name this machine's keyring gives the signer, when trusted
    bool legacy = false;      ///< a v1 (HMAC) signature
    std::string message;      ///< what was checked, or what failed
};

/// Verifies an export file (with its FILE.sig for xAPI and CSV; an older CSV by its trailing
/// signature line) against the keys this machine trusts.
VerifyResult verifyExportFile(const std::string& path, const Trust& trust);

/// Verifies bytes already in memory (`detachedSig` non-null for a detached signature).
VerifyResult verifyExportBytes(std::string_view bytes, const std::string* detachedSig,
                               const Trust& trust);

}  // namespace counterplay::core
