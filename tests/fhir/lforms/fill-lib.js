// Node side of fill.sh (plain Node >= 14; no packages needed).
//   node fill-lib.js prepare QUESTIONNAIRE.json ANSWERS.json LFORMS_PKG_DIR WORK_DIR
//     checks ANSWERS.json against the Questionnaire (known linkIds, right kinds of value, codes and
//     integers among the answerOptions), and writes WORK_DIR/page.html, page.js and input.js (the
//     Questionnaire, the answers, and for FILL_MODE=prepopulate a QuestionnaireResponse of them).
//   node fill-lib.js collect DUMPED_DOM.html QUESTIONNAIRE.json ANSWERS.json OUT.json
//     takes the QuestionnaireResponse LHC-Forms produced out of the dumped DOM, checks that every
//     answer in ANSWERS.json (and nothing else) is in it, and writes it unchanged to OUT.json.
'use strict';
const fs = require('fs');
const path = require('path');
const url = require('url');

function die(msg) {
  process.stderr.write('fill.sh: ' + msg + '\n');
  process.exit(1);
}
function readJson(file, what) {
  let text;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) { die(`cannot read ${what} ${file}: ${e.message}`); }
  try { return JSON.parse(text); } catch (e) { die(`${what} ${file} is not JSON: ${e.message}`); }
}
function isPlainObject(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

// Every item of the Questionnaire by linkId (items may nest, though bran's are flat).
function itemsByLinkId(q) {
  const map = new Map();
  (function walk(items) {
    for (const it of items || []) {
      if (it && typeof it.linkId === 'string') map.set(it.linkId, it);
      walk(it && it.item);
    }
  })(q.item);
  return map;
}

// The answer[x] element FHIR R4 uses for an item type, and whether ANSWERS' value has the right JSON shape.
const ANSWER_KIND = {
  text: ['valueString', v => typeof v === 'string'],
  string: ['valueString', v => typeof v === 'string'],
  url: ['valueUri', v => typeof v === 'string'],
  date: ['valueDate', v => typeof v === 'string'],
  dateTime: ['valueDateTime', v => typeof v === 'string'],
  time: ['valueTime', v => typeof v === 'string'],
  integer: ['valueInteger', v => Number.isInteger(v)],
  decimal: ['valueDecimal', v => typeof v === 'number'],
  boolean: ['valueBoolean', v => typeof v === 'boolean'],
  choice: ['valueCoding', v => isPlainObject(v) && typeof v.code === 'string'],
  'open-choice': ['valueCoding', v => isPlainObject(v) && typeof v.code === 'string'],
};

// Checks ANSWERS.json against the Questionnaire; returns [{linkId, item, kind, value, answer}].
function planAnswers(q, answers) {
  if (!isPlainObject(q) || q.resourceType !== 'Questionnaire') die('QUESTIONNAIRE.json is not a FHIR Questionnaire');
  if (!isPlainObject(answers)) die('ANSWERS.json must be a JSON object {linkId: value}');
  const items = itemsByLinkId(q);
  const plan = [];
  for (const [linkId, value] of Object.entries(answers)) {
    const item = items.get(linkId);
    if (!item) die(`ANSWERS.json: no item with linkId "${linkId}" in the Questionnaire`);
    const kind = ANSWER_KIND[item.type];
    if (!kind) die(`ANSWERS.json: item "${linkId}" has type "${item.type}", which the harness cannot answer`);
    const [valueKey, shapeOk] = kind;
    if (!shapeOk(value)) die(`ANSWERS.json: "${linkId}" is a ${item.type} item; ${JSON.stringify(value)} is the wrong kind of value`);
    let answer;
    if (valueKey === 'valueCoding') {
      const opt = (item.answerOption || []).find(o => o.valueCoding && o.valueCoding.code === value.code);
      if (!opt) die(`ANSWERS.json: "${linkId}" has no answerOption with valueCoding.code "${value.code}"`);
      answer = { valueCoding: opt.valueCoding };
    } else {
      if (Array.isArray(item.answerOption) && item.answerOption.length &&
          !item.answerOption.some(o => o[valueKey] === value))
        die(`ANSWERS.json: "${linkId}": ${JSON.stringify(value)} is not one of its answerOptions`);
      answer = { [valueKey]: value };
    }
    plan.push({ linkId, item, valueKey, value, answer });
  }
  return plan;
}

function prepare(qFile, aFile, pkgDir, workDir) {
  const q = readJson(qFile, 'QUESTIONNAIRE.json');
  const answers = readJson(aFile, 'ANSWERS.json');
  const plan = planAnswers(q, answers);
  // Questionnaire order, so LHC-Forms sees a response shaped like one it would write itself.
  const order = [...itemsByLinkId(q).keys()];
  plan.sort((a, b) => order.indexOf(a.linkId) - order.indexOf(b.linkId));
  const qr = {
    resourceType: 'QuestionnaireResponse',
    status: 'in-progress',
    item: plan.map(p => Object.assign({ linkId: p.linkId }, p.item.text ? { text: p.item.text } : {}, { answer: [p.answer] })),
  };
  if (q.url) qr.questionnaire = q.url;
  const dist = path.join(pkgDir, 'dist', 'lforms');
  const files = {
    css: path.join(dist, 'webcomponent', 'styles.css'),
    zone: path.join(dist, 'webcomponent', 'assets', 'lib', 'zone.min.js'),
    lforms: path.join(dist, 'webcomponent', 'lhc-forms.js'),
    fhir: path.join(dist, 'fhir', 'R4', 'lformsFHIR.min.js'),
  };
  for (const f of Object.values(files)) if (!fs.existsSync(f)) die(`LHC-Forms file missing: ${f}`);
  const href = f => url.pathToFileURL(f).href;
  // JSON is JS; escaping "<" keeps it safe in any context, U+2028/9 for old parsers.
  const js = s => JSON.stringify(s).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  fs.writeFileSync(path.join(workDir, 'input.js'),
    'window.BRAN_LFORMS_INPUT = ' + js({
      mode: process.env.FILL_MODE || 'model',
      questionnaire: q,
      answers: plan.map(p => ({ linkId: p.linkId, valueKey: p.valueKey, value: p.value })),
      questionnaireResponse: qr,
    }) + ';\n');
  fs.copyFileSync(path.join(__dirname, 'page.js'), path.join(workDir, 'page.js'));
  // The CSP allows file: only: any attempt to reach the network is blocked and reported by page.js.
  fs.writeFileSync(path.join(workDir, 'page.html'), `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src file: data: blob: 'unsafe-inline' 'unsafe-eval'">
<title>bran LHC-Forms harness</title>
<link rel="stylesheet" href="${href(files.css)}">
</head><body>
<div id="form"></div>
<pre id="bran-status">pending</pre>
<pre id="bran-result"></pre>
<script src="page.js"></script>
<script src="${href(files.zone)}"></script>
<script src="${href(files.lforms)}"></script>
<script src="${href(files.fhir)}"></script>
<script src="input.js"></script>
</body></html>
`);
}

function sameValue(valueKey, got, want) {
  if (valueKey === 'valueCoding') return isPlainObject(got) && got.code === want.code;
  return got === want;
}

function collect(domFile, qFile, aFile, outFile) {
  const dom = fs.readFileSync(domFile, 'utf8');
  const status = (dom.match(/<pre id="bran-status">([^<]*)<\/pre>/) || [])[1];
  const b64 = (dom.match(/<pre id="bran-result">([^<]*)<\/pre>/) || [])[1];
  if (status === undefined) die('Chromium did not produce the harness page (no #bran-status in its DOM dump)');
  if (status === 'pending') die('LHC-Forms did not finish: the page was still pending when Chromium stopped');
  let payload;
  try { payload = JSON.parse(Buffer.from(b64 || '', 'base64').toString('utf8')); } catch (e) { die('unreadable result from the page: ' + e.message); }
  if (status !== 'done') die('LHC-Forms failed:\n  ' + (payload.errors || [JSON.stringify(payload)]).join('\n  '));
  const qr = payload.questionnaireResponse;
  if (!isPlainObject(qr) || qr.resourceType !== 'QuestionnaireResponse') die('LHC-Forms produced no QuestionnaireResponse: ' + JSON.stringify(qr));

  const plan = planAnswers(readJson(qFile, 'QUESTIONNAIRE.json'), readJson(aFile, 'ANSWERS.json'));
  const produced = new Map(); // linkId -> [answers...], over nested items too
  const dupes = [];
  (function walk(items) {
    for (const it of items || []) {
      if (it.answer) {
        if (produced.has(it.linkId)) dupes.push(it.linkId);
        produced.set(it.linkId, it.answer);
      }
      walk(it.item);
      for (const a of it.answer || []) walk(a.item);
    }
  })(qr.item);
  const problems = [];
  for (const id of dupes) problems.push(`"${id}" is answered more than once in the response`);
  for (const p of plan) {
    const got = produced.get(p.linkId);
    if (!got) { problems.push(`"${p.linkId}": the answer ${JSON.stringify(p.value)} is missing from LHC-Forms' response`); continue; }
    if (got.length !== 1 || !Object.prototype.hasOwnProperty.call(got[0], p.valueKey) || !sameValue(p.valueKey, got[0][p.valueKey], p.value))
      problems.push(`"${p.linkId}": expected ${p.valueKey} ${JSON.stringify(p.value)}, LHC-Forms wrote ${JSON.stringify(got)}`);
  }
  const asked = new Set(plan.map(p => p.linkId));
  for (const id of produced.keys())
    if (!asked.has(id)) problems.push(`"${id}": LHC-Forms' response answers it, but ANSWERS.json does not: ${JSON.stringify(produced.get(id))}`);
  if (problems.length) {
    die('the answers did not round-trip through LHC-Forms ' + (payload.lformsVersion || '') + ':\n  ' + problems.join('\n  ') +
        '\nLHC-Forms produced:\n' + JSON.stringify(qr, null, 2) + '\nrendered fields: ' + JSON.stringify(payload.rendered));
  }
  fs.writeFileSync(outFile, JSON.stringify(qr, null, 2) + '\n');
  process.stderr.write(`fill.sh: LHC-Forms ${payload.lformsVersion || '?'} (${process.env.FILL_MODE || 'model'}) answered ${plan.length} items; response written to ${outFile}\n`);
  if (process.env.FILL_VERBOSE) process.stderr.write('fill.sh: rendered: ' + JSON.stringify(payload.rendered, null, 1) + '\n');
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'prepare' && args.length === 4) prepare(...args);
else if (cmd === 'collect' && args.length === 4) collect(...args);
else die('usage: node fill-lib.js prepare Q.json ANSWERS.json LFORMS_PKG_DIR WORK_DIR | collect DOM.html Q.json ANSWERS.json OUT.json');
