#!/usr/bin/env bash
# `bran import` of records it did not write: a record made by hand from session-record.md alone
# imports, exports, and imports again unchanged; and the harder inputs an import can meet.
source "$(dirname "$0")/lib.sh"

# A record with no bran extensions (tests/data/records/by-hand.json): first import, export,
# import of that export into a new database, export again. The Bundle carries no id or
# timestamp, so the two exports must be identical byte for byte, with nothing removed.
by_hand="$SOURCE_DIR/tests/data/records/by-hand.json"
expect_exit 0 -- "$BRAN" import "$by_hand" --db "$WORK/first.db"
expect_out_match "^1 imported, 0 already recorded, 0 files rejected$"
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/first.db"
cp "$WORK/out" "$WORK/first-export.json"
expect_exit 0 -- "$BRAN" import "$WORK/first-export.json" --db "$WORK/second.db"
expect_out_match "^1 imported, 0 already recorded, 0 files rejected$"
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/second.db"
if cmp -s "$WORK/out" "$WORK/first-export.json"; then pass; else fail "second export differs"; diff "$WORK/first-export.json" "$WORK/out" | head >&2; fi
# And the export of an import is itself already recorded, unchanged, where it came from.
expect_exit 0 -- "$BRAN" import "$WORK/first-export.json" --db "$WORK/first.db"
expect_out_match "^0 imported, 1 already recorded, 0 files rejected$"
# Free text is limited to 4,000 characters, not bytes: 2,001 "é" (4,002 bytes) are accepted,
# 4,001 characters are not.
what_matters() {  # what_matters TEXT OUT: the hand-made record with another answer to what-matters
  python3 - "$by_hand" "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r['item'][0]['answer'][0]['valueString'] = sys.argv[2]
json.dump(r, open(sys.argv[3], 'w'), indent=2, ensure_ascii=False)
PY
}
what_matters "$(printf 'é%.0s' $(seq 2001))" "$WORK/accented.json"
expect_exit 0 -- "$BRAN" import "$WORK/accented.json" --db "$WORK/text.db"
what_matters "$(printf 'é%.0s' $(seq 4000))" "$WORK/accented-4000.json"
expect_exit 0 -- "$BRAN" import "$WORK/accented-4000.json" --db "$WORK/text-4000.db"
what_matters "$(printf 'a%.0s' $(seq 4001))" "$WORK/too-long.json"
expect_exit 1 -- "$BRAN" import "$WORK/too-long.json" --db "$WORK/text-long.db"
expect_err_match "^$WORK/too-long.json:[0-9]+:[0-9]+: /item/0/answer/0/valueString: is longer than 4000 characters$"
# A bran extension given twice (two sites, two answer times) is refused where the second one is.
python3 - "$by_hand" "$WORK" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r['extension'] = [{'url': 'urn:bran:site', 'valueString': 'north'}, {'url': 'urn:bran:site', 'valueString': 'south'}]
json.dump(r, open(sys.argv[2] + '/two-sites.json', 'w'), indent=2)
r = json.load(open(sys.argv[1]))
r['item'][1]['extension'] = [{'url': 'urn:bran:answered-at', 'valueDateTime': '2026-11-20T14:01:00+00:00'},
                             {'url': 'urn:bran:answered-at', 'valueDateTime': '2026-11-20T14:02:00+00:00'}]
json.dump(r, open(sys.argv[2] + '/two-times.json', 'w'), indent=2)
PY
expect_exit 1 -- "$BRAN" import "$WORK/two-sites.json" --db "$WORK/dup.db"
expect_err_match "^$WORK/two-sites.json:[0-9]+:[0-9]+: /extension/1: a second \"urn:bran:site\" extension: keep only one$"
expect_exit 1 -- "$BRAN" import "$WORK/two-times.json" --db "$WORK/dup.db"
expect_err_match "^$WORK/two-times.json:[0-9]+:[0-9]+: /item/1/extension/1: a second \"urn:bran:answered-at\" extension: keep only one$"
[ "$(sqlite3 "$WORK/dup.db" "SELECT count(*) FROM session")" = 0 ] && pass || fail "a record with a repeated extension was imported"
# The same session with another clinician, site or start is a conflict, named as such.
python3 - "$by_hand" "$WORK" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r['author']['identifier']['value'] = 'GP-09'
json.dump(r, open(sys.argv[2] + '/other-clinician.json', 'w'), indent=2)
r = json.load(open(sys.argv[1]))
r['extension'] = [{'url': 'urn:bran:site', 'valueString': 'south'}]
json.dump(r, open(sys.argv[2] + '/other-site.json', 'w'), indent=2)
r = json.load(open(sys.argv[1]))
r['extension'] = [{'url': 'urn:bran:started', 'valueDateTime': '2026-11-19T09:00:00+00:00'}]
json.dump(r, open(sys.argv[2] + '/other-start.json', 'w'), indent=2)
PY
for kind in clinician site start; do
  expect_exit 1 -- "$BRAN" import "$WORK/other-$kind.json" --db "$WORK/first.db"
  expect_err_match "^$WORK/other-$kind.json:[0-9]+:[0-9]+: session 6d3c1f0e-2b7a-4c58-9e41-8f0a5b2d7c13 is already recorded with a different $kind: .* here, .* in this file; nothing recorded was changed$"
  expect_out_match "^0 imported, 0 already recorded, 1 files rejected$"
