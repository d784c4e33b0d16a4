// Seal memo rows (see Integrity.h and ResultsStore.h): the digest of an attempt's stored rows,
// read in three sequential scans without parsing anything, the texts table as a digest chain,
// and the seal_memos table.
#include <openssl/evp.h>

#include <cstring>

#include "counterplay/core/Integrity.h"
#include "counterplay/core/ResultsStore.h"
#include "results/Sqlite.h"
#include "results/StoreWhere.h"

namespace counterplay::core {
namespace {

/// Appends column `col` of `s` to `out`: a type byte, then the value (integers and reals as
/// their 8 bytes, texts and blobs length-prefixed), so no two different rows feed the same bytes.
/// Read through sqlite3_column_value: one call (and one connection lock) per column instead of
/// three; a scan of 100,000 attempts reads about 17 million values.
void appendValue(std::string& out, sqlite3_stmt* s, int col) {
    sqlite3_value* v = sqlite3_column_value(s, col);
    const int type = sqlite3_value_type(v);
    out += static_cast<char>(type);
    auto put64 = [&](std::uint64_t x) {
        char b[8];
        for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((x >> (8 * i)) & 0xFF);
        out.append(b, 8);
    };
    switch (type) {
        case SQLITE_INTEGER: put64(static_cast<std::uint64_t>(sqlite3_value_int64(v))); break;
        case SQLITE_FLOAT: {
            const double d = sqlite3_value_double(v);
            std::uint64_t bits = 0;
            std::memcpy(&bits, &d, sizeof bits);
            put64(bits);
            break;
        }
        case SQLITE_TEXT:
        case SQLITE_BLOB: {
            const void* p = type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_value_text(v))
                                                : sqlite3_value_blob(v);
            const int n = sqlite3_value_bytes(v);
            put64(static_cast<std::uint64_t>(n));
            if (n > 0) out.append(static_cast<const char*>(p), static_cast<std::size_t>(n));
            break;
        }
        default: break;  // NULL: the type byte says it all
    }
}

void appendColumns(std::string& out, sqlite3_stmt* s, int from) {
    const int n = sqlite3_column_count(s);
    for (int c = from; c < n; ++c) appendValue(out, s, c);
}

/// SHA-256 with a reused context (OpenSSL 3: the digest is fetched once, not per call).
class Sha256 {
public:
    Sha256() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {}
    ~Sha256() {
        EVP_MD_CTX_free(ctx_);
        EVP_MD_free(md_);
    }
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Digest32 of(std::string_view bytes) {
        Digest32 out{};
        unsigned int n = 0;
        EVP_DigestInit_ex(ctx_, md_, nullptr);
        EVP_DigestUpdate(ctx_, bytes.data(), bytes.size());
        EVP_DigestFinal_ex(ctx_, out.data(), &n);
        return out;
    }

private:
    EVP_MD* md_;
    EVP_MD_CTX* ctx_;
};

/// Appends the texts rows after the chain's last id to `chain`, each digest covering the one
/// before it (an edit to any text changes every digest from there on).
void extendTextsChain(sqlite3* db, std::vector<std::pair<std::int64_t, Digest32>>& chain) {
    sqlite::Stmt s(db, "SELECT id, ko, en FROM texts WHERE id > ? ORDER BY id");
    s.bind(1, chain.empty() ? std::int64_t{0} : chain.back().first);
    Sha256 sha;
    std::string bytes;
    while (s.step()) {
        const Digest32 last = chain.empty() ? Digest32{} : chain.back().second;
        bytes.assign(reinterpret_cast<const char*>(last.data()), last.size());
        bytes += 'T';
        appendColumns(bytes, s.raw(), 0);
        chain.emplace_back(s.i64(0), sha.of(bytes));
    }
}

void bindMemo(sqlite::Stmt& ins, std::int64_t id, const SealMemo& memo) {
    ins.reset();
    ins.bind(1, id);
    sqlite3_bind_blob(ins.raw(), 2, memo.mac.data(), static_cast<int>(memo.mac.size()),
                      SQLITE_TRANSIENT);
    ins.bind(3, memo.replayed).bind(4, memo.textsUpto).run();
}

constexpr const char* kInsertMemo =
    "INSERT OR REPLACE INTO seal_memos(attempt_id, mac, replayed, texts_upto) VALUES(?, ?, ?, ?)";

}  // namespace

