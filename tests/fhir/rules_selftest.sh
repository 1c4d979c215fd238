#!/usr/bin/env bash
# rules.js must accept good Questionnaires and QuestionnaireResponses and reject broken ones.
# usage: rules_selftest.sh RULES_DIR   (npm install of tests/fhir/rules/package.json goes there when missing)
# Each broken case changes one thing in a valid resource and must be rejected, naming the rule and path.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RULES_DIR=${1:?usage: rules_selftest.sh RULES_DIR}
if [ ! -d "$RULES_DIR/node_modules/@medplum/core" ] || ! cmp -s "$HERE/rules/package.json" "$RULES_DIR/package.json"; then
  mkdir -p "$RULES_DIR" && cp "$HERE/rules/package.json" "$RULES_DIR/"
  if ! (cd "$RULES_DIR" && npm install --no-audit --no-fund --loglevel=error > npm.log 2>&1); then
    echo "npm install in $RULES_DIR failed:" >&2; cat "$RULES_DIR/npm.log" >&2; exit 1
  fi
fi
export NODE_PATH="$RULES_DIR/node_modules"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bran-rules.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0 failed=0

cat > "$WORK/q.json" <<'EOF'
{"resourceType":"Questionnaire","id":"knee-osteoarthritis","url":"urn:bran:decision-aid:knee-osteoarthritis","version":"0.3.0",
 "name":"KneeOsteoarthritis","title":"Knee osteoarthritis: should I have a knee replacement?","status":"draft","language":"en-GB",
 "item":[
  {"linkId":"what-matters","type":"text","text":"What bothers you most?",
   "_text":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation",
     "extension":[{"url":"lang","valueCode":"cy"},{"url":"content","valueString":"Beth sy'n eich poeni fwyaf?"}]}]}},
  {"linkId":"risk.age","type":"choice","text":"How old are you?",
   "answerOption":[{"valueCoding":{"code":"under-65","display":"Under 65"}},{"valueCoding":{"code":"65-plus","display":"65 or older"}}]},
  {"linkId":"value.avoid-surgery","type":"integer","text":"How much does avoiding an operation matter to you?",
   "answerOption":[{"valueInteger":0},{"valueInteger":1},{"valueInteger":2},{"valueInteger":3},{"valueInteger":4}]},
  {"linkId":"sure.sure","type":"boolean","text":"Do you feel SURE about the best choice for you?"},
  {"linkId":"intro","type":"display","text":"About this decision"},
  {"linkId":"about-you","type":"group","text":"About you","item":[{"linkId":"about-you.name","type":"string","text":"Name"}]},
  {"linkId":"questions","type":"text","text":"Questions for your clinician",
   "enableWhen":[{"question":"sure.sure","operator":"exists","answerBoolean":true}]}]}
EOF
# As LHC-Forms 40 writes it (meta.profile, meta.tag, authored).
cat > "$WORK/qr.json" <<'EOF'
{"resourceType":"QuestionnaireResponse",
 "meta":{"profile":["http://hl7.org/fhir/4.0/StructureDefinition/QuestionnaireResponse"],"tag":[{"code":"lformsVersion: 40.1.3"}]},
 "status":"completed","authored":"2025-01-02T10:00:00.000Z","questionnaire":"urn:bran:decision-aid:knee-osteoarthritis|0.3.0",
 "item":[
  {"answer":[{"valueString":"Pain at night"}],"linkId":"what-matters","text":"What bothers you most?"},
  {"answer":[{"valueCoding":{"code":"65-plus","display":"65 or older"}}],"linkId":"risk.age","text":"How old are you?"},
  {"answer":[{"valueInteger":0}],"linkId":"value.avoid-surgery","text":"How much does avoiding an operation matter to you?"},
  {"answer":[{"valueBoolean":false}],"linkId":"sure.sure","text":"Do you feel SURE about the best choice for you?"},
  {"linkId":"about-you","text":"About you","item":[{"linkId":"about-you.name","answer":[{"valueString":"Ann"}]}]}]}
