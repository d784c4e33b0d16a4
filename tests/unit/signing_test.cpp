// Signing and verify: Ed25519 key files, that verify accepts an untouched export of each format
// from a trusted key and rejects an edit to ANY single byte (signature included), that another
// machine's key pair cannot pass as ours, that an unknown signer is named, and that old HMAC
// exports still verify on the machine holding the old site key.
#include "counterplay/core/Signing.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Keyring.h"

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

SigningKey testKey(unsigned char fill = 7, const std::string& store = "Gangnam") {
    std::array<unsigned char, 32> seed{};
    seed.fill(fill);
    return SigningKey::fromSeed(seed, store);
}

Trust trustOnly(const SigningKey& key) {
    Trust t;
    t.addOwn(key);
    return t;
}

std::string signedCsv(const SigningKey& key) {
    const std::string body = "\xEF\xBB\xBF" "a,b\r\n1,\"x,y\"\r\n";
    return body + csvSignatureLine(key, signBytes(key, ExportFormat::Csv, body));
}

std::string signedHtml(const SigningKey& key) {
    const std::string body = "<!DOCTYPE html>\n<html><body>ok</body></html>\n";
    return body + htmlSignatureLine(key, signBytes(key, ExportFormat::Html, body));
}

std::string signedJson(const SigningKey& key) {
    return signJsonDocument({{"format", "counterplay-export"}, {"attempts", {1, 2}}, {"name", "\xEA\xB9\x80"}},
                            key);
}

/// Flips each byte in turn and expects verify to fail.
void expectEveryByteEditCaught(const std::string& bytes, const std::string* sig, const Trust& trust) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string edited = bytes;
        edited[i] = static_cast<char>(edited[i] ^ 0x01);
        EXPECT_FALSE(verifyExportBytes(edited, sig, trust).ok) << "byte " << i << " of " << bytes;
    }
}

fs::path tempDir() {
    std::string tmpl = (fs::temp_directory_path() / "cp-key-XXXXXX").string();
    return mkdtemp(tmpl.data());
}

}  // namespace

TEST(Signing, Ed25519KnownAnswerRfc8032) {
    // RFC 8032 section 7.1, TEST 1 (empty message).
    std::string seedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    std::array<unsigned char, 32> seed{};
    for (int i = 0; i < 32; ++i) seed[i] = static_cast<unsigned char>(std::stoi(seedHex.substr(i * 2, 2), nullptr, 16));
    const SigningKey k = SigningKey::fromSeed(seed, "x");
    EXPECT_EQ(k.sign(""),
              "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    EXPECT_TRUE(verifySignature(k.publicKey, "", k.sign("")));
    EXPECT_FALSE(verifySignature(k.publicKey, "x", k.sign("")));
    EXPECT_EQ(k.fingerprint().size(), 64u);
    EXPECT_EQ(shortFingerprint(k.fingerprint()).size(), 16u);
}

TEST(Signing, SigningKeyIsCreatedOnceWithMode0600AndAPublicKeyBesideIt) {
    const fs::path dir = tempDir();
    const std::string path = (dir / "sub" / "signing.key").string();
    std::string error;
    EXPECT_FALSE(loadSigningKey(path, false, error));
    EXPECT_NE(error.find("no signing key"), std::string::npos);
    auto k1 = loadSigningKey(path, true, error);
    ASSERT_TRUE(k1) << error;
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(st.st_size, 32);
    auto k2 = loadSigningKey(path, true, error);
    ASSERT_TRUE(k2);
    EXPECT_EQ(k1->publicKey, k2->publicKey);
    std::string pub;
    ASSERT_TRUE(readWholeFile((dir / "sub" / "signing.pub").string(), pub, error)) << error;
    std::string name;
    PublicKeyBytes parsed{};
    ASSERT_TRUE(parsePublicKeyText(pub, name, parsed, error)) << error;
    EXPECT_EQ(parsed, k1->publicKey);
    EXPECT_EQ(name, k1->storeName);
    ASSERT_TRUE(writeFileAtomic(path, "short", error));
    EXPECT_FALSE(loadSigningKey(path, true, error));
    EXPECT_NE(error.find("expected 32"), std::string::npos);
    fs::remove_all(dir);
}

TEST(Signing, PublicKeyTextRoundTripsAndRejectsEdits) {
    const SigningKey k = testKey();
    const std::string text = publicKeyText("Gangnam", k.publicKey);
    std::string name, error;
    PublicKeyBytes pub{};
    ASSERT_TRUE(parsePublicKeyText(text, name, pub, error));
    EXPECT_EQ(name, "Gangnam");
    EXPECT_EQ(pub, k.publicKey);
    std::string edited = text;
    edited[edited.find("key: ") + 5] ^= 0x01;
    EXPECT_FALSE(parsePublicKeyText(edited, name, pub, error));
    EXPECT_FALSE(parsePublicKeyText("hello", name, pub, error));
}

TEST(Signing, VerifiesUntouchedExportsOfEveryFormat) {
    const SigningKey key = testKey();
    const Trust trust = trustOnly(key);
    for (const std::string& bytes : {signedCsv(key), signedHtml(key), signedJson(key)}) {
        const VerifyResult r = verifyExportBytes(bytes, nullptr, trust);
        EXPECT_TRUE(r.ok) << r.message << "\n" << bytes;
        EXPECT_EQ(r.keyId, key.fingerprint());
        EXPECT_EQ(r.storeName, "Gangnam");
    }
    const std::string xapi = "[{\"id\":\"x\"}]";
    const std::string sig = detachedSignature(key, signBytes(key, ExportFormat::Xapi, xapi));
    EXPECT_TRUE(verifyExportBytes(xapi, &sig, trust).ok);
    EXPECT_EQ(verifyExportBytes(signedCsv(key), nullptr, trust).format, "csv");
    // A store name with spaces, commas and Korean survives the signature line.
    const SigningKey korean = testKey(7, "\xEA\xB0\x95\xEB\x82\xA8, 2 -- store");
    const VerifyResult r = verifyExportBytes(signedHtml(korean), nullptr, trustOnly(korean));
    EXPECT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.storeName, korean.storeName);
}

