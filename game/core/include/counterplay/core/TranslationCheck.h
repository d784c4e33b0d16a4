// The editor's Translation view: every text of a scenario whose translation needs a look, by
// kind: missing in one language (absent or empty), the same in ko and en (copied, never
// translated), in the wrong script (Hangul in en; ko with letters but no Hangul), and outdated
// (the other language changed since the pair was reviewed; review marks, Strings.h). Each
// finding says where the text is (node and field, TextSearch.h) so the editor can jump to it.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "counterplay/core/Strings.h"
#include "counterplay/core/TextSearch.h"

namespace counterplay::core {

enum class TranslationIssue {
    MissingKo,
    MissingEn,
    Identical,
    WrongScriptKo,
    WrongScriptEn,
    Outdated
};
inline constexpr std::array<TranslationIssue, 6> kTranslationIssues = {
    TranslationIssue::MissingKo,     TranslationIssue::MissingEn,     TranslationIssue::Identical,
    TranslationIssue::WrongScriptKo, TranslationIssue::WrongScriptEn, TranslationIssue::Outdated};

/// A stable name of the kind ("missing-ko", "missing-en", "identical", "wrong-script-ko",
/// "wrong-script-en", "outdated"), for string keys and logs.
const char* translationIssueName(TranslationIssue issue);

struct TranslationFinding {
    TranslationIssue issue = TranslationIssue::MissingKo;
    TextEntry text;
    TextLocation where;
    Outdated outdated = Outdated::None;  ///< which language may be outdated (issue Outdated)
};

/// Every finding of `doc`, in file order; a text can have several (missing en and outdated).
/// A text that is identical in both is not also reported as in the wrong script.
std::vector<TranslationFinding> findTranslationIssues(const YamlDocument& doc,
                                                      const ReviewMarks& marks);

/// How many findings of each kind, indexed like kTranslationIssues.
std::array<int, kTranslationIssues.size()> countTranslationIssues(
    const std::vector<TranslationFinding>& findings);

}  // namespace counterplay::core
