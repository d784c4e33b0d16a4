// The bytes behind seal memo digests (see ResultsStore::forEachRowsDigest), private to the
// results code: shared by the memo scan (StoreMemo.cpp) and the cohort load, which digests the
// rows it reads so a report reads each table once (CohortLoad.cpp). Both must feed the same
// bytes, or every memo would fail and every check would be a full one.
#pragma once

#include <openssl/evp.h>
#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Signing.h"

namespace counterplay::core::rowsdigest {

/// Appends column `col` of `s` to `out`: a type byte, then the value (integers and reals as
/// their 8 bytes, texts and blobs length-prefixed), so no two different rows feed the same bytes.
/// Read through sqlite3_column_value: one call (and one connection lock) per column instead of
/// three; a scan of 100,000 attempts reads about 17 million values.
inline void appendValue(std::string& out, sqlite3_stmt* s, int col) {
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

inline void appendColumns(std::string& out, sqlite3_stmt* s, int from) {
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

/// SHA-256 of no bytes: the decisions digest of an attempt without decisions.
inline const Digest32& emptyDigest() {
    static const Digest32 empty = Sha256().of({});
    return empty;
}

/// An attempt's rows digest: SHA-256 over the digest of its own rows (attempt, trainee key,
/// record, principle scores) and the digest of its decision rows, so the two halves can be
/// read on two connections at once.
inline Digest32 combine(Sha256& sha, const Digest32& own, const Digest32& decisions) {
    std::string both(reinterpret_cast<const char*>(own.data()), own.size());
    both.append(reinterpret_cast<const char*>(decisions.data()), decisions.size());
    return sha.of(both);
}

/// The attempt rows of a digest scan: columns 0-9 say what the attempt is and carry its memo;
/// the digest covers column kDigestFrom (the trainee's key, which the seal covers) onwards:
/// every column of the attempt row and of its record, whatever the schema version adds.
/// Follow with kFrom (StoreWhere.h), kAttemptJoins, a WHERE and ORDER BY a.id.
inline constexpr const char* kAttemptColumns =
    "SELECT a.id, a.uuid, a.source, a.origin_store, a.origin_fingerprint, a.content_hash, "
    "a.seal, m.mac, m.replayed, m.texts_upto, t.key, a.*, r.*";
inline constexpr const char* kAttemptJoins =
    " JOIN attempt_records r ON r.attempt_id = a.id LEFT JOIN seal_memos m ON m.attempt_id = a.id";
inline constexpr int kDigestFrom = 10;

/// Reads columns 0-9 of a kAttemptColumns row into `r` (all but the digest).
inline void readHead(sqlite3_stmt* s, AttemptRowsDigest& r) {
    auto text = [&](int c) {
        const unsigned char* t = sqlite3_column_text(s, c);
        return t ? std::string(reinterpret_cast<const char*>(t),
                               static_cast<std::size_t>(sqlite3_column_bytes(s, c)))
                 : std::string();
    };
    r.attemptId = sqlite3_column_int64(s, 0);
    r.uuid = text(1);
    r.source = text(2);
    r.originStore = text(3);
    r.originFingerprint = text(4);
    r.contentHash = text(5);
    r.sealed = sqlite3_column_bytes(s, 6) > 0;
    if (sqlite3_column_type(s, 7) == SQLITE_NULL) {
        r.memo.reset();
        return;
    }
    SealMemo memo;
    const void* mac = sqlite3_column_blob(s, 7);
    const int n = sqlite3_column_bytes(s, 7);
    if (mac && n > 0) memo.mac.assign(static_cast<const char*>(mac), static_cast<std::size_t>(n));
    memo.replayed = sqlite3_column_int(s, 8) != 0;
    memo.textsUpto = sqlite3_column_int64(s, 9);
    r.memo = std::move(memo);
}

}  // namespace counterplay::core::rowsdigest
