#!/usr/bin/env bash
# Text size (Ctrl+=, twice: the largest) and high contrast (F6) apply at once, mid-session, with no
# restart; the options and outcomes pages are then screenshotted at the largest size in high
# contrast. High contrast must be much darker than normal (image statistics) and the text must
# still be readable (OCR finds known headings) and bigger (OCR word boxes).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=psa-testing
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan other)"
heading=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["decision"]["en-GB"])' "$CONTENT_DIR/$AID.json")
first_outcome=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["outcomes"][0]["name"]["en-GB"])' "$CONTENT_DIR/$AID.json")

mean() { convert "$SHOTS/$1.png" -colorspace Gray -format "%[fx:mean]" info:; }
# word_height NAME WORD: pixel height of WORD's OCR box on screenshot NAME (at its real size).
word_height() {
  tesseract "$SHOTS/$1.png" "$WORK/$1.h" tsv > /dev/null 2>&1
  awk -F'\t' -v word="$2" 'NR > 1 && $12 == word { print $10; exit }' "$WORK/$1.h.tsv"
}

start_app --db "$WORK/display.db" --locale en-GB || { finish; exit 1; }
pid_before=$APP_PID
press "$AID_KEY" Page_Down
shot display-options-normal
expect_text display-options-normal "Step 2 of 11"
expect_text display-options-normal "$heading"
normal_mean=$(mean display-options-normal)
normal_height=$(word_height display-options-normal Should)

press ctrl+equal
shot display-options-large
large_height=$(word_height display-options-large Should)
press ctrl+equal
press F6
shot display-options-largest-contrast
expect_text display-options-largest-contrast "Step 2 of 11"
expect_text display-options-largest-contrast "Should I have a PSA"
expect_text display-options-largest-contrast "Normal col"   # the contrast button now turns it off
contrast_mean=$(mean display-options-largest-contrast)
largest_height=$(word_height display-options-largest-contrast Should)
echo "mean brightness: normal $normal_mean, high contrast $contrast_mean"
echo "height of \"Should\": normal ${normal_height:-?} px, large ${large_height:-?} px, largest ${largest_height:-?} px"
if awk -v n="$normal_mean" -v c="$contrast_mean" 'BEGIN { exit !(c < n * 0.5 && n - c > 0.3) }'; then pass
else fail "high contrast is not much darker: mean $contrast_mean against $normal_mean"; fi
if [ -n "$normal_height" ] && [ -n "$large_height" ] && [ -n "$largest_height" ] &&
   [ "$large_height" -gt "$normal_height" ] && [ "$largest_height" -gt "$large_height" ]; then pass
else fail "text did not grow at each step: ${normal_height:-?} -> ${large_height:-?} -> ${largest_height:-?} px"; fi

# Ctrl+= at the largest size does nothing more.
press ctrl+equal
shot display-options-largest-again
again_height=$(word_height display-options-largest-again Should)
expect_equal "height after a third Ctrl+=" "${largest_height:-?}" "${again_height:-?}"

# The outcomes page keeps the size and colours.
# shellcheck disable=SC2046
press $(printf 'Page_Down %.0s' $(seq 1 $((1 + N_BRAN))))
shot display-outcomes-largest-contrast
expect_text display-outcomes-largest-contrast "Step 4 of 11"
expect_text display-outcomes-largest-contrast "What may happen"
expect_text display-outcomes-largest-contrast "$first_outcome"
outcomes_mean=$(mean display-outcomes-largest-contrast)
echo "outcomes page mean brightness in high contrast: $outcomes_mean"
if awk -v n="$normal_mean" -v c="$outcomes_mean" 'BEGIN { exit !(c < n * 0.5) }'; then pass
else fail "the outcomes page is not in high contrast: mean $outcomes_mean"; fi

# Back to normal: F6 and Ctrl+- twice.
press F6 ctrl+minus ctrl+minus
shot display-outcomes-normal
expect_text display-outcomes-normal "High contrast"
back_mean=$(mean display-outcomes-normal)
if awk -v n="$normal_mean" -v c="$back_mean" 'BEGIN { exit !(c > n - 0.1) }'; then pass
else fail "F6 again did not give normal colours back: mean $back_mean"; fi

expect_equal "same process throughout (no restart)" "$pid_before" "$APP_PID"
if kill -0 "$APP_PID" 2>/dev/null; then pass; else fail "bran is no longer running"; fi
stop_app
finish
