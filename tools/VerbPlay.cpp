// `counterplay play FILE`: plays a scenario in the terminal, interactively (numbers on stdin, real
// time, the choices shuffled) or scripted with --choices (choice ids or numbers, a manual clock,
// file order unless --shuffle SEED: the output is byte-for-byte repeatable), then prints the
// scorecard as text or JSON.
#include <cctype>
#include <chrono>
#include <iostream>
#include <thread>

#include <unistd.h>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/Json.h"
#include "counterplay/core/PlayFromHere.h"
#include "counterplay/core/Shuffle.h"
#include "counterplay/core/State.h"
#include "counterplay/core/Suggest.h"

namespace counterplay::tools {
namespace {

using core::Lang;

/// One entry of --choices: a choice id, a 1-based number among the choices shown, or a timeout.
struct ScriptStep {
    bool timeout = false;
    int number = 0;                       ///< 0 when the entry is an id
    std::string id;                       ///< the choice id, when not a number
    std::optional<std::int64_t> thinkMs;  ///< "2@1500" or "tend@1500": this decision after 1.5 s
    std::string raw;
};

/// True when `s` can be meant as a choice id (id characters, any case: a wrong case gets a "did
/// you mean" at the node rather than a syntax error).
bool idLike(const std::string& s) {
    if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return false;
    return true;
}

bool parseScript(const std::string& text, std::vector<ScriptStep>& steps, std::string& error) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        if (comma == std::string::npos) comma = text.size();
        std::string item = text.substr(pos, comma - pos);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        pos = comma + 1;
        if (item.empty()) {
            if (comma == text.size() && steps.empty() && text.empty()) break;
            error = "empty entry in --choices";
            return false;
        }
        ScriptStep step;
        step.raw = item;
        std::string number = item;
        if (const std::size_t at = item.find('@'); at != std::string::npos) {
            number = item.substr(0, at);
            try {
                std::size_t used = 0;
                const long long ms = std::stoll(item.substr(at + 1), &used);
                if (used != item.size() - at - 1 || ms < 0) throw std::invalid_argument("ms");
                step.thinkMs = ms;
            } catch (const std::exception&) {
                error = "bad time in --choices entry '" + item + "' (use N@milliseconds)";
                return false;
            }
        }
        if (number == "t" || number == "T" || number == "0") {
            step.timeout = true;
        } else if (!number.empty() && std::isdigit(static_cast<unsigned char>(number[0]))) {
            try {
                std::size_t used = 0;
                step.number = std::stoi(number, &used);
                if (used != number.size() || step.number < 1) throw std::invalid_argument("n");
            } catch (const std::exception&) {
                error = "bad entry '" + item +
                        "' in --choices (use a choice id, a number 1-9, or t for a timeout)";
                return false;
            }
        } else if (idLike(number)) {
            step.id = number;
        } else {
            error = "bad entry '" + item +
                    "' in --choices (use a choice id, a number 1-9, or t for a timeout)";
            return false;
        }
        steps.push_back(step);
        if (comma == text.size()) break;
    }
    return true;
}

/// The refusal of a --from/--set start in the user's language (the core gives it as data).
std::string playStartMessage(const core::PlayStart& start, const std::string& file, Lang lang) {
    using Kind = core::PlayStartProblem::Kind;
    const core::PlayStartProblem& p = start.problem;
    const std::string hint =
        p.suggestion.empty() ? std::string() : label("play.did-you-mean", lang, {{"id", p.suggestion}});
    switch (p.kind) {
    case Kind::UnknownNode:
        return label("play.from-unknown", lang, {{"node", p.name}, {"file", file}, {"hint", hint}});
    case Kind::UnknownVariable: {
        std::string names;
        for (const std::string& n : p.known) names += (names.empty() ? "" : ", ") + n;
        return label("play.set-unknown", lang, {{"name", p.name}, {"hint", hint}, {"names", names}});
    }
    case Kind::NotAFlagValue:
        return label("play.set-flag", lang, {{"name", p.name}, {"value", p.value}});
    case Kind::NotAnInteger:
        return label("play.set-integer", lang, {{"name", p.name}, {"value", p.value}});
    case Kind::OutOfRange:
        return label("play.set-range", lang, {{"name", p.name}, {"value", p.value}});
    case Kind::NoStartNode:
    case Kind::None:
        break;
    }
    return start.error;
}

