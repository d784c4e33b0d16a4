#!/usr/bin/env bash
# The scenario editor under Xvfb, driven by real X input (xdotool clicks and keys): a shipped
# scenario is copied to a temp git repository (with two comment lines added, then committed),
# `counterplay edit FILE` opens it, a node is clicked in the graph, one English line is changed
# in the inspector, a choice is added, undone and redone, and Ctrl+S saves. Then
# `counterplay-cli lint` must report only the new choice's two empty texts and `git diff` must
# show exactly the changed line plus the inserted choice lines, comments intact. A second run in Korean takes the Korean screenshots.
# Screenshots: <build>/screenshots/editor-<lang>-<step>.png (look at them).
#
# Usage: run_editor_test.sh GAME CLI SOURCE_DIR BINARY_DIR     (re-runs itself under xvfb-run)
set -uo pipefail

GAME=$1 CLI=$2 SRC=$3 BIN=$4
. "$(dirname "$0")/imgui_test_lib.sh"
# The last logged "editor: <what> at X,Y" position, as "X Y".
where() { grep "editor: $1 at " "$LOG" | tail -n 1 | sed 's/.* at //; s/,/ /'; }
shot() { copy_shot "editor-$ELANG-$1.png"; }  # shot NAME: F12, copied to editor-LANG-NAME.png

# The scenario in a git repository of its own, with comments that must survive the edits.
REPO=$WORK/repo
mkdir -p "$REPO"
cp "$SRC/scenarios/principles.yaml" "$REPO/"
{
  echo "# Trainer's note: the customer is upset but fair; keep every answer short."
  sed 's/^start: arrive$/# The first thing she says comes straight after this.\nstart: arrive/' \
    "$SRC/scenarios/washed-blouse.yaml"
} >"$REPO/washed-blouse.yaml"
FILE=$REPO/washed-blouse.yaml
COMMENTS_BEFORE=$(grep -c '^\s*#' "$FILE")
[ "$COMMENTS_BEFORE" -eq 2 ] || fail "expected 2 comment lines in the copy, found $COMMENTS_BEFORE"
git -C "$REPO" init -q && git -C "$REPO" add -A &&
  git -C "$REPO" -c user.name=test -c user.email=test@example.com commit -q -m scenario ||
  { echo "FAIL: git setup"; exit 1; }
"$CLI" lint "$FILE" >/dev/null || fail "lint fails on the unedited copy"

start_editor() {  # start_editor LANG
  ELANG=$1
  LOG=$WORK/editor-$ELANG.log
  : >"$LOG"
  "$GAME" edit "$FILE" --lang "$ELANG" --windowed --screenshot-dir "$WORK/shots" >"$LOG" 2>&1 &
  GPID=$!
  wait_for "screen=editor" 1 30 || return 1
  wait_for "editor: ready" 1 30 || return 1
  # By class: xdotool's --name does not match the Korean title.
  WIN=$(xdotool search --sync --onlyvisible --classname 'counterplay' | head -n 1)
  xdotool mousemove --window "$WIN" 640 400
  xdotool windowfocus --sync "$WIN" || fail "could not focus the editor window"
  wait_for "editor: checks done" 1 30
  settle 0.8
}

wait_exit() {  # the editor closes itself (Esc with nothing unsaved)
  local i=0
  while kill -0 "$GPID" 2>/dev/null; do
    i=$((i + 1))
    [ $i -gt 100 ] && { fail "$ELANG: the editor did not close"; kill "$GPID"; break; }
    sleep 0.1
  done
  wait "$GPID" 2>/dev/null
  GPID=0
}

select_node() {  # select_node ID: click its box in the graph
  read -r NX NY <<<"$(where "node $1")"
  [ -n "${NX:-}" ] || { fail "$ELANG: no position logged for node $1"; return 1; }
  click "$NX" "$NY"
  wait_for "editor: selected $1" 1 10 || return 1
  settle 0.4
}

select_arrive() {  # the start is selected on opening: another node first, then the start
  select_node ignored || return 1
  read -r NX NY <<<"$(where "node arrive")"
  [ -n "${NX:-}" ] || { fail "$ELANG: no position logged for node arrive"; return 1; }
  click "$NX" "$NY"
  wait_for "editor: selected arrive" 1 10 || return 1
  settle 0.4
}

