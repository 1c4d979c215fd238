#!/usr/bin/env bash
# `bran audit` against an oracle that shares no code with it, for every grouping and filter,
# and `bran audit verify` against tampering done behind bran's back with the sqlite3 tool.
source "$(dirname "$0")/lib.sh"
GENERATE=${GENERATE:?set GENERATE}
ORACLE="$SOURCE_DIR/tests/integration/audit_oracle.py"

"$GENERATE" --db "$WORK/a.db" --sessions 2500 --seed 11 --facts "$WORK/facts.csv" > /dev/null || fail "generator"
check() {  # check ORACLE-ARGS -- BRAN-ARGS
  local oracle_args=() bran_args=()
  while [ "$1" != "--" ]; do oracle_args+=("$1"); shift; done; shift
  bran_args=("$@")
  if "$BRAN" audit --db "$WORK/a.db" --format json "${bran_args[@]}" > "$WORK/audit.json" 2> "$WORK/err" &&
     python3 "$ORACLE" "$WORK/facts.csv" "$WORK/audit.json" "${oracle_args[@]}" > "$WORK/oracle.out"; then pass
  else fail "audit ${bran_args[*]}"; cat "$WORK/oracle.out" "$WORK/err" >&2; fi
}
check --
for g in clinician site month option knowledge; do check group_by=$g -- --group-by $g; done
check aid=psa-testing -- --aid psa-testing
check aid=af-anticoagulation group_by=clinician -- --aid af-anticoagulation --group-by clinician
check from=2026-02-01 to=2026-03-31 -- --from 2026-02-01 --to 2026-03-31
check from=2026-03-15 group_by=month -- --from 2026-03-15 --group-by month
check to=2026-01-31 aid=knee-osteoarthritis group_by=site -- --to 2026-01-31 --aid knee-osteoarthritis --group-by site
check aid=statins-primary-prevention group_by=site -- --aid statins-primary-prevention --group-by site
# Unwarranted variation is found where it is: on a copy where one clinician's choices never fit what
# their patients said, that clinician is flagged below the 99.8% limits, and no other clinician is
# flagged below them.
cp "$WORK/a.db" "$WORK/outlier.db"
sqlite3 "$WORK/outlier.db" "UPDATE session SET concordance = 0, informed_choice = 0 WHERE clinician = 'C03' AND concordance = 1"
"$BRAN" audit --db "$WORK/outlier.db" --format json --group-by clinician > "$WORK/outlier.json" || fail "audit of the outlier copy"
python3 - "$WORK/outlier.json" <<'PY' && pass || fail "an outlying clinician was not flagged"
import json, sys
groups = {g["key"]: g["variation"]["concordance"] for g in json.load(open(sys.argv[1]))["groups"]}
c03 = groups["C03"]
assert c03["outside"] == "99.8" and c03["direction"] == "below" and c03["rate"] == 0.0, c03
assert c03["lower998"] > 0.2, c03
assert not any(v["outside"] == "99.8" and v["direction"] == "below" for k, v in groups.items() if k != "C03"), groups
PY
"$BRAN" audit --db "$WORK/outlier.db" --group-by clinician > "$WORK/outlier.txt" || fail "audit table of the outlier copy"
grep -q "concordance: 0.0% of [0-9]*, below the 99.8% limits" "$WORK/outlier.txt" && pass || { fail "the table does not flag the outlier"; cat "$WORK/outlier.txt" >&2; }
# Empty: nothing matches, yet the answer is one group "all" with zeros and no rates.
check aid=no-such-aid -- --aid no-such-aid
check from=2030-01-01 group_by=site -- --from 2030-01-01 --group-by site
python3 -c "
import json; d=json.load(open('$WORK/audit.json'))
assert d['groups']==[] and d['filters']['group_by']=='site' and d['filters']['from']=='2030-01-01', d" && pass || fail "empty grouped audit"
"$BRAN" audit --db "$WORK/a.db" --format json --aid no-such-aid > "$WORK/empty.json"
python3 -c "
import json; g=json.load(open('$WORK/empty.json'))['groups']
assert len(g)==1 and g[0]['key']=='all' and g[0]['sessions']==0 and g[0]['concordance']['rate'] is None, g" && pass || fail "empty ungrouped audit"

