// Ed25519 key pairs and export signatures with OpenSSL 3 EVP; the old HMAC-SHA256 site key is
// kept for verifying v1 exports (see Signing.h).
#include "counterplay/core/Signing.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Hash.h"
#include "results/HexBytes.h"

namespace counterplay::core {
namespace {

std::string dumpJson(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

std::string trimLine(std::string s) {
    if (auto nl = s.find_first_of("\r\n"); nl != std::string::npos) s.resize(nl);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
    return s.substr(b);
}

std::string storeNamePath() { return dataDir() + "/store-name"; }

}  // namespace

const char* exportFormatName(ExportFormat format) {
    switch (format) {
        case ExportFormat::Json: return "json";
        case ExportFormat::Csv: return "csv";
        case ExportFormat::Xapi: return "xapi";
        case ExportFormat::Html: return "html";
    }
    return "json";
}

bool parseExportFormat(std::string_view text, ExportFormat& out) {
    for (ExportFormat f : {ExportFormat::Json, ExportFormat::Csv, ExportFormat::Xapi,
                           ExportFormat::Html})
        if (text == exportFormatName(f)) {
            out = f;
            return true;
        }
    return false;
}

// ---- key pairs --------------------------------------------------------------------------------

std::string fingerprintOf(const PublicKeyBytes& publicKey) {
    return sha256Hex(
        std::string_view(reinterpret_cast<const char*>(publicKey.data()), publicKey.size()));
}

std::string shortFingerprint(const std::string& fingerprint) { return fingerprint.substr(0, 16); }

SigningKey SigningKey::fromSeed(const std::array<unsigned char, 32>& seed, std::string storeName) {
    SigningKey key;
    key.seed = seed;
    key.storeName = std::move(storeName);
    Pkey pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    std::size_t length = key.publicKey.size();
    if (!pkey || EVP_PKEY_get_raw_public_key(pkey.get(), key.publicKey.data(), &length) != 1 ||
        length != key.publicKey.size())
        throw std::runtime_error("OpenSSL has no Ed25519");
    return key;
}

std::string SigningKey::fingerprint() const { return fingerprintOf(publicKey); }

std::string SigningKey::sign(std::string_view message) const {
    Pkey pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    MdCtx ctx(EVP_MD_CTX_new());
    unsigned char sig[64];
    std::size_t length = sizeof sig;
    if (!pkey || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1 ||
        EVP_DigestSign(ctx.get(), sig, &length,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
        throw std::runtime_error("Ed25519 signing failed");
    return hexEncode(sig, length);
}

bool verifySignature(const PublicKeyBytes& publicKey, std::string_view message,
                     std::string_view signatureHex) {
    std::string sig;
    if (signatureHex.size() != 128 || !hexDecode(signatureHex, sig)) return false;
    Pkey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(),
                                          publicKey.size()));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!pkey || !ctx ||
        EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()),
                            sig.size(), reinterpret_cast<const unsigned char*>(message.data()),
                            message.size()) == 1;
}

std::string storeName() {
    std::string text, error;
    if (readWholeFile(storeNamePath(), text, error))
        if (std::string name = trimLine(text); !name.empty()) return name;
    if (const char* v = std::getenv("COUNTERPLAY_STORE_NAME"); v && *v) return trimLine(v);
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0 && host[0]) return host;
    return "counterplay";
}

bool setStoreName(const std::string& name, std::string& error) {
    const std::string clean = trimLine(name);
    if (clean.empty()) {
        error = "the store name is empty";
        return false;
    }
    if (!ensureDir(dataDir(), error)) return false;
    return writeFileAtomic(storeNamePath(), clean + "\n", error);
}

std::string publicKeyText(const std::string& name, const PublicKeyBytes& publicKey) {
    return "counterplay-public-key v1\nstore: " + name + "\nkey: " +
           hexEncode(publicKey.data(), publicKey.size()) + "\nfingerprint: " +
           fingerprintOf(publicKey) + "\n";
}

