// The keyring of trusted public keys and the machine's trust (see Keyring.h).
#include "counterplay/core/Keyring.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Integrity.h"
#include "counterplay/core/ResultsStore.h"
#include "results/HexBytes.h"

namespace counterplay::core {

bool Keyring::load(const std::string& path, std::string& error) {
    keys_.clear();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return true;
    std::string bytes;
    if (!readWholeFile(path, bytes, error)) return false;
    const auto j = nlohmann::json::parse(bytes, nullptr, false);
    const std::string damaged = "the keyring " + path + " is damaged";
    if (!j.is_object() || j.value("format", "") != "counterplay-keyring" ||
        !j.contains("keys") || !j["keys"].is_array()) {
        error = damaged;
        return false;
    }
    for (const auto& k : j["keys"]) {
        TrustedKey t;
        std::string raw;
        if (!k.is_object() || !k.contains("public_key") || !k["public_key"].is_string() ||
            !hexDecode(k["public_key"].get<std::string>(), raw) || raw.size() != 32) {
            error = damaged + " (a key is not 64 hex digits)";
            return false;
        }
        std::copy(raw.begin(), raw.end(), t.publicKey.begin());
        t.fingerprint = fingerprintOf(t.publicKey);
        t.name = k.value("name", "");
        std::int64_t ms = 0;
        if (k.contains("added_at") && k["added_at"].is_string() &&
            parseDateMs(k["added_at"].get<std::string>().substr(0, 19), false, ms))
            t.addedAtMs = ms;
        keys_.push_back(std::move(t));
    }
    return true;
}

bool Keyring::save(const std::string& path, std::string& error) const {
    nlohmann::json keys = nlohmann::json::array();
    for (const TrustedKey& k : keys_)
        keys.push_back({{"name", k.name},
                        {"public_key", hexEncode(k.publicKey.data(), k.publicKey.size())},
                        {"fingerprint", k.fingerprint},
                        {"added_at", formatIsoUtc(k.addedAtMs)}});
    const nlohmann::json doc = {{"format", "counterplay-keyring"}, {"version", 1}, {"keys", keys}};
    if (!ensureDir(std::filesystem::path(path).parent_path().string(), error)) return false;
    return writeFileAtomic(path,
                           doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                           error);
}

const TrustedKey& Keyring::add(const std::string& name, const PublicKeyBytes& publicKey,
                               std::int64_t addedAtMs) {
    const std::string fp = fingerprintOf(publicKey);
    for (TrustedKey& k : keys_)
        if (k.fingerprint == fp) {
            k.name = name;
            return k;
        }
    TrustedKey t;
    t.name = name;
    t.publicKey = publicKey;
    t.fingerprint = fp;
    t.addedAtMs = addedAtMs;
    keys_.push_back(std::move(t));
    return keys_.back();
}

const TrustedKey* Keyring::find(const std::string& fingerprint) const {
    for (const TrustedKey& k : keys_)
        if (k.fingerprint == fingerprint) return &k;
    return nullptr;
}

const TrustedKey* Trust::find(const std::string& fingerprint) const {
    for (const TrustedKey& k : keys)
        if (k.fingerprint == fingerprint) return &k;
    return nullptr;
}

void Trust::addOwn(const SigningKey& key) {
    TrustedKey t;
    t.name = key.storeName;
    t.publicKey = key.publicKey;
    t.fingerprint = key.fingerprint();
    t.own = true;
    keys.insert(keys.begin(), std::move(t));
    memoKey = sealMemoKey(key);
}

Trust loadTrust(std::string& warning) {
    Trust trust;
    std::string error;
    if (std::filesystem::exists(signingKeyPath())) {
        if (auto own = loadSigningKey(signingKeyPath(), false, error)) trust.addOwn(*own);
        else warning = error;
    }
    Keyring ring;
    if (ring.load(keyringPath(), error)) {
        for (const TrustedKey& k : ring.keys())
            if (!trust.find(k.fingerprint)) trust.keys.push_back(k);
    } else {
        warning = error;
    }
    if (std::filesystem::exists(siteKeyPath()))
        trust.legacySiteKey = loadSiteKey(siteKeyPath(), false, error);
    return trust;
}

}  // namespace counterplay::core
