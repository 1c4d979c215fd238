#!/usr/bin/env bash
# `bran validate`: the content author's contract from shared/spec/cli.md.
source "$(dirname "$0")/lib.sh"

expect_exit 0 -- "$BRAN" validate "$SOURCE_DIR/content/decision-aids"
expect_out_match "^5 valid, 0 invalid$"

expect_exit 2 -- "$BRAN" validate
expect_err_match "name at least one file"
expect_exit 2 -- "$BRAN" validate --bogus x
expect_exit 0 -- "$BRAN" validate --help
expect_out_match "exit status"

# A broken aid must fail with a located line (this test must be able to fail).
cp "$SOURCE_DIR/content/decision-aids/psa-testing.json" "$WORK/typo.json"
sed -i '0,/"benefits"/s//"benfits"/' "$WORK/typo.json"
expect_exit 1 -- "$BRAN" validate "$WORK/typo.json"
expect_err_match "^$WORK/typo.json:[0-9]+:[0-9]+: /options/0/benfits: unknown field \"benfits\": did you mean \"benefits\"\?$"

# A folder with one good and one bad file: both reported, exit 1.
mkdir "$WORK/mixed"
cp "$SOURCE_DIR/content/decision-aids/statins-primary-prevention.json" "$WORK/mixed/"
printf '{"id": ' > "$WORK/mixed/cut.json"
expect_exit 1 -- "$BRAN" validate "$WORK/mixed"
expect_out_match "^1 valid, 1 invalid$"
expect_err_match "^$WORK/mixed/cut.json:1:8: not valid JSON"

# The same aid twice in one run is ambiguous.
cp "$SOURCE_DIR/content/decision-aids/statins-primary-prevention.json" "$WORK/mixed/copy.json"
rm "$WORK/mixed/cut.json"
expect_exit 1 -- "$BRAN" validate "$WORK/mixed"
expect_err_match "is also defined in"

# Missing path, huge file, deep nesting: a clear line, no crash.
expect_exit 1 -- "$BRAN" validate "$WORK/nothing-here.json"
expect_err_line "$WORK/nothing-here.json: no such file or folder"
head -c 5000000 /dev/zero | tr '\0' ' ' > "$WORK/huge.json"
expect_exit 1 -- "$BRAN" validate "$WORK/huge.json"
expect_err_match "larger than 4 MiB"
python3 -c "print('[' * 200000)" > "$WORK/deep.json"
expect_exit 1 -- "$BRAN" validate "$WORK/deep.json"
expect_err_match "nested deeper than 64 levels"

# A version far too long to be real (std::regex recursed once per character and crashed from about
# 50,000 characters): one short located line naming the field, exit 1.
python3 -c "
import json, sys
aid = json.load(open(sys.argv[1]))
aid['version'] = '1.0.0-' + 'a' * 400000 + '!'
json.dump(aid, open(sys.argv[2], 'w'))
" "$SOURCE_DIR/content/decision-aids/psa-testing.json" "$WORK/long-version.json"
expect_exit 1 -- "$BRAN" validate "$WORK/long-version.json"
expect_err_match "^$WORK/long-version.json:[0-9]+:[0-9]+: /version: .* is not a semantic version such as \"1\.2\.0\"$"
if [ "$(wc -l < "$WORK/err")" -eq 1 ]; then pass; else fail "a long version gave $(wc -l < "$WORK/err") lines, wanted 1"; fi
if [ "$(wc -c < "$WORK/err")" -lt 300 ]; then pass; else fail "a long version was echoed whole ($(wc -c < "$WORK/err") bytes)"; fi

# Review overdue is a warning: exit 0.
cp "$SOURCE_DIR/content/decision-aids/psa-testing.json" "$WORK/old.json"
BRAN_TODAY=2030-01-01 expect_exit 0 -- "$BRAN" validate "$WORK/old.json"
expect_err_match "warning: review overdue"

expect_exit 0 -- "$BRAN" --version
expect_out_match "^bran [0-9]+\.[0-9]+\.[0-9]+$"
finish
