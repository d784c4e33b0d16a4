// Text interning for stored scorecards (private): every bilingual text of a scorecard (titles,
// choice texts, feedback, critical action labels) is kept once in the `texts` table and the
// scorecard JSON holds "\x01<id>" in its place. 100,000 attempts repeat the same few hundred
// texts, so this keeps the database about ten times smaller.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "counterplay/core/Scorecard.h"

namespace counterplay::core {

class TextInterner {
public:
    explicit TextInterner(sqlite3* db) : db_(db) {}

    /// Replaces each non-empty text of `card` by a reference, inserting new texts. Must run
    /// inside the write transaction that stores the card; call forget() if it rolls back.
    void intern(Scorecard& card);

    /// Replaces references in `card` by their texts. Throws StoreError for an unknown id.
    void resolve(Scorecard& card) const;

    /// Replaces one reference ("\x01<id>") by its text; other texts are left as they are.
    void resolve(Text& text) const { resolveOne(text); }

    /// Drops cached ids (after a rolled-back transaction, whose inserts are gone).
    void forget() { ids_.clear(); }

private:
    void internOne(Text& text);
    void resolveOne(Text& text) const;

    sqlite3* db_;
    std::unordered_map<std::string, std::int64_t> ids_;      // ko + '\0' + en -> id
    mutable std::unordered_map<std::int64_t, Text> texts_;  // id -> text
};

}  // namespace counterplay::core
