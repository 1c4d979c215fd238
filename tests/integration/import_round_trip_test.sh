#!/usr/bin/env bash
# `bran import` of records it did not write: a record made by hand from session-record.md alone
# imports, exports, and imports again unchanged; and the harder inputs an import can meet.
source "$(dirname "$0")/lib.sh"

# A record with no bran extensions (tests/data/records/by-hand.json): first import, export,
# import of that export into a new database, export again. The Bundle carries no id or
# timestamp, so the two exports must be identical byte for byte, with nothing removed.
by_hand="$SOURCE_DIR/tests/data/records/by-hand.json"
expect_exit 0 -- "$BRAN" import "$by_hand" --db "$WORK/first.db"
expect_out_match "^1 imported, 0 already recorded, 0 files rejected$"
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/first.db"
cp "$WORK/out" "$WORK/first-export.json"
expect_exit 0 -- "$BRAN" import "$WORK/first-export.json" --db "$WORK/second.db"
expect_out_match "^1 imported, 0 already recorded, 0 files rejected$"
expect_exit 0 -- "$BRAN" export fhir --db "$WORK/second.db"
if cmp -s "$WORK/out" "$WORK/first-export.json"; then pass; else fail "second export differs"; diff "$WORK/first-export.json" "$WORK/out" | head >&2; fi
# And the export of an import is itself already recorded, unchanged, where it came from.
expect_exit 0 -- "$BRAN" import "$WORK/first-export.json" --db "$WORK/first.db"
expect_out_match "^0 imported, 1 already recorded, 0 files rejected$"
finish
