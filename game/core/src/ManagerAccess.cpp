// The manager passphrase file (see ManagerAccess.h): a small JSON object with the scrypt
// parameters, salt and hash (OpenSSL 3 EVP_KDF "SCRYPT") and the wrong-try state, written
// atomically with mode 0600.
#include "counterplay/core/ManagerAccess.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "Utf8.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "results/HexBytes.h"

namespace counterplay::core {
namespace {

constexpr const char* kFormat = "counterplay-manager-passphrase";
constexpr std::uint64_t kScryptN = 1u << 15;  // 32 MiB with r = 8: ~0.1 s per check
constexpr std::uint32_t kScryptR = 8;
constexpr std::uint32_t kScryptP = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::int64_t kMaxWaitMs = 30000;

/// What the file holds. `valid` false: missing fields or values out of range (damaged).
struct Record {
    bool valid = false;
    std::uint64_t n = kScryptN;
    std::uint32_t r = kScryptR;
    std::uint32_t p = kScryptP;
    std::string salt;  // raw bytes
    std::string hash;  // raw bytes
    int failures = 0;
    std::int64_t lockedUntilMs = 0;
};

/// scrypt(passphrase, salt) with the given parameters; throws std::runtime_error when OpenSSL
/// fails (it should not with the parameters we accept).
std::string scrypt(const std::string& passphrase, const std::string& salt, std::uint64_t n,
                   std::uint32_t r, std::uint32_t p) {
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    if (!kdf) throw std::runtime_error("OpenSSL has no scrypt");
    EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    if (!ctx) throw std::runtime_error("OpenSSL: out of memory");
    std::uint64_t maxmem = 256ull * 1024 * 1024;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          const_cast<char*>(passphrase.data()), passphrase.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()),
                                          salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end()};
    std::string out(kHashBytes, '\0');
    const int rc = EVP_KDF_derive(ctx, reinterpret_cast<unsigned char*>(out.data()), out.size(),
                                  params);
    EVP_KDF_CTX_free(ctx);
    if (rc != 1) throw std::runtime_error("OpenSSL scrypt failed");
    return out;
}

/// Reads the file. nullopt when it does not exist; a Record with valid false when it exists but
/// cannot be read or understood.
std::optional<Record> load(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
    Record rec;
    std::string text, error;
    if (!readWholeFile(path, text, error)) return rec;
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        if (j.at("format").get<std::string>() != kFormat || j.at("version").get<int>() != 1 ||
            j.at("kdf").get<std::string>() != "scrypt")
            return rec;
        rec.n = j.at("n").get<std::uint64_t>();
        rec.r = j.at("r").get<std::uint32_t>();
        rec.p = j.at("p").get<std::uint32_t>();
        rec.failures = std::max(0, j.value("failures", 0));
        rec.lockedUntilMs = j.value("lockedUntilMs", std::int64_t{0});
        // Bounds keep a tampered file from making a check take minutes or gigabytes.
        const bool sane = rec.n >= 1024 && rec.n <= (1u << 20) && (rec.n & (rec.n - 1)) == 0 &&
                          rec.r >= 1 && rec.r <= 16 && rec.p >= 1 && rec.p <= 4;
        if (!sane || !hexDecode(j.at("salt").get<std::string>(), rec.salt) ||
            !hexDecode(j.at("hash").get<std::string>(), rec.hash) || rec.salt.size() < 8 ||
            rec.hash.size() != kHashBytes)
            return rec;
        rec.valid = true;
    } catch (const std::exception&) {
        return rec;
    }
    return rec;
}

/// Writes the record (temp file + fsync + rename, mode 0600). False and `error` on failure.
bool save(const std::string& path, const Record& rec, std::string& error) {
    const auto hex = [](const std::string& raw) {
        return hexEncode(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    };
    const nlohmann::json j = {{"format", kFormat},       {"version", 1},
                              {"kdf", "scrypt"},         {"n", rec.n},
                              {"r", rec.r},              {"p", rec.p},
                              {"salt", hex(rec.salt)},   {"hash", hex(rec.hash)},
                              {"failures", rec.failures}, {"lockedUntilMs", rec.lockedUntilMs}};
    const auto parent = std::filesystem::path(path).parent_path().string();
    if (!parent.empty() && !ensureDir(parent, error)) return false;
    return writeFileAtomic(path, j.dump(2) + "\n", error, 0600);
}

}  // namespace

std::string managerPassphrasePath() {
    if (const char* env = std::getenv("COUNTERPLAY_MANAGER_FILE"); env && *env) return env;
    return dataDir() + "/manager.json";
}

