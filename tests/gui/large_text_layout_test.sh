#!/usr/bin/env bash
# At the largest text size every control must still be on screen and every line readable: the
# top bar's last button ("Start again" during a session) and the footer's key hint (which, if shown,
# must not run under the Next button). The window is bran's default 1280 wide.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=psa-testing
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan other)"
start_app --db "$WORK/layout.db" --locale en-GB || { finish; exit 1; }
press "$AID_KEY" Page_Down
shot layout-normal
expect_text layout-normal "Start again"
expect_text layout-normal "number keys to choose"
press ctrl+equal ctrl+equal
shot layout-largest
expect_text layout-largest "Bigger text"
expect_text layout-largest "High contrast"
expect_text layout-largest "Start again"
# The key hint may be left out at this size, but if shown it must not run under the Next button.
if ocr_has layout-largest "Keys:"; then expect_text layout-largest "number keys to choose"; else pass; fi
stop_app
finish
