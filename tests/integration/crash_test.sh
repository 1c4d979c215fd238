#!/usr/bin/env bash
# Crash durability: a recorder child (tests/tools/record_answers.cpp) is killed with SIGKILL at a
# random moment, again and again. After every kill the database must pass PRAGMA integrity_check
# and hold every answer the child had confirmed (its "confirmed" lines) in this run and all
# earlier runs on the same file, with the session's events numbered 1..k without gaps and at most
# one answer beyond the confirmed ones (committed, but killed before it could say so).
# Runs alternate at random between a fresh database and the previous one, so kills land on
# creation, on migration, on reopening a file with a leftover WAL, and in the middle of answering.
# The checks open the database read-only, so the WAL a kill left behind is still there for the
# next run to recover.
# What this cannot show: a power cut (the kernel's page cache survives a killed process).
source "$(dirname "$0")/lib.sh"

RECORDER=${RECORDER:-$(dirname "$BRAN")/../tests/tools/bran_record_answers}
ITERATIONS=${CRASH_ITERATIONS:-100}
MAX_DELAY_MS=300
if [ ! -x "$RECORDER" ]; then
  echo "FAIL: no recorder at $RECORDER (build target bran_record_answers)" >&2
  exit 1
fi

# sq DB SQL: the sqlite3 CLI, read-only, so that it neither checkpoints nor removes the WAL.
sq() { sqlite3 -readonly -batch "$1" "$2"; }
# integrity_check opens the file as bran's next start does, read-write: a kill in the middle of
# creating the database can leave a hot rollback journal that only a writer may roll back, and a
# read-only connection then refuses the file ("attempt to write a readonly database").
integrity_of() { sqlite3 -batch "$1" "PRAGMA integrity_check"; }

# One "session seq item value" line per event, as the recorder prints them after "confirmed ".
events_of() { sq "$1" "SELECT session_id || ' ' || seq || ' ' || item || ' ' || new_value FROM event WHERE item <> 'session'"; }

