#!/usr/bin/env bash
# Every command that reads or writes many sessions, at each size given (default 10^5, 10^6 and
# 10^7 sessions with their answer events), over SQLite and over PostgreSQL: wall time and peak
# memory, each next to a baseline measured in the same run (the least the command must do):
#   audit, audit report       SQLite/PostgreSQL GROUP BY over the same session rows
#   audit verify (SQLite)     a bare keyed-hash pass over the events as read (bran_bench_keyed_hash)
#   audit verify (central)    psql reading every event row in order (COPY TO STDOUT)
#   export fhir               sqlite3 reading every event row
#   import                    sqlite3 copying the same sessions' rows into a new database
#   push                      psql COPY of the same rows into the central tables
#   summary (one session)     sqlite3 reading that session's events
# Databases are built once and kept (BENCH_DIR, BENCH_PG); a size is skipped, with the reason,
# where the disk has no room for it. import runs up to BENCH_IMPORT_MAX sessions (default 10^6)
# and PostgreSQL up to BENCH_PG_MAX (default 10^6): beyond, each takes hours to build.
# Writes scale.tsv and scale.svg (time and memory against sessions, log scales) into BENCH_OUT.
# usage: scale_bench.sh [SESSIONS...]
set -euo pipefail
source "$(dirname "$0")/bench_lib.sh"
KEYED_HASH=${KEYED_HASH:?set KEYED_HASH to bran_bench_keyed_hash}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000 10000000)
OUT=${BENCH_OUT:-$BENCH_DATA/scale}
IMPORT_MAX=${BENCH_IMPORT_MAX:-1000000}
PG_MAX=${BENCH_PG_MAX:-1000000}
mkdir -p "$OUT"
tsv="$OUT/scale.tsv"
rm -f "$OUT/skipped.txt"
printf 'sessions\tdatabase\tcommand\tseconds\tpeak_mb\tbaseline\tbaseline_seconds\tbaseline_peak_mb\n' > "$tsv"

