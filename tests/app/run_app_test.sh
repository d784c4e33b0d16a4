#!/usr/bin/env bash
# The game under Xvfb, driven by real X input events (xdotool keys, clicks and typing), in English
# and in Korean: title -> settings -> a timed node (hot-cup-burn) -> the washed blouse along the
# analysis' best path (with a crash and resume in Korean) -> debrief. Then checks the results
# database holds the attempt with the expected scorecard, and saves a screenshot of every screen
# under <build>/screenshots/<lang>-<screen>.png.
#
# Usage: run_app_test.sh GAME CLI SOURCE_DIR BINARY_DIR          (re-runs itself under xvfb-run)
#        run_app_test.sh nodisplay GAME                          (no DISPLAY: clear message, exit 1)
#        run_app_test.sh partial GAME                            (partial redraw == whole redraw)
set -uo pipefail

if [ "${1:-}" = nodisplay ]; then
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$2" 2>&1); rc=$?
  echo "$out"
  [ $rc -eq 1 ] || { echo "FAIL: expected exit 1 without a display, got $rc"; exit 1; }
  grep -q "counterplay play" <<<"$out" || { echo "FAIL: the message does not point to 'counterplay play'"; exit 1; }
  echo "PASS: no display -> exit 1 with a pointer to 'counterplay play'"
  exit 0
fi

if [ "${1:-}" = partial ]; then
  # Partial redraw (game/app/PartialRedraw.h) must give the pixels of a whole redraw: the frame
  # benchmark compares the two after every block of frames and exits 1 when they differ.
  home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
  out=$(XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config \
        xvfb-run -a -s "-screen 0 1280x720x24" "$2" --windowed --bench-frames 200 2>&1); rc=$?
  echo "$out"
  [ $rc -eq 0 ] || { echo "FAIL: the frame benchmark exited $rc"; exit 1; }
  grep -q "partial redraw: on" <<<"$out" || { echo "FAIL: partial redraw did not switch on under Xvfb"; exit 1; }
  grep -Eq "partial redraw check: ([0-9]+) of \1 frames match" <<<"$out" ||
    { echo "FAIL: a partial frame differs from a whole redraw"; exit 1; }
  echo "PASS: partial redraw matches whole redraws"
  exit 0
fi

GAME=$1 CLI=$2 SRC=$3 BIN=$4
if [ -z "${COUNTERPLAY_IN_XVFB:-}" ]; then
  export COUNTERPLAY_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x720x24" "$0" "$@"
fi

SHOTS=$BIN/screenshots
mkdir -p "$SHOTS"
WORK=$(mktemp -d)
trap 'kill "${GPID:-0}" 2>/dev/null; rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }

# --- helpers ---------------------------------------------------------------------------------
LOG=""
count() { grep -c -- "$1" "$LOG" 2>/dev/null || true; }
# wait_for PATTERN [MIN_COUNT] [TIMEOUT_S]: until the game log has MIN_COUNT lines matching.
wait_for() {
  local pat=$1 min=${2:-1} limit=${3:-20} i=0
  while [ "$(count "$pat")" -lt "$min" ]; do
    i=$((i + 1))
    if [ $i -gt $((limit * 10)) ]; then
      fail "timed out waiting for '$pat' (x$min)"; tail -n 15 "$LOG"; return 1
    fi
    sleep 0.1
  done
}
key() { xdotool key --delay 40 "$@"; }
start_game() {  # start_game LOGNAME
  LOG=$WORK/$1.log
  : >"$LOG"
  "$GAME" --windowed --screenshot-dir "$SHOTS" >"$LOG" 2>&1 &
  GPID=$!
  wait_for "screen=title" 1 30 || return 1
  WIN=$(xdotool search --sync --onlyvisible --name '^Counterplay$' | head -n 1)
  # No window manager under Xvfb: keyboard focus follows the pointer (PointerRoot) unless set.
  xdotool mousemove --window "$WIN" 640 700
  xdotool windowfocus --sync "$WIN" || fail "could not focus the game window"
  [ "$(xdotool getwindowfocus 2>/dev/null)" = "$WIN" ] || fail "the game window ($WIN) does not have the focus"
  sleep 0.5
}
shot() {  # shot NAME: F12, then wait for the file to be reported
  local n
  n=$(count "screenshot .*-$1.png")
  key F12
  wait_for "screenshot .*-$1.png" $((n + 1)) 10
}
click() { xdotool mousemove --window "$WIN" "$1" "$2" click 1; }
settle() { sleep "${1:-0.6}"; }

