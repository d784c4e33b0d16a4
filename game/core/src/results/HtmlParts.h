// Pieces of the HTML export shared by the scorecard and the cohort report (private).
#pragma once

#include <string>
#include <vector>

#include "counterplay/core/Export.h"

namespace counterplay::core::html {

/// What the HTML renderers need besides the data.
struct Context {
    const ExportOptions& options;
    const ExportStrings& words;
    Lang lang;
    std::string keyId;      ///< short fingerprint of the signer
    std::string storeName;  ///< the signer's store name
    std::int64_t exportedAtMs;
};

/// One bar of the principles chart.
struct Bar {
    std::string label;
    std::int64_t earned = 0;
    std::int64_t achievable = 0;
};

/// <!DOCTYPE html> ... <body>, with the print stylesheet inline.
void documentStart(std::string& b, const Context& c, const std::string& title);
/// </body></html> plus a trailing newline (the signature line follows it).
void documentEnd(std::string& b);

/// Escaped text.
void text(std::string& b, std::string_view s);

/// The inline SVG bar chart: each principle's earned points of its achievable points.
void principleChart(std::string& b, const std::vector<Bar>& bars, const Context& c);

/// Orders (principle id, bar) pairs as the catalogue lists the principles (unknown ids last).
void sortByCatalogue(std::vector<std::pair<std::string, Bar>>& bars, const Context& c);

/// The principle's name in the export language (its id when there is no catalogue entry).
std::string principleName(const Context& c, const std::string& id);

/// "2024-05-01 09:30 UTC".
std::string displayDate(std::int64_t epochMs);
/// "4.2 s", "3 min 5 s" (words from the strings table).
std::string displayDuration(const Context& c, std::int64_t ms);

/// The footer: export time and how to verify.
void footer(std::string& b, const Context& c, const std::string& extra);

/// One attempt's full scorecard as a <section class="page">.
void scorecardPage(std::string& b, const StoredAttempt& attempt, const Context& c);

}  // namespace counterplay::core::html
