// Seal memo rows (see Integrity.h and ResultsStore.h): the digest of an attempt's stored rows,
// read in three sequential scans without parsing anything, the texts table as a digest chain,
// and the seal_memos table.
#include <openssl/evp.h>

#include <cstring>
#include <future>
#include <optional>

#include "counterplay/core/Integrity.h"
#include "counterplay/core/ResultsStore.h"
#include "results/RowsDigest.h"
#include "results/Sqlite.h"
#include "results/StoreWhere.h"

namespace counterplay::core {
namespace {

using namespace rowsdigest;

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

using IdDigests = std::vector<std::pair<std::int64_t, Digest32>>;

/// " JOIN attempts ... WHERE ..." for a query over a table keyed by attempt_id (alias x).
std::string joinedWhere(const Where& w) {
    return w.sql.empty() ? std::string()
                         : std::string(" JOIN attempts a ON a.id = x.attempt_id "
                                       "JOIN trainees t ON t.id = a.trainee_id") +
                               w.sql;
}

/// The decision rows of the attempts matching `filter`, in the attempts' scan order.
std::string decisionsSql(const Where& w) {
    return "SELECT x.attempt_id, x.* FROM decisions x" + joinedWhere(w) + " ORDER BY x.attempt_id" +
           (w.f.newestFirst ? " DESC" : "") + ", x.seq";
}

/// Digests each attempt's decision rows ('D', then every column of the row, for each row).
class DecisionDigests {
public:
    DecisionDigests(sqlite3* db, const AttemptFilter& filter) : w_(filter), d_(db, decisionsSql(w_)) {
        w_.bind(d_);
        pending_ = d_.step();
    }
    /// The digest of attempt `id`'s decisions; ids must come in the scan order.
    Digest32 of(std::int64_t id, bool newestFirst) {
        while (pending_ && (newestFirst ? d_.i64(0) > id : d_.i64(0) < id)) pending_ = d_.step();
        bytes_.clear();
        while (pending_ && d_.i64(0) == id) {
            bytes_ += 'D';
            appendColumns(bytes_, d_.raw(), 1);
            pending_ = d_.step();
        }
        return sha_.of(bytes_);
    }

private:
    Where w_;
    sqlite::Stmt d_;
    bool pending_ = false;
    Sha256 sha_;
    std::string bytes_;
};

/// Every attempt's decisions digest in one scan (for the other connection's thread).
IdDigests decisionDigests(sqlite3* db, const AttemptFilter& filter) {
    Where w(filter);
    sqlite::Stmt d(db, decisionsSql(w));
    w.bind(d);
    IdDigests out;
    Sha256 sha;
    std::string bytes;
    bool have = false;
    std::int64_t current = 0;
    while (d.step()) {
        const std::int64_t id = d.i64(0);
        if (have && id != current) {
            out.emplace_back(current, sha.of(bytes));
            bytes.clear();
        }
        current = id;
        have = true;
        bytes += 'D';
        appendColumns(bytes, d.raw(), 1);
    }
    if (have) out.emplace_back(current, sha.of(bytes));
    return out;
}

}  // namespace

void ResultsStore::forEachRowsDigest(const AttemptFilter& filter,
                                     const std::function<void(const AttemptRowsDigest&)>& visit,
                                     const ResultsStore* decisionsFrom) const {
    Where w(filter);
    sqlite::Stmt s(db_, std::string(kAttemptColumns) + kFrom + kAttemptJoins + w.sql + w.order());
    w.bind(s);
    sqlite::Stmt p(db_, "SELECT x.attempt_id, x.* FROM principle_scores x" + joinedWhere(w) +
                            " ORDER BY x.attempt_id" + (filter.newestFirst ? " DESC" : "") +
                            ", x.principle_id");
    w.bind(p);
    // The decisions (the largest table) on the other connection's thread when there is one.
    std::future<IdDigests> theirs;
    std::optional<DecisionDigests> mine;
    if (decisionsFrom)
        theirs = std::async(std::launch::async,
                            [db = decisionsFrom->db_, &filter] { return decisionDigests(db, filter); });
    else
        mine.emplace(db_, filter);
    std::vector<AttemptRowsDigest> waiting;  // rows digested before the decisions are known
    bool pPending = p.step();
    Sha256 sha;
    std::string bytes;
    AttemptRowsDigest r;
    auto before = [&](std::int64_t id) {
        return filter.newestFirst ? id > r.attemptId : id < r.attemptId;
    };
    while (s.step()) {
        readHead(s.raw(), r);
        bytes.clear();
        bytes += 'A';
        appendColumns(bytes, s.raw(), kDigestFrom);
        while (pPending && before(p.i64(0))) pPending = p.step();
        while (pPending && p.i64(0) == r.attemptId) {
            bytes += 'P';
            appendColumns(bytes, p.raw(), 1);
            pPending = p.step();
        }
        r.digest = sha.of(bytes);  // the attempt's own rows; the decisions are added below
        if (mine) {
            r.digest = combine(sha, r.digest, mine->of(r.attemptId, filter.newestFirst));
            visit(r);
        } else {
            waiting.push_back(r);
        }
    }
    if (mine) return;
    // Both scans ran in the same order: merge them. The two connections may see different
    // moments of the store; an attempt whose rows changed in between gets a digest that
    // matches no memo, so it is checked in full, which is always right.
    const IdDigests decisions = theirs.get();
    std::size_t at = 0;
    for (AttemptRowsDigest& held : waiting) {
        while (at < decisions.size() && (filter.newestFirst ? decisions[at].first > held.attemptId
                                                            : decisions[at].first < held.attemptId))
            ++at;
        const bool has = at < decisions.size() && decisions[at].first == held.attemptId;
        held.digest = combine(sha, held.digest, has ? decisions[at].second : emptyDigest());
        visit(held);
    }
}

std::unique_ptr<ResultsStore> ResultsStore::openTwinReader() const {
    // Not inside a transaction (the twin would not see its rows) nor for an in-memory copy
    // (an older schema upgraded for reading: the file itself has other tables).
    if (!sqlite3_get_autocommit(db_)) return nullptr;
    const char* file = sqlite3_db_filename(db_, "main");
    if (!file || !*file) return nullptr;
    std::string error;
    return open(path_, error, Mode::ReadOnly);
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
