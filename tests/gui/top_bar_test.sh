#!/usr/bin/env bash
# The top bar's own buttons, and the footer's Back, pressed (not their shortcuts): Cymraeg and English change the
# language, A+ and A- the text size (A- undoes A+ to the pixel), High contrast turns the screen
# dark and back, Read aloud reads and becomes Stop reading. They are reached as a keyboard user reaches them: Shift+Tab from the list of aids
# goes back through the top bar (Staff, Read every screen, Read aloud, High contrast, A+, A-,
# English, Cymraeg); Return presses the one in the ring, which stays on it. In each setting.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
export BRAN_SPEECH_OUTPUT=silent
mean() { convert "$SHOTS/$1.png" -colorspace Gray -format '%[fx:mean]' info:; }

app_running() { kill -0 "$APP_PID" 2> /dev/null; }
# The same presses in each setting: at home, in the clinic, and in a kiosk (which needs a PIN).
press_top_bar() {  # press_top_bar SETTING BRAN-ARGS...
  local S=$1
  shift
  start_app "$@" || return 1
  shot top-$S-start
  expect_text top-$S-start "Choose a decision aid"
  at=0  # places back from the page's start: 1 Staff ... 8 Cymraeg
  go_to() { while [ "$at" -lt "$1" ]; do press shift+Tab; at=$((at + 1)); done
            while [ "$at" -gt "$1" ]; do press Tab; at=$((at - 1)); done; }

  go_to 8; press Return
  shot top-$S-welsh
  expect_text top-$S-welsh "Dewiswch gymorth"
  go_to 7; press Return
  shot top-$S-english
  expect_text top-$S-english "Choose a decision aid"

  go_to 5; press Return   # A+
  shot top-$S-bigger
  [ "$(md5sum < "$SHOTS/top-$S-bigger.png")" != "$(md5sum < "$SHOTS/top-$S-english.png")" ] && pass || fail "$S: A+ did not change the screen"
  expect_text top-$S-bigger "Choose a decision aid"
  go_to 6; press Return   # A-
  shot top-$S-smaller
  # The ring is on A- now, where it was on English before: compare the page below the top bar.
  crop() { convert "$SHOTS/$1.png" -crop 1280x780+0+120 +repage rgb:- | md5sum; }
  [ "$(crop top-$S-smaller)" = "$(crop top-$S-english)" ] && pass || fail "$S: A- after A+ did not give the page its first size back"

  go_to 4; press Return   # High contrast
  shot top-$S-contrast
  awk -v m="$(mean top-$S-contrast)" 'BEGIN { exit !(m < 0.35) }' && pass || fail "$S: High contrast did not darken the screen"
  press Return            # and back
  shot top-$S-normal
  awk -v m="$(mean top-$S-normal)" 'BEGIN { exit !(m > 0.6) }' && pass || fail "$S: High contrast again did not give normal colours back"
  # Read aloud (F2), the button: it reads the list (silently here, at the pace of speech), and
  # shows Stop reading until pressed again.
  # (Told by the window's frame log: tesseract does not read white words on the filled button.)
  go_to 3; press Return
  wait_speaking 1 15 && pass || fail "$S: Read aloud did not start reading"
  press Return
  wait_speaking 0 15 && pass || fail "$S: Stop reading did not stop"
  shot top-$S-read-stopped
  expect_text top-$S-read-stopped "Read aloud"
  # And the footer's Back, pressed (other tests go back with Page Up): step 2, the options side by
  # side, has no control of its own, so the first Tab reaches the footer's Back.
  press 1 Page_Down
  shot top-$S-step-2
  expect_text top-$S-step-2 "Step 2 of 11"
  press Tab Return
  shot top-$S-step-back
  expect_text top-$S-step-back "Step 1 of 11"
  app_running && pass || fail "$S: a top bar or footer button closed the app"
  stop_app
}
press_top_bar home --db "$WORK/home.db" --setting home
press_top_bar clinic --db "$WORK/clinic.db" --setting clinic
printf '246824\n246824\n' | "$BRAN" pin --db "$WORK/kiosk.db" > /dev/null || fail "could not set the PIN"
press_top_bar kiosk --db "$WORK/kiosk.db" --kiosk
finish
