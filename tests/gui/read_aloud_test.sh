#!/usr/bin/env bash
# Read aloud in a real window: F2 reads the page, the window keeps drawing at the same pace while
# the words are spoken (no frame waits for the voice), moving on stops the reading, F2 again stops
# it, and "Read every screen" starts it by itself on the next page.
# There is no sound device under Xvfb: the speaker synthesizes at the pace of speech and drops
# the sound (Speaker::Output::silent), so the words take as long as they would to hear. The
# window writes one line per frame to BRAN_FRAME_LOG: start (s), work (ms), speaking (0/1),
# settled (0/1).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/walk_lib.sh"
export BRAN_SPEECH_OUTPUT=silent
export BRAN_FRAME_LOG="$WORK/frames.log"
DB="$WORK/read.db"

# wiggle SECONDS: moves the pointer to and fro, a move every 40 ms, so the window has a reason
# to draw a frame about 25 times a second (it sleeps when nothing happens).
wiggle() {
  local end=$(( $(date +%s%N) + $1 * 1000000000 )) x=600
  while [ "$(date +%s%N)" -lt "$end" ]; do
    x=$(( x == 600 ? 640 : 600 ))
    xdotool mousemove "$x" 500
    sleep 0.04
  done
}
lines() { wc -l < "$BRAN_FRAME_LOG"; }

start_app --db "$DB" --locale en-GB || { finish; exit 1; }
press 4           # the PSA aid
press Page_Down   # step 2: the options side by side, a page with a lot to read
shot options
expect_text options "Have a PSA test now"

# Baseline: frames while nothing is read.
base_from=$(lines); wiggle 2; base_to=$(lines)
# F2, then the same pointer moves while the words are spoken.
press F2
speak_from=$(lines); wiggle 3
shot reading
speak_to=$(lines)
expect_text reading "Stop reading"
if python3 - "$BRAN_FRAME_LOG" "$base_from" "$base_to" "$speak_from" "$speak_to" <<'EOF'

import sys
path, b0, b1, s0, s1 = sys.argv[1], *map(int, sys.argv[2:])
rows = [tuple(float(x) for x in line.split()) for line in open(path)]
base, speak = rows[b0:b1], rows[s0:s1]
def stats(frames):
    work = sorted(f[1] for f in frames)
    gaps = [b[0] - a[0] for a, b in zip(frames, frames[1:])]
    span = frames[-1][0] - frames[0][0]
    return len(frames) / span, work[int(0.95 * (len(work) - 1))], work[-1], max(gaps) * 1000
problems = []
if len(base) < 20 or len(speak) < 20:
    sys.exit(f"too few frames to judge: {len(base)} before, {len(speak)} while reading")
if any(f[2] != 0 for f in base):
    problems.append("the baseline frames say speech was on")
speaking = [f for f in speak if f[2] == 1]
if len(speaking) < 0.9 * len(speak):
    problems.append(f"speech was on for only {len(speaking)} of {len(speak)} frames of a long page")
(b_rate, b_p95, b_max, b_gap), (s_rate, s_p95, s_max, s_gap) = stats(base), stats(speaking)
print(f"frames/s {b_rate:.1f} -> {s_rate:.1f}; work p95 {b_p95:.1f} -> {s_p95:.1f} ms, "
      f"max {b_max:.1f} -> {s_max:.1f} ms; longest gap {b_gap:.0f} -> {s_gap:.0f} ms")
if s_rate < 0.7 * b_rate:
    problems.append(f"the frame rate fell from {b_rate:.1f}/s to {s_rate:.1f}/s while reading")
if s_p95 > 2 * b_p95 + 10:
    problems.append(f"frames took longer while reading: p95 {b_p95:.1f} -> {s_p95:.1f} ms")
# A frame that waited for the voice would take as long as the words (seconds).
if s_max > max(100.0, 3 * b_max) or s_gap > max(250.0, 3 * b_gap):
    problems.append(f"a frame jumped while reading: longest work {s_max:.0f} ms, longest gap {s_gap:.0f} ms")
for p in problems:
    print("frame check:", p)
sys.exit(1 if problems else 0)
EOF
then pass; else fail "the window did not keep drawing while reading aloud (above)"; fi

# Moving on stops the reading (read every screen is off).
press Page_Down
if wait_speaking 0 2; then pass; else fail "the reading went on after moving to the next page"; fi
shot next-page
expect_text next-page "Read aloud (F2)"

# F2 reads, F2 again stops, at once.
press F2
if wait_speaking 1 2; then pass; else fail "F2 did not start reading"; fi
sleep 1
if [ "$(speaking_now)" = 1 ]; then pass; else fail "the reading of a long page stopped by itself after a second"; fi
press F2
if wait_speaking 0 1; then pass; else fail "F2 did not stop the reading within a second"; fi

# Read every screen: the top bar's second-to-last button (Shift+Tab twice from the page), then
# the next page is read without F2.
press shift+Tab shift+Tab
press Return
shot auto-on
expect_match_in auto-on 1280x80+0+12 "Stop reading every screen" 200%
press Page_Down
if wait_speaking 1 2; then pass; else fail "with Read every screen on, the next page was not read by itself"; fi
press F2
if wait_speaking 0 1; then pass; else fail "F2 did not stop the automatic reading"; fi
stop_app
finish
