// A thin RAII layer over the SQLite C API, private to the results code: a prepared statement
// with typed binds and column reads, and error messages that name the database. SQLite has no
// C++ API in the Debian packages we use, so this small wrapper is hand-written.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace counterplay::core::sqlite {

/// Throws StoreError-compatible std::runtime_error with SQLite's message.
[[noreturn]] void fail(sqlite3* db, const std::string& what);

/// Finalizes the statements kept for `db`'s next queries (call before closing it).
void dropCachedStatements(sqlite3* db);

/// A prepared statement. On destruction it is reset and kept for the next Stmt of the same SQL
/// on the same connection (see dropCachedStatements), so a query run once per attempt is
/// prepared once per connection.
class Stmt {
public:
    Stmt(sqlite3* db, std::string_view sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Stmt& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
    Stmt& bind(int index, std::string_view value);
    Stmt& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Stmt& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Stmt& bindNull(int index);

    /// Steps once: true when a row is available, false when done. Throws on error.
    bool step();
    /// Steps to completion (for statements without rows).
    void run();
    void reset();

    std::int64_t i64(int col) const { return sqlite3_column_int64(stmt_, col); }
    int i32(int col) const { return sqlite3_column_int(stmt_, col); }
    double f64(int col) const { return sqlite3_column_double(stmt_, col); }
    bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string_view text(int col) const;
    std::string str(int col) const { return std::string(text(col)); }

    sqlite3_stmt* raw() const { return stmt_; }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// Runs SQL without results (may contain several statements).
void exec(sqlite3* db, const char* sql);

/// BEGIN IMMEDIATE ... COMMIT, rolled back when destroyed without commit(). BEGIN IMMEDIATE
/// takes the write lock up front, so a writer never fails half-way with SQLITE_BUSY; the busy
/// timeout plus a retry loop make it wait for other writers instead of reporting busy.
class WriteTransaction {
public:
    explicit WriteTransaction(sqlite3* db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    sqlite3* db_;
    bool open_ = false;
};

}  // namespace counterplay::core::sqlite
