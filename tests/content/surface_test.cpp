// The scorecard must measure judgement, not surface cues. These tests play every shipped scenario
// with "players" that read only the surface of the options (length, politeness words, words that
// merely sound like listening, generosity words, question marks, file position) and require each
// of them to fail every scenario but at most one, in Korean and in English. They also measure, on
// each best path, how often the best option is the longest or the shortest one shown and how
// often it carries politeness words compared with the other options, and check that every
// catalogue principle is really trained (worth at least 2 points on the best path of at least two
// scenarios). Each test prints its figures, so a content change shows what it did.
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "ContentTestUtil.h"

namespace counterplay::content {
namespace {

using core::Lang;

struct Loaded {
    std::string file;
    std::shared_ptr<const core::Scenario> scenario;
    core::Analysis analysis;
};

/// Every shipped scenario that loads without errors, with its analysis.
const std::vector<Loaded>& shipped() {
    static const std::vector<Loaded> all = [] {
        std::vector<Loaded> out;
        const auto catalogue = shippedCatalogue();
        for (const std::string& file : scenarioFiles()) {
            core::ScenarioLoad load = core::loadScenarioFile(file, catalogue.get());
            if (!load.ok() || !load.scenario) continue;
            out.push_back({file, load.scenario, core::analyzeScenario(*load.scenario)});
        }
        return out;
    }();
    return all;
}

/// Length in code points (UTF-8 lead bytes), so Korean and English compare fairly.
std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// How many times any of `words` occurs in `text` (case-insensitive for ASCII).
int countWords(const std::string& text, const std::vector<std::string>& words) {
    const std::string hay = lower(text);
    int n = 0;
    for (const std::string& w : words) {
        const std::string needle = lower(w);
        for (std::size_t at = hay.find(needle); at != std::string::npos;
             at = hay.find(needle, at + needle.size()))
            ++n;
    }
    return n;
}

const std::vector<std::string>& politeWords(Lang lang) {
    static const std::vector<std::string> ko = {"감사", "죄송", "고객님", "송구", "양해",
                                                "실례", "부탁드", "사과드", "불편을 드려"};
    static const std::vector<std::string> en = {"thank", "sorry", "apolog", "please",
                                                "appreciate", "madam", "sir", "kindly",
                                                "grateful", "pleasure"};
    return lang == Lang::Ko ? ko : en;
}

const std::vector<std::string>& listeningWords(Lang lang) {
    static const std::vector<std::string> ko = {"네,", "네.", "네…", "그렇군요", "그러셨군요",
                                                "그러시군요", "알겠습니다", "이해합니다",
                                                "이해해요", "맞습니다", "그럼요", "당연하죠"};
    static const std::vector<std::string> en = {"i see", "i understand", "understood",
                                                "of course", "i hear", "right", "absolutely",
                                                "got it", "makes sense", "certainly"};
    return lang == Lang::Ko ? ko : en;
}

const std::vector<std::string>& generousWords(Lang lang) {
    static const std::vector<std::string> ko = {"환불", "무료", "할인", "교환", "보상",
                                                "쿠폰", "공짜", "적립", "상품권", "서비스로"};
    static const std::vector<std::string> en = {"refund", "free", "discount", "replace",
                                                "compensat", "voucher", "on the house",
                                                "credit", "coupon", "gift"};
    return lang == Lang::Ko ? ko : en;
}

/// A surface strategy: given the texts of the choices shown (in file order), picks one position.
struct Strategy {
    std::string name;
    bool usesText = true;  ///< false: plays the same in both languages (position only)
    std::function<std::size_t(const std::vector<std::string>&, Lang)> pick;
};

/// The position with the highest score; ties go to the first such position.
std::size_t argmax(const std::vector<std::string>& texts,
                   const std::function<double(const std::string&)>& score) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < texts.size(); ++i)
        if (score(texts[i]) > score(texts[best])) best = i;
    return best;
}

const std::vector<Strategy>& strategies() {
    static const std::vector<Strategy> all = {
        {"longest", true,
         [](const auto& t, Lang) { return argmax(t, [](const std::string& s) { return double(codePoints(s)); }); }},
        {"shortest", true,
         [](const auto& t, Lang) { return argmax(t, [](const std::string& s) { return -double(codePoints(s)); }); }},
        {"most politeness words", true,
         [](const auto& t, Lang lang) {
             return argmax(t, [lang](const std::string& s) { return double(countWords(s, politeWords(lang))); });
         }},
        {"most listening words", true,
         [](const auto& t, Lang lang) {
             return argmax(t, [lang](const std::string& s) { return double(countWords(s, listeningWords(lang))); });
         }},
        {"most generous (refund, free, discount)", true,
         [](const auto& t, Lang lang) {
             return argmax(t, [lang](const std::string& s) { return double(countWords(s, generousWords(lang))); });
         }},
        {"most questions", true,
         [](const auto& t, Lang) {
             return argmax(t, [](const std::string& s) { return double(countWords(s, {"?"})); });
         }},
        {"polite and long", true,
         [](const auto& t, Lang lang) {
             return argmax(t, [lang](const std::string& s) {
                 return double(countWords(s, politeWords(lang)) + countWords(s, listeningWords(lang))) * 1000.0 +
                        double(codePoints(s));
             });
         }},
        {"first in file order", false, [](const auto&, Lang) { return std::size_t{0}; }},
        {"last in file order", false, [](const auto& t, Lang) { return t.size() - 1; }},
    };
    return all;
}

