#!/usr/bin/env bash
# Benchmark: `counterplay report --html --csv` (the team report) over N simulated attempts by 500
# trainees (default 100,000) against the sqlite3 shell reading the same rows (every trainee, every
# attempt's summary columns, every principle score and every decision's node, option and time).
# Prints the best of R runs (default 3) and the ratio (goal: report <= 2x the SQL), then runs
# dashboard_bench (filter changes, goal < 200 ms) when it is built. Figures: docs/benchmarks.md.
#   scripts/bench_report.sh [BUILD_DIR] [N] [R]      (BENCH_DB=FILE reuses a database; give
#   BENCH_DATA_HOME=DIR, the XDG_DATA_HOME it was made with, or its seal memos do not match
#   this run's key and every attempt gets the full seal check)
set -euo pipefail
build=${1:-build}
n=${2:-100000}
runs=${3:-3}
bin="$build/counterplay-cli"
[ -x "$bin" ] || bin="$build/counterplay"
[ -x "$bin" ] || { echo "no counterplay binary in $build (build first)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=${BENCH_DB:-$work/bench.db}
export XDG_DATA_HOME="${BENCH_DATA_HOME:-$work/data}"
if [ ! -s "$db" ]; then
  echo "simulating $n attempts into $db ..."
  "$bin" simulate --db "$db" --trainees 500 --attempts "$n" --seed 42 >/dev/null
fi
have=$(sqlite3 "$db" "SELECT count(*) FROM attempts")
echo "database: $db ($have attempts, $(du -h "$db" | cut -f1))"

same_rows="SELECT id, key, name FROM trainees ORDER BY id;
  SELECT id, trainee_id, scenario_id, scenario_title_ko, scenario_title_en, ended_at, percent,
    passed, finished FROM attempts ORDER BY id;
  SELECT attempt_id, principle_id, earned, achievable FROM principle_scores
    ORDER BY attempt_id, principle_id;
  SELECT attempt_id, node_id, choice_index, elapsed_ms FROM decisions ORDER BY attempt_id, seq;"

best() {  # best wall time of $runs runs of the command, in seconds
  local b="" t s
  for _ in $(seq "$runs"); do
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    t=$(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN{printf "%.3f", b-a}')
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN{exit !(t < b)}'; then b=$t; fi
  done
  printf '%.3f' "$b"
}

sqlite3 "$db" "$same_rows" >/dev/null  # warm the page cache
sql=$(best sh -c "sqlite3 -csv '$db' \"$same_rows\" > '$work/sql.csv'")
rep=$(best "$bin" report --db "$db" --html "$work/team.html" --csv "$work/team.csv")
sum=$(best "$bin" report --db "$db" --html "$work/summary.html" --summary)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo
printf '%-58s %9s %8s\n' "task ($have attempts, best of $runs)" "seconds" "ratio"
printf '%-58s %9s %8s\n' "sqlite3 -csv, the same rows" "$sql" "1.00"
printf '%-58s %9s %8s\n' "counterplay report --html --csv" "$rep" "$(ratio "$rep" "$sql")"
printf '%-58s %9s %8s\n' "counterplay report --html --summary" "$sum" "$(ratio "$sum" "$sql")"
echo "sizes: team.html $(du -h "$work/team.html" | cut -f1), team.csv $(du -h "$work/team.csv" | cut -f1)"
if [ -x "$build/dashboard_bench" ]; then
  echo
  echo "== dashboard filter changes =="
  BENCH_DB="$db" "$build/dashboard_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
fi
