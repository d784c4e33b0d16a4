// Translation tables: every bilingual text of a scenario or catalogue file with a stable id, the
// review marks that detect outdated translations (stored in a sidecar `<name>.reviews` next to
// the file), RFC 4180 CSV, and writing changed cells back through YamlDocument's minimal edits.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "counterplay/core/Diagnostic.h"
#include "counterplay/core/YamlDocument.h"

namespace counterplay::core {

/// One text ({ko, en} map) of a document.
struct TextEntry {
    std::string path;        ///< e.g. "nodes.greet.choices[1].text"
    std::string stablePath;  ///< the id form: items with an `id:` named by it, choices[ask]
    std::string ko, en;
    bool hasKo = false, hasEn = false;
    std::string context;  ///< "greet: customer (angry)", "greet: choice", ...
    int node = -1;        ///< the text map in the document
};

/// Every text of `doc`, in file order.
std::vector<TextEntry> collectTexts(const YamlDocument& doc);

/// Short hash of a text for review marks (first 8 hex digits of its SHA-256).
std::string textHash(std::string_view text);

/// What was reviewed: the hashes of both languages when the pair was last checked.
struct ReviewMark {
    std::string ko, en;
    bool operator==(const ReviewMark&) const = default;
};
/// By stable path.
using ReviewMarks = std::map<std::string, ReviewMark>;

/// The sidecar of a content file: "scenarios/x.yaml" -> "scenarios/x.reviews".
std::string reviewFileFor(const std::string& contentPath);
/// Parses a sidecar's text (lines "path<TAB>kohash<TAB>enhash", '#' comments). False on a
/// malformed line (error names it).
bool parseReviewMarks(std::string_view text, ReviewMarks& out, std::string& error);
/// The sidecar's text, sorted by path, with a header comment naming `fileName`.
std::string reviewMarksText(const ReviewMarks& marks, std::string_view fileName);

/// Which language may be outdated: the other one changed since the pair was reviewed.
enum class Outdated { None, Ko, En, Both };
Outdated outdated(const TextEntry& text, const ReviewMarks& marks);

/// The status column: "ok", "missing ko", "missing en", "needs review", "wrong script" (no
/// Hangul in ko, or Hangul in en), "same text in both".
std::string textStatus(const TextEntry& text, const ReviewMarks& marks);

/// True when `text` holds a Hangul syllable or jamo (the script check of textStatus).
bool containsHangul(std::string_view text);
/// True when `text` holds a Latin letter or Hangul (a text that has words, not just numbers).
bool containsLetters(std::string_view text);

/// Lint warnings for outdated translations ("en text of nodes.x.lines[0].text may be outdated:
/// the ko text changed since it was reviewed"), at the text's line and column.
std::vector<Diagnostic> reviewDiagnostics(const YamlDocument& doc, const ReviewMarks& marks,
                                          const std::string& fileName);

/// One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
std::string csvField(std::string_view value);
/// Parses RFC 4180 CSV (a leading UTF-8 BOM is skipped; CRLF or LF). False on an unterminated
/// quote.
bool parseCsv(std::string_view text, std::vector<std::vector<std::string>>& rows,
              std::string& error);

/// One row of a strings table.
struct StringRow {
    std::string path;  ///< the stable path within its file
    std::string ko, en, status;
};

/// The outcome of writing a file's rows back.
struct StringsApply {
    std::string bytes;                 ///< the new file
    std::vector<std::string> unknown;  ///< paths that are no longer in the file
    int changedCells = 0;
    bool marksChanged = false;
    std::string error;  ///< an edit failed (nothing applied)
};

/// Writes the changed ko/en cells of `rows` into `doc` through minimal edits, and updates
/// `marks` for rows whose status is "ok" (the pair was reviewed). Unknown paths are listed;
/// the caller decides whether to apply the rest.
StringsApply applyStrings(const YamlDocument& doc, const std::vector<StringRow>& rows,
                          ReviewMarks& marks);

}  // namespace counterplay::core
