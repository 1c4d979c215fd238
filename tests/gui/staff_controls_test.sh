#!/usr/bin/env bash
# Every staff control, pressed in a kiosk (where a control that misbehaves lets a patient out),
# and the staff view's own again in the clinic:
# the PIN prompt's Cancel and Enter; the staff view's Audit, file name and Open, Back and Close
# bran; the audit's five groupings, its aid filter, Export as CSV and Back; and the idle prompt's
# "I'm still here". After each, the screen a person would expect, the kiosk still running until
# Close bran, and what the button did to the files.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
GENERATE=${GENERATE:?set GENERATE}
PIN=246824
DB="$WORK/clinic.db"
"$GENERATE" --db "$WORK/made.db" --sessions 40 --seed 21 > /dev/null || fail "generator failed"
"$BRAN" export fhir --db "$WORK/made.db" > "$WORK/made.json"
"$BRAN" import "$WORK/made.json" --db "$DB" > /dev/null || fail "could not import the sessions"
printf '%s\n%s\n' "$PIN" "$PIN" | "$BRAN" pin --db "$DB" > /dev/null || fail "could not set the PIN"
app_running() {
  kill -0 "$APP_PID" 2> /dev/null && return 0
  # Once, when the app has gone: what it said on the way out (a crash's sanitizer report).
  [ -s "$WORK/app.err" ] && [ ! -e "$WORK/app.err.shown" ] && { sed 's/^/  app stderr: /' "$WORK/app.err" >&2; touch "$WORK/app.err.shown"; }
  return 1
}

# Controls are pressed as a person using the keyboard presses them (OCR does not find these
# buttons reliably enough to click them): Tab and Shift+Tab move bran's focus ring through the
# controls in reading order, Return presses the one in the ring.
# to_staff NAME: Staff (the last control of the list, so Shift+Tab), the PIN, then the prompt's
# Enter button (the control after the PIN field); waits for the staff view.
to_staff() {
  press shift+Tab Return
  wait_for_text "$1-pin" "clinician PIN" 15 > /dev/null || { fail "$1: no PIN prompt after Staff"; return 1; }
  type_text "$PIN"
  press Tab Return
  # The PIN's check takes a moment (Argon2id).
  wait_for_text "$1-staff" "Open a patient" 30 > /dev/null || { fail "$1: no staff view after the PIN"; return 1; }
  pass
}
export HOME="$WORK/home"   # no patient files from home to list: the staff view's controls are fixed
mkdir -p "$HOME"

start_app --kiosk --db "$DB" --clinician DR-1 --site north || { finish; exit 1; }

# --- The PIN prompt's Cancel (after the field and Enter): back to the list, still a kiosk. ---
press shift+Tab Return
wait_for_text staff-pin "clinician PIN" 15 > /dev/null || fail "no PIN prompt after Staff"
press Tab Tab Return
shot staff-cancelled
expect_text staff-cancelled "Choose a decision aid"
app_running && pass || fail "Cancel on the PIN prompt closed the kiosk"

# --- The audit (the staff view's first control): each grouping, an aid, Export, Back. ---
to_staff staff-1
press Tab Return
wait_for_text staff-audit "Personal-value audit" 15 > /dev/null || fail "no audit after pressing Audit"
# The groupings are its first six controls, in this order; the ring stays on the one pressed.
previous=""
position=0
# What each grouping shows is read from the table alone (OCR reads the clinician code C01 as "co1").
for grouping in "2:clinician:c[o0]1" "3:site:north" "4:month:2026-" "5:choice:blood thinner" "6:knowledge:not adequate" "1:together:All"; do
  IFS=: read -r at word shows <<< "$grouping"
  while [ "$position" -lt "$at" ]; do press Tab; position=$((position + 1)); done
  while [ "$position" -gt "$at" ]; do press shift+Tab; position=$((position - 1)); done
  press Return
  shot "staff-audit-$word"
  expect_text "staff-audit-$word" "Personal-value audit"
  [ -n "$shows" ] && expect_match_in "staff-audit-$word" 1280x520+0+370 "$shows"
  now=$(md5sum < "$SHOTS/staff-audit-$word.png")
  [ "$now" != "$previous" ] && pass || fail "the audit's grouping by $word did not change the screen"
  previous=$now
  app_running && pass || fail "the audit's grouping by $word closed the kiosk"
