#!/usr/bin/env bash
# Every screen at the largest text size in high contrast, in Welsh (the longest labels): the
# home list, each of the 11 steps, the PIN screen, the staff view and the audit view. On each,
# the screen is dark (high contrast kept), its own heading is read (not clipped), and on the steps
# the footer's progress line is read in full ("Cam N o 11") so nothing runs under it or off the
# window. The screenshots (every-*.png) are kept for a person to look at.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=statins-primary-prevention
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan same)"
DB="$WORK/every.db"
printf '246824\n246824\n' | "$BRAN" pin --db "$DB" > /dev/null || fail "could not set the PIN"

n=0
screen_shot() {  # screen_shot NAME HEADING_TEXT: screenshot, dark, heading read
  n=$((n + 1))
  SHOT=$(printf 'every-%02d-%s' "$n" "$1")
  shot "$SHOT"
  dark=$(convert "$SHOTS/$SHOT.png" -colorspace Gray -format '%[fx:mean < 0.35 ? 1 : 0]' info:)
  expect_equal "screen $SHOT in high contrast (dark)" 1 "$dark"
  [ -n "$2" ] && expect_text "$SHOT" "$2"
}
step_shot() {  # step_shot NAME STEP HEADING_TEXT
  screen_shot "$1" "$3"
  # tesseract (English) may read the Welsh "o" as a zero
  if tr '\n' ' ' < "$WORK/$SHOT.txt" | grep -qiE "Cam $2 [o0] 11"; then pass; else fail "screen $SHOT: no progress line \"Cam $2 o 11\""; fi
}

start_app --db "$DB" --locale cy || { finish; exit 1; }
press ctrl+equal ctrl+equal F6
screen_shot home "Dewiswch gymorth"
press "$AID_KEY"
step_shot what-matters 1 ""
press Page_Down
step_shot options 2 ""
press Page_Down
step_shot option-1 3 ""
for p in $(seq 1 "$N_BRAN"); do press Page_Down; done
step_shot outcome-1 4 ""
for p in $(seq 1 "$N_OUTCOMES"); do press Page_Down; done
read -r -a value_keys <<< "$VALUE_KEYS"
press "${value_keys[0]}"
step_shot value-1 5 ""
for p in $(seq 1 "$N_VALUES"); do press Page_Down; done
read -r -a knowledge_keys <<< "$KNOWLEDGE_KEYS"
press "${knowledge_keys[0]}"
step_shot knowledge-1 6 ""
for p in $(seq 1 "$N_KNOWLEDGE"); do press Page_Down; done
press 2
step_shot sure-1 7 ""
press Page_Down Page_Down Page_Down Page_Down
press "$LEANING_KEY"
step_shot leaning 8 ""
press Page_Down
step_shot questions 9 ""
press Page_Down
step_shot summary 10 ""
scroll_down 30
step_shot summary-end 10 ""
press Page_Down
press "$DECISION_KEY"
step_shot decision 11 ""
# Finish, by the keyboard: the number key left nothing focused, so Tab goes through the options,
# Not sure yet and Decide later to Finish; then back to the list.
for i in $(seq 1 $((N_OPTIONS + 3))); do press Tab; done
step_shot decision-finish 11 ""
expect_text "$SHOT" "Gorffen"
press Return
screen_shot home-again "Dewiswch gymorth"

# The staff screens: Staff is the top bar's last button on the list (Shift+Tab from the page).
press shift+Tab Return
screen_shot pin "rhowch PIN"
type_text 246824
press Return
# The PIN's check takes a moment (Argon2id, longer with the sanitizers), during which the window
# draws nothing new: wait for the staff view itself before its screenshot.
wait_for_text every-staff-opening "Agor ffeil" 30 > /dev/null || fail "no staff view after the PIN"
screen_shot staff "Agor ffeil claf"
press Tab Return          # the staff view's first control: the audit
screen_shot audit "Archwiliad gwerth personol"
scroll_down 4
screen_shot audit-table "Sesiynau"
# The choices line names the option (the record keeps its id).
decision_name=$(python3 -c 'import json,sys
o = [o for o in json.load(open(sys.argv[1]))["options"] if o["id"] == sys.argv[2]][0]["name"]
print(o.get("cy", o["en-GB"]))' "$CONTENT_DIR/$AID.json" "$DECISION")
expect_text "$SHOT" "$decision_name (1)"
scroll_down 4
screen_shot audit-review "Dyddiad"
stop_app
echo "screenshots: $n in $SHOTS (every-*.png)"
finish
