#!/usr/bin/env bash
# The editor's Play from here, Search and replace and Translation view under Xvfb, driven by real
# X input (xdotool clicks and keys). A copy of a shipped scenario (hot-cup-burn: its critical
# action's deadline is the first decision) is opened with `counterplay edit FILE`; a middle node
# is selected and played from with trust 80; one choice is made and the pause menu's Quit returns
# to the editor, which must be on the same node with the same view and undo history. A second
# trial from a node near the end plays to the debrief (not recorded; the critical action is "not
# applicable") and Esc returns again. Then a word is searched, one match replaced and undone (the
# editor then closes without asking: nothing is unsaved). Nothing may be stored as a result.
# The Korean run takes the same screenshots: <build>/screenshots/editor-play-<lang>-<step>.png.
#
# Usage: run_editor_play_test.sh GAME CLI SOURCE_DIR BINARY_DIR     (re-runs itself under xvfb-run)
set -uo pipefail

GAME=$1 CLI=$2 SRC=$3 BIN=$4
. "$(dirname "$0")/imgui_test_lib.sh"
where() { grep "editor: $1 at " "$LOG" | tail -n 1 | sed 's/.* at //; s/,/ /'; }
shot() { copy_shot "editor-play-$ELANG-$1.png"; }
# A shortcut held for a few frames: a press and release inside one slow frame would be lost to
# ImGui, which reads whether a key is down once a frame.
chord() { xdotool keydown "$1" sleep 0.15 keyup "$1"; sleep 0.1; }
click_item() {  # click_item KEY: click the widget the editor logged as "editor: field KEY at X,Y"
  wait_for "editor: field $1 at" 1 10 || return 1
  local x y
  read -r x y <<<"$(where "field $1")"
  click "$x" "$y"
}

DIR=$WORK/scenarios
mkdir -p "$DIR"
cp "$SRC/scenarios/principles.yaml" "$SRC/scenarios/hot-cup-burn.yaml" "$DIR/"
FILE=$DIR/hot-cup-burn.yaml
# Two translation problems for the Translation view: a line copied from Korean into English
# (the same in both) and a Korean title in the English field (wrong script).
sed -i 's/en: "It'"'"'s a bit better… My latte'"'"'s all over the floor, though."/en: "좀 나아졌어요… 근데 라테는 바닥에 다 쏟아졌네요."/; s/en: "The hot cup: seven seconds"/en: "뜨거운 컵"/' "$FILE"
grep -q 'en: "좀 나아졌어요' "$FILE" && grep -q 'en: "뜨거운 컵"' "$FILE" || { echo "FAIL: test copy setup"; exit 1; }
ORIGINAL=$(cat "$FILE")
DB=$WORK/results.db

start_editor() {  # start_editor LANG
  ELANG=$1
  LOG=$WORK/editor-play-$ELANG.log
  : >"$LOG"
  "$GAME" edit "$FILE" --lang "$ELANG" --windowed --db "$DB" --screenshot-dir "$WORK/shots" \
    >"$LOG" 2>&1 &
  GPID=$!
  wait_for "screen=editor" 1 30 || return 1
  wait_for "editor: ready" 1 30 || return 1
  WIN=$(xdotool search --sync --onlyvisible --classname 'counterplay' | head -n 1)
  xdotool mousemove --window "$WIN" 640 400
  xdotool windowfocus --sync "$WIN" || fail "could not focus the editor window"
  wait_for "editor: checks done" 1 30
  # The full Hangul font is swapped in once built (a frame that stalls): click after it.
  wait_for "ImGui font with every Hangul syllable" 1 30
  settle 0.8
}

wait_exit() {
  local i=0
  while kill -0 "$GPID" 2>/dev/null; do
    i=$((i + 1))
    [ $i -gt 100 ] && { fail "$ELANG: the editor did not close"; kill "$GPID"; break; }
    sleep 0.1
  done
  wait "$GPID" 2>/dev/null
  local rc=$?
  [ "$rc" -eq 0 ] || fail "$ELANG: the editor exited with status $rc"
  GPID=0
}

