#!/usr/bin/env bash
# Usage: BIG=big.yaml xvfb-run -a -s "-screen 0 1280x720x24" tests/bench/editor_frames.sh
# Editor benchmark on the generated 1,000-node scenario: open time, frames while panning, zooming,
# typing, and after Add choice; time until live diagnostics after an edit.
W=$(mktemp -d); export XDG_DATA_HOME=$W/d XDG_CONFIG_HOME=$W/c COUNTERPLAY_LOG_FRAMES=1; mkdir -p $W/d $W/c $W/s
cp "${BIG:?set BIG to the generated 1,000-node file}" $W/big.yaml; cp "${PRINCIPLES:-scenarios/principles.yaml}" $W/
LOG=$W/log
T0=$(date +%s%N)
${GAME:-build/counterplay} edit $W/big.yaml --lang en --windowed --screenshot-dir $W/s >$LOG 2>&1 &
G=$!
until grep -q "editor: ready" $LOG; do sleep 0.05; done
echo "open: ready (6th frame) after $(( ($(date +%s%N) - T0) / 1000000 )) ms; $(grep 'first frame after' $LOG)"
until grep -q "checks done" $LOG; do sleep 0.05; done
echo "open: first diagnostics after $(( ($(date +%s%N) - T0) / 1000000 )) ms"
sleep 1
WIN=$(xdotool search --onlyvisible --classname counterplay | head -1); xdotool windowfocus --sync $WIN 2>/dev/null
mark() { wc -l < $LOG; }
stats() { # stats NAME FROM TO
  sed -n "$2,$3p" $LOG | grep "editor: frame" | sed 's/.*frame \([0-9.]*\) ms/\1/' | sort -n |
    awk -v n="$1" '{a[NR]=$1} END{if(NR==0){print n": no frames";exit} printf "%s: %d frames, median %.1f ms, worst %.1f ms\n", n, NR, a[int((NR+1)/2)], a[NR]}'
}
A=$(mark); xdotool mousemove 300 250 mousedown 3; for i in $(seq 1 40); do xdotool mousemove_relative -- 5 3; sleep 0.03; done; xdotool mouseup 3; sleep 0.3; B=$(mark); stats pan $A $B
A=$(mark); xdotool mousemove 350 280; for i in $(seq 1 8); do xdotool click 4; sleep 0.15; done; for i in $(seq 1 8); do xdotool click 5; sleep 0.15; done; sleep 0.3; B=$(mark); stats zoom $A $B
P=$(grep "editor: field .*\.en at " $LOG | sed 's/.* at //; s/,/ /' | awk '$2 < 650' | tail -1); echo "typing into field at $P"
xdotool mousemove $P click 1; sleep 0.5
A=$(mark); xdotool type --delay 80 " quick brown fox jumps"; sleep 0.3; B=$(mark); stats typing $A $B
xdotool key Tab; sleep 0.3
sleep 1.5
P=$(grep "editor: field add-choice at" $LOG | tail -1 | sed 's/.* at //; s/,/ /')
N=$(grep -c "checks done" $LOG)
A=$(mark); T1=$(date +%s%N); xdotool mousemove $P click 1
for i in $(seq 1 1500); do [ $(grep -c "checks done" $LOG) -gt $N ] && break; sleep 0.02; done
echo "add choice: live diagnostics after $(( ($(date +%s%N) - T1) / 1000000 )) ms (wall, from the click)"
sleep 0.5; B=$(mark); stats "add choice (click to diagnostics + 0.5 s)" $A $B
grep -E "model loaded|checks done" $LOG | tail -3
kill $G; wait $G 2>/dev/null
