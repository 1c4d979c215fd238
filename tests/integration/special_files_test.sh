#!/usr/bin/env bash
# Pipes named like an aid or a record are refused at once, with one line naming the file once:
# reading one waited for a writer for ever, and hung validate, import and the app's start.
source "$(dirname "$0")/lib.sh"
mkfifo "$WORK/bran-pipe.json"
mkdir "$WORK/content"
cp "$SOURCE_DIR/content/decision-aids/psa-testing.json" "$WORK/content/"
mkfifo "$WORK/content/pipe.json"

expect_exit 1 -- timeout 20 "$BRAN" validate "$WORK/bran-pipe.json"
expect_err_line "$WORK/bran-pipe.json: is not a regular file (a pipe, device or socket)"
expect_exit 1 -- timeout 20 "$BRAN" import "$WORK/bran-pipe.json" --db "$WORK/a.db"
expect_err_match "^$WORK/bran-pipe.json: is not a regular file"
# The aid beside the pipe is still checked.
expect_exit 1 -- timeout 20 "$BRAN" validate "$WORK/content"
expect_out_match "1 valid, 1 invalid"
finish