# Wall seconds and peak resident memory (MB) of one run, its output thrown away.
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t0 = time.monotonic()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
t1 = time.monotonic()
if rc != 0: sys.exit("%s exited %d" % (" ".join(sys.argv[1:3]), rc))
print("%.3f %.1f" % (t1 - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
PY
}
progress() { [ -t 2 ] && echo "$*" >&2 || true; }
# row N DATABASE COMMAND BASELINE -- BASELINE_COMMAND... -- COMMAND...: the baseline, then the command.
row() {
  local n=$1 where=$2 what=$3 base=$4; shift 5
  local base_cmd=() cmd=()
  while [ "$1" != -- ]; do base_cmd+=("$1"); shift; done
  shift
  cmd=("$@")
  progress "  $n $where: $what"
  local b c
  b=$(measure "${base_cmd[@]}") c=$(measure "${cmd[@]}")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$where" "$what" ${c% *} ${c#* } "$base" ${b% *} ${b#* } >> "$tsv"
}
free_gb() { df -P -k "$1" | awk 'NR == 2 { printf "%d", $4 / 1048576 }'; }

# The central server, made once (as central_bench.sh), for the PostgreSQL rows.
pg_ready=
start_pg() {
  command -v pg_config > /dev/null || return 1
  PG_BIN=$(pg_config --bindir)
  BENCH_PG=${BENCH_PG:-/var/tmp/bran-central-bench}
  as=()
  mkdir -p "$BENCH_PG"
  if [ "$(id -u)" -eq 0 ]; then chown nobody "$BENCH_PG"; as=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi
  [ -f "$BENCH_PG/data/PG_VERSION" ] || "${as[@]}" "$PG_BIN/initdb" -D "$BENCH_PG/data" -U postgres -A trust --no-instructions > /dev/null
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$BENCH_PG/data" -l "$BENCH_PG/server.log" -w -s \
    -o "-c listen_addresses='' -c unix_socket_directories='$BENCH_PG' -c shared_buffers=1GB -c work_mem=64MB -c max_wal_size=8GB" start
  trap '"${as[@]}" "$PG_BIN/pg_ctl" -D "$BENCH_PG/data" -w -s stop' EXIT
  pg_ready=1
}
uri() { echo "postgresql:///$1?host=$BENCH_PG&user=postgres"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At "$(uri "$1")" -c "$2"; }

for n in "${sizes[@]}"; do
  # About 4.3 KB a session in SQLite, twice that while an import's file and copy exist.
  need_gb=$(( n * 13 / 1000000 + 1 ))
  if [ ! -f "$BENCH_DATA/scale-$n.db.done" ] && [ "$(free_gb "$BENCH_DATA")" -lt "$need_gb" ]; then
    echo "skipped $n sessions: needs about $need_gb GB free in $BENCH_DATA, has $(free_gb "$BENCH_DATA") GB" | tee -a "$OUT/skipped.txt" >&2
    continue
  fi
  progress "$n sessions"
  db=$(generated_db scale "$n" --seed 11)
  sid=$(sqlite3 "$db" "SELECT id FROM session ORDER BY id LIMIT 1")
  group_by="SELECT site, choice, status, count(*) FROM session GROUP BY 1, 2, 3"
  row "$n" SQLite audit "sqlite3 GROUP BY" -- sqlite3 "$db" "$group_by" -- "$BRAN" audit --db "$db" --group-by site --format json
  row "$n" SQLite "audit report" "sqlite3 GROUP BY" -- sqlite3 "$db" "$group_by" -- "$BRAN" audit report --db "$db" -o "$OUT/report-$n.pdf"
  row "$n" SQLite "audit verify" "keyed-hash pass" -- "$KEYED_HASH" "$db" -- "$BRAN" audit verify --db "$db"
  row "$n" SQLite "export fhir" "sqlite3 reading every event" -- sqlite3 "$db" "SELECT * FROM event" -- "$BRAN" export fhir --db "$db"
  row "$n" SQLite summary "sqlite3 reading its events" -- sqlite3 "$db" "SELECT * FROM event WHERE session_id = '$sid'" \
    -- "$BRAN" summary --db "$db" --session "$sid" -o "$OUT/summary-$n.pdf"
  if [ "$n" -le "$IMPORT_MAX" ]; then
    file="$BENCH_DATA/scale-$n.json" into="$BENCH_DATA/scale-imported-$n.db" copy="$BENCH_DATA/scale-copied-$n.db"
    rm -f "$into" "$into".* "$copy"
    "$BRAN" export fhir --db "$db" > "$file"
    row "$n" SQLite import "sqlite3 copying the rows" \
      -- sqlite3 "$copy" "ATTACH '$db' AS site; CREATE TABLE event AS SELECT * FROM site.event; CREATE TABLE session AS SELECT * FROM site.session" \
      -- "$BRAN" import "$file" --db "$into"
    rm -f "$file" "$into" "$into".* "$copy"
  fi

  if [ "$n" -le "$PG_MAX" ] && { [ -n "$pg_ready" ] || start_pg; }; then
    central=scale_$n
    # The push is measured when the central database is built: at 10^6 it takes minutes.
    if [ ! -f "$BENCH_PG/$central.push" ]; then
      progress "  $n PostgreSQL: push (once)"
      rows="$BENCH_PG/$central-rows"
      central_rows_csv "$db" "$rows"
      sql postgres "DROP DATABASE IF EXISTS ${central}_copy"
      sql postgres "CREATE DATABASE ${central}_copy"
      "$BRAN" db init --db "$(uri "${central}_copy")" > /dev/null
      sql "${central}_copy" "INSERT INTO bran.site_key VALUES ('north', '\\x00')"
      sql "${central}_copy" "\\copy bran.aid_version (id, aid_id, version, content_hash, content) FROM '$rows.aids.csv' CSV"
      b=$(measure psql -X -q -v ON_ERROR_STOP=1 "$(uri "${central}_copy")" \
            -c "\\copy bran.event FROM '$rows.events.csv' CSV" -c "\\copy bran.session FROM '$rows.sessions.csv' CSV")
      sql postgres "DROP DATABASE ${central}_copy"
      rm -f "$rows".*
      sql postgres "DROP DATABASE IF EXISTS $central"
      sql postgres "CREATE DATABASE $central"
      "$BRAN" db init --db "$(uri "$central")" > /dev/null
      c=$(measure "$BRAN" push --db "$db" --to "$(uri "$central")" --site north)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" PostgreSQL push ${c% *} ${c#* } "psql COPY of the rows" ${b% *} ${b#* } > "$BENCH_PG/$central.push"
    fi
    cat "$BENCH_PG/$central.push" >> "$tsv"
    central_uri=$(uri "$central")
    pg_group_by="SELECT site, choice, status, count(*) FROM bran.session GROUP BY 1, 2, 3"
    row "$n" PostgreSQL audit "GROUP BY" -- psql -X -q -At "$central_uri" -c "$pg_group_by" \
      -- "$BRAN" audit --db "$central_uri" --group-by site --format json
    row "$n" PostgreSQL "audit report" "GROUP BY" -- psql -X -q -At "$central_uri" -c "$pg_group_by" \
      -- "$BRAN" audit report --db "$central_uri" -o "$OUT/report-central-$n.pdf"
    row "$n" PostgreSQL "audit verify" "psql reading every event" \
      -- psql -X -q "$central_uri" -c "COPY (SELECT * FROM bran.event ORDER BY source, n) TO STDOUT" \
      -- "$BRAN" audit verify --db "$central_uri"
  fi
done

python3 "$(dirname "$0")/scale_plot.py" "$tsv" "$OUT/scale.svg"
echo "scale benchmark (seconds and peak MB, each next to its baseline; x = command / baseline)"
awk -F'\t' 'NR > 1 {
  printf "%9d  %-10s  %-13s %9.2f s %7.1f MB   %-28s %9.2f s %7.1f MB   %5.2fx\n",
         $1, $2, $3, $4, $5, $6, $7, $8, ($7 > 0 ? $4 / $7 : 0) }' "$tsv"
[ -f "$OUT/skipped.txt" ] && cat "$OUT/skipped.txt"
echo "table: $tsv; plot: $OUT/scale.svg"
