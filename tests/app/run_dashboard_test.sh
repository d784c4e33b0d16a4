#!/usr/bin/env bash
# The manager dashboard under Xvfb, driven by real X input (xdotool clicks and keys), in English
# and in Korean, on a simulated team: open `counterplay dashboard --db`, sort the team table by a
# heading, open the heatmap, click a cell, open one of its attempts (the drill-down), and check
# the log for each step. Then an attempt is altered with sqlite3 and the dashboard must find it.
# Screenshots: <build>/screenshots/dash-<lang>-<step>.png (look at them).
#
# Usage: run_dashboard_test.sh GAME CLI SOURCE_DIR BINARY_DIR     (re-runs itself under xvfb-run)
set -uo pipefail

GAME=$1 CLI=$2 SRC=$3 BIN=$4
. "$(dirname "$0")/imgui_test_lib.sh"
shot() {  # shot NAME: F12, copied to dash-LANG-NAME.png
  SHOT_COUNT=$((SHOT_COUNT + 1))
  copy_shot "dash-$DLANG-$1.png"
}

# same_region A B X Y W H: the two screenshots (names under $SHOTS) have the same pixels in that
# rectangle, so what is there did not move when a message came.
same_region() {
  python3 - "$SHOTS/$1" "$SHOTS/$2" "$3" "$4" "$5" "$6" <<'PY'
import subprocess, sys
def crop(path, x, y, w, h):
    data = subprocess.run(["convert", path, "ppm:-"], capture_output=True, check=True).stdout
    magic, size, depth, pixels = data.split(b"\n", 3)
    width = int(size.split()[0])
    return b"".join(pixels[(row * width + x) * 3:(row * width + x + w) * 3] for row in range(y, y + h))
a, b = sys.argv[1], sys.argv[2]
x, y, w, h = map(int, sys.argv[3:7])
sys.exit(0 if crop(a, x, y, w, h) == crop(b, x, y, w, h) else 1)
PY
}

SHOT_COUNT=0
DB=$WORK/team.db
"$CLI" simulate --db "$DB" --trainees 50 --attempts 1500 --seed 7 >/dev/null ||
  { echo "FAIL: counterplay simulate failed"; exit 1; }
echo "simulated: $(sqlite3 "$DB" 'SELECT count(*) FROM attempts') attempts"

start_dashboard() {  # start_dashboard LANG
  DLANG=$1
  LOG=$WORK/dash-$DLANG.log
  : >"$LOG"
  "$GAME" dashboard --db "$DB" --lang "$DLANG" --windowed --screenshot-dir "$WORK/shots" >"$LOG" 2>&1 &
  GPID=$!
  wait_for "screen=dashboard" 1 30 || return 1
  WIN=$(xdotool search --sync --onlyvisible --name '^Counterplay$' | head -n 1)
  xdotool mousemove --window "$WIN" 640 400
  xdotool windowfocus --sync "$WIN" || fail "could not focus the dashboard window"
  settle 1.0
  unlock || return 1
  wait_for "dashboard: views for" 1 30 || return 1
  wait_for "dashboard: seals of" 1 60 || return 1
  settle 1.0
}

PASS1="counter-manager 7"
GATE=set
unlock() {  # the passphrase gate, by $GATE: set (first open), restart (a wait left pending), wrong
  case $GATE in
    set)
      # Setting it: a short one is refused for its length as soon as the first field is left
      # (Tab), never with "the two differ"; Enter with the second field empty asks for it
      # again; two that differ say so; then the right pair opens. The message line is reserved:
      # the title and the fields do not move when it fills.
      shot gate-set
      xdotool type --delay 60 "abc"; key Tab
      wait_for "dashboard: gate message dash.gate.short" 1 10 || return 1
      settle 0.3
      shot gate-short
      same_region "dash-$DLANG-gate-set.png" "dash-$DLANG-gate-short.png" $GATE_TOP_BOX ||
        fail "$DLANG: the gate moved when the 'too short' message came"
      xdotool type --delay 60 "abc"; key Return  # the same short pair: still its length
      wait_for "dashboard: gate message dash.gate.short" 1 10
      xdotool type --delay 60 "$PASS1"; key Return  # the second field still empty
      wait_for "dashboard: gate message dash.gate.confirm" 1 10 || return 1
      settle 0.3
      shot gate-confirm
      xdotool type --delay 60 "$PASS1 typo"; key Return
      wait_for "dashboard: gate message dash.gate.mismatch" 1 10 || return 1
      [ "$(count "gate message dash.gate.mismatch")" -eq 1 ] ||
        fail "$DLANG: 'the two differ' was shown before the second field was typed in"
      settle 0.3
      shot gate-mismatch
      xdotool type --delay 60 "$PASS1"; key Tab
      xdotool type --delay 60 "$PASS1"; key Return
      wait_for "dashboard: manager passphrase set" 1 10 || return 1
      ;;
    restart)
      # The wait left by earlier wrong tries is in manager.json: the countdown shows at once,
      # before any try, and the right passphrase entered during it is kept and checked at its end.
      wait_for "dashboard: gate opened, wait [1-9][0-9]* ms" 1 10 || return 1
      settle 0.3
      shot gate-restart
      xdotool type --delay 20 "$PASS1"; key Return
      wait_for "dashboard: passphrase try queued" 1 10 || return 1
      settle 0.3
      shot gate-queued
      wait_for "dashboard: queued passphrase try submitted" 1 15 || return 1
      wait_for "dashboard: unlocked" 1 10 || return 1
      [ "$(count "wrong passphrase")" -eq 0 ] || fail "$DLANG: a wrong try was counted after the restart"
      ;;
    wrong)
      # A wrong try, then at once the right one, typed during the 1 s wait: never dropped.
      xdotool type --delay 60 "not the passphrase"; key Return
      wait_for "dashboard: wrong passphrase (wait 1000 ms)" 1 10 || return 1
      settle 0.2
      shot gate-wrong
      xdotool type --delay 20 "$PASS1"; key Return
      wait_for "dashboard: unlocked" 1 10 || return 1
      [ "$(count "wrong passphrase")" -eq 1 ] || fail "$DLANG: the right passphrase typed during the wait was not taken"
      ;;
  esac
}

