#!/usr/bin/env bash
# The central audit database at scale, each figure next to its baseline in the same server and run:
#  1. `bran audit --db URI --group-by site` over N_AUDIT sessions from 50 sites (default 10^7),
#     against a plain `SELECT site, count(*) ... GROUP BY site` over the same rows (target: 2x);
#  2. `bran push` of a site database of N_PUSH sessions (default 10^5) into an empty central
#     database, against a plain COPY of the same event and session rows into the same tables
#     (target: 2x), with its peak memory, and the site's own `audit verify` that push runs first.
# The server and both databases are made once and kept in $BENCH_PG (default /var/tmp/bran-central-bench).
# usage: central_bench.sh [N_AUDIT] [N_PUSH]
set -euo pipefail
N_AUDIT=${1:-10000000}
N_PUSH=${2:-100000}
source "$(dirname "$0")/bench_lib.sh"
PG_BIN=$(pg_config --bindir)
BENCH_PG=${BENCH_PG:-/var/tmp/bran-central-bench}
as=()
mkdir -p "$BENCH_PG"
if [ "$(id -u)" -eq 0 ]; then chown nobody "$BENCH_PG"; as=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi
if [ ! -f "$BENCH_PG/data/PG_VERSION" ]; then
  "${as[@]}" "$PG_BIN/initdb" -D "$BENCH_PG/data" -U postgres -A trust --no-instructions > /dev/null
fi
"${as[@]}" "$PG_BIN/pg_ctl" -D "$BENCH_PG/data" -l "$BENCH_PG/server.log" -w -s \
  -o "-c listen_addresses='' -c unix_socket_directories='$BENCH_PG' -c shared_buffers=1GB -c work_mem=64MB -c max_wal_size=8GB" start
trap '"${as[@]}" "$PG_BIN/pg_ctl" -D "$BENCH_PG/data" -w -s stop' EXIT
uri() { echo "postgresql:///$1?host=$BENCH_PG&user=postgres"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At "$(uri "$1")" -c "$2"; }

# 1. The audit.
audit_db=audit_$N_AUDIT
if [ "$(sql postgres "SELECT count(*) FROM pg_database WHERE datname = '$audit_db'")" = 0 ] ||
   [ "$(sql "$audit_db" "SELECT count(*) FROM bran.session" 2> /dev/null || echo 0)" != "$N_AUDIT" ] ||
   ! sql "$audit_db" "SELECT audit_facts FROM bran.session LIMIT 1" > /dev/null 2>&1; then
  echo "generating $N_AUDIT sessions from 50 sites in PostgreSQL (once)..." >&2
  sql postgres "DROP DATABASE IF EXISTS $audit_db"
  sql postgres "CREATE DATABASE $audit_db"
  "$BRAN" db init --db "$(uri "$audit_db")" > /dev/null
  # Facts spread as the generator spreads them, from a hash of the row number: 50 sites, 400
  # clinicians, 3 aids, 24 months, 80% completed, each fact sometimes not assessable.
  sql "$audit_db" "
    INSERT INTO bran.site_key SELECT 'site-' || i, '\\x00' FROM generate_series(1, 50) i;
    INSERT INTO bran.aid_version (aid_id, version, content_hash, content)
      SELECT 'aid-' || i, '1', 'hash', '{}' FROM generate_series(1, 3) i;
    INSERT INTO bran.session (id, source, aid_version_id, clinician, site, locale, started_at, updated_at, status, step,
                              choice, concordance, knowledge_adequate, informed_choice, sure_score, event_count, audit_facts)
    SELECT id, source, aid, clinician, site, 'en-GB', started, '', status, 'decision', choice, v, a, i, u, 20,
           -- pack_audit_facts (engine/audit/report.cpp), written out for the benchmark's own data
           (status = 'completed')::int + 2 * (COALESCE(v + 1, 0) + 4 * (COALESCE(a + 1, 0) + 3 * (COALESCE(i + 1, 0) + 3 * COALESCE(u + 1, 0))))
    FROM (SELECT 's' || i AS id, 'site-' || (i % 50 + 1) AS source, i % 3 + 1 AS aid, 'C' || (h % 400) AS clinician,
                 'site-' || (i % 50 + 1) AS site,
                 (2024 + (h / 7 % 24) / 12) || '-' || lpad(((h / 7 % 24) % 12 + 1)::text, 2, '0') || '-15T10:00:00+00:00' AS started,
                 CASE WHEN h % 10 < 8 THEN 'completed' ELSE 'in-progress' END AS status,
                 (ARRAY['surgery', 'tablets', 'wait', 'unsure'])[h / 13 % 4 + 1] AS choice,
                 NULLIF(h / 17 % 4, 3) AS v, NULLIF(h / 19 % 3, 2) AS a, NULLIF(h / 23 % 3, 2) AS i, NULLIF(h / 29 % 6, 5) AS u
          FROM (SELECT i, abs(hashint4(i)) AS h FROM generate_series(1, $N_AUDIT) i) n) g;
    ANALYZE bran.session;"
