#!/bin/bash
# Real X events against counterplay-graph-preview (run under Xvfb): a click selects the centred
# node, two wheel steps zoom out around the cursor, F fits the graph, a right drag of (+100, +100)
# pixels pans the view by 100 / zoom layout units.
#   graph_input_test.sh PREVIEW SCENARIO
set -u
preview=$1 scenario=$2
out=$(mktemp)
"$preview" "$scenario" --zoom 1 --centre manager-call --quit-after 400 > "$out" 2>&1 &
pid=$!
sleep 2.5
win=$(xdotool search --name "counterplay graph preview" | head -1)
xdotool windowactivate --sync "$win" 2>/dev/null; xdotool windowfocus "$win"
xdotool mousemove --window "$win" 640 418 mousedown 1; sleep 0.1; xdotool mouseup 1; sleep 0.3
xdotool mousemove --window "$win" 300 300; sleep 0.1; xdotool click 5; sleep 0.15; xdotool click 5; sleep 0.3
xdotool keydown f; sleep 0.15; xdotool keyup f; sleep 0.3  # held over a frame: ImGui 1.86 has no input queue
xdotool mousemove --window "$win" 600 400 mousedown 3; sleep 0.1
xdotool mousemove --window "$win" 650 450; sleep 0.1; xdotool mousemove --window "$win" 700 500; sleep 0.1
xdotool mouseup 3; sleep 0.3
wait "$pid"
cat "$out"
status=0
grep -q "^selected: manager-call$" "$out" || { echo "FAIL: the click did not select manager-call"; status=1; }
# After F the zoom is the fit zoom and the centre the graph's middle; the drag moved it by
# -100/zoom on both axes.
python3 - "$out" <<'PY' || status=1
import re, sys
text = open(sys.argv[1]).read()
lay = re.search(r"layout: .* ([\d.]+) x ([\d.]+) units", text)
view = re.search(r"view: zoom ([\d.]+), centre (-?[\d.]+), (-?[\d.]+)", text)
if not lay or not view:
    sys.exit("FAIL: no layout or view line")
zoom, cx, cy = map(float, view.groups())
if zoom > 0.5:
    sys.exit(f"FAIL: F did not fit (zoom {zoom})")
w, h = map(float, lay.groups())
ex, ey = w / 2 - 100 / zoom, h / 2 - 100 / zoom
if abs(cx - ex) > 3 or abs(cy - ey) > 3:
    sys.exit(f"FAIL: centre {cx},{cy}, expected {ex:.1f},{ey:.1f} after the drag")
print("ok: select, zoom, fit and pan")
PY
rm -f "$out"
exit $status
