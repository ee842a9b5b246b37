#!/usr/bin/env bash
# `smelt refresh` of a backlog: COUNT generated events are ingested into a
# fresh database (nothing refreshed yet), then one `smelt refresh` merges them
# all into silver and publishes gold. Prints the rate and where the time went
# (per phase, from smelt.refresh_runs), measured in one run.
#   SMELT_BUILD_DIR  where smelt is built (default: build/)
#   COUNT            events (default 200000)
#   PARTITIONS       topic partitions (default 16)
#   REFRESH_ARGS     extra arguments for smelt refresh (e.g. "--lanes 1")
#   KEEP_DB=1        leave the database running and print its conninfo; the
#                    backlog as ingested is kept as database smelt_backlog
#                    (create database smelt template smelt_backlog to rerun)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smelt=${SMELT_BUILD_DIR:-$root/build}/smelt
count=${COUNT:-200000}
partitions=${PARTITIONS:-16}
work=$(mktemp -d)
chmod 755 "$work"
pgdir=$work/pg
export SMELT_PG_PORT=${SMELT_BENCH_PG_PORT:-54336}
broker_pid=

cleanup() {
  [ -n "$broker_pid" ] && kill -TERM "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null
  if [ "${KEEP_DB:-0}" != 1 ]; then
    "$root/scripts/pg.sh" wipe "$pgdir" >/dev/null 2>&1 || true
    rm -rf "$work"
  fi
}
trap cleanup EXIT

db=$("$root/scripts/pg.sh" start "$pgdir")
# shellcheck source=bench/backlog.sh
. "$root/bench/backlog.sh"
load_backlog
q() { psql "$db" -qAtX -c "$1"; }
events=$(q "select count(*) from bronze.events")
if [ "${KEEP_DB:-0}" = 1 ]; then
  psql "${db/dbname=smelt/dbname=postgres}" -qAtX -c "create database smelt_backlog template smelt"
fi
batches=$(q "select count(*) from smelt.ingest_batches")

load=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
# shellcheck disable=SC2086
"$smelt" refresh ${REFRESH_ARGS:-} 2>"$work/refresh.log" || { tail -20 "$work/refresh.log"; exit 1; }
seconds=$(python3 -c "import time; print(round(time.time() - $start, 2))")
rate=$(python3 -c "print(round($events / $seconds))")
echo "backlog: $events events in $batches ingest batches; load average before: $load"
echo "smelt refresh ${REFRESH_ARGS:-}: ${seconds}s, $rate events/s"
# Per phase, summed over the run's transactions. Phases overlap when several
# lanes merge at once, so their sum can exceed the wall time.
psql "$db" -qX -c "
  select case when model = 'decode' then '1 decode + stage (C++)'
              when model like 'silver.%' or model like 'smelt.%' then '2 silver merge'
              when model = 'gold.checks' then '4 gold checks'
              when model like 'gold.%' then '3 gold build'
         end as phase,
         round(sum(duration_ms) / 1000, 2) as seconds
    from smelt.refresh_runs where model <> 'gold'
   group by 1 order by 1"
if [ "${VERBOSE:-0}" = 1 ]; then
  psql "$db" -qX -c "select model, count(*) as runs, round(sum(duration_ms)) as ms
                       from smelt.refresh_runs group by 1 order by 3 desc limit 40"
fi
if [ "${KEEP_DB:-0}" = 1 ]; then echo "database kept: $db (stop: scripts/pg.sh stop $pgdir)"; fi
