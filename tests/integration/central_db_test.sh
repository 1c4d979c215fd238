#!/bin/bash
# The central audit database (PostgreSQL), end to end on a server of the test's own: db init,
# push (idempotent, resumable after kills and a stopped server, refusing rolled-back and
# tampered sites), the same audit JSON as over the site's file, verify of the central copies,
# roles and row-level security, import of records to it, and every bad input's message.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg_lib.sh"
GENERATE=${GENERATE:?set GENERATE to bran_generate_sessions}
start_postgres

# --- db init: creates, then finds it current.
expect_exit 0 -- "$BRAN" db init --db "$PG_URI"
expect_out_match "bran schema created \(version [0-9]+\)"
[ -s "$WORK/err" ] && fail "db init said more than its result: $(cat "$WORK/err")"
expect_exit 0 -- "$BRAN" db init --db "$PG_URI"
expect_out_match "bran schema is current"

"$GENERATE" --db "$WORK/north.db" --sessions 400 --seed 11 > /dev/null
"$GENERATE" --db "$WORK/south.db" --sessions 300 --seed 12 > /dev/null

# --- Who may push as which site, and who may read.
pg_sql "CREATE ROLE site_north LOGIN IN ROLE bran_site;
        INSERT INTO bran.site_role (site, role) VALUES ('north', 'site_north');
        CREATE ROLE auditor LOGIN IN ROLE bran_auditor;"
NORTH_URI=$(pg_uri_as site_north)
AUDITOR_URI=$(pg_uri_as auditor)

# The generated sessions name three sites: push needs to be told which site the file is.
expect_exit 2 -- "$BRAN" push --db "$WORK/north.db" --to "$NORTH_URI"
expect_err_match "north.db: its sessions name more than one site .*--site CODE"
# A site's role may not push as another site.
expect_exit 1 -- "$BRAN" push --db "$WORK/north.db" --to "$NORTH_URI" --site south
expect_err_match "may not push as site \"south\".*nothing was sent"
[ "$(pg_sql "SELECT count(*) FROM bran.event")" = 0 ] && pass || fail "a refused push left events behind"

# --- A push killed at random moments, again and again, then run to the end: nothing lost, nothing twice.
north_events=$(sqlite3 "$WORK/north.db" "SELECT count(*) FROM event")
killed=0; partial=0
for delay in 0.05 0.1 0.15 0.2 0.3 0.4 0.5 0.7 1 1.5 2 3; do
  { BRAN_PUSH_BATCH_EVENTS=300 timeout -s KILL "$delay" "$BRAN" push --db "$WORK/north.db" --to "$NORTH_URI" --site north; } > /dev/null 2>&1
  [ $? -eq 137 ] && killed=$((killed + 1))
  have=$(pg_sql "SELECT count(*) FROM bran.event")
  [ "$have" -gt 0 ] && [ "$have" -lt "$north_events" ] && partial=$((partial + 1))
  # Whatever was committed is whole: the central copy verifies at every stop.
  "$BRAN" audit verify --db "$PG_URI" > "$WORK/verify.out" 2>&1 || fail "after a kill at $delay s, verify: $(cat "$WORK/verify.out")"
done
[ "$killed" -gt 0 ] && [ "$partial" -gt 0 ] && pass || fail "no push was killed part way ($killed killed, $partial partial)"
expect_exit 0 -- "$BRAN" push --db "$WORK/north.db" --to "$NORTH_URI" --site north
expect_out_match "^site north: [0-9]+ events of [0-9]+ sessions sent; .* holds its record to #$north_events$"
[ "$(pg_sql "SELECT count(*) FROM bran.event")" = "$north_events" ] && pass || fail "events sent twice or lost"
expect_exit 0 -- "$BRAN" push --db "$WORK/north.db" --to "$NORTH_URI" --site north
expect_out_match "^site north: 0 events of 0 sessions sent"

# --- The same audit, the same JSON, for every grouping and filter.
aid=$(sqlite3 "$WORK/north.db" "SELECT aid_id FROM aid_version ORDER BY aid_id LIMIT 1")
for args in "" "--group-by clinician" "--group-by site" "--group-by month" "--group-by option" "--group-by knowledge" \
            "--aid $aid" "--aid $aid --group-by clinician" "--from 2025-03-01 --to 2025-09-30 --group-by site" "--format csv" ""; do
  "$BRAN" audit --db "$WORK/north.db" --format json $args > "$WORK/site.json" 2>&1
  "$BRAN" audit --db "$AUDITOR_URI" --format json $args > "$WORK/central.json" 2> "$WORK/central.err"
  if cmp -s "$WORK/site.json" "$WORK/central.json"; then pass; else
    fail "audit $args differs over PostgreSQL: $(diff "$WORK/site.json" "$WORK/central.json" | head -8) $(cat "$WORK/central.err")"; fi
