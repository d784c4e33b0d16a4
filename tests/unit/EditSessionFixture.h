// A small scenario with comments and blank lines for the editing-session tests, and a temporary
// folder to edit it in (with its own recovery folder).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "EditTestUtil.h"
#include "counterplay/core/EditSession.h"

namespace edittest {

inline const std::string kFixture = R"(# A small scene for the editor tests.
format: 1
id: edit-fixture
title: {ko: "편집 테스트", en: "Edit test"}
summary: {ko: "요약", en: "Summary"}
setting: boutique
difficulty: 1
source: {ref: carnegie-online-7-steps, item: "1"}
principles: [complaint.listen, trust.small-promises]
pass_threshold: 60
customer:
  name: {ko: "김지현", en: "Kim Ji-hyun"}
  look: {skin: "#f1c8a5", hair: bob, hair_color: "#2b1d14", outfit: coat, outfit_color: "#5a6e8c"}
  mood: 40
  trust: 50
state:
  flags: {apologised: false}
  counters: {excuses: 0}
critical_actions:
  - id: listen-first
    tag: listen
    label: {ko: "먼저 듣기", en: "Listen first"}
    deadline: 1
start: greet
nodes:
  # The opening.
  greet:
    lines:
      - text: {ko: "저기요!", en: "Excuse me!"}
    choices:
      - id: listen
        text: {ko: "듣는다", en: "Listen"}
        effects: {mood: 10}
        points: {complaint.listen: 2}
        feedback: {ko: "좋아요", en: "Good"}
        tags: [listen]
        next: middle
      # An excuse costs trust later.
      - id: excuse
        text: {ko: "변명한다", en: "Make an excuse"}
        effects: {excuses: 1}
        points: {complaint.listen: -1}
        feedback: {ko: "나빠요", en: "Bad"}
        next: middle

  middle:
    lines:
      - text: {ko: "그래서요?", en: "So?"}
    time_limit:
      seconds: 10
      next: lost
      points: {trust.small-promises: -1}
      feedback: {ko: "늦었어요", en: "Too slow"}
    choices:
      - id: promise
        text: {ko: "약속한다", en: "Promise"}
        condition: "excuses == 0"
        points: {trust.small-promises: 3}
        feedback: {ko: "약속", en: "A promise"}
        next: happy
      - id: shrug
        text: {ko: "어깨를 으쓱", en: "Shrug"}
        points:
          trust.small-promises: -2
        feedback: {ko: "무관심", en: "Indifferent"}
        next: lost

  happy:
    lines:
      - speaker: narrator
        text: {ko: "끝", en: "The end"}
    ending:
      kind: loyal
      title: {ko: "만족", en: "Happy"}

  lost:
    lines:
      - speaker: narrator
        text: {ko: "떠났다", en: "She left"}
    ending:
      kind: lost
      title: {ko: "떠남", en: "Lost"}
)";

/// A fresh folder under the build tree, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        const std::string name = std::string("editsession-") + std::to_string(::getpid()) + "-" +
                                 std::to_string(counter()++);
        path_ = std::filesystem::path(COUNTERPLAY_BINARY_DIR) / "test-tmp" / name;
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(file(name), std::ios::binary) << bytes;
        return file(name);
    }

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
    std::filesystem::path path_;
};

inline counterplay::core::EditOptions testOptions(const TempDir& dir) {
    counterplay::core::EditOptions o;
    o.cataloguePath = sourceDir() + "/scenarios/principles.yaml";
    o.recoveryDir = dir.file("recovery");
    return o;
}

}  // namespace edittest
