// Translation findings for the editor's Translation view (see TranslationCheck.h).
#include "counterplay/core/TranslationCheck.h"

namespace counterplay::core {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

const char* translationIssueName(TranslationIssue issue) {
    switch (issue) {
        case TranslationIssue::MissingKo:
            return "missing-ko";
        case TranslationIssue::MissingEn:
            return "missing-en";
        case TranslationIssue::Identical:
            return "identical";
        case TranslationIssue::WrongScriptKo:
            return "wrong-script-ko";
        case TranslationIssue::WrongScriptEn:
            return "wrong-script-en";
        case TranslationIssue::Outdated:
            return "outdated";
    }
    return "";
}

std::vector<TranslationFinding> findTranslationIssues(const YamlDocument& doc,
                                                      const ReviewMarks& marks) {
    std::vector<TranslationFinding> out;
    for (const TextEntry& t : collectTexts(doc)) {
        const TextLocation where = locateTextPath(t.path);
        auto add = [&](TranslationIssue issue, Outdated o = Outdated::None) {
            out.push_back({issue, t, where, o});
        };
        const bool noKo = !t.hasKo || blank(t.ko), noEn = !t.hasEn || blank(t.en);
        if (noKo) add(TranslationIssue::MissingKo);
        if (noEn) add(TranslationIssue::MissingEn);
        const bool identical = !noKo && !noEn && t.ko == t.en && containsLetters(t.ko);
        if (identical) add(TranslationIssue::Identical);
        if (!identical && !noKo && containsLetters(t.ko) && !containsHangul(t.ko))
            add(TranslationIssue::WrongScriptKo);
        if (!identical && !noEn && containsHangul(t.en)) add(TranslationIssue::WrongScriptEn);
        if (const Outdated o = outdated(t, marks); o != Outdated::None)
            add(TranslationIssue::Outdated, o);
    }
    return out;
}

std::array<int, kTranslationIssues.size()> countTranslationIssues(
    const std::vector<TranslationFinding>& findings) {
    std::array<int, kTranslationIssues.size()> counts{};
    for (const TranslationFinding& f : findings) ++counts[static_cast<std::size_t>(f.issue)];
    return counts;
}

}  // namespace counterplay::core
