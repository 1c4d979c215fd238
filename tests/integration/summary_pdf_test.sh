#!/usr/bin/env bash
# `bran summary`: for every bundled aid (in English, and in Welsh where the aid is translated) a
# session with every item answered becomes an A4 PDF whose text holds the decision, every option,
# the leaning and the aid's own numbers (for a personalised aid, those of the band the answers
# choose, and the patient's scores by name); its first two pages hold the decision, the leaning,
# the patient's words and the numbers the verdict weighed; no page but the last is nearly empty;
# every font is embedded; large print takes more pages; a bad session id is refused.
# The PDFs and a PNG of each first page are kept in the build folder for people to look at.
source "$(dirname "$0")/lib.sh"
OUT_DIR=${SUMMARY_PDF_DIR:-$(cd "$(dirname "$BRAN")/.." && pwd)/summary-pdf}
mkdir -p "$OUT_DIR"
for tool in pdftotext pdffonts pdfinfo pdftoppm; do
  command -v "$tool" > /dev/null || { fail "$tool is missing (Debian poppler-utils)"; finish; exit 1; }
done

# One session record per aid and language, and beside it what the PDF must say.
python3 - "$SOURCE_DIR" "$WORK" <<'PY' || fail "could not write the session records"
import glob, json, os, sys, uuid
source, work = sys.argv[1], sys.argv[2]
catalogs = {tag: json.load(open(os.path.join(source, 'i18n', tag + '.json'), encoding='utf-8')) for tag in ('en-GB', 'cy')}

def text(t, locale):
    return t.get(locale) or t['en-GB']

def grouped(n):
    return '{:,}'.format(n)