# A database recorded by a bran from before docs/value-concordance.md: the audit first assesses its
# sessions again from their answers (once), then counts them by the current rule, and says so.
cp "$SOURCE_DIR/tests/data/db/v1.db" "$WORK/older.db"
expect_exit 0 -- "$BRAN" audit --db "$WORK/older.db" --format json
expect_out_match '"concordance_rule": "value-concordance/2"'
[ "$(sqlite3 "$WORK/older.db" "PRAGMA user_version")" -ge 6 ] && pass || fail "the older database was not migrated"
[ "$(sqlite3 "$WORK/older.db" "SELECT count(*) FROM setting WHERE key = 'sessions_to_reassess'")" = 0 ] && pass \
  || fail "the older database's sessions were not assessed again"
expect_exit 0 -- "$BRAN" audit --db "$WORK/a.db" --format json
expect_out_match '"no_clear_fit": [0-9]+'

# CSV opens in a spreadsheet: a header and one row per group, the same counts as JSON.
expect_exit 0 -- "$BRAN" audit --db "$WORK/a.db" --format csv --group-by site
python3 - "$WORK/out" "$WORK/a.db" <<'PY' && pass || fail "csv"
import csv, sys, sqlite3
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
assert [r['group'] for r in rows] == ['north', 'south', 'west'], rows
db = sqlite3.connect(sys.argv[2])
for r in rows:
    n = db.execute("select count(*) from session where site=?", (r['group'],)).fetchone()[0]
    assert int(r['sessions']) == n
PY
expect_exit 0 -- "$BRAN" audit --db "$WORK/a.db"
expect_out_match "^Personal-value audit"
expect_exit 2 -- "$BRAN" audit --db "$WORK/a.db" --group-by colour
expect_exit 2 -- "$BRAN" audit --db "$WORK/a.db" --from 1/2/2026
expect_exit 2 -- "$BRAN" audit --db "$WORK/a.db" --to 2026-02-30
expect_err_match 'dates are YYYY-MM-DD, not "2026-02-30"'
expect_exit 2 -- "$BRAN" audit
expect_exit 1 -- "$BRAN" audit --db "$WORK/none.db"

