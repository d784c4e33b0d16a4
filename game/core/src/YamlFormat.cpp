// The canonical layout (see YamlFormat.h): an emitter over YamlDocument driven by the schema
// table, with comments carried along by position.
#include "counterplay/core/YamlFormat.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "Schema.h"

namespace counterplay::core {

namespace {

using schema::MapKind;
using schema::ValueType;

/// What a value is, from its place in the schema.
struct Shape {
    enum class What { Spec, Text, List, Generic } what = What::Generic;
    MapKind kind = MapKind::Scenario;  ///< Spec: the map kind; List: the items' kind when itemSpec
    bool itemSpec = false;
};

Shape shapeOf(const schema::FieldSpec* f) {
    if (!f) return {};
    switch (f->type) {
        case ValueType::Text:
            return {Shape::What::Text};
        case ValueType::Map:
            return {Shape::What::Spec, f->sub};
        case ValueType::MapList:
            return {Shape::What::List, f->sub, true};
        case ValueType::NodeMap:
            return {Shape::What::Generic, f->sub, true};
        default:
            return {};
    }
}

int displayWidth(std::string_view s) {
    int w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else if (c >= 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xC0) {
            len = 2;
            cp = c & 0x1F;
        }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        w += cp >= 0x1100 ? 2 : 1;
        i += len;
    }
    return w;
}

struct Comments {
    std::map<int, std::vector<std::string>> leading;   ///< node -> full-line comments above it
    std::map<int, std::vector<std::string>> trailing;  ///< node -> end-of-line comments
    std::vector<std::string> atEnd;                    ///< after the last entry
    int total = 0;
};

/// Finds every comment (a '#' outside scalars and keys, at line start or after a space).
std::vector<std::pair<std::size_t, bool>> findComments(const YamlDocument& doc) {
    const std::string& s = doc.bytes();
    std::vector<char> mask(s.size() + 1, 0);
    for (const DocNode& n : doc.nodes()) {
        if (n.kind == DocNode::Kind::Scalar)
            for (std::size_t i = n.begin; i < n.end && i < s.size(); ++i) mask[i] = 1;
        if (!n.key.empty())
            for (std::size_t i = n.keyBegin; i < n.keyEnd && i < s.size(); ++i) mask[i] = 1;
    }
    std::vector<std::pair<std::size_t, bool>> out;  // (offset, whole line)
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '#' || mask[i]) continue;
        if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t' && s[i - 1] != '\n') continue;
        std::size_t ls = i;
        while (ls > 0 && s[ls - 1] != '\n') --ls;
        bool whole = true;
        for (std::size_t k = ls; k < i; ++k)
            if (s[k] != ' ' && s[k] != '\t') whole = false;
        out.emplace_back(i, whole);
        while (i < s.size() && s[i] != '\n') ++i;
    }
    return out;
}