# The best path of the washed blouse as "node choice" lines, from the analysis (pretty JSON with
# sorted keys: the best path's steps come before "worst"; step keys are indented 8 spaces).
"$CLI" analyze "$SRC/scenarios/washed-blouse.yaml" --json >"$WORK/analysis.json" ||
  { echo "FAIL: counterplay analyze failed"; exit 1; }
awk '/^  "worst":/{exit} /^        "choice":/{c=$2} /^        "node":/{print $2, c}' "$WORK/analysis.json" |
  tr -d '",' >"$WORK/best.txt"
[ -s "$WORK/best.txt" ] || { echo "FAIL: no best path in the analysis"; exit 1; }
echo "best path of washed-blouse:"; cat "$WORK/best.txt"

# Index (0-based) of a scenario card: cards are sorted by file name.
card_index() { ls "$SRC/scenarios" | grep '\.yaml$' | grep -v '^principles.yaml$' | sort | grep -n "^$1.yaml$" | cut -d: -f1 | awk '{print $1 - 1}'; }
open_card() {  # open_card ID: Home, Right x index, Enter on the select screen
  local i n
  i=$(card_index "$1")
  n=$(count "screen=play")
  key Home
  for ((k = 0; k < i; k++)); do key Right; done
  key Return
  wait_for "screen=play" $((n + 1)) 15
}

# play_best FROM_STEP [STOP_AFTER]: follows the best path; presses Space until the node's choices
# are on screen, then the number key of the best choice. Stops after STOP_AFTER decisions.
play_best() {
  local from=$1 stop=${2:-999} step=0 node choice line pos tries
  while read -r node choice; do
    step=$((step + 1))
    [ $step -lt "$from" ] && continue
    tries=0
    while ! line=$(grep "choices node=$node ids=" "$LOG" | tail -n 1) || [ -z "$line" ]; do
      key space; sleep 0.15; tries=$((tries + 1))
      if [ $tries -gt 80 ]; then fail "choices of node $node never appeared"; tail -n 15 "$LOG"; return 1; fi
    done
    pos=$(sed 's/.*ids= *//' <<<"$line" | tr ' ' '\n' | grep -n "^$choice$" | cut -d: -f1)
    [ -n "$pos" ] || { fail "best choice $choice not offered at $node ($line)"; return 1; }
    settle 0.3
    key "$pos"
    wait_for "decision $step: $choice" 1 10 || return 1
    if [ $step -ge "$stop" ]; then return 0; fi
  done <"$WORK/best.txt"
  # The ending: Space through its lines, then Space opens the debrief.
  tries=0
  while [ "$(count 'screen=debrief')" -lt 1 ]; do
    key space; sleep 0.2; tries=$((tries + 1))
    if [ $tries -gt 80 ]; then fail "the debrief never opened"; tail -n 15 "$LOG"; return 1; fi
  done
  return 0
}

