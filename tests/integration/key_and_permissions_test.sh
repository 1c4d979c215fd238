#!/usr/bin/env bash
# The chain key is never silently replaced, and health data is for its owner alone: a deleted
# key is not made again over recorded answers (it once was, and verify then accused record #1);
# an empty key left by a kill is replaced only while no answer depends on it; a key others can
# read is refused; a database reached through a link has one key beside the real file; the
# database, its key and receipts are mode 0600; a database made by `bran pin` verifies as intact.
source "$(dirname "$0")/lib.sh"
GENERATE=${GENERATE:?set GENERATE to bran_generate_sessions}
mode() { stat -c %a "$1"; }
expect_mode() { if [ "$(mode "$2")" = "$1" ]; then pass; else fail "$2: mode $(mode "$2"), wanted $1"; fi; }

# A PIN-only database: no answers and no key yet, and that is intact.
printf '123456\n123456\n' | "$BRAN" pin --db "$WORK/pin.db" > /dev/null || fail "bran pin failed"
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/pin.db"
expect_out_match "^intact: 0 answer events"
expect_mode 600 "$WORK/pin.db"

# Sessions recorded, exported, and imported into a new database by bran itself.
"$GENERATE" --db "$WORK/source.db" --sessions 5 --seed 3 > /dev/null || fail "generator failed"
"$BRAN" export fhir --db "$WORK/source.db" > "$WORK/records.json" || fail "export failed"
expect_exit 0 -- "$BRAN" import "$WORK/records.json" --db "$WORK/site.db"
for f in site.db site.db.key site.db.receipts; do expect_mode 600 "$WORK/$f"; done
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/site.db"

# The key deleted: nothing more is recorded under a new key, verify says the key is missing,
# and once the key is back everything checks.
mv "$WORK/site.db.key" "$WORK/kept.key"
"$GENERATE" --db "$WORK/more.db" --sessions 2 --seed 4 > /dev/null
"$BRAN" export fhir --db "$WORK/more.db" > "$WORK/more.json"
expect_exit 1 -- "$BRAN" import "$WORK/more.json" --db "$WORK/site.db"
expect_err_match "site.db.key: the chain key is missing, and .*site.db already holds recorded answers"
[ ! -e "$WORK/site.db.key" ] && pass || fail "a new key was made over recorded answers"
expect_exit 1 -- "$BRAN" audit verify --db "$WORK/site.db"
expect_err_match "site.db.key: the chain key is missing"
mv "$WORK/kept.key" "$WORK/site.db.key"
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/site.db"

# A key others can read is refused, with the fix.
chmod 644 "$WORK/site.db.key"
expect_exit 1 -- "$BRAN" import "$WORK/more.json" --db "$WORK/site.db"
expect_err_match "the chain key can be read by other users \(mode 0644\); make it private first: chmod 600"
chmod 600 "$WORK/site.db.key"

# An empty key (a kill between creating and writing it) on a database with no answers yet.
printf '123456\n123456\n' | "$BRAN" pin --db "$WORK/fresh.db" > /dev/null
: > "$WORK/fresh.db.key"; chmod 600 "$WORK/fresh.db.key"
expect_exit 0 -- "$BRAN" import "$WORK/records.json" --db "$WORK/fresh.db"
[ "$(stat -c %s "$WORK/fresh.db.key")" = 32 ] && pass || fail "the empty key was not replaced"
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/fresh.db"

# Through a symbolic link: one key, beside the real file.
mkdir "$WORK/real" "$WORK/links"
ln -s "$WORK/real/linked.db" "$WORK/links/linked.db"
expect_exit 0 -- "$BRAN" import "$WORK/records.json" --db "$WORK/links/linked.db"
[ -e "$WORK/real/linked.db.key" ] && [ ! -e "$WORK/links/linked.db.key" ] && pass \
  || fail "the key of a linked database is not beside the real file: $(ls "$WORK/real" "$WORK/links" | tr '\n' ' ')"
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/real/linked.db"
expect_exit 0 -- "$BRAN" audit verify --db "$WORK/links/linked.db"
finish
