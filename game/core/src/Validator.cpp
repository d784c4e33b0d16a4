// Semantic checks (see Validator.h).
#include "Validator.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "Utf8.h"

namespace counterplay::core {

int editDistance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    // Three rolling rows of the optimal-string-alignment table.
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (int j = 0; j <= m; ++j) prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], limit + 1);
}

Suggester::Suggester(std::string_view word)
    : word_(word), limit_(word.size() <= 3 ? 1 : word.size() <= 6 ? 2 : 3),
      bestDistance_(limit_ + 1) {}

void Suggester::consider(std::string_view candidate) {
    if (candidate == word_) return;
    const int d = editDistance(word_, candidate, limit_);
    if (d < bestDistance_) {
        bestDistance_ = d;
        best_ = std::string(candidate);
    }
}

std::string Suggester::hint() const {
    return best_.empty() ? std::string() : " (did you mean '" + best_ + "'?)";
}

}  // namespace counterplay::core

namespace counterplay::core::validate {

bool isId(std::string_view s) {
    if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                        c == '.';
        if (!ok) return false;
    }
    return true;
}

std::string notAnIdMessage(std::string_view value) {
    std::string shown(value.substr(0, 60));
    if (value.size() > 60) shown += "...";
    return "'" + shown +
           "' is not a valid id: use lower-case letters a-z, digits, '-', '_' and '.', starting "
           "with a letter";
}


std::string invalidConditionMessage(const std::string& parseError) {
    return "invalid condition: " + parseError;
}

std::optional<Condition> parseCondition(const YamlTree& tree, std::uint32_t node,
                                        const std::set<std::string>& known, DiagSink& sink,
                                        const Path& path) {
    const std::string_view source = tree.str(node);
    Condition::ParseResult result = Condition::parse(source, known);
    if (result.ok) return std::move(result.condition);

    Pos pos = tree.pos(node);
    const YNode& n = tree[node];
    int quote = -1;  // characters before the string's first character in the file
    if (n.style == YNode::Style::Plain) quote = 0;
    if (n.style == YNode::Style::DoubleQuoted || n.style == YNode::Style::SingleQuoted) quote = 1;
    const std::size_t errorByte =
        result.column > 0 ? std::min<std::size_t>(result.column - 1, source.size()) : 0;
    // The raw text must hold the same bytes up to the error (no escapes, no line folding).
    const std::size_t rawStart = n.pos + static_cast<std::size_t>(std::max(quote, 0));
    if (quote >= 0 && rawStart + errorByte <= tree.text.size() &&
        tree.text.substr(rawStart, errorByte) == source.substr(0, errorByte))
        pos.column += quote + static_cast<int>(utf8::codePoints(source.substr(0, errorByte)));
    sink.error(pos, path, invalidConditionMessage(result.error));
    return std::nullopt;
}

namespace {

// Calls f(targetIndex, edgeNumber) for every outgoing edge of a node: choices in file order, then
// the timeout (edge number == choices.size()).
template <class F>
void forEachEdge(const Node& node, F&& f) {
    for (std::size_t i = 0; i < node.choices.size(); ++i) f(node.choices[i].nextIndex, i);
    if (node.timeLimit) f(node.timeLimit->nextIndex, node.choices.size());
}

void reportCycle(const Scenario& s, const std::vector<std::size_t>& stack, std::size_t from,
                 std::size_t to, std::size_t edge, DiagSink& sink) {
    const std::vector<std::size_t> cycle(std::find(stack.begin(), stack.end(), to), stack.end());
    std::string loop;
    for (std::size_t k = 0; k < cycle.size(); ++k) {
        if (cycle.size() > 24 && k == 12) {  // keep very long loops readable
            loop += "... -> ";
            k = cycle.size() - 11;
        }
        loop += s.nodes[cycle[k]].id + " -> ";
    }
    loop += s.nodes[to].id;
    const Node& node = s.nodes[from];
    Pos pos{node.line, node.column};
    std::string path = "nodes." + node.id;
    // Point at the `next:` that closes the loop (the choice or node when it is not known).
    if (edge < node.choices.size()) {
        const Choice& c = node.choices[edge];
        pos = c.nextLine > 0 ? Pos{c.nextLine, c.nextColumn} : Pos{c.line, c.column};
        path += ".choices[" + std::to_string(edge) + "].next";
    } else {
        if (node.timeLimit && node.timeLimit->nextLine > 0)
            pos = Pos{node.timeLimit->nextLine, node.timeLimit->nextColumn};
        path += ".time_limit.next";
    }
    sink.addRendered(Severity::Error, pos, std::move(path),
                     "cycle: " + loop + " (a conversation must move forward; loops are not "
                                        "allowed)");
}

}  // namespace

void checkGraph(const Scenario& s, DiagSink& sink) {
    const std::size_t n = s.nodes.size();
    if (n == 0) return;

    // Reachability from start (breadth-first).
    std::vector<char> reached(n, 0);
    if (s.startIndex < n) {
        std::vector<std::size_t> queue{s.startIndex};
        reached[s.startIndex] = 1;
        for (std::size_t q = 0; q < queue.size(); ++q) {
            forEachEdge(s.nodes[queue[q]], [&](std::size_t to, std::size_t) {
                if (to < n && !reached[to]) {
                    reached[to] = 1;
                    queue.push_back(to);
                }
            });
        }
        for (std::size_t i = 0; i < n; ++i)
            if (!reached[i])
                sink.addRendered(Severity::Warning, Pos{s.nodes[i].line, s.nodes[i].column},
                                 "nodes." + s.nodes[i].id,
                                 "unreachable node: no path leads here from the start node '" +
                                     s.start + "'");
    }

    // Cycles: iterative depth-first search (no recursion: 10,000 nodes may form one chain).
    enum : char { White, Grey, Black };
    std::vector<char> colour(n, White);
    std::vector<std::size_t> stack;       // nodes on the current path
    std::vector<std::size_t> nextEdge;    // per stack entry: the next edge to follow
    const auto edgeTarget = [&](const Node& node, std::size_t e) {
        return e < node.choices.size() ? node.choices[e].nextIndex : node.timeLimit->nextIndex;
    };
    std::vector<std::size_t> roots;
    roots.reserve(n + 1);
    if (s.startIndex < n) roots.push_back(s.startIndex);
    for (std::size_t i = 0; i < n; ++i) roots.push_back(i);
    for (std::size_t root : roots) {
        if (colour[root] != White) continue;
        stack.push_back(root);
        nextEdge.push_back(0);
        colour[root] = Grey;
        while (!stack.empty() && !sink.full()) {
            const std::size_t u = stack.back();
            const Node& node = s.nodes[u];
            const std::size_t edges = node.choices.size() + (node.timeLimit ? 1 : 0);
            std::size_t& e = nextEdge.back();
            if (e >= edges) {
                colour[u] = Black;
                stack.pop_back();
                nextEdge.pop_back();
                continue;
            }
            const std::size_t edge = e++;
            const std::size_t v = edgeTarget(node, edge);
            if (v >= n) continue;
            if (colour[v] == Grey) {
                reportCycle(s, stack, u, v, edge, sink);
            } else if (colour[v] == White) {
                colour[v] = Grey;
                stack.push_back(v);
                nextEdge.push_back(0);
            }
        }
        stack.clear();
        nextEdge.clear();
    }
}

}  // namespace counterplay::core::validate
