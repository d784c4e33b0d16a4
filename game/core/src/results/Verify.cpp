// `verify`: finds an export's signature (JSON member, CSV/HTML trailing line, xAPI FILE.sig),
// recomputes the MAC over the signed bytes and also checks that nothing outside them changed.
#include <openssl/crypto.h>

#include <optional>
#include <regex>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Signing.h"

namespace counterplay::core {
namespace {

struct ParsedSignature {
    std::string format;
    std::string keyId;
    std::string mac;
};

std::optional<ParsedSignature> parseSignature(const std::string& text) {
    static const std::regex re(
        "counterplay-signature v1 format=(json|csv|xapi|html) key=([0-9a-f]{16}) "
        "mac=([0-9a-f]{64})");
    std::smatch m;
    if (!std::regex_match(text, m, re)) return std::nullopt;
    return ParsedSignature{m[1], m[2], m[3]};
}

VerifyResult compare(const ParsedSignature& sig, const std::string& expectedFormat,
                     const std::string& mac, const SiteKey& key, std::size_t signedBytes) {
    VerifyResult r;
    r.format = expectedFormat;
    r.keyId = sig.keyId;
    if (sig.format != expectedFormat) {
        r.message = "the signature is for a " + sig.format + " export but this is a " +
                    expectedFormat + " export: it was edited";
        return r;
    }
    if (sig.keyId != key.id()) {
        r.message = "signed with another site key (key " + sig.keyId + "; this machine's key is " +
                    key.id() + "): cannot confirm it, or the key id was edited";
        return r;
    }
    if (mac.size() != sig.mac.size() || CRYPTO_memcmp(mac.data(), sig.mac.data(), mac.size()) != 0) {
        r.message = "the signature does not match the content: the file (or its signature) was "
                    "edited after export";
        return r;
    }
    r.ok = true;
    r.message = expectedFormat + " export, " + std::to_string(signedBytes) +
                " signed bytes unchanged, signed with site key " + sig.keyId;
    return r;
}

VerifyResult failure(const std::string& format, const std::string& message) {
    VerifyResult r;
    r.format = format;
    r.message = message;
    return r;
}

VerifyResult verifyJson(std::string_view bytes, const SiteKey& key) {
    auto doc = nlohmann::json::parse(bytes, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return failure("json", "the file is not valid JSON any more: it was edited or damaged");
    auto it = doc.find("signature");
    if (it == doc.end() || !it->is_object())
        return failure("json", "no \"signature\" object: the file is unsigned or was edited");
    const nlohmann::json sig = *it;
    const bool shapeOk = sig.size() == 4 && sig.value("scheme", "") == "counterplay-signature v1" &&
                         sig.contains("format") && sig["format"].is_string() &&
                         sig.contains("key") && sig["key"].is_string() && sig.contains("mac") &&
                         sig["mac"].is_string();
    if (!shapeOk) return failure("json", "the \"signature\" object was edited");

    auto parsed = parseSignature("counterplay-signature v1 format=" +
                                 sig["format"].get<std::string>() + " key=" +
                                 sig["key"].get<std::string>() + " mac=" +
                                 sig["mac"].get<std::string>());
    if (!parsed) return failure("json", "the \"signature\" object was edited");
    doc.erase("signature");
    const std::string body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    VerifyResult r = compare(*parsed, "json", signBytes(key, ExportFormat::Json, body), key,
                             body.size());
    if (!r.ok) return r;
    doc["signature"] = sig;
    if (doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" != bytes)
        return failure("json",
                       "the signed content is intact but the file's bytes were changed "
                       "(formatting, key order, escapes or the signature object)");
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
                               const SiteKey& key) {
    if (detachedSig) {
        const std::string& s = *detachedSig;
        if (s.empty() || s.back() != '\n')
            return failure("xapi", "the signature file was edited (it must be one line)");
        auto sig = parseSignature(s.substr(0, s.size() - 1));
        if (!sig) return failure("xapi", "the signature file was edited or is not a signature");
        return compare(*sig, "xapi", signBytes(key, ExportFormat::Xapi, bytes), key, bytes.size());
    }
    if (!bytes.empty() && bytes.front() == '{') return verifyJson(bytes, key);
    std::string line;
    std::size_t start = 0;
    if (lastLine(bytes, "\r\n", line, start) && line.rfind("# ", 0) == 0) {
        auto sig = parseSignature(line.substr(2));
        if (!sig) return failure("csv", "the signature line at the end was edited");
        return compare(*sig, "csv", signBytes(key, ExportFormat::Csv, bytes.substr(0, start)), key,
                       start);
    }
    if (lastLine(bytes, "\n", line, start) && line.rfind("<!-- ", 0) == 0 && line.size() > 9 &&
        line.substr(line.size() - 4) == " -->") {
        auto sig = parseSignature(line.substr(5, line.size() - 9));
        if (!sig) return failure("html", "the signature comment at the end was edited");
        return compare(*sig, "html", signBytes(key, ExportFormat::Html, bytes.substr(0, start)),
                       key, start);
    }
    if (bytes.find("counterplay-signature") != std::string_view::npos)
        return failure("", "the signature is not where it belongs (last line): the file was "
                           "edited after export");
    return failure("", "no Counterplay signature found (an xAPI export keeps its signature in "
                       "FILE.sig next to it)");
}

VerifyResult verifyExportFile(const std::string& path, const SiteKey& key) {
    std::string bytes, error;
    if (!readWholeFile(path, bytes, error)) return failure("", error);
    // An xAPI export is a bare JSON array of statements (postable as is): its signature is
    // detached in FILE.sig. Every other format carries its signature inside.
    if (!bytes.empty() && bytes.front() == '[') {
        std::string sig;
        if (!readWholeFile(path + ".sig", sig, error))
            return failure("xapi", "no signature: an xAPI export is signed in " + path +
                                       ".sig, which cannot be read (" + error + ")");
        return verifyExportBytes(bytes, &sig, key);
    }
    return verifyExportBytes(bytes, nullptr, key);
}

}  // namespace counterplay::core
