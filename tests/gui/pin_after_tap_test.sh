#!/usr/bin/env bash
# A tap on Staff, then the PIN typed as soon as its prompt shows, on a screen with no window
# manager (a kiosk: the keys go to the window under the pointer, nobody gave it the focus). Every
# digit must count: the first was spent waking the PIN field, and a right PIN was refused.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
DB="$WORK/tap.db"
PIN=246824
printf '%s\n%s\n' "$PIN" "$PIN" | "$BRAN" pin --db "$DB" > /dev/null || fail "could not set the PIN"

# Not start_app: it gives the window the keyboard focus, which a kiosk's screen never does.
export BRAN_FRAME_LOG="$WORK/frames.log"
"$BRAN" --setting clinic --db "$DB" --locale en-GB > "$WORK/app.out" 2> "$WORK/app.err" &
APP_PID=$!
WINDOW=$(timeout 30 xdotool search --sync --onlyvisible --pid "$APP_PID" 2>/dev/null | head -1)
[ -n "$WINDOW" ] || { fail "no window appeared"; finish; exit 1; }
shot tap-home
at=$(word_centre tap-home "Staff")
[ -n "$at" ] || { fail "no Staff button on the list"; finish; exit 1; }
# shellcheck disable=SC2086
xdotool mousemove $at click 1   # press and release together, as a touch screen gives them
wait_for_text tap-pin "clinician PIN" 15 > /dev/null || fail "no PIN prompt after a tap on Staff"
xdotool type --delay 150 "$PIN"
sleep 0.3
xdotool key Return
if wait_for_text tap-staff "Open a patient" 30 > /dev/null; then pass
else fail "the right PIN, typed after a tap on Staff, was not taken (a digit lost?)"; shot tap-refused; fi
finish
