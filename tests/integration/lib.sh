# Shared helpers for bran's shell integration tests: a temp folder, assertions that say what failed.
set -uo pipefail
BRAN=${BRAN:?set BRAN to the bran executable}
SOURCE_DIR=${SOURCE_DIR:?set SOURCE_DIR to the project root}
export BRAN_TODAY=${BRAN_TODAY:-2026-11-23}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
passes=0

pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_exit CODE -- command...: runs the command, keeping stdout/stderr in $WORK/out and $WORK/err.
expect_exit() {
  local want=$1; shift; [ "$1" = "--" ] && shift
  "$@" > "$WORK/out" 2> "$WORK/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then pass; else fail "exit $got, wanted $want: $*"; sed 's/^/  stderr: /' "$WORK/err" >&2; fi
}
expect_err_line() {
  if grep -qxF -- "$1" "$WORK/err"; then pass; else fail "stderr lacks line: $1"; sed 's/^/  stderr: /' "$WORK/err" >&2; fi
}
expect_err_match() {
  if grep -qE -- "$1" "$WORK/err"; then pass; else fail "stderr does not match: $1"; sed 's/^/  stderr: /' "$WORK/err" >&2; fi
}
expect_out_match() {
  if grep -qE -- "$1" "$WORK/out"; then pass; else fail "stdout does not match: $1"; sed 's/^/  stdout: /' "$WORK/out" >&2; fi
}
finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