fi
AUDIT_URI=$(uri "$audit_db")
"$BRAN" audit --db "$AUDIT_URI" --group-by site --format json > /dev/null  # warm the cache for both alike
base_s=$(time_of psql -X -q -At "$AUDIT_URI" -c "SELECT site, count(*) FROM bran.session GROUP BY site")
audit_s=$(time_of "$BRAN" audit --db "$AUDIT_URI" --group-by site --format json)

# 2. The push.
site_db=$(generated_db push "$N_PUSH" --seed 9)
push_db=push_run
fresh_central() {
  sql postgres "DROP DATABASE IF EXISTS $push_db"
  sql postgres "CREATE DATABASE $push_db"
  "$BRAN" db init --db "$(uri "$push_db")" > /dev/null
}
rows="$BENCH_PG/rows-v2-$N_PUSH"
if [ ! -f "$rows.done" ]; then
  central_rows_csv "$site_db" "$rows"
  touch "$rows.done"
fi
copy_baseline() {
  fresh_central
  sql "$push_db" "INSERT INTO bran.site_key VALUES ('north', '\\x00')"
  sql "$push_db" "\\copy bran.aid_version (id, aid_id, version, content_hash, content) FROM '$rows.aids.csv' CSV"
  seconds_of psql -X -q -v ON_ERROR_STOP=1 "$(uri "$push_db")" \
    -c "\\copy bran.event FROM '$rows.events.csv' CSV" -c "\\copy bran.session FROM '$rows.sessions.csv' CSV"
  [ "$(sql "$push_db" "SELECT count(*) FROM bran.session")" = "$N_PUSH" ] || { echo "the baseline COPY failed" >&2; exit 1; }
}
push_once() {
  fresh_central
  python3 - "$BRAN" push --db "$site_db" --to "$(uri "$push_db")" --site north <<'PY'
import resource, subprocess, sys, time
t0 = time.monotonic()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
t1 = time.monotonic()
if rc != 0: sys.exit("push exited %d" % rc)
print("%.3f %.1f" % (t1 - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
PY
}
copy_s=$(for _ in 1 2 3; do copy_baseline; done | median)
push_runs=$(for _ in 1 2 3; do push_once; done)
push_s=$(echo "$push_runs" | awk '{print $1}' | median)
push_mb=$(echo "$push_runs" | awk '{print $2}' | sort -n | tail -1)
verify_s=$(time_of "$BRAN" audit verify --db "$site_db")
events=$(sqlite3 "$site_db" "SELECT count(*) FROM event")

printf 'central audit database benchmark (PostgreSQL %s; medians)\n' "$("$PG_BIN/postgres" --version | awk '{print $3}')"
printf '  %d sessions from 50 sites:\n' "$N_AUDIT"
printf '    baseline SELECT site, count(*) GROUP BY site: %8.3f s\n' "$base_s"
printf '    bran audit --group-by site --format json:     %8.3f s  (%.2fx; target 2x)\n' "$audit_s" "$(awk -v a="$audit_s" -v b="$base_s" 'BEGIN { print a / b }')"
printf '  push of %d sessions (%d events) into an empty central database:\n' "$N_PUSH" "$events"
printf '    baseline COPY of the same rows:                %8.3f s\n' "$copy_s"
printf '    bran push:                                     %8.3f s  (%.2fx; target 2x)  %.1f MB peak\n' "$push_s" \
  "$(awk -v a="$push_s" -v b="$copy_s" 'BEGIN { print a / b }')" "$push_mb"
printf '      of which the site check bran push runs first (bran audit verify alone: %.3f s)\n' "$verify_s"
