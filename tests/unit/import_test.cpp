// Importing JSON exports from another machine: refused (nothing stored) when the signer is not
// trusted or the file was edited; accepted once trusted, keeping uuid, origin and seal; importing
// twice adds nothing; a file holding an altered attempt is refused.
#include "counterplay/core/Import.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "counterplay/core/Export.h"
#include "counterplay/core/Integrity.h"
#include "results_fixture.h"

namespace counterplay::testing {
namespace {

class Import : public ResultsFixture {
protected:
    void SetUp() override {
        ResultsFixture::SetUp();
        std::string error;
        other = core::ResultsStore::open((dir / "other.db").string(), error);
        ASSERT_TRUE(other) << error;
        otherKey = testKey(9);
        otherKey.storeName = "Busan";
        other->setSigningKey(std::make_shared<const core::SigningKey>(otherKey));
    }
    void TearDown() override {
        other.reset();
        ResultsFixture::TearDown();
    }
    std::string exportOther(const core::ExportOptions& options = {}) {
        core::StringSink sink;
        core::exportJson(*other, options, otherKey, sink);
        return sink.data;
    }
    core::Trust ownOnly() const {
        core::Trust t;
        t.addOwn(key);
        return t;
    }
    core::Trust withOther() const {
        core::Trust t = ownOnly();
        core::TrustedKey k;
        k.name = "Busan";
        k.publicKey = otherKey.publicKey;
        k.fingerprint = otherKey.fingerprint();
        t.keys.push_back(k);
        return t;
    }
    std::unique_ptr<core::ResultsStore> other;
    core::SigningKey otherKey;
};

TEST_F(Import, UnknownSignerIsRefusedThenTrustedImportsOnce) {
    other->recordAttempt(sampleAttempt("Ann"));
    other->recordAttempt(sampleAttempt("Bo"));
    const std::string file = exportOther();
    const auto refused = core::importJsonExport(*store, file, ownOnly());
    EXPECT_EQ(refused.status, core::ImportStatus::UnknownSigner);
    EXPECT_NE(refused.message.find("store 'Busan'"), std::string::npos) << refused.message;
    EXPECT_EQ(store->countAttempts(), 0);
    const auto ok = core::importJsonExport(*store, file, withOther());
    ASSERT_TRUE(ok.ok()) << ok.message;
    EXPECT_EQ(ok.added, 2);
    EXPECT_EQ(ok.signerStore, "Busan");
    const auto again = core::importJsonExport(*store, file, withOther());
    ASSERT_TRUE(again.ok()) << again.message;
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.skipped, 2);
    EXPECT_EQ(store->countAttempts(), 2);
    const auto mine = store->listAttempts();
    const auto theirs = other->listAttempts();
    EXPECT_EQ(mine[0].uuid, theirs[0].uuid);
    EXPECT_EQ(mine[0].source, "import");
    EXPECT_EQ(mine[0].originStore, "Busan");
    EXPECT_EQ(mine[0].originFingerprint, otherKey.fingerprint());
    EXPECT_EQ(mine[0].seal, theirs[0].seal);
    for (const auto& r : core::checkAttempts(*store, {}, withOther()))
        EXPECT_TRUE(r.ok()) << r.reason;
}

TEST_F(Import, AnEditedFileIsRefusedWhole) {
    other->recordAttempt(sampleAttempt("Ann"));
    std::string file = exportOther();
    file.replace(file.find("\"Ann\""), 5, "\"Amy\"");
    const auto r = core::importJsonExport(*store, file, withOther());
    EXPECT_EQ(r.status, core::ImportStatus::Changed);
    EXPECT_NE(r.message.find("changed after signing"), std::string::npos) << r.message;
    EXPECT_EQ(store->countAttempts(), 0);
}

TEST_F(Import, AFileHoldingAnAlteredAttemptIsRefusedWhole) {
    other->recordAttempt(sampleAttempt("Ann"));
    const auto bad = other->recordAttempt(sampleAttempt("Bo"));
    core::ExportOptions options;
    options.altered[bad] = "test";
    const auto r = core::importJsonExport(*store, exportOther(options), withOther());
    EXPECT_EQ(r.status, core::ImportStatus::Changed);
    EXPECT_EQ(store->countAttempts(), 0);
}

TEST_F(Import, ASealThatDoesNotMatchIsRefused) {
    other->recordAttempt(sampleAttempt("Ann"));
    // The other machine's database was edited before export: the file is signed, the seal is not
    // valid any more.
    sqlite3_exec(other->handle(), "UPDATE attempts SET trainee_name = 'Mallory'", nullptr, nullptr, nullptr);
    const auto r = core::importJsonExport(*store, exportOther(), withOther());
    EXPECT_EQ(r.status, core::ImportStatus::Changed);
    EXPECT_NE(r.message.find("altered"), std::string::npos) << r.message;
    EXPECT_EQ(store->countAttempts(), 0);
}

}  // namespace
}  // namespace counterplay::testing
