// Signed exports of stored attempts: JSON (complete attempts), CSV (attempts or decisions),
// xAPI 1.0.3 statements and a printable HTML scorecard. Each exporter streams to a ByteSink and
// signs what it writes (Signing.h); formats and the signature placement: docs/results.md.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "counterplay/core/Catalogue.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Signing.h"
#include "counterplay/core/Text.h"
#include "counterplay/core/Xapi.h"

namespace counterplay::core {

/// Where export bytes go: an AtomicFile, stdout, or memory.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual void write(std::string_view bytes) = 0;
};

/// Collects the bytes in memory (tests, the app).
class StringSink final : public ByteSink {
public:
    void write(std::string_view bytes) override { data.append(bytes); }
    std::string data;
};

/// The words of the HTML scorecard in one language: English is built in; other languages come
/// from assets/strings/export.json ({"key": {"ko": ..., "en": ...}}), since C++ sources stay ASCII.
class ExportStrings {
public:
    /// English only.
    ExportStrings() = default;
    /// Loads `path` for `lang`; on error (logged in `error`) keeps English.
    ExportStrings(const std::string& path, Lang lang, std::string& error);
    /// The text for `key` with "{name}" placeholders filled.
    std::string get(std::string_view key,
                    std::initializer_list<std::pair<const char*, std::string>> args = {}) const;
    Lang lang() const { return lang_; }

private:
    Lang lang_ = Lang::En;
    std::map<std::string, std::string, std::less<>> table_;
};

struct ExportOptions {
    AttemptFilter filter;                ///< which attempts (default: all)
    Lang lang = Lang::En;                ///< HTML language, CSV scenario title language
    const Catalogue* catalogue = nullptr;  ///< principle names for HTML (ids when null)
    const ExportStrings* strings = nullptr;  ///< HTML words (English when null)
    XapiOptions xapi;
    bool csvDecisions = false;  ///< CSV: one row per decision instead of one per attempt
    /// CSV: one row per coaching note on the selected attempts and per sign-off of their
    /// trainees, instead of one per attempt (see docs/results.md).
    bool csvCoaching = false;
    bool htmlDetail = false;    ///< HTML over several attempts: add each full scorecard
    std::int64_t exportedAtMs = 0;  ///< 0 = now (fixed in tests for reproducible output)
    /// Attempts found altered (id -> reason) that are exported anyway (--include-altered): each
    /// is marked (JSON "integrity": "altered", CSV column, a red mark in HTML, an xAPI
    /// context extension). Callers decide; see checkAttempts in Integrity.h.
    std::map<std::int64_t, std::string> altered;
};

struct ExportResult {
    std::int64_t attempts = 0;      ///< attempts exported
    std::int64_t rows = 0;          ///< CSV data rows / xAPI statements / JSON attempts
    std::string detachedSignature;  ///< xAPI, CSV: the content of FILE.sig (empty for others)
};

/// Writes a signed export of `format`. Throws StoreError on a database failure.
ExportResult exportAttempts(const ResultsStore& store, ExportFormat format,
                            const ExportOptions& options, const SigningKey& key, ByteSink& out);

/// Writes a signed export to `path` atomically (temp file, fsync, rename; for xAPI and CSV
/// also `path`.sig, see commitWithSidecar), signed with the key at signingKeyPath() (created on
/// first use). This is what the app's "Export" buttons and `counterplay export --out` call.
/// False and `error` on failure, leaving any previous file untouched.
bool exportToFile(const ResultsStore& store, ExportFormat format, const ExportOptions& options,
                  const std::string& path, ExportResult& result, std::string& error);

/// Commits `file` (the new export, fully written, for `path`) with its detached signature
/// `sidecar` in `path`.sig so that a crash at any moment leaves a pair that verifies: first
/// `path`.sig gets the new signature line followed by the old line that verifies the file now
/// at `path` under `key` (a sidecar of two lines verifies either file), then the export is
/// renamed into place, then `path`.sig is rewritten with the new line alone. Each step is
/// atomic (AtomicFile). False and `error` on failure.
bool commitWithSidecar(AtomicFile& file, const std::string& path, const std::string& sidecar,
                       const SigningKey& key, std::string& error);

/// The individual exporters (exportAttempts dispatches to them).
ExportResult exportJson(const ResultsStore& store, const ExportOptions& options,
                        const SigningKey& key, ByteSink& out);
ExportResult exportCsv(const ResultsStore& store, const ExportOptions& options,
                       const SigningKey& key, ByteSink& out);
ExportResult exportXapi(const ResultsStore& store, const ExportOptions& options,
                        const SigningKey& key, ByteSink& out);
ExportResult exportHtml(const ResultsStore& store, const ExportOptions& options,
                        const SigningKey& key, ByteSink& out);

/// The JSON form of one stored attempt (as in the JSON export's "attempts" array), with its
/// origin and seal; `alteredReason` non-null marks it altered.
nlohmann::json attemptJson(const StoredAttempt& attempt, const std::string* alteredReason = nullptr);

/// A CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF; text starting with
/// = + - @ TAB or CR gets a leading apostrophe so a spreadsheet shows it instead of running it.
void appendCsvCell(std::string& out, std::string_view text);

/// Escapes & < > " ' for HTML text and attribute values.
void appendHtmlEscaped(std::string& out, std::string_view text);

}  // namespace counterplay::core
