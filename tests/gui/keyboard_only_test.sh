#!/usr/bin/env bash
# A whole session of the knee aid with the keyboard alone, as a person who cannot use a mouse or
# a touch screen does it: Tab and Shift+Tab move the focus ring, Space and Enter press, no number
# keys and no mouse. The ring must be visible on each control it reaches, each control at least
# 48 px square (at the smallest text size), Finish must come into view when Tab reaches it, and
# the database must hold exactly what was answered.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=knee-osteoarthritis
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan same)"
python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" events same > "$WORK/expected-events"
DB="$WORK/keys.db"

n=0
page_shot() {
  n=$((n + 1))
  SHOT=$(printf 'keys-%02d-%s' "$n" "$1")
  shot "$SHOT"
}

# ring_shown NAME: the focus ring's colour (the normal theme's focus, #CC5900) is drawn on
# screenshot NAME: at least a button's outline of it (a 4 px ring round a small button is ~1,000 px).
ring_mask() {
  convert "$SHOTS/$1.png" -fuzz 6% -fill black +opaque 'rgb(204,89,0)' -fill white -opaque 'rgb(204,89,0)' "$WORK/$1.ring.png"
}
ring_pixels() {
  ring_mask "$1"
  convert "$WORK/$1.ring.png" -format '%[fx:round(mean*w*h)]' info:
}
# ring_closed NAME: the ring's lowest rows are a line across (not cut off by the footer, which
# would leave only its two sides).
ring_closed() {
  local w h x y bottom
  ring_mask "$1"
  read -r w h x y <<< "$(convert "$WORK/$1.ring.png" -trim -format '%w %h %X %Y' info:)"
  bottom=$(convert "$WORK/$1.ring.png" -crop "${w}x3+${x#+}+$(( ${y#+} + h - 3 ))" +repage -format '%[fx:mean]' info:)
  awk -v m="$bottom" 'BEGIN { exit !(m > 0.8) }'
}
expect_ring() {
  local count
  count=$(ring_pixels "$1")
  if [ "$count" -ge 800 ]; then pass; else fail "screen $1: no focus ring to be seen ($count ring pixels)"; fi
}

# expect_touch_size NAME: the focused control on screenshot NAME is at least 48 x 48 px (a touch
# target at the smallest text size), measured from its ring, which lies 6 px outside it.
expect_touch_size() {
  local w h
  ring_mask "$1"
  read -r w h <<< "$(convert "$WORK/$1.ring.png" -trim -format '%w %h' info:)"
  if [ $((w - 12)) -ge 48 ] && [ $((h - 12)) -ge 48 ]; then pass
  else fail "screen $1: the focused control is $((w - 12)) x $((h - 12)) px, under 48 x 48"; fi
}

# choose K: the K-th answer of a question page, by Tab K times (the first Tab on a page goes to
# its first control) and Space.
choose() {
  local i
  for i in $(seq 1 "$1"); do press Tab; done
  press space
}

start_app --db "$DB" --locale en-GB || { finish; exit 1; }
page_shot home
if [ "$(ring_pixels "$SHOT")" -lt 100 ]; then pass; else fail "a focus ring shows before any key was pressed"; fi

# The aid: Tab to its Start button (the cards are in order; Tab from nowhere goes to the first).
for i in $(seq 1 "$AID_KEY"); do press Tab; done
page_shot home-focused
expect_ring "$SHOT"
expect_touch_size "$SHOT"
expect_text "$SHOT" "Knee osteoarthritis"
press Return

# Step 1: the text field has the keys on arrival; Tab leaves it for Next, Enter presses Next.
page_shot what-matters
expect_progress "$SHOT" 1
type_text "$WHAT_MATTERS"
press Tab
page_shot what-matters-next-focused
expect_ring "$SHOT"
expect_touch_size "$SHOT"
press Return

# Step 2: the top bar by Shift+Tab (from nothing on a page, Shift+Tab goes to the control just
# before the page: the top bar's last, Start again; then Read every screen, Read aloud, High contrast).
page_shot options
expect_progress "$SHOT" 2
for i in 1 2 3 4; do press shift+Tab; done
press Return
page_shot options-high-contrast
dark=$(convert "$SHOTS/$SHOT.png" -colorspace Gray -format '%[fx:mean < 0.3 ? 1 : 0]' info:)
expect_equal "high contrast turned on from the keyboard (dark screen)" 1 "$dark"
press space
page_shot options-normal
light=$(convert "$SHOTS/$SHOT.png" -colorspace Gray -format '%[fx:mean > 0.7 ? 1 : 0]' info:)
expect_equal "high contrast turned off again (light screen)" 1 "$light"
press Page_Down

for p in $(seq 1 "$N_BRAN"); do press Page_Down; done
for p in $(seq 1 "$N_OUTCOMES"); do press Page_Down; done

read -r -a value_keys <<< "$VALUE_KEYS"
for p in $(seq 1 "$N_VALUES"); do
  choose "${value_keys[$((p - 1))]}"
  press Page_Down
done
read -r -a knowledge_keys <<< "$KNOWLEDGE_KEYS"
for p in $(seq 1 "$N_KNOWLEDGE"); do
  choose "${knowledge_keys[$((p - 1))]}"
  if [ "$p" = 1 ]; then
    page_shot knowledge-1; expect_ring "$SHOT"; expect_touch_size "$SHOT"; expect_progress "$SHOT" 6 1 "$N_KNOWLEDGE"
  fi
  press Page_Down
done
read -r -a sure_keys <<< "$SURE_KEYS"
for p in 1 2 3 4; do
  choose "${sure_keys[$((p - 1))]}"
  press Page_Down
done
choose "$LEANING_KEY"
page_shot leaning
expect_text "$SHOT" "Which option are you leaning towards?"
press Page_Down

# Step 9: type, then Tab past Back to Next.
page_shot questions
expect_progress "$SHOT" 9
type_text "$QUESTIONS"
press Tab Tab
press Return
page_shot summary
expect_progress "$SHOT" 10
expect_text "$SHOT" "Your summary"
press Page_Down

# Step 11: the decision, then Tab on to Finish (the options, Not sure yet, Decide later, then
# Finish at the foot of the page): it must scroll into view, ring and all, and Enter finishes.
choose "$DECISION_KEY"
page_shot decision
expect_progress "$SHOT" 11
status_before=$(sql "$DB" "SELECT status FROM session")
for i in $(seq $((DECISION_KEY + 1)) $((N_OPTIONS + 3))); do press Tab; done
page_shot finish-focused
expect_text "$SHOT" "Finish"   # white on the filled button
expect_ring "$SHOT"
if ring_closed "$SHOT"; then pass; else fail "the focus ring round Finish is cut off: Finish is not wholly in view"; fi
press Return
page_shot after-finish
# Ready for the next person: the list of aids from its top, with no focus ring left over.
expect_text "$SHOT" "Choose a decision aid"
if [ "$(ring_pixels "$SHOT")" -lt 100 ]; then pass; else fail "the next person's screen shows the last one's focus ring"; fi
stop_app

expect_equal "session rows" 1 "$(sql "$DB" "SELECT count(*) FROM session")"
session=$(sql "$DB" "SELECT id FROM session")
expect_equal "status when the decision page showed" completed "$status_before"
expect_equal "decision" "$DECISION" "$(sql "$DB" "SELECT choice FROM session")"
check_events "$DB" "$session" "$WORK/expected-events"
echo "screenshots: $n in $SHOTS (keys-*.png)"
finish