pending_wait() {  # pending_wait MS: leave a wait in manager.json, as wrong tries before a restart do
  local file=$XDG_DATA_HOME/counterplay/manager.json until
  until=$(($(date +%s%3N) + $1))
  sed -i -E "s/\"failures\": [0-9]+/\"failures\": 3/; s/\"lockedUntilMs\": [0-9]+/\"lockedUntilMs\": $until/" "$file"
  grep -q "\"lockedUntilMs\": $until" "$file" || fail "could not write the pending wait into $file"
}

stop_dashboard() {
  kill "$GPID" 2>/dev/null
  wait "$GPID" 2>/dev/null
  GPID=0
}

run_language() {  # run_language en|ko
  if [ "$1" = en ]; then
    HEAT_TAB_X=92 TRENDS_TAB_X=160 DEC_TAB_X=227 PRAC_TAB_X=315 COACH_TAB_X=432 ACT_TAB_X=561 NOTES_TAB_X=297
  else
    HEAT_TAB_X=75 TRENDS_TAB_X=139 DEC_TAB_X=197 PRAC_TAB_X=269 COACH_TAB_X=342 ACT_TAB_X=444 NOTES_TAB_X=267
  fi
  start_dashboard "$1" || { stop_dashboard; return 1; }
  shot team
  # Sort by the mean score heading (4th column), twice: ascending then descending.
  click "$SORT_X" "$SORT_Y"
  wait_for "dashboard: sort column 3 ascending" 1 10
  click "$SORT_X" "$SORT_Y"
  wait_for "dashboard: sort column 3 descending" 1 10
  wait_for "dashboard: views for" 3 10
  settle
  shot team-sorted
  # The heatmap: tab, then a cell of the first trainee row, then the first attempt listed.
  click "$HEAT_TAB_X" "$TAB_Y"
  wait_for "dashboard: tab heatmap" 1 10
  settle
  click "$CELL_X" "$CELL_Y"
  wait_for "dashboard: heatmap cell" 1 10
  settle
  shot heatmap-cell
  # Sort the trainees by the first principle's heading: lowest first, again for highest first
  # (the log gives the first and last figures shown); the team row stays on top.
  click "$CELL_X" "$HEAD_Y"
  wait_for "dashboard: heatmap sorted by [a-z.0-9-]* ascending" 1 10 && {
    read -r lo hi < <(grep "heatmap sorted by .* ascending" "$LOG" | tail -n 1 | sed -E 's/.*first ([0-9-]+) last ([0-9-]+)/\1 \2/')
    [ "$lo" != "-" ] && [ "$hi" != "-" ] && [ "$lo" -le "$hi" ] ||
      fail "$DLANG: heatmap sorted ascending but runs from $lo to $hi"
  }
  settle
  shot heatmap-sorted
  click "$CELL_X" "$HEAD_Y"
  wait_for "dashboard: heatmap sorted by [a-z.0-9-]* descending" 1 10 && {
    read -r hi lo < <(grep "heatmap sorted by .* descending" "$LOG" | tail -n 1 | sed -E 's/.*first ([0-9-]+) last ([0-9-]+)/\1 \2/')
    [ "$lo" != "-" ] && [ "$hi" != "-" ] && [ "$hi" -ge "$lo" ] ||
      fail "$DLANG: heatmap sorted descending but runs from $hi to $lo"
  }
  settle
  shot heatmap-sorted-desc
  click "$ATTEMPT_X" "$ATTEMPT_Y"
  wait_for "dashboard: attempt [0-9]* opened" 1 10
  settle
  shot attempt
  # A coaching note pinned to the second decision of that attempt.
  click "$NOTES_TAB_X" "$NOTES_TAB_Y"
  settle 0.4
  click "$PIN_X" "$PIN_Y"; settle 0.3
  shot pin-list  # the open list stays inside the drill-down, long choices cut with "…"
  click "$PIN_X" "$PIN_ITEM2_Y"; settle 0.3
  click "$NOTE_X" "$NOTE_Y"
  xdotool type --delay "$NOTE_DELAY" "$NOTE_TEXT"
  click "$SAVE_X" "$SAVE_Y"
  wait_for "dashboard: note added to attempt [0-9]* decision 2" 1 10  # numbered from 1, as on screen
  settle
  shot attempt-note
  click 195 "$NOTES_TAB_Y"  # the transcript: the note under decision 2's feedback, wrapped
  settle 0.4
  shot attempt-transcript-note
  ATTEMPT_ID=$(grep -o "note added to attempt [0-9]*" "$LOG" | tail -n 1 | awk '{print $5}')
  got=$(sqlite3 "$DB" "SELECT decision_index || '|' || text FROM coaching_notes WHERE attempt_id = $ATTEMPT_ID ORDER BY id DESC LIMIT 1")
  [ "$got" = "1|$NOTE_TEXT" ] || fail "$DLANG: the note in the database is '$got', expected '1|$NOTE_TEXT'"
  key Escape
  settle 0.3
  for tab in trends decisions practise coaching actions; do
    case $tab in
      trends) x=$TRENDS_TAB_X ;; decisions) x=$DEC_TAB_X ;; practise) x=$PRAC_TAB_X ;;
      coaching) x=$COACH_TAB_X ;; actions) x=$ACT_TAB_X ;;
    esac
    click "$x" "$TAB_Y"
    wait_for "dashboard: tab $tab" 1 10
    settle
    shot "$tab"
  done
  # Reversed dates, then a date that cannot be read: a red line, and the dates are not applied.
  n=$(count "dashboard: views for")
  click "$SINCE_X" "$FILTER_Y"; xdotool type --delay 40 "2026-03-10"
  click "$UNTIL_X" "$FILTER_Y"; xdotool type --delay 40 "2026-03-01"
  wait_for "dashboard: dates not applied: .*2026-03-10.*2026-03-01" 1 10
  settle
  shot filter-reversed
  key BackSpace BackSpace BackSpace BackSpace
  wait_for "dashboard: dates not applied: .*'2026-0'" 1 10
  settle
  shot filter-bad-date
  click "$CLEAR_X" "$FILTER_Y"
  wait_for "dashboard: views for" $((n + 1)) 10
  settle
  shot filter-cleared
  # The line under the filters is reserved: the tab row did not move for the red message.
  same_region "dash-$DLANG-filter-reversed.png" "dash-$DLANG-filter-cleared.png" 0 $((TAB_Y - 10)) 600 20 ||
    fail "$DLANG: the tab row moved when the filter message came"
  # A name search that matches nobody: the team tab says so, with "did you mean" for the nearest
  # trainee; its button puts that name in the search, and the trainee is back.
  click "$TEAM_TAB_X" "$TAB_Y"
  wait_for "dashboard: tab team" 1 10
  near=$(sqlite3 "$DB" "SELECT name FROM trainees ORDER BY name LIMIT 1")
  click "$SEARCH_X" "$FILTER_Y"; xdotool type --delay 40 "${near}q"
  wait_for "dashboard: no trainee matches the filters, did you mean '$near'" 1 10
  settle
  shot no-match
  n=$(count "dashboard: views for [1-9][0-9]* attempts")
  click "$SUGGEST_X" "$SUGGEST_Y"
  wait_for "dashboard: search set to the suggestion '$near'" 1 10
  wait_for "dashboard: views for [1-9][0-9]* attempts" $((n + 1)) 10
  settle
  shot no-match-suggested
  click "$CLEAR_X" "$FILTER_Y"
  settle
  # Heatmap columns follow the principle catalogue (principles.yaml order), not the ids.
  cols=$(grep -o "dashboard: heatmap columns .*" "$LOG" | tail -n 1 | awk '{print $4}')
  expected=$(for id in $(grep -E '^  - id: [a-z]+[.]' "$SRC/scenarios/principles.yaml" | awk '{print $3}'); do
    case ",$cols," in *",$id,"*) printf '%s,' "$id" ;; esac; done | sed 's/,$//')
  [ -n "$cols" ] && [ "$cols" = "$expected" ] ||
    fail "$DLANG: heatmap columns '$cols' are not in catalogue order '$expected'"
  grep "imgui frames" "$LOG" | tail -n 2
  stop_dashboard
}