std::string commentText(const std::string& s, std::size_t at) {
    std::size_t e = s.find('\n', at);
    if (e == std::string::npos) e = s.size();
    while (e > at && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
    return s.substr(at, e - at);
}

Comments attachComments(const YamlDocument& doc) {
    Comments c;
    const std::string& s = doc.bytes();
    // Entries and items in document order of their first character.
    std::vector<std::pair<std::size_t, int>> starts;
    for (int i = 1; i < static_cast<int>(doc.nodes().size()); ++i)
        starts.emplace_back(doc.nodes()[i].keyBegin, i);
    std::sort(starts.begin(), starts.end());
    for (auto [at, whole] : findComments(doc)) {
        ++c.total;
        const std::string text = commentText(s, at);
        if (whole) {
            auto it = std::upper_bound(starts.begin(), starts.end(), std::make_pair(at, 1 << 30));
            if (it == starts.end())
                c.atEnd.push_back(text);
            else
                c.leading[it->second].push_back(text);
        } else {
            auto it = std::lower_bound(starts.begin(), starts.end(), std::make_pair(at, 0));
            if (it == starts.begin()) {
                c.atEnd.push_back(text);
            } else {
                --it;
                c.trailing[it->second].push_back(text);
            }
        }
    }
    return c;
}

class Emitter {
public:
    Emitter(const YamlDocument& doc, Comments comments)
        : doc_(doc), n_(doc.nodes()), c_(std::move(comments)) {}

    std::string run(MapKind rootKind) {
        const DocNode& root = n_[0];
        if (root.kind != DocNode::Kind::Map) return {};
        emitMapEntries(0, {Shape::What::Spec, rootKind}, 0);
        for (const std::string& t : c_.atEnd) out_ += t + "\n";
        return out_;
    }
    int kept() const { return kept_; }

private:
    std::vector<int> ordered(int map, const Shape& shape) const {
        std::vector<int> kids = n_[map].children;
        if (shape.what == Shape::What::Text) {
            std::stable_sort(kids.begin(), kids.end(), [&](int a, int b) {
                auto rank = [&](int x) {
                    return n_[x].key == "ko" ? 0 : n_[x].key == "en" ? 1 : 2;
                };
                return rank(a) < rank(b);
            });
        } else if (shape.what == Shape::What::Spec) {
            const schema::MapSpec& spec = schema::spec(shape.kind);
            std::stable_sort(kids.begin(), kids.end(), [&](int a, int b) {
                auto rank = [&](int x) {
                    const int i = spec.indexOf(n_[x].key);
                    return i < 0 ? 1000 : i;
                };
                return rank(a) < rank(b);
            });
        }
        return kids;
    }

    Shape childShape(const Shape& parent, const DocNode& child) const {
        if (parent.what == Shape::What::Spec) {
            const schema::MapSpec& spec = schema::spec(parent.kind);
            const int i = spec.indexOf(child.key);
            return i < 0 ? Shape{} : shapeOf(&spec.fields[static_cast<std::size_t>(i)]);
        }
        if (parent.what == Shape::What::List && parent.itemSpec)
            return {Shape::What::Spec, parent.kind};
        if (parent.what == Shape::What::Generic && parent.itemSpec)  // node map values
            return {Shape::What::Spec, parent.kind};
        return {};
    }

    std::string scalar(const DocNode& n, const Shape& parent, bool inFlow) const {
        if (n.kind == DocNode::Kind::Null) return {};
        if (parent.what != Shape::What::Text && n.style == DocNode::Style::Plain &&
            YamlDocument::canBePlain(n.value, inFlow))
            return n.value;
        return YamlDocument::doubleQuoted(n.value);
    }
    std::string key(const DocNode& n) const {
        return YamlDocument::canBePlain(n.key, true) ? n.key : YamlDocument::doubleQuoted(n.key);
    }

    /// The one-line flow form of a collection of scalars, or empty when it cannot be one.
    std::string flow(int node, const Shape& shape) const {
        const DocNode& d = n_[node];
        const bool isMap = d.kind == DocNode::Kind::Map;
        std::string out = isMap ? "{" : "[";
        bool first = true;
        for (int c : isMap ? ordered(node, shape) : d.children) {
            const DocNode& k = n_[c];
            if (k.kind != DocNode::Kind::Scalar) return {};
            if (!first) out += ", ";
            first = false;
            if (isMap) out += key(k) + ": ";
            out += scalar(k, shape, true);
        }
        return out + (isMap ? "}" : "]");
    }

    /// Comments of `node` and of everything inside it (for a value written on one line).
    void gather(int node, std::vector<std::string>& lead, std::vector<std::string>& trail) {
        if (auto it = c_.leading.find(node); it != c_.leading.end())
            lead.insert(lead.end(), it->second.begin(), it->second.end());
        if (auto it = c_.trailing.find(node); it != c_.trailing.end())
            trail.insert(trail.end(), it->second.begin(), it->second.end());
        for (int c : n_[node].children) gather(c, lead, trail);
    }

    void line(int indent, const std::string& text, const std::vector<std::string>& trail) {
        out_ += std::string(static_cast<std::size_t>(indent), ' ') + text;
        for (const std::string& t : trail) {
            out_ += "  " + t;
            ++kept_;
        }
        out_ += '\n';
    }
    void leading(int indent, const std::vector<std::string>& lead) {
        for (const std::string& t : lead) {
            out_ += std::string(static_cast<std::size_t>(indent), ' ') + t + "\n";
            ++kept_;
        }
    }

    /// Emits one map entry or list item at `indent` with `prefix` ("key: " or "- ").
    void emitChild(int node, const Shape& parentShape, int indent, const std::string& prefix,
                   bool isItem) {
        const DocNode& d = n_[node];
        const Shape shape = childShape(parentShape, d);
        std::vector<std::string> lead, trail;
        if (auto it = c_.leading.find(node); it != c_.leading.end()) lead = it->second;
        if (auto it = c_.trailing.find(node); it != c_.trailing.end()) trail = it->second;
        if (d.kind == DocNode::Kind::Scalar || d.kind == DocNode::Kind::Null) {
            leading(indent, lead);
            std::string v = scalar(d, parentShape, false);
            std::string p = prefix;
            if (v.empty() && !p.empty() && p.back() == ' ') p.pop_back();
            line(indent, p + v, trail);
            return;
        }
        const std::string oneLine =
            d.children.empty() ? (d.kind == DocNode::Kind::Map ? "{}" : "[]") : flow(node, shape);
        if (!oneLine.empty() && indent + displayWidth(prefix + oneLine) <= kFlowLineWidth) {
            for (int c : d.children) gather(c, lead, trail);
            leading(indent, lead);
            line(indent, prefix + oneLine, trail);
            return;
        }
        leading(indent, lead);
        if (isItem && d.kind == DocNode::Kind::Map) {
            // "- " then the first entry on the same line, the rest under it.
            const std::size_t mark = out_.size();
            const int keptBefore = kept_;
            emitMapEntries(node, shape, indent + 2);
            // Replace the indentation of the first non-comment line with "- ".
            std::size_t pos = mark;
            while (pos < out_.size()) {
                std::size_t e = out_.find('\n', pos);
                const std::string_view l(out_.data() + pos, e - pos);
                if (l.find_first_not_of(' ') != std::string_view::npos &&
                    l[l.find_first_not_of(' ')] != '#')
                    break;
                pos = e + 1;
            }
            if (pos < out_.size()) out_.replace(pos + static_cast<std::size_t>(indent), 2, "- ");
            (void)keptBefore;
            return;
        }
        std::string p = prefix;
        if (!p.empty() && p.back() == ' ') p.pop_back();
        line(indent, p, trail);
        if (d.kind == DocNode::Kind::Map)
            emitMapEntries(node, shape, indent + 2);
        else
            emitItems(node, shape, indent + 2);
    }

    void emitMapEntries(int map, const Shape& shape, int indent) {
        const bool blankBetween =
            shape.what == Shape::What::Generic && shape.itemSpec && shape.kind == MapKind::Node;
        bool first = true;
        for (int c : ordered(map, shape)) {
            if (blankBetween && !first) out_ += '\n';
            first = false;
            emitChild(c, shape, indent, key(n_[c]) + ": ", false);
        }
    }

    void emitItems(int seq, const Shape& shape, int indent) {
        for (int c : n_[seq].children) emitChild(c, shape, indent, "- ", true);
    }

    const YamlDocument& doc_;
    const std::vector<DocNode>& n_;
    Comments c_;
    std::string out_;
    int kept_ = 0;
};

void textField(std::ostringstream& o, const char* name, const Text& t) {
    o << name << "={" << t.ko << "|" << t.en << "}\n";
}

void effectsField(std::ostringstream& o, const std::vector<Effect>& effects) {
    o << "effects=";
    for (const Effect& e : effects)
        o << e.variable << (e.kind == Effect::Kind::Add ? "+=" : ":=") << e.value << ",";
    o << "\n";
}

void pointsField(std::ostringstream& o, const Points& p) {
    o << "points=";
    for (const auto& [k, v] : p) o << k << ":" << v << ",";
    o << "\n";
}

void listField(std::ostringstream& o, const char* name, const std::vector<std::string>& v) {
    o << name << "=";
    for (const std::string& s : v) o << s << ",";
    o << "\n";
}

}  // namespace

