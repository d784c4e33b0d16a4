// Search and replace across a scenario's texts for the editor's Search panel: the ko and en text
// of the title, summary, every line, choice, feedback (choices and timeouts) and ending title,
// and the node and choice ids. Each field is searched as a whole (multi-line texts too); the
// match says where it is (node, field, index, language) so the editor can select the node and
// scroll its inspector to the field. Replacing goes through EditSession::applyBatch, so one
// replace, or a replace of every match, is one undo step.
//
// Case: "ignore case" folds ASCII letters only (Hangul has no case; other scripts are compared
// as they are), so a match's byte offset and length are the same in the folded and real text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "counterplay/core/EditSession.h"
#include "counterplay/core/Model.h"

namespace counterplay::core {

/// Which field of a scenario a text is.
enum class TextField {
    Title,
    Summary,
    CustomerName,
    Line,
    Choice,
    Feedback,
    EndingTitle,
    NodeId,
    ChoiceId,
    Other
};

/// Where a text lives: the field, its node ("" for scenario-wide fields) and the line or choice
/// index (file order; kTimeoutChoice for a timeout's feedback; -1 when there is none).
struct TextLocation {
    TextField field = TextField::Other;
    std::string node;
    int index = -1;
    bool operator==(const TextLocation&) const = default;
};

/// The location a document text path names ("nodes.greet.choices[1].feedback" is the feedback
/// of choice 1 of node greet); field Other for paths outside the fields above.
TextLocation locateTextPath(std::string_view path);

struct SearchOptions {
    bool ignoreCase = true;
    bool wholeField = false;  ///< match only a field whose whole text equals the query
    bool ko = true, en = true;
    bool feedback = true;  ///< search feedback texts
    bool ids = true;       ///< search node ids and explicit choice ids
};

/// One occurrence of the query.
struct TextMatch {
    TextLocation where;
    std::optional<Lang> lang;  ///< the text's language; none for an id
    std::string path;          ///< the text map's document path (for ids: the node or choice)
    std::string text;          ///< the field's whole text
    std::size_t offset = 0;    ///< byte offset of the occurrence in `text`
    std::size_t length = 0;    ///< its length in bytes
};

/// Every occurrence of `query` in `scenario`, in file order (title, summary, customer, then node
/// by node: id, lines, choices with their ids and feedback, timeout feedback, ending title).
/// Occurrences in one field do not overlap. An empty query finds nothing.
std::vector<TextMatch> findText(const Scenario& scenario, std::string_view query,
                                const SearchOptions& options);

/// The edits that replace the given occurrences by `with`: each field is written once with all
/// of its chosen occurrences replaced (back to front, so offsets stay valid). Fields whose text
/// changed since the search (the match no longer holds the query) are skipped. `replaced`
/// (when given) receives the number of occurrences replaced.
std::vector<BatchEdit> replacementEdits(const std::vector<TextMatch>& matches,
                                        std::string_view query, std::string_view with,
                                        const SearchOptions& options, int* replaced = nullptr);

/// Replaces `matches` in `session` as one undo step; false with `error` when nothing could be
/// replaced (a match whose field was edited since the search is skipped) or the session refused.
/// `replaced` receives the number of occurrences replaced.
bool replaceMatches(EditSession& session, const std::vector<TextMatch>& matches,
                    std::string_view query, std::string_view with, const SearchOptions& options,
                    int& replaced, std::string& error);

}  // namespace counterplay::core