run_language() {  # run_language en|ko
  local lang=$1 name
  export XDG_DATA_HOME=$WORK/$lang/data XDG_CONFIG_HOME=$WORK/$lang/config
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
  start_game "$lang-1" || return 1
  if [ "$lang" = ko ]; then
    click 1075 48  # the 한국어 toggle on the title screen
    wait_for "settings applied: lang=ko" 1 5
    name="김하늘"
  else
    name="Alex Kim"
  fi
  settle
  shot "title"
  click 300 354  # the name field
  # Slowly: xdotool binds a spare keycode for each Hangul character and restores the keymap
  # after the delay; the game must read the key before that.
  xdotool type --delay 250 "$name"
  key Return Return  # name -> id field -> start
  wait_for "screen=select" 1 10 || return 1
  settle
  shot "select"
  # Settings through the mouse: the Settings button at the top right of the select screen.
  click 1010 54
  wait_for "screen=settings" 1 10 || return 1
  settle
  key Down Down Right  # text size: normal -> large
  if [ "$lang" = ko ]; then key Down Down Right; fi  # feedback: coach -> assessment
  settle 0.3
  shot "settings"
  key Escape
  wait_for "screen=select" 2 10 || return 1
  grep -q '"textSize": 2' "$XDG_CONFIG_HOME/counterplay/settings.json" || fail "$lang: text size not saved"
  # A timed node: hot-cup-burn starts with a 7 s limit.
  settle
  open_card hot-cup-burn || return 1
  settle 1.0
  shot "play"
  key Escape; settle 0.4
  shot "play-pause"
  key Down Down Down Down Return  # Quit to scenario list
  wait_for "screen=select" 3 10 || return 1
  settle
  # The washed blouse, best path.
  open_card washed-blouse || return 1
  if [ "$lang" = en ]; then
    play_best 1 2 || return 1
    settle 0.5
    shot "play-feedback"  # coach mode: the feedback card of decision 2
    key Return; settle 0.8
    key h; settle 0.5
    shot "play-history"
    key h; settle 0.3
    key F3; settle 0.8
    shot "play-overlay"
    key F3
    play_best 3 || return 1
  else
    play_best 1 2 || return 1
    # Crash mid-scenario, then resume from the title screen.
    kill -9 "$GPID"; wait "$GPID" 2>/dev/null
    [ -s "$XDG_DATA_HOME/counterplay/autosave.json" ] || fail "ko: no autosave after a crash"
    start_game "$lang-2" || return 1
    settle
    shot "title-resume"
    key Return  # focus starts on Resume
    wait_for "screen=play" 1 10 || return 1
    grep -q "decision" "$LOG" && fail "ko: resume replayed decisions as new ones"
    play_best 3 || return 1
  fi
  wait_for "attempt stored" 1 10
  settle 1.0
  shot "debrief"
  key d; settle 0.5; shot "debrief-decisions"
  key b; settle 0.5; shot "debrief-best"
  key e
  wait_for "scorecard exported: " 1 10
  local n
  n=$(count "screen=select")
  key Escape
  wait_for "screen=select" $((n + 1)) 10
  settle 1.0
  shot "select"  # again, now with a best score, a completed mark and the next recommendation
  n=$(count "screen=title")
  key Escape
  wait_for "screen=title" $((n + 1)) 10
  kill -TERM "$GPID"  # the game quits cleanly on SIGTERM
  wait "$GPID" 2>/dev/null

  # The attempt in the results store: best path -> 100 %, passed, finished, right trainee/lang.
  local db=$XDG_DATA_HOME/counterplay/results.db row
  row=$(sqlite3 "$db" "select a.scenario_id, a.percent, a.passed, a.finished, a.lang, t.name, a.decision_count
                        from attempts a join trainees t on t.id = a.trainee_id" 2>&1)
  echo "$lang: stored attempt: $row"
  local steps
  steps=$(wc -l <"$WORK/best.txt")
  [ "$row" = "washed-blouse|100|1|1|$lang|$name|$steps" ] ||
    fail "$lang: expected 'washed-blouse|100|1|1|$lang|$name|$steps', got '$row'"
  # The same through the exporter, and the HTML scorecard the debrief's Export button wrote.
  "$CLI" export --format json --db "$db" >"$WORK/$lang-export.json" 2>"$WORK/$lang-export.err" ||
    fail "$lang: counterplay export failed: $(cat "$WORK/$lang-export.err")"
  grep -q '"percent": *100' "$WORK/$lang-export.json" || fail "$lang: the JSON export lacks percent 100"
  grep -q '"passed": *true' "$WORK/$lang-export.json" || fail "$lang: the JSON export lacks passed: true"
  ls "$XDG_DATA_HOME"/counterplay/exports/scorecard-washed-blouse-*-"$lang".html >/dev/null 2>&1 ||
    fail "$lang: the debrief's Export button wrote no HTML scorecard"
  [ -f "$XDG_DATA_HOME/counterplay/autosave.json" ] && fail "$lang: autosave left after finishing"
  return 0
}

run_language en || fail "English run aborted"
run_language ko || fail "Korean run aborted"

# Frame benchmark smoke run (figures are reported in docs/playing.md, not asserted).
XDG_DATA_HOME=$WORK/bench XDG_CONFIG_HOME=$WORK/bench "$GAME" --bench-frames 60 >"$WORK/bench.txt" 2>&1 ||
  fail "--bench-frames failed"
grep -q "play frame" "$WORK/bench.txt" || fail "--bench-frames printed no statistics"
cat "$WORK/bench.txt" | grep -v "^counterplay:"

ls "$SHOTS"
if [ $FAILS -gt 0 ]; then echo "$FAILS failure(s)"; exit 1; fi
echo "PASS"
