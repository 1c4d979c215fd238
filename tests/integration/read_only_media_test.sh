#!/usr/bin/env bash
# An auditor's commands on a record on read-only media (a write-protected stick, an archive
# mount): audit, verify and export read it as it stands, and nothing is written beside it. They
# failed, since reading a WAL database makes an -shm file beside it. Needs root for the mount;
# without it prints "skipped: ...".
source "$(dirname "$0")/lib.sh"
GENERATE=${GENERATE:?set GENERATE to bran_generate_sessions}
mkdir -p "$WORK/src" "$WORK/ro"
"$GENERATE" --db "$WORK/src/a.db" --sessions 5 --seed 1 > /dev/null || fail "generator failed"
cp "$SOURCE_DIR/tests/data/db/v1.db" "$WORK/src/older.db"   # recorded by a bran from before value-concordance.md
expected_audit=$("$BRAN" audit --db "$WORK/src/a.db" --format json)
if ! mount --bind "$WORK/src" "$WORK/ro" 2> /dev/null || ! mount -o remount,bind,ro "$WORK/ro" 2> /dev/null; then
  umount "$WORK/ro" 2> /dev/null
  echo "skipped: cannot mount a read-only folder (needs root)"; finish; exit
fi
trap 'umount "$WORK/ro" 2> /dev/null; rm -rf "$WORK"' EXIT
before=$(ls "$WORK/src")
expect_exit 0 -- "$BRAN" audit --db "$WORK/ro/a.db" --format json
if [ "$(cat "$WORK/out")" = "$expected_audit" ]; then pass; else fail "the audit on read-only media differs"; fi
# A record from an older bran cannot be assessed again here: the audit says which rule it used.
expect_exit 0 -- "$BRAN" audit --db "$WORK/ro/older.db" --format json
expect_out_match '"concordance_rule": "weighted-sum/1"'
expect_err_match "value concordance here is by the older rule"
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/ro/a.db"
expect_out_match "^intact: [0-9]+ answer events in 5 sessions$"
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/ro/a.db"
expect_out_match '"resourceType": "Bundle"'
"$GENERATE" --db "$WORK/other.db" --sessions 2 --seed 9 > /dev/null
"$BRAN" export fhir --db "$WORK/other.db" > "$WORK/records.json"
# Recording there is still refused, saying why.
expect_exit 1 -- "$BRAN" import "$WORK/records.json" --db "$WORK/ro/a.db"
expect_err_match "cannot be written to"
umount "$WORK/ro"
if [ "$(ls "$WORK/src")" = "$before" ]; then pass; else fail "files were left beside the record: $(ls "$WORK/src" | tr '\n' ' ')"; fi
finish
