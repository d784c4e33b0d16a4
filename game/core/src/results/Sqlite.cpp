// RAII helpers over the SQLite C API (see Sqlite.h).
#include "results/Sqlite.h"

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "counterplay/core/ResultsStore.h"

namespace counterplay::core::sqlite {

void fail(sqlite3* db, const std::string& what) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    const std::string detail = db ? sqlite3_errmsg(db) : "out of memory";
    std::string message = what + ": " + detail;
    if (file && *file) message += " (database " + std::string(file) + ")";
    throw StoreError(message, Problem{"store.database", {{"what", what},
                                                         {"detail", detail},
                                                         {"path", file ? file : ""}}});
}

namespace {

// Prepared statements kept per connection and SQL text for the next Stmt of the same query:
// preparing was 17 % of the CPU of storing pulled attempts (several statements per attempt).
// SQLite's C API has no statement cache of its own. A connection with statements outstanding
// cannot be freed (sqlite3_close fails, sqlite3_close_v2 keeps it as a zombie), so its address
// is never reused while entries for it remain; dropCachedStatements frees them before a close.
struct StatementCache {
    std::mutex mutex;
    std::unordered_map<sqlite3*, std::unordered_map<std::string, std::vector<sqlite3_stmt*>>> free;
};

StatementCache& statementCache() {
    static StatementCache* cache = new StatementCache;  // never destroyed: used until exit
    return *cache;
}

constexpr std::size_t kCachedPerConnection = 96;  // distinct queries kept per connection

sqlite3_stmt* takeCached(sqlite3* db, std::string_view sql) {
    StatementCache& c = statementCache();
    std::lock_guard lock(c.mutex);
    const auto conn = c.free.find(db);
    if (conn == c.free.end()) return nullptr;
    const auto it = conn->second.find(std::string(sql));
    if (it == conn->second.end() || it->second.empty()) return nullptr;
    sqlite3_stmt* stmt = it->second.back();
    it->second.pop_back();
    return stmt;
}

void giveBack(sqlite3* db, sqlite3_stmt* stmt) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    StatementCache& c = statementCache();
    {
        std::lock_guard lock(c.mutex);
        auto& queries = c.free[db];
        const char* sql = sqlite3_sql(stmt);
        auto it = queries.find(sql);
        if (it == queries.end() && queries.size() < kCachedPerConnection)
            it = queries.emplace(sql, std::vector<sqlite3_stmt*>{}).first;
        if (it != queries.end() && it->second.size() < 4) {
            it->second.push_back(stmt);
            return;
        }
    }
    sqlite3_finalize(stmt);
}

}  // namespace

void dropCachedStatements(sqlite3* db) {
    std::vector<sqlite3_stmt*> doomed;
    {
        StatementCache& c = statementCache();
        std::lock_guard lock(c.mutex);
        const auto conn = c.free.find(db);
        if (conn == c.free.end()) return;
        for (auto& [sql, list] : conn->second)
            doomed.insert(doomed.end(), list.begin(), list.end());
        c.free.erase(conn);
    }
    for (sqlite3_stmt* s : doomed) sqlite3_finalize(s);
}

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    stmt_ = takeCached(db, sql);
    if (stmt_) return;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK)
        fail(db, "cannot prepare query");
}

Stmt::~Stmt() {
    // Only a statement that is exactly the SQL asked for (one statement, no trailing text)
    // is kept; sqlite3_sql gives that text back as the cache key.
    if (stmt_) giveBack(db_, stmt_);
}

Stmt& Stmt::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "cannot bind value");
    return *this;
}

Stmt& Stmt::bind(int index, std::string_view value) {
    if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_, "cannot bind text");
    return *this;
}

Stmt& Stmt::bindNull(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "cannot bind null");
    return *this;
}

bool Stmt::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "query failed");
}

void Stmt::run() {
    while (step()) {
    }
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string_view Stmt::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        const char* file = sqlite3_db_filename(db, "main");
        throw StoreError(std::string("database error: ") + text,
                         Problem{"store.database", {{"what", "database error"},
                                                    {"detail", text},
                                                    {"path", file ? file : ""}}});
    }
}

WriteTransaction::WriteTransaction(sqlite3* db) : db_(db) {
    // The busy handler already waits (busy_timeout); keep retrying beyond it so that several
    // game instances and a dashboard never surface "database is locked" to a person.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    for (;;) {
        const int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK) break;
        if ((rc & 0xFF) != SQLITE_BUSY && (rc & 0xFF) != SQLITE_LOCKED)
            fail(db_, "cannot start a write transaction");
        if (std::chrono::steady_clock::now() > deadline)
            fail(db_, "the results database stayed locked by another program for 2 minutes");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    open_ = true;
}

WriteTransaction::~WriteTransaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit() {
    // In WAL mode COMMIT needs no further lock; a failure here is a real error (disk full, I/O).
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(db_, "cannot commit");
    open_ = false;
}

}  // namespace counterplay::core::sqlite