EOF
node -e '
const fs = require("fs"), w = process.argv[1];
const q = JSON.parse(fs.readFileSync(w + "/q.json")), qr = JSON.parse(fs.readFileSync(w + "/qr.json"));
fs.writeFileSync(w + "/bundle.json", JSON.stringify({resourceType: "Bundle", type: "collection",
  entry: [{fullUrl: "urn:uuid:5b1d3c1e-0d6f-4c0e-9a47-000000000001", resource: q}, {resource: qr}]}));' "$WORK"

accepts() { # NAME FILE [QUESTIONNAIRE]
  local name=$1; shift
  if node "$HERE/rules.js" "$@" > "$WORK/out" 2>&1 && [ "$(cat "$WORK/out")" = valid ]; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "FAIL: rules.js rejected the valid $name:"; sed 's/^/    /' "$WORK/out"; fi
}
# rejects NAME BASE 'JS that changes r' 'text the output must contain' [with-questionnaire]
rejects() {
  local name=$1 base=$2 change=$3 expect=$4 withq=${5:-}
  node -e '
    const fs = require("fs"); const [src, dst, change] = process.argv.slice(1);
    const r = JSON.parse(fs.readFileSync(src));
    const q = r.resourceType === "Bundle" ? r.entry[0].resource : r;
    const qr = r.resourceType === "Bundle" ? r.entry[1].resource : r;
    new Function("r", "q", "qr", change)(r, q, qr);
    fs.writeFileSync(dst, JSON.stringify(r));' "$WORK/$base.json" "$WORK/case.json" "$change" || { failed=$((failed + 1)); echo "FAIL: $name: bad case"; return; }
  local args=("$WORK/case.json"); [ -n "$withq" ] && args+=("$WORK/q.json")
  if node "$HERE/rules.js" "${args[@]}" > "$WORK/out" 2>&1; then
    failed=$((failed + 1)); echo "FAIL: rules.js accepted $name"
  elif ! grep -qF -- "$expect" "$WORK/out"; then
    failed=$((failed + 1)); echo "FAIL: $name: rejected, but without \"$expect\":"; sed 's/^/    /' "$WORK/out"
  else passed=$((passed + 1)); fi
}

accepts "Questionnaire" "$WORK/q.json"
accepts "QuestionnaireResponse" "$WORK/qr.json"
accepts "QuestionnaireResponse, given its Questionnaire" "$WORK/qr.json" "$WORK/q.json"
accepts "Bundle of both" "$WORK/bundle.json"
accepts "Bundle, given the Questionnaire" "$WORK/bundle.json" "$WORK/q.json"

