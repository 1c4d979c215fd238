#!/usr/bin/env bash
# `bran audit` on N sessions (default 1,000,000), ungrouped and grouped, next to plain SQLite
# aggregates over the same table measured in the same run. The database is generated once and
# kept in the build folder. usage: audit_bench.sh [N]
set -euo pipefail
N=${1:-1000000}
source "$(dirname "$0")/bench_lib.sh"
db=$(generated_db audit "$N" --seed 3 --without-events)
cat "$db" > /dev/null  # warm the page cache for every contender alike
count=$(time_of sqlite3 "$db" "SELECT count(*) FROM session")
aggregate=$(time_of sqlite3 "$db" "SELECT status, sum(concordance), sum(knowledge_adequate), sum(informed_choice), sum(sure_score) FROM session GROUP BY status")
plain=$(time_of "$BRAN" audit --db "$db" --format json)
grouped=$(time_of "$BRAN" audit --db "$db" --format json --group-by clinician)
monthly=$(time_of "$BRAN" audit --db "$db" --format json --group-by month)
printf 'audit benchmark, %s sessions (median of 5)\n' "$N"
printf '  baseline sqlite3 SELECT count(*):            %.3f s\n' "$count"
printf '  baseline sqlite3 plain aggregate:           %.3f s\n' "$aggregate"
printf '  bran audit (ungrouped, every figure):       %.3f s   (target < 0.5 s)\n' "$plain"
printf '  bran audit --group-by clinician:            %.3f s   (target < 1 s)\n' "$grouped"
printf '  bran audit --group-by month:                %.3f s   (target < 1 s)\n' "$monthly"
