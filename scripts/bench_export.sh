#!/usr/bin/env bash
# Benchmark: a cohort export (CSV and HTML) over N stored attempts (default 100,000) against the
# bare SQL that reads the same rows with the sqlite3 shell. Prints the best of R runs (default 3)
# and the ratios (goal: export <= 2x the SQL). Figures go to docs/benchmarks.md.
#   scripts/bench_export.sh [BUILD_DIR] [N] [R]
# BENCH_DB=FILE reuses (or keeps) the simulated database; simulating 100,000 attempts takes a
# couple of minutes and about 1.4 GB of disk.
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
export COUNTERPLAY_KEY_FILE="$work/site.key"
export XDG_DATA_HOME="$work/data"

if [ ! -s "$db" ]; then
  echo "simulating $n attempts into $db ..."
  start=$(date +%s.%N)
  "$bin" simulate --db "$db" --trainees 300 --attempts "$n" --seed 42 >/dev/null
  echo "  simulate: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
fi
have=$(sqlite3 "$db" "SELECT count(*) FROM attempts")
echo "database: $db ($have attempts, $(du -h "$db" | cut -f1))"

cols="a.id, a.uuid, t.key, t.name, t.email, a.scenario_id, a.scenario_title_en, a.content_hash,
  a.started_at, a.ended_at, a.duration_ms, a.finished, a.passed, a.percent, a.earned_total,
  a.best_total, a.worst_total, a.pass_threshold, a.critical_missed, a.ending_id, a.ending_kind,
  a.final_mood, a.final_trust, a.recommend, a.nps_class, a.lang, a.decision_count"
# The rows the export reads: every attempt with its trainee, and every principle score, in order.
same_rows="SELECT $cols FROM attempts a JOIN trainees t ON t.id = a.trainee_id ORDER BY a.id;
  SELECT attempt_id, principle_id, earned, achievable FROM principle_scores
  ORDER BY attempt_id, principle_id;"
# The naive single query (one output row per attempt and principle).
joined="SELECT $cols, ps.principle_id, ps.earned, ps.achievable FROM attempts a
  JOIN trainees t ON t.id = a.trainee_id LEFT JOIN principle_scores ps ON ps.attempt_id = a.id
  ORDER BY a.id, ps.principle_id;"

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

# Warm the page cache once so every contender reads from memory.
sqlite3 "$db" "$same_rows" >/dev/null
sql_csv=$(best sh -c "sqlite3 -csv '$db' \"$same_rows\" > '$work/sql.csv'")
sql_html=$(best sh -c "sqlite3 -html '$db' \"$same_rows\" > '$work/sql.html'")
sql_join=$(best sh -c "sqlite3 -csv '$db' \"$joined\" > '$work/join.csv'")
exp_csv=$(best "$bin" export --db "$db" --format csv --out "$work/export.csv")
exp_html=$(best "$bin" export --db "$db" --format html --out "$work/export.html")
"$bin" verify "$work/export.csv" "$work/export.html" >/dev/null

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo
printf '%-58s %9s %8s\n' "task ($have attempts, best of $runs)" "seconds" "ratio"
printf '%-58s %9s %8s\n' "sqlite3 -csv, the same rows (attempts; principle scores)" "$sql_csv" "1.00"
printf '%-58s %9s %8s\n' "sqlite3 -html, the same rows" "$sql_html" "-"
printf '%-58s %9s %8s\n' "sqlite3 -csv, one joined query (row per principle)" "$sql_join" "-"
printf '%-58s %9s %8s\n' "counterplay export --format csv (signed, atomic, fsync)" "$exp_csv" "$(ratio "$exp_csv" "$sql_csv")"
printf '%-58s %9s %8s\n' "counterplay export --format html (cohort report, signed)" "$exp_html" "$(ratio "$exp_html" "$sql_html")"
echo
echo "sizes: export.csv $(du -h "$work/export.csv" | cut -f1), export.html $(du -h "$work/export.html" | cut -f1)"
