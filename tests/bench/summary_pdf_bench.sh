#!/usr/bin/env bash
# `bran summary`: the wall time to write one take-home PDF (median of 10 runs, target < 0.3 s),
# next to writing the same text to a plain file, measured in the same run. The session is the
# generated one with the most answers for af-anticoagulation (four outcomes of 1000 people each,
# the largest icon arrays of the bundled aids). usage: summary_pdf_bench.sh [RUNS]
set -euo pipefail
RUNS=${1:-10}
BRAN=${BRAN:?set BRAN}; GENERATE=${GENERATE:?set GENERATE}
dir=${BENCH_DIR:-$PWD/bench-data}
mkdir -p "$dir"
db="$dir/summary-bench.db"
rm -f "$db" "$db".*
"$GENERATE" --db "$db" --sessions 10 --seed 5 > /dev/null
sid=$("$BRAN" export fhir --db "$db" | python3 -c '
import json, sys
entries = [e["resource"] for e in json.load(sys.stdin)["entry"]]
af = [r for r in entries if r["questionnaire"].startswith("urn:bran:decision-aid:af-anticoagulation|")] or entries
print(max(af, key=lambda r: len(r.get("item", [])))["id"])')
pdf="$dir/summary-bench.pdf"; text="$dir/summary-bench.txt"; plain="$dir/summary-bench-plain.txt"
"$BRAN" summary --db "$db" --session "$sid" -o "$pdf"
pdftotext -raw -enc UTF-8 "$pdf" "$text" 2> /dev/null || "$BRAN" export fhir --db "$db" --session "$sid" > "$text"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() {  # runs a command RUNS times, prints the median wall time in seconds
  for _ in $(seq "$RUNS"); do
    local t0 t1; t0=$(date +%s%N); "$@" > /dev/null; t1=$(date +%s%N)
    awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.6f\n", ns / 1e9 }'
  done | median
}
write_plain() { cat "$text" > "$plain"; }
summary() { "$BRAN" summary --db "$db" --session "$sid" -o "$pdf"; }
summary_large() { "$BRAN" summary --db "$db" --session "$sid" -o "$pdf" --large-print; }
help_only() { "$BRAN" summary --help; }

baseline=$(time_of write_plain)
startup=$(time_of help_only)
normal=$(time_of summary)
large=$(time_of summary_large)
pages=$(pdfinfo "$pdf" 2> /dev/null | awk '/^Pages:/ {print $2}')
printf 'summary PDF benchmark, session %s (median of %s)\n' "$sid" "$RUNS"
printf '  baseline: the same text (%s bytes) to a plain file:   %.3f s\n' "$(wc -c < "$text")" "$baseline"
printf '  bran summary --help (process start only):            %.3f s\n' "$startup"
printf '  bran summary (A4 PDF, %s bytes):                    %.3f s   (target < 0.3 s)\n' "$(wc -c < "$pdf")" "$normal"
printf '  bran summary --large-print (%s pages):              %.3f s   (target < 0.3 s)\n' "${pages:-?}" "$large"
awk -v t="$normal" -v l="$large" 'BEGIN { exit !(t < 0.3 && l < 0.3) }' || { echo "slower than the 0.3 s target" >&2; exit 1; }
