#!/usr/bin/env bash
# A whole session of the PSA aid in Welsh (--locale cy), by real key presses, every page
# screenshotted. Welsh text is read loosely (tesseract here knows only English, so only all-ASCII
# Welsh words taken from the aid's own "cy" text are looked for). Half way, the patient clicks
# "English" and back to "Cymraeg": the same session must go on, on the same page, answers kept.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=psa-testing
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan same)"
python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" events same > "$WORK/expected-events"
DB="$WORK/cy.db"
SWITCH_AT=3   # the values page where the language is switched (after two values are answered)
[ "$N_VALUES" -ge "$SWITCH_AT" ] || SWITCH_AT=$N_VALUES

n=0
page_shot() {
  n=$((n + 1))
  SHOT=$(printf 'cy-%02d-%s' "$n" "$1")
  shot "$SHOT"
}

start_app --db "$DB" --locale cy || { finish; exit 1; }
page_shot home
expect_text "$SHOT" "Dewiswch gymorth penderfynu"
expect_text "$SHOT" "Mae 5 cymorth penderfynu"
expect_highlighted "$SHOT" Cymraeg
press "$AID_KEY"

page_shot what-matters-empty
type_text "$WHAT_MATTERS"
page_shot what-matters-typed
expect_text "$SHOT" "needless tests"
press Page_Down

page_shot options
expect_text "$SHOT" "Cael prawf PSA nawr"
expect_text "$SHOT" "prostad"
press Page_Down

for p in $(seq 1 "$N_BRAN"); do
  page_shot "option-$p-of-$N_BRAN"
  expect_text "$SHOT" "$(cy_word option "$p")"
  press Page_Down
done

for p in $(seq 1 "$N_OUTCOMES"); do
  page_shot "outcome-$p-of-$N_OUTCOMES"
  expect_text "$SHOT" "$(cy_word outcome "$p")"
  press Page_Down
done

read -r -a value_keys <<< "$VALUE_KEYS"
for p in $(seq 1 "$N_VALUES"); do
  if [ "$p" -eq "$SWITCH_AT" ]; then
    # The language changes mid-session: click "English" (found by OCR), then "Cymraeg".
    page_shot "value-$p-before-switch"
    expect_text "$SHOT" "$(cy_word criterion "$p")"
    events_before=$(sql "$DB" "SELECT count(*) FROM event")
    session_before=$(sql "$DB" "SELECT id FROM session")
    click_word "$SHOT" English
    page_shot "value-$p-in-english"
    english_label=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["criteria"][int(sys.argv[2])]["label"]["en-GB"])' \
                      "$CONTENT_DIR/$AID.json" "$((p - 1))")
    expect_text "$SHOT" "$english_label"
    expect_text "$SHOT" "Question $p of $N_VALUES"
    expect_highlighted "$SHOT" English
    expect_equal "sessions after switching to English" 1 "$(sql "$DB" "SELECT count(*) FROM session")"
    expect_equal "same session after switching" "$session_before" "$(sql "$DB" "SELECT id FROM session")"
    expect_equal "answers kept after switching" "$events_before" "$(sql "$DB" "SELECT count(*) FROM event")"
    locale_in_english=$(sql "$DB" "SELECT locale FROM session")
    echo "session locale while shown in English: $locale_in_english"
    # The earlier answers are still there when going back a page.
    press Page_Up
    page_shot "value-$((p - 1))-back-in-english"
    expect_text "$SHOT" "Question $((p - 1)) of $N_VALUES"
    press Page_Down
    page_shot "value-$p-again-in-english"
    click_word "$SHOT" Cymraeg
    page_shot "value-$p-back-in-welsh"
    expect_text "$SHOT" "$(cy_word criterion "$p")"
    expect_highlighted "$SHOT" Cymraeg
    expect_equal "sessions after switching back" 1 "$(sql "$DB" "SELECT count(*) FROM session")"
  fi
  press "${value_keys[$((p - 1))]}"
  page_shot "value-$p-of-$N_VALUES"
  expect_text "$SHOT" "$(cy_word criterion "$p")"
  press Page_Down
done

read -r -a knowledge_keys <<< "$KNOWLEDGE_KEYS"
for p in $(seq 1 "$N_KNOWLEDGE"); do
  press "${knowledge_keys[$((p - 1))]}"
  page_shot "knowledge-$p-of-$N_KNOWLEDGE"
  expect_text "$SHOT" "$(cy_word question "$p")"
  press Page_Down
done

read -r -a sure_keys <<< "$SURE_KEYS"
for p in 1 2 3 4; do
  press "${sure_keys[$((p - 1))]}"
  page_shot "sure-$p-of-4"
  press Page_Down
done

press "$LEANING_KEY"
page_shot leaning
expect_text "$SHOT" "Cael prawf PSA nawr"
press Page_Down

page_shot questions-empty
type_text "$QUESTIONS"
page_shot questions-typed
expect_text "$SHOT" "Who will explain it"
press Page_Down

page_shot summary
expect_text "$SHOT" "A ddylwn i gael prawf gwaed PSA"
expect_text "$SHOT" "needless tests"
scroll_down 80  # to the foot of the summary, past its pictures
page_shot summary-scrolled
expect_text "$SHOT" "Who will explain it"
press Page_Down

press "$DECISION_KEY"
page_shot decision
expect_text "$SHOT" "Cael prawf PSA nawr"
scroll_down 10
page_shot decision-scrolled
# Finish is a button; its label may be English (fallback) or Welsh ("Gorffen") as the words come.
if [ -n "$(word_centre "$SHOT" Finish)" ]; then click_word "$SHOT" Finish; else click_word "$SHOT" Gorffen; fi
page_shot after-finish
expect_text "$SHOT" "Dewiswch gymorth penderfynu"
stop_app

expect_equal "session rows" 1 "$(sql "$DB" "SELECT count(*) FROM session")"
session=$(sql "$DB" "SELECT id FROM session")
expect_equal "session id kept across the language switch" "$session_before" "$session"
expect_equal "locale" cy "$(sql "$DB" "SELECT locale FROM session")"
expect_equal "status" completed "$(sql "$DB" "SELECT status FROM session")"
check_events "$DB" "$session" "$WORK/expected-events"
row=$(sql "$DB" "SELECT choice, ifnull(concordance, ''), knowledge_correct, knowledge_answered, ifnull(knowledge_adequate, ''),
                        ifnull(informed_choice, ''), ifnull(sure_score, '') FROM session")
expect_equal "choice|concordance|knowledge correct|answered|adequate|informed|sure" \
  "$EXPECT_CHOICE|$EXPECT_CONCORDANCE|$EXPECT_KNOWLEDGE_CORRECT|$EXPECT_KNOWLEDGE_ANSWERED|$EXPECT_KNOWLEDGE_ADEQUATE|$EXPECT_INFORMED|$EXPECT_SURE_SCORE" \
  "$row"
echo "screenshots: $n in $SHOTS (cy-*.png)"
finish
