#!/usr/bin/env bash
# The top bar's own buttons, and the footer's Back, pressed (not their shortcuts): Cymraeg and English change the
# language, A+ and A- the text size (A- undoes A+ to the pixel), High contrast turns the screen
# dark and back, Read aloud reads and becomes Stop reading. They are reached as a keyboard user reaches them: Shift+Tab from the list of aids
# goes back through the top bar (Staff, Read every screen, Read aloud, High contrast, A+, A-,
# English, Cymraeg); Return presses the one in the ring, which stays on it.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
export BRAN_SPEECH_OUTPUT=silent
mean() { convert "$SHOTS/$1.png" -colorspace Gray -format '%[fx:mean]' info:; }

start_app --db "$WORK/top.db" --setting clinic || { finish; exit 1; }
shot top-start
expect_text top-start "Choose a decision aid"
at=0  # places back from the page's start: 1 Staff ... 8 Cymraeg
go_to() { while [ "$at" -lt "$1" ]; do press shift+Tab; at=$((at + 1)); done
          while [ "$at" -gt "$1" ]; do press Tab; at=$((at - 1)); done; }

go_to 8; press Return
shot top-welsh
expect_text top-welsh "Dewiswch gymorth"
go_to 7; press Return
shot top-english
expect_text top-english "Choose a decision aid"

go_to 5; press Return   # A+
shot top-bigger
[ "$(md5sum < "$SHOTS/top-bigger.png")" != "$(md5sum < "$SHOTS/top-english.png")" ] && pass || fail "A+ did not change the screen"
expect_text top-bigger "Choose a decision aid"
go_to 6; press Return   # A-
shot top-smaller
# The ring is on A- now, where it was on English before: compare the page below the top bar.
crop() { convert "$SHOTS/$1.png" -crop 1280x780+0+120 +repage rgb:- | md5sum; }
[ "$(crop top-smaller)" = "$(crop top-english)" ] && pass || fail "A- after A+ did not give the page its first size back"

go_to 4; press Return   # High contrast
shot top-contrast
awk -v m="$(mean top-contrast)" 'BEGIN { exit !(m < 0.35) }' && pass || fail "High contrast did not darken the screen"
press Return            # and back
shot top-normal
awk -v m="$(mean top-normal)" 'BEGIN { exit !(m > 0.6) }' && pass || fail "High contrast again did not give normal colours back"
# Read aloud (F2), the button: it reads the list (silently here, at the pace of speech), and
# shows Stop reading until pressed again.
# (Told by the window's frame log: tesseract does not read white words on the filled button.)
go_to 3; press Return
wait_speaking 1 15 && pass || fail "Read aloud did not start reading"
press Return
wait_speaking 0 15 && pass || fail "Stop reading did not stop"
shot top-read-stopped
expect_text top-read-stopped "Read aloud"
# And the footer's Back, pressed (other tests go back with Page Up): step 2, the options side by
# side, has no control of its own, so the first Tab reaches the footer's Back.
press 1 Page_Down
shot top-step-2
expect_text top-step-2 "Step 2 of 11"
press Tab Return
shot top-step-back
expect_text top-step-back "Step 1 of 11"
app_running() { kill -0 "$APP_PID" 2> /dev/null; }
app_running && pass || fail "a top bar or footer button closed the app"
stop_app
finish
