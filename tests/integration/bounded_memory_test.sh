#!/usr/bin/env bash
# Commands that read every session work one session at a time: `bran audit verify` and `bran
# export fhir` of 30,000 sessions run within 150 MB of address space. (verify once held every
# event, about 6.7 KB a session: 200 MB here; export held the whole Bundle.)
source "$(dirname "$0")/lib.sh"
GENERATE=${GENERATE:?set GENERATE to bran_generate_sessions}
if [ "${BRAN_TIME_SCALE:-1}" -ne 1 ]; then
  # The sanitizers reserve terabytes of address space: a limit on it means nothing there.
  echo "skipped under the sanitizers"; exit 0
fi
"$GENERATE" --db "$WORK/many.db" --sessions 30000 --seed 3 > /dev/null || fail "generator failed"
limited() { bash -c 'ulimit -v 150000 && exec "$0" "$@"' "$@"; }
expect_exit 0 -- limited "$BRAN" audit verify --db "$WORK/many.db"
expect_out_match "^intact: [0-9]+ answer events in 30000 sessions$"
limited "$BRAN" export fhir --db "$WORK/many.db" > "$WORK/many.json" 2> "$WORK/err" && pass \
  || fail "export under the limit: $(cat "$WORK/err")"
[ "$(grep -c '"resourceType": "QuestionnaireResponse"' "$WORK/many.json")" = 30000 ] && pass || fail "the export does not hold 30,000 sessions"
finish