done
# By choice names each group by the option, not by its code in the record.
expect_no_text staff-audit-choice "no-anticoagulan"
# After the groupings, All aids, then each bundled aid in order of id: the first is one aid's
# figures alone (all together), as bran audit --aid gives them.
first_aid=$(cd "$SOURCE_DIR/content/decision-aids" && ls *.json | head -1 | sed 's/\.json$//')
press Tab Tab Tab Tab Tab Tab Tab Return
shot staff-audit-one-aid
"$BRAN" audit --db "$DB" --aid "$first_aid" --format json > "$WORK/one-aid.json"
one_aid_sessions=$(python3 -c 'import json,sys; print(sum(g["sessions"] for g in json.load(open(sys.argv[1]))["groups"]))' "$WORK/one-aid.json")
all_sessions=$(sqlite3 -batch -noheader "$DB" "SELECT count(*) FROM session")
[ "$one_aid_sessions" != "$all_sessions" ] && pass || fail "test is void: every session is of $first_aid"
expect_text staff-audit-one-aid "$one_aid_sessions ("
# Then the other four aids, Export as CSV and Back. What Export saved comes into view by itself.
press Tab Tab Tab Tab Tab Return
shot staff-audit-exported
expect_text staff-audit-exported "Saved:"
# In Documents, where staff look for what they saved: the figures and every session to review.
csv=$(ls "$HOME"/Documents/bran-audit-*[0-9].csv 2> /dev/null | head -1)
if [ -n "$csv" ] && [ "$(wc -l < "$csv")" -ge 2 ]; then pass; else fail "Export as CSV wrote no audit file in ~/Documents"; fi
review_csv=$(ls "$HOME"/Documents/bran-audit-*-to-review.csv 2> /dev/null | head -1)
want_review=$(sqlite3 -batch -noheader "$DB" "SELECT count(*) FROM session s JOIN aid_version a ON a.id = s.aid_version_id
  WHERE s.status = 'completed' AND (s.concordance = 0 OR s.sure_score < 4) AND a.aid_id = '$first_aid'")
if [ -n "$review_csv" ] && [ "$(($(wc -l < "$review_csv") - 1))" = "$want_review" ]; then pass; else
  fail "the sessions to review file has not every session to review ($want_review): $review_csv"; fi
press Tab Return
shot staff-after-audit
expect_text staff-after-audit "Choose a decision aid"
app_running && pass || fail "Back from the audit closed the kiosk"

# --- The staff view's Back: the list again, still a kiosk. Its controls from the page's start:
# Audit, the file name field, Open, Back, Close bran (no files from home are listed here). ---
to_staff staff-2
press Tab Tab Tab Tab Return
shot staff-after-back
expect_text staff-after-back "Choose a decision aid"
app_running && pass || fail "Back from the staff view closed the kiosk"

# --- The file name field and Open: a file from home that the list cannot find (it is not in
# the home folder, Documents, Downloads or on a USB stick) opens at its summary. ---
"$GENERATE" --db "$WORK/at-home.db" --sessions 1 --seed 8 > /dev/null || fail "generator failed"
mkdir -p "$WORK/elsewhere"
"$BRAN" export fhir --db "$WORK/at-home.db" > "$WORK/elsewhere/from-home.json"
to_staff staff-3
press Tab Tab          # the file name field
type_text "$WORK/elsewhere/from-home.json"
press Tab Return       # Open
wait_for_text staff-opened "Your summary" 20 > /dev/null && pass || fail "Open with a typed file name did not open the session at its summary"
home_session=$(sqlite3 -batch -noheader "$WORK/at-home.db" "SELECT id FROM session")
expect_equal "the file's session, recorded here" 1 "$(sqlite3 -batch -noheader "$DB" "SELECT count(*) FROM session WHERE id = '$home_session'")"
stop_app

# --- Close bran: the kiosk ends, for staff only. ---
start_app --kiosk --db "$DB" || { finish; exit 1; }
to_staff staff-4
press Tab Tab Tab Tab Tab Return
for _ in $(seq 1 50); do app_running || break; sleep 0.2; done
if app_running; then fail "Close bran did not close the kiosk"; else pass; fi
APP_PID=""

# --- In the clinic (not a kiosk) the same staff controls: Audit and its Back, the staff view's
# Back, and Close bran, which closes at once (staff have already given the PIN). ---
start_app --setting clinic --db "$DB" --clinician DR-1 --site north || { finish; exit 1; }
to_staff clinic-1
press Tab Return
wait_for_text clinic-audit "Personal-value audit" 15 > /dev/null && pass || fail "clinic: no audit after pressing Audit"
for _ in $(seq 1 14); do press Tab; done   # past the six groupings, the aids and Export, to Back
press Return
shot clinic-after-audit
expect_text clinic-after-audit "Choose a decision aid"
to_staff clinic-2
press Tab Tab Tab Tab Return
shot clinic-after-back
expect_text clinic-after-back "Choose a decision aid"
to_staff clinic-3
press Tab Tab Tab Tab Tab Return
for _ in $(seq 1 50); do app_running || break; sleep 0.2; done
if app_running; then fail "clinic: Close bran did not close bran"; else pass; fi
APP_PID=""

# --- The idle prompt's "I'm still here": the session is kept. ---
start_app --kiosk --idle-seconds 8 --db "$DB" || { finish; exit 1; }
press 1
sessions_before=$(sqlite3 -batch -noheader "$DB" "SELECT count(*) FROM session WHERE status = 'in-progress'")
# (Found by its body line: tesseract reads the bold heading less surely.)
if wait_for_text staff-idle "this screen will clear in" 25 > /dev/null; then
  press Tab Return   # the prompt's one control
  sleep 0.5
  import -window root "$SHOTS/staff-idle-kept.png"   # at once: the idle clock runs again from here
  tesseract "$SHOTS/staff-idle-kept.png" "$WORK/staff-idle-kept" > /dev/null 2>&1
  expect_no_text staff-idle-kept "this screen will clear in"
  expect_no_text staff-idle-kept "Choose a decision aid"
  expect_equal "sessions kept in progress" "$sessions_before" \
    "$(sqlite3 -batch -noheader "$DB" "SELECT count(*) FROM session WHERE status = 'in-progress'")"
else
  fail "no \"Are you still there?\" in the kiosk"
fi
stop_app
finish