# Layout (1280x720 window, ImGui font 17 px), measured from the screenshots: the tab row, the
# team table's "mean score" heading, the first trainee's first heatmap cell, the first attempt
# listed under the heatmap, and in the drill-down the notes tab, the pin list (its third entry
# is decision 2), the note text and the save button; the filter row (from, to, search, clear)
# and the altered mark of the trainee found by searching for the edited attempt's key.
# The line under the filters is always reserved, so the tab row is one line lower than the filters
# alone would put it. The "did you mean" button is the first thing in the tab body.
TAB_Y=92 TEAM_TAB_X=20
SORT_X=680 SORT_Y=139
CELL_X=290 CELL_Y=223 HEAD_Y=160
ATTEMPT_X=300 ATTEMPT_Y=568
MARK_X=260 MARK_Y=160
SUGGEST_X=80 SUGGEST_Y=138
GATE_TOP_BOX="360 262 560 50"
FILTER_Y=40 SINCE_X=80 UNTIL_X=240 SEARCH_X=1000 CLEAR_X=1136

NOTES_TAB_Y=205
PIN_X=390 PIN_Y=253 PIN_ITEM2_Y=319
NOTE_X=640 NOTE_Y=310 SAVE_X=198 SAVE_Y=364

# Hangul is typed through a remapped keycode: slower, so a busy machine does not drop syllables.
NOTE_TEXT="Ask her what she needs before offering a refund." NOTE_DELAY=250
GATE=set
run_language en
NOTE_TEXT="환불 전에 먼저 손님이 원하는 것을 물어보세요." NOTE_DELAY=450
pending_wait 9000  # the game takes 2-3 s to open under load: several seconds still to run
GATE=restart
run_language ko