void ResultsStore::forEachRowsDigest(
    const AttemptFilter& filter, const std::function<void(const AttemptRowsDigest&)>& visit) const {
    Where w(filter);
    const std::string desc = filter.newestFirst ? " DESC" : "";
    // Columns 0-9 say what the attempt is and carry its memo; the digest covers column 10 (the
    // trainee's key, which the seal covers) onwards: every column of the attempt row and of
    // its record, whatever the schema version adds.
    sqlite::Stmt s(db_, std::string("SELECT a.id, a.uuid, a.source, a.origin_store, "
                                    "a.origin_fingerprint, a.content_hash, a.seal, m.mac, "
                                    "m.replayed, m.texts_upto, t.key, a.*, r.*") +
                            kFrom + " JOIN attempt_records r ON r.attempt_id = a.id" +
                            " LEFT JOIN seal_memos m ON m.attempt_id = a.id" + w.sql + w.order());
    w.bind(s);
    const std::string join = w.sql.empty() ? std::string()
                                           : std::string(" JOIN attempts a ON a.id = x.attempt_id "
                                                         "JOIN trainees t ON t.id = a.trainee_id") +
                                                 w.sql;
    sqlite::Stmt d(db_, "SELECT x.attempt_id, x.* FROM decisions x" + join +
                            " ORDER BY x.attempt_id" + desc + ", x.seq");
    w.bind(d);
    sqlite::Stmt p(db_, "SELECT x.attempt_id, x.* FROM principle_scores x" + join +
                            " ORDER BY x.attempt_id" + desc + ", x.principle_id");
    w.bind(p);
    bool dPending = d.step(), pPending = p.step();
    Sha256 sha;
    std::string bytes;
    AttemptRowsDigest r;
    while (s.step()) {
        r.attemptId = s.i64(0);
        auto before = [&](std::int64_t id) {
            return filter.newestFirst ? id > r.attemptId : id < r.attemptId;
        };
        r.uuid = s.str(1);
        r.source = s.str(2);
        r.originStore = s.str(3);
        r.originFingerprint = s.str(4);
        r.contentHash = s.str(5);
        r.sealed = !s.text(6).empty();
        if (s.isNull(7)) {
            r.memo.reset();
        } else {
            const void* mac = sqlite3_column_blob(s.raw(), 7);
            const int n = sqlite3_column_bytes(s.raw(), 7);
            SealMemo memo;
            if (mac && n > 0) memo.mac.assign(static_cast<const char*>(mac), static_cast<std::size_t>(n));
            memo.replayed = s.i32(8) != 0;
            memo.textsUpto = s.i64(9);
            r.memo = std::move(memo);
        }
        bytes.clear();
        bytes += 'A';
        appendColumns(bytes, s.raw(), 10);
        while (dPending && before(d.i64(0))) dPending = d.step();
        while (dPending && d.i64(0) == r.attemptId) {
            bytes += 'D';
            appendColumns(bytes, d.raw(), 1);
            dPending = d.step();
        }
        while (pPending && before(p.i64(0))) pPending = p.step();
        while (pPending && p.i64(0) == r.attemptId) {
            bytes += 'P';
            appendColumns(bytes, p.raw(), 1);
            pPending = p.step();
        }
        r.digest = sha.of(bytes);
        visit(r);
    }
}

std::vector<std::pair<std::int64_t, Digest32>> ResultsStore::textsChain() const {
    std::vector<std::pair<std::int64_t, Digest32>> out;
    extendTextsChain(db_, out);
    return out;
}

std::int64_t ResultsStore::lastTextId() const {
    sqlite::Stmt s(db_, "SELECT coalesce(max(id), 0) FROM texts");
    return s.step() ? s.i64(0) : 0;
}

void ResultsStore::writeSealMemos(const std::vector<std::pair<std::int64_t, SealMemo>>& memos) {
    if (memos.empty()) return;
    // Within the caller's transaction when there is one (checkAndRemember), else in its own.
    std::optional<sqlite::WriteTransaction> tx;
    if (sqlite3_get_autocommit(db_)) tx.emplace(db_);
    sqlite::Stmt ins(db_, kInsertMemo);
    for (const auto& [id, memo] : memos) bindMemo(ins, id, memo);
    if (tx) tx->commit();
}

void ResultsStore::rememberLocal(std::int64_t id, bool replayed, const SigningKey& key) {
    // Inside the recording transaction: the rows as they read back now are what was sealed.
    AttemptFilter one;
    one.attemptId = id;
    std::optional<Digest32> rows;
    forEachRowsDigest(one, [&](const AttemptRowsDigest& r) { rows = r.digest; });
    if (!rows) return;
    // The texts table grows only by appending in normal use: the cached chain is extended.
    extendTextsChain(db_, textsChain_);
    SealMemo memo;
    memo.replayed = replayed;
    memo.textsUpto = textsChain_.empty() ? 0 : textsChain_.back().first;
    memo.mac = sealMemoMac(sealMemoKey(key), *rows, replayed, memo.textsUpto,
                           textsChain_.empty() ? Digest32{} : textsChain_.back().second);
    sqlite::Stmt ins(db_, kInsertMemo);
    bindMemo(ins, id, memo);
}

}  // namespace counterplay::core
