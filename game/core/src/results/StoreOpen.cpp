// Opening the results database: refuse garbage, truncated, foreign or newer files before
// SQLite touches them; then WAL, synchronous=FULL, busy timeout and schema migrations.
#include <sqlite3.h>
#include <sys/stat.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "counterplay/core/DataDir.h"
#include "counterplay/core/ResultsStore.h"
#include "results/Sqlite.h"
#include "results/StoreSchema.h"
#include "results/StoreTexts.h"

namespace counterplay::core {
namespace {

constexpr int kBusyTimeoutMs = 10000;

std::uint32_t bigEndian(const unsigned char* p, int n) {
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
    return v;
}

/// Checks the file header before SQLite sees the file: empty string when the file is absent,
/// empty, or a plausible whole SQLite database; otherwise the reason it is refused.
std::string checkHeader(const std::string& path, Problem& problem) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    if (!S_ISREG(st.st_mode)) {
        problem.kind = "store.not-regular";
        return "it is not a regular file";
    }
    if (st.st_size == 0) return {};
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 100> h{};
    if (!in.read(reinterpret_cast<char*>(h.data()), h.size())) {
        problem = {"store.too-short", {{"bytes", std::to_string(st.st_size)}}};
        return "it is too short to be a database (" + std::to_string(st.st_size) +
               " bytes): truncated or not a results file";
    }
    if (std::memcmp(h.data(), "SQLite format 3", 16) != 0) {
        problem.kind = "store.not-sqlite";
        return "it is not an SQLite database (garbage or another kind of file)";
    }
    std::uint32_t pageSize = bigEndian(h.data() + 16, 2);
    if (pageSize == 1) pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        problem = {"store.bad-header", {{"pagesize", std::to_string(pageSize)}}};
        return "its header is damaged (page size " + std::to_string(pageSize) + ")";
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size % pageSize != 0) {
        problem = {"store.partial-page",
                   {{"bytes", std::to_string(size)}, {"pagesize", std::to_string(pageSize)}}};
        return "it is truncated (" + std::to_string(size) + " bytes is not a whole number of " +
               std::to_string(pageSize) + "-byte pages)";
    }
    // While a write-ahead log holds frames, the file alone is not the database: a checkpoint
    // by another instance writes page 1 (with the new page count) before the pages after it,
    // and pages may wait in the log. Then SQLite reads through the log, and a short file is
    // normal, so the page count is compared only when no log is in use.
    std::error_code ec;
    const auto walSize = std::filesystem::file_size(path + "-wal", ec);
    const bool walInUse = !ec && walSize > 0;
    const std::uint32_t headerPages = bigEndian(h.data() + 28, 4);
    const bool countValid = bigEndian(h.data() + 24, 4) == bigEndian(h.data() + 92, 4);
    if (!walInUse && countValid && headerPages > 0 &&
        size < std::uint64_t(headerPages) * pageSize) {
        problem = {"store.truncated", {{"have", std::to_string(size / pageSize)},
                                       {"want", std::to_string(headerPages)}}};
        return "it is truncated (" + std::to_string(size / pageSize) + " of " +
               std::to_string(headerPages) + " pages present)";
    }
    return {};
}

