// The condition language: a recursive-descent parser that compiles straight to a small postfix
// program, and a stack evaluator that never allocates. Hand-written because the language is
// tiny (see docs/scenario-format.md, "conditions") and we need exact columns in error messages,
// which a generic expression library would not give.
#include "counterplay/core/Condition.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdint>

#include "counterplay/core/State.h"

namespace counterplay::core {

namespace {

enum class OpCode : std::uint8_t { Const, Var, Not, And, Or, Eq, Ne, Lt, Le, Gt, Ge };

struct Instr {
    OpCode op;
    int arg;  // constant value or variable index
};

constexpr int kMaxStack = 64;  // evaluation stack size (checked at parse time)
constexpr int kMaxNesting = 48;  // parser recursion guard (parentheses / not chains)

enum class Tok { Ident, Int, LParen, RParen, Cmp, And, Or, Not, True, False, End };

struct Token {
    Tok kind = Tok::End;
    OpCode cmp = OpCode::Eq;  // for Tok::Cmp
    std::size_t pos = 0;      // 0-based byte offset in the source
    std::size_t len = 0;
    long long value = 0;      // for Tok::Int
};

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

/// Levenshtein distance, for "did you mean" suggestions.
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

const char* cmpText(OpCode op) {
    switch (op) {
        case OpCode::Eq: return "==";
        case OpCode::Ne: return "!=";
        case OpCode::Lt: return "<";
        case OpCode::Le: return "<=";
        case OpCode::Gt: return ">";
        case OpCode::Ge: return ">=";
        default: return "?";
    }
}

/// Thrown inside the parser only; parse() converts it into a ParseResult.
struct ParseError {
    std::string message;
    std::size_t pos;
};

}  // namespace

/// The compiled program (postfix) shared by copies of a Condition.
struct ConditionExpr {
    std::vector<Instr> code;
};

namespace {

class Parser {
public:
    Parser(std::string_view src, const std::set<std::string>& known) : src_(src), known_(known) {
        advance();
    }

    void run() {
        if (tok_.kind == Tok::End) throw ParseError{"the condition is empty", 0};
        parseOr();
        if (tok_.kind != Tok::End) {
            if (tok_.kind == Tok::RParen)
                throw ParseError{"unexpected ')' without a matching '('", tok_.pos};
            throwChained();
            throw ParseError{"expected 'and', 'or' or the end of the condition but found " +
                                 describe(tok_),
                             tok_.pos};
        }
    }