# An attempt edited with sqlite3 must show as altered, and its trainee marked in the team table.
sqlite3 "$DB" "UPDATE attempts SET percent = 99 WHERE id = 5" || fail "sqlite3 update failed"
GATE=wrong
start_dashboard en && {
  grep -q "dashboard: seals of [0-9]* attempts checked in [0-9]* ms, 1 altered" "$LOG" ||
    fail "the edited attempt was not found altered: $(grep 'seals of' "$LOG")"
  wait_for "dashboard: trainees marked altered 1, attempts 1" 1 10
  # Search for that trainee so the row with the mark is on screen.
  who=$(sqlite3 "$DB" "SELECT t.key FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE a.id = 5")
  click "$SEARCH_X" "$FILTER_Y"; xdotool type --delay 40 "$who"
  settle 1.0
  xdotool mousemove --window "$WIN" "$MARK_X" "$MARK_Y"  # hover the red mark for its tooltip
  settle 0.8
  shot team-altered
  click 315 "$TAB_Y"  # Practise next (en): the same mark by the name
  wait_for "dashboard: tab practise" 1 10
  xdotool mousemove --window "$WIN" 60 181  # its mark is under the name there
  settle 0.8
  shot practise-altered
  stop_dashboard
}

# F12 never overwrites: one file per screenshot logged, named date-time-counter-lang-screen.
files=$(ls "$WORK/shots" | wc -l)
[ "$SHOT_COUNT" -gt 0 ] && [ "$files" -eq "$SHOT_COUNT" ] || fail "$SHOT_COUNT screenshots taken but $files files kept"
bad=$(ls "$WORK/shots" | grep -Ev '^[0-9]{8}-[0-9]{6}-[0-9]{3}-(en|ko)-[a-z-]+[.]png$')
[ -z "$bad" ] || fail "screenshot names not date-time-counter-lang-screen: $bad"

# Counts in the dashboard's English strings use plural forms, never "(s)" or a fixed plural.
fixed=$(grep -E '^dash[.]' "$SRC/assets/strings/ui.yaml" | grep -o 'en: ".*"' |
  grep -E '[(]s[)]|[{][a-z]+[}] ([a-zA-Z]+ )?(attempts|trainees|decisions|points|files|pages|statements|turns)\b')
[ -z "$fixed" ] || fail "dashboard strings without plural forms: $fixed"

# The CLI-only build says the dashboard needs the game.
out=$("$CLI" dashboard --db "$DB" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "counterplay-cli dashboard exited $rc, expected 1"
grep -q "game build" <<<"$out" || fail "counterplay-cli dashboard does not say it needs the game build: $out"

if [ $FAILS -gt 0 ]; then echo "$FAILS failure(s)"; exit 1; fi
echo "PASS: dashboard opened, sorted, heatmap cell and attempt opened (en, ko); gate countdown on open and tries kept during the wait; heatmap in catalogue order; bad filter dates refused; altered attempt found and its trainee marked; every screenshot kept"
