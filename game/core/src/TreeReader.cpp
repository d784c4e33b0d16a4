// Schema-driven reading of the guarded YAML tree (see TreeReader.h).
#include "TreeReader.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "Validator.h"

namespace counterplay::core {

using schema::FieldSpec;
using schema::ValueType;

namespace {

// A value for a message: quoted, first line only, at most 40 code points.
std::string quoteShort(std::string_view s) {
    std::size_t end = 0;
    std::size_t n = 0;
    while (end < s.size() && s[end] != '\n') {
        if ((static_cast<unsigned char>(s[end]) & 0xC0) != 0x80) {
            if (n == 40) break;
            ++n;
        }
        ++end;
    }
    std::string out = "'" + std::string(s.substr(0, end));
    if (end < s.size()) out += "...";
    return out + "'";
}

const char* expectedName(ValueType t) {
    switch (t) {
        case ValueType::Integer: return "an integer";
        case ValueType::Bool: return "true or false";
        case ValueType::Id: return "an id";
        case ValueType::String: return "a string";
        case ValueType::Colour: return "a colour \"#rrggbb\"";
        case ValueType::Condition: return "a condition (a string)";
        case ValueType::Text: return "a text map {ko: ..., en: ...}";
        case ValueType::Label: return "a string or a text map {ko: ..., en: ...}";
        case ValueType::Map: return "a map";
        case ValueType::IdList: return "a list of ids";
        case ValueType::MapList: return "a list";
        case ValueType::NodeMap: return "a map of node ids to nodes";
        case ValueType::FlagMap: return "a map of flag names to true or false";
        case ValueType::CounterMap: return "a map of counter names to integers";
        case ValueType::Effects: return "a map of state variables to values";
        case ValueType::Points: return "a map of principle ids to integers";
    }
    return "a value";
}

YNode::Kind shapeOf(ValueType t) {
    switch (t) {
        case ValueType::Integer:
        case ValueType::Bool:
        case ValueType::Id:
        case ValueType::String:
        case ValueType::Colour:
        case ValueType::Condition: return YNode::Kind::Scalar;
        case ValueType::IdList:
        case ValueType::MapList: return YNode::Kind::Sequence;
        default: return YNode::Kind::Map;
    }
}

bool holdsNested(const FieldSpec& fs) {
    return fs.type == ValueType::Map || fs.type == ValueType::MapList ||
           fs.type == ValueType::NodeMap;
}

// The kind of map one level down or up from `here` where `key` is a valid key, or null. A key
// that fits the block just before it (`previous`, an index into here's fields, or -1) is taken
// to belong there: it was indented too little after that block.
const schema::MapSpec* misplacedIn(const schema::MapSpec& here, std::string_view key,
                                   int previous) {
    if (previous >= 0) {
        const FieldSpec& p = here.fields[static_cast<std::size_t>(previous)];
        if (holdsNested(p) && schema::spec(p.sub).indexOf(key) >= 0) return &schema::spec(p.sub);
    }
    for (const FieldSpec& fs : here.fields)
        if (holdsNested(fs) && schema::spec(fs.sub).indexOf(key) >= 0) return &schema::spec(fs.sub);
    for (const schema::MapSpec& s : schema::allSpecs())
        for (const FieldSpec& fs : s.fields)
            if (holdsNested(fs) && fs.sub == here.kind && s.indexOf(key) >= 0) return &s;
    return nullptr;
}

// "a choice", "an ending".
std::string withArticle(std::string_view noun) {
    const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(noun);
}

// "'next' belongs to a choice, not a node: check the indentation".
std::string indentationMessage(std::string_view key, std::string_view belongs,
                               std::string_view here) {
    return quoteShort(key) + " belongs to " + withArticle(belongs) + ", not " +
           withArticle(here) + ": check the indentation";
}

}  // namespace

std::uint32_t TreeReader::Fields::operator[](std::string_view key) const {
    const int i = spec->indexOf(key);
    return i < 0 ? npos : values[static_cast<std::size_t>(i)];
}

std::uint32_t TreeReader::Fields::keyOf(std::string_view key) const {
    const int i = spec->indexOf(key);
    return i < 0 ? npos : keys[static_cast<std::size_t>(i)];
}

const FieldSpec& TreeReader::Fields::field(std::string_view key) const {
    const int i = spec->indexOf(key);
    return spec->fields[static_cast<std::size_t>(i < 0 ? 0 : i)];
}

TreeReader::Fields TreeReader::readMap(std::uint32_t node, schema::MapKind kind,
                                       const Path& path) {
    Fields f;
    f.spec = &schema::spec(kind);
    f.map = node;
    f.keys.fill(npos);
    f.values.fill(npos);
    int previous = -1;  // the field of the key before, in file order
    forEachEntry(node, [&](std::uint32_t k, std::uint32_t v) {
        const YNode& key = tree_[k];
        if (key.kind == YNode::Kind::Invalid) return;
        if (key.kind != YNode::Kind::Scalar) {
            sink_.error(pos(k), path,
                        "a key must be a plain name, found " + describe(k));
            return;
        }
        const std::string_view name = str(k);
        const int i = f.spec->indexOf(name);
        if (i < 0) {
            if (const schema::MapSpec* other = misplacedIn(*f.spec, name, previous)) {
                sink_.error(pos(k), path.child(name),
                            indentationMessage(name, other->name, f.spec->name));
                return;
            }
            validate::Suggester s(name);
            for (const FieldSpec& fs : f.spec->fields) s.consider(fs.key);
            sink_.error(pos(k), path.child(name),
                        "unknown key " + quoteShort(name) + " in a " +
                            std::string(f.spec->name) + s.hint());
            return;
        }
        previous = i;
        if (f.values[static_cast<std::size_t>(i)] != npos) return;  // duplicate: the guard reported it
        f.keys[static_cast<std::size_t>(i)] = k;
        f.values[static_cast<std::size_t>(i)] = v;
    });
    for (std::size_t i = 0; i < f.spec->fields.size(); ++i) {
        const FieldSpec& fs = f.spec->fields[i];
        if (fs.need == schema::Need::Required && f.values[i] == npos)
            sink_.error(pos(node), path, "missing required key '" + std::string(fs.key) + "'");
    }
    return f;
}

std::string TreeReader::describe(std::uint32_t node) const {
    const YNode& n = tree_[node];
    switch (n.kind) {
        case YNode::Kind::Null: return "nothing";
        case YNode::Kind::Sequence: return "a list";
        case YNode::Kind::Map: return "a map";
        case YNode::Kind::Invalid: return "an alias";
        case YNode::Kind::Scalar: break;
    }
    if (n.style == YNode::Style::Plain) return quoteShort(str(node));
    return "the quoted text " + quoteShort(str(node));
}

bool TreeReader::expect(std::uint32_t node, const FieldSpec& field, const Path& path) {
    const YNode& n = tree_[node];
    if (n.kind == YNode::Kind::Invalid) return false;
    if (n.kind == shapeOf(field.type)) return true;
    if (field.type == ValueType::Label && n.kind == YNode::Kind::Scalar) return true;
    std::string message = std::string("expected ") + expectedName(field.type) + ", found " +
                          describe(node);
    if (field.type == ValueType::Colour && n.kind == YNode::Kind::Null)
        message += " (an unquoted '#' starts a comment in YAML: write the colour in quotes)";
    sink_.error(pos(node), path, std::move(message));
    return false;
}

bool TreeReader::parseInt(std::uint32_t node, int& out) const {
    const YNode& n = tree_[node];
    if (n.kind != YNode::Kind::Scalar || n.style != YNode::Style::Plain) return false;
    std::string_view s = str(node);
    if (!s.empty() && s[0] == '+') s.remove_prefix(1);
    if (s.empty()) return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

bool TreeReader::parseBool(std::uint32_t node, bool& out) const {
    const YNode& n = tree_[node];
    if (n.kind != YNode::Kind::Scalar || n.style != YNode::Style::Plain) return false;
    const std::string_view s = str(node);
    if (s == "true" || s == "True" || s == "TRUE") {
        out = true;
        return true;
    }
    if (s == "false" || s == "False" || s == "FALSE") {
        out = false;
        return true;
    }
    return false;
}

bool TreeReader::readInt(std::uint32_t node, const FieldSpec& field, const Path& path, int& out) {
    const YNode& n = tree_[node];
    if (n.kind == YNode::Kind::Invalid) return false;
    int value = 0;
    if (!parseInt(node, value)) {
        std::string message = "expected an integer, found " + describe(node);
        if (n.kind == YNode::Kind::Scalar && n.style != YNode::Style::Plain) {
            int ignored = 0;
            std::string_view s = str(node);
            if (std::from_chars(s.data(), s.data() + s.size(), ignored).ec == std::errc())
                message += " (remove the quotes)";
        }
        sink_.error(pos(node), path, std::move(message));
        return false;
    }
    if (value < field.min || value > field.max) {
        std::string range;
        if (field.min == field.max)
            range = "must be " + std::to_string(field.min);
        else if (field.max == schema::kNoLimit)
            range = "must be at least " + std::to_string(field.min);
        else if (field.min == -schema::kNoLimit)
            range = "must be at most " + std::to_string(field.max);
        else
            range = "must be from " + std::to_string(field.min) + " to " + std::to_string(field.max);
        sink_.error(pos(node), path, range + ", found " + std::to_string(value));
        return false;
    }
    out = value;
    return true;
}

bool TreeReader::readBool(std::uint32_t node, const Path& path, bool& out) {
    if (tree_[node].kind == YNode::Kind::Invalid) return false;
    if (parseBool(node, out)) return true;
    sink_.error(pos(node), path, "expected true or false, found " + describe(node));
    return false;
}

bool TreeReader::readString(std::uint32_t node, const FieldSpec& field, const Path& path,
                            std::string& out) {
    if (!expect(node, field, path)) return false;
    out.assign(str(node));
    return true;
}

bool TreeReader::readId(std::uint32_t node, const FieldSpec& field, const Path& path,
                        std::string& out) {
    if (!expect(node, field, path)) return false;
    const std::string_view s = str(node);
    if (!field.choices.empty()) {
        for (std::string_view c : field.choices) {
            if (c == s) {
                out.assign(s);
                return true;
            }
        }
        validate::Suggester sug(s);
        std::string all;
        for (std::string_view c : field.choices) {
            sug.consider(c);
            all += all.empty() ? "" : ", ";
            all += c;
        }
        sink_.error(pos(node), path,
                    "unknown " + std::string(field.key) + " " + quoteShort(s) + sug.hint() +
                        "; expected one of: " + all);
        return false;
    }
    if (!validate::isId(s)) {
        sink_.error(pos(node), path, validate::notAnIdMessage(s));
        return false;
    }
    out.assign(s);
    return true;
}

bool TreeReader::readColour(std::uint32_t node, const FieldSpec& field, const Path& path,
                            std::string& out) {
    if (!expect(node, field, path)) return false;
    const std::string_view s = str(node);
    bool ok = s.size() == 7 && s[0] == '#';
    for (std::size_t i = 1; ok && i < s.size(); ++i)
        ok = std::isxdigit(static_cast<unsigned char>(s[i])) != 0;
    if (!ok) {
        sink_.error(pos(node), path,
                    "expected a colour \"#rrggbb\" (six hexadecimal digits), found " +
                        describe(node));
        return false;
    }
    out.assign(s);
    return true;
}

Text TreeReader::readText(std::uint32_t node, const FieldSpec& field, const Path& path,
                          const schema::MapSpec* owner) {
    Text text;
    if (!expect(node, field, path)) return text;
    bool seen[2] = {false, false};
    forEachEntry(node, [&](std::uint32_t k, std::uint32_t v) {
        const YNode& key = tree_[k];
        if (key.kind == YNode::Kind::Invalid) return;
        const std::string_view lang = key.kind == YNode::Kind::Scalar ? str(k) : "";
        const int i = lang == "ko" ? 0 : lang == "en" ? 1 : -1;
        if (i < 0 && owner != nullptr && key.kind == YNode::Kind::Scalar &&
            owner->indexOf(lang) >= 0) {
            sink_.error(pos(k), path.child(lang), indentationMessage(lang, owner->name, "text"));
            return;
        }
        if (i < 0) {
            validate::Suggester s(lang);
            for (std::string_view c : schema::kTextKeys) s.consider(c);
            sink_.error(pos(k), path.child(lang),
                        "unknown language " + (key.kind == YNode::Kind::Scalar ? quoteShort(lang)
                                                                               : describe(k)) +
                            s.hint() + "; a text has 'ko' and 'en'");
            return;
        }
        const YNode& value = tree_[v];
        if (value.kind == YNode::Kind::Invalid || seen[i]) return;
        seen[i] = true;
        if (value.kind == YNode::Kind::Null) return;
        if (value.kind != YNode::Kind::Scalar) {
            sink_.error(pos(v), path.child(lang), "expected a string, found " + describe(v));
            return;
        }
        (i == 0 ? text.ko : text.en).assign(str(v));
    });
    if (text.ko.empty() && text.en.empty()) {
        sink_.error(pos(node), path, "the text is empty: give it in 'ko' and 'en'");
    } else if (text.ko.empty()) {
        sink_.warning(pos(node), path.child("ko"),
                      "missing Korean text ('ko'); the game will show the English text");
    } else if (text.en.empty()) {
        sink_.warning(pos(node), path.child("en"),
                      "missing English text ('en'); the game will show the Korean text");
    }
    return text;
}

std::vector<std::string> TreeReader::readIdList(std::uint32_t node, const FieldSpec& field,
                                                const Path& path) {
    std::vector<std::string> out;
    if (!expect(node, field, path) || !checkCount(node, field, path)) return out;
    out.reserve(tree_[node].count);
    static constexpr FieldSpec kItem{"", ValueType::Id};
    forEachItem(node, [&](int i, std::uint32_t item) {
        std::string id;
        if (readId(item, kItem, path.item(i), id)) out.push_back(std::move(id));
    });
    return out;
}

bool TreeReader::getInt(const Fields& f, std::string_view key, const Path& parent, int& out) {
    const std::uint32_t v = f[key];
    return v != npos && readInt(v, f.field(key), parent.child(key), out);
}

bool TreeReader::getBool(const Fields& f, std::string_view key, const Path& parent, bool& out) {
    const std::uint32_t v = f[key];
    return v != npos && readBool(v, parent.child(key), out);
}

bool TreeReader::getId(const Fields& f, std::string_view key, const Path& parent,
                       std::string& out) {
    const std::uint32_t v = f[key];
    return v != npos && readId(v, f.field(key), parent.child(key), out);
}

bool TreeReader::getString(const Fields& f, std::string_view key, const Path& parent,
                           std::string& out) {
    const std::uint32_t v = f[key];
    return v != npos && readString(v, f.field(key), parent.child(key), out);
}

bool TreeReader::getColour(const Fields& f, std::string_view key, const Path& parent,
                           std::string& out) {
    const std::uint32_t v = f[key];
    return v != npos && readColour(v, f.field(key), parent.child(key), out);
}

Text TreeReader::getText(const Fields& f, std::string_view key, const Path& parent) {
    const std::uint32_t v = f[key];
    return v == npos ? Text{} : readText(v, f.field(key), parent.child(key), f.spec);
}

Text TreeReader::readLabel(std::uint32_t node, const FieldSpec& field, const Path& path,
                           const schema::MapSpec* owner) {
    if (!expect(node, field, path)) return {};
    if (tree_[node].kind == YNode::Kind::Map) return readText(node, field, path, owner);
    const std::string value(str(node));
    if (value.empty()) sink_.error(pos(node), path, "expected a string, found nothing");
    return Text{value, value};
}

Text TreeReader::getLabel(const Fields& f, std::string_view key, const Path& parent) {
    const std::uint32_t v = f[key];
    return v == npos ? Text{} : readLabel(v, f.field(key), parent.child(key), f.spec);
}

SourceRef TreeReader::readSource(std::uint32_t node, const Path& path) {
    SourceRef source;
    const Fields f = readMap(node, schema::MapKind::Source, path);
    const bool hasRef = f.has("ref"), hasSeed = f.has("seed");
    if (hasRef && hasSeed) {
        sink_.error(pos(f.keyOf("seed")), path.child("seed"),
                    "a source has either 'ref' or 'seed', not both: keep 'ref'");
    } else if (!hasRef && !hasSeed) {
        sink_.error(pos(node), path,
                    "missing required key 'ref' (the id of an entry of the catalogue's "
                    "'sources:')");
    }
    if (hasRef && getId(f, "ref", path, source.ref)) {
        const Pos p = pos(f["ref"]);
        source.line = p.line;
        source.column = p.column;
    }
    if (!hasRef && getString(f, "seed", path, source.seed))
        sink_.warning(pos(f["seed"]), path.child("seed"),
                      "'seed' names a file users cannot read: cite an entry of the catalogue's "
                      "'sources:' with 'ref:' instead");
    source.item = getLabel(f, "item", path);
    return source;
}

void TreeReader::checkSourceRef(const SourceRef& source, const std::vector<Source>& sources,
                                const Path& path) {
    if (source.ref.empty()) return;
    for (const Source& s : sources)
        if (s.id == source.ref) return;
    validate::Suggester sug(source.ref);
    for (const Source& s : sources) sug.consider(s.id);
    sink_.warning(Pos{source.line, source.column}, path.child("ref"),
                  "unknown source citation '" + source.ref + "'" + sug.hint() +
                      "; the catalogue's 'sources:' has no such id");
}

bool TreeReader::readKey(std::uint32_t key, const Path& parent, std::string_view& name) {
    const YNode& k = tree_[key];
    if (k.kind == YNode::Kind::Invalid) return false;
    if (k.kind != YNode::Kind::Scalar) {
        sink_.error(pos(key), parent, "a key must be a plain name, found " + describe(key));
        return false;
    }
    name = str(key);
    if (!validate::isId(name)) {
        sink_.error(pos(key), parent.child(name), validate::notAnIdMessage(name));
        return false;
    }
    return true;
}

std::uint32_t TreeReader::getCollection(const Fields& f, std::string_view key,
                                        const Path& parent) {
    const std::uint32_t v = f[key];
    if (v == npos) return npos;
    const Path p = parent.child(key);
    if (!expect(v, f.field(key), p) || !checkCount(v, f.field(key), p)) return npos;
    return v;
}

bool TreeReader::checkCount(std::uint32_t node, const FieldSpec& field, const Path& path) {
    const YNode& n = tree_[node];
    const int count = static_cast<int>(n.kind == YNode::Kind::Map ? n.count / 2 : n.count);
    if (count >= field.min && count <= field.max) return true;
    std::string message;
    if (field.key == "nodes" && count > field.max)
        message = "too many nodes: " + std::to_string(count) + "; the limit is " +
                  std::to_string(field.max);
    else if (count < field.min)
        message = "expected at least " + std::to_string(field.min) + " " +
                  (field.min == 1 ? "entry" : "entries") + ", found " + std::to_string(count);
    else
        message = "expected at most " + std::to_string(field.max) + " entries, found " +
                  std::to_string(count);
    sink_.error(pos(node), path, std::move(message));
    return false;
}

}  // namespace counterplay::core
