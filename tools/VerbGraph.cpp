// `counterplay graph FILE`: the scenario's branch graph as Graphviz DOT (pipe into `dot -Tsvg`).
// The DOT text is written by hand: it is a few lines of string escaping, and no DOT-writing
// library is packaged for Debian 12 apart from linking all of libgraphviz for it.
#include <iostream>
#include <set>

#include "Common.h"
#include "Verbs.h"

namespace counterplay::tools {
namespace {

using core::Lang;

/// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n, other control
/// characters dropped. UTF-8 passes through unchanged.
std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
        }
    }
    return out + "\"";
}

struct EndingStyle {
    const char* fill;
    const char* border;
};

EndingStyle endingStyle(const std::string& kind) {
    if (kind == "loyal") return {"#c8e6c9", "#2e7d32"};      // green
    if (kind == "resolved") return {"#bbdefb", "#1565c0"};   // blue
    if (kind == "lost") return {"#ffcdd2", "#c62828"};       // red
    if (kind == "escalated") return {"#ffe0b2", "#ef6c00"};  // orange
    return {"#eeeeee", "#616161"};
}

int netPoints(const core::Points& points) {
    int total = 0;
    for (const auto& [id, value] : points) total += value;
    return total;
}

const char* edgeColour(int net) {
    return net > 0 ? "#2e7d32" : net < 0 ? "#c62828" : "#616161";
}

/// `text` cut to `maxCodePoints` (snippet) and broken into lines of about `width` columns at
/// spaces (a Korean character counts two), so a long label stays readable in the drawing.
std::string wrapped(std::string_view text, std::size_t maxCodePoints, std::size_t width) {
    const std::string cut = snippet(text, maxCodePoints);
    std::string out;
    std::size_t column = 0;
    for (std::size_t i = 0; i < cut.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(cut[i]);
        if (c == ' ' && column >= width) {
            out += '\n';
            column = 0;
            continue;
        }
        out += cut[i];
        if ((c & 0xC0) != 0x80) column += c >= 0xE0 ? 2 : 1;  // Hangul and CJK are two wide
    }
    return out;
}

void writeNode(std::ostream& out, const core::Scenario& s, const core::Node& node, Lang lang,
               bool unreachable) {
    std::string text = node.id;
    if (!node.lines.empty()) text += "\n" + wrapped(node.lines.front().text.in(lang), 72, 32);
    std::string attrs;
    if (node.ending) {
        const EndingStyle style = endingStyle(node.ending->kind);
        text += "\n[" + label("kind." + node.ending->kind, lang) + "] " +
                wrapped(node.ending->title.in(lang), 48, 32);
        attrs = std::string(", fillcolor=\"") + style.fill + "\", color=\"" + style.border +
                "\", penwidth=2";
    }
    if (node.timeLimit)
        text += "\n(" + label("graph.limit", lang, {{"s", std::to_string(node.timeLimit->seconds)}}) +
                ")";
    if (node.id == s.start) attrs += ", penwidth=3, peripheries=2";
    if (unreachable) attrs += ", style=\"rounded,dashed\", fontcolor=\"#9e9e9e\"";
    out << "  " << quote(node.id) << " [label=" << quote(text) << attrs << "];\n";
}

/// Each choice edge is labelled with the number `play` gives it (its place among the node's
/// choices in file order, as scripted play and `analyze` count when every choice is shown), its
/// id (what `play --choices` takes), the start of its text, its net points and its condition.
void writeEdges(std::ostream& out, const core::Node& node, Lang lang) {
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
        const core::Choice& c = node.choices[i];
        const int net = netPoints(c.points);
        std::string text = std::to_string(i + 1) + " " + c.id + ": " +
                           wrapped(c.text.in(lang), 60, 28);
        if (!c.points.empty()) text += "\n" + signedNumber(net);
        if (c.condition && !c.condition->source().empty())
            text += "\n" + label("graph.if", lang, {{"condition", c.condition->source()}});
        out << "  " << quote(node.id) << " -> " << quote(c.next) << " [label=" << quote(text)
            << ", color=\"" << edgeColour(net) << "\", fontcolor=\"" << edgeColour(net) << "\""
            << (c.condition ? ", style=bold" : "") << "];\n";
    }
    if (node.timeLimit) {
        const int net = netPoints(node.timeLimit->points);
        std::string text =
            label("graph.timeout", lang, {{"s", std::to_string(node.timeLimit->seconds)}});
        if (!node.timeLimit->points.empty()) text += "\n" + signedNumber(net);
        out << "  " << quote(node.id) << " -> " << quote(node.timeLimit->next)
            << " [label=" << quote(text) << ", style=dashed, color=\"" << edgeColour(net)
            << "\", fontcolor=\"" << edgeColour(net) << "\"];\n";
    }
}

/// Writes the DOT graph of a scenario; unreachable nodes are drawn dashed and grey.
void writeDot(std::ostream& out, const core::Scenario& s, const std::set<std::string>& unreachable,
              Lang lang) {
    out << "digraph " << quote(s.id) << " {\n";
    out << "  graph [rankdir=TB, labelloc=t, fontname=\"sans-serif\", label="
        << quote(s.title.in(lang) + " [" + s.id + "]") << "];\n";
    out << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
           "fontname=\"sans-serif\", fontsize=11];\n";
    out << "  edge [fontname=\"sans-serif\", fontsize=9];\n";
    out << "  \"__start\" [shape=point, width=0.15, label=\"\"];\n";
    out << "  \"__start\" -> " << quote(s.start) << ";\n";
    for (const core::Node& node : s.nodes) writeNode(out, s, node, lang, unreachable.count(node.id) > 0);
    for (const core::Node& node : s.nodes) writeEdges(out, node, lang);
    out << "}\n";
}

}  // namespace

int graphMain(int argc, char** argv) {
    CLI::App app{"Print a scenario's branch graph as Graphviz DOT: nodes with their first line, "
                 "endings coloured by kind (loyal green, resolved blue, lost red, escalated "
                 "orange), the start node double-framed, choices as edges with their number, text "
                 "and net points, conditions, and timeouts dashed. Render with "
                 "`counterplay graph FILE | dot -Tsvg > graph.svg`.",
                 "counterplay graph"};
    std::string file;
    std::string catalogue;
    std::string langValue;
    app.add_option("FILE", file, "Scenario file")->required();
    app.add_option("--catalogue", catalogue,
                   "Principle catalogue (default: principles.yaml next to the scenario or above)");
    addLangOption(app, langValue);
    if (auto code = parseCommandLine(app, argc, argv)) return *code;

    ToolScenario loaded = loadScenarioForTool(file, catalogue, std::cerr);
    if (!loaded.scenario) {
        std::cerr << "counterplay graph: " << file << " has errors\n";
        return kExitData;
    }
    const core::Analysis analysis = core::analyzeScenario(*loaded.scenario);
    const std::set<std::string> unreachable(analysis.unreachable.begin(), analysis.unreachable.end());
    writeDot(std::cout, *loaded.scenario, unreachable, resolveLang(langValue));
    return kExitOk;
}

}  // namespace counterplay::tools
