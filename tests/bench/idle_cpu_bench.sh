#!/usr/bin/env bash
# Idle CPU: bran left alone on a walk-through page (the options step of the PSA aid) for
# SECONDS (default 30; CTest passes 10), CPU seconds used (utime + stime from /proc/PID/stat)
# over that time, next to the same measurement in the same run for stock idle X clients
# (xclock and xeyes from x11-apps). Run under X (re-runs itself under xvfb-run).
#   BRAN=build/app/bran SOURCE_DIR=. tests/bench/idle_cpu_bench.sh [SECONDS]
set -uo pipefail
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1280x900x24" bash "$0" "$@"; fi
BRAN=${BRAN:?set BRAN}
SOURCE_DIR=${SOURCE_DIR:?set SOURCE_DIR}
SECONDS_IDLE=${1:-30}
WORK=$(mktemp -d)
export XDG_DATA_HOME="$WORK/data" BRAN_TODAY=${BRAN_TODAY:-2026-11-23}
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT
TICKS=$(getconf CLK_TCK)

# cpu_ticks PID: utime + stime (fields 14 and 15; the command name, field 2, may hold spaces).
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
settle() {
  local previous="" current
  for _ in $(seq 1 40); do
    current=$(import -window root -depth 8 rgb:- 2>/dev/null | md5sum)
    [ "$current" = "$previous" ] && return 0
    previous=$current; sleep 0.2
  done
}
# measure NAME PID: CPU seconds PID uses over SECONDS_IDLE with nobody touching anything.
measure() {
  local before after
  before=$(cpu_ticks "$2") || return 1
  sleep "$SECONDS_IDLE"
  kill -0 "$2" 2>/dev/null || { echo "$1 exited during the measurement" >&2; return 1; }
  after=$(cpu_ticks "$2")
  awk -v a="$after" -v b="$before" -v t="$TICKS" -v s="$SECONDS_IDLE" -v n="$1" \
    'BEGIN { c = (a - b) / t; printf "%-8s %6.2f CPU s in %d s idle (%.2f%% of one core)\n", n, c, s, 100 * c / s }'
}

failed=0
"$BRAN" --db "$WORK/idle.db" > /dev/null 2> "$WORK/bran.err" &
BRAN_PID=$!; PIDS+=("$BRAN_PID")
window=$(timeout 30 xdotool search --sync --onlyvisible --pid "$BRAN_PID" 2>/dev/null | head -1)
if [ -z "$window" ]; then echo "bran showed no window: $(cat "$WORK/bran.err")" >&2; exit 1; fi
xdotool mousemove 5 5 windowfocus --sync "$window" 2>/dev/null
settle
# The PSA aid (its place in the list sorted by id), then Next to the options step.
key=$(ls "$SOURCE_DIR/content/decision-aids" | sed -n 's/\.json$//p' | sort | grep -n '^psa-testing$' | cut -d: -f1)
xdotool key --delay 80 "$key" Page_Down
settle
import -window root "$WORK/page.png"
tesseract "$WORK/page.png" - 2>/dev/null | grep -q "Step 2 of 11" || { echo "bran is not on the options page" >&2; failed=1; }
measure bran "$BRAN_PID" || failed=1

for client in xclock xeyes; do
  if ! command -v "$client" > /dev/null; then echo "$client: not installed (x11-apps); no reference"; continue; fi
  "$client" > /dev/null 2>&1 &
  pid=$!; PIDS+=("$pid")
  timeout 10 xdotool search --sync --onlyvisible --pid "$pid" > /dev/null 2>&1
  settle
  measure "$client" "$pid" || failed=1
done
exit "$failed"