done
"$BRAN" audit --db "$WORK/north.db" > "$WORK/site.txt"; "$BRAN" audit --db "$AUDITOR_URI" > "$WORK/central.txt"
cmp -s "$WORK/site.txt" "$WORK/central.txt" && pass || fail "the audit table differs over PostgreSQL"
# The report for a governance meeting: the same pages from either database, but for where it is from.
expect_exit 0 -- "$BRAN" audit report --db "$AUDITOR_URI" --group-by clinician -o "$WORK/central.pdf"
expect_exit 0 -- "$BRAN" audit report --db "$WORK/north.db" --group-by clinician -o "$WORK/site.pdf"
without_origin() { pdftotext "$1" - | sed '/^Made by bran/,/^By clinician/{/^By clinician/!d}'; }
without_origin "$WORK/central.pdf" > "$WORK/central-report.txt"
without_origin "$WORK/site.pdf" > "$WORK/site-report.txt"
cmp -s "$WORK/site-report.txt" "$WORK/central-report.txt" && pass || fail "the audit report differs over PostgreSQL: $(diff "$WORK/site-report.txt" "$WORK/central-report.txt" | head -6)"
for words in "Personal-value audit report" "How the groups compare" "Value-concordant" "Informed choice" "SURE 4 of 4" \
             "Knowledge adequate" "completed sessions to review"; do
  grep -q "$words" "$WORK/central-report.txt" && pass || fail "the audit report lacks \"$words\""
done
pdftotext "$WORK/central.pdf" - | tr "\n" " " | grep -q "Made by bran .* from postgresql:///postgres?host=.*&user=auditor\. By clinician" && pass ||
  fail "the report does not say where its figures are from"

# --- Row-level security: a site reads its own rows only; the auditor reads everything, writes nothing.
expect_exit 0 -- "$BRAN" push --db "$WORK/south.db" --to "$PG_URI" --site south
[ "$(pg_sql "SELECT count(*) FROM bran.session" "$NORTH_URI")" = 400 ] && pass || fail "site_north sees sessions of another site"
[ "$(pg_sql "SELECT count(*) FROM bran.session" "$AUDITOR_URI")" = 700 ] && pass || fail "the auditor does not see every session"
for statement in "UPDATE bran.event SET new_value = '1'" "DELETE FROM bran.session" \
                 "INSERT INTO bran.site_role VALUES ('south', 'auditor')"; do
  if pg_sql "$statement" "$AUDITOR_URI" > /dev/null 2>&1; then fail "the auditor could: $statement"; else pass; fi
done
if pg_sql "UPDATE bran.event SET new_value = '1'" "$NORTH_URI" > /dev/null 2>&1; then fail "a site could change its events"; else pass; fi
expect_exit 0 -- "$BRAN" audit verify --db "$AUDITOR_URI"
expect_out_match "^intact: [0-9]+ answer events in 700 sessions from 2 sites"
# Two sites' figures together: the central audit counts both files' sessions.
total=$("$BRAN" audit --db "$AUDITOR_URI" --format csv | awk -F, 'NR==2 {print $2}')
[ "$total" = 700 ] && pass || fail "the central audit counts $total sessions, not 700"

# --- Two sites pushing at once, and one site pushing twice at once: each whole, nothing twice.
"$GENERATE" --db "$WORK/a.db" --sessions 150 --seed 21 > /dev/null
"$GENERATE" --db "$WORK/b.db" --sessions 150 --seed 22 > /dev/null
before=$(pg_sql "SELECT count(*) FROM bran.event")
pids=()
for run in a1 a2 b1; do
  db=${run%?}
  BRAN_PUSH_BATCH_EVENTS=200 "$BRAN" push --db "$WORK/$db.db" --to "$PG_URI" --site "site-$db" > "$WORK/$run.out" 2>&1 &
  pids+=($!)
done
for i in 0 1 2; do wait "${pids[$i]}" || fail "a push at the same time as others failed: $(cat "$WORK"/*1.out "$WORK"/a2.out)"; done
want=$((before + $(sqlite3 "$WORK/a.db" "SELECT count(*) FROM event") + $(sqlite3 "$WORK/b.db" "SELECT count(*) FROM event")))
[ "$(pg_sql "SELECT count(*) FROM bran.event")" = "$want" ] && pass || fail "pushes at the same time lost or doubled events"
expect_exit 0 -- "$BRAN" audit verify --db "$PG_URI"