    std::vector<Instr> code;
    std::vector<std::string> variables;

private:
    // ---- lexer ----
    void advance() {
        std::size_t i = pos_;
        while (i < src_.size() && (src_[i] == ' ' || src_[i] == '\t' || src_[i] == '\n' ||
                                   src_[i] == '\r'))
            ++i;
        Token t;
        t.pos = i;
        if (i >= src_.size()) {
            t.kind = Tok::End;
            tok_ = t;
            pos_ = i;
            return;
        }
        char c = src_[i];
        auto two = [&](char next) { return i + 1 < src_.size() && src_[i + 1] == next; };
        std::size_t len = 1;
        if (c == '(') {
            t.kind = Tok::LParen;
        } else if (c == ')') {
            t.kind = Tok::RParen;
        } else if (c == '=' && two('=')) {
            t.kind = Tok::Cmp, t.cmp = OpCode::Eq, len = 2;
        } else if (c == '=' && two('>')) {
            throw ParseError{"'=>' is not an operator; use '>=' for 'at least'", i};
        } else if (c == '=' && two('<')) {
            throw ParseError{"'=<' is not an operator; use '<=' for 'at most'", i};
        } else if (c == '=') {
            throw ParseError{"'=' is not an operator here; use '==' to compare", i};
        } else if (c == '!' && two('=')) {
            t.kind = Tok::Cmp, t.cmp = OpCode::Ne, len = 2;
        } else if (c == '!') {
            t.kind = Tok::Not;
        } else if (c == '<') {
            t.kind = Tok::Cmp, t.cmp = two('=') ? OpCode::Le : OpCode::Lt, len = two('=') ? 2 : 1;
        } else if (c == '>') {
            t.kind = Tok::Cmp, t.cmp = two('=') ? OpCode::Ge : OpCode::Gt, len = two('=') ? 2 : 1;
        } else if (c == '&' && two('&')) {
            t.kind = Tok::And, len = 2;
        } else if (c == '&') {
            throw ParseError{"'&' is not an operator; use '&&' or 'and'", i};
        } else if (c == '|' && two('|')) {
            t.kind = Tok::Or, len = 2;
        } else if (c == '|') {
            throw ParseError{"'|' is not an operator; use '||' or 'or'", i};
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   (c == '-' && i + 1 < src_.size() &&
                    std::isdigit(static_cast<unsigned char>(src_[i + 1])))) {
            std::size_t j = i + (c == '-' ? 1 : 0);
            long long v = 0;
            while (j < src_.size() && std::isdigit(static_cast<unsigned char>(src_[j]))) {
                v = v * 10 + (src_[j] - '0');
                if (v > static_cast<long long>(INT_MAX) + 1)
                    throw ParseError{"the number is too large", i};
                ++j;
            }
            if (c == '-') v = -v;
            if (v > INT_MAX || v < INT_MIN) throw ParseError{"the number is too large", i};
            if (j < src_.size() && isIdentStart(src_[j]))
                throw ParseError{"a name cannot start with a digit", i};
            t.kind = Tok::Int, t.value = v, len = j - i;
        } else if (isIdentStart(c)) {
            std::size_t j = i + 1;
            while (j < src_.size() && isIdentChar(src_[j])) ++j;
            len = j - i;
            std::string_view word = src_.substr(i, len);
            if (word == "and")
                t.kind = Tok::And;
            else if (word == "or")
                t.kind = Tok::Or;
            else if (word == "not")
                t.kind = Tok::Not;
            else if (word == "true")
                t.kind = Tok::True;
            else if (word == "false")
                t.kind = Tok::False;
            else
                t.kind = Tok::Ident;
        } else {
            // Show the whole UTF-8 sequence of a non-ASCII character.
            std::size_t j = i + 1;
            if (static_cast<unsigned char>(c) >= 0x80)
                while (j < src_.size() && (static_cast<unsigned char>(src_[j]) & 0xC0) == 0x80)
                    ++j;
            throw ParseError{"unexpected character '" + std::string(src_.substr(i, j - i)) + "'",
                             i};
        }
        t.len = len;
        tok_ = t;
        pos_ = i + len;
    }

    /// A comparison right after a comparison: `1 < trust < 5`.
    void throwChained() const {
        if (tok_.kind == Tok::Cmp && lastWasCompare_)
            throw ParseError{std::string("comparisons cannot be chained; join them with 'and' "
                                         "(found '") +
                                 cmpText(tok_.cmp) + "')",
                             tok_.pos};
    }

    std::string describe(const Token& t) const {
        if (t.kind == Tok::End) return "the end of the condition";
        return "'" + std::string(src_.substr(t.pos, t.len)) + "'";
    }

    // ---- grammar (emits postfix code, tracks the stack depth) ----
    void emit(OpCode op, int arg = 0) {
        code.push_back({op, arg});
        if (op == OpCode::Const || op == OpCode::Var) {
            if (++depth_ > kMaxStack) throw ParseError{"the condition is too complex", tok_.pos};
        } else if (op != OpCode::Not) {
            --depth_;
        }
    }

    void enter() {
        if (++nesting_ > kMaxNesting) throw ParseError{"the condition is nested too deeply", tok_.pos};
    }

    void parseOr() {
        parseAnd();
        while (tok_.kind == Tok::Or) {
            advance();
            parseAnd();
            emit(OpCode::Or);
        }
    }

    void parseAnd() {
        parseNot();
        while (tok_.kind == Tok::And) {
            advance();
            parseNot();
            emit(OpCode::And);
        }
    }

    void parseNot() {
        if (tok_.kind == Tok::Not) {
            enter();
            advance();
            parseNot();
            emit(OpCode::Not);
            --nesting_;
            lastWasCompare_ = false;
            return;
        }
        parseCompare();
    }

    void parseCompare() {
        parseAtom();
        lastWasCompare_ = false;
        if (tok_.kind == Tok::Cmp) {
            OpCode op = tok_.cmp;
            advance();
            parseAtom();
            emit(op);
            lastWasCompare_ = true;
        }
    }

