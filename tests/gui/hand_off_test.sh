#!/usr/bin/env bash
# Home -> file -> clinic in real windows: a patient works through the enlarged-prostate aid at
# home and presses "Take to my appointment" (a record file and a summary PDF in ~/Documents);
# at the clinic, staff open that file from the staff view behind the PIN, the session goes on
# at the summary with the home answers, the patient changes their leaning, the clinician records
# the decision. The clinic's database then holds one session with both the home and the clinic
# answers, and `bran audit` counts how the choice moved.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=bph-symptoms
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan other)"
read -r -a option_ids <<< "$OPTION_IDS"
read -r -a value_keys <<< "$VALUE_KEYS"
PIN=246824
export HOME="$WORK/home"
mkdir -p "$HOME/Documents"

# --- At home ---------------------------------------------------------------------------------
start_app --db "$WORK/home.db" --setting home --locale en-GB || { finish; exit 1; }
press "$AID_KEY"
# Read the pages up to the values, rate each criterion, skip the knowledge check and SURE,
# lean towards the first option, write a question.
for _ in $(seq 1 $((2 + N_BRAN + N_OUTCOMES))); do press Page_Down; done
for k in "${value_keys[@]}"; do press "$k" Page_Down; done
for _ in $(seq 1 $((N_KNOWLEDGE + 4))); do press Page_Down; done
press 1 Page_Down
type_text "Can I stop the tablets later?"
press Page_Down
shot handoff-home-summary
expect_text handoff-home-summary "Your summary"
scroll_down 20
shot handoff-home-summary-end
click_word handoff-home-summary-end "Take"
shot handoff-home-saved
# The confirmation comes into view by itself, and says what each file is for.
expect_text handoff-home-saved "Bring this file to your appointment"
expect_text handoff-home-saved "Your summary to print"
stop_app

record=$(ls "$HOME"/Documents/bran-"$AID"-*.json 2> /dev/null | head -1)
if [ -n "$record" ]; then pass; else fail "no record file in ~/Documents"; finish; exit 1; fi
pdf=${record%.json}.pdf
if pdftotext "$pdf" - 2> /dev/null | tr '\n' ' ' | grep -qF "Can I stop the tablets later?"; then pass
else fail "the summary PDF beside the record does not hold the patient's question"; fi
session=$(sql "$WORK/home.db" "SELECT id FROM session")
expect_equal "settings of the home events" home "$(sql "$WORK/home.db" "SELECT group_concat(DISTINCT setting) FROM event")"

# --- At the clinic ---------------------------------------------------------------------------
DB="$WORK/clinic.db"
printf '%s\n%s\n' "$PIN" "$PIN" | "$BRAN" pin --db "$DB" > /dev/null || fail "could not set the PIN"
start_app --db "$DB" --setting clinic --locale en-GB || { finish; exit 1; }
shot handoff-clinic-home
click_word handoff-clinic-home "Staff"
# Type the PIN only once its prompt shows, or the digits would open aids on the list.
if wait_for_text handoff-pin "clinician PIN" 15 > /dev/null; then pass; else fail "no PIN prompt after pressing Staff"; fi
type_text "$PIN"
press Return
wait_for_text handoff-staff "Open a patient" 15 > /dev/null
shot handoff-staff
if ! ocr_has handoff-staff "Open a patient"; then
  kill -0 "$APP_PID" 2> /dev/null || echo "bran is no longer running; it said:" >&2
  sed 's/^/  bran: /' "$WORK/app.err" >&2
fi
expect_text handoff-staff "Open a patient"
expect_text handoff-staff "bran-$AID"
click_word handoff-staff "bran-$AID"
shot handoff-clinic-summary
expect_text handoff-clinic-summary "Your summary"
expect_progress handoff-clinic-summary 10
scroll_down 20
shot handoff-clinic-summary-end
expect_text handoff-clinic-summary-end "What changed since you used this at home"
expect_text handoff-clinic-summary-end "Nothing has changed since you used this at home"
expect_text handoff-clinic-summary-end "Can I stop the tablets later?"
# "Save my summary" in the clinic saves a new summary beside the patient's files from home, and
# leaves theirs as they were (it once wrote over them, on their own USB stick).
home_files="$(sha256sum "$record" "$pdf")"
# (OCR cannot read white words on the blue button, so the click goes just below the words above it.)
read -r save_x save_y < <(word_centre handoff-clinic-summary-end "saves")
if [ -n "${save_y:-}" ]; then
  xdotool mousemove "$save_x" $((save_y + 54)); sleep 0.2
  xdotool mousedown 1; sleep 0.1; xdotool mouseup 1; sleep 0.3
else
  fail "no \"This saves your summary\" above the button"
fi
shot handoff-clinic-saved
expect_text handoff-clinic-saved "Your summary to print"
expect_equal "the patient's own files after Save my summary" "$home_files" "$(sha256sum "$record" "$pdf")"
clinic_pdf=$(ls -t "$HOME"/Documents/bran-"$AID"-*.pdf | head -1)
if [ "$clinic_pdf" != "$pdf" ] && pdftotext "$clinic_pdf" - 2> /dev/null | tr '\n' ' ' | grep -qF "Can I stop the tablets later?"; then pass
else fail "no new summary PDF from the clinic (newest: $clinic_pdf)"; fi
# The patient's two files from home, and the clinic's new summary with its record beside it.
expect_equal "files in Documents after the clinic saved" 4 "$(ls "$HOME/Documents" | wc -l)"

# In the clinic the patient leans another way (back two pages: questions, then the leaning).
press Page_Up Page_Up
shot handoff-clinic-leaning
expect_progress handoff-clinic-leaning 8
press 2 Page_Down Page_Down
scroll_down 20
shot handoff-clinic-moved
expect_text handoff-clinic-moved "At home you were leaning towards"
press Page_Down
press 2
shot handoff-clinic-decision
expect_progress handoff-clinic-decision 11
scroll_down 10
shot handoff-clinic-decision-end
click_word handoff-clinic-decision-end "Finish"
shot handoff-clinic-done
expect_text handoff-clinic-done "Choose a decision aid"
stop_app

# --- The clinic's record -----------------------------------------------------------------------
expect_equal "sessions in the clinic" "$session|completed" "$(sql "$DB" "SELECT id, status FROM session")"
expect_equal "where each answer was given" "clinic|decision
clinic|leaning
home|leaning" \
  "$(sql "$DB" "SELECT setting, item FROM event WHERE item IN ('leaning', 'decision') ORDER BY item, seq DESC")"
answers_at_home="SELECT count(*) FROM event WHERE setting = 'home' AND item NOT IN ('status', 'session', 'credited')"
expect_equal "home answers kept in the clinic" "$(sql "$WORK/home.db" "$answers_at_home")" "$(sql "$DB" "$answers_at_home")"
"$BRAN" audit --db "$DB" --format json > "$WORK/audit.json" || fail "bran audit failed"
got=$(python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))["groups"][0]
h = g["home_to_clinic"]
print(g["completed"], json.dumps(g["choices"]), h["sessions"], h["choice_changed"]["changed"], json.dumps(h["moves"]))
' "$WORK/audit.json")
expect_equal "audit: completed, choices, home-to-clinic sessions, changed, moves" \
  "1 {\"${option_ids[1]}\": 1} 1 1 {\"${option_ids[0]} -> ${option_ids[1]}\": 1}" "$got"
"$BRAN" audit verify --db "$DB" > "$WORK/verify.out" 2>&1 || fail "audit verify: $(cat "$WORK/verify.out")"
finish
