#!/usr/bin/env bash
# Fuzzing the scenario/catalogue loader (see docs/fuzzing.md).
#   scripts/fuzz.sh run BUILD SECONDS   fuzz for SECONDS; new corpus entries are merged into
#                                       tests/fuzz/corpus, crash files land in tests/fuzz/crashes
#   scripts/fuzz.sh replay BUILD        run every corpus and crash file once; non-zero on a crash
# BUILD is a build tree configured with -DCOUNTERPLAY_FUZZ=ON and clang (make fuzz does this).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/fuzz.sh run BUILD SECONDS | scripts/fuzz.sh replay BUILD" >&2; exit 2; }
[ $# -ge 2 ] || usage
mode=$1
build=$2
bin="$build/fuzz_loader"
corpus=tests/fuzz/corpus
crashes=tests/fuzz/crashes
dict=tests/fuzz/yaml.dict
[ -x "$bin" ] || { echo "fuzz.sh: $bin is not built (make fuzz builds it)" >&2; exit 2; }

# Leaks are real bugs in a loader that runs for hours in the app; timeouts catch hangs.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
flags=(-timeout=10 -rss_limit_mb=2048)

case "$mode" in
  run)
    [ $# -ge 3 ] || usage
    seconds=$3
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/new" "$crashes"
    status=0
    # New inputs go to $work/new (first directory); the saved corpus is read-only input.
    # Small inputs (FUZZ_MAX_LEN, default 4 KiB) keep the rate up; the seeds are whole scenarios.
    "$bin" "${flags[@]}" -max_len="${FUZZ_MAX_LEN:-4096}" -dict="$dict" \
      -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$crashes/" "$work/new" "$corpus" || status=$?
    # Keep only the new inputs that add coverage.
    before=$(find "$corpus" -type f | wc -l)
    "$bin" "${flags[@]}" -merge=1 "$corpus" "$work/new" >/dev/null 2>&1 || true
    after=$(find "$corpus" -type f | wc -l)
    echo "fuzz.sh: corpus $before -> $after files; crash files in $crashes: " \
         "$(find "$crashes" -type f ! -name 'README*' | wc -l)"
    exit $status
    ;;
  replay)
    mapfile -d '' files < <(find "$corpus" "$crashes" -type f ! -name 'README*' -print0 | sort -z)
    [ ${#files[@]} -gt 0 ] || { echo "fuzz.sh: nothing to replay" >&2; exit 1; }
    failed=0
    # libFuzzer runs each file given on the command line once; batches keep the argv short.
    for ((i = 0; i < ${#files[@]}; i += 200)); do
      if ! "$bin" "${flags[@]}" "${files[@]:i:200}" >"$build/fuzz-replay.log" 2>&1; then
        failed=1
        tail -n 40 "$build/fuzz-replay.log" >&2
      fi
    done
    if [ $failed -ne 0 ]; then echo "fuzz.sh: replay FAILED" >&2; exit 1; fi
    echo "fuzz.sh: replayed ${#files[@]} files, no crash"
    ;;
  *) usage ;;
esac