# --- A site database that is not the one that pushed as that site before.
"$GENERATE" --db "$WORK/other.db" --sessions 20 --seed 13 > /dev/null
expect_exit 1 -- "$BRAN" push --db "$WORK/other.db" --to "$PG_URI" --site north
expect_err_match "knows site \"north\" by another database's key.*nothing was sent"

# --- A session brought to a second site is refused there: it belongs to the first.
"$BRAN" export fhir --db "$WORK/south.db" > "$WORK/south-records.json"
"$BRAN" import "$WORK/south-records.json" --db "$WORK/west.db" > /dev/null
expect_exit 1 -- "$BRAN" push --db "$WORK/west.db" --to "$PG_URI" --site west
expect_err_match "is already in the central database from site \"south\""

# --- A tampered site database is not pushed.
cp "$WORK/south.db" "$WORK/bad.db"; cp "$WORK/south.db.key" "$WORK/bad.db.key"; cp "$WORK/south.db.receipts" "$WORK/bad.db.receipts"
sqlite3 "$WORK/bad.db" "UPDATE event SET new_value = '\"x\"' WHERE n = 7"
expect_exit 1 -- "$BRAN" push --db "$WORK/bad.db" --to "$PG_URI" --site south
expect_err_match "bad.db: fails bran audit verify, so nothing was sent: session .* \(record #7\): changed"

# --- A site rolled back after it pushed is caught when it pushes again (the central witness).
"$GENERATE" --db "$WORK/east.db" --sessions 30 --seed 14 > /dev/null
mkdir "$WORK/backup"; cp "$WORK"/east.db* "$WORK/backup/"
expect_exit 0 -- "$BRAN" push --db "$WORK/east.db" --to "$PG_URI" --site east
"$GENERATE" --db "$WORK/more.db" --sessions 5 --seed 15 > /dev/null
"$BRAN" export fhir --db "$WORK/more.db" > "$WORK/more.json"
"$BRAN" import "$WORK/more.json" --db "$WORK/east.db" > /dev/null
expect_exit 0 -- "$BRAN" push --db "$WORK/east.db" --to "$PG_URI" --site east
cp "$WORK"/backup/east.db* "$WORK/"
expect_exit 1 -- "$BRAN" push --db "$WORK/east.db" --to "$PG_URI" --site east
expect_err_match "already holds [0-9]+ events from site \"east\", but this database has only [0-9]+: it was rolled back"
"$GENERATE" --db "$WORK/other2.db" --sessions 9 --seed 16 > /dev/null
"$BRAN" export fhir --db "$WORK/other2.db" > "$WORK/other2.json"
"$BRAN" import "$WORK/other2.json" --db "$WORK/east.db" > /dev/null
expect_exit 1 -- "$BRAN" push --db "$WORK/east.db" --to "$PG_URI" --site east
expect_err_match "its record #[0-9]+ is not the one it pushed.*rolled back after that push"

# --- Records brought on a stick, imported straight to the central database.
export XDG_DATA_HOME="$WORK/xdg"
pg_sql "INSERT INTO bran.site_role (site, role) VALUES ('import', 'site_north')"
"$GENERATE" --db "$WORK/stick.db" --sessions 6 --seed 17 > /dev/null
"$BRAN" export fhir --db "$WORK/stick.db" > "$WORK/stick.json"
expect_exit 0 -- "$BRAN" import "$WORK/stick.json" "$SOURCE_DIR/tests/data/records/by-hand.json" --db "$NORTH_URI"
expect_out_match "^7 imported, 0 already recorded, 0 files rejected$"
expect_out_match "^site import: [0-9]+ events of 7 sessions sent"
expect_exit 0 -- "$BRAN" import "$WORK/stick.json" --db "$NORTH_URI"
expect_out_match "^0 imported, 6 already recorded, 0 files rejected$"
expect_out_match "^site import: 0 events of 0 sessions sent"
# Records already brought in by another site are refused before they go anywhere, saying which
# and where; nothing is lost, and later records are imported and sent as before (they once stuck
# behind the refused ones in this computer's site database).
expect_exit 1 -- "$BRAN" import "$WORK/more.json" --db "$NORTH_URI"
expect_err_match "more.json:[0-9]+:[0-9]+: /entry/0/resource: session [0-9a-f-]{36} is already in the central database from site \"east\": it is that site's record, so nothing of this file was imported$"
expect_out_match "^0 imported, 0 already recorded, 1 files rejected$"
"$GENERATE" --db "$WORK/stick2.db" --sessions 4 --seed 19 > /dev/null
"$BRAN" export fhir --db "$WORK/stick2.db" > "$WORK/stick2.json"
expect_exit 0 -- "$BRAN" import "$WORK/stick2.json" --db "$NORTH_URI"
expect_out_match "^4 imported, 0 already recorded, 0 files rejected$"
expect_out_match "^site import: [0-9]+ events of 4 sessions sent"