ManagerPassphrase::ManagerPassphrase(std::string filePath) : path_(std::move(filePath)) {}

bool ManagerPassphrase::isSet() const { return load(path_).has_value(); }

int ManagerPassphrase::failures() const {
    const auto rec = load(path_);
    return std::max(unsavedFailures_, rec ? rec->failures : 0);
}

std::int64_t ManagerPassphrase::waitRemainingMs(std::int64_t nowMs) const {
    const auto rec = load(path_);
    const int failures = std::max(unsavedFailures_, rec ? rec->failures : 0);
    std::int64_t lockedUntil = std::max(unsavedLockedUntilMs_, rec ? rec->lockedUntilMs : 0);
    if (lockedUntil > nowMs + kMaxWaitMs) lockedUntil = nowMs + waitAfter(failures);  // as check()
    return std::max<std::int64_t>(0, lockedUntil - nowMs);
}

std::int64_t ManagerPassphrase::waitAfter(int failures) {
    if (failures <= 0) return 0;
    if (failures > 6) return kMaxWaitMs;  // 2^5 s already exceeds the cap
    return std::min<std::int64_t>(kMaxWaitMs, std::int64_t{1000} << (failures - 1));
}

bool ManagerPassphrase::longEnough(std::string_view passphrase) {
    return utf8::codePoints(passphrase) >= static_cast<std::size_t>(kMinLength);
}

void ManagerPassphrase::set(const std::string& passphrase) {
    if (!longEnough(passphrase))
        throw std::runtime_error("the passphrase is too short (at least " +
                                 std::to_string(kMinLength) + " characters)");
    Record rec;
    rec.salt.assign(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(rec.salt.data()),
                   static_cast<int>(rec.salt.size())) != 1)
        throw std::runtime_error("no random bytes for the passphrase salt");
    rec.hash = scrypt(passphrase, rec.salt, rec.n, rec.r, rec.p);
    rec.valid = true;
    std::string error;
    if (!save(path_, rec, error))
        throw std::runtime_error("cannot save the manager passphrase: " + error);
    unsavedFailures_ = 0;
    unsavedLockedUntilMs_ = 0;
}

ManagerPassphrase::Check ManagerPassphrase::check(const std::string& passphrase,
                                                  std::int64_t nowMs) {
    Check result;
    auto rec = load(path_);
    if (!rec) return result;  // nothing set: nothing can match
    int failures = std::max(rec->failures, unsavedFailures_);
    std::int64_t lockedUntil = std::max(rec->lockedUntilMs, unsavedLockedUntilMs_);
    // A clock set back would otherwise leave a wait of hours: never wait longer than the cap.
    if (lockedUntil > nowMs + kMaxWaitMs) lockedUntil = nowMs + waitAfter(failures);
    if (nowMs < lockedUntil) {
        result.waitMs = lockedUntil - nowMs;
        result.retryAfterMs = result.waitMs;
        return result;
    }
    bool ok = false;
    if (rec->valid) {
        const std::string got = scrypt(passphrase, rec->salt, rec->n, rec->r, rec->p);
        ok = CRYPTO_memcmp(got.data(), rec->hash.data(), got.size()) == 0;
    }
    std::string error;
    if (ok) {
        result.ok = true;
        unsavedFailures_ = 0;
        unsavedLockedUntilMs_ = 0;
        if (rec->failures != 0 || rec->lockedUntilMs != 0) {
            rec->failures = 0;
            rec->lockedUntilMs = 0;
            save(path_, *rec, error);  // a stale count only means one longer wait next time
        }
        return result;
    }
    ++failures;
    result.retryAfterMs = waitAfter(failures);
    if (rec->valid) {
        rec->failures = failures;
        rec->lockedUntilMs = nowMs + result.retryAfterMs;
        if (save(path_, *rec, error)) {
            unsavedFailures_ = 0;
            unsavedLockedUntilMs_ = 0;
            return result;
        }
    }
    unsavedFailures_ = failures;
    unsavedLockedUntilMs_ = nowMs + result.retryAfterMs;
    return result;
}

bool ManagerPassphrase::change(const std::string& oldPass, const std::string& newPass,
                               std::int64_t nowMs) {
    if (!longEnough(newPass))
        throw std::runtime_error("the passphrase is too short (at least " +
                                 std::to_string(kMinLength) + " characters)");
    if (!check(oldPass, nowMs).ok) return false;
    set(newPass);
    return true;
}

}  // namespace counterplay::core