FormatResult formatDocument(const YamlDocument& doc, bool catalogue) {
    FormatResult r;
    if (doc.root() < 0 || doc.nodes()[0].kind != DocNode::Kind::Map) {
        r.error = "the file is not a map of keys";
        return r;
    }
    Comments comments = attachComments(doc);
    r.commentsIn = comments.total;
    const int atEnd = static_cast<int>(comments.atEnd.size());
    Emitter e(doc, std::move(comments));
    r.bytes = e.run(catalogue ? MapKind::Catalogue : MapKind::Scenario);
    r.commentsOut = e.kept() + atEnd;
    r.ok = true;
    return r;
}

namespace {
bool sameNode(const YamlDocument& a, int i, const YamlDocument& b, int j) {
    const DocNode& x = a.nodes()[i];
    const DocNode& y = b.nodes()[j];
    if (x.kind != y.kind || x.children.size() != y.children.size()) return false;
    if (x.kind == DocNode::Kind::Scalar) return x.value == y.value;
    for (std::size_t k = 0; k < x.children.size(); ++k) {
        const int xc = x.children[k];
        const int yc = x.kind == DocNode::Kind::Map ? b.child(j, a.nodes()[xc].key) : y.children[k];
        if (yc < 0 || !sameNode(a, xc, b, yc)) return false;
    }
    return true;
}
}  // namespace

