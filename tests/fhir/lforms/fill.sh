#!/usr/bin/env bash
# Fills a FHIR R4 Questionnaire in LHC-Forms (npm lforms), offline in headless Chromium, and writes
# the QuestionnaireResponse LHC-Forms itself produces.
# usage: fill.sh LFORMS_DIR QUESTIONNAIRE.json ANSWERS.json OUT.json
#   LFORMS_DIR  folder for the npm packages (npm install runs there when node_modules is missing)
#   ANSWERS.json  {linkId: value}: a string (text/string items), an integer (integer items),
#                 true/false (boolean items) or {"code": "..."} (choice items, by answerOption valueCoding.code)
# Env: CHROMIUM (default /usr/bin/chromium); FILL_TIMEOUT seconds (default 60);
#   FILL_MODE=model (default: each answer set on LHC-Forms' form model, as its widgets do; see page.js)
#   or prepopulate (LHC-Forms merges a QuestionnaireResponse built from ANSWERS.json);
#   FILL_VERBOSE=1 also prints what the rendered form's fields show.
# Exits non-zero with a message when LHC-Forms reports or logs an error, finds the filled form invalid,
# tries to reach the network, does not finish in time, or when any answer does not come back in the
# response exactly (or the response holds an answer that ANSWERS.json does not give).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 4 ] || { echo "usage: fill.sh LFORMS_DIR QUESTIONNAIRE.json ANSWERS.json OUT.json" >&2; exit 2; }
LFORMS_DIR=$1 QUESTIONNAIRE=$2 ANSWERS=$3 OUT=$4
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
FILL_TIMEOUT=${FILL_TIMEOUT:-60}
for f in "$QUESTIONNAIRE" "$ANSWERS"; do [ -r "$f" ] || { echo "fill.sh: cannot read $f" >&2; exit 2; }; done
command -v node > /dev/null || { echo "fill.sh: node is not installed" >&2; exit 2; }
[ -x "$CHROMIUM" ] || { echo "fill.sh: no Chromium at $CHROMIUM" >&2; exit 2; }

# The packages, installed once per LFORMS_DIR (like tests/integration/cli_records_test.sh).
if [ ! -f "$LFORMS_DIR/node_modules/lforms/package.json" ] || ! cmp -s "$HERE/package.json" "$LFORMS_DIR/package.json"; then
  mkdir -p "$LFORMS_DIR" && cp "$HERE/package.json" "$LFORMS_DIR/"
  if ! (cd "$LFORMS_DIR" && npm install --no-audit --no-fund --loglevel=error > npm.log 2>&1); then
    echo "fill.sh: npm install in $LFORMS_DIR failed:" >&2; cat "$LFORMS_DIR/npm.log" >&2; exit 1
  fi
fi
PKG=$(cd "$LFORMS_DIR/node_modules/lforms" && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bran-lforms.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/profile" "$WORK/page"
node "$HERE/fill-lib.js" prepare "$QUESTIONNAIRE" "$ANSWERS" "$PKG" "$WORK/page"
PAGE_URL=$(node -e 'console.log(require("url").pathToFileURL(process.argv[1]).href)' "$WORK/page/page.html")

# Offline: the page's CSP allows file: only, and no host name resolves. The page does the work on
# load; --virtual-time-budget lets it run to the end before Chromium dumps the DOM.
rc=0
timeout -k 5 "$FILL_TIMEOUT" "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
  --disable-background-networking --disable-component-update --disable-sync --disable-quic \
  --disable-default-apps --disable-extensions --no-first-run --no-default-browser-check \
  --host-resolver-rules='MAP * ~NOTFOUND' --proxy-server='127.0.0.1:9' \
  --user-data-dir="$WORK/profile" --allow-file-access-from-files \
  --virtual-time-budget=30000 --dump-dom "$PAGE_URL" \
  > "$WORK/dom.html" 2> "$WORK/chromium.log" || rc=$?
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  echo "fill.sh: Chromium did not finish within ${FILL_TIMEOUT}s" >&2; grep -v dbus "$WORK/chromium.log" | tail -20 >&2; exit 1
elif [ "$rc" -ne 0 ]; then
  echo "fill.sh: Chromium failed (exit $rc):" >&2; grep -v dbus "$WORK/chromium.log" | tail -20 >&2; exit 1
fi
if ! node "$HERE/fill-lib.js" collect "$WORK/dom.html" "$QUESTIONNAIRE" "$ANSWERS" "$OUT"; then
  echo "fill.sh: Chromium's log:" >&2; grep -v dbus "$WORK/chromium.log" | tail -20 >&2; exit 1
fi