# Tampering behind bran's back, each on a fresh copy; verify must name the first bad record.
"$GENERATE" --db "$WORK/t.db" --sessions 60 --seed 5 > /dev/null
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/t.db"
expect_out_match "^intact: [0-9]+ answer events in 60 sessions$"
expect_out_match "^chain head: record #$(sqlite3 "$WORK/t.db" "SELECT max(n) FROM event") [0-9a-f]{64}$"
tamper() {  # tamper NAME SQL EXPECTED-STDERR-REGEX
  cp "$WORK/t.db" "$WORK/$1.db"; cp "$WORK/t.db.key" "$WORK/$1.db.key"; cp "$WORK/t.db.receipts" "$WORK/$1.db.receipts"
  sqlite3 "$WORK/$1.db" "$2" || { fail "$1: sqlite3 failed"; return; }
  expect_exit 1 -- "$BRAN" audit verify --db "$WORK/$1.db"
  expect_err_match "$3"
}
id10=$(sqlite3 "$WORK/t.db" "SELECT session_id FROM event WHERE n = 10")
seq10=$(sqlite3 "$WORK/t.db" "SELECT seq FROM event WHERE n = 10")
tamper changed "UPDATE event SET new_value = '\"unsure\"' WHERE n = 10" "session $id10 event $seq10 \(record #10\): changed"
# Even with a hash recomputed inside the file, the keyed chain does not match.
tamper rehashed "UPDATE event SET new_value = '0', mac = sha3(new_value || 'x', 256) WHERE n = 10" "session $id10 event $seq10 \(record #10\): changed"
tamper deleted "DELETE FROM event WHERE n = 10" "record #11\): deleted"
tamper inserted "INSERT INTO event (n, session_id, seq, at, setting, step, item, old_value, new_value, mac) SELECT (SELECT max(n) FROM event) + 1, session_id, 99, at, setting, step, item, NULL, '4', randomblob(32) FROM event WHERE n = 10" ": changed"
last=$(sqlite3 "$WORK/t.db" "SELECT max(n) FROM event")
tamper truncated "DELETE FROM event WHERE n > $((last - 3))" "truncated: bran had recorded $last events, but only $((last - 3)) are left"
tamper facts "UPDATE session SET concordance = 1 - concordance WHERE concordance IS NOT NULL AND rowid = (SELECT min(rowid) FROM session WHERE concordance IS NOT NULL)" "session-changed: concordance is recorded as"
tamper session-gone "PRAGMA foreign_keys=OFF; DELETE FROM session WHERE id = '$id10'" "session $id10 .*session-deleted"
# A completed session with no answers, made up to move the audit's figures.
tamper fabricated "INSERT INTO session (id, aid_version_id, pseudonym, clinician, site, locale, started_at, updated_at, status, step, choice, concordance, knowledge_adequate, informed_choice, sure_score, event_count) SELECT 'made-up-session', aid_version_id, NULL, clinician, site, locale, started_at, updated_at, 'completed', step, choice, 1, 1, 1, 4, 0 FROM session WHERE status = 'completed' LIMIT 1" "session made-up-session: session-inserted: bran did not record this session"
# Everything else the audit counts: who, where, when, the status and the aid shown.
tamper clinician "UPDATE session SET clinician = 'someone-else' WHERE id = '$id10'" "session $id10: session-changed: clinician is recorded as \"someone-else\" but bran recorded"
tamper site "UPDATE session SET site = 'elsewhere' WHERE id = '$id10'" "session $id10: session-changed: site is recorded as \"elsewhere\" but bran recorded"
tamper start "UPDATE session SET started_at = '2019-01-01T09:00:00+00:00' WHERE id = '$id10'" "session $id10: session-changed: start is recorded as \"2019-01-01T09:00:00\+00:00\" but bran recorded"
tamper status "UPDATE session SET status = CASE status WHEN 'completed' THEN 'abandoned' ELSE 'completed' END WHERE id = '$id10'" "session $id10: session-changed: status is recorded as"
tamper aid-id "UPDATE aid_version SET aid_id = 'another-aid'" "session-changed: aid is recorded as \"another-aid\" but bran recorded"
tamper aid-text "UPDATE aid_version SET content = replace(content, '\"en-GB\"', '\"en-gb\"')" "is not the text the patient was shown"
tamper wiped "PRAGMA foreign_keys=OFF; DELETE FROM event WHERE session_id = '$id10'; DELETE FROM session WHERE id = '$id10'" ": deleted: the record jumps"
tamper renumbered "DELETE FROM event WHERE n = 10; UPDATE event SET n = n - 1 WHERE n > 10" ": changed"
# Answers lost from the end of the database (as with a deleted -wal file) are told at the next
# open for recording, by import here, and nothing is imported over them silently.
cp "$WORK/t.db" "$WORK/lost.db"; cp "$WORK/t.db.key" "$WORK/lost.db.key"; cp "$WORK/t.db.receipts" "$WORK/lost.db.receipts"
sqlite3 "$WORK/lost.db" "DELETE FROM event WHERE n > $((last - 2))"
"$GENERATE" --db "$WORK/five.db" --sessions 5 --seed 7 > /dev/null
"$BRAN" export fhir --db "$WORK/five.db" > "$WORK/five.json"
expect_exit 0 -- "$BRAN" import "$WORK/five.json" --db "$WORK/lost.db"
expect_err_match "lost.db: bran had recorded $last events here, but the database ends at #$((last - 2)): the newest 2 were lost"
# Receipts gone: the answers are unchanged, but removals at the end cannot be checked, which is
# not "intact".
mv "$WORK/t.db.receipts" "$WORK/kept.receipts"
expect_exit 1 -- "$BRAN" audit verify --db "$WORK/t.db"
expect_out_match "^not fully checked: [0-9]+ answer events in 60 sessions are unchanged"
expect_err_match "t.db.receipts: the receipts file is missing or cannot be read"
mv "$WORK/kept.receipts" "$WORK/t.db.receipts"
rm "$WORK/t.db.key"
expect_exit 1 -- "$BRAN" audit verify --db "$WORK/t.db"
expect_err_match "t.db.key: the chain key is missing"
finish
