// Signing and verify: the site key file, HMAC against RFC 4231, and that verify accepts an
// untouched export of each format and rejects an edit to ANY single byte (signature included).
#include "counterplay/core/Signing.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "counterplay/core/AtomicFile.h"

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

SiteKey testKey(unsigned char fill = 7) {
    SiteKey k;
    k.bytes.fill(fill);
    return k;
}

std::string signedCsv(const SiteKey& key) {
    const std::string body = "\xEF\xBB\xBF" "a,b\r\n1,\"x,y\"\r\n";
    return body + csvSignatureLine(key, signBytes(key, ExportFormat::Csv, body));
}

std::string signedHtml(const SiteKey& key) {
    const std::string body = "<!DOCTYPE html>\n<html><body>ok</body></html>\n";
    return body + htmlSignatureLine(key, signBytes(key, ExportFormat::Html, body));
}

std::string signedJson(const SiteKey& key) {
    return signJsonDocument({{"format", "counterplay-export"}, {"attempts", {1, 2}}, {"name", "\xEA\xB9\x80"}},
                            key);
}

/// Flips each byte in turn (and for short inputs, every byte) and expects verify to fail.
void expectEveryByteEditCaught(const std::string& bytes, const std::string* sig, const SiteKey& key) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string edited = bytes;
        edited[i] = static_cast<char>(edited[i] ^ 0x01);
        EXPECT_FALSE(verifyExportBytes(edited, sig, key).ok) << "byte " << i << " of " << bytes;
    }
}

}  // namespace

TEST(Signing, MacDependsOnKeyFormatAndBytes) {
    const SiteKey a = testKey(1), b = testKey(2);
    EXPECT_EQ(signBytes(a, ExportFormat::Csv, "x"), signBytes(a, ExportFormat::Csv, "x"));
    EXPECT_NE(signBytes(a, ExportFormat::Csv, "x"), signBytes(b, ExportFormat::Csv, "x"));
    EXPECT_NE(signBytes(a, ExportFormat::Csv, "x"), signBytes(a, ExportFormat::Html, "x"));
    EXPECT_EQ(signBytes(a, ExportFormat::Csv, "x").size(), 64u);
    Signer s(a, ExportFormat::Csv);
    s.update("x");
    EXPECT_EQ(s.finishHex(), signBytes(a, ExportFormat::Csv, "x"));
}

TEST(Signing, KnownAnswer) {
    // printf 'counterplay-signature v1 format=csv\nhello' |
    //   openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf '07%.0s' {1..32})
    EXPECT_EQ(signBytes(testKey(), ExportFormat::Csv, "hello"),
              "e979f25554217e346c708c5ac4c8a72a1a57f74a0709810fa4360cecec8ef040");
}

TEST(Signing, SiteKeyIsCreatedOnceWithMode0600) {
    std::string tmpl = (fs::temp_directory_path() / "cp-key-XXXXXX").string();
    const fs::path dir = mkdtemp(tmpl.data());
    const std::string path = (dir / "sub" / "site.key").string();
    std::string error;
    EXPECT_FALSE(loadSiteKey(path, false, error));
    EXPECT_NE(error.find("no site key"), std::string::npos);
    auto k1 = loadSiteKey(path, true, error);
    ASSERT_TRUE(k1) << error;
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(st.st_size, 32);
    auto k2 = loadSiteKey(path, true, error);
    ASSERT_TRUE(k2);
    EXPECT_EQ(k1->bytes, k2->bytes);
    EXPECT_EQ(k1->id().size(), 16u);
    ASSERT_TRUE(writeFileAtomic(path, "short", error));
    EXPECT_FALSE(loadSiteKey(path, true, error));
    EXPECT_NE(error.find("expected 32"), std::string::npos);
    fs::remove_all(dir);
}

TEST(Signing, VerifiesUntouchedExportsOfEveryFormat) {
    const SiteKey key = testKey();
    for (const std::string& bytes : {signedCsv(key), signedHtml(key), signedJson(key)}) {
        const VerifyResult r = verifyExportBytes(bytes, nullptr, key);
        EXPECT_TRUE(r.ok) << r.message << "\n" << bytes;
    }
    const std::string xapi = "[{\"id\":\"x\"}]";
    const std::string sig = detachedSignature(key, signBytes(key, ExportFormat::Xapi, xapi));
    EXPECT_TRUE(verifyExportBytes(xapi, &sig, key).ok);
    EXPECT_EQ(verifyExportBytes(signedCsv(key), nullptr, key).format, "csv");
}

TEST(Signing, CatchesAnEditToAnyByte) {
    const SiteKey key = testKey();
    expectEveryByteEditCaught(signedCsv(key), nullptr, key);
    expectEveryByteEditCaught(signedHtml(key), nullptr, key);
    expectEveryByteEditCaught(signedJson(key), nullptr, key);
    const std::string xapi = "[{\"id\":\"x\"}]";
    std::string sig = detachedSignature(key, signBytes(key, ExportFormat::Xapi, xapi));
    expectEveryByteEditCaught(xapi, &sig, key);
    for (std::size_t i = 0; i < sig.size(); ++i) {
        std::string edited = sig;
        edited[i] = static_cast<char>(edited[i] ^ 0x01);
        EXPECT_FALSE(verifyExportBytes(xapi, &edited, key).ok) << "sig byte " << i;
    }
}

TEST(Signing, CatchesAppendedRemovedAndReformattedBytes) {
    const SiteKey key = testKey();
    const std::string csv = signedCsv(key);
    EXPECT_FALSE(verifyExportBytes(csv + "x", nullptr, key).ok);
    EXPECT_FALSE(verifyExportBytes(csv.substr(1), nullptr, key).ok);
    EXPECT_FALSE(verifyExportBytes("x" + csv, nullptr, key).ok);
    const std::string json = signedJson(key);
    EXPECT_FALSE(verifyExportBytes(json + " ", nullptr, key).ok);
    std::string reformatted = nlohmann::json::parse(json).dump(4) + "\n";
    const VerifyResult r = verifyExportBytes(reformatted, nullptr, key);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.message.find("bytes were changed"), std::string::npos) << r.message;
    const VerifyResult other = verifyExportBytes(csv, nullptr, testKey(9));
    EXPECT_FALSE(other.ok);
    EXPECT_NE(other.message.find("another site key"), std::string::npos);
    EXPECT_FALSE(verifyExportBytes("a,b\r\n", nullptr, key).ok);
}
