# Shared by the ImGui screens' Xvfb tests (run_dashboard_test.sh, run_dashboard_actions_test.sh,
# run_editor_test.sh): sourced after `GAME=$1 CLI=$2 SRC=$3 BIN=$4`. It re-runs the script
# under xvfb-run, makes a throwaway data dir, and gives the helpers the tests drive the game with:
# the game's log (LOG, which each test sets), real xdotool input into the window WIN, and F12
# screenshots copied next to the build.

# Re-run the test under xvfb-run first (a sourced file sees the test's $0 and arguments), so the
# work folder below belongs to the run that uses it.
if [ -z "${COUNTERPLAY_IN_XVFB:-}" ]; then
  export COUNTERPLAY_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x720x24" "$0" "$@"
fi

SHOTS=$BIN/screenshots
mkdir -p "$SHOTS"
WORK=$(mktemp -d)
GPID=0
trap '[ "$GPID" -gt 0 ] && kill "$GPID" 2>/dev/null; rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }

LOG=""
count() { grep -c -- "$1" "$LOG" 2>/dev/null || true; }
wait_for() {  # wait_for PATTERN [MIN_COUNT] [TIMEOUT_S]: until the log has the line MIN_COUNT times
  local pat=$1 min=${2:-1} limit=${3:-20} i=0
  while [ "$(count "$pat")" -lt "$min" ]; do
    i=$((i + 1))
    if [ $i -gt $((limit * 10)) ]; then
      fail "timed out waiting for '$pat' (x$min)"; tail -n 15 "$LOG"; return 1
    fi
    sleep 0.1
  done
}
key() { xdotool key --delay 40 "$@"; }
# chord MOD KEY: MOD+KEY held for a few frames. ImGui 1.86 reads key state once a frame, so a
# press and release that fall into one slow frame (a loaded machine) are never seen.
chord() { xdotool keydown "$1" sleep 0.05 keydown "$2" sleep 0.25 keyup "$2" sleep 0.05 keyup "$1"; }
# Move, let a frame see the pointer there, then click (ImGui takes a click on an item that was
# hovered the frame before, as with a real mouse).
click() { xdotool mousemove --window "$WIN" "$1" "$2" sleep 0.3 click 1; sleep 0.3; }
settle() { sleep "${1:-0.6}"; }
# fit_view: the editor's Fit (F with the pointer over the graph), then wait for the node
# positions it logs again once the view has moved ("editor: view moved").
fit_view() {
  local n
  n=$(count "editor: view moved")
  xdotool mousemove --window "$WIN" 120 300
  sleep 0.3
  key f
  wait_for "editor: view moved" $((n + 1)) 10
}
# copy_shot FILE_NAME: F12 in the game, wait for the file it logs, copy it to $SHOTS/FILE_NAME.
copy_shot() {
  local n file
  n=$(count "screenshot .*\.png")
  key F12
  wait_for "screenshot .*\.png" $((n + 1)) 10 || return 1
  file=$(grep "screenshot .*\.png" "$LOG" | tail -n 1 | sed 's/.*screenshot //')
  cp "$file" "$SHOTS/$1" && echo "screenshot $SHOTS/$1"
}
