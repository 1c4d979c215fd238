# More helpers for the real-window walk-through tests; source after lib.sh.
GUI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONTENT_DIR="$SOURCE_DIR/content/decision-aids"

# press KEYS...: real key presses, slow enough that the app (one press per frame) takes each.
press() { xdotool key --delay 80 "$@"; sleep 0.15; }

# type_text TEXT: types into the focused field, one character at a time.
type_text() { xdotool type --delay 40 -- "$1"; sleep 0.2; }

# expect_no_text NAME TEXT
expect_no_text() {
  if ocr_has "$1" "$2"; then fail "screen $1 shows what it should not: $2"; else pass; fi
}

# expect_progress NAME STEP [PAGE PAGES]: the footer says "Step STEP of 11" and, on steps with
# more than one page, "(PAGE of PAGES)".
expect_progress() {
  local name=$1 step=$2
  expect_text "$name" "Step $step of 11"
  if [ $# -ge 4 ] && [ "$4" -gt 1 ]; then expect_text "$name" "($3 of $4)"; fi
}

# word_centre NAME WORD: prints "X Y", the centre of the first OCR word of screenshot NAME that
# starts with WORD (case-insensitive), from tesseract's word boxes. Empty when not found.
# The screenshot is read at twice its size: tesseract then also reads white text on a filled button.
word_centre() {
  convert "$SHOTS/$1.png" -resize 200% "$WORK/$1.big.png"
  tesseract "$WORK/$1.big.png" "$WORK/$1.boxes" tsv > /dev/null 2>&1
  awk -F'\t' -v word="$2" 'NR > 1 && $12 != "" && index(tolower($12), tolower(word)) == 1 {
      printf "%d %d\n", ($7 + $9 / 2) / 2, ($8 + $10 / 2) / 2; exit }' "$WORK/$1.boxes.tsv"
}