# --- Tampering with the central copies is found and named.
expect_exit 0 -- "$BRAN" audit verify --db "$PG_URI"
pg_sql "UPDATE bran.event SET new_value = '4' WHERE source = 'south' AND n = 25"
expect_exit 1 -- "$BRAN" audit verify --db "$PG_URI"
expect_err_match "session .* \(record #25\): changed: this answer from site south is not what the site sent"
expect_out_match "^tampering found$"
# Put it back from the site, as an administrator would: the copy verifies again.
original=$(sqlite3 "$WORK/south.db" "SELECT quote(new_value) FROM event WHERE n = 25")
pg_sql "UPDATE bran.event SET new_value = $original WHERE source = 'south' AND n = 25"
expect_exit 0 -- "$BRAN" audit verify --db "$PG_URI"
# An audit figure changed behind bran's back: the session's own answers give it away.
changed=$(pg_sql "SELECT id FROM bran.session WHERE source = 'north' AND concordance IN (0, 1) ORDER BY id LIMIT 1")
pg_sql "UPDATE bran.session SET concordance = 1 - concordance WHERE id = '$changed'"
expect_exit 1 -- "$BRAN" audit verify --db "$PG_URI"
expect_err_match "^.*: session $changed: session-changed: concordance is recorded as [01] but the answers give [01]$"
pg_sql "UPDATE bran.session SET concordance = 1 - concordance WHERE id = '$changed'"
# The code the central audit counts by, changed alone.
pg_sql "UPDATE bran.session SET audit_facts = audit_facts + 2 WHERE id = '$changed'"
expect_exit 1 -- "$BRAN" audit verify --db "$PG_URI"
expect_err_match "^.*: session $changed: session-changed: its audit code is recorded as [0-9]+ but its figures give [0-9]+$"
pg_sql "UPDATE bran.session SET audit_facts = audit_facts - 2 WHERE id = '$changed'"
# The newest events cut off.
last=$(pg_sql "SELECT max(n) FROM bran.event WHERE source = 'south'")
pg_sql "DELETE FROM bran.event WHERE source = 'south' AND n = $last"
expect_exit 1 -- "$BRAN" audit verify --db "$PG_URI"
expect_err_match "truncated: site south sent $last events, but only $((last - 1)) are here"

# --- Bad input: a newer schema, wrong credentials, the server down. Each names the database.
current_version=$(pg_sql "SELECT version FROM bran.schema_version")
pg_sql "UPDATE bran.schema_version SET version = 99"
expect_exit 1 -- "$BRAN" audit --db "$PG_URI"
expect_err_match "^postgresql:///postgres\?host=.*: its bran schema is version 99, newer than this bran knows"
expect_exit 1 -- "$BRAN" db init --db "$PG_URI"
expect_err_match "newer than this bran knows .*nothing was changed"
[ "$(pg_sql "SELECT version FROM bran.schema_version")" = 99 ] && pass || fail "db init changed a newer schema"
pg_sql "UPDATE bran.schema_version SET version = $current_version"
pg_sql "CREATE ROLE carol LOGIN PASSWORD 'right' IN ROLE bran_auditor"
sed -i '1i local all carol scram-sha-256' "$PG_DIR/data/pg_hba.conf"
"${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" reload > /dev/null
sleep 0.5
PGPASSWORD=wrong expect_exit 1 -- "$BRAN" audit --db "$(pg_uri_as carol)"
expect_err_match "cannot connect: .*password authentication failed for user \"carol\""
PGPASSWORD=right expect_exit 0 -- "$BRAN" audit --db "$(pg_uri_as carol)"
expect_exit 1 -- "$BRAN" audit --db "postgresql://someone:secret@/postgres?host=$PG_DIR"
if grep -q secret "$WORK/err"; then fail "a password was printed: $(cat "$WORK/err")"; else pass; fi
stop_postgres
expect_exit 1 -- "$BRAN" push --db "$WORK/north.db" --to "$PG_URI" --site north
expect_err_match "^postgresql:///postgres\?host=.*: cannot connect: .*(No such file|Is the server running)"
[ "$(grep -c . "$WORK/err")" = 1 ] && pass || fail "the error is said more than once: $(cat "$WORK/err")"
finish
