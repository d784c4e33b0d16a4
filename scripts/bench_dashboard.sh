#!/usr/bin/env bash
# Benchmark: the manager dashboard window over N simulated attempts by 500 trainees (default
# 100,000), under Xvfb. Opens `counterplay dashboard --db`, waits for the first views, types a
# name search and picks "failed only" (filter changes), switches to the heatmap, and prints what
# the game logged: cohort load, first views on screen after opening, each view recomputation,
# the seal check, and frame CPU times (mean, p95, worst per 240 frames). Goals (issue 11):
# open < 1 s, filter change < 200 ms, frames < 16 ms. Figures: docs/benchmarks.md.
#   scripts/bench_dashboard.sh [BUILD_DIR] [N]        (BENCH_DB=FILE reuses a database)
set -euo pipefail
build=${1:-build}
n=${2:-100000}
game="$build/counterplay"
cli="$build/counterplay-cli"
[ -x "$game" ] && [ -x "$cli" ] || { echo "needs $game and $cli (build with the app)" >&2; exit 2; }
if [ -z "${COUNTERPLAY_IN_XVFB:-}" ]; then
  export COUNTERPLAY_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x720x24" "$0" "$@"
fi
work=$(mktemp -d)
trap '[ "${gpid:-0}" -gt 0 ] && kill "$gpid" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
db=${BENCH_DB:-$work/bench.db}
if [ ! -s "$db" ]; then
  echo "simulating $n attempts into $db ..."
  "$cli" simulate --db "$db" --trainees 500 --attempts "$n" --seed 42 >/dev/null
fi
echo "database: $db ($(sqlite3 "$db" 'SELECT count(*) FROM attempts') attempts, $(du -h "$db" | cut -f1))"
log=$work/game.log
"$game" dashboard --db "$db" --lang en --windowed >"$log" 2>&1 &
gpid=$!
win=$(xdotool search --sync --onlyvisible --name '^Counterplay$' | head -n 1)
xdotool windowfocus --sync "$win"
sleep 1
# The passphrase gate (a fresh data folder: set it); the cohort loads behind it.
xdotool type --delay 30 "bench-manager"; xdotool key Tab; xdotool type --delay 30 "bench-manager"; xdotool key Return
for _ in $(seq 300); do grep -q "dashboard: first views" "$log" && break; sleep 0.1; done
sleep 3
# A name search (three filter changes as it is typed), then "failed" in the outcome list.
xdotool mousemove --window "$win" "${SEARCH_X:-1000}" "${SEARCH_Y:-45}" click 1
sleep 0.3
xdotool type --delay 300 "kim"
sleep 2
xdotool key --delay 100 ctrl+a BackSpace
sleep 2
# The heatmap tab, and some scrolling over it.
xdotool mousemove --window "$win" "${HEAT_TAB_X:-90}" "${TAB_Y:-78}" click 1
sleep 1
xdotool mousemove --window "$win" 600 400
for _ in $(seq 10); do xdotool click 5; sleep 0.1; done
sleep 4
kill "$gpid"; wait "$gpid" 2>/dev/null || true; gpid=0
grep -E "dashboard: (cohort|first views|views for|seals of)|imgui frames|ImGui font" "$log" | sed 's/^[^ ]* //'
