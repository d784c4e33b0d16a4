#!/usr/bin/env bash
# Checks the Debian packages Counterplay needs. As root it installs what is missing; otherwise it
# prints the exact apt-get command and fails. Usage: scripts/deps.sh [build|test|play]
set -euo pipefail
what=${1:-build}
pkgs=(build-essential cmake pkg-config libyaml-cpp-dev libsqlite3-dev sqlite3 libssl-dev
      nlohmann-json3-dev libcli11-dev libcurl4-openssl-dev libsfml-dev libimgui-dev libstb-dev fonts-nanum
      libgtest-dev libgmock-dev libbenchmark-dev)
case "$what" in
  test) pkgs+=(xvfb xdotool x11-utils clang-14 libclang-rt-14-dev graphviz nodejs npm chromium poppler-utils) ;;
  play) pkgs+=(graphviz) ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  # nodejs/npm may come from elsewhere on a developer machine: accept a working command.
  if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
  if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Missing Debian packages. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
