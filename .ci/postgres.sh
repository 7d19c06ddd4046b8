# shellcheck shell=bash
# Throwaway PostgreSQL 15 cluster for the test suite. Sourced by .ci/run.
#
#   pg_start   init + start a cluster in $PG_ROOT (must be set), on 127.0.0.1:$PG_PORT,
#              create role $PG_USER (LOGIN CREATEDB, password $PG_PASSWORD) and
#              database $PG_DB owned by it, wait until it accepts TCP logins.
#   pg_stop    stop it (fast, then immediate, then kill) — safe to call twice or
#              when pg_start never ran; called from .ci/run's EXIT trap.
#
# Never touches Debian's default cluster (15/main on 5432) nor any service: no
# systemd runs where CI runs, and a cluster of our own leaves nothing behind.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}   # Debian's postgresql-15 layout
PG_PORT=${PG_PORT:-55432}
PG_USER=${PG_USER:-paroleonco}
PG_DB=${PG_DB:-paroleonco_test}

# Run a command as the cluster owner: the `postgres` OS user when we are root
# (initdb/postgres refuse to run as root), else the current user.
# Runs from $PG_ROOT: the caller's folder may be unreadable for `postgres`.
_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd "$PG_ROOT" && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_start() {
  : "${PG_ROOT:?PG_ROOT must name an empty temp folder}"
  PG_DATA=$PG_ROOT/data
  PG_SOCKET_DIR=$PG_ROOT/socket
  PG_LOG=$PG_ROOT/postgres.log
  PG_PASSWORD=${PG_PASSWORD:-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')}
  [ -x "$PG_BIN/initdb" ] || { echo "postgres: $PG_BIN/initdb not found (is postgresql-15 installed?)" >&2; return 1; }

  # A fixed port must be free: a leftover or someone else's server there would
  # make the tests talk to the wrong database.
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; then
    echo "postgres: something already accepts connections on 127.0.0.1:$PG_PORT — stop it or set PAROLEONCO_CI_PG_PORT" >&2
    return 1
  fi

  mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_ROOT"
  chmod 700 "$PG_DATA" "$PG_SOCKET_DIR"

  # UTF8 without an OS locale: always available, same result on every machine.
  _pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --encoding=UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$PG_ROOT/initdb.log" 2>&1 \
    || { cat "$PG_ROOT/initdb.log" >&2; return 1; }

  # Loopback TCP only, socket in our own 0700 folder (only the owner/root can use
  # the trusted socket), durability off: it is a throwaway test database.
  cat >>"$PG_DATA/postgresql.conf" <<CONF

# --- ParoleOnco CI (.ci/postgres.sh) ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
unix_socket_permissions = 0700
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  # Replace initdb's pg_hba.conf: socket = trust (owner only), TCP = password,
  # 127.0.0.1 only (no ::1, no other address, no replication).
  cat >"$PG_DATA/pg_hba.conf" <<HBA
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  scram-sha-256
HBA

  # -l: the server must not inherit our stdout, or CI would wait on it.
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
    || { echo "postgres: failed to start; its log:" >&2; cat "$PG_LOG" >&2; return 1; }

  _pg_as_owner "$PG_BIN/psql" -X -q -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres \
      -v ON_ERROR_STOP=1 -v user="$PG_USER" -v pw="$PG_PASSWORD" -v db="$PG_DB" <<'SQL'
CREATE ROLE :"user" LOGIN CREATEDB PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"user";
SQL

  # Ready = the test role can log in over TCP with its password, as the tests will.
  local i
  for i in $(seq 1 60); do
    if PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -X -qtA -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" \
         -c 'select 1' >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  echo "postgres: not accepting TCP logins on 127.0.0.1:$PG_PORT after 30 s; its log:" >&2
  cat "$PG_LOG" >&2
  return 1
}

pg_stop() {
  [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ] || return 0
  local pid
  pid=$(head -1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 20 stop >/dev/null 2>&1 \
    || _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 \
    || { [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; }
  # Whatever happened above, no postmaster of ours may outlive the run.
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    sleep 1; kill -KILL "$pid" 2>/dev/null || true
  fi
  return 0
}
