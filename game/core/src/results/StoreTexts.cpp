// Text interning for stored scorecards (see StoreTexts.h).
#include "results/StoreTexts.h"

#include "counterplay/core/ResultsStore.h"
#include "results/Sqlite.h"

namespace counterplay::core {
namespace {

constexpr char kMark = '\x01';

template <typename F>
void eachText(Scorecard& card, F&& f) {
    f(card.scenarioTitle);
    f(card.endingTitle);
    for (CriticalResult& c : card.critical) f(c.label);
    for (DecisionRecord& d : card.decisions) {
        f(d.choiceText);
        f(d.feedback);
    }
}

}  // namespace

void TextInterner::internOne(Text& text) {
    if (text.empty()) return;
    std::string key = text.ko;
    key += '\0';
    key += text.en;
    auto it = ids_.find(key);
    std::int64_t id = 0;
    if (it != ids_.end()) {
        id = it->second;
    } else {
        sqlite::Stmt ins(db_, "INSERT OR IGNORE INTO texts(ko, en) VALUES(?, ?)");
        ins.bind(1, text.ko).bind(2, text.en).run();
        sqlite::Stmt get(db_, "SELECT id FROM texts WHERE ko = ? AND en = ?");
        get.bind(1, text.ko).bind(2, text.en);
        if (!get.step()) sqlite::fail(db_, "a text was not stored");
        id = get.i64(0);
        ids_.emplace(std::move(key), id);
    }
    text.ko = kMark + std::to_string(id);
    text.en.clear();
}

void TextInterner::resolveOne(Text& text) const {
    if (text.ko.empty() || text.ko[0] != kMark || !text.en.empty()) return;
    const std::int64_t id = std::stoll(text.ko.substr(1));
    auto it = texts_.find(id);
    if (it == texts_.end()) {
        sqlite::Stmt get(db_, "SELECT ko, en FROM texts WHERE id = ?");
        get.bind(1, id);
        if (!get.step()) throw StoreError("a stored scorecard refers to a missing text");
        it = texts_.emplace(id, Text{get.str(0), get.str(1)}).first;
    }
    text = it->second;
}

void TextInterner::intern(Scorecard& card) {
    eachText(card, [&](Text& t) { internOne(t); });
}

void TextInterner::resolve(Scorecard& card) const {
    eachText(card, [&](Text& t) { resolveOne(t); });
}

}  // namespace counterplay::core
