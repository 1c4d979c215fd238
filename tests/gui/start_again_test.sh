#!/usr/bin/env bash
# "Start again" in the top bar, pressed with the mouse in a real window: on the first page, on a
# values question and on the summary, at home and in a kiosk, it ends the session (recorded as
# abandoned, answers kept), shows the list of aids, and the app keeps running (a kiosk must never
# drop to the desktop without the PIN). It once crashed on every step: the top bar reset the
# session and the same frame then drew the session it had just closed.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
AID=psa-testing
eval "$(python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" plan other)"
read -r -a value_keys <<< "$VALUE_KEYS"
PIN=123456
to_values=$((1 + 1 + N_BRAN + N_OUTCOMES))

app_running() { kill -0 "$APP_PID" 2>/dev/null; }

# start_again_from NAME DB PAGE_DOWNS [KEYS...]: opens the aid, moves on PAGE_DOWNS pages (typing
# KEYS after), presses Start again, and checks what the person sees and what was recorded.
start_again_from() {
  local name=$1 db=$2 pages=$3; shift 3
  press "$AID_KEY"
  local i
  for i in $(seq 1 "$pages"); do press Page_Down; done
  [ $# -gt 0 ] && press "$@"
  # The pointer off the top bar: OCR misreads a hovered button's label at the window's right edge.
  xdotool mousemove 640 600; sleep 0.2
  shot "$name-before"
  click_word "$name-before" "Start" || return
  sleep 0.5
  if ! app_running; then fail "$name: bran stopped when Start again was pressed"; cat "$WORK/app.err" >&2; return; fi
  pass
  shot "$name-after"
  expect_text "$name-after" "Choose a decision aid"
  expect_no_text "$name-after" "Start again"
  expect_equal "$name: the session closed as abandoned" abandoned \
    "$(sql "$db" "SELECT status FROM session ORDER BY started_at DESC, rowid DESC LIMIT 1")"
}

# --- At home. ---
DB="$WORK/home.db"
start_app --db "$DB" || { finish; exit 1; }
start_again_from home-first "$DB" 0
start_again_from home-values "$DB" "$to_values" "${value_keys[0]}"
expect_equal "home: the values answer was kept" 1 \
  "$(sql "$DB" "SELECT count(*) FROM event WHERE item NOT IN ('status', 'session') AND session_id =
                  (SELECT id FROM session ORDER BY started_at DESC, rowid DESC LIMIT 1)")"
# The next session starts afresh and can be walked.
press "$AID_KEY"
shot home-next-session
expect_text home-next-session "Step 1 of 11"
stop_app

# --- In a kiosk: the same, and the kiosk is still there afterwards. ---
DB="$WORK/kiosk.db"
printf '%s\n%s\n' "$PIN" "$PIN" | "$BRAN" pin --db "$DB" > /dev/null || fail "could not set the PIN"
start_app --kiosk --db "$DB" || { finish; exit 1; }
start_again_from kiosk-first "$DB" 0
start_again_from kiosk-values "$DB" "$to_values"
expect_equal "kiosk: two sessions, both abandoned" "2" \
  "$(sql "$DB" "SELECT count(*) FROM session WHERE status = 'abandoned'")"
stop_app

finish