done
expect_err_match 'different start: "2026-11-20T14:05:00\+00:00" here, "2026-11-19T09:00:00\+00:00" in this file'

# Two imports of one file at the same moment: one imports it, the other finds it recorded (or
# waits for the first); neither fails. A fresh database each round, so its creation races too.
"$GENERATE" --db "$WORK/many.db" --sessions 30 --seed 11 > /dev/null || fail "generator failed"
"$BRAN" export fhir --db "$WORK/many.db" > "$WORK/many.json"
for round in $(seq 10); do
  db="$WORK/race-$round.db"
  "$BRAN" import "$WORK/many.json" --db "$db" > "$WORK/race-a.out" 2> "$WORK/race-a.err" &
  a=$!
  "$BRAN" import "$WORK/many.json" --db "$db" > "$WORK/race-b.out" 2> "$WORK/race-b.err" &
  b=$!
  wait $a; rc_a=$?
  wait $b; rc_b=$?
  if [ "$rc_a" -eq 0 ] && [ "$rc_b" -eq 0 ]; then pass
  else fail "round $round: exits $rc_a and $rc_b"; cat "$WORK/race-a.err" "$WORK/race-b.err" | sed 's/^/  stderr: /' >&2; fi
  outcomes=$(cat "$WORK/race-a.out" "$WORK/race-b.out" | sort | tr '\n' '|')
  [ "$outcomes" = "0 imported, 30 already recorded, 0 files rejected|30 imported, 0 already recorded, 0 files rejected|" ] \
    && pass || fail "round $round: $outcomes"
  [ "$(sqlite3 "$db" "SELECT count(*) FROM session")" = 30 ] && pass || fail "round $round: not 30 sessions"
  "$BRAN" audit verify --db "$db" > /dev/null 2>&1 && pass || fail "round $round: audit verify failed"
done
# An export over 4 MiB (600 sessions; the aids' limit stopped records at about 550) goes back in
# whole, and its export is the same bytes.
"$GENERATE" --db "$WORK/six-hundred.db" --sessions 600 --seed 12 > /dev/null || fail "generator failed"
"$BRAN" export fhir --db "$WORK/six-hundred.db" > "$WORK/six-hundred.json"
[ "$(stat -c %s "$WORK/six-hundred.json")" -gt $((4 * 1024 * 1024)) ] && pass || fail "the 600-session export is not over 4 MiB (test is void)"
expect_exit 0 -- "$BRAN" import "$WORK/six-hundred.json" --db "$WORK/six-hundred-again.db"
"$BRAN" export fhir --db "$WORK/six-hundred-again.db" | cmp -s - "$WORK/six-hundred.json" && pass \
  || fail "the 600-session export, imported and exported again, differs"
# A file with 100,000 unknown fields: the first 20 problems and a count, for import and validate
# alike, and quickly (the file is one line, where each position was a scan of the line).
python3 - "$by_hand" "$SOURCE_DIR/content/decision-aids/psa-testing.json" "$WORK" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for i in range(100000): r['unknown-%06d' % i] = i
json.dump(r, open(sys.argv[3] + '/many-unknown.json', 'w'))
aid = json.load(open(sys.argv[2]))
for i in range(100000): aid['unknown-%06d' % i] = i
json.dump(aid, open(sys.argv[3] + '/many-unknown-aid.json', 'w'))
PY
start=$(date +%s)
scale=${BRAN_TIME_SCALE:-1}
expect_exit 1 -- timeout $((60 * scale)) "$BRAN" import "$WORK/many-unknown.json" --db "$WORK/many-unknown.db"
[ "$(wc -l < "$WORK/err")" -eq 21 ] && pass || fail "import printed $(wc -l < "$WORK/err") lines, wanted 20 and a count"
expect_err_line "$WORK/many-unknown.json: ... and 99980 more problems in this file"
expect_exit 1 -- timeout $((60 * scale)) "$BRAN" validate "$WORK/many-unknown-aid.json"
[ "$(wc -l < "$WORK/err")" -eq 21 ] && pass || fail "validate printed $(wc -l < "$WORK/err") lines, wanted 20 and a count"
expect_err_match "^$WORK/many-unknown-aid.json: \.\.\. and [0-9]+ more problems in this file$"
[ $(( $(date +%s) - start )) -le $((30 * scale)) ] && pass || fail "100,000 unknown fields took over $((30 * scale)) s"
finish
