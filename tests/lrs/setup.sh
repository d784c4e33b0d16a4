#!/usr/bin/env bash
# Installs the LRS test dependencies (tests/lrs/package-lock.json, pinned) with `npm ci`, once:
# a stamp holding the lock file's hash skips the install while the lock file is unchanged.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.counterplay-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "tests/lrs: node_modules is up to date"
  exit 0
fi
# Two builds (main and sanitizer) may run this at once: one installs, the other waits.
exec 9>".npm-ci.lock"
flock 9
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