TEST(Signing, CatchesAnEditToAnyByte) {
    const SigningKey key = testKey();
    const Trust trust = trustOnly(key);
    expectEveryByteEditCaught(signedCsv(key), nullptr, trust);
    expectEveryByteEditCaught(signedHtml(key), nullptr, trust);
    expectEveryByteEditCaught(signedJson(key), nullptr, trust);
    const std::string xapi = "[{\"id\":\"x\"}]";
    std::string sig = detachedSignature(key, signBytes(key, ExportFormat::Xapi, xapi));
    expectEveryByteEditCaught(xapi, &sig, trust);
    for (std::size_t i = 0; i < sig.size(); ++i) {
        std::string edited = sig;
        edited[i] = static_cast<char>(edited[i] ^ 0x01);
        EXPECT_FALSE(verifyExportBytes(xapi, &edited, trust).ok) << "sig byte " << i;
    }
    // A CSV export with its signature in FILE.csv.sig: every byte of both.
    const std::string csv = "\xEF\xBB\xBF" "a,b\r\n1,\"x,y\"\r\n";
    const std::string csvSig =
        detachedSignature(key, signBytes(key, ExportFormat::Csv, csv), ExportFormat::Csv);
    ASSERT_TRUE(verifyExportBytes(csv, &csvSig, trust).ok);
    expectEveryByteEditCaught(csv, &csvSig, trust);
    for (std::size_t i = 0; i < csvSig.size(); ++i) {
        std::string edited = csvSig;
        edited[i] = static_cast<char>(edited[i] ^ 0x01);
        EXPECT_FALSE(verifyExportBytes(csv, &edited, trust).ok) << "csv sig byte " << i;
    }
    // An xAPI signature does not pass for a CSV file, nor the other way round.
    EXPECT_FALSE(verifyExportBytes(csv, &sig, trust).ok);
    EXPECT_FALSE(verifyExportBytes(xapi, &csvSig, trust).ok);
}

TEST(Signing, CsvFilesVerifyBySidecarOrByTheirOldTrailingLine) {
    const SigningKey key = testKey();
    const Trust trust = trustOnly(key);
    const fs::path dir = tempDir();
    const std::string body = "\xEF\xBB\xBF" "a,b\r\n1,counterplay-signature\r\n";
    const std::string sidecar =
        detachedSignature(key, signBytes(key, ExportFormat::Csv, body), ExportFormat::Csv);
    std::string error;
    ASSERT_TRUE(writeFileAtomic((dir / "new.csv").string(), body, error));
    ASSERT_TRUE(writeFileAtomic((dir / "new.csv.sig").string(), sidecar, error));
    EXPECT_TRUE(verifyExportFile((dir / "new.csv").string(), trust).ok);
    ASSERT_TRUE(writeFileAtomic((dir / "old.csv").string(), signedCsv(key), error));
    EXPECT_TRUE(verifyExportFile((dir / "old.csv").string(), trust).ok);  // no sidecar needed
    ASSERT_TRUE(writeFileAtomic((dir / "bare.csv").string(), "\xEF\xBB\xBF" "a,b\r\n1,2\r\n", error));
    const VerifyResult bare = verifyExportFile((dir / "bare.csv").string(), trust);
    EXPECT_EQ(bare.status, VerifyStatus::NoSignature);
    EXPECT_NE(bare.message.find("bare.csv.sig"), std::string::npos) << bare.message;
    std::string edited = body;
    edited[5] ^= 0x01;
    ASSERT_TRUE(writeFileAtomic((dir / "new.csv").string(), edited, error));
    EXPECT_FALSE(verifyExportFile((dir / "new.csv").string(), trust).ok);
    fs::remove_all(dir);
}

