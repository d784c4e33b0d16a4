#!/usr/bin/env bash
# The dashboard's Decisions graph and its Actions tab under Xvfb, driven by real X input (xdotool
# moves, clicks and keys) on a simulated team:
#   1. unlock with the passphrase, open Decisions, pick washed-blouse from the scenario list,
#      click a decision point on the graph and check the log gives that point's figures; switch
#      to the list view and back;
#   2. Actions: "Import" a JSON export made by `counterplay-cli export` on a second installation
#      (another data dir, so another signing key) whose public key this one trusts, and check
#      with sqlite3 that its attempts are in the database;
#   3. "Export" the selection as CSV and check the file exists and `counterplay-cli verify`
#      accepts it;
#   4. open the dashboard again with a scenario folder lacking washed-blouse: its decisions
#      must fall back to the list, with a note.
# Screenshots: <build>/screenshots/dash-actions-<step>.png (look at them).
#
# Usage: run_dashboard_actions_test.sh GAME CLI SOURCE_DIR BINARY_DIR  (re-runs itself under xvfb-run)
set -uo pipefail

GAME=$1 CLI=$2 SRC=$3 BIN=$4
. "$(dirname "$0")/imgui_test_lib.sh"
# This installation (the manager's), and HOME: the dashboard's import folder and export file
# start there.
export HOME=$WORK/home
mkdir -p "$HOME"
LOG=$WORK/dash.log
snap() { copy_shot "dash-actions-$1.png"; }  # snap NAME: F12, copied to dash-actions-NAME.png
count_attempts() { sqlite3 "$1" 'SELECT count(*) FROM attempts'; }

# --- Data -------------------------------------------------------------------------------------
DB=$WORK/team.db
"$CLI" simulate --db "$DB" --trainees 30 --attempts 600 --seed 7 >/dev/null ||
  { echo "FAIL: counterplay simulate failed"; exit 1; }
# A second installation (its own data dir, so its own key) names its store, simulates a few
# attempts and exports them as JSON into the manager's home folder; the manager trusts its key.
OTHER=$WORK/other
mkdir -p "$OTHER/data" "$OTHER/config"
other() { XDG_DATA_HOME=$OTHER/data XDG_CONFIG_HOME=$OTHER/config "$CLI" "$@"; }
other key name Busan >/dev/null || fail "key name on the second installation failed"
other simulate --db "$OTHER/branch.db" --trainees 5 --attempts 24 --seed 31 >/dev/null ||
  fail "simulate on the second installation failed"
other export --db "$OTHER/branch.db" --format json --out "$HOME/busan.json" >/dev/null ||
  fail "export on the second installation failed"
other key export-public --out "$WORK/busan.pub" >/dev/null || fail "key export-public failed"
"$CLI" key trust "$WORK/busan.pub" >/dev/null || fail "key trust failed"
BEFORE=$(count_attempts "$DB")
BRANCH=$(count_attempts "$OTHER/branch.db")
echo "simulated: $BEFORE attempts here, $BRANCH in the second store's export"

# --- The dashboard ----------------------------------------------------------------------------
start_dashboard() {  # start_dashboard [GAME OPTIONS...]: a fresh log, the window focused
  : >"$LOG"
  "$GAME" dashboard --db "$DB" --lang en --windowed --screenshot-dir "$WORK/shots" "$@" >"$LOG" 2>&1 &
  GPID=$!
  wait_for "screen=dashboard" 1 30 || return 1
  WIN=$(xdotool search --sync --onlyvisible --name '^Counterplay$' | head -n 1)
  xdotool mousemove --window "$WIN" 640 400
  xdotool windowfocus --sync "$WIN" || fail "could not focus the dashboard window"
  sleep 1
}
stop_dashboard() {
  kill "$GPID" 2>/dev/null
  wait "$GPID" 2>/dev/null
  GPID=0
}
start_dashboard || exit 1
# The passphrase gate (first open: set it, twice).
PASS="counter-manager 7"
xdotool type --delay 60 "$PASS"; key Tab
xdotool type --delay 60 "$PASS"; key Return
wait_for "dashboard: manager passphrase set" 1 10 || exit 1
wait_for "dashboard: views for" 1 30 || exit 1
wait_for "dashboard: seals of" 1 60
sleep 1

# Layout (1280x720 window, ImGui font 17 px), measured from the screenshots: the tab row; in
# Decisions the scenario list, its first entry and washed-blouse's (the cohort's scenario order),
# the Graph and List buttons, and the start node "arrive" (the graph opens at the top); in Actions
# the Import and Export buttons (the import folder and the export file are in $HOME). The line
# under the filters is always reserved (for a filter's message), so all of it is one line lower.
TAB_Y=92 DEC_TAB_X=227 ACT_TAB_X=561
COMBO_X=240 COMBO_Y=118 FIRST_ITEM_Y=147 BLOUSE_Y=210
GRAPH_X=450 LIST_X=525 VIEW_Y=119
NODE_X=440 NODE_Y=220 NODE_ID=washed-blouse/arrive
IMPORT_X=1106 IMPORT_Y=161
EXPORT_X=1106 EXPORT_Y=341

