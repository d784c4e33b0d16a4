#!/usr/bin/env bash
# Runs every benchmark (`make bench`): scenario load vs bare yaml-cpp parse, graph analysis, the
# game frame under Xvfb, and the cohort export over 100,000 attempts. Figures: docs/benchmarks.md.
#   scripts/bench.sh [BUILD_DIR]        (BENCH_EXPORT_N=20000 for a quicker export run)
set -euo pipefail
build=${1:-build}
echo "== scenario load (5,000 nodes) vs YAML::Load =="
"$build/load_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
echo "== graph analysis (5,000 nodes) =="
"$build/analysis_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
if [ -x "$build/counterplay" ] && command -v xvfb-run >/dev/null; then
  echo "== game frame under Xvfb =="
  tmp=$(mktemp -d)
  XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp" \
    xvfb-run -a -s "-screen 0 1280x720x24" "$build/counterplay" --bench-frames 600
  rm -rf "$tmp"
fi
echo "== graph layout (200 and 1,000 nodes) =="
"$build/graphlayout_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
if [ -x "$build/counterplay-graph-preview" ] && command -v xvfb-run >/dev/null; then
  echo "== graph canvas frames under Xvfb =="
  for scene in scenarios/washed-blouse.yaml "--generate 200" "--generate 1000"; do
    # shellcheck disable=SC2086
    xvfb-run -a -s "-screen 0 1280x800x24" "$build/counterplay-graph-preview" $scene --best --bench-frames 300
  done
fi
echo "== cohort export vs sqlite3 shell =="
scripts/bench_export.sh "$build" "${BENCH_EXPORT_N:-100000}" 3