select_node() {  # select_node ID: click its box in the graph
  local nx ny
  read -r nx ny <<<"$(where "node $1")"
  [ -n "${nx:-}" ] || { fail "$ELANG: no position logged for node $1"; return 1; }
  if [ "$ny" -gt 470 ] || [ "$ny" -lt 40 ]; then  # outside the graph's part of the window
    fit_view || { fail "$ELANG: Fit did not move the view"; return 1; }
    read -r nx ny <<<"$(where "node $1")"
  fi
  click "$nx" "$ny"
  wait_for "editor: selected $1" 1 10 || return 1
  settle 0.4
}

# The view the editor logs when a play starts and when it is back: "selected N, U undo steps,
# saved|unsaved, zoom Z%, centre X,Y".
view_at_play() { grep "editor: play from $1 " "$LOG" | tail -n 1 | sed 's/.*view //'; }
view_back() { grep "editor: back from play at " "$LOG" | tail -n 1 | sed 's/.*view //'; }

play_dialog() {  # play_dialog TRUST [SHOT]: F5 on the selected node, trust typed, Play
  local n
  n=$(count "editor: play dialog for")
  chord F5
  wait_for "editor: play dialog for" $((n + 1)) 10 || return 1
  settle 0.5
  click_item play-trust || return 1
  key ctrl+a
  xdotool type --delay 40 "$1"
  key Tab
  settle 0.5
  [ -n "${2:-}" ] && shot "$2"
  click_item play-start || return 1
}

# ---- English ---------------------------------------------------------------------------------
start_editor en || exit 1
select_node shock || exit 1

# Search a word of the node's line and replace it (one undo step): the play below must show the
# unsaved text, and the undo after it must give the file back exactly.
chord ctrl+f
wait_for "editor: search panel" 1 10 || exit 1
settle 0.4
xdotool type --delay 40 "staring"
wait_for "editor: search 'staring': 1 matches" 1 10 || exit 1
click_item search-replace || exit 1
xdotool type --delay 40 "looking"
settle 0.3
click_item search-match0 || exit 1
wait_for "editor: jump to shock field line0.en" 1 10
wait_for "editor: inspector scrolled to line0.en" 1 10
settle 0.4
shot search
click_item search-replace-one || exit 1
wait_for "editor: edit replace " 1 10 || exit 1
grep -q "(replace 'staring' with 'looking')" "$LOG" || fail "the replace is not one undo step"
settle 0.4
shot replaced

# Play from here: trust out of range is refused in red; 80 plays.
play_dialog 200 || exit 1
wait_for "editor: play refused: 'trust' is from 0 to 100" 1 10
shot play-refused
click_item play-trust
key ctrl+a
xdotool type --delay 40 "80"
key Tab
settle 0.5
shot play-dialog
click_item play-start || exit 1
wait_for "editor: play from shock .*trust=80" 1 10 || exit 1
VIEW_BEFORE=$(view_at_play shock)
grep -q "unsaved" <<<"$VIEW_BEFORE" || fail "the replace should have left unsaved edits: $VIEW_BEFORE"
wait_for "screen=play" 1 15 || exit 1
settle 1.0
shot play-line
# Through the lines to the choices, then one choice.
for i in $(seq 1 40); do
  [ "$(count "choices node=shock")" -ge 1 ] && break
  key space
  sleep 0.25
done
wait_for "choices node=shock" 1 10 || exit 1
settle 0.6
key 1
wait_for "decision 1: " 1 10 || exit 1
settle 0.5
shot play
key Escape
settle 0.5
key Down Down Down Down Return  # the pause menu: Quit (back to the editor)
wait_for "editor: back from play at shock" 1 15 || exit 1
settle 0.6
VIEW_AFTER=$(view_back)
echo "view before play: $VIEW_BEFORE"
echo "view after play:  $VIEW_AFTER"
[ "$VIEW_BEFORE" = "$VIEW_AFTER" ] || fail "the editor changed under the play"
shot back
[ "$(count 'attempt stored')" -eq 0 ] || fail "a trial was stored as an attempt"

