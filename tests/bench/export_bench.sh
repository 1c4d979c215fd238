#!/usr/bin/env bash
# `bran export fhir` of N sessions with their answers (default 100,000): wall time and peak memory,
# next to sqlite3 reading every event row of the same file in the same run (the least an export
# must do). The export writes one session at a time, so its memory must not grow with N.
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
printf 'export benchmark, %s sessions\n' "$N"
printf '  baseline sqlite3 reading every event:   %8.3f s  %7.1f MB peak\n' "$base_s" "$base_mb"
printf '  bran export fhir:                       %8.3f s  %7.1f MB peak   (target < 100 MB at any N)\n' "$export_s" "$export_mb"
awk -v mb="$export_mb" 'BEGIN { exit !(mb < 100) }' || { echo "export took ${export_mb} MB" >&2; exit 1; }
