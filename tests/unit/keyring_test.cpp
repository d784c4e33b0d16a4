// The keyring: saved and loaded atomically, adding the same key twice renames it, a damaged
// file is reported, and Trust finds our own key first.
#include "counterplay/core/Keyring.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "counterplay/core/AtomicFile.h"

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {
SigningKey key(unsigned char fill, const std::string& store) {
    std::array<unsigned char, 32> seed{};
    seed.fill(fill);
    return SigningKey::fromSeed(seed, store);
}
}  // namespace

TEST(Keyring, SavesLoadsAndRenames) {
    std::string tmpl = (fs::temp_directory_path() / "cp-ring-XXXXXX").string();
    const fs::path dir = mkdtemp(tmpl.data());
    const std::string path = (dir / "keyring.json").string();
    Keyring ring;
    std::string error;
    ASSERT_TRUE(ring.load(path, error));  // missing = empty
    EXPECT_TRUE(ring.keys().empty());
    const SigningKey a = key(1, "Gangnam"), b = key(2, "Busan");
    ring.add("Gangnam", a.publicKey, 1704067200000);
    ring.add("Busan", b.publicKey, 1704067200000);
    ring.add("Gangnam 2", a.publicKey, 1);
    ASSERT_TRUE(ring.save(path, error)) << error;
    Keyring back;
    ASSERT_TRUE(back.load(path, error)) << error;
    ASSERT_EQ(back.keys().size(), 2u);
    EXPECT_EQ(back.find(a.fingerprint())->name, "Gangnam 2");
    EXPECT_EQ(back.find(b.fingerprint())->addedAtMs, 1704067200000);
    EXPECT_EQ(back.find("00"), nullptr);
    ASSERT_TRUE(writeFileAtomic(path, "{\"format\": \"x\"}", error));
    EXPECT_FALSE(back.load(path, error));
    EXPECT_NE(error.find("damaged"), std::string::npos);
    fs::remove_all(dir);
}

TEST(Keyring, TrustPutsOurOwnKeyFirst) {
    Trust t;
    TrustedKey other;
    other.fingerprint = "ab";
    t.keys.push_back(other);
    const SigningKey own = key(3, "Here");
    t.addOwn(own);
    ASSERT_EQ(t.keys.size(), 2u);
    EXPECT_TRUE(t.keys[0].own);
    EXPECT_EQ(t.find(own.fingerprint())->name, "Here");
}
