#!/usr/bin/env bash
# The editor's inspector under Xvfb, driven by real X input (xdotool clicks, wheel and keys): a
# shipped scenario is copied to a temp git repository and committed, `counterplay edit FILE`
# opens it, and in the start node's inspector a tag is added to the first choice, its mood
# effect is changed, and a line is added and written; Ctrl+S saves. Then `counterplay-cli lint`
# must pass and `git diff` must show exactly those three changes. A Korean run shows a choice's
# effects and tags, the Next list with its loop targets marked, the scenario card and an ending
# (screenshots).
# Screenshots: <build>/screenshots/inspector-<lang>-<step>.png (look at them).
#
# Usage: run_inspector_test.sh GAME CLI SOURCE_DIR BINARY_DIR     (re-runs itself under xvfb-run)
set -uo pipefail

GAME=$1 CLI=$2 SRC=$3 BIN=$4
. "$(dirname "$0")/imgui_test_lib.sh"
# The last logged "editor: <what> at X,Y" position, as "X Y".
where() { grep "editor: $1 at " "$LOG" | tail -n 1 | sed 's/.* at //; s/,/ /'; }
shot() { copy_shot "inspector-$ELANG-$1.png"; }

REPO=$WORK/repo
mkdir -p "$REPO"
cp "$SRC/scenarios/principles.yaml" "$SRC/scenarios/washed-blouse.yaml" "$REPO/"
FILE=$REPO/washed-blouse.yaml
git -C "$REPO" init -q && git -C "$REPO" add -A &&
  git -C "$REPO" -c user.name=test -c user.email=test@example.com commit -q -m scenario ||
  { echo "FAIL: git setup"; exit 1; }

start_editor() {  # start_editor LANG
  ELANG=$1
  LOG=$WORK/inspector-$ELANG.log
  : >"$LOG"
  "$GAME" edit "$FILE" --lang "$ELANG" --windowed --screenshot-dir "$WORK/shots" >"$LOG" 2>&1 &
  GPID=$!
  wait_for "screen=editor" 1 30 || return 1
  wait_for "editor: ready" 1 30 || return 1
  WIN=$(xdotool search --sync --onlyvisible --classname 'counterplay' | head -n 1)
  xdotool mousemove --window "$WIN" 640 400
  xdotool windowfocus --sync "$WIN" || fail "could not focus the editor window"
  wait_for "editor: checks done" 1 30
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
  GPID=0
  cp "$LOG" "$BIN/inspector-$ELANG.log"  # kept for a look after a failure
}

select_node() {  # select_node ID: click its box in the graph
  read -r NX NY <<<"$(where "node $1")"
  [ -n "${NX:-}" ] || { fail "$ELANG: no position logged for node $1"; return 1; }
  click "$NX" "$NY"
  wait_for "editor: selected $1" 1 10 || return 1
  settle 0.4
}

# reach KEY: scroll the inspector (mouse wheel over it) until the field KEY is on screen; its
# position is then in FX FY.
reach() {
  local i=0
  while :; do
    read -r FX FY <<<"$(where "field $1")"
    [ -n "${FX:-}" ] || { fail "$ELANG: no position logged for field $1"; return 1; }
    if [ "$FY" -gt 690 ]; then
      xdotool mousemove --window "$WIN" "$FX" 400 click --repeat 2 5
    elif [ "$FY" -lt 70 ]; then
      xdotool mousemove --window "$WIN" "$FX" 400 click --repeat 2 4
    else
      return 0
    fi
    i=$((i + 1))
    [ $i -gt 40 ] && { fail "$ELANG: could not scroll to field $1 (at $FX,$FY)"; return 1; }
    settle 0.25
  done
}

# ---- English: a tag, an effect and a new line, saved ---------------------------------------------
start_editor en || exit 1
select_node ignored || exit 1
select_node arrive || exit 1
shot node
# A tag typed into the first choice's tag field.
reach "arrive/0/new-tag" || exit 1
click "$FX" "$FY"
wait_for "editor: editing arrive/0/new-tag" 1 10
xdotool type --delay 30 "listen-late"
key Return
wait_for "editor: edit tags" 1 10
settle 0.4
# The first choice's mood effect: -20 becomes -25.
reach "arrive/0/effects/mood" || exit 1
click "$FX" "$FY"
chord ctrl a
xdotool type --delay 30 -- "-25"
key Return
wait_for "editor: edit effects" 1 10
settle 0.4
shot effects
# A new line at the end of the node, then its English text.
reach "add-line" || exit 1
click "$FX" "$FY"
wait_for "editor: edit add line" 1 10
settle 0.5
reach "line2.en" || exit 1
shot added-line
click "$FX" "$FY"
wait_for "editor: editing line2.en" 1 10
NEW_LINE="And I have the receipt right here."
xdotool type --delay 30 "$NEW_LINE"
key Return
wait_for "editor: edit line2.en" 1 10
settle 0.5
shot line-written
chord ctrl s
wait_for "editor: saved" 1 10
settle 0.4
key Escape
wait_for "editor: closing" 1 10
wait_exit

# ---- The file: lint passes, the diff is the three changes -------------------------------------
LINT=$("$CLI" lint "$FILE" 2>&1) || fail "lint fails after the edits: $LINT"
echo "$LINT" | tail -n 3
DIFF=$(git -C "$REPO" diff -U0 -- washed-blouse.yaml)
echo "$DIFF"
REMOVED=$(grep '^-[^-]' <<<"$DIFF")
ADDED=$(grep '^+[^+]' <<<"$DIFF")
[ "$(grep -c . <<<"$REMOVED")" -eq 2 ] || fail "expected 2 changed lines (tags, effects), got: $REMOVED"
grep -qx -- '-        tags: \[blame-customer\]' <<<"$REMOVED" || fail "the tags line did not change"
grep -qx -- '+        tags: \[blame-customer, listen-late\]' <<<"$ADDED" || fail "the tag was not added"
grep -qx -- '+        effects: {mood: -25, trust: -15, blamed: true}' <<<"$ADDED" || fail "the mood effect is not -25"
grep -qxF -- "+      - text: {ko: \"\", en: \"$NEW_LINE\"}" <<<"$ADDED" || fail "the new line is not in the file"
[ "$(grep -c . <<<"$ADDED")" -eq 3 ] || fail "expected 3 added lines, got: $ADDED"

# ---- Korean: the scenario card, a choice, an ending ---------------------------------------------
start_editor ko || exit 1
select_node ignored || exit 1
select_node arrive || exit 1
shot node
reach "arrive/0/effects/mood" || exit 1
shot effects-tags
# The Next list of a node in the middle: the nodes that lead to it are marked "makes a loop".
select_node detail || exit 1
reach "detail/0/next" || exit 1
click "$FX" "$FY"
settle 0.6
shot next-loops
key Escape
settle 0.5
[ "$(count "editor: asking before closing")" -eq 0 ] || fail "the Esc that closed the list asked to close"
reach "scenario-card" || exit 1
click "$FX" "$FY"
settle 0.6
shot card
# The endings lie below the opening view: Fit shows them all.
fit_view || fail "$ELANG: Fit did not move the view"
select_node fan || exit 1
shot ending
key Escape
wait_for "editor: closing" 1 10
wait_exit

if [ "$FAILS" -gt 0 ]; then
  echo "$FAILS failure(s)"
  exit 1
fi
echo "inspector test passed"
