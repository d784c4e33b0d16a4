#!/usr/bin/env bash
# Benchmark: the LRS pull (`sync --pull`) against a bare paging loop over GET /statements on the
# same LRS (Learning Locker's statements service, in memory, on 127.0.0.1), after MACHINES stores
# (default 5) pushed ATTEMPTS attempts each (default 20000) at the same time; then an incremental
# pull after NEW (default 100) attempts. See tests/lrs/bench-pull.js; figures in docs/benchmarks.md.
#   scripts/bench_pull.sh [BUILD_DIR]      (MACHINES=5 ATTEMPTS=20000 PAGE=200 NEW=100)
set -euo pipefail
build=${1:-build}
bin="$build/counterplay-cli"
[ -x "$bin" ] || bin="$build/counterplay"
[ -x "$bin" ] || { echo "no counterplay binary in $build (build first)" >&2; exit 2; }
command -v node >/dev/null || { echo "needs node and npm (the LRS is a node service)" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tests/lrs/setup.sh" >/dev/null
COUNTERPLAY_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" NODE_OPTIONS=--no-deprecation \
  exec node "$here/tests/lrs/bench-pull.js"
