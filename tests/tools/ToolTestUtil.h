// Helpers for the tool tests: run a verb in-process with std::cin/cout/cerr redirected, temporary
// folders with inline YAML, and a small catalogue + scenario that exercise every verb feature.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "counterplay/tools/Tools.h"

namespace counterplay::testing {

struct RunResult {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs `counterplay <args...>` through runTool with the standard streams captured.
inline RunResult runVerb(const std::vector<std::string>& args, const std::string& input = "") {
    std::vector<std::string> storage{"counterplay"};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    std::ostringstream out, err;
    std::istringstream in(input);
    auto* oldOut = std::cout.rdbuf(out.rdbuf());
    auto* oldErr = std::cerr.rdbuf(err.rdbuf());
    auto* oldIn = std::cin.rdbuf(in.rdbuf());
    RunResult r;
    r.code = tools::runTool(static_cast<int>(storage.size()), argv.data());
    std::cout.rdbuf(oldOut);
    std::cerr.rdbuf(oldErr);
    std::cin.rdbuf(oldIn);
    std::cin.clear();
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("counterplay-tooltest-" + std::to_string(::getpid()) + "-" +
                 std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// Writes `text` to `name` (sub-folders created) and returns the full path.
    std::string write(const std::string& name, const std::string& text) const {
        const std::filesystem::path p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

/// A two-principle catalogue. (Test sources stay ASCII, so the "ko" texts are placeholders.)
inline const char* kCatalogue = R"(format: 1
groups:
  - id: trust
    name: {ko: "KO trust", en: "Trust"}
  - id: complaint
    name: {ko: "KO complaint", en: "Complaint handling"}
sources:
  - id: cram-crescendo
    kind: book
    title: {ko: "KO crescendo", en: "The Crescendo Rule"}
    author: {ko: "KO Cram", en: "Tony Cram"}
    item_label: {ko: "KO way {item}", en: "way {item}"}
  - id: carnegie-online-7-steps
    kind: article
    title: {ko: "KO seven steps", en: "Seven steps"}
    publisher: {ko: "KO Carnegie", en: "Dale Carnegie Korea"}
    date: "2016-02-16"
    item_label: {ko: "KO step {item}", en: "step {item}"}
principles:
  - id: trust.small-promises
    group: trust
    name: {ko: "KO small promises", en: "Make and keep small promises"}
    summary: {ko: "KO summary", en: "Promise small things and keep them."}
    source: {ref: cram-crescendo, item: "10"}
  - id: complaint.listen
    group: complaint
    name: {ko: "KO listen", en: "Listen"}
    summary: {ko: "KO summary", en: "Listen for the facts and the feelings."}
    source: {ref: carnegie-online-7-steps, item: "2"}
)";

/// Best path: apologise (+3), promise (+2) = 5. Worst: excuse (-2), shrug (-1) = -3.
/// `promise` shows only after apologising; `arrive` has a 30 s timer to walked-out.
inline const char* kScenario = R"(format: 1
id: late-order
title: {ko: "KO late order", en: "The late order"}
summary: {ko: "KO summary", en: "An order did not arrive on the promised day."}
setting: boutique
difficulty: 1
source: {ref: cram-crescendo, item: "10"}
principles: [trust.small-promises, complaint.listen]
pass_threshold: 70
customer:
  name: {ko: "KO Kim", en: "Kim Ji-hyun"}
  look: {skin: "#f1c8a5", hair: bob, hair_color: "#2b1d14", outfit: coat, outfit_color: "#5a6e8c"}
  mood: 35
  trust: 50
state:
  flags: {apologised: false}
critical_actions:
  - id: own-it
    tag: apologise
    label: {ko: "KO apologise", en: "Apologise for the delay"}
    deadline: 2
start: arrive
nodes:
  arrive:
    lines:
      - {speaker: narrator, text: {ko: "KO enters", en: "A customer walks in with a \"receipt\"."}}
      - {expression: annoyed, text: {ko: "KO today", en: "You said it would be here today."}}
    time_limit:
      seconds: 30
      next: walked-out
      points: {complaint.listen: -2}
      feedback: {ko: "KO slow", en: "Nobody answered her within 30 seconds."}
    choices:
      - id: apologise
        text: {ko: "KO sorry", en: "I'm sorry. Let me check right now."}
        effects: {mood: 15, trust: 10, apologised: true}
        points: {trust.small-promises: 2, complaint.listen: 1}
        feedback: {ko: "KO owned", en: "You owned the broken promise."}
        tags: [apologise]
        next: check
      - id: excuse
        text: {ko: "KO courier", en: "That's the courier's fault."}
        effects: {mood: -20, trust: -15}
        points: {trust.small-promises: -2}
        feedback: {ko: "KO excuse", en: "An excuse costs trust."}
        next: check
  check:
    lines:
      - {text: {ko: "KO when", en: "So when will it come?"}}
    choices:
      - id: promise
        text: {ko: "KO call", en: "I'll call you by 3 pm with a date."}
        condition: apologised
        effects: {mood: 40, trust: 30}
        points: {trust.small-promises: 2}
        feedback: {ko: "KO kept", en: "A small promise you can keep."}
        next: fixed
      - id: shrug
        text: {ko: "KO no idea", en: "No idea, sorry."}
        points: {complaint.listen: -1}
        feedback: {ko: "KO none", en: "No next step: she has nothing to hold on to."}
        next: walked-out
  fixed:
    lines:
      - {expression: relieved, text: {ko: "KO thanks", en: "Thank you."}}
    ending: {kind: loyal, title: {ko: "KO back", en: "She'll be back"}}
  walked-out:
    lines:
      - {expression: angry, text: {ko: "KO forget", en: "Forget it."}}
    ending: {kind: lost, title: {ko: "KO left", en: "She left"}, recommend: 1}
)";

/// A folder with principles.yaml and late-order.yaml.
inline void writeFixture(const TempDir& dir) {
    dir.write("principles.yaml", kCatalogue);
    dir.write("late-order.yaml", kScenario);
}

}  // namespace counterplay::testing
