// HMAC-SHA256 signing with OpenSSL 3 EVP_MAC and the site key file (see Signing.h).
#include "counterplay/core/Signing.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>

#include <filesystem>
#include <stdexcept>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Hash.h"

namespace counterplay::core {
namespace {

std::string hex(const unsigned char* p, std::size_t n) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += kHex[p[i] >> 4];
        out += kHex[p[i] & 0xF];
    }
    return out;
}

std::string dumpJson(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

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
            error = "there is no site key at " + path +
                    " (it is made by the first export on this machine)";
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
        // Another program created the key first: use that one.
    }
    return std::nullopt;
}

struct Signer::Impl {
    EVP_MAC* mac = nullptr;
    EVP_MAC_CTX* ctx = nullptr;
};

Signer::Signer(const SiteKey& key, ExportFormat format) : impl_(new Impl) {
    impl_->mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (impl_->mac) impl_->ctx = EVP_MAC_CTX_new(impl_->mac);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_END};
    if (!impl_->ctx || EVP_MAC_init(impl_->ctx, key.bytes.data(), key.bytes.size(), params) != 1) {
        EVP_MAC_CTX_free(impl_->ctx);
        EVP_MAC_free(impl_->mac);
        delete impl_;
        throw std::runtime_error("OpenSSL has no HMAC-SHA256");
    }
    update(std::string("counterplay-signature v1 format=") + exportFormatName(format) + "\n");
}

Signer::~Signer() {
    EVP_MAC_CTX_free(impl_->ctx);
    EVP_MAC_free(impl_->mac);
    delete impl_;
}

void Signer::update(std::string_view bytes) {
    EVP_MAC_update(impl_->ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string Signer::finishHex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    std::size_t length = 0;
    EVP_MAC_final(impl_->ctx, out, &length, sizeof out);
    return hex(out, length);
}

std::string signBytes(const SiteKey& key, ExportFormat format, std::string_view bytes) {
    Signer signer(key, format);
    signer.update(bytes);
    return signer.finishHex();
}

std::string signatureText(ExportFormat format, const std::string& keyId, const std::string& mac) {
    return std::string("counterplay-signature v1 format=") + exportFormatName(format) +
           " key=" + keyId + " mac=" + mac;
}

std::string csvSignatureLine(const SiteKey& key, const std::string& mac) {
    return "# " + signatureText(ExportFormat::Csv, key.id(), mac) + "\r\n";
}

std::string htmlSignatureLine(const SiteKey& key, const std::string& mac) {
    return "<!-- " + signatureText(ExportFormat::Html, key.id(), mac) + " -->\n";
}

std::string detachedSignature(const SiteKey& key, const std::string& mac) {
    return signatureText(ExportFormat::Xapi, key.id(), mac) + "\n";
}

std::string signJsonDocument(nlohmann::json document, const SiteKey& key) {
    document.erase("signature");
    const std::string mac = signBytes(key, ExportFormat::Json, dumpJson(document, -1));
    document["signature"] = {{"scheme", "counterplay-signature v1"},
                             {"format", "json"},
                             {"key", key.id()},
                             {"mac", mac}};
    return dumpJson(document, 2) + "\n";
}

}  // namespace counterplay::core
