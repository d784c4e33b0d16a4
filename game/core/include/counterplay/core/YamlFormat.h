// The canonical layout of scenario and catalogue files (`counterplay fmt`, `counterplay new`, and
// new content written by the editor): keys in the documented order, block style with short
// all-scalar maps and lists on one line, text always double-quoted with Korean unescaped, two
// spaces of indentation, one blank line between nodes. Comments stay with the key or item they
// precede (end-of-line comments stay on that entry's line).
#pragma once

#include <string>
#include <string_view>

#include "counterplay/core/Model.h"
#include "counterplay/core/YamlDocument.h"

namespace counterplay::core {

/// Widest line (display columns; Hangul counts two) a one-line `{...}` / `[...]` may make.
inline constexpr int kFlowLineWidth = 100;

struct FormatResult {
    bool ok = false;
    std::string bytes;  ///< the canonical file
    std::string error;
    int commentsIn = 0;   ///< comments in the original
    int commentsOut = 0;  ///< comments kept (fmt refuses to drop any unless told to)
};

/// Rewrites a document in the canonical layout. `catalogue` selects the catalogue's key order
/// (else the scenario's); keys the schema does not know keep their file order after the known
/// ones. Idempotent: formatting the result again gives the same bytes.
FormatResult formatDocument(const YamlDocument& doc, bool catalogue);

/// True when two documents hold the same data: equal scalars, lists in the same order, maps with
/// the same keys and values in any order (quoting and layout do not matter).
bool sameContent(const YamlDocument& a, const YamlDocument& b);

/// Number of comments (`# ...` outside quoted text) in a document.
int countComments(const YamlDocument& doc);

/// A canonical text of everything a scenario means (not its positions, file name or hash), so
/// two loads can be compared: equal strings mean equal models.
std::string modelText(const Scenario& scenario);

/// The starting scenario of `counterplay new`: small, valid, commented, in the canonical layout.
std::string newScenarioText(std::string_view id);

/// A choice in the canonical layout at indentation 0 without its "- " (for
/// YamlDocument::insertItem): id (when not empty), text, feedback, next.
std::string choiceBody(std::string_view id, const Text& text, const Text& feedback,
                       std::string_view next);

/// A node with one narrator line and an ending, in the canonical layout at indentation 0 (for
/// YamlDocument::insertBlockEntry under `nodes`).
std::string endingNodeBody(const Text& line, std::string_view kind, const Text& title);

}  // namespace counterplay::core
