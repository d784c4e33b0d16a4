// Signed exports: HMAC-SHA256 under a per-site key, placed per format so that `verify` detects
// an edit to any byte of an export, including of the signature itself. Scheme: docs/results.md.
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

/// The site key: 32 random bytes kept in a 0600 file in the data folder.
struct SiteKey {
    std::array<unsigned char, 32> bytes{};
    /// First 16 hex digits of the key's SHA-256: names the key in signatures without revealing it.
    std::string id() const;
};

/// Reads the key at `path`; when missing and `create` is true makes a new random one (mode 0600,
/// created atomically so two programs starting at once agree on one key). nullopt and `error`
/// when the file is not a key (wrong size, not a regular file) or cannot be read or created.
std::optional<SiteKey> loadSiteKey(const std::string& path, bool create, std::string& error);

/// Incremental HMAC-SHA256 of an export of `format`: the message is the domain line
/// "counterplay-signature v1 format=<format>\n" followed by the signed bytes.
class Signer {
public:
    Signer(const SiteKey& key, ExportFormat format);
    ~Signer();
    Signer(const Signer&) = delete;
    Signer& operator=(const Signer&) = delete;
    void update(std::string_view bytes);
    /// Lower-case hex MAC (64 digits); call once.
    std::string finishHex();

private:
    struct Impl;
    Impl* impl_;
};

/// MAC of a whole byte string (see Signer).
std::string signBytes(const SiteKey& key, ExportFormat format, std::string_view bytes);

/// The signature text "counterplay-signature v1 format=<f> key=<id> mac=<hex>".
std::string signatureText(ExportFormat format, const std::string& keyId, const std::string& mac);

/// The trailing line of a CSV export ("# <signature text>\r\n") and of an HTML export
/// ("<!-- <signature text> -->\n"); the MAC covers every byte before it.
std::string csvSignatureLine(const SiteKey& key, const std::string& mac);
std::string htmlSignatureLine(const SiteKey& key, const std::string& mac);
/// The detached FILE.sig of an xAPI export ("<signature text>\n"); the MAC covers FILE.
std::string detachedSignature(const SiteKey& key, const std::string& mac);

/// The file text of a signed JSON export. `document` (an object without "signature") gets a
/// "signature" member {scheme, format, key, mac} whose MAC covers document.dump() (compact, keys
/// sorted, UTF-8); the file is the whole object pretty-printed (2 spaces) plus "\n". verify
/// re-renders the parsed file and compares bytes, so a whitespace edit is caught too.
std::string signJsonDocument(nlohmann::json document, const SiteKey& key);

struct VerifyResult {
    bool ok = false;
    std::string format;   ///< "json", "csv", "xapi", "html" or "" when not recognised
    std::string keyId;    ///< the key id named in the signature, when readable
    std::string message;  ///< what was checked, or what failed
};

/// Verifies an export file (its FILE.sig for xAPI) against the site key.
VerifyResult verifyExportFile(const std::string& path, const SiteKey& key);

/// Verifies bytes already in memory (`detachedSig` non-null for a detached signature).
VerifyResult verifyExportBytes(std::string_view bytes, const std::string* detachedSig,
                               const SiteKey& key);

}  // namespace counterplay::core