TEST(Signing, CatchesAppendedRemovedAndReformattedBytes) {
    const SigningKey key = testKey();
    const Trust trust = trustOnly(key);
    const std::string csv = signedCsv(key);
    EXPECT_FALSE(verifyExportBytes(csv + "x", nullptr, trust).ok);
    EXPECT_FALSE(verifyExportBytes(csv.substr(1), nullptr, trust).ok);
    EXPECT_FALSE(verifyExportBytes("x" + csv, nullptr, trust).ok);
    const std::string json = signedJson(key);
    EXPECT_FALSE(verifyExportBytes(json + " ", nullptr, trust).ok);
    std::string reformatted = nlohmann::json::parse(json).dump(4) + "\n";
    const VerifyResult r = verifyExportBytes(reformatted, nullptr, trust);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.message.find("bytes were changed"), std::string::npos) << r.message;
    EXPECT_FALSE(verifyExportBytes("a,b\r\n", nullptr, trust).ok);
}

TEST(Signing, AnotherMachinesKeyPairCannotSignAsOurs) {
    const SigningKey ours = testKey(1), theirs = testKey(2);
    const Trust trust = trustOnly(ours);
    // Their signature with our fingerprint and store name put in its place: rejected as an edit.
    std::string forged = signedCsv(theirs);
    const std::string theirFp = theirs.fingerprint();
    forged.replace(forged.find(theirFp), theirFp.size(), ours.fingerprint());
    const VerifyResult r = verifyExportBytes(forged, nullptr, trust);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.status, VerifyStatus::Changed);
    EXPECT_NE(r.message.find("the file was changed after signing"), std::string::npos) << r.message;
}

TEST(Signing, UnknownSignerIsNamedAndTrustingItMakesItVerify) {
    const SigningKey ours = testKey(1), theirs = testKey(2, "Busan");
    Trust trust = trustOnly(ours);
    const std::string json = signedJson(theirs);
    const VerifyResult r = verifyExportBytes(json, nullptr, trust);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.status, VerifyStatus::UnknownSigner);
    EXPECT_EQ(r.message, "signed by an unknown key " + shortFingerprint(theirs.fingerprint()) +
                             "\xE2\x80\xA6 (store 'Busan'): run `counterplay key trust` with that "
                             "store's public key");
    TrustedKey t;
    t.name = "Busan";
    t.publicKey = theirs.publicKey;
    t.fingerprint = theirs.fingerprint();
    trust.keys.push_back(t);
    const VerifyResult ok = verifyExportBytes(json, nullptr, trust);
    EXPECT_TRUE(ok.ok) << ok.message;
    EXPECT_EQ(ok.trustedName, "Busan");
}

TEST(Signing, OldHmacExportsVerifyOnlyWithTheOldSiteKey) {
    SiteKey site;
    site.bytes.fill(7);
    // printf 'counterplay-signature v1 format=csv\nhello' |
    //   openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf '07%.0s' {1..32})
    EXPECT_EQ(legacyMacHex(site, ExportFormat::Csv, "hello"),
              "e979f25554217e346c708c5ac4c8a72a1a57f74a0709810fa4360cecec8ef040");
    const std::string body = "a,b\r\n";
    const std::string csv = body + "# " +
                            legacySignatureText(ExportFormat::Csv, site,
                                                legacyMacHex(site, ExportFormat::Csv, body)) +
                            "\r\n";
    const std::string json = legacySignJsonDocument({{"attempts", {1}}}, site);
    Trust trust = trustOnly(testKey());
    EXPECT_EQ(verifyExportBytes(csv, nullptr, trust).status, VerifyStatus::UnknownSigner);
    trust.legacySiteKey = site;
    for (const std::string& bytes : {csv, json}) {
        const VerifyResult r = verifyExportBytes(bytes, nullptr, trust);
        EXPECT_TRUE(r.ok) << r.message;
        EXPECT_TRUE(r.legacy);
        expectEveryByteEditCaught(bytes, nullptr, trust);
    }
}