    void parseAtom() {
        const Token t = tok_;
        switch (t.kind) {
            case Tok::Int:
                emit(OpCode::Const, static_cast<int>(t.value));
                advance();
                return;
            case Tok::True:
            case Tok::False:
                emit(OpCode::Const, t.kind == Tok::True ? 1 : 0);
                advance();
                return;
            case Tok::Ident: {
                std::string name(src_.substr(t.pos, t.len));
                if (!known_.count(name)) throw ParseError{unknownMessage(name), t.pos};
                auto it = std::find(variables.begin(), variables.end(), name);
                int index = static_cast<int>(it - variables.begin());
                if (it == variables.end()) variables.push_back(name);
                emit(OpCode::Var, index);
                advance();
                return;
            }
            case Tok::LParen: {
                enter();
                advance();
                if (tok_.kind == Tok::RParen)
                    throw ParseError{"expected an expression inside '()'", tok_.pos};
                parseOr();
                if (tok_.kind != Tok::RParen) throwChained();
                if (tok_.kind != Tok::RParen)
                    throw ParseError{"expected ')' but found " + describe(tok_), tok_.pos};
                advance();
                --nesting_;
                return;
            }
            default:
                throw ParseError{"expected a name, a number, 'true', 'false' or '(' but found " +
                                     describe(t),
                                 t.pos};
        }
    }

    std::string unknownMessage(const std::string& name) const {
        std::string msg = "unknown variable '" + name + "'";
        std::string best;
        std::size_t bestDistance = std::max<std::size_t>(2, name.size() / 3) + 1;
        for (const std::string& k : known_) {
            std::size_t d = editDistance(name, k);
            if (d < bestDistance) bestDistance = d, best = k;
        }
        if (!best.empty()) return msg + " (did you mean '" + best + "'?)";
        if (known_.empty()) return msg;
        msg += " (known: ";
        bool first = true;
        for (const std::string& k : known_) {
            msg += (first ? "" : ", ") + k;
            first = false;
        }
        return msg + ")";
    }

    std::string_view src_;
    const std::set<std::string>& known_;
    Token tok_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    int nesting_ = 0;
    bool lastWasCompare_ = false;
};

/// Runs the postfix program; `get(i)` returns the value of variable i.
template <typename Get>
bool run(const std::vector<Instr>& code, Get&& get) {
    std::array<int, kMaxStack> stack;
    int sp = 0;
    for (const Instr& in : code) {
        switch (in.op) {
            case OpCode::Const: stack[sp++] = in.arg; break;
            case OpCode::Var: stack[sp++] = get(in.arg); break;
            case OpCode::Not: stack[sp - 1] = stack[sp - 1] == 0; break;
            default: {
                const int b = stack[--sp];
                int& a = stack[sp - 1];
                switch (in.op) {
                    case OpCode::And: a = (a != 0) && (b != 0); break;
                    case OpCode::Or: a = (a != 0) || (b != 0); break;
                    case OpCode::Eq: a = a == b; break;
                    case OpCode::Ne: a = a != b; break;
                    case OpCode::Lt: a = a < b; break;
                    case OpCode::Le: a = a <= b; break;
                    case OpCode::Gt: a = a > b; break;
                    case OpCode::Ge: a = a >= b; break;
                    default: break;
                }
            }
        }
    }
    return sp > 0 && stack[0] != 0;
}

}  // namespace

Condition::ParseResult Condition::parse(std::string_view source,
                                        const std::set<std::string>& known) {
    ParseResult result;
    try {
        Parser p(source, known);
        p.run();
        auto expr = std::make_shared<ConditionExpr>();
        expr->code = std::move(p.code);
        result.condition.root_ = std::move(expr);
        result.condition.variables_ = std::move(p.variables);
        result.condition.source_ = std::string(source);
        result.ok = true;
    } catch (const ParseError& e) {
        result.ok = false;
        result.error = e.message;
        result.column = static_cast<int>(e.pos) + 1;
    }
    return result;
}

bool Condition::evaluate(const State& state) const {
    if (!root_) return true;
    return run(root_->code, [&](int i) { return state.valueOf(variables_[i]).value_or(0); });
}

bool Condition::evaluateIndexed(const int* table, const int* slotOf) const {
    if (!root_) return true;
    return run(root_->code, [&](int i) { return table[slotOf[i]]; });
}

}  // namespace counterplay::core