/// Prints the scene as it unfolds.
class Narrator {
public:
    Narrator(std::ostream& out, Lang lang, const core::Catalogue* catalogue, bool coach)
        : out_(out), lang_(lang), catalogue_(catalogue), coach_(coach) {}

    void showNode(const core::Session& session) {
        const core::Node& node = session.currentNode();
        const int mood = session.state().mood;
        out_ << "\n== " << node.id << " ==\n";
        for (const core::Line& line : node.lines) {
            const std::string& text = line.text.in(lang_);
            if (line.speaker == "narrator")
                out_ << "  * " << text << '\n';
            else if (line.speaker == "staff")
                out_ << "  " << label("play.staff", lang_) << ": \"" << text << "\"\n";
            else
                out_ << "  " << session.scenario().customer.name.in(lang_) << " ["
                     << displayExpression(line, mood) << "]: \"" << text << "\"\n";
        }
    }

    void showChoices(const core::Session& session, const std::vector<std::size_t>& available) {
        const core::Node& node = session.currentNode();
        if (node.timeLimit)
            out_ << "  "
                 << label("play.time-limit", lang_,
                          {{"s", std::to_string(node.timeLimit->seconds)}})
                 << '\n';
        for (std::size_t i = 0; i < available.size(); ++i)
            out_ << "  " << (i + 1) << ") " << node.choices[available[i]].text.in(lang_) << '\n';
    }

    /// Feedback on the decision just taken (coach mode only).
    void showFeedback(const core::Session& session) {
        const core::Decision& d = session.transcript().decisions.back();
        const core::Node* node = session.scenario().findNode(d.nodeId);
        if (node == nullptr) return;
        if (d.choiceIndex == core::kTimeoutChoice)
            out_ << "  "
                 << label("play.timed-out", lang_, {{"s", std::to_string(node->timeLimit->seconds)}})
                 << '\n';
        if (!coach_) return;
        const core::Text& feedback = d.choiceIndex == core::kTimeoutChoice
                                         ? node->timeLimit->feedback
                                         : node->choices[static_cast<std::size_t>(d.choiceIndex)].feedback;
        out_ << "  " << label("play.coach", lang_) << ": " << feedback.in(lang_) << '\n';
        std::string points;
        for (const auto& [id, value] : choicePoints(*node, d.choiceIndex)) {
            if (value == 0) continue;
            if (!points.empty()) points += ", ";
            points += signedNumber(value) + ' ' + principleName(catalogue_, id, lang_);
        }
        if (!points.empty()) out_ << "         " << points << '\n';
    }

    void showEnding(const core::Session& session) {
        const core::Node& node = session.currentNode();
        if (!node.ending) return;
        showNode(session);
        out_ << "\n-- " << label("play.the-end", lang_) << ": " << node.ending->title.in(lang_)
             << " (" << label("kind." + node.ending->kind, lang_) << ") --\n\n";
    }

private:
    std::ostream& out_;
    Lang lang_;
    const core::Catalogue* catalogue_;
    bool coach_;
};

/// "1 tend, 2 cold-water, 3 leave": the choices shown, numbered as shown, for error messages.
std::string describeShown(const core::Node& node, const std::vector<std::size_t>& shown) {
    std::string out;
    for (std::size_t i = 0; i < shown.size(); ++i)
        out += (i ? ", " : "") + std::to_string(i + 1) + " " + node.choices[shown[i]].id;
    return out.empty() ? std::string("-") : out;
}