bool sameContent(const YamlDocument& a, const YamlDocument& b) {
    return a.root() >= 0 && b.root() >= 0 && sameNode(a, 0, b, 0);
}

int countComments(const YamlDocument& doc) { return static_cast<int>(findComments(doc).size()); }

std::string modelText(const Scenario& s) {
    std::ostringstream o;
    o << "format=" << s.format << "\nid=" << s.id << "\n";
    textField(o, "title", s.title);
    textField(o, "summary", s.summary);
    o << "setting=" << s.setting << "\ndifficulty=" << s.difficulty << "\nsource=" << s.source.ref
      << "|" << s.source.seed << "|" << s.source.item.ko << "|" << s.source.item.en << "\n";
    listField(o, "principles", s.principles);
    o << "pass=" << s.passThreshold << "\n";
    textField(o, "customer", s.customer.name);
    const Look& l = s.customer.look;
    o << "look=" << l.skin << "," << l.hair << "," << l.hairColor << "," << l.outfit << ","
      << l.outfitColor << "," << l.accessory << "\nmood=" << s.customer.mood
      << "\ntrust=" << s.customer.trust << "\n";
    for (const auto& [k, v] : s.flags) o << "flag " << k << "=" << v << "\n";
    for (const auto& [k, v] : s.counters) o << "counter " << k << "=" << v << "\n";
    for (const CriticalAction& c : s.criticalActions) {
        o << "critical " << c.id << " tag=" << c.tag << " order=" << c.order.value_or(-999)
          << " deadline=" << c.deadline.value_or(-999) << "\n";
        textField(o, "label", c.label);
    }
    o << "start=" << s.start << "\n";
    for (const Node& n : s.nodes) {
        o << "node " << n.id << (n.shuffle ? "" : " shuffle=false") << "\n";
        for (const Line& ln : n.lines) {
            o << "line " << ln.speaker << " " << ln.expression << "\n";
            textField(o, "text", ln.text);
        }
        for (const Choice& c : n.choices) {
            o << "choice " << c.id << " next=" << c.next
              << " condition=" << (c.condition ? c.condition->source() : "-") << "\n";
            textField(o, "text", c.text);
            textField(o, "feedback", c.feedback);
            effectsField(o, c.effects);
            pointsField(o, c.points);
            listField(o, "tags", c.tags);
        }
        if (n.timeLimit) {
            const TimeLimit& t = *n.timeLimit;
            o << "time_limit " << t.seconds << " next=" << t.next << "\n";
            textField(o, "feedback", t.feedback);
            effectsField(o, t.effects);
            pointsField(o, t.points);
            listField(o, "tags", t.tags);
        }
        if (n.ending) {
            o << "ending " << n.ending->id << " " << n.ending->kind << " "
              << n.ending->recommend.value_or(-999) << "\n";
            textField(o, "title", n.ending->title);
        }
    }
    return o.str();
}

