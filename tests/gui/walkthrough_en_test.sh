#!/usr/bin/env bash
# A whole session of the PSA aid in English, driven only by real key presses (and one mouse click
# on Finish), every page screenshotted; then the database must hold exactly what was answered, in
# order, and the audit columns must match what the aid's JSON and these answers give by hand.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=psa-testing
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan other)"
python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" events other > "$WORK/expected-events"
DB="$WORK/en.db"
echo "plan: $N_BRAN option pages, $N_OUTCOMES outcome pages, $N_VALUES values, $N_KNOWLEDGE questions; scores $SCORES"

n=0
page_shot() {  # page_shot NAME: numbered screenshot of the page being shown
  n=$((n + 1))
  SHOT=$(printf 'en-%02d-%s' "$n" "$1")
  shot "$SHOT"
}

start_app --db "$DB" --locale en-GB || { finish; exit 1; }
page_shot home
expect_text "$SHOT" "Choose a decision aid"
press "$AID_KEY"

# Step 1: in their own words (the text field has the focus on arrival).
page_shot what-matters-empty
expect_text "$SHOT" "What bothers you most?"
expect_progress "$SHOT" 1
type_text "$WHAT_MATTERS"
page_shot what-matters-typed
expect_text "$SHOT" "needless tests"
press Page_Down

# Step 2: the options side by side.
page_shot options
expect_progress "$SHOT" 2
expect_text "$SHOT" "Have a PSA test now"
press Page_Down

# Step 3: each option in turn.
for p in $(seq 1 "$N_BRAN"); do
  page_shot "option-$p-of-$N_BRAN"
  expect_progress "$SHOT" 3 "$p" "$N_BRAN"
  press Page_Down
done

# Step 4: what may happen, one outcome a page.
for p in $(seq 1 "$N_OUTCOMES"); do
  page_shot "outcome-$p-of-$N_OUTCOMES"
  expect_progress "$SHOT" 4 "$p" "$N_OUTCOMES"
  expect_text "$SHOT" "What may happen:"
  expect_text "$SHOT" "out of 1,000 people"
  press Page_Down
done

# Step 5: how much each criterion matters (key N = importance N-1).
read -r -a value_keys <<< "$VALUE_KEYS"
for p in $(seq 1 "$N_VALUES"); do
  press "${value_keys[$((p - 1))]}"
  page_shot "value-$p-of-$N_VALUES"
  expect_progress "$SHOT" 5 "$p" "$N_VALUES"
  expect_text "$SHOT" "Question $p of $N_VALUES"
  press Page_Down
done

# Step 6: the knowledge check; each answer shows right or not quite.
read -r -a knowledge_keys <<< "$KNOWLEDGE_KEYS"
for p in $(seq 1 "$N_KNOWLEDGE"); do
  press "${knowledge_keys[$((p - 1))]}"
  page_shot "knowledge-$p-of-$N_KNOWLEDGE"
  expect_progress "$SHOT" 6 "$p" "$N_KNOWLEDGE"
  if [ $((p % 2)) -eq 1 ]; then expect_text "$SHOT" "That's right"; else expect_text "$SHOT" "Not quite"; fi
  press Page_Down
done

# Step 7: SURE, four yes/no questions.
read -r -a sure_keys <<< "$SURE_KEYS"
for p in 1 2 3 4; do
  press "${sure_keys[$((p - 1))]}"
  page_shot "sure-$p-of-4"
  expect_progress "$SHOT" 7 "$p" 4
  if [ "${sure_keys[$((p - 1))]}" = 2 ]; then expect_text "$SHOT" "Many people answer"; fi
  press Page_Down
done

# Step 8: the leaning.
press "$LEANING_KEY"
page_shot leaning
expect_progress "$SHOT" 8
expect_text "$SHOT" "Which option are you leaning towards?"
press Page_Down

# Step 9: their questions (a text field again).
page_shot questions-empty
expect_progress "$SHOT" 9
type_text "$QUESTIONS"
page_shot questions-typed
expect_text "$SHOT" "Who will explain it"
press Page_Down

# Step 10: the summary (reaching it completes the session).
page_shot summary
expect_progress "$SHOT" 10
expect_text "$SHOT" "Your summary"
expect_text "$SHOT" "needless tests"
summary_top=$SHOT
scroll_down 80  # to the foot of the summary, past its pictures
page_shot summary-scrolled
# The leaning line is near the middle: on one of the two screenshots, whatever the layout.
if ocr_has "$summary_top" "You are leaning towards: Have a PSA test now" || ocr_has "$SHOT" "You are leaning towards: Have a PSA test now"
then pass; else fail "the summary does not show the leaning"; fi
# What the answers point to, and why (docs/value-concordance.md): the option, then what points to it.
if ocr_has "$summary_top" "fits best with what matters to you" && { ocr_has "$summary_top" "What points to" || ocr_has "$SHOT" "What points to"; }
then pass; else fail "the summary does not say what fits best and what points to it"; fi
expect_text "$SHOT" "You got $EXPECT_KNOWLEDGE_CORRECT of $EXPECT_KNOWLEDGE_ANSWERED questions right"
expect_text "$SHOT" "You answered no to 1 question"
expect_text "$SHOT" "Who will explain it"
if next_button_shown "$SHOT"; then pass; else fail "the summary has no Next button"; fi
press Page_Down

# Step 11: the decision, with the clinician; then Finish (a button: clicked with the mouse).
press "$DECISION_KEY"
page_shot decision
expect_progress "$SHOT" 11
expect_text "$SHOT" "Recorded: Don"
if next_button_shown "$SHOT"; then fail "the decision step (the last) shows a Next button"; else pass; fi
status_before=$(sql "$DB" "SELECT status FROM session")
# Finish may be below the fold (larger top bar, longer page): scroll to the end of the page first.
scroll_down 10
page_shot decision-scrolled
click_word "$SHOT" "Finish"
page_shot after-finish
expect_text "$SHOT" "Choose a decision aid"
expect_text "$SHOT" "There are 5 decision aids"
stop_app

# The record.
expect_equal "session rows" 1 "$(sql "$DB" "SELECT count(*) FROM session")"
session=$(sql "$DB" "SELECT id FROM session")
expect_equal "aid" "$AID" "$(sql "$DB" "SELECT a.aid_id FROM session s JOIN aid_version a ON a.id = s.aid_version_id")"
expect_equal "status when the decision page showed" completed "$status_before"
expect_equal "status" completed "$(sql "$DB" "SELECT status FROM session")"
expect_equal "locale" en-GB "$(sql "$DB" "SELECT locale FROM session")"
expect_equal "setting of every event" home "$(sql "$DB" "SELECT group_concat(DISTINCT setting) FROM event")"
check_events "$DB" "$session" "$WORK/expected-events"
row=$(sql "$DB" "SELECT choice, ifnull(concordance, ''), knowledge_correct, knowledge_answered, ifnull(knowledge_adequate, ''),
                        ifnull(informed_choice, ''), ifnull(sure_score, '') FROM session")
expect_equal "choice|concordance|knowledge correct|answered|adequate|informed|sure" \
  "$EXPECT_CHOICE|$EXPECT_CONCORDANCE|$EXPECT_KNOWLEDGE_CORRECT|$EXPECT_KNOWLEDGE_ANSWERED|$EXPECT_KNOWLEDGE_ADEQUATE|$EXPECT_INFORMED|$EXPECT_SURE_SCORE" \
  "$row"
echo "screenshots: $n in $SHOTS (en-*.png)"
finish