/// The file index a --choices entry picks among `shown` (file indices in the order shown);
/// nullopt plus a message naming the choices shown when it picks none.
std::optional<std::size_t> resolveStep(const ScriptStep& step, std::size_t entryNumber,
                                       const core::Node& node,
                                       const std::vector<std::size_t>& shown, Lang lang,
                                       std::string& error) {
    const std::string n = std::to_string(entryNumber);
    if (step.id.empty()) {
        if (static_cast<std::size_t>(step.number) <= shown.size())
            return shown[static_cast<std::size_t>(step.number) - 1];
        const bool hidden = static_cast<std::size_t>(step.number) <= node.choices.size();
        error = label(hidden ? "play.entry-hidden-number" : "play.entry-bad-number", lang,
                      {{"n", n},
                       {"entry", step.raw},
                       {"node", node.id},
                       {"count", std::to_string(shown.size())},
                       {"shown", describeShown(node, shown)}});
        return std::nullopt;
    }
    for (std::size_t i : shown)
        if (node.choices[i].id == step.id) return i;
    for (const core::Choice& c : node.choices) {
        if (c.id != step.id) continue;
        error = label("play.entry-hidden", lang,
                      {{"n", n},
                       {"entry", step.raw},
                       {"node", node.id},
                       {"id", step.id},
                       {"shown", describeShown(node, shown)}});
        return std::nullopt;
    }
    std::vector<std::string> ids;
    for (std::size_t i : shown) ids.push_back(node.choices[i].id);
    const std::string near = core::closestMatch(step.id, ids);
    error = label("play.entry-unknown-id", lang,
                  {{"n", n},
                   {"entry", step.raw},
                   {"node", node.id},
                   {"id", step.id},
                   {"hint", near.empty() ? std::string()
                                         : label("play.did-you-mean", lang, {{"id", near}})},
                   {"shown", describeShown(node, shown)}});
    return std::nullopt;
}

struct PlayOptions {
    std::string file;
    std::string catalogue;
    std::string lang;
    std::string choices;
    bool scripted = false;
    std::int64_t thinkMs = kDefaultThinkMs;
    std::string from;
    std::vector<std::string> sets;
    bool json = false;
    bool assess = false;
    std::optional<std::uint64_t> shuffleSeed;  ///< --shuffle SEED
};

// Shows the current node and its available choices in the order shown (filled into `available`);
// false, after saying why, when no choice is available and no timer can move the scene on.
bool presentNode(const core::Session& session, Narrator& narrator,
                 std::vector<std::size_t>& available) {
    narrator.showNode(session);
    available = session.shownChoices();
    narrator.showChoices(session, available);
    if (!session.stuck()) return true;
    std::cerr << "counterplay play: stuck at node '" << session.currentNode().id
              << "': no choice is available and there is no timer (run `counterplay analyze`)\n";
    return false;
}

/// Outcome of the decision loop: kExitOk when the scene ended, else the code to exit with.
int runScripted(core::Session& session, core::ManualClock& clock, const PlayOptions& opt,
                Narrator& narrator, std::ostream& out, Lang lang) {
    std::vector<ScriptStep> script;
    std::string error;
    if (!parseScript(opt.choices, script, error)) {
        std::cerr << "counterplay play: " << error << '\n';
        return kExitUsage;
    }
    std::size_t next = 0;
    while (!session.finished()) {
        std::vector<std::size_t> available;
        if (!presentNode(session, narrator, available)) return kExitData;
        if (next == script.size()) {
            std::cerr << "counterplay play: --choices ran out at node '" << session.currentNode().id
                      << "' before the scene ended\n";
            return kExitData;
        }
        const ScriptStep& step = script[next++];
        out << "> " << step.raw << '\n';
        if (step.timeout) {
            const std::optional<std::int64_t> remaining = session.remainingMs();
            if (!remaining) {
                std::cerr << "counterplay play: --choices entry " << next << " ('" << step.raw
                          << "'): node '" << session.currentNode().id << "' has no time limit\n";
                return kExitUsage;
            }
            clock.advance(*remaining);
            session.update();
        } else {
            // Resolved before the clock moves: a wrong entry is a usage error even when the
            // thinking time would have let the timer run out.
            std::string problem;
            const std::optional<std::size_t> pick =
                resolveStep(step, next, session.currentNode(), available, lang, problem);
            if (!pick) {
                std::cerr << "counterplay play: " << problem << '\n';
                return kExitUsage;
            }
            clock.advance(step.thinkMs.value_or(opt.thinkMs));
            if (!session.update()) session.choose(*pick);
        }
        narrator.showFeedback(session);
    }
    if (next < script.size()) {
        std::cerr << "counterplay play: the scene ended with " << (script.size() - next)
                  << " --choices entries left over\n";
        return kExitUsage;
    }
    return kExitOk;
}

