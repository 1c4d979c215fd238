#!/usr/bin/env bash
# `bran import` of an export of any size: read one session at a time (never the whole file), so
# memory does not grow with the file; stopped part way, it leaves nothing, and run again it
# imports the file whole.
source "$(dirname "$0")/lib.sh"
GENERATE=${GENERATE:?set GENERATE to bran_generate_sessions}
scale=${BRAN_TIME_SCALE:-1}

# 3,000 sessions: a 22 MB export. Read whole, as bran did before, it took about 12 bytes of
# memory a byte (270 MB); under a 150 MB limit of address space it could not be imported.
"$GENERATE" --db "$WORK/source.db" --sessions 3000 --seed 7 > /dev/null || fail "generator failed"
"$BRAN" export fhir --db "$WORK/source.db" > "$WORK/all.json" || fail "export failed"
[ "$(stat -c %s "$WORK/all.json")" -gt $((20 * 1000 * 1000)) ] && pass || fail "the export is under 20 MB (test is void)"
if [ "$scale" -eq 1 ]; then
  # (The sanitizers reserve terabytes of address space, so the limit is for the plain build.)
  expect_exit 0 -- bash -c 'ulimit -v 150000 && exec "$0" "$@"' "$BRAN" import "$WORK/all.json" --db "$WORK/limited.db"
  expect_out_match "^3000 imported, 0 already recorded, 0 files rejected$"
fi

# On a terminal it says how far it has got; into a file or a pipe, it says nothing of that.
script -qec "\"$BRAN\" import \"$WORK/all.json\" --db \"$WORK/terminal.db\"" /dev/null > "$WORK/terminal.out"
grep -qE "importing $WORK/all.json: session [0-9]+ of 3000 \([0-9]+%\)" "$WORK/terminal.out" && pass \
  || fail "no progress on a terminal: $(tr '\r' '\n' < "$WORK/terminal.out" | head -3)"
expect_exit 0 -- "$BRAN" import "$WORK/all.json" --db "$WORK/quiet.db"
[ ! -s "$WORK/err" ] && pass || fail "progress went to a standard error that is not a terminal"

# Stopped while it stores (the write-ahead log is growing): nothing of the file is recorded.
"$BRAN" import "$WORK/all.json" --db "$WORK/stopped.db" > "$WORK/stopped.out" 2> "$WORK/stopped.err" &
importer=$!
for _ in $(seq 1 $((600 * scale))); do
  [ "$(stat -c %s "$WORK/stopped.db-wal" 2> /dev/null || echo 0)" -gt $((1024 * 1024)) ] && break
  kill -0 "$importer" 2> /dev/null || break
  sleep 0.05
done
# (TERM, as Ctrl-C's INT is ignored by a job a script starts in the background.)
kill -TERM "$importer" 2> /dev/null
wait "$importer"; rc=$?
[ "$rc" -ne 0 ] && pass || fail "the import ended before it could be stopped (test is void)"
[ "$(sqlite3 "$WORK/stopped.db" "SELECT count(*) FROM session")" = 0 ] && pass || fail "a stopped import left sessions behind"
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/stopped.db"
# Run again, it imports the whole file, and the export is the same bytes as the source's.
expect_exit 0 -- "$BRAN" import "$WORK/all.json" --db "$WORK/stopped.db"
expect_out_match "^3000 imported, 0 already recorded, 0 files rejected$"
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/stopped.db"
"$BRAN" export fhir --db "$WORK/stopped.db" | cmp -s - "$WORK/all.json" && pass \
  || fail "the export of the imported file differs from the file"

# A bad session near the end of a large file: the problem is found, located, and nothing of
# the sessions before it is kept.
python3 - "$WORK/all.json" "$WORK/bad-at-end.json" <<'PY'
import json, sys
bundle = json.load(open(sys.argv[1]))
bundle['entry'][-1]['resource']['status'] = 'finished'
json.dump(bundle, open(sys.argv[2], 'w'), indent=2)
PY
expect_exit 1 -- "$BRAN" import "$WORK/bad-at-end.json" --db "$WORK/bad.db"
expect_err_match "^$WORK/bad-at-end.json:[0-9]+:[0-9]+: /entry/2999/resource/status: must be \"completed\" or \"in-progress\", not \"finished\"$"
[ "$(sqlite3 "$WORK/bad.db" "SELECT count(*) FROM session")" = 0 ] && pass || fail "a rejected file left sessions behind"
finish
