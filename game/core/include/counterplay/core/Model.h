// The scenario model: what a loaded scenario file means. Plain data, no YAML types.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "counterplay/core/Condition.h"
#include "counterplay/core/Text.h"

namespace counterplay::core {

/// Where a principle or scenario comes from: `source: {ref: ID, item: ...}` cites an entry of the
/// catalogue's `sources:` table (see Catalogue.h). The old form `{seed: FILE, item: ...}` still
/// loads, with a warning, since users cannot read such a file.
struct SourceRef {
    std::string ref;   ///< id of a catalogue source; empty in the old form
    Text item;         ///< which part, e.g. "10" or "step 3"; may be empty
    std::string seed;  ///< old form only: a file name
    int line = 0, column = 0;  ///< position of the `ref` value (for later checks)

    bool empty() const { return ref.empty() && seed.empty(); }
};

/// How the app draws a customer (ids and "#rrggbb" colours; resolved by the app).
struct Look {
    std::string skin;
    std::string hair;
    std::string hairColor;
    std::string outfit;
    std::string outfitColor;
    std::string accessory = "none";
};

struct Customer {
    Text name;
    Look look;
    int mood = 50;   ///< 0..100
    int trust = 50;  ///< 0..100
};

/// One change to state. For mood, trust and counters `value` is added; for flags the flag is set
/// to `value != 0`.
struct Effect {
    enum class Kind { Add, Set };
    std::string variable;
    Kind kind = Kind::Add;
    int value = 0;
};

/// Signed points per principle id, sorted by id (deterministic iteration).
using Points = std::map<std::string, int>;

struct Line {
    std::string speaker = "customer";  ///< customer | staff | narrator
    std::string expression;            ///< empty = derive from mood
    Text text;
};

struct Choice {
    std::string id;  ///< stable id ("<node>.<index>" when not given)
    Text text;
    std::optional<Condition> condition;
    std::vector<Effect> effects;
    Points points;
    Text feedback;
    std::vector<std::string> tags;
    std::string next;
    std::size_t nextIndex = 0;  ///< index into Scenario::nodes (valid when the scenario has no errors)
    int line = 0, column = 0;
    int nextLine = 0, nextColumn = 0;  ///< where its `next:` key is (0 when unknown)
};

/// A node's timer; when it runs out the timeout branch is taken like a choice.
struct TimeLimit {
    int seconds = 0;
    std::string next;
    std::size_t nextIndex = 0;
    std::vector<Effect> effects;
    Points points;
    Text feedback;
    std::vector<std::string> tags;
    int nextLine = 0, nextColumn = 0;  ///< where its `next:` key is (0 when unknown)
};

struct Ending {
    std::string id;
    std::string kind;  ///< loyal | resolved | lost | escalated
    Text title;
    std::optional<int> recommend;  ///< 0..10
};

struct Node {
    std::string id;
    std::vector<Line> lines;
    std::vector<Choice> choices;
    std::optional<Ending> ending;
    std::optional<TimeLimit> timeLimit;
    bool shuffle = true;  ///< false: the choices are always shown in file order (e.g. a scale)
    int line = 0, column = 0;

    bool isEnding() const { return ending.has_value(); }
};

struct CriticalAction {
    std::string id;
    std::string tag;
    Text label;
    std::optional<int> order;
    std::optional<int> deadline;  ///< within this many decisions (1 = first)
    /// Never set by the loader: a play that starts mid-scenario (PlayFromHere.h) marks an action
    /// it cannot judge; the scorecard then reports it "not applicable" instead of "missed".
    bool notApplicable = false;
};

struct Scenario {
    int format = 1;
    std::string id;
    Text title;
    Text summary;
    std::string setting;
    int difficulty = 1;
    SourceRef source;
    std::vector<std::string> principles;  ///< principles trained (shown on the card)
    int passThreshold = 70;
    Customer customer;
    std::map<std::string, bool> flags;    ///< declared flags with start values
    std::map<std::string, int> counters;  ///< declared counters with start values
    std::vector<CriticalAction> criticalActions;
    std::string start;
    std::size_t startIndex = 0;
    std::vector<Node> nodes;  ///< in file order
    std::unordered_map<std::string, std::size_t> nodeIndex;

    std::string file;         ///< path it was loaded from (or the display name)
    std::string contentHash;  ///< lower-case hex SHA-256 of the file bytes

    /// The node with this id, or nullptr.
    const Node* findNode(const std::string& nodeId) const;

    /// Index of the node a reference (`start`, a `next`) names: the stored index when it still
    /// matches, else a look-up by id; nodes.size() when there is no such node. Shared by the
    /// session and the analysis so that both follow a reference the same way.
    std::size_t resolve(const std::string& nodeId, std::size_t storedIndex) const;
};

}  // namespace counterplay::core
