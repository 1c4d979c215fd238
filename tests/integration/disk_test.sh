#!/usr/bin/env bash
# Disks that say no: full, read-only, a damaged database, a file that is not a database. bran must
# refuse cleanly (the recorder exits 3 when a write is refused, 4 when the file cannot be used;
# never 0, never a crash), say why, keep every answer it confirmed, and write nothing to a file it
# refuses. The full and read-only-medium parts mount a small tmpfs and so need root; without it
# they print "skipped: cannot mount ..." and the rest still runs.
source "$(dirname "$0")/lib.sh"

RECORDER=${RECORDER:-$(dirname "$BRAN")/../tests/tools/bran_record_answers}
if [ ! -x "$RECORDER" ]; then
  echo "FAIL: no recorder at $RECORDER (build target bran_record_answers)" >&2
  exit 1
fi

MNT="$WORK/mnt"
mkdir -p "$MNT"
mounted=0
immutable=""
cleanup() {
  [ -n "$immutable" ] && chattr -i "$immutable" 2> /dev/null
  [ "$mounted" -eq 1 ] && umount "$MNT" 2> /dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# mount_tmpfs SIZE: a fresh, empty tmpfs on $MNT (0 when it could be mounted).
mount_tmpfs() {
  if [ "$mounted" -eq 1 ]; then umount "$MNT" || return 1; mounted=0; fi
  mount -t tmpfs -o "size=$1" tmpfs "$MNT" 2> "$WORK/mount.err" || return 1
  mounted=1
}
sq() { sqlite3 -readonly -batch "$1" "$2"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }

# expect_status WHAT STATUS...: the last record's status ($rc) is one of the given ones.
expect_status() {
  local what=$1; shift
  local s
  for s in "$@"; do [ "$rc" -eq "$s" ] && { pass; return; }; done
  fail "$what: recorder exited $rc, wanted $*"
  sed 's/^/  stderr: /' "$WORK/err" >&2
}
record() { "$RECORDER" "$@" > "$WORK/out" 2> "$WORK/err"; rc=$?; }
# As `nobody`, from copies in $WORK: the build folder and the aid may be in a 0700 home folder.
record_as_nobody() {
  if [ ! -x "$WORK/tools/recorder" ]; then
    mkdir -p "$WORK/tools" && cp "$RECORDER" "$WORK/tools/recorder" && cp "$SOURCE_DIR/tests/tools/small_aid.json" "$WORK/tools/"
    chmod 755 "$WORK/tools" "$WORK/tools/recorder" && chmod 644 "$WORK/tools/small_aid.json"
  fi
  BRAN_SMALL_AID="$WORK/tools/small_aid.json" setpriv --reuid=nobody --regid=nogroup --clear-groups \
    "$WORK/tools/recorder" "$@" > "$WORK/out" 2> "$WORK/err"; rc=$?
}
expect_unchanged() {
  if [ "$(sha "$1")" = "$2" ]; then pass; else fail "$3: $1 was changed"; fi
}
expect_ok_integrity() {
  local integrity
  integrity=$(sq "$1" "PRAGMA integrity_check" 2>&1)
  if [ "$integrity" = "ok" ]; then pass; else fail "$2: integrity_check: $integrity"; fi
}
# Every confirmed answer in $WORK/out is in DB; the events are exactly the confirmed ones, and
# each session's event_count agrees with its events (an answer is all of it or none of it).
expect_exactly_confirmed() {
  local db=$1 what=$2 extra=${3:-0}
  sed -n 's/^confirmed //p' "$WORK/out" | sort > "$WORK/confirmed"
  sq "$db" "SELECT session_id || ' ' || seq || ' ' || item || ' ' || new_value FROM event WHERE item <> 'session'" | sort > "$WORK/events"
  local missing n_confirmed n_events
  missing=$(comm -23 "$WORK/confirmed" "$WORK/events" | head -3)
  if [ -z "$missing" ]; then pass; else fail "$what: confirmed answers missing from the database, e.g.: $missing"; fi
  n_confirmed=$(wc -l < "$WORK/confirmed")
  n_events=$(wc -l < "$WORK/events")
  if [ "$n_events" -eq $((n_confirmed + extra)) ]; then pass; else
    fail "$what: $n_events events for $n_confirmed confirmed answers (+$extra earlier): a half-written answer?"
  fi
  local mismatched
  mismatched=$(sq "$db" "SELECT count(*) FROM session s WHERE event_count != (SELECT count(*) FROM event e WHERE e.session_id = s.id)")
  if [ "$mismatched" = "0" ]; then pass; else fail "$what: $mismatched sessions whose event_count disagrees with their events"; fi
}

# --- (a) A full disk ---------------------------------------------------------------------------
if mount_tmpfs 600k; then
  db="$MNT/full.db"
  record "$db" 1000000
  expect_status "full disk" 3
  expect_err_line "failed disk-full"
  n=$(grep -c '^confirmed ' "$WORK/out")
  if [ "$n" -gt 0 ]; then pass; else fail "full disk: nothing was recorded before the disk filled"; fi
  cp "$WORK/out" "$WORK/full.out"
  expect_ok_integrity "$db" "full disk, still full"
  expect_exactly_confirmed "$db" "full disk, still full"
  # Space comes back: everything is there, and recording goes on.
  mount -o remount,size=8m "$MNT"
  expect_ok_integrity "$db" "full disk, remounted larger"
  expect_exactly_confirmed "$db" "full disk, remounted larger"
  expect_exit 0 -- "$RECORDER" "$db" 5
  cat "$WORK/full.out" >> "$WORK/out"
  expect_exactly_confirmed "$db" "full disk, recording again"
  expect_ok_integrity "$db" "full disk, recording again"

  # The disk fills while the database is being created (or its first session started): a clean
  # refusal, and once space is freed the same file opens and takes answers.
  for filler_k in 598 592 585 570 550 530 510; do
    mount_tmpfs 600k
    dd if=/dev/zero of="$MNT/filler" bs=1k count="$filler_k" 2> /dev/null
    db="$MNT/new.db"
    record "$db" 1000000
    what="disk full while creating (${filler_k}k of 600k taken)"
    if [ "$rc" -eq 0 ] || [ "$rc" -gt 4 ]; then fail "$what: recorder exited $rc"; sed 's/^/  stderr: /' "$WORK/err" >&2
    else pass; fi
    if grep -qiE 'disk-full|disk is full|I/O error' "$WORK/err"; then pass; else
      fail "$what: the message does not say the disk is full"; sed 's/^/  stderr: /' "$WORK/err" >&2
    fi
    rm -f "$MNT/filler"
    if [ -e "$db" ]; then
      cp "$WORK/out" "$WORK/first.out"
      record "$db" 3
      if [ "$rc" -eq 0 ]; then pass; else
        fail "$what: after freeing space the database does not open (exit $rc): $(cat "$WORK/err")"
      fi
      cat "$WORK/first.out" >> "$WORK/out"
      [ "$rc" -eq 0 ] && expect_exactly_confirmed "$db" "$what, after freeing space"
    fi
  done
else
  echo "skipped: cannot mount a tmpfs for the full-disk tests: $(head -n 1 "$WORK/mount.err")"
fi

# --- (b) Read-only ----------------------------------------------------------------------------
# A read-only refusal names the cause, and does not pass the file off as unreadable or damaged.
expect_read_only_message() {
  if grep -qiE 'read-only|readonly|read only' "$WORK/err" && ! grep -qiE 'cannot be read|damaged' "$WORK/err"; then pass; else
    fail "$1: the message does not say the database is read-only"; sed 's/^/  stderr: /' "$WORK/err" >&2
  fi
}

# (b1) A file without write permission, for a user who is not root (root ignores permissions).
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null && id nobody > /dev/null 2>&1 && chmod 711 "$WORK"; then
  home="$WORK/nobody"
  mkdir "$home" && chown nobody "$home"
  record_as_nobody "$home/a.db" 10
  expect_status "read-only file: making it" 0
  chmod 444 "$home/a.db"
  before=$(sha "$home/a.db")
  record_as_nobody "$home/a.db" 5
  expect_status "read-only file (chmod 444)" 3
  expect_read_only_message "read-only file (chmod 444)"
  expect_unchanged "$home/a.db" "$before" "read-only file (chmod 444)"
  if [ "$(sq "$home/a.db" "SELECT count(*) FROM event WHERE item <> 'session'")" = "10" ]; then pass; else fail "read-only file: events changed"; fi
elif [ "$(id -u)" -ne 0 ]; then
  # Not root: permissions apply to us directly.
  record "$WORK/mine.db" 10
  chmod 444 "$WORK/mine.db"
  before=$(sha "$WORK/mine.db")
  record "$WORK/mine.db" 5
  expect_status "read-only file (chmod 444)" 3
  expect_read_only_message "read-only file (chmod 444)"
  expect_unchanged "$WORK/mine.db" "$before" "read-only file (chmod 444)"
else
  echo "skipped: no setpriv or no user nobody for the chmod 444 test"
fi

# (b2) An immutable file (chattr +i): even root cannot write it.
record "$WORK/frozen.db" 10
if chattr +i "$WORK/frozen.db" 2> /dev/null; then
  immutable="$WORK/frozen.db"
  before=$(sha "$WORK/frozen.db")
  record "$WORK/frozen.db" 5
  expect_status "immutable file (chattr +i)" 3
  expect_read_only_message "immutable file (chattr +i)"
  expect_unchanged "$WORK/frozen.db" "$before" "immutable file (chattr +i)"
  chattr -i "$WORK/frozen.db"
  immutable=""
else
  echo "skipped: chattr +i is not permitted or not supported here"
fi

# (b3) A read-only medium (a tmpfs remounted read-only), holding a database closed cleanly.
if mount_tmpfs 4m; then
  db="$MNT/ro.db"
  record "$db" 10
  expect_status "read-only medium: making it" 0
  mount -o remount,ro "$MNT"
  before=$(sha "$db")
  record "$db" 5
  # SQLite cannot even open a WAL database there (no -shm), so bran refuses at open, saying why.
  expect_status "read-only medium (mount -o ro)" 4
  if grep -q "cannot be written to" "$WORK/err"; then pass; else
    fail "read-only medium (mount -o ro): the message does not say the disk cannot be written to"; sed 's/^/  stderr: /' "$WORK/err" >&2; fi
  expect_unchanged "$db" "$before" "read-only medium (mount -o ro)"
  umount "$MNT" && mounted=0
else
  echo "skipped: cannot mount a tmpfs for the read-only medium test: $(head -n 1 "$WORK/mount.err")"
fi

# --- (c) A damaged database -------------------------------------------------------------------
# Many answers (on tmpfs when we can, where fsync is free), so the file has many pages; then
# three pages in the middle are overwritten with random bytes.
scratch="$WORK"
mount_tmpfs 16m && scratch="$MNT"
db="$scratch/damaged.db"
record "$db" 1500
expect_status "damaged: making it" 0
pages=$(sq "$db" "PRAGMA page_count")
page_size=$(sq "$db" "PRAGMA page_size")
if [ "${pages:-0}" -ge 12 ]; then pass; else fail "damaged: only ${pages:-0} pages, too few to damage the middle"; fi
dd if=/dev/urandom of="$db" bs="$page_size" seek=$((pages / 2)) count=3 conv=notrunc 2> /dev/null
integrity=$(sq "$db" "PRAGMA integrity_check" 2>&1)
if [ "$integrity" != "ok" ]; then pass; else fail "damaged: the overwritten pages did not damage the file (test is void)"; fi
before=$(sha "$db")
record "$db" 5
expect_status "damaged database" 4
expect_err_match "damaged|not a bran database"
expect_unchanged "$db" "$before" "damaged database"
if grep -q '^confirmed ' "$WORK/out"; then fail "damaged database: answers were confirmed"; else pass; fi
[ "$scratch" = "$MNT" ] && umount "$MNT" && mounted=0

# --- (d) Files that are not bran databases ----------------------------------------------------
printf 'Shopping list\n- milk\n- eggs\n' > "$WORK/notes.txt"
before=$(sha "$WORK/notes.txt")
record "$WORK/notes.txt" 5
expect_status "text file" 4
expect_err_match "not a bran database"
expect_unchanged "$WORK/notes.txt" "$before" "text file"

sqlite3 "$WORK/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);"
before=$(sha "$WORK/other.db")
record "$WORK/other.db" 5
expect_status "another program's SQLite database" 4
expect_err_match "not a bran database"
expect_unchanged "$WORK/other.db" "$before" "another program's SQLite database"

finish
