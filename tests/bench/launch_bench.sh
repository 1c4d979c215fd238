#!/usr/bin/env bash
# Launch time: from process start until bran's first frame is on screen (the window is mapped
# and a screenshot shows drawn content, not an empty or black window), median of N runs (default 5).
# Reference, measured in the same run: the same aid's options as a static HTML page rendered by
# headless Chromium to a screenshot (start to exit). Run under X (re-runs itself under xvfb-run).
#   BRAN=build/app/bran SOURCE_DIR=. tests/bench/launch_bench.sh [N]
set -uo pipefail
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1280x900x24" bash "$0" "$@"; fi
BRAN=${BRAN:?set BRAN}
SOURCE_DIR=${SOURCE_DIR:?set SOURCE_DIR}
RUNS=${1:-5}
AID=psa-testing
WORK=$(mktemp -d)
export XDG_DATA_HOME="$WORK/data" BRAN_TODAY=${BRAN_TODAY:-2026-11-23}
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# drawn: the screen is neither black nor one flat colour (stddev of grey levels, and its mean).
drawn() {
  import -window root -depth 8 "$WORK/frame.png" 2>/dev/null || return 1
  convert "$WORK/frame.png" -colorspace Gray -format "%[fx:mean > 0.2 && standard_deviation > 0.08 ? 1 : 0]" info: | grep -q 1
}

bran_once() {
  local start elapsed
  rm -f "$WORK/launch.db"*
  start=$(now_ms)
  BRAN_STARTUP_TIMES=1 "$BRAN" --db "$WORK/launch.db" > /dev/null 2> "$WORK/bran.err" &
  PID=$!
  until drawn; do
    kill -0 "$PID" 2>/dev/null || { echo "bran exited: $(cat "$WORK/bran.err")" >&2; return 1; }
    [ $(( $(now_ms) - start )) -gt 30000 ] && { echo "no frame within 30 s" >&2; return 1; }
  done
  elapsed=$(( $(now_ms) - start ))
  kill "$PID"; wait "$PID" 2>/dev/null; PID=""
  # bran's own clock: from the process's start to its first frame swapped onto the screen.
  sed -n 's/^startup: first frame .*(at \([0-9.]*\) ms)$/\1/p' "$WORK/bran.err" >> "$WORK/own.txt"
  grep '^startup:' "$WORK/bran.err" > "$WORK/phases.txt"
  # The frame counted must be bran's list of aids, with readable text.
  tesseract "$WORK/frame.png" - 2>/dev/null | grep -q "Choose a decision aid" || { echo "the first frame has no text" >&2; return 1; }
  echo "$elapsed"
}

# The reference page: the aid's options side by side, as the options step shows them.
python3 - "$SOURCE_DIR/content/decision-aids/$AID.json" > "$WORK/options.html" <<'PY'
import html, json, sys
aid = json.load(open(sys.argv[1], encoding="utf-8"))
t = lambda v: html.escape(v["en-GB"])
rows = [("What is it?", "summary"), ("What does it involve?", "involves"), ("What are the benefits?", "benefits"), ("What are the risks?", "risks")]
print("<!doctype html><meta charset=utf-8><title>options</title>")
print("<style>body{font:18px 'Noto Sans',sans-serif;margin:28px}td,th{border:1px solid #888;padding:4px;vertical-align:top}</style>")
print("<h1>%s</h1><table><tr><th></th>%s</tr>" % (t(aid["decision"]), "".join("<th>%s</th>" % t(o["name"]) for o in aid["options"])))
for label, key in rows:
    print("<tr><th>%s</th>%s</tr>" % (label, "".join("<td>%s</td>" % t(o[key]) for o in aid["options"])))
print("</table>")
PY
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
chromium_once() {
  local start
  rm -f "$WORK/chromium.png"
  start=$(now_ms)
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$WORK/chromium-profile" \
    --window-size=1280,860 --screenshot="$WORK/chromium.png" "file://$WORK/options.html" > /dev/null 2>&1
  local elapsed=$(( $(now_ms) - start ))
  [ -s "$WORK/chromium.png" ] || { echo "chromium wrote no screenshot" >&2; return 1; }
  echo "$elapsed"
}

failed=0
bran_times=() chromium_times=()
for i in $(seq 1 "$RUNS"); do
  t=$(bran_once) && bran_times+=("$t") || failed=1
  if [ -n "$CHROMIUM" ]; then t=$(chromium_once) && chromium_times+=("$t") || failed=1; fi
done
echo "launch to first frame, bran, seen by screenshots (ms): ${bran_times[*]:-none}"
[ ${#bran_times[@]} -gt 0 ] && echo "  median: $(printf '%s\n' "${bran_times[@]}" | median) ms (N=${#bran_times[@]}; each screenshot takes about 100 ms, so this overshoots)"
if [ -s "$WORK/own.txt" ]; then
  echo "launch to first frame, bran's own clock (process start to the first frame swapped) (ms): $(tr '\n' ' ' < "$WORK/own.txt")"
  echo "  median: $(median < "$WORK/own.txt") ms (N=$(wc -l < "$WORK/own.txt")); where the last run's time went:"
  sed 's/^startup: /    /' "$WORK/phases.txt"
fi
if [ -n "$CHROMIUM" ]; then
  echo "reference: headless Chromium, same aid's options as static HTML, start to screenshot written (ms): ${chromium_times[*]:-none}"
  [ ${#chromium_times[@]} -gt 0 ] && echo "  median: $(printf '%s\n' "${chromium_times[@]}" | median) ms (N=${#chromium_times[@]})"
else
  echo "reference: chromium is not installed (scripts/install-deps.sh test installs it); no reference measured"
fi
exit "$failed"
