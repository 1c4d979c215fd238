# A PostgreSQL of the test's own: initdb into $WORK/pg, listening only on a Unix socket there,
# stopped when the test ends. Nothing assumes a server is running. Sourced after lib.sh.
PG_BIN=$(pg_config --bindir 2> /dev/null || echo /usr/lib/postgresql/15/bin)
PG_DIR="$WORK/pg"
pg_as=()

stop_postgres() {
  [ -f "$PG_DIR/data/postmaster.pid" ] && "${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop > /dev/null 2>&1
  return 0
}

# Sets PG_URI (the superuser's) and pg_uri_as ROLE (another role's).
start_postgres() {
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL will not run as root: as nobody, in a folder it owns.
    chmod 711 "$WORK"
    chown nobody "$PG_DIR"
    pg_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  fi
  trap 'stop_postgres; rm -rf "$WORK"' EXIT
  "${pg_as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync --no-instructions > "$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; fail "initdb failed"; finish; exit 1; }
  "${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -s \
    -o "-c listen_addresses='' -c unix_socket_directories='$PG_DIR' -c fsync=off -c full_page_writes=off" start ||
    { cat "$PG_DIR/server.log" >&2; fail "the test's PostgreSQL did not start"; finish; exit 1; }
  PG_URI="postgresql:///postgres?host=$PG_DIR&user=postgres"
}
pg_uri_as() { echo "postgresql:///postgres?host=$PG_DIR&user=$1"; }
# psql as the superuser (or as $2), quiet, stopping on the first error.
pg_sql() { psql -X -q -v ON_ERROR_STOP=1 -At "${2:-$PG_URI}" -c "$1"; }
