#!/usr/bin/env bash
# Opening a database of N sessions (default 1,000,000) for recording, as `bran import` of one
# record does, next to a bare sqlite3 open of the same file measured in the same run; and once
# with no clean-close note, when bran runs the full integrity check as after a crash.
# The database is the audit benchmark's (generated once, kept). usage: open_bench.sh [N]
set -euo pipefail
N=${1:-1000000}
BRAN=${BRAN:?set BRAN}; GENERATE=${GENERATE:?set GENERATE}
dir=${BENCH_DIR:-$PWD/bench-data}
mkdir -p "$dir"
db="$dir/open-$N.db"
if [ ! -f "$db.done" ]; then
  rm -f "$db" "$db".*
  echo "generating $N sessions (once)..."
  "$GENERATE" --db "$db" --sessions "$N" --seed 3 --without-events > /dev/null
  touch "$db.done"
fi
record="$dir/open-record.json"
if [ ! -f "$record" ]; then
  "$GENERATE" --db "$dir/open-record.db" --sessions 1 --seed 9 > /dev/null
  "$BRAN" export fhir --db "$dir/open-record.db" > "$record"
fi
"$BRAN" import "$record" --db "$db" > /dev/null  # recorded once; every timed run finds it there
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds_of() {  # one run's wall time in seconds
  local t0 t1; t0=$(date +%s%N); "$@" > /dev/null; t1=$(date +%s%N)
  awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.6f\n", ns / 1e9 }'
}
time_of() { for i in 1 2 3 4 5; do seconds_of "$@"; done | median; }  # median of 5
cat "$db" > /dev/null  # warm the page cache for every contender alike
bare=$(time_of sqlite3 "$db" "PRAGMA user_version")
clean=$(time_of "$BRAN" import "$record" --db "$db")
rm -f "$db.closed"
after_crash=$(seconds_of "$BRAN" import "$record" --db "$db")
printf 'open benchmark, %s sessions\n' "$N"
printf '  baseline sqlite3 open and read (median of 5):   %.3f s\n' "$bare"
printf '  bran import of one record, closed cleanly:      %.3f s   (target < 0.2 s)\n' "$clean"
printf '  bran import of one record, after a crash:       %.3f s   (full integrity check)\n' "$after_crash"
awk -v t="$clean" 'BEGIN { exit !(t < 0.2) }' || { echo "open took over 0.2 s" >&2; exit 1; }
