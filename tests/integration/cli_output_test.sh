#!/usr/bin/env bash
# What bran writes is safe where it lands: a full disk is an error, not a silent success; a site
# code that looks like a formula reaches the CSV as text; an empty export is valid FHIR.
source "$(dirname "$0")/lib.sh"
GENERATE=${GENERATE:?set GENERATE to bran_generate_sessions}

"$GENERATE" --db "$WORK/home.db" --sessions 5 --seed 3 > /dev/null || fail "generator failed"

# Standard output on a full disk: exit 1 and say so.
full_disk() {
  "$@" > /dev/full 2> "$WORK/err"
  local got=$?
  if [ "$got" -eq 1 ]; then pass; else fail "exit $got on a full disk, wanted 1: $*"; fi
  expect_err_line "bran: standard output: No space left on device"
}
full_disk "$BRAN" export fhir --db "$WORK/home.db"
for format in csv json table; do full_disk "$BRAN" audit --db "$WORK/home.db" --format "$format"; done
full_disk "$BRAN" audit --help

# A site code from an imported record that a spreadsheet would run as a formula.
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/home.db"
python3 - "$WORK/out" "$WORK/formula.json" <<'PY' || fail "could not write the record"
import json, sys
bundle = json.load(open(sys.argv[1]))
qr = bundle['entry'][0]['resource']
qr['extension'] = [e for e in qr.get('extension', []) if e['url'] != 'urn:bran:site']
qr['extension'].append({'url': 'urn:bran:site', 'valueString': '=HYPERLINK("http://x","y")'})
bundle['entry'] = bundle['entry'][:1]
json.dump(bundle, open(sys.argv[2], 'w'))
PY
expect_exit 0 -- "$BRAN" import "$WORK/formula.json" --db "$WORK/formula.db"
expect_exit 0 -- "$BRAN" audit --db "$WORK/formula.db" --group-by site --format csv
if grep -qF -- "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1," "$WORK/out"; then pass
else fail "the site's formula is not neutralised in the CSV"; sed 's/^/  stdout: /' "$WORK/out" >&2; fi

# A site code with terminal escapes: the table shows them as text.
python3 - "$WORK/formula.json" "$WORK/escape.json" <<'PY' || fail "could not write the record"
import json, sys
bundle = json.load(open(sys.argv[1]))
qr = bundle['entry'][0]['resource']
next(e for e in qr['extension'] if e['url'] == 'urn:bran:site')['valueString'] = 'north\u001b[2J\u009b31m'
json.dump(bundle, open(sys.argv[2], 'w'))
PY
expect_exit 0 -- "$BRAN" import "$WORK/escape.json" --db "$WORK/escape.db"
expect_exit 0 -- "$BRAN" audit --db "$WORK/escape.db" --group-by site
if LC_ALL=C grep -q $'\x1b\|\xc2\x9b' "$WORK/out"; then fail "the audit table printed a control character"; else pass; fi
expect_out_match '^north\\x1b\[2J\\u009b31m '

# An empty database exports a Bundle with no entry: FHIR has no empty arrays.
printf '{"resourceType": "Bundle", "type": "collection"}' > "$WORK/none.json"
expect_exit 0 -- "$BRAN" import "$WORK/none.json" --db "$WORK/empty.db"
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/empty.db"
python3 -c "import json,sys; b=json.load(open(sys.argv[1])); assert b=={'resourceType':'Bundle','type':'collection'}, b" "$WORK/out" \
  && pass || { fail "an empty export is not a Bundle without entry"; sed 's/^/  stdout: /' "$WORK/out" >&2; }
if grep -q '\[\]' "$WORK/out"; then fail "an empty export has an empty array"; else pass; fi

finish
