#!/usr/bin/env bash
# A private, throwaway PostgreSQL cluster for local runs and tests.
#   scripts/pg.sh start [DIR]   initdb if needed, start, create database smelt; prints a conninfo
#   scripts/pg.sh stop  [DIR]   stop it (SMELT_PG_STOP_MODE: fast, the default, smart or immediate)
#   scripts/pg.sh url   [DIR]   print the conninfo
#   scripts/pg.sh wipe  [DIR]   stop it and delete its data
#   scripts/pg.sh login ROLE [DIR]
#                               after smelt migrate up: creates the login role
#                               smelt_ROLE_user in group role smelt_ROLE (ROLE:
#                               ingest, refresh, serve or bi) if missing;
#                               prints a conninfo that connects as it
# DIR defaults to .smelt/pg under the repository. Port: SMELT_PG_PORT or 54329.
# SMELT_PG_SETTINGS: extra postgresql.conf lines for a new cluster (at initdb),
# e.g. "shared_preload_libraries = 'pg_stat_statements'" for a profile.
# As root the server runs as the postgres user; when that user cannot reach
# DIR (a checkout under a private home or temp folder), the cluster lives in
# /tmp/smelt-pg-<hash of DIR> instead. Always use the printed conninfo.
set -euo pipefail

cmd=${1:-start}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "$cmd" = login ]; then
  role=${2:?usage: scripts/pg.sh login ingest|refresh|serve|bi [DIR]}
  shift
fi
dir=${2:-$root/.smelt/pg}
port=${SMELT_PG_PORT:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -x "$bindir/pg_ctl" ] || { echo "pg.sh: PostgreSQL server binaries not found; run scripts/setup.sh" >&2; exit 1; }

# Makes sure the server's user can write the cluster directory (see above).
resolve_dir() {
  [ "$(id -u)" -eq 0 ] || { mkdir -p "$dir"; return; }
  mkdir -p "$dir" 2>/dev/null && chown postgres:postgres "$dir" 2>/dev/null
  if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
    dir="/tmp/smelt-pg-$(printf '%s' "$dir" | md5sum | cut -c1-12)"
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
  fi
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "host=$dir port=$port dbname=smelt user=postgres"; }

resolve_dir

case "$cmd" in
  start)
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
${SMELT_PG_SETTINGS:-}
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
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m "${SMELT_PG_STOP_MODE:-fast}" -w stop >/dev/null 2>&1 || true
    fi
    ;;
  url) url ;;
  login)
    case "$role" in ingest|refresh|serve|bi) ;; *) echo "pg.sh: no role smelt_$role (ingest, refresh, serve or bi)" >&2; exit 2 ;; esac
    # Roles are cluster-wide; another run may create the same one meanwhile.
    as_owner "$bindir/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "
      do \$\$ begin
        if not exists (select 1 from pg_roles where rolname = 'smelt_${role}_user') then
          create role smelt_${role}_user login in role smelt_${role};
        end if;
      exception when duplicate_object or unique_violation then null;
      end \$\$" >/dev/null
    echo "host=$dir port=$port dbname=smelt user=smelt_${role}_user"
    ;;
  wipe)
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: scripts/pg.sh start|stop|url|wipe [DIR] | login ROLE [DIR]" >&2; exit 2 ;;
esac