# next_button_shown NAME: whether the footer's filled Next button (right of the footer, beside the
# "Step N of 11" line, drawn in the accent colour) is on screenshot NAME; told by colour, as OCR
# does not read white-on-blue reliably. The footer is found by OCR of its progress line.
next_button_shown() {
  local at y blue
  at=$(word_centre "$1" "Step")
  [ -n "$at" ] || return 1
  y=${at#* }
  blue=$(convert "$SHOTS/$1.png" -crop "260x160+1010+$((y - 80))" +repage \
           -format "%[fx:maxima.b - minima.r > 0.5 && mean.b - mean.r > 0.1 ? 1 : 0]" info:)
  [ "$blue" = 1 ]
}

# scroll_down: turns the mouse wheel over the page's content a few times.
scroll_down() {
  xdotool mousemove 640 400; sleep 0.1
  xdotool click --repeat "${1:-10}" --delay 50 5; sleep 0.3
}

# click_word NAME WORD: clicks the centre of WORD as seen in screenshot NAME (a real mouse click).
click_word() {
  local at
  at=$(word_centre "$1" "$2")
  if [ -z "$at" ]; then fail "screen $1: no word \"$2\" to click"; return 1; fi
  # shellcheck disable=SC2086
  xdotool mousemove $at; sleep 0.2
  xdotool mousedown 1; sleep 0.1; xdotool mouseup 1; sleep 0.3
  pass
}

# sql DB QUERY: one value or rows, '|'-separated.
sql() { sqlite3 -batch -noheader "$1" "$2"; }

# expect_equal WHAT EXPECTED ACTUAL
expect_equal() {
  if [ "$2" = "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}

# check_events DB SESSION EXPECTED_FILE: the session's first event holds its facts (item
# "session"), and the rest are exactly the expected [item, value] lines, in order (values compared
# as JSON), with seq 2..N+1 and each old_value null.
check_events() {
  local db=$1 session=$2 expected=$3 problems
  sqlite3 -batch -json "$db" \
    "SELECT seq, item, old_value, new_value FROM event WHERE session_id = '$session' ORDER BY seq" > "$WORK/events.json"
  problems=$(python3 - "$WORK/events.json" "$expected" <<'EOF'
import json, sys
text = open(sys.argv[1]).read().strip()
rows = json.loads(text) if text else []
expected = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
problems = []
if not rows or rows[0]["item"] != "session" or rows[0]["seq"] != 1:
    problems.append("the first event is not the session's facts: %s" % (rows[0] if rows else None))
else:
    rows = rows[1:]
got = [[r["item"], json.loads(r["new_value"]) if r["new_value"] is not None else None] for r in rows]
if [r["seq"] for r in rows] != list(range(2, len(rows) + 2)):
    problems.append("seq is not 2..N+1: %s" % [r["seq"] for r in rows])
for i, r in enumerate(rows):
    if r["item"] != "status" and r["old_value"] is not None:
        problems.append("event %d (%s) has an old value %s" % (r["seq"], r["item"], r["old_value"]))
for i in range(max(len(got), len(expected))):
    g = got[i] if i < len(got) else None
    e = expected[i] if i < len(expected) else None
    if g != e:
        problems.append("event %d: expected %s, got %s" % (i + 1, json.dumps(e, ensure_ascii=False), json.dumps(g, ensure_ascii=False)))
print("\n".join(problems))
EOF
)
  if [ -z "$problems" ]; then pass; else fail "events of session $session:"$'\n'"$problems"; fi
}

# wait_for_text NAME TEXT SECONDS: takes screenshot NAME about once a second until its OCR shows
# TEXT. Prints the seconds waited (one decimal); fails after SECONDS.
wait_for_text() {
  local name=$1 text=$2 limit=$3 start elapsed
  start=$(date +%s%N)
  while :; do
    import -window root "$SHOTS/$name.png" 2>/dev/null
    tesseract "$SHOTS/$name.png" "$WORK/$name" > /dev/null 2>&1
    elapsed=$(( ($(date +%s%N) - start) / 100000000 ))
    if ocr_has "$name" "$text"; then
      echo "$((elapsed / 10)).$((elapsed % 10))"
      return 0
    fi
    if [ "$elapsed" -gt $((limit * 10)) ]; then return 1; fi
    sleep 0.5
  done
}

# highlighted_button NAME: the text of the first filled (accent-coloured) button of the top bar of
# screenshot NAME: the current language. The button is found by colour along a row through the
# top bar, cut out, turned dark-on-light and read alone (tesseract misses white-on-blue words
# in a whole screen).
highlighted_button() {
  local span x0 x1
  span=$(convert "$SHOTS/$1.png" -crop 1280x1+0+35 +repage -depth 8 txt:- 2>/dev/null |
         awk -F'[(,)]' 'NR > 1 { r = $3; b = $5; x = $1 + 0
                          if (b - r > 100) { if (start == "") start = x; end = x }
                          else if (start != "") exit }
                        END { if (start != "") print start, end }')
  [ -n "$span" ] || return 1
  read -r x0 x1 <<< "$span"
  convert "$SHOTS/$1.png" -crop "$((x1 - x0 + 1))x44+$x0+30" +repage -resize 300% -colorspace Gray -negate \
    "$WORK/$1.button.png"
  tesseract "$WORK/$1.button.png" - --psm 7 2>/dev/null | tr -d '\n'
}

# expect_highlighted NAME WORD: the current-language button of screenshot NAME reads WORD.
expect_highlighted() {
  local got
  got=$(highlighted_button "$1")
  if echo "$got" | grep -qiF -- "$2"; then pass; else fail "screen $1: the highlighted button reads '$got', not $2"; fi
}

# cy_word KIND I: a distinctive Welsh word of the aid's I-th KIND (see walk_plan.py word).
# Only its first 9 letters: OCR often runs a quote mark into a word's end.
cy_word() { python3 "$GUI_DIR/walk_plan.py" "$CONTENT_DIR" "$AID" word cy "$1" "$2" | cut -c1-9; }