cases = []
for path in sorted(glob.glob(os.path.join(source, 'content', 'decision-aids', '*.json'))):
    aid = json.load(open(path, encoding='utf-8'))
    for locale in [l for l in ('en-GB', 'cy') if l in aid['locales']]:
        items = []
        def add(link, answer):
            items.append({'linkId': link, 'answer': [answer]})
        words = 'Dw i’n poeni am fy ŵyr ac am y ŷd ar y fferm.' if locale == 'cy' else 'I worry about being a burden to my family.'
        add('what-matters', {'valueString': words})
        # Risk answers: the second choice of each question (the first when there is one).
        risk = {}
        if 'personalisation' in aid:
            for i, inp in enumerate(aid['personalisation']['inputs']):
                choice = inp['choices'][min(1, len(inp['choices']) - 1) if i % 2 == 0 else 0]
                risk[inp['id']] = choice
                add('risk.' + inp['id'], {'valueCoding': {'code': choice['id']}})
        for i, c in enumerate(aid['criteria']):
            add('value.' + c['id'], {'valueInteger': [4, 3, 1, 2, 0, 4][i % 6]})
        for i, q in enumerate(aid['knowledge']['questions']):
            wrong = [a['id'] for a in q['answers'] if a['id'] != q['correct']]
            add('knowledge.' + q['id'], {'valueCoding': {'code': q['correct'] if i % 2 == 0 else wrong[0]}})
        for item, yes in (('sure', True), ('understand', False), ('risk-benefit', True), ('encouragement', True)):
            add('sure.' + item, {'valueBoolean': yes})
        leaning = aid['options'][-1]
        add('leaning', {'valueCoding': {'code': leaning['id']}})
        add('questions', {'valueString': 'How long would I need to take it for?'})
        sid = str(uuid.uuid4())
        record = {'resourceType': 'QuestionnaireResponse', 'id': sid,
                  'identifier': {'system': 'urn:bran:session', 'value': sid},
                  'questionnaire': 'urn:bran:decision-aid:%s|%s' % (aid['id'], aid['version']),
                  'status': 'completed', 'authored': '2026-11-23T10:15:00+00:00',
                  'extension': [{'url': 'urn:bran:locale', 'valueCode': locale}], 'item': items}
        name = '%s.%s' % (aid['id'], locale)
        json.dump(record, open(os.path.join(work, name + '.record.json'), 'w', encoding='utf-8'), ensure_ascii=False)

        # Scores from the chosen answers, then each outcome's numbers: the band's where it has one.
        scores = {}
        if 'personalisation' in aid:
            for s in aid['personalisation']['scores']:
                scores[s['id']] = sum(ch.get('points', {}).get(s['id'], 0) for ch in risk.values())
        expected = [text(aid['decision'], locale)]
        expected += [text(o['name'], locale) for o in aid['options']]
        expected.append(catalogs[locale]['summary.leaning'].replace('{option}', text(leaning['name'], locale)))
        expected.append(words)
        numbers = []
        first_pages = [text(aid['decision'], locale), words,
                       catalogs[locale]['summary.leaning'].replace('{option}', text(leaning['name'], locale)),

                       # the verdict, to its last line
                       catalogs[locale]['take-home.fit'], catalogs[locale]['summary.fit-not-advice']]
        counts = {}
        weighed = {c.get('outcome') for c in aid['criteria']} - {None}
        first_weighed = next((o['id'] for o in aid['outcomes'] if o['id'] in weighed), aid['outcomes'][0]['id'])
        if len(weighed) <= 3:
            first_pages.append(catalogs[locale]['summary.your-numbers'])
        for outcome in aid['outcomes']:
            table_numbers = outcome['numbers']
            # Numbers are for "people like you" only where they are the patient's own, worked
            # out from their answers; otherwise for "people".
            like_you = False
            for table in aid.get('personalisation', {}).get('tables', []):
                if table['outcome'] != outcome['id']:
                    continue
                value = scores[table['score']]
                for band in table['bands']:
                    if band['min'] <= value <= band['max']:
                        table_numbers = band['numbers']
                        like_you = True
            counts[outcome['id']] = {o['id']: table_numbers[o['id']]['count'] for o in aid['options']}
            # An outcome that is an earlier one counted the other way round is printed once.
            complement = any(o2['id'] in counts and o2['id'] != outcome['id'] and o2['denominator'] == outcome['denominator'] and
                             all(counts[o2['id']][k] + counts[outcome['id']][k] == outcome['denominator'] for k in counts[outcome['id']])
                             for o2 in aid['outcomes'])
            if complement and outcome['id'] not in weighed:
                continue
            for option in aid['options']:
                count = table_numbers[option['id']]['count']
                outcome_name = text(outcome['name'], locale)
                if locale == 'cy':
                    lead = 'Fydd dim un' if count == 0 else 'Bydd %s' % grouped(count)
                    people = 'o bobl fel chi' if like_you else 'o bobl'
                    numbers.append('%s o bob %s %s yn %s' % (lead, grouped(outcome['denominator']), people, outcome_name))
                else:
                    people = 'people like you' if like_you else 'people'
                    numbers.append('%s out of %s %s will %s' % (grouped(count), grouped(outcome['denominator']), people, outcome_name))
                # The first outcome the verdict weighed is pictured on the first two pages, as a
                # count ("17 out of 1,000 people like you") under each option's name.
                # (Four weighed outcomes after a verdict of six ratings, as the PSA aid has, are more
                # than two pages hold: the table begins on the second page and ends on the third.)
                if outcome['id'] in weighed and outcome['id'] == first_weighed and len(weighed) <= 3:
                    if locale == 'cy':
                        lead = 'Dim un' if count == 0 else grouped(count)
                        first_pages.append('%s o bob %s %s' % (lead, grouped(outcome['denominator']), 'o bobl fel chi' if like_you else 'o bobl yn gyffredinol'))
                    else:
                        first_pages.append('%s out of %s %s' % (grouped(count), grouped(outcome['denominator']), 'people like you' if like_you else 'people in general'))
        # A personalised aid names the patient's own scores.
        if 'personalisation' in aid:
            for sc in aid['personalisation']['scores']:
                expected.append('%s %d' % (text(sc['name'], locale), scores[sc['id']]))
        json.dump({'expected': expected, 'numbers': numbers}, open(os.path.join(work, name + '.expect.json'), 'w', encoding='utf-8'),
                  ensure_ascii=False)
        json.dump({'expected': first_pages, 'numbers': []}, open(os.path.join(work, name + '.first.json'), 'w', encoding='utf-8'),
                  ensure_ascii=False)
        cases.append(name)
