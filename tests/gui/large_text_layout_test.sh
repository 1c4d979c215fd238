#!/usr/bin/env bash
# At the largest text size every control must still be on screen and every line readable: the
# top bar's last button ("Start again" during a session) and the footer's place (the aid's name,
# which must not run under the Next button). The window is bran's default 1280 wide.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=psa-testing
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan other)"
start_app --db "$WORK/layout.db" --locale en-GB || { finish; exit 1; }
# The keys are told once, on the list of aids, where every session starts.
scroll_down 40
shot layout-home-foot
expect_text layout-home-foot "number keys to choose"
press "$AID_KEY" Page_Down
shot layout-normal
expect_text layout-normal "Start again"
# The foot of each page names the aid, beside Back and Next and never under them.
expect_text layout-normal "Prostate cancer: should I have a PSA blood test?"
press ctrl+equal ctrl+equal
shot layout-largest
expect_text layout-largest "Bigger text"
expect_text layout-largest "High contrast"
expect_text layout-largest "Start again"
# (At this size it wraps onto a second line before the Next button.)
expect_text layout-largest "Prostate cancer: should I have a"
stop_app
finish