/// `path` for a file: URI (RFC 3986 unreserved characters and '/' kept, the rest %XX).
std::string uriEscape(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

int pragmaInt(sqlite3* db, const char* sql) {
    sqlite::Stmt s(db, sql);
    return s.step() ? s.i32(0) : 0;
}

/// Sets WAL mode. Leaving rollback mode needs the file to itself, so when several instances
/// create the database at once one may be refused briefly: retry for a while before failing.
bool switchToWal(sqlite3* db) {
    for (int attempt = 0; attempt < 250; ++attempt) {
        try {
            sqlite::Stmt wal(db, "PRAGMA journal_mode=WAL");
            if (wal.step() && wal.text(0) == "wal") return true;
        } catch (const StoreError&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

void migrate(sqlite3* db) {
    sqlite::WriteTransaction tx(db);
    // Re-read inside the write lock: another instance may have migrated meanwhile.
    const int version = pragmaInt(db, "PRAGMA user_version");
    if (version >= ResultsStore::schemaVersion()) return;
    for (int v = version; v < ResultsStore::schemaVersion(); ++v)
        sqlite::exec(db, schema::kMigrations[static_cast<std::size_t>(v)]);
    sqlite::exec(db, ("PRAGMA application_id = " + std::to_string(schema::kApplicationId)).c_str());
    sqlite::exec(
        db, ("PRAGMA user_version = " + std::to_string(ResultsStore::schemaVersion())).c_str());
    sqlite::Stmt meta(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('written_by', ?)");
    meta.bind(1, std::string("counterplay ") + COUNTERPLAY_VERSION).run();
    tx.commit();
}

/// Copies the open database `db` (read-only) into a new in-memory database and brings its schema
/// up to date there; nullptr and `why` on failure.
sqlite3* upgradedInMemoryCopy(sqlite3* db, std::string& why) {
    sqlite3* mem = nullptr;
    if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
        SQLITE_OK) {
        why = mem ? sqlite3_errmsg(mem) : "out of memory";
        sqlite::dropCachedStatements(mem);
        sqlite3_close(mem);
        return nullptr;
    }
    sqlite3_backup* backup = sqlite3_backup_init(mem, "main", db, "main");
    const int rc = backup ? sqlite3_backup_step(backup, -1) : sqlite3_errcode(mem);
    if (backup) sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        why = sqlite3_errmsg(mem);
        sqlite::dropCachedStatements(mem);
        sqlite3_close(mem);
        return nullptr;
    }
    try {
        sqlite3_extended_result_codes(mem, 1);
        sqlite::exec(mem, "PRAGMA foreign_keys=ON;");
        migrate(mem);
    } catch (const StoreError& e) {
        why = e.what();
        sqlite::dropCachedStatements(mem);
        sqlite3_close(mem);
        return nullptr;
    }
    return mem;
}

}  // namespace

int ResultsStore::schemaVersion() { return static_cast<int>(schema::kMigrations.size()); }

std::unique_ptr<ResultsStore> ResultsStore::open(const std::string& path, std::string& error,
                                                 Mode mode, Problem* problem) {
    const std::string refused = "cannot open results database " + path + ": ";
    const std::string unchanged = "; it was not changed";
    // The refusal as data: its kind and values, with {path} first.
    auto refuse = [&](std::string kind, std::vector<std::pair<std::string, std::string>> values) {
        values.insert(values.begin(), {"path", path});
        setProblem(problem, std::move(kind), std::move(values));
    };
    Problem header;
    if (std::string why = checkHeader(path, header); !why.empty()) {
        error = refused + why + unchanged;
        refuse(header.kind, header.values);
        return nullptr;
    }
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (mode == Mode::ReadOnly && !exists) {
        error = refused + "there is no such file";
        refuse("store.no-file", {});
        return nullptr;
    }
    if (mode == Mode::ReadOnly && std::filesystem::file_size(path, ec) == 0 && !ec) {
        // SQLite would happily read an empty file as an empty database; a reader says so
        // instead (and, read-only, never writes a database into it).
        error = refused + "it is empty (0 bytes): nothing has been stored in it" + unchanged;
        refuse("store.empty", {});
        return nullptr;
    }
    if (mode == Mode::ReadWrite && !exists) {
        std::string dirError;
        if (!ensureDir(std::filesystem::path(path).parent_path().string(), dirError)) {
            error = refused + dirError;
            refuse("store.folder", {{"detail", dirError}});
            return nullptr;
        }
    }
    sqlite3* db = nullptr;
    int flags =
        mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    std::string name = path;
    // A read-only connection to a WAL database creates the -wal and -shm files when they are
    // missing, and a reader must never create a file. They are missing only when no connection
    // has the database open (the last one to close removes them), so then the file is opened
    // as immutable: no locks, no side files. Should a writer start meanwhile, it writes to its
    // own log and the reader still sees a consistent file until a checkpoint, which for the
    // short reads of a verb is after it has finished.
    if (mode == Mode::ReadOnly && !std::filesystem::exists(path + "-wal", ec)) {
        name = "file:" + uriEscape(path) + "?immutable=1";
        flags |= SQLITE_OPEN_URI;
    }
    // A read-only store is used by one thread at a time (every reader that runs beside another
    // opens its own connection), so it needs no per-call mutex: in serialized mode every
    // sqlite3_column_* call locks one, which cost 15 % of a 100,000-attempt report. The writer
    // keeps full mutexing, as the app's progress store is reached from more than one place.
    const int threading = mode == Mode::ReadOnly ? SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(name.c_str(), &db, flags | threading, nullptr) != SQLITE_OK) {
        error = refused + (db ? sqlite3_errmsg(db) : "out of memory");
        refuse("store.sqlite", {{"detail", db ? sqlite3_errmsg(db) : "out of memory"}});
        sqlite::dropCachedStatements(db);
        sqlite3_close(db);
        return nullptr;
    }
    std::unique_ptr<ResultsStore> store(new ResultsStore(db, path));
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    try {
        // One statement, so one read snapshot: read separately, another instance could commit
        // its first migration between the reads and the file would look foreign.
        int appId = 0, version = 0, tables = 0;
        {
            sqlite::Stmt s(db,
                           "SELECT (SELECT application_id FROM pragma_application_id),"
                           " (SELECT user_version FROM pragma_user_version),"
                           " (SELECT count(*) FROM sqlite_schema)");
            if (s.step()) {
                appId = s.i32(0);
                version = s.i32(1);
                tables = s.i32(2);
            }
        }
        if (appId != schema::kApplicationId && (appId != 0 || tables > 0)) {
            error = refused + "it is an SQLite database but not a Counterplay results database" +
                    unchanged;
            refuse("store.foreign", {});
            return nullptr;
        }
        if (version > schemaVersion()) {
            error = refused + "it was written by a newer Counterplay (schema " +
                    std::to_string(version) + "; this version reads up to " +
                    std::to_string(schemaVersion()) + "). Update Counterplay" + unchanged;
            refuse("store.newer", {{"version", std::to_string(version)},
                                   {"max", std::to_string(schemaVersion())}});
            return nullptr;
        }
        if (mode == Mode::ReadOnly) {
            if (version < schemaVersion()) {
                // A reader never changes the file, so an older schema is upgraded in a private
                // in-memory copy; the file is upgraded the next time the game or a writing
                // verb opens it.
                std::string why;
                sqlite3* copy = upgradedInMemoryCopy(db, why);
                if (!copy) {
                    error = refused + "its schema is older (" + std::to_string(version) +
                            ") and could not be read: " + why + unchanged;
                    refuse("store.old-unreadable",
                           {{"version", std::to_string(version)}, {"detail", why}});
                    return nullptr;
                }
                store.reset(new ResultsStore(copy, path));
                return store;
            }
            // Readers scan whole tables (reports, seal checks, the dashboard): reading through
            // a memory map saves a copy of every page (about a tenth of a report's time).
            sqlite::exec(db, "PRAGMA mmap_size = 2147483648");
            return store;
        }
        // WAL: readers never block the writer; FULL: a commit is on disk when it returns.
        if (!switchToWal(db)) {
            error = refused + "cannot switch it to WAL mode";
            refuse("store.no-wal", {});
            return nullptr;
        }
        sqlite::exec(db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        if (version < schemaVersion()) migrate(db);
        // Integrity at open is checked by the header test above (cheap for 100,000 attempts);
        // a damaged page inside the file shows up as an error on the first query touching it.
        sqlite::exec(db, "SELECT count(*) FROM attempts");
    } catch (const StoreError& e) {
        error = refused + e.what();
        refuse("store.sqlite", {{"detail", e.what()}});
        return nullptr;
    }
    return store;
}

ResultsStore::ResultsStore(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), texts_(std::make_unique<TextInterner>(db)) {}

ResultsStore::~ResultsStore() {
    texts_.reset();
    sqlite::dropCachedStatements(db_);
    sqlite3_close_v2(db_);
}

std::string ResultsStore::integrityCheck() const {
    sqlite::Stmt s(db_, "PRAGMA integrity_check(20)");
    std::string out;
    while (s.step()) {
        if (!out.empty()) out += "; ";
        out += s.str(0);
    }
    return out;
}

}  // namespace counterplay::core