open(os.path.join(work, 'cases.txt'), 'w').write('\n'.join(cases) + '\n')
PY

check_text() {  # check_text PDF EXPECT.json: every expected phrase is in the PDF's text
  pdftotext -raw -enc UTF-8 "$1" "$WORK/text.txt" || { fail "$1: pdftotext failed"; return; }
  if python3 - "$WORK/text.txt" "$2" <<'PY'; then pass; else fail "$1: text is missing from the PDF"; fi
import json, re, sys
norm = lambda s: re.sub(r'\s+', ' ', s).strip()
# A line may end at a hyphen of the text itself ("non-surgical"): join such lines first.
text = norm(re.sub(r'-\n', '-', open(sys.argv[1], encoding='utf-8').read()))
want = json.load(open(sys.argv[2], encoding='utf-8'))
missing = [p for p in want['expected'] + want['numbers'] if norm(p) not in text]
for p in missing:
    print('  missing: ' + p, file=sys.stderr)
sys.exit(1 if missing else 0)
PY
}
check_first_pages() {  # check_first_pages PDF EXPECT.json: the first two pages hold what a clinician looks for first
  pdfseparate -f 1 -l 2 "$1" "$WORK/page-%d.pdf" && pdfunite "$WORK/page-1.pdf" "$WORK/page-2.pdf" "$WORK/first.pdf" \
    || { fail "$1: cannot take its first two pages"; return; }
  check_text "$WORK/first.pdf" "$2"
}
check_no_near_empty_page() {  # every page but the last is filled at least 40% of the way down
  rm -f "$WORK"/fill-*.pgm
  pdftoppm -gray -r 20 "$1" "$WORK/fill" || { fail "$1: pdftoppm failed"; return; }
  if python3 - "$WORK" <<'PY'; then pass; else fail "$1: a page is nearly empty"; fi
import glob, sys
pages = sorted(glob.glob(sys.argv[1] + '/fill-*.pgm'))
bad = []
for number, path in enumerate(pages[:-1], 1):
    data = open(path, 'rb').read()
    # P5 header: magic, width, height, maxval, then one byte per pixel.
    fields, at = [], 0
    while len(fields) < 4:
        while data[at:at + 1].isspace(): at += 1
        start = at
        while not data[at:at + 1].isspace(): at += 1
        fields.append(data[start:at])
    width, height = int(fields[1]), int(fields[2])
    pixels = data[at + 1:]
    body = int(height * 0.9)  # above the footer
    lowest = max((y for y in range(body) if min(pixels[y * width:(y + 1) * width]) < 200), default=0)
    if lowest < body * 0.4:
        bad.append('page %d is filled only %d%% down' % (number, 100 * lowest // body))
for b in bad:
    print('  ' + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}
check_fonts() {  # every font in the PDF is embedded
  pdffonts "$1" > "$WORK/fonts.txt" 2>&1 || { fail "$1: pdffonts failed"; return; }
  if python3 - "$WORK/fonts.txt" <<'PY'; then pass; else fail "$1: a font is not embedded"; sed 's/^/  /' "$WORK/fonts.txt" >&2; fi
import sys
lines = open(sys.argv[1]).read().splitlines()
header = lines[0]
start = header.index('emb')
rows = [l for l in lines[2:] if l.strip()]
assert rows, 'no fonts at all'
assert all(l[start:start + 3].strip() == 'yes' for l in rows)
assert any('NotoSans' in l for l in rows), 'Noto Sans is not used'
PY
}
pages_of() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

while read -r name; do
  [ -n "$name" ] || continue
  db="$WORK/$name.db"
  expect_exit 0 -- "$BRAN" import "$WORK/$name.record.json" --db "$db"
  sid=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['id'])" "$WORK/$name.record.json")
  pdf="$OUT_DIR/$name.pdf"; large="$OUT_DIR/$name.large.pdf"
  rm -f "$pdf" "$large"
  expect_exit 0 -- "$BRAN" summary --db "$db" --session "$sid" -o "$pdf"
  expect_exit 0 -- "$BRAN" summary --db "$db" --session "$sid" --output "$large" --large-print
  [ -f "$pdf" ] && [ ! -e "$pdf.tmp" ] && pass || fail "$pdf was not written whole"
  check_text "$pdf" "$WORK/$name.expect.json"
  check_text "$large" "$WORK/$name.expect.json"
  check_first_pages "$pdf" "$WORK/$name.first.json"
  check_no_near_empty_page "$pdf"
  check_no_near_empty_page "$large"
  check_fonts "$pdf"
  check_fonts "$large"
  normal_pages=$(pages_of "$pdf"); large_pages=$(pages_of "$large")
  if [ -n "$normal_pages" ] && [ -n "$large_pages" ] && [ "$large_pages" -gt "$normal_pages" ]; then pass
  else fail "$name: large print has $large_pages pages, normal $normal_pages"; fi
  pdftotext -raw "$pdf" "$WORK/plain.txt"
  grep -q "$sid" "$WORK/plain.txt" && pass || fail "$name: the session id is not in the PDF"
  rm -f "$OUT_DIR/$name-1.png" "$OUT_DIR/$name.large-1.png"
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "$OUT_DIR/$name" && [ -s "$OUT_DIR/$name.png" ] && pass \
    || fail "$name: the first page does not render"
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$large" "$OUT_DIR/$name.large" && [ -s "$OUT_DIR/$name.large.png" ] && pass \
    || fail "$name: the first large-print page does not render"
done < "$WORK/cases.txt"

# Welsh: the summary is in Welsh words, ŵ and ŷ come out as themselves, and the page count too.
if [ -f "$OUT_DIR/psa-testing.cy.pdf" ]; then
  pdftotext -raw -enc UTF-8 "$OUT_DIR/psa-testing.cy.pdf" "$WORK/cy.txt"
  grep -q "ŵyr" "$WORK/cy.txt" && grep -q "ŷd" "$WORK/cy.txt" && pass || fail "Welsh ŵ and ŷ are not in the text"
  grep -q "Crynodeb o’ch penderfyniad" "$WORK/cy.txt" && grep -qE "Tudalen 1 o [0-9]+" "$WORK/cy.txt" && pass \
    || fail "the Welsh summary is not in Welsh"
else
  fail "no Welsh summary was made"
fi
# --locale overrides the session's language.
name=psa-testing.en-GB
sid=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['id'])" "$WORK/$name.record.json")
expect_exit 0 -- "$BRAN" summary --db "$WORK/$name.db" --session "$sid" -o "$WORK/as-welsh.pdf" --locale cy
pdftotext -raw "$WORK/as-welsh.pdf" "$WORK/as-welsh.txt"
grep -q "Crynodeb o’ch penderfyniad" "$WORK/as-welsh.txt" && pass || fail "--locale cy did not give Welsh"

# Errors: exit 1 with a clear line, nothing written; usage errors exit 2.
expect_exit 1 -- "$BRAN" summary --db "$WORK/$name.db" --session nope -o "$WORK/nope.pdf"
expect_err_match "nope: no such session"
[ ! -e "$WORK/nope.pdf" ] && pass || fail "a PDF was written for a missing session"
expect_exit 1 -- "$BRAN" summary --db "$WORK/missing.db" --session "$sid" -o "$WORK/x.pdf"
expect_exit 1 -- "$BRAN" summary --db "$WORK/$name.db" --session "$sid" -o "$WORK/no-such-folder/x.pdf"
expect_err_match "no-such-folder/x.pdf"
expect_exit 2 -- "$BRAN" summary --db "$WORK/$name.db" --session "$sid"
expect_exit 2 -- "$BRAN" summary --db "$WORK/$name.db" -o "$WORK/x.pdf"
expect_exit 2 -- "$BRAN" summary --db "$WORK/$name.db" --session "$sid" -o "$WORK/x.pdf" --locale fr
expect_exit 0 -- "$BRAN" summary --help
expect_out_match "^usage: bran summary"
finish
