# Helpers for real-window tests: run under `xvfb-run -a`, drive with xdotool, read with tesseract.
set -uo pipefail
BRAN=${BRAN:?set BRAN}
SOURCE_DIR=${SOURCE_DIR:?set SOURCE_DIR}
SHOTS=${SHOTS:-$PWD/screenshots}
mkdir -p "$SHOTS"
WORK=$(mktemp -d)
export XDG_DATA_HOME="$WORK/data"
export BRAN_TODAY=${BRAN_TODAY:-2026-11-23}
failures=0
passes=0
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# start_app ARGS...: starts bran and waits until its window is mapped. The window logs its frames
# (BRAN_FRAME_LOG), so settle can tell when it has finished drawing.
start_app() {
  export BRAN_FRAME_LOG=${BRAN_FRAME_LOG:-$WORK/frames.log}
  "$BRAN" "$@" > "$WORK/app.out" 2> "$WORK/app.err" &
  APP_PID=$!
  WINDOW=$(timeout 30 xdotool search --sync --onlyvisible --pid "$APP_PID" 2>/dev/null | head -1)
  if [ -z "$WINDOW" ]; then fail "no window appeared"; cat "$WORK/app.err" >&2; return 1; fi
  xdotool mousemove --window "$WINDOW" 5 5 windowfocus --sync "$WINDOW" 2>/dev/null
  settle
}
# Waits until the window has finished drawing: its last frame says it will sleep until input, no
# frame came since the last look, and two screenshots in a row are the same. A screenshot alone
# is not enough: on a loaded machine one frame can take longer than the pause between looks.
settle() {
  local previous="" current i
  for i in $(seq 1 60); do
    current="$(import -window root -depth 8 rgb:- 2>/dev/null | md5sum) $(frames_drawn)"
    [ "$current" = "$previous" ] && window_asleep && return 0
    previous=$current
    sleep 0.15
  done
}
frames_drawn() { [ -f "${BRAN_FRAME_LOG:-}" ] && wc -l < "$BRAN_FRAME_LOG"; }
window_asleep() {
  [ -n "$APP_PID" ] && [ -s "${BRAN_FRAME_LOG:-}" ] || return 0
  [ "$(tail -1 "$BRAN_FRAME_LOG" | awk '{ print $4 }')" = 1 ]
}
speaking_now() { tail -1 "$BRAN_FRAME_LOG" | awk '{ print $3 }'; }
# wait_speaking 0|1 SECONDS: waits until the window's last frame says it is (1) or is not (0)
# reading aloud; fails after SECONDS. The pointer's small moves make the window draw a frame.
wait_speaking() {
  local i
  for i in $(seq 1 $(( $2 * 20 ))); do
    [ "$(speaking_now)" = "$1" ] && return 0
    xdotool mousemove 620 520; sleep 0.05
  done
  return 1
}
# shot NAME: saves a screenshot and its OCR text ($WORK/NAME.txt).
shot() {
  settle
  import -window root "$SHOTS/$1.png"
  tesseract "$SHOTS/$1.png" "$WORK/$1" > /dev/null 2>&1
}
# expect_text NAME TEXT: the OCR of screenshot NAME contains TEXT. What the reading at the real
# size misses is looked for again at twice the size: tesseract drops words at the window's right
# edge and white words on filled buttons, where a person reads them well.
expect_text() {
  if ocr_has "$1" "$2"; then pass; return; fi
  [ -f "$WORK/$1.big.txt" ] && [ "$WORK/$1.big.txt" -nt "$SHOTS/$1.png" ] || {
    convert "$SHOTS/$1.png" -resize 200% "$WORK/$1.big.png"
    tesseract "$WORK/$1.big.png" "$WORK/$1.big" > /dev/null 2>&1
  }
  if ocr_has "$1.big" "$2"; then pass; else fail "screen $1 does not show: $2"; fi
}
# expect_match_in NAME GEOMETRY REGEX [SCALE]: the OCR of part of screenshot NAME (ImageMagick crop
# geometry, WxH+X+Y), enlarged to SCALE (default 100%), matches REGEX (extended, case-insensitive).
# A table under rows of buttons is read far better on its own than in the whole screen, and a
# chosen button's white words on blue at twice the size.
expect_match_in() {
  convert "$SHOTS/$1.png" -crop "$2" +repage -resize "${4:-100%}" "$WORK/$1.part.png"
  tesseract "$WORK/$1.part.png" "$WORK/$1.part" > /dev/null 2>&1
  if tr '\n' ' ' < "$WORK/$1.part.txt" | grep -qiE -- "$3"; then pass; else fail "screen $1 ($2) does not show: $3"; fi
}
# ocr_has NAME TEXT: quiet test of a screenshot's OCR text (case-insensitive, newlines as spaces).
ocr_has() { tr '\n' ' ' < "$WORK/$1.txt" | grep -qiF -- "$2"; }
key() { xdotool key --delay 60 "$@"; sleep 0.1; }
stop_app() {
  kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; APP_PID=""
}
finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