int runInteractive(core::Session& session, Narrator& narrator, std::ostream& out, Lang lang) {
    const bool echo = isatty(STDIN_FILENO) == 0;  // piped input: show what was "typed"
    while (!session.finished()) {
        std::vector<std::size_t> available;
        if (!presentNode(session, narrator, available)) return kExitData;
        bool decided = false;
        while (!decided) {
            out << "> " << std::flush;
            std::string input;
            if (!std::getline(std::cin, input)) {
                std::cerr << "\ncounterplay play: no more input at node '"
                          << session.currentNode().id << "'; stopping without a scorecard\n";
                return kExitData;
            }
            input.erase(0, input.find_first_not_of(" \t\r"));
            input.erase(input.find_last_not_of(" \t\r") + 1);
            if (echo) out << input << '\n';
            if (session.update()) {  // the answer came after the timer ran out
                out << "  " << label("play.too-late", lang) << '\n';
                decided = true;
            } else if (input == "q" || input == "quit") {
                out << label("play.stopped", lang, {{"node", session.currentNode().id}}) << '\n';
                return -1;
            } else if (input == "t" || input == "0") {
                const std::optional<std::int64_t> remaining = session.remainingMs();
                if (!remaining) {
                    out << "  "
                        << label("play.no-timer", lang, {{"n", std::to_string(available.size())}})
                        << '\n';
                    continue;
                }
                out << "  " << label("play.silent", lang) << '\n' << std::flush;
                std::this_thread::sleep_for(std::chrono::milliseconds(*remaining + 20));
                while (!session.update()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
                decided = true;
            } else {
                int n = 0;
                try {
                    std::size_t used = 0;
                    n = std::stoi(input, &used);
                    if (used != input.size()) n = 0;
                } catch (const std::exception&) {
                    n = 0;
                }
                if (n < 1 || static_cast<std::size_t>(n) > available.size()) {
                    out << "  "
                        << label(session.remainingMs() ? "play.enter-number-timed"
                                                       : "play.enter-number",
                                 lang, {{"n", std::to_string(available.size())}})
                        << '\n';
                    continue;
                }
                session.choose(available[static_cast<std::size_t>(n) - 1]);
                decided = true;
            }
        }
        narrator.showFeedback(session);
    }
    return kExitOk;
}

}  // namespace