# Questionnaire: required elements and codes.
rejects "a Questionnaire without status" q 'delete r.status' 'Questionnaire.status: [structure]'
rejects "an unknown Questionnaire.status" q 'r.status = "published"' 'Questionnaire.status: [binding]'
rejects "an item without linkId" q 'delete r.item[1].linkId' 'Questionnaire.item[1].linkId: [structure]'
rejects "an item without type" q 'delete r.item[1].type' 'Questionnaire.item[1].type: [structure]'
rejects "an unknown item type" q 'r.item[0].type = "textarea"' 'Questionnaire.item[0].type: [binding]'
rejects "the abstract item type question" q 'r.item[0].type = "question"' 'Questionnaire.item[0].type: [binding]'
rejects "an unknown enableWhen operator" q 'r.item[6].enableWhen[0].operator = "is"' 'Questionnaire.item[6].enableWhen[0].operator: [binding]'
rejects "an unknown property" q 'r.item[0].hint = "x"' 'Questionnaire.item[0].hint: [structure]'
# ele-1: nothing empty.
rejects "an empty item array" q 'r.item[5].item = []; r.item[5].type = "string"' 'Questionnaire.item[5].item: [ele-1] empty array'
rejects "an empty answerOption array" q 'r.item[1].answerOption = []' 'Questionnaire.item[1].answerOption: [ele-1] empty array'
rejects "an empty valueCoding" q 'r.item[1].answerOption[0].valueCoding = {}' 'Questionnaire.item[1].answerOption[0].valueCoding: [ele-1]'
rejects "an empty answerOption" q 'r.item[1].answerOption[0] = {}' 'Questionnaire.item[1].answerOption[0]: [ele-1]'
rejects "a null text" q 'r.item[0].text = null' 'Questionnaire.item[0].text: [ele-1] null'
rejects "an empty title" q 'r.title = ""' 'Questionnaire.title: [ele-1] empty string'
rejects "an empty translation extension" q 'r.item[0]._text.extension[0].extension = []' 'Questionnaire.item[0]._text.extension[0].extension: [ele-1]'
rejects "an extension with both value and extensions" q 'r.item[0]._text.extension[0].valueString = "x"' '[ext-1]'
rejects "an extension without url" q 'delete r.item[0]._text.extension[0].url' 'extension[0].url: [structure]'
# The Questionnaire invariants.
rejects "a duplicate linkId (que-2)" q 'r.item[5].item[0].linkId = "risk.age"' 'Questionnaire.item[5].item[0].linkId: [que-2]'
rejects "a group without items (que-1)" q 'delete r.item[5].item' 'Questionnaire.item[5]: [que-1]'
rejects "a display item with items (que-1)" q 'r.item[4].item = [{linkId: "x", type: "string"}]' 'Questionnaire.item[4]: [que-1]'
rejects "a display item with a code (que-3)" q 'r.item[4].code = [{code: "x"}]' 'Questionnaire.item[4]: [que-3]'
rejects "answerOption and answerValueSet (que-4)" q 'r.item[1].answerValueSet = "http://example.org/vs"' 'Questionnaire.item[1]: [que-4]'
rejects "answerOption on a boolean item (que-5)" q 'r.item[3].answerOption = [{valueCoding: {code: "y"}}]' 'Questionnaire.item[3]: [que-5]'
rejects "answerValueSet on a text item (que-5)" q 'r.item[0].answerValueSet = "http://example.org/vs"' 'Questionnaire.item[0]: [que-5]'
rejects "a required display item (que-6)" q 'r.item[4].required = true' 'Questionnaire.item[4]: [que-6]'
rejects "a repeating display item (que-6)" q 'r.item[4].repeats = true' 'Questionnaire.item[4]: [que-6]'
rejects "an enableWhen exists without a boolean (que-7)" q 'r.item[6].enableWhen[0] = {question: "sure.sure", operator: "exists", answerString: "y"}' 'Questionnaire.item[6].enableWhen[0]: [que-7]'
rejects "an initial value on a group (que-8)" q 'r.item[5].initial = [{valueString: "x"}]' 'Questionnaire.item[5]: [que-8]'
rejects "a read-only display item (que-9)" q 'r.item[4].readOnly = true' 'Questionnaire.item[4]: [que-9]'
rejects "maxLength on a choice item (que-10)" q 'r.item[1].maxLength = 5' 'Questionnaire.item[1]: [que-10]'
rejects "answerOption and initial (que-11)" q 'r.item[2].initial = [{valueInteger: 1}]' 'Questionnaire.item[2]: [que-11]'
rejects "two enableWhen without enableBehavior (que-12)" q 'r.item[6].enableWhen.push({question: "risk.age", operator: "exists", answerBoolean: true})' 'Questionnaire.item[6]: [que-12]'
rejects "an answerOption valueBoolean" q 'r.item[1].answerOption[0] = {valueBoolean: true}' 'Questionnaire.item[1].answerOption[0]: [rule]'
rejects "an answerOption with two values" q 'r.item[2].answerOption[0].valueString = "none"' 'Questionnaire.item[2].answerOption[0]: [choice]'
rejects "an enableWhen on a missing item" q 'r.item[6].enableWhen[0].question = "nope"' 'Questionnaire.item[6].enableWhen[0].question: [rule]'
# QuestionnaireResponse on its own.
rejects "a response without status" qr 'delete r.status' 'QuestionnaireResponse.status: [structure]'
rejects "an unknown response status" qr 'r.status = "finished"' 'QuestionnaireResponse.status: [binding]'
rejects "a response item without linkId" qr 'delete r.item[0].linkId' 'QuestionnaireResponse.item[0].linkId: [structure]'
rejects "an empty answer array" qr 'r.item[0].answer = []' 'QuestionnaireResponse.item[0].answer: [ele-1] empty array'
rejects "an empty answer" qr 'r.item[0].answer = [{}]' 'QuestionnaireResponse.item[0].answer[0]: [ele-1]'
rejects "an answer with two values" qr 'r.item[2].answer[0].valueString = "0"' 'QuestionnaireResponse.item[2].answer[0]: [choice]'
rejects "a valueInteger as a string" qr 'r.item[2].answer[0].valueInteger = "0"' 'QuestionnaireResponse.item[2].answer[0]'
rejects "an item with both answer and items (qrs-1)" qr 'r.item[0].item = [{linkId: "x", answer: [{valueString: "y"}]}]' 'QuestionnaireResponse.item[0]: [qrs-1]'
# QuestionnaireResponse against its Questionnaire.
rejects "an answer to an unknown linkId" qr 'r.item[0].linkId = "what-maters"' 'QuestionnaireResponse.item[0].linkId: [response]' q
rejects "a string answer to an integer item" qr 'r.item[2].answer[0] = {valueString: "0"}' 'QuestionnaireResponse.item[2].answer[0]: [response]' q
rejects "a coding answer to a boolean item" qr 'r.item[3].answer[0] = {valueCoding: {code: "yes"}}' 'QuestionnaireResponse.item[3].answer[0]: [response]' q
rejects "a code that is not an answerOption" qr 'r.item[1].answer[0].valueCoding.code = "over-65"' 'QuestionnaireResponse.item[1].answer[0].valueCoding: [response]' q
rejects "an integer that is not an answerOption" qr 'r.item[2].answer[0].valueInteger = 5' 'QuestionnaireResponse.item[2].answer[0].valueInteger: [response]' q
rejects "two answers to an item that does not repeat" qr 'r.item[0].answer.push({valueString: "more"})' 'QuestionnaireResponse.item[0].answer: [response]' q
rejects "an answer to a display item" qr 'r.item.push({linkId: "intro", answer: [{valueString: "x"}]})' 'QuestionnaireResponse.item[5].answer: [response]' q
rejects "a nested item at the top level" qr 'r.item.push(r.item[4].item.pop()); delete r.item[4].item' 'QuestionnaireResponse.item[5]: [response]' q
rejects "a response to another Questionnaire" qr 'r.questionnaire = "urn:bran:decision-aid:hip"' 'QuestionnaireResponse.questionnaire: [response]' q
rejects "a response to another version" qr 'r.questionnaire = "urn:bran:decision-aid:knee-osteoarthritis|0.2.0"' 'QuestionnaireResponse.questionnaire: [response]' q
rejects "a completed response without a required answer" bundle 'q.item[1].required = true; qr.item.splice(1, 1)' 'Bundle.entry[1].resource: [response] required item "risk.age"'
# Bundles: every entry is checked, and the Bundle itself.
rejects "a bad response status in a Bundle" bundle 'qr.status = "done"' 'Bundle.entry[1].resource.status: [binding]'
rejects "a Questionnaire error in a Bundle" bundle 'q.item[4].required = true' 'Bundle.entry[0].resource.item[4]: [que-6]'
rejects "a response error in a Bundle, against the Questionnaire in it" bundle 'qr.item[1].answer[0].valueCoding.code = "old"' 'Bundle.entry[1].resource.item[1].answer[0].valueCoding: [response]'
rejects "an unknown Bundle type" bundle 'r.type = "list"' 'Bundle.type: [binding]'
rejects "a total on a collection Bundle (bdl-1)" bundle 'r.total = 2' 'Bundle: [bdl-1]'
rejects "an empty Bundle entry" bundle 'r.entry.push({})' 'Bundle.entry[2]: [ele-1]'

echo "rules.js self-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