bool parsePublicKeyText(std::string_view text, std::string& name, PublicKeyBytes& publicKey,
                        std::string& error) {
    std::string header, keyHex, fingerprint;
    name.clear();
    std::size_t pos = 0;
    int lineNo = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string line = trimLine(std::string(text.substr(pos, nl - pos)));
        pos = nl + 1;
        if (lineNo++ == 0) {
            header = line;
            continue;
        }
        if (line.rfind("store:", 0) == 0) name = trimLine(line.substr(6));
        else if (line.rfind("key:", 0) == 0) keyHex = trimLine(line.substr(4));
        else if (line.rfind("fingerprint:", 0) == 0) fingerprint = trimLine(line.substr(12));
    }
    std::string raw;
    if (header != "counterplay-public-key v1" || keyHex.size() != 64 || !hexDecode(keyHex, raw)) {
        error = "not a Counterplay public key file (make one with `counterplay key export-public`)";
        return false;
    }
    std::copy(raw.begin(), raw.end(), publicKey.begin());
    if (!fingerprint.empty() && fingerprint != fingerprintOf(publicKey)) {
        error = "the public key file was edited: its fingerprint does not match its key";
        return false;
    }
    return true;
}

std::optional<SigningKey> loadSigningKey(const std::string& path, bool create, std::string& error) {
    std::array<unsigned char, 32> seed{};
    for (int attempt = 0; attempt < 2; ++attempt) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0) {
            std::string bytes;
            if (!readWholeFile(path, bytes, error)) return std::nullopt;
            if (bytes.size() != seed.size()) {
                error = "the signing key " + path + " is damaged or not a Counterplay key (" +
                        std::to_string(bytes.size()) + " bytes, expected 32)";
                return std::nullopt;
            }
            std::copy(bytes.begin(), bytes.end(), seed.begin());
            SigningKey key = SigningKey::fromSeed(seed, storeName());
            // The public key beside it; rewritten when missing or out of date (store renamed).
            const std::string pubPath = publicKeyPathFor(path);
            const std::string pub = publicKeyText(key.storeName, key.publicKey);
            std::string current, ignored;
            if (!readWholeFile(pubPath, current, ignored) || current != pub)
                writeFileAtomic(pubPath, pub, ignored);  // best effort: the private key is enough
            return key;
        }
        if (!create) {
            error = "there is no signing key at " + path +
                    " (it is made by the first attempt recorded or exported on this machine)";
            return std::nullopt;
        }
        if (!ensureDir(std::filesystem::path(path).parent_path().string(), error))
            return std::nullopt;
        if (RAND_bytes(seed.data(), static_cast<int>(seed.size())) != 1) {
            error = "the system random number generator failed";
            return std::nullopt;
        }
        auto file = AtomicFile::create(path, error, 0600);
        if (!file) return std::nullopt;
        file->write(std::string_view(reinterpret_cast<const char*>(seed.data()), seed.size()));
        bool existed = false;
        if (!file->commit(error, /*replace=*/false, &existed) && !existed) return std::nullopt;
        // Created, or another program created it first: read back whichever key won.
    }
    return std::nullopt;
}

// ---- v2 signatures ----------------------------------------------------------------------------

std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '.' || c == '_' || c == '-')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

bool percentDecode(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        std::string byte;
        if (i + 2 >= text.size()) return false;
        std::string hexPair(text.substr(i + 1, 2));
        for (char& c : hexPair) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!hexDecode(hexPair, byte)) return false;
        out += byte;
        i += 2;
    }
    return true;
}

namespace {
std::string signatureHeader(ExportFormat format, const std::string& fingerprint,
                            const std::string& store) {
    return std::string("counterplay-signature v2 format=") + exportFormatName(format) +
           " key=" + fingerprint + " store=" + percentEncode(store);
}
}  // namespace

struct Signer::Impl {
    MdCtx md{EVP_MD_CTX_new()};
};

Signer::Signer(const SigningKey& key, ExportFormat format)
    : impl_(new Impl), key_(key), format_(format) {
    if (!impl_->md || EVP_DigestInit_ex(impl_->md.get(), EVP_sha256(), nullptr) != 1) {
        delete impl_;
        throw std::runtime_error("OpenSSL has no SHA-256");
    }
}

Signer::~Signer() { delete impl_; }

void Signer::update(std::string_view bytes) {
    EVP_DigestUpdate(impl_->md.get(), bytes.data(), bytes.size());
}

std::string Signer::finishHex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(impl_->md.get(), digest, &length);
    return key_.sign(signatureHeader(format_, key_.fingerprint(), key_.storeName) +
                     "\nsha256=" + hexEncode(digest, length));
}

