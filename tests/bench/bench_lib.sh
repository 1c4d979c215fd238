# Shared by the benchmarks that time bran on a generated database: where the data lives, the one
# generation of each database (kept between runs), and medians of wall times.
BRAN=${BRAN:?set BRAN}; GENERATE=${GENERATE:?set GENERATE}
BENCH_DATA=${BENCH_DIR:-$PWD/bench-data}
mkdir -p "$BENCH_DATA"

# generated_db NAME N [GENERATOR OPTIONS...]: the path of NAME-N.db in the data folder, generated
# with N sessions the first time (a later run reuses it; a run cut short makes it again).
generated_db() {
  local db="$BENCH_DATA/$1-$2.db" sessions=$2
  shift 2
  if [ ! -f "$db.done" ]; then
    rm -f "$db" "$db".*
    echo "generating $sessions sessions (once)..." >&2
    "$GENERATE" --db "$db" --sessions "$sessions" "$@" > /dev/null
    touch "$db.done"
  fi
  echo "$db"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds_of() {  # one run's wall time in seconds, its output thrown away
  local t0 t1; t0=$(date +%s%N); "$@" > /dev/null; t1=$(date +%s%N)
  awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.6f\n", ns / 1e9 }'
}
time_of() { for _ in 1 2 3 4 5; do seconds_of "$@"; done | median; }  # median of 5

# central_rows_csv SITE_DB PREFIX: a site database's events, sessions and aids as CSV for a plain
# COPY into the central tables (PREFIX.events.csv, .sessions.csv, .aids.csv), as site "north" with
# a dummy signature: the baseline a push is measured against.
central_rows_csv() {
  local site_db=$1 rows=$2
  sqlite3 -csv "$site_db" "SELECT 'north', n, session_id, seq, at, setting, step, item, old_value, new_value,
                                  '\\x' || lower(hex(mac)), '\\x' || lower(hex(randomblob(32))) FROM event ORDER BY n" > "$rows.events.csv"
  sqlite3 -csv "$site_db" "SELECT id, 'north', aid_version_id, pseudonym, clinician, site, locale, started_at, updated_at, status,
                                  step, choice, concordance, knowledge_correct, knowledge_answered, knowledge_adequate,
                                  informed_choice, sure_score, event_count,
                                  (status = 'completed') + 2 * (COALESCE(concordance + 1, 0) + 4 * (COALESCE(knowledge_adequate + 1, 0)
                                    + 3 * (COALESCE(informed_choice + 1, 0) + 3 * COALESCE(sure_score + 1, 0))))
                           FROM session" > "$rows.sessions.csv"
  sqlite3 -csv "$site_db" "SELECT id, aid_id, version, content_hash, content FROM aid_version" > "$rows.aids.csv"
}
