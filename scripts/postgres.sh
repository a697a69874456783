# Source this file, then call start_postgres: a throwaway PostgreSQL 15 on loopback in a temporary
# directory (installed from Debian when missing), stopped and removed when the shell exits, with
# DATABASE_URL exported for an empty database named followthrough. CI and `make bench` share it.
PG_BIN=/usr/lib/postgresql/15/bin

start_postgres() {
  if [ ! -x "$PG_BIN/pg_ctl" ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15 >/dev/null
  fi
  PG_DIR=$(mktemp -d)
  PG_PORT=${PG_PORT:-54329}
  if [ "$(id -u)" = 0 ]; then
    chown nobody "$PG_DIR" 2>/dev/null || true
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    AS_PG=(runuser -u postgres --)
  else
    AS_PG=()
  fi
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null
  trap '"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"' EXIT
  "${AS_PG[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres followthrough
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/followthrough"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}
