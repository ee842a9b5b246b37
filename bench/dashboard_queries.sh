#!/usr/bin/env bash
# Dashboard query latency on 90 days of gold history at the source plan's
# volume. Starts a private PostgreSQL, migrates it, builds the history
# directly (bench/sql/gold_history.sql), then runs every query of
# sql/queries/api/ with the parameters the dashboard sends
# (bench/dashboard_latency.py) and prints p50/p95 per query.
#   SMELT_BUILD_DIR      where smelt is built (default: build/)
#   SMELT_BENCH_PG_PORT  port of the private PostgreSQL (default 54338)
#   DAYS                 history length (default 90)
#   HASHTAGS             general hashtags besides the campaigns' (default 3712)
#   REPEAT               executions of each parameter set (default 20)
#   RUNS                 measurements of the same history, one after the other (default 1)
#   KEEP_DB=1            keep the database (its conninfo is printed) for EXPLAIN
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smelt=${SMELT_BUILD_DIR:-$root/build}/smelt
py=/usr/bin/python3  # Debian's, with python3-psycopg2
days=${DAYS:-90}
hashtags=${HASHTAGS:-3712}
repeat=${REPEAT:-20}
runs=${RUNS:-1}
"$py" -c 'import psycopg2' 2>/dev/null || { echo "dashboard_queries: python3-psycopg2 missing; run scripts/setup.sh" >&2; exit 1; }
[ -x "$smelt" ] || { echo "dashboard_queries: $smelt not built" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
pgdir=$work/pg
export SMELT_PG_PORT=${SMELT_BENCH_PG_PORT:-54338}
cleanup() {
  if [ "${KEEP_DB:-0}" = 1 ]; then
    echo "dashboard_queries: kept $db (stop: scripts/pg.sh wipe $pgdir)" >&2
    return
  fi
  "$root/scripts/pg.sh" wipe "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

db=$("$root/scripts/pg.sh" start "$pgdir")
SMELT_DATABASE="$db" "$smelt" migrate up >/dev/null 2>&1

echo "dashboard_queries: building $days days of gold history" >&2
started=$(date +%s)
psql "$db" -qAtX -v days="$days" -v hashtags="$hashtags" -v end_ts='2026-11-22 12:00:00+00' \
  -f "$root/bench/sql/gold_history.sql" >/dev/null
psql "$db" -qAtX -c "vacuum (analyze) gold.mart_engagement_minute, gold.mart_hashtag_sentiment_hourly, gold.mart_hashtag_daily" >/dev/null
echo "dashboard_queries: built in $(($(date +%s) - started)) s" >&2
psql "$db" -AtX -F ' ' -c "select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid))
                             from pg_stat_user_tables where schemaname = 'gold' and n_live_tup > 0 order by relname" |
  sed 's/^/  /'

for run in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo
  echo "dashboard_queries: run $run of $runs, $days days, repeat $repeat, load average before $load"
  "$py" "$root/bench/dashboard_latency.py" --database "$db" --root "$root" --repeat "$repeat"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