/// Plays `scenario` with `strategy` reading `lang`; true when the scorecard passes.
bool plays(const Loaded& s, const Strategy& strategy, Lang lang) {
    core::ManualClock clock;
    core::Session session(s.scenario, clock);
    for (int guard = 0; guard < 500 && !session.finished(); ++guard) {
        const std::vector<std::size_t> shown = session.availableChoices();
        if (shown.empty()) {
            const auto remaining = session.remainingMs();
            if (!remaining) return false;  // stuck
            clock.advance(*remaining);
            session.update();
            continue;
        }
        std::vector<std::string> texts;
        for (std::size_t i : shown) texts.push_back(session.currentNode().choices[i].text.in(lang));
        clock.advance(1000);
        if (session.update()) continue;  // a limit under a second: the timeout branch
        session.choose(shown[strategy.pick(texts, lang)]);
    }
    return core::computeScorecard(s.analysis, session).passed;
}

TEST(SurfaceStrategies, EachFailsEveryScenarioButAtMostOne) {
    ASSERT_FALSE(shipped().empty());
    std::printf("surface strategies over %zu scenarios (passes: ko / en)\n", shipped().size());
    for (const Strategy& strategy : strategies()) {
        for (Lang lang : {Lang::Ko, Lang::En}) {
            if (!strategy.usesText && lang == Lang::En) continue;
            std::vector<std::string> passed;
            for (const Loaded& s : shipped())
                if (plays(s, strategy, lang)) passed.push_back(s.scenario->id);
            std::string list;
            for (const auto& id : passed) list += (list.empty() ? "" : ", ") + id;
            std::printf("  %-42s %s: %zu passed%s%s\n", strategy.name.c_str(),
                        strategy.usesText ? core::langCode(lang) : "--", passed.size(),
                        passed.empty() ? "" : ": ", list.c_str());
            EXPECT_LE(passed.size(), 1u) << "strategy '" << strategy.name << "' ("
                                         << core::langCode(lang) << ") passes " << list;
        }
    }
}

/// Surface figures of the best options along every best path.
struct Figures {
    int decisions = 0;
    int bestLongest = 0;
    int bestShortest = 0;
    int bestPolite = 0;
    int others = 0;
    int othersPolite = 0;
};

Figures measure(Lang lang) {
    Figures f;
    for (const Loaded& s : shipped()) {
        core::ManualClock clock;
        core::Session session(s.scenario, clock);
        for (const core::PathStep& step : s.analysis.best.steps) {
            if (session.finished() || session.currentNode().id != step.nodeId) break;
            if (step.choiceIndex == core::kTimeoutChoice) {
                clock.advance(session.remainingMs().value_or(0));
                session.update();
                continue;
            }
            const std::vector<std::size_t> shown = session.availableChoices();
            const auto& choices = session.currentNode().choices;
            const std::size_t bestLen = codePoints(choices[step.choiceIndex].text.in(lang));
            if (shown.size() > 1) {
                bool longest = true, shortest = true;
                for (std::size_t i : shown) {
                    if (i == static_cast<std::size_t>(step.choiceIndex)) continue;
                    const std::string& text = choices[i].text.in(lang);
                    const std::size_t len = codePoints(text);
                    if (len >= bestLen) longest = false;
                    if (len <= bestLen) shortest = false;
                    ++f.others;
                    if (countWords(text, politeWords(lang)) > 0) ++f.othersPolite;
                }
                ++f.decisions;
                f.bestLongest += longest;
                f.bestShortest += shortest;
                f.bestPolite += countWords(choices[step.choiceIndex].text.in(lang), politeWords(lang)) > 0;
            }
            clock.advance(1000);
            session.choose(static_cast<std::size_t>(step.choiceIndex));
        }
    }
    return f;
}

TEST(SurfaceFigures, BestOptionIsNotGivenAwayByLengthOrPoliteness) {
    for (Lang lang : {Lang::Ko, Lang::En}) {
        const Figures f = measure(lang);
        ASSERT_GT(f.decisions, 0);
        const double longest = 100.0 * f.bestLongest / f.decisions;
        const double shortest = 100.0 * f.bestShortest / f.decisions;
        const double politeBest = 100.0 * f.bestPolite / f.decisions;
        const double politeOthers = f.others ? 100.0 * f.othersPolite / f.others : 0.0;
        std::printf("%s: %d decisions on best paths: best is longest %.0f %%, shortest %.0f %%; "
                    "politeness words in best %.0f %%, in others %.0f %%\n",
                    core::langCode(lang), f.decisions, longest, shortest, politeBest, politeOthers);
        EXPECT_LE(longest, 35.0) << core::langCode(lang);
        EXPECT_GE(shortest, 15.0) << core::langCode(lang);
        EXPECT_LE(std::abs(politeBest - politeOthers), 10.0) << core::langCode(lang);
    }
}

TEST(PrincipleCoverage, EveryPrincipleIsWorthTwoPointsOnTwoBestPaths) {
    const auto catalogue = shippedCatalogue();
    ASSERT_TRUE(catalogue);
    std::map<std::string, std::vector<std::string>> trainedIn;
    for (const Loaded& s : shipped())
        for (const auto& [principle, points] : s.analysis.best.points)
            if (points >= 2) trainedIn[principle].push_back(s.scenario->id);
    for (const auto& principle : catalogue->principles) {
        const auto& where = trainedIn[principle.id];
        std::string list;
        for (const auto& id : where) list += (list.empty() ? "" : ", ") + id;
        std::printf("  %-34s %zu: %s\n", principle.id.c_str(), where.size(), list.c_str());
        EXPECT_GE(where.size(), 2u) << principle.id << " is worth 2+ points on the best path of "
                                    << where.size() << " scenario(s): " << list;
    }
}

}  // namespace
}  // namespace counterplay::content