std::string signBytes(const SigningKey& key, ExportFormat format, std::string_view bytes) {
    Signer signer(key, format);
    signer.update(bytes);
    return signer.finishHex();
}

std::string signatureText(ExportFormat format, const SigningKey& key, const std::string& sig) {
    return signatureHeader(format, key.fingerprint(), key.storeName) + " sig=" + sig;
}

std::string csvSignatureLine(const SigningKey& key, const std::string& sig) {
    return "# " + signatureText(ExportFormat::Csv, key, sig) + "\r\n";
}

std::string htmlSignatureLine(const SigningKey& key, const std::string& sig) {
    return "<!-- " + signatureText(ExportFormat::Html, key, sig) + " -->\n";
}

std::string detachedSignature(const SigningKey& key, const std::string& sig,
                              ExportFormat format) {
    return signatureText(format, key, sig) + "\n";
}

std::string signJsonDocument(nlohmann::json document, const SigningKey& key) {
    document.erase("signature");
    const std::string sig = signBytes(key, ExportFormat::Json, dumpJson(document, -1));
    document["signature"] = {{"scheme", "counterplay-signature v2"},
                             {"format", "json"},
                             {"key", key.fingerprint()},
                             {"store", key.storeName},
                             {"sig", sig}};
    return dumpJson(document, 2) + "\n";
}

// ---- v1 (HMAC) --------------------------------------------------------------------------------

std::string SiteKey::id() const {
    return sha256Hex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()))
        .substr(0, 16);
}

std::optional<SiteKey> loadSiteKey(const std::string& path, bool create, std::string& error) {
    SiteKey key;
    for (int attempt = 0; attempt < 2; ++attempt) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0) {
            std::string bytes;
            if (!readWholeFile(path, bytes, error)) return std::nullopt;
            if (bytes.size() != key.bytes.size()) {
                error = "the site key " + path + " is damaged or not a Counterplay key (" +
                        std::to_string(bytes.size()) + " bytes, expected 32)";
                return std::nullopt;
            }
            std::copy(bytes.begin(), bytes.end(), key.bytes.begin());
            return key;
        }
        if (!create) {
            error = "there is no site key at " + path;
            return std::nullopt;
        }
        if (!ensureDir(std::filesystem::path(path).parent_path().string(), error))
            return std::nullopt;
        if (RAND_bytes(key.bytes.data(), static_cast<int>(key.bytes.size())) != 1) {
            error = "the system random number generator failed";
            return std::nullopt;
        }
        auto file = AtomicFile::create(path, error, 0600);
        if (!file) return std::nullopt;
        file->write(std::string_view(reinterpret_cast<const char*>(key.bytes.data()),
                                     key.bytes.size()));
        bool existed = false;
        if (file->commit(error, /*replace=*/false, &existed)) return key;
        if (!existed) return std::nullopt;
    }
    return std::nullopt;
}

std::string legacyMacHex(const SiteKey& key, ExportFormat format, std::string_view bytes) {
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_END};
    std::string result;
    if (ctx && EVP_MAC_init(ctx, key.bytes.data(), key.bytes.size(), params) == 1) {
        const std::string domain =
            std::string("counterplay-signature v1 format=") + exportFormatName(format) + "\n";
        EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(domain.data()), domain.size());
        EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
        unsigned char out[EVP_MAX_MD_SIZE];
        std::size_t length = 0;
        if (EVP_MAC_final(ctx, out, &length, sizeof out) == 1) result = hexEncode(out, length);
    }
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    if (result.empty()) throw std::runtime_error("OpenSSL has no HMAC-SHA256");
    return result;
}

std::string legacySignatureText(ExportFormat format, const SiteKey& key, const std::string& mac) {
    return std::string("counterplay-signature v1 format=") + exportFormatName(format) +
           " key=" + key.id() + " mac=" + mac;
}

std::string legacySignJsonDocument(nlohmann::json document, const SiteKey& key) {
    document.erase("signature");
    const std::string mac = legacyMacHex(key, ExportFormat::Json, dumpJson(document, -1));
    document["signature"] = {{"scheme", "counterplay-signature v1"},
                             {"format", "json"},
                             {"key", key.id()},
                             {"mac", mac}};
    return dumpJson(document, 2) + "\n";
}

}  // namespace counterplay::core
