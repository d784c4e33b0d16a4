// `verify`: finds an export's signature (JSON member, HTML trailing line, xAPI and CSV FILE.sig;
// the trailing line of CSV files made before the sidecar),
// checks it against the keys this machine trusts (v2: Ed25519; v1: the old HMAC site key) and
// also checks that nothing outside the signed bytes changed.
#include <openssl/crypto.h>

#include <optional>
#include <regex>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Hash.h"
#include "counterplay/core/Keyring.h"
#include "counterplay/core/Signing.h"

namespace counterplay::core {
namespace {

struct ParsedSignature {
    bool legacy = false;
    std::string format;
    std::string keyId;  ///< v2: fingerprint; v1: site key id
    std::string store;  ///< v2, decoded
    std::string storeEncoded;
    std::string sig;  ///< v2: Ed25519 hex; v1: MAC hex
};

std::optional<ParsedSignature> parseSignature(const std::string& text) {
    static const std::regex v2(
        "counterplay-signature v2 format=(json|csv|xapi|html) key=([0-9a-f]{64}) "
        "store=([A-Za-z0-9._%-]+) sig=([0-9a-f]{128})");
    static const std::regex v1(
        "counterplay-signature v1 format=(json|csv|xapi|html) key=([0-9a-f]{16}) "
        "mac=([0-9a-f]{64})");
    std::smatch m;
    if (std::regex_match(text, m, v2)) {
        ParsedSignature p;
        p.format = m[1];
        p.keyId = m[2];
        p.storeEncoded = m[3];
        p.sig = m[4];
        // The encoding is canonical: a different spelling of the same name is an edit.
        if (!percentDecode(p.storeEncoded, p.store) || percentEncode(p.store) != p.storeEncoded)
            return std::nullopt;
        return p;
    }
    if (std::regex_match(text, m, v1)) {
        ParsedSignature p;
        p.legacy = true;
        p.format = m[1];
        p.keyId = m[2];
        p.sig = m[3];
        return p;
    }
    return std::nullopt;
}

VerifyResult failure(const std::string& format, VerifyStatus status, const std::string& message) {
    VerifyResult r;
    r.format = format;
    r.status = status;
    r.message = message;
    return r;
}

const char* kChanged = "the file was changed after signing";

VerifyResult compare(const ParsedSignature& sig, const std::string& expectedFormat,
                     std::string_view signedBytes, const Trust& trust) {
    VerifyResult r;
    r.format = expectedFormat;
    r.keyId = sig.keyId;
    r.storeName = sig.store;
    r.legacy = sig.legacy;
    r.status = VerifyStatus::Changed;
    if (sig.format != expectedFormat) {
        r.message = std::string(kChanged) + " (the signature is for a " + sig.format +
                    " export but this is a " + expectedFormat + " export)";
        return r;
    }
    if (sig.legacy) {
        if (!trust.legacySiteKey || trust.legacySiteKey->id() != sig.keyId) {
            r.status = VerifyStatus::UnknownSigner;
            r.message = "signed with an old site key " + sig.keyId +
                        " (HMAC, before Ed25519 signatures): only the machine that made it can "
                        "check it" +
                        (trust.legacySiteKey ? " (this machine's old key is " +
                                                   trust.legacySiteKey->id() + ")"
                                             : std::string(" and this machine has no old key"));
            return r;
        }
        const std::string mac = legacyMacHex(*trust.legacySiteKey,
                                             expectedFormat == "json"   ? ExportFormat::Json
                                             : expectedFormat == "csv"  ? ExportFormat::Csv
                                             : expectedFormat == "xapi" ? ExportFormat::Xapi
                                                                        : ExportFormat::Html,
                                             signedBytes);
        if (mac.size() != sig.sig.size() ||
            CRYPTO_memcmp(mac.data(), sig.sig.data(), mac.size()) != 0) {
            r.message = kChanged;
            return r;
        }
        r.ok = true;
        r.status = VerifyStatus::Ok;
        r.message = expectedFormat + " export, " + std::to_string(signedBytes.size()) +
                    " signed bytes unchanged, signed with this machine's old site key " +
                    sig.keyId + " (HMAC)";
        return r;
    }
    const TrustedKey* key = trust.find(sig.keyId);
    if (!key) {
        r.status = VerifyStatus::UnknownSigner;
        r.message = "signed by an unknown key " + shortFingerprint(sig.keyId) + "\xE2\x80\xA6 (store '" +
                    sig.store + "'): run `counterplay key trust` with that store's public key";
        return r;
    }
    const std::string message = "counterplay-signature v2 format=" + sig.format + " key=" +
                                sig.keyId + " store=" + sig.storeEncoded +
                                "\nsha256=" + sha256Hex(signedBytes);
    if (!verifySignature(key->publicKey, message, sig.sig)) {
        r.message = kChanged;
        return r;
    }
    r.ok = true;
    r.status = VerifyStatus::Ok;
    r.trustedName = key->name;
    r.message = expectedFormat + " export, " + std::to_string(signedBytes.size()) +
                " signed bytes unchanged, signed by store '" + sig.store + "' (key " +
                shortFingerprint(sig.keyId) + (key->own ? ", this machine" : ", trusted as '" + key->name + "'") + ")";
    return r;
}

VerifyResult verifyJson(std::string_view bytes, const Trust& trust) {
    auto doc = nlohmann::json::parse(bytes, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return failure("json", VerifyStatus::Changed,
                       std::string(kChanged) + " (it is not valid JSON any more)");
    auto it = doc.find("signature");
    if (it == doc.end() || !it->is_object())
        return failure("json", VerifyStatus::NoSignature,
                       "no \"signature\" object: the file is unsigned or was edited");
    const nlohmann::json sig = *it;
    auto str = [&](const char* k) {
        return sig.contains(k) && sig[k].is_string() ? sig[k].get<std::string>() : std::string();
    };
    const std::string scheme = str("scheme");
    std::string text;
    if (scheme == "counterplay-signature v2" && sig.size() == 5 && sig.contains("store") &&
        sig["store"].is_string())
        text = "counterplay-signature v2 format=" + str("format") + " key=" + str("key") +
               " store=" + percentEncode(str("store")) + " sig=" + str("sig");
    else if (scheme == "counterplay-signature v1" && sig.size() == 4)
        text = "counterplay-signature v1 format=" + str("format") + " key=" + str("key") +
               " mac=" + str("mac");
    auto parsed = parseSignature(text);
    if (!parsed)
        return failure("json", VerifyStatus::Changed,
                       std::string(kChanged) + " (the \"signature\" object was edited)");
    doc.erase("signature");
    const std::string body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    VerifyResult r = compare(*parsed, "json", body, trust);
    if (!r.ok) return r;
    doc["signature"] = sig;
    if (doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" != bytes) {
        r.ok = false;
        r.status = VerifyStatus::Changed;
        r.message = std::string(kChanged) +
                    ": the signed content is intact but the file's bytes were changed "
                    "(formatting, key order, escapes or the signature object)";
    }
    return r;
}

/// The trailing line of `bytes` (without its terminator) and where it starts.
bool lastLine(std::string_view bytes, std::string_view terminator, std::string& line,
              std::size_t& start) {
    if (bytes.size() < terminator.size() ||
        bytes.substr(bytes.size() - terminator.size()) != terminator)
        return false;
    const std::string_view body = bytes.substr(0, bytes.size() - terminator.size());
    const std::size_t nl = body.rfind('\n');
    start = nl == std::string_view::npos ? 0 : nl + 1;
    line = std::string(body.substr(start));
    return true;
}

}  // namespace

VerifyResult verifyExportBytes(std::string_view bytes, const std::string* detachedSig,
                               const Trust& trust) {
    if (detachedSig) {
        // One signature line; two while an export is being replaced (commitWithSidecar): the
        // bytes verify when either line does.
        const std::string& all = *detachedSig;
        const std::size_t first = all.find('\n');
        if (first != std::string::npos && first + 1 < all.size()) {
            const std::string one = all.substr(0, first + 1), two = all.substr(first + 1);
            if (two.find('\n') != two.size() - 1)
                return failure(!bytes.empty() && bytes.front() == '[' ? "xapi" : "csv",
                               VerifyStatus::Changed,
                               std::string(kChanged) + " (the signature file has too many lines)");
            if (!parseSignature(one.substr(0, one.size() - 1)) ||
                !parseSignature(two.substr(0, two.size() - 1)))
                return failure(!bytes.empty() && bytes.front() == '[' ? "xapi" : "csv",
                               VerifyStatus::Changed,
                               std::string(kChanged) + " (the signature file was edited)");
            VerifyResult r = verifyExportBytes(bytes, &one, trust);
            if (r.ok) return r;
            VerifyResult r2 = verifyExportBytes(bytes, &two, trust);
            return r2.ok ? r2 : r;
        }
        const std::string& s = all;
        if (s.empty() || s.back() != '\n')
            return failure(!bytes.empty() && bytes.front() == '[' ? "xapi" : "csv",
                           VerifyStatus::Changed,
                           std::string(kChanged) + " (the signature file must be one line)");
        // The file's own bytes say what it is: an xAPI export is a JSON array, anything else
        // with a detached signature is a CSV export. The signature names its format too, and
        // compare() requires both to agree.
        const std::string format = !bytes.empty() && bytes.front() == '[' ? "xapi" : "csv";
        auto sig = parseSignature(s.substr(0, s.size() - 1));
        if (!sig)
            return failure(format, VerifyStatus::Changed,
                           std::string(kChanged) + " (the signature file was edited)");
        return compare(*sig, format, bytes, trust);
    }
    if (!bytes.empty() && bytes.front() == '{') return verifyJson(bytes, trust);
    std::string line;
    std::size_t start = 0;
    if (lastLine(bytes, "\r\n", line, start) && line.rfind("# ", 0) == 0) {
        auto sig = parseSignature(line.substr(2));
        if (!sig)
            return failure("csv", VerifyStatus::Changed,
                           std::string(kChanged) + " (the signature line at the end was edited)");
        return compare(*sig, "csv", bytes.substr(0, start), trust);
    }
    if (lastLine(bytes, "\n", line, start) && line.rfind("<!-- ", 0) == 0 && line.size() > 9 &&
        line.substr(line.size() - 4) == " -->") {
        auto sig = parseSignature(line.substr(5, line.size() - 9));
        if (!sig)
            return failure("html", VerifyStatus::Changed,
                           std::string(kChanged) + " (the signature comment at the end was edited)");
        return compare(*sig, "html", bytes.substr(0, start), trust);
    }
    if (bytes.find("counterplay-signature") != std::string_view::npos)
        return failure("", VerifyStatus::Changed,
                       std::string(kChanged) +
                           " (the signature is not where it belongs, the last line)");
    return failure("", VerifyStatus::NoSignature,
                   "no Counterplay signature found (xAPI and CSV exports keep their signature "
                   "in FILE.sig next to them)");
}

VerifyResult verifyExportFile(const std::string& path, const Trust& trust) {
    std::string bytes, error;
    if (!readWholeFile(path, bytes, error)) return failure("", VerifyStatus::Unreadable, error);
    // An xAPI export is a bare JSON array of statements (postable as is): its signature is
    // detached in FILE.sig. Every other format carries its signature inside.
    if (!bytes.empty() && bytes.front() == '[') {
        std::string sig;
        if (!readWholeFile(path + ".sig", sig, error))
            return failure("xapi", VerifyStatus::NoSignature,
                           "no signature: an xAPI export is signed in " + path +
                               ".sig, which cannot be read (" + error + ")");
        return verifyExportBytes(bytes, &sig, trust);
    }
    // A CSV export carries its signature in FILE.sig; one made before that, in its last line.
    // Each way is sound on its own, so the file verifies when either does; the sidecar's
    // answer is given when there is one (a cell may well contain the words of a signature).
    VerifyResult embedded = verifyExportBytes(bytes, nullptr, trust);
    if (embedded.ok || (!bytes.empty() && bytes.front() == '{')) return embedded;
    std::string sig;
    if (!readWholeFile(path + ".sig", sig, error)) {
        if (embedded.status != VerifyStatus::NoSignature) return embedded;
        return failure("", VerifyStatus::NoSignature,
                       "no Counterplay signature found in " + path + ", and its signature file " +
                           path + ".sig cannot be read (" + error + ")");
    }
    return verifyExportBytes(bytes, &sig, trust);
}

}  // namespace counterplay::core
