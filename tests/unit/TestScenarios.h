// Builds Scenario structs directly in C++ for unit tests of the runtime (session, analysis,
// scorecard), so those tests do not depend on the YAML loader.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "counterplay/core/Condition.h"
#include "counterplay/core/Model.h"

namespace testscen {

using counterplay::core::Effect;
using counterplay::core::Points;

/// `mood: +v`, `excuses: +v` (Add).
inline Effect add(std::string var, int v) { return Effect{std::move(var), Effect::Kind::Add, v}; }
/// `apologised: true` (Set).
inline Effect set(std::string var, bool v) {
    return Effect{std::move(var), Effect::Kind::Set, v ? 1 : 0};
}

inline counterplay::core::Text text(const std::string& s) { return {"ko:" + s, "en:" + s}; }

/// Fluent builder: node() selects the node that choice()/timeout()/ending() add to.
class Builder {
public:
    explicit Builder(std::string id = "test") {
        sc_ = std::make_shared<counterplay::core::Scenario>();
        sc_->id = std::move(id);
        sc_->title = text("title");
        sc_->file = sc_->id + ".yaml";
        sc_->contentHash = "hash-" + sc_->id;
        sc_->customer.mood = 50;
        sc_->customer.trust = 50;
    }
    Builder& mood(int v) { return sc_->customer.mood = v, *this; }
    Builder& trust(int v) { return sc_->customer.trust = v, *this; }
    Builder& flag(const std::string& n, bool v = false) { return sc_->flags[n] = v, *this; }
    Builder& counter(const std::string& n, int v = 0) { return sc_->counters[n] = v, *this; }
    Builder& threshold(int v) { return sc_->passThreshold = v, *this; }
    Builder& hash(const std::string& h) { return sc_->contentHash = h, *this; }
    Builder& critical(const std::string& id, const std::string& tag,
                      std::optional<int> order = std::nullopt,
                      std::optional<int> deadline = std::nullopt) {
        counterplay::core::CriticalAction ca;
        ca.id = id;
        ca.tag = tag;
        ca.label = text(id);
        ca.order = order;
        ca.deadline = deadline;
        sc_->criticalActions.push_back(ca);
        return *this;
    }

    /// Adds a node (the first one added is the start node).
    Builder& node(const std::string& id) {
        counterplay::core::Node n;
        n.id = id;
        n.line = static_cast<int>(sc_->nodes.size()) + 1;
        n.column = 3;
        if (sc_->nodes.empty()) sc_->start = id;
        sc_->nodes.push_back(std::move(n));
        return *this;
    }

    Builder& choice(const std::string& next, Points points = {}, const std::string& condition = "",
                    std::vector<Effect> effects = {}, std::vector<std::string> tags = {}) {
        auto& n = sc_->nodes.back();
        counterplay::core::Choice c;
        c.id = n.id + "." + std::to_string(n.choices.size());
        c.text = text(c.id);
        c.feedback = text("fb " + c.id);
        c.next = next;
        c.points = std::move(points);
        c.effects = std::move(effects);
        c.tags = std::move(tags);
        c.line = n.line * 10 + static_cast<int>(n.choices.size());
        c.column = 7;
        if (!condition.empty()) conditions_.push_back({sc_->nodes.size() - 1, n.choices.size(), condition});
        n.choices.push_back(std::move(c));
        return *this;
    }

    Builder& timeout(int seconds, const std::string& next, Points points = {},
                     std::vector<Effect> effects = {}, std::vector<std::string> tags = {}) {
        counterplay::core::TimeLimit t;
        t.seconds = seconds;
        t.next = next;
        t.points = std::move(points);
        t.effects = std::move(effects);
        t.tags = std::move(tags);
        t.feedback = text("timeout " + sc_->nodes.back().id);
        sc_->nodes.back().timeLimit = std::move(t);
        return *this;
    }

    /// `shuffle: false` on the current node: its choices always show in file order.
    Builder& keepOrder() { return sc_->nodes.back().shuffle = false, *this; }

    Builder& ending(const std::string& kind = "resolved", std::optional<int> recommend = {},
                    const std::string& endingId = "") {
        counterplay::core::Ending e;
        e.id = endingId;
        e.kind = kind;
        e.title = text("end " + sc_->nodes.back().id);
        e.recommend = recommend;
        sc_->nodes.back().ending = std::move(e);
        return *this;
    }

    /// Resolves node indices and parses conditions; throws on a bad reference or condition.
    std::shared_ptr<const counterplay::core::Scenario> build() {
        auto& sc = *sc_;
        sc.nodeIndex.clear();
        for (std::size_t i = 0; i < sc.nodes.size(); ++i) sc.nodeIndex[sc.nodes[i].id] = i;
        auto index = [&](const std::string& id) {
            auto it = sc.nodeIndex.find(id);
            if (it == sc.nodeIndex.end()) throw std::runtime_error("no node " + id);
            return it->second;
        };
        sc.startIndex = index(sc.start);
        for (auto& n : sc.nodes) {
            for (auto& c : n.choices) c.nextIndex = index(c.next);
            if (n.timeLimit) n.timeLimit->nextIndex = index(n.timeLimit->next);
        }
        std::set<std::string> known{"mood", "trust"};
        for (const auto& [k, v] : sc.flags) known.insert(k);
        for (const auto& [k, v] : sc.counters) known.insert(k);
        for (const auto& pc : conditions_) {
            auto r = counterplay::core::Condition::parse(pc.source, known);
            if (!r.ok) throw std::runtime_error("bad condition " + pc.source + ": " + r.error);
            sc.nodes[pc.node].choices[pc.choice].condition = r.condition;
        }
        return sc_;
    }

private:
    struct PendingCondition {
        std::size_t node, choice;
        std::string source;
    };
    std::shared_ptr<counterplay::core::Scenario> sc_;
    std::vector<PendingCondition> conditions_;
};

/// The format reference's example ("The late order"), built in C++: apologise (+3, tag
/// apologise, critical within 2 decisions) leads to a loyal ending; the excuse (-2) or the
/// 30-second timeout (-2) to a lost one.
inline std::shared_ptr<const counterplay::core::Scenario> lateOrder() {
    return Builder("example-late-order")
        .mood(35)
        .trust(50)
        .flag("apologised")
        .critical("own-it", "apologise", std::nullopt, 2)
        .node("arrive")
        .timeout(30, "walked-out", {{"complaint.greet-thank", -2}})
        .choice("fixed", {{"trust.small-promises", 2}, {"complaint.listen", 1}}, "",
                {add("mood", 15), add("trust", 10), set("apologised", true)}, {"apologise"})
        .choice("walked-out", {{"trust.small-promises", -2}}, "",
                {add("mood", -20), add("trust", -15)})
        .node("fixed")
        .ending("loyal")
        .node("walked-out")
        .ending("lost", 1)
        .build();
}

}  // namespace testscen