# 1. Decisions: pick another scenario, then washed-blouse; click a decision point.
click "$DEC_TAB_X" "$TAB_Y"
wait_for "dashboard: tab decisions" 1 10
sleep 0.6
click "$COMBO_X" "$COMBO_Y"; sleep 0.4
snap scenario-list
click "$COMBO_X" "$FIRST_ITEM_Y"
wait_for "dashboard: decisions of " 1 10
click "$COMBO_X" "$COMBO_Y"; sleep 0.4
click "$COMBO_X" "$BLOUSE_Y"
wait_for "dashboard: decisions of washed-blouse" 1 10
wait_for "dashboard: decisions graph of washed-blouse: [0-9]* nodes" 1 20
sleep 0.8
snap graph
click "$NODE_X" "$NODE_Y"
if wait_for "dashboard: decision point $NODE_ID selected: [0-9]* decisions, median" 1 10; then
  picked=$(grep "dashboard: decision point $NODE_ID selected" "$LOG" | tail -n 1)
  echo "$picked"
  # Every attempt of the scenario decides at its start node once.
  blouse=$(sqlite3 "$DB" "SELECT count(*) FROM attempts WHERE scenario_id = 'washed-blouse'")
  grep -q "selected: $blouse decisions" <<<"$picked" ||
    fail "the start node's detail does not give $blouse decisions (the scenario's attempts)"
  grep -q "best greet-thank" <<<"$picked" || fail "the start node's best option is not greet-thank"
fi
sleep 0.6
snap node
click "$LIST_X" "$VIEW_Y"
wait_for "dashboard: decisions list view" 1 10
sleep 0.6
snap list
click "$GRAPH_X" "$VIEW_Y"
wait_for "dashboard: decisions graph view" 1 10

# 2. Actions: import the second store's export from the home folder.
click "$ACT_TAB_X" "$TAB_Y"
wait_for "dashboard: tab actions" 1 10
sleep 0.6
snap actions
VIEWS=$(count "dashboard: views for")
click "$IMPORT_X" "$IMPORT_Y"
wait_for "dashboard import: busan.json: imported $BRANCH attempt" 1 30
wait_for "dashboard: views for" $((VIEWS + 1)) 30  # the cohort reloaded
sleep 0.6
snap imported
AFTER=$(count_attempts "$DB")
[ "$AFTER" -eq $((BEFORE + BRANCH)) ] ||
  fail "the database has $AFTER attempts after the import, expected $BEFORE + $BRANCH"
from_busan=$(sqlite3 "$DB" "SELECT count(*) FROM attempts WHERE origin_store = 'Busan'")
echo "after the import: $AFTER attempts, $from_busan from store Busan"
[ "$from_busan" = "$BRANCH" ] || fail "$from_busan attempts from store Busan, expected $BRANCH"

# 3. Export the selection (every attempt: no filter) as CSV and verify it.
wait_for "dashboard: seals of" 2 60  # the reload checks the seals again
click "$EXPORT_X" "$EXPORT_Y"
CSV=$HOME/counterplay-export.csv
wait_for "dashboard export: Wrote $AFTER attempts to $CSV" 1 30
sleep 0.6
snap exported
[ -s "$CSV" ] || fail "$CSV was not written"
out=$("$CLI" verify "$CSV" 2>&1); rc=$?
echo "verify: $out"
[ $rc -eq 0 ] || fail "counterplay-cli verify $CSV exited $rc"

stop_dashboard

# 4. Without washed-blouse's file in the scenario folder, its decisions are a list, with a note.
mkdir -p "$WORK/scenarios"
cp "$SRC"/scenarios/*.yaml "$WORK/scenarios/"
rm "$WORK/scenarios/washed-blouse.yaml"
start_dashboard --scenarios "$WORK/scenarios" || exit 1
xdotool type --delay 60 "$PASS"; key Return
wait_for "dashboard: unlocked" 1 10 || exit 1
wait_for "dashboard: views for" 1 30
sleep 1
click "$DEC_TAB_X" "$TAB_Y"
wait_for "dashboard: tab decisions" 1 10
sleep 0.6
click "$COMBO_X" "$COMBO_Y"; sleep 0.4
click "$COMBO_X" "$BLOUSE_Y"
wait_for "dashboard: decisions of washed-blouse as a list: its file is not in the library" 1 10
sleep 0.6
snap no-file
stop_dashboard

if [ $FAILS -gt 0 ]; then echo "$FAILS failure(s)"; exit 1; fi
echo "PASS: decision point detail on the graph, import of a trusted store's export, export verified, list without the file"