int playMain(int argc, char** argv) {
    CLI::App app{"Play a scenario in the terminal: the customer's lines, numbered choices in a "
                 "shuffled order (enter a number), coach feedback after each choice, and the "
                 "scorecard at the end. With --choices the play is scripted and repeatable.",
                 "counterplay play"};
    PlayOptions opt;
    bool coach = false;
    app.add_option("FILE", opt.file, "Scenario file")->required();
    addLangOption(app, opt.lang);
    app.add_option("--catalogue", opt.catalogue,
                   "Principle catalogue (default: principles.yaml next to the scenario or above)");
    app.add_option("--choices", opt.choices,
                   "Scripted play: comma-separated choice ids, or 1-based numbers among the "
                   "choices shown (file order unless --shuffle); t or 0 lets the timer run out; "
                   "X@MS takes choice X after MS milliseconds (e.g. apologise,2,t,offer@1500; "
                   "`counterplay analyze` prints the best and worst path this way)");
    std::uint64_t seed = 0;
    auto* shuffleOpt = app.add_option(
        "--shuffle", seed,
        "Show the choices in the order of this seed, as the game does (numbers in --choices "
        "then count in that order). Interactive play uses a random seed when not given; "
        "scripted play keeps file order")
        ->check([](const std::string& value) {
            return value.find_first_not_of("0123456789") == std::string::npos
                       ? std::string()
                       : std::string("the seed is a whole number from 0 to 18446744073709551615");
        });
    app.add_option("--think-ms", opt.thinkMs,
                   "Scripted play: milliseconds before each decision (default 4000)")
        ->check(CLI::Range(0, 3600000));
    app.add_option("--from", opt.from, "Start from this node instead of the start node (trainers)");
    app.add_option("--set", opt.sets,
                   "Starting state NAME=VALUE for mood, trust, a flag or a counter (repeatable); "
                   "useful with --from")
        ->allow_extra_args(false);
    app.add_flag("--json", opt.json,
                 "Print the scorecard and transcript as JSON on stdout (the scene goes to stderr, "
                 "or nowhere when scripted)");
    auto* coachOpt = app.add_flag("--coach", coach, "Show feedback after each choice (default)");
    app.add_flag("--assess", opt.assess, "Hide feedback until the scorecard (assessment mode)")
        ->excludes(coachOpt);
    std::string trainee, db;
    app.add_option("--trainee", trainee,
                   "Store the finished attempt under this trainee name in the results database");
    addDbOption(app, db);
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    opt.scripted = app.count("--choices") > 0;
    if (shuffleOpt->count() > 0) opt.shuffleSeed = seed;
    else if (!opt.scripted) opt.shuffleSeed = core::randomShuffleSeed();
    const Lang lang = resolveLang(opt.lang);

    ToolScenario loaded = loadScenarioForTool(opt.file, opt.catalogue, std::cerr);
    if (!loaded.scenario) {
        std::cerr << "counterplay play: " << opt.file << " has errors; run `counterplay lint "
                  << opt.file << "`\n";
        return kExitData;
    }
    std::shared_ptr<const core::Scenario> scenario = loaded.scenario;
    if (!opt.from.empty() || !opt.sets.empty()) {
        // The same helper as the editor's "play from here": node and state checked with "did
        // you mean", critical actions before the node marked not applicable.
        std::vector<core::StateSetting> settings;
        for (const std::string& s : opt.sets) {
            core::StateSetting setting;
            std::string error;
            if (!core::parseStateSetting(s, setting, error)) {
                std::cerr << "counterplay play: " << label("play.set-syntax", lang, {{"arg", s}})
                          << '\n';
                return kExitUsage;
            }
            settings.push_back(std::move(setting));
        }
        core::PlayStart start = core::playFromHere(*scenario, opt.from, settings);
        if (!start.ok()) {
            std::cerr << "counterplay play: " << playStartMessage(start, opt.file, lang) << '\n';
            return kExitUsage;
        }
        scenario = start.scenario;
    }

    std::ostream nullStream(nullptr);
    std::ostream& scene = !opt.json ? std::cout : opt.scripted ? nullStream : std::cerr;
    Narrator narrator(scene, lang, loaded.catalogue.get(), !opt.assess);
    scene << scenario->title.in(lang) << '\n' << scenario->summary.in(lang) << '\n';
    if (scenario->start != loaded.scenario->start)
        scene << label("play.started-from", lang, {{"node", scenario->start}}) << '\n';

    core::ManualClock manual;
    core::SteadyClock steady;
    const core::Clock& clock = opt.scripted ? static_cast<const core::Clock&>(manual) : steady;
    core::Session session(scenario, clock, opt.shuffleSeed);
    const std::int64_t startedAt = core::nowEpochMs();
    const int rc = opt.scripted ? runScripted(session, manual, opt, narrator, scene, lang)
                                : runInteractive(session, narrator, scene, lang);
    if (rc == -1) return kExitOk;  // the player quit
    if (rc != kExitOk) return rc;
    narrator.showEnding(session);

    const core::Analysis analysis = core::analyzeScenario(*scenario);
    const core::Scorecard card = core::computeScorecard(analysis, session);
    bool storeFailed = false;
    if (!trainee.empty()) {
        if (scenario != loaded.scenario)
            std::cerr << "counterplay play: not saved: only plays from the start node with the "
                         "scenario's own starting state are stored\n";
        else {
            // A scripted play takes no real time: it is dated as ending now and starting the
            // simulated think time earlier, never in the future.
            const std::int64_t endedAt = core::nowEpochMs();
            const std::int64_t started = opt.scripted ? endedAt - card.totalMs : startedAt;
            const std::int64_t id = storeAttempt(db, trainee, card, session.transcript(),
                                                 started, endedAt, lang, std::cerr);
            if (id <= 0) storeFailed = true;
            if (id > 0) sendAfterEachAttempt(db, id, std::cerr);
        }
    }
    if (opt.json) {
        nlohmann::json j;
        j["scorecard"] = card;
        j["transcript"] = session.transcript();
        j["lang"] = core::langCode(lang);
        // Also in the transcript; here too so a trainer can see it at a glance. null: file order.
        j["shuffleSeed"] = opt.shuffleSeed ? nlohmann::json(*opt.shuffleSeed) : nlohmann::json();
        if (scenario->start != loaded.scenario->start) j["startedFrom"] = scenario->start;
        printJson(std::cout, j);
    } else {
        printScorecard(std::cout, card, loaded.catalogue.get(), lang);
    }
    return storeFailed ? kExitData : kExitOk;
}

}  // namespace counterplay::tools
