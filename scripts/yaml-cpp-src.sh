#!/usr/bin/env bash
# Fetches and unpacks the Debian source of the yaml-cpp this machine has installed, so that the
# fuzz build can compile it with the fuzzer's coverage instrumentation (docs/fuzzing.md).
#   scripts/yaml-cpp-src.sh DEST    leaves the patched source tree in DEST (prints its path)
# apt downloads it through a private deb-src list (no root, nothing on the system changes) and
# checks it against the archive's signed index; dpkg-source unpacks it with Debian's patches.
# Exits non-zero when the source cannot be had (no network, no dpkg-dev): the caller then
# falls back to the system library.
set -euo pipefail
dest=${1:?usage: scripts/yaml-cpp-src.sh DEST}
if [ -f "$dest/CMakeLists.txt" ] && [ -f "$dest/.counterplay-version" ]; then
  (cd "$dest" && pwd); exit 0
fi
for tool in apt-get dpkg-source dpkg-query; do
  command -v "$tool" >/dev/null || { echo "yaml-cpp-src.sh: $tool is missing" >&2; exit 1; }
done
version=$(dpkg-query -W -f='${source:Version}' libyaml-cpp-dev 2>/dev/null) ||
  { echo "yaml-cpp-src.sh: libyaml-cpp-dev is not installed" >&2; exit 1; }
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/out"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $codename main" \
  >"$work/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o Debug::NoLocking=1
          -o APT::Sandbox::User=root -qq)
apt-get "${apt_opts[@]}" update >&2 ||
  { echo "yaml-cpp-src.sh: cannot reach the Debian source index" >&2; exit 1; }
(cd "$work/out" && apt-get "${apt_opts[@]}" source --download-only "yaml-cpp=$version" >&2) ||
  { echo "yaml-cpp-src.sh: cannot download yaml-cpp $version" >&2; exit 1; }
# apt has checked every file against the signed index; the .dsc's own uploader signature needs
# the debian-keyring package, which is not needed for that.
dpkg-source --no-check -x "$work/out/yaml-cpp_${version#*:}.dsc" "$work/src" >&2
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$work/src" "$dest"
echo "$version" >"$dest/.counterplay-version"
(cd "$dest" && pwd)