# ---- English: edit, add a choice, undo, redo, save ----------------------------------------------
start_editor en || exit 1
shot open
select_arrive
wait_for "editor: field line1.en at" 1 10
read -r LX LY <<<"$(where "field line1.en")"
click "$LX" "$LY"
wait_for "editor: editing line1.en" 1 10
chord ctrl a
NEW_LINE="I bought this here on Monday. One wash and it fell apart. I want my money back."
xdotool type --delay 30 "$NEW_LINE"
settle 0.3
shot typing
key Return
wait_for "editor: edit line1.en" 1 10
settle 0.4
read -r AX AY <<<"$(where "field add-choice")"
click "$AX" "$AY"
wait_for "editor: edit add choice" 1 10
settle 0.5
shot added-choice
chord ctrl z
wait_for "editor: undo" 1 10
settle 0.4
chord ctrl y
wait_for "editor: redo" 1 10
settle 0.5
key Escape
wait_for "editor: asking before closing" 1 10
settle 0.5
shot close-prompt
key Escape
settle 0.5
chord ctrl s
wait_for "editor: saved" 1 10
settle 0.5
shot saved
read -r TX TY <<<"$(where "field tab-analysis")"
click "$TX" "$TY"
wait_for "editor: tab analysis" 1 10
settle 0.5
shot analysis
key Escape
wait_for "editor: closing" 1 10
wait_exit

# ---- The file: the diff is the line and the choice, comments intact ---------------------------
# The new choice's texts are left empty for the trainer to write: lint reports exactly those two.
LINT=$("$CLI" lint "$FILE" 2>&1) && fail "lint passes with the new choice's empty texts"
[ "$(grep -c ': error: .*the text is empty' <<<"$LINT")" -eq 2 ] &&
  [ "$(grep -c ': error: ' <<<"$LINT")" -eq 2 ] || fail "expected 2 empty-text errors: $LINT"
[ -e "$REPO/.washed-blouse.yaml.bak" ] || fail "no backup .washed-blouse.yaml.bak after the save"
NUMSTAT=$(git -C "$REPO" diff --numstat -- washed-blouse.yaml)
echo "numstat: $NUMSTAT"
read -r ADDED DELETED _ <<<"$NUMSTAT"
[ "${DELETED:-x}" = 1 ] || fail "expected exactly 1 deleted line (the changed line), got '${DELETED:-}'"
DIFF=$(git -C "$REPO" diff -U0 -- washed-blouse.yaml)
REMOVED=$(grep '^-[^-]' <<<"$DIFF")
ADDED_LINES=$(grep '^+[^+]' <<<"$DIFF")
grep -q "I bought this here two days ago" <<<"$REMOVED" || fail "the removed line is not the edited one: $REMOVED"
grep -qF "$NEW_LINE" <<<"$ADDED_LINES" || fail "the new English line is not in the file"
grep -q "id: arrive.choice-4" <<<"$ADDED_LINES" || fail "the inserted choice (id arrive.choice-4) is not in the file"
HUNKS=$(grep -c '^@@' <<<"$DIFF")
[ "$HUNKS" -eq 2 ] || fail "expected 2 hunks (the line, the choice), got $HUNKS"
# Every added line but the changed one belongs to the inserted choice: one insertion hunk.
INSERT_HUNK=$(grep '^@@' <<<"$DIFF" | sed -n 2p)
grep -q -- "-[0-9]*,0 " <<<"$INSERT_HUNK" || fail "the second hunk is not a pure insertion: $INSERT_HUNK"
[ "$ADDED" -ge 2 ] || fail "expected the changed line plus the choice lines, got $ADDED added"
COMMENTS_AFTER=$(grep -c '^\s*#' "$FILE")
[ "$COMMENTS_AFTER" -eq "$COMMENTS_BEFORE" ] || fail "comments: $COMMENTS_BEFORE before, $COMMENTS_AFTER after"
echo "$DIFF"

# ---- Korean: the same file opens, a node selected, screenshots -------------------------------
start_editor ko || exit 1
select_arrive
shot inspector
read -r TX TY <<<"$(where "field tab-analysis")"
click "$TX" "$TY"
wait_for "editor: tab analysis" 1 10
settle 0.5
shot analysis
key Escape
wait_for "editor: closing" 1 10
wait_exit

if [ "$FAILS" -gt 0 ]; then
  echo "$FAILS failure(s)"
  exit 1
fi
echo "editor test passed"