# A second trial from near the end, played to its debrief. The graph moved (the search centred
# it on shock), so the node is picked through the search: its id's match selects it.
click_item search-find || exit 1
key ctrl+a
xdotool type --delay 40 "check-back"
wait_for "editor: search 'check-back': [1-9]" 1 10 || exit 1
settle 0.3
click_item search-match0 || exit 1
wait_for "editor: selected check-back" 1 10 || exit 1
settle 0.4
play_dialog 60 || exit 1
wait_for "editor: play from check-back .*, 1 not applicable" 1 10 ||
  fail "the critical action before check-back is not marked not applicable"
wait_for "screen=play" 2 15 || exit 1
for i in $(seq 1 80); do
  [ "$(count "screen=debrief")" -ge 1 ] && break
  key space
  sleep 0.2
  key 1
  sleep 0.2
done
wait_for "trial attempt not recorded" 1 10 || exit 1
wait_for "screen=debrief" 1 10 || exit 1
settle 1.5
shot debrief
key Escape
wait_for "editor: back from play at check-back" 1 15 || exit 1
settle 0.6
[ "$(count 'attempt stored')" -eq 0 ] || fail "a trial was stored as an attempt"

# Undo the replace: one step gives the file back, so Esc closes without asking.
chord ctrl+z
wait_for "editor: undo replace 'staring' with 'looking'" 1 10 || exit 1
settle 0.4

# The translation view.
chord ctrl+t
wait_for "editor: translation " 1 10 || exit 1
settle 0.6
wait_for "editor: translation missing-ko=0 missing-en=0 identical=1 wrong-script-ko=0 wrong-script-en=1 outdated=0" 1 5
shot translation
click_item translation-row0 || exit 1
wait_for "editor: jump to offer field line0.en" 1 10
wait_for "editor: inspector scrolled to line0.en" 2 10

key Escape
wait_for "editor: closing" 1 10
wait_exit
[ "$(count 'editor: asking before closing')" -eq 0 ] || fail "the undo left unsaved changes"
[ "$(cat "$FILE")" = "$ORIGINAL" ] || fail "the scenario file changed"

# ---- Korean: the dialog, the debrief and the translation view ------------------------------------
start_editor ko || exit 1
select_node check-back || exit 1
play_dialog 80 play-dialog || exit 1
wait_for "editor: play from check-back" 1 10 || exit 1
wait_for "screen=play" 1 15 || exit 1
for i in $(seq 1 80); do
  [ "$(count "screen=debrief")" -ge 1 ] && break
  key space
  sleep 0.2
  key 1
  sleep 0.2
done
wait_for "screen=debrief" 1 10 || exit 1
settle 1.5
shot debrief
key Escape
wait_for "editor: back from play at check-back" 1 15 || exit 1
settle 0.5
chord ctrl+t
wait_for "editor: translation " 1 10 || exit 1
settle 0.6
shot translation
chord ctrl+f
wait_for "editor: search panel" 1 10
xdotool type --delay 40 "staring"
wait_for "editor: search 'staring'" 1 10
settle 0.4
shot search
click_item search-ignore-case  # out of the find field: Esc then closes the editor
settle 0.3
key Escape
wait_for "editor: closing" 1 10
wait_exit
[ "$(count 'attempt stored')" -eq 0 ] || fail "a trial was stored as an attempt"
if [ -e "$DB" ]; then
  STORED=$("$CLI" report --db "$DB" --json 2>/dev/null | grep -c '"attemptId"' || true)
  [ "${STORED:-0}" -eq 0 ] || fail "the results database has attempts"
fi

if [ "$FAILS" -gt 0 ]; then
  cp "$WORK"/editor-play-*.log "$SHOTS/" 2>/dev/null && echo "game logs: $SHOTS/editor-play-*.log"
  echo "$FAILS failure(s)"
  exit 1
fi
echo "editor play test passed"
