#!/usr/bin/env bash
# `bran export fhir` of N sessions with their answers (default 100,000): wall time and peak memory,
# next to sqlite3 reading every event row of the same file in the same run (the least an export
# must do). Then `bran import` of that export into a new database, next to Python's json module
# reading the same file (the least an import must do: parse it). Export and import both work
# one session at a time, so their memory must not grow with N.
# usage: export_bench.sh [N]
set -euo pipefail
N=${1:-100000}
source "$(dirname "$0")/bench_lib.sh"
db=$(generated_db export "$N" --seed 5)
# Wall seconds and peak resident memory (MB) of one run, its output thrown away.
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t0 = time.monotonic()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
t1 = time.monotonic()
if rc != 0: sys.exit("%s exited %d" % (sys.argv[1], rc))
print("%.3f %.1f" % (t1 - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
PY
}
cat "$db" > /dev/null  # warm the page cache for both alike
read -r base_s base_mb < <(measure sqlite3 "$db" "SELECT * FROM event")
read -r export_s export_mb < <(measure "$BRAN" export fhir --db "$db")
export_file="$BENCH_DATA/export-$N.json"
"$BRAN" export fhir --db "$db" > "$export_file"
rm -f "$BENCH_DATA/imported-$N.db" "$BENCH_DATA/imported-$N.db".*
read -r parse_s parse_mb < <(measure python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$export_file")
read -r import_s import_mb < <(measure "$BRAN" import "$export_file" --db "$BENCH_DATA/imported-$N.db")
rm -f "$export_file" "$BENCH_DATA/imported-$N.db" "$BENCH_DATA/imported-$N.db".*
printf 'export benchmark, %s sessions\n' "$N"
printf '  baseline sqlite3 reading every event:   %8.3f s  %7.1f MB peak\n' "$base_s" "$base_mb"
printf '  bran export fhir:                       %8.3f s  %7.1f MB peak   (target < 100 MB at any N)\n' "$export_s" "$export_mb"
printf '  baseline python3 json.load of it:       %8.3f s  %7.1f MB peak\n' "$parse_s" "$parse_mb"
printf '  bran import of it, into a new database: %8.3f s  %7.1f MB peak   (target < 100 MB at any N)\n' "$import_s" "$import_mb"
awk -v mb="$export_mb" 'BEGIN { exit !(mb < 100) }' || { echo "export took ${export_mb} MB" >&2; exit 1; }
awk -v mb="$import_mb" 'BEGIN { exit !(mb < 100) }' || { echo "import took ${import_mb} MB" >&2; exit 1; }
