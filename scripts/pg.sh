#!/usr/bin/env bash
# A private, throwaway PostgreSQL cluster for local runs and tests.
#   scripts/pg.sh start [DIR]   initdb if needed, start, create database smelt; prints a conninfo
#   scripts/pg.sh stop  [DIR]   stop it
#   scripts/pg.sh url   [DIR]   print the conninfo
# DIR defaults to .smelt/pg under the repository. Port: SMELT_PG_PORT or 54329.
set -euo pipefail

cmd=${1:-start}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${2:-$root/.smelt/pg}
port=${SMELT_PG_PORT:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -x "$bindir/pg_ctl" ] || { echo "pg.sh: PostgreSQL server binaries not found; run scripts/setup.sh" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "host=$dir port=$port dbname=smelt user=postgres"; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
      cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = $port
fsync = on
synchronous_commit = off
shared_buffers = 512MB
max_wal_size = 4GB
checkpoint_timeout = 15min
max_connections = 200
CONF
    fi
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
    fi
    as_owner "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAtc \
      "select 1 from pg_database where datname = 'smelt'" | grep -q 1 ||
      as_owner "$bindir/createdb" -h "$dir" -p "$port" -U postgres smelt
    url
    ;;
  stop)
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  url) url ;;
  *) echo "usage: scripts/pg.sh start|stop|url [DIR]" >&2; exit 2 ;;
esac
