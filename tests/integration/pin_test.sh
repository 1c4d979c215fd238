#!/usr/bin/env bash
# `bran pin`: 6 to 12 digits; on a database that has a PIN, the old one is needed to change it,
# and a reset without it (--reset, for a forgotten PIN) is recorded in the database.
source "$(dirname "$0")/lib.sh"
DB="$WORK/kiosk.db"
hash_of() { sqlite3 -readonly -batch "$DB" "SELECT value FROM setting WHERE key = 'clinician_pin_hash'"; }

expect_exit 1 -- "$BRAN" pin --db "$DB" <<< $'1234\n1234'
expect_err_line "bran pin: the PIN must have 6 to 12 digits"
expect_exit 0 -- "$BRAN" pin --db "$DB" <<< $'123456\n123456'
first=$(hash_of)
case "$first" in '$argon2id$v=19$m=262144,t=3,'*) pass ;; *) fail "the hash is not Argon2id with moderate limits: $first" ;; esac

# Someone without the old PIN cannot take over the kiosk.
expect_exit 1 -- "$BRAN" pin --db "$DB" <<< $'999999\n654321\n654321'
expect_err_match "that is not the old PIN; nothing was changed"
expect_equal() { if [ "$2" = "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi; }
expect_equal "PIN unchanged after a wrong old PIN" "$first" "$(hash_of)"

# With the old PIN it changes.
expect_exit 0 -- "$BRAN" pin --db "$DB" <<< $'123456\n654321\n654321'
[ "$(hash_of)" != "$first" ] && pass || fail "the PIN did not change"

# A reset without the old PIN works, and is recorded with its time.
expect_exit 0 -- "$BRAN" pin --db "$DB" --reset <<< $'111222\n111222'
expect_err_match "the PIN was reset without the old one; this is recorded in"
resets=$(sqlite3 -readonly -batch "$DB" "SELECT value FROM setting WHERE key = 'clinician_pin_resets'")
[[ "$resets" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T ]] && pass || fail "the reset is not recorded: '$resets'"
finish
