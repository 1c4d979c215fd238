#!/usr/bin/env bash
# Opening a database of N sessions (default 1,000,000) for recording, as `bran import` of one
# record does, next to a bare sqlite3 open of the same file measured in the same run; and once
# with no clean-close note, when bran runs the full integrity check as after a crash.
# The database is generated once and kept. usage: open_bench.sh [N]
set -euo pipefail
N=${1:-1000000}
source "$(dirname "$0")/bench_lib.sh"
db=$(generated_db open "$N" --seed 3 --without-events)
record="$BENCH_DATA/open-record.json"
[ -f "$record" ] || "$BRAN" export fhir --db "$(generated_db open-record 1 --seed 9)" > "$record"
"$BRAN" import "$record" --db "$db" > /dev/null  # recorded once; every timed run finds it there
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