force_fresh=0 fresh=0 reused=0 killed=0 finished=0 confirmed_total=0 db_number=0
db=""
all_confirmed="$WORK/all_confirmed"
for ((i = 1; i <= ITERATIONS; i++)); do
  # A fresh file on the first run, every seventh, and one in six of the rest; otherwise the last one.
  if [ -z "$db" ] || [ "$force_fresh" -eq 1 ] || [ $((i % 7)) -eq 0 ] || [ $((RANDOM % 6)) -eq 0 ]; then
    force_fresh=0
    db_number=$((db_number + 1))
    db="$WORK/crash-$db_number.db"
    : > "$all_confirmed"
    fresh=$((fresh + 1))
  else
    reused=$((reused + 1))
  fi

  delay_ms=$((RANDOM % (MAX_DELAY_MS + 1)))
  "$RECORDER" "$db" 1000000 > "$WORK/run.out" 2> "$WORK/run.err" &
  child=$!
  sleep "$(printf '0.%03d' "$delay_ms")"
  kill -KILL "$child" 2> /dev/null
  wait "$child" 2> /dev/null
  status=$?
  case $status in
    137) killed=$((killed + 1)) ;;
    0) finished=$((finished + 1)) ;;
    *) fail "run $i ($db, killed after ${delay_ms} ms): recorder exited $status"
       sed 's/^/  stderr: /' "$WORK/run.err" >&2
       # A file it refuses would fail every later run on it the same way: start afresh.
       force_fresh=1 ;;
  esac

  # Only whole lines count: a line without its newline was not yet confirmed.
  sed -n 's/^confirmed //p' "$WORK/run.out" > "$WORK/run.confirmed"
  if [ -s "$WORK/run.out" ] && [ -n "$(tail -c 1 "$WORK/run.out")" ]; then sed -i '$d' "$WORK/run.confirmed"; fi
  cat "$WORK/run.confirmed" >> "$all_confirmed"
  n_confirmed=$(wc -l < "$WORK/run.confirmed")
  confirmed_total=$((confirmed_total + n_confirmed))

  if [ ! -e "$db" ]; then
    # Killed before the file existed: then nothing can have been confirmed.
    if [ "$n_confirmed" -eq 0 ]; then pass; else fail "run $i: $n_confirmed answers confirmed but $db does not exist"; fi
    continue
  fi

  integrity=$(integrity_of "$db" 2>&1)
  if [ "$integrity" = "ok" ]; then pass; else fail "run $i ($db, ${delay_ms} ms): integrity_check: $integrity"; fi

  # Killed before the schema was made: then nothing can have been confirmed.
  if [ "$(sq "$db" "SELECT count(*) FROM sqlite_master WHERE name IN ('session', 'event')" 2>&1)" != "2" ]; then
    if [ ! -s "$all_confirmed" ]; then pass; else fail "run $i: $(wc -l < "$all_confirmed") answers confirmed but $db has no schema"; fi
    continue
  fi

  events_of "$db" 2> "$WORK/sq.err" | sort > "$WORK/db.events"
  sort "$all_confirmed" > "$WORK/confirmed.sorted"
  missing=$(comm -23 "$WORK/confirmed.sorted" "$WORK/db.events")
  if [ -z "$missing" ]; then
    pass
  else
    fail "run $i ($db, ${delay_ms} ms): $(printf '%s\n' "$missing" | wc -l) confirmed answers are not in the database, e.g.: $(printf '%s\n' "$missing" | head -3)"
    sed 's/^/  sqlite3: /' "$WORK/sq.err" >&2
  fi

  # An answer is its event and its session's refreshed facts, together or not at all.
  mismatched=$(sq "$db" "SELECT count(*) FROM session s WHERE event_count != (SELECT count(*) FROM event e WHERE e.session_id = s.id)" 2>&1)
  if [ "$mismatched" = "0" ]; then pass; else fail "run $i ($db): sessions whose event_count disagrees with their events: $mismatched"; fi

  # This run's session: its facts and answers 1..k with no gap, k = confirmed or confirmed + 1.
  if [ "$n_confirmed" -gt 0 ]; then
    session=$(head -n 1 "$WORK/run.confirmed" | cut -d' ' -f1)
    read -r count max_seq < <(sq "$db" "SELECT count(*), coalesce(max(seq), 0) FROM event WHERE session_id = '$session'" | tr '|' ' ')
    if [ "$count" = "$max_seq" ] && [ $((count - 1)) -ge "$n_confirmed" ] && [ $((count - 1)) -le $((n_confirmed + 1)) ]; then
      pass
    else
      fail "run $i: session $session has $count events (last seq $max_seq) after $n_confirmed confirmed answers"
    fi
  fi
done

# The window the random kills hit only now and then, made certain: a kill after a new database
# was switched to WAL (PRAGMA journal_mode=WAL writes its first page) but before the schema
# transaction committed leaves exactly this file. bran must open it and carry on, since it
# confirmed nothing in it; refusing it as another program's file would lock the user out.
half="$WORK/half-created.db"
sqlite3 "$half" "PRAGMA journal_mode=WAL" > /dev/null
"$RECORDER" "$half" 3 > "$WORK/out" 2> "$WORK/err"
status=$?
if [ "$status" -eq 0 ]; then pass; else
  fail "a database killed while being created (one empty page, WAL mode, no schema) is refused (exit $status)"
  sed 's/^/  stderr: /' "$WORK/err" >&2
fi

# The last file, with whatever the last kill left in it, must still open and take answers.
if [ -e "$db" ]; then
  expect_exit 0 -- "$RECORDER" "$db" 3
  integrity=$(integrity_of "$db" 2>&1)
  if [ "$integrity" = "ok" ]; then pass; else fail "after reopening $db: integrity_check: $integrity"; fi
fi

if [ "$fresh" -gt 0 ] && [ "$reused" -gt 0 ]; then pass; else fail "runs did not mix fresh ($fresh) and reused ($reused) databases"; fi
echo "crash runs: $ITERATIONS ($fresh on a fresh database, $reused reusing one); killed $killed, finished $finished; $confirmed_total answers confirmed and checked"
finish