std::string newScenarioText(std::string_view id) {
    std::string t =
        "# A new Counterplay scenario. The format is described in docs/scenario-format.md;\n"
        "# check it with `counterplay lint FILE` and try it with `counterplay play FILE`.\n"
        "format: 1\n"
        "id: @ID@\n"
        "title: {ko: \"새 시나리오\", en: \"A new scenario\"}\n"
        "summary: {ko: \"손님이 불만을 안고 찾아왔다.\", en: \"A customer has come in with a "
        "complaint.\"}\n"
        "setting: boutique\n"
        "difficulty: 1\n"
        "# Where the content comes from: a source of the catalogue's `sources:` and the item in it.\n"
        "source: {ref: carnegie-online-7-steps, item: \"2\"}\n"
        "principles: [complaint.listen]\n"
        "pass_threshold: 70\n"
        "customer:\n"
        "  name: {ko: \"김지현\", en: \"Kim Ji-hyun\"}\n"
        "  look: {skin: \"#f1c8a5\", hair: bob, hair_color: \"#2b1d14\", outfit: coat, "
        "outfit_color: \"#5a6e8c\"}\n"
        "  mood: 40\n"
        "  trust: 50\n"
        "start: arrive\n"
        "nodes:\n"
        "  # The first beat: the customer speaks, then the trainee chooses.\n"
        "  arrive:\n"
        "    lines:\n"
        "      - expression: annoyed\n"
        "        text: {ko: \"이것 좀 보세요.\", en: \"Look at this.\"}\n"
        "    choices:\n"
        "      - id: listen\n"
        "        text: {ko: \"무슨 일이신지 말씀해 주세요.\", en: \"Please tell me what "
        "happened.\"}\n"
        "        effects: {mood: 10}\n"
        "        points: {complaint.listen: 2}\n"
        "        feedback: {ko: \"먼저 들었다.\", en: \"You listened first.\"}\n"
        "        next: resolved\n"
        "      - id: brush-off\n"
        "        text: {ko: \"지금 바빠요.\", en: \"I'm busy right now.\"}\n"
        "        effects: {mood: -20}\n"
        "        points: {complaint.listen: -2}\n"
        "        feedback: {ko: \"손님의 말을 듣지 않았다.\", en: \"You did not listen.\"}\n"
        "        next: lost\n"
        "\n"
        "  # Endings: every path finishes at a node with `ending`.\n"
        "  resolved:\n"
        "    lines:\n"
        "      - expression: relieved\n"
        "        text: {ko: \"고마워요.\", en: \"Thank you.\"}\n"
        "    ending:\n"
        "      kind: resolved\n"
        "      title: {ko: \"해결\", en: \"Sorted out\"}\n"
        "\n"
        "  lost:\n"
        "    lines:\n"
        "      - expression: angry\n"
        "        text: {ko: \"됐어요.\", en: \"Forget it.\"}\n"
        "    ending:\n"
        "      kind: lost\n"
        "      title: {ko: \"떠난 손님\", en: \"The customer left\"}\n";
    const std::string marker = "@ID@";
    t.replace(t.find(marker), marker.size(), std::string(id));
    return t;
}

namespace {
std::string flowText(const Text& t) {
    return "{ko: " + YamlDocument::doubleQuoted(t.ko) +
           ", en: " + YamlDocument::doubleQuoted(t.en) + "}";
}
}  // namespace

std::string choiceBody(std::string_view id, const Text& text, const Text& feedback,
                       std::string_view next) {
    std::string out;
    if (!id.empty()) out += "id: " + std::string(id) + "\n";
    out += "text: " + flowText(text) + "\n";
    out += "feedback: " + flowText(feedback) + "\n";
    out += "next: " + std::string(next) + "\n";
    return out;
}

std::string endingNodeBody(const Text& line, std::string_view kind, const Text& title) {
    return "lines:\n  - speaker: narrator\n    text: " + flowText(line) +
           "\nending:\n  kind: " + std::string(kind) + "\n  title: " + flowText(title) + "\n";
}

}  // namespace counterplay::core
