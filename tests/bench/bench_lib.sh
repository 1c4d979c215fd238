# Shared by the benchmarks that time bran on a generated database: where the data lives, the one
# generation of each database (kept between runs), and medians of wall times.
BRAN=${BRAN:?set BRAN}; GENERATE=${GENERATE:?set GENERATE}
BENCH_DATA=${BENCH_DIR:-$PWD/bench-data}
mkdir -p "$BENCH_DATA"

# generated_db NAME N [GENERATOR OPTIONS...]: the path of NAME-N.db in the data folder, generated
# with N sessions the first time (a later run reuses it; a run cut short makes it again).
generated_db() {
  local db="$BENCH_DATA/$1-$2.db" sessions=$2
  shift 2
  if [ ! -f "$db.done" ]; then
    rm -f "$db" "$db".*
    echo "generating $sessions sessions (once)..." >&2
    "$GENERATE" --db "$db" --sessions "$sessions" "$@" > /dev/null
    touch "$db.done"
  fi
  echo "$db"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds_of() {  # one run's wall time in seconds, its output thrown away
  local t0 t1; t0=$(date +%s%N); "$@" > /dev/null; t1=$(date +%s%N)
  awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.6f\n", ns / 1e9 }'
}
time_of() { for _ in 1 2 3 4 5; do seconds_of "$@"; done | median; }  # median of 5
