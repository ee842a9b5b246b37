#!/usr/bin/env bash
# The whole pipeline at fixed input rates: generator -> local broker -> two
# `smelt ingest` workers -> PostgreSQL <- `smelt scheduler`, each rate for
# DURATION seconds of wall time on a fresh database. For each rate it prints
# the rate achieved, how often gold was published while the stream ran (and
# the longest gap), event-to-gold latency per event (Kafka timestamp to the
# end of the first published gold refresh after the event's batch was
# merged: p50/p95/p99/max), what one gold refresh took and claimed (p50,
# p95 and max milliseconds; dirty marks p50 and max; the eight steps that
# took the most, mean milliseconds per refresh), how long gold took to
# catch up after the stream stopped, CPU seconds and peak memory per process.
#   SMELT_BUILD_DIR  where smelt is built (default: build/)
#   RATES            events per second, space separated (default "2800 5000 10000 20000")
#   DURATION         seconds per rate (default 180)
#   PARTITIONS       topic partitions (default 16)
#   WORKERS          ingest workers (default 2)
#   SCHEDULER_ARGS   extra arguments for smelt scheduler (e.g. "--lanes 1")
#   GENERATE_ARGS    extra arguments for smelt generate (e.g. "-X linger.ms=5")
#   STATEMENTS=N     also print the N nested SQL statements that took the most
#                    time (pg_stat_statements; gold refresh and merge steps)
#   EXPLAIN_MS=N     also log the plan of every statement slower than N ms,
#                    nested ones included (auto_explain with row counts, not
#                    timings), and keep each rate's server log as
#                    EXPLAIN_DIR/plans-<rate>.log (default: the current directory)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smelt=${SMELT_BUILD_DIR:-$root/build}/smelt
rates=${RATES:-2800 5000 10000 20000}
duration=${DURATION:-180}
partitions=${PARTITIONS:-16}
workers=${WORKERS:-2}
work=$(mktemp -d)
chmod 755 "$work"
export SMELT_PG_PORT=${SMELT_BENCH_PG_PORT:-54335}
statements=${STATEMENTS:-0}
explain_ms=${EXPLAIN_MS:-0}
explain_dir=$(cd "${EXPLAIN_DIR:-.}" && pwd)
libraries=()
settings=""
if [ "$statements" -gt 0 ]; then
  libraries+=(pg_stat_statements)
  settings+="pg_stat_statements.track = all
pg_stat_statements.max = 10000
"
fi
if [ "$explain_ms" -gt 0 ]; then
  libraries+=(auto_explain)
  settings+="auto_explain.log_min_duration = '${explain_ms}ms'
auto_explain.log_analyze = on
auto_explain.log_timing = off
auto_explain.log_nested_statements = on
"
fi
if [ ${#libraries[@]} -gt 0 ]; then
  preload=$(IFS=,; echo "${libraries[*]}")
  export SMELT_PG_SETTINGS="shared_preload_libraries = '$preload'
$settings"
fi
pids=()

stop_all() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
cleanup() {
  stop_all
  "$root/scripts/pg.sh" wipe "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# CPU seconds (user + system) and peak resident memory (MiB) of a process.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo "?"; }
peak_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
# Waits until a condition (a shell command) holds, at most $2 seconds.
wait_for() {
  local deadline=$(( $(date +%s) + $2 ))
  until eval "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

run_rate() {
  local rate=$1
  "$root/scripts/pg.sh" wipe "$work/pg" >/dev/null 2>&1 || true
  local db
  db=$("$root/scripts/pg.sh" start "$work/pg")
  export SMELT_DATABASE="$db" SMELT_LOG_FORMAT=json
  q() { psql "$db" -qAtX -c "$1"; }
  "$smelt" migrate up >/dev/null 2>&1
  q "select smelt.add_campaign('launch', 'acme', array['orbit','launch'], array['orbit'], now() - interval '1 day', null)" >/dev/null
  [ "$statements" -gt 0 ] && q "create extension if not exists pg_stat_statements" >/dev/null

  rm -f "$work/broker"
  "$smelt" broker --partitions "$partitions" --bootstrap-file "$work/broker" >/dev/null 2>"$work/broker.log" &
  local broker=$!
  pids+=("$broker")
  wait_for '[ -s "$work/broker" ]' 30
  export SMELT_BROKERS
  SMELT_BROKERS=$(cat "$work/broker")

  local ingest=()
  for w in $(seq "$workers"); do
    "$smelt" ingest 2>"$work/ingest-$w.log" &
    ingest+=($!)
    pids+=($!)
  done
  # shellcheck disable=SC2086
  "$smelt" scheduler ${SCHEDULER_ARGS:-} 2>"$work/scheduler.log" &
  local scheduler=$!
  pids+=("$scheduler")
  wait_for "grep -q 'scheduler started' '$work/scheduler.log'" 60

  local load started ended
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(q "select now()")
  "$smelt" generate --rate "$rate" --event-rate "$rate" --duration "$duration" --seed 1 --start-time now \
    ${GENERATE_ARGS:-} 2>"$work/generate.log" &
  local generator=$!
  # The generator's own usage is read once a second until it exits; a read
  # that finds it gone (the shell reaps it at once) keeps the last one.
  local gen_cpu="?" gen_mem="?" read_cpu read_mem
  while kill -0 "$generator" 2>/dev/null; do
    read_cpu=$(cpu_s "$generator"); read_mem=$(peak_mib "$generator")
    [ -z "$read_cpu" ] || [ "$read_cpu" = "?" ] || gen_cpu=$read_cpu
    [ -z "$read_mem" ] || [ "$read_mem" = "?" ] || gen_mem=$read_mem
    sleep 1
  done
  wait "$generator"
  ended=$(q "select now()")
  local produced
  produced=$(grep '"generate finished"' "$work/generate.log" | grep -o '"records":[0-9]*' | tail -1 | cut -d: -f2)
  produced=${produced:-$(( rate * duration ))}

  # Caught up: every produced event is in bronze, nothing is pending and gold
  # was published after the last merge.
  local catchup_from catchup_s
  catchup_from=$(date +%s.%N)
  wait_for "[ \"\$(q \"select count(*) from bronze.events\")\" -ge $produced ] &&
            [ \"\$(q \"select count(*) from smelt.pending_batches(1000000)\")\" = 0 ] &&
            [ \"\$(q \"select coalesce((select max(started_at) from smelt.refresh_runs where model = 'gold' and status = 'ok')
                                        > (select max(refreshed_at) from smelt.refreshed_batches), false)\")\" = t ]" 900 ||
    echo "warning: gold did not catch up within 900 s" >&2
  catchup_s=$(python3 -c "import time; print(round(time.time() - $catchup_from, 1))")

  # Usage per process, read before they stop.
  local usage="generate cpu ${gen_cpu}s peak ${gen_mem} MiB; broker cpu $(cpu_s "$broker")s peak $(peak_mib "$broker") MiB"
  local i=1
  for pid in "${ingest[@]}"; do
    usage+="; ingest-$i cpu $(cpu_s "$pid")s peak $(peak_mib "$pid") MiB"
    i=$((i + 1))
  done
  usage+="; scheduler cpu $(cpu_s "$scheduler")s peak $(peak_mib "$scheduler") MiB"
  # PostgreSQL: CPU of each backend, summed by application (or process type).
  local pg_cpu
  pg_cpu=$(psql "$db" -qAtX -F'|' -c "select coalesce(nullif(application_name, ''), backend_type), pid
                                        from pg_stat_activity where pid <> pg_backend_pid()" |
           while IFS='|' read -r name pid; do echo "$name|$(cpu_s "$pid")"; done |
           awk -F'|' '{ cpu[$1] += $2 } END { for (n in cpu) printf "%s %.1fs; ", n, cpu[n] }')

  local events
  events=$(q "select count(*) from bronze.events")
  echo "== $rate events/s for ${duration}s (load average before: $load)"
  echo "produced $produced, landed $events in bronze, achieved $(python3 -c "print(round($events / $duration))") events/s"
  q "with gold as (
       select started_at + duration_ms * interval '1 millisecond' as at
         from smelt.refresh_runs
        where model = 'gold' and status = 'ok'
          and started_at between '$started' and '$ended'),
     gaps as (select extract(epoch from at - lag(at) over (order by at)) as gap from gold)
     select format('gold published %s times while the stream ran; longest gap %s s',
                   (select count(*) from gold), coalesce(round(max(gap)::numeric, 1), 0)) from gaps"
  # What one gold refresh cost while the stream ran, and what it claimed.
  q "with gold as (
       select g.duration_ms, c.rows as claimed
         from smelt.refresh_runs as g
         join smelt.refresh_runs as c on c.run_id = g.run_id and c.model = 'gold.claim'
        where g.model = 'gold' and g.status = 'ok' and g.started_at between '$started' and '$ended')
     select format('gold refresh ms p50 %s, p95 %s, max %s; marks claimed p50 %s, max %s',
                   round(percentile_cont(0.5) within group (order by duration_ms)),
                   round(percentile_cont(0.95) within group (order by duration_ms)),
                   round(max(duration_ms)),
                   round(percentile_cont(0.5) within group (order by claimed)), max(claimed))
       from gold"
  # Where a gold refresh's time went: the steps that took the most, mean
  # milliseconds per published refresh.
  q "with steps as (
       select s.model, avg(s.duration_ms) as ms
         from smelt.refresh_runs as g
         join smelt.refresh_runs as s on s.run_id = g.run_id and s.model like 'gold.%'
        where g.model = 'gold' and g.status = 'ok' and g.started_at between '$started' and '$ended'
        group by s.model)
     select 'gold refresh steps ms mean: '
            || coalesce(string_agg(format('%s %s', substr(model, 6), round(ms)), ', ' order by ms desc), 'none')
       from (select * from steps order by ms desc limit 8) as top"
  # Event-to-gold latency, then where the time went, per event: Kafka
  # timestamp to the start of its ingest transaction, from there to the
  # commit of the merge that took its batch, and from there to the end of
  # the gold refresh that published it.
  q "with batches as (
       select r.batch_id, r.refreshed_at,
              (select g.started_at + g.duration_ms * interval '1 millisecond'
                 from smelt.refresh_runs as g
                where g.model = 'gold' and g.status = 'ok' and g.started_at >= r.refreshed_at
                order by g.started_at limit 1) as gold_at
         from smelt.refreshed_batches as r),
     latency as (
       select extract(epoch from b.gold_at - e.kafka_timestamp) as total,
              extract(epoch from e.ingested_at - e.kafka_timestamp) as ingest,
              extract(epoch from b.refreshed_at - e.ingested_at) as merge,
              extract(epoch from b.gold_at - b.refreshed_at) as gold
         from bronze.events as e join batches as b on b.batch_id = e.batch_id
        where e.kafka_timestamp is not null and b.gold_at is not null)
     select format(E'event-to-gold p50 %s s, p95 %s s, p99 %s s, max %s s over %s events\n'
                   'stages p50 / p99: to ingest %s / %s s, then to merged %s / %s s, then to gold %s / %s s',
                   round(percentile_cont(0.5) within group (order by total)::numeric, 2),
                   round(percentile_cont(0.95) within group (order by total)::numeric, 2),
                   round(percentile_cont(0.99) within group (order by total)::numeric, 2),
                   round(max(total)::numeric, 2), count(*),
                   round(percentile_cont(0.5) within group (order by ingest)::numeric, 2),
                   round(percentile_cont(0.99) within group (order by ingest)::numeric, 2),
                   round(percentile_cont(0.5) within group (order by merge)::numeric, 2),
                   round(percentile_cont(0.99) within group (order by merge)::numeric, 2),
                   round(percentile_cont(0.5) within group (order by gold)::numeric, 2),
                   round(percentile_cont(0.99) within group (order by gold)::numeric, 2))
       from latency"
  q "select format('%s merge transactions, %s events each on average',
                   count(*), round(avg(rows))) from smelt.refresh_runs where model = 'decode'"
  echo "gold caught up ${catchup_s}s after the stream stopped"
  echo "cpu and peak memory: $usage"
  echo "postgresql backends cpu: $pg_cpu"
  grep '"level":"warn"' "$work/scheduler.log" | head -3 || true
  if [ "$statements" -gt 0 ]; then
    # Statements run inside smelt's procedures, grouped by their first words
    # (dynamic SQL differs only in its literals), most time first.
    # A check's statement is named after its check (smelt.evaluate_check).
    psql "$db" -qX -c "
      select round(sum(s.total_exec_time)::numeric / 1000, 2) as seconds, sum(s.calls) as calls,
             round((sum(s.total_exec_time) / sum(s.calls))::numeric, 2) as mean_ms,
             coalesce('check ' || substring(s.query from '^/\* smelt check (\w+) \*/'),
                      left(regexp_replace(s.query, '\s+', ' ', 'g'), 110)) as statement
        from pg_stat_statements as s
       where not s.toplevel
       group by 4 order by 1 desc limit $statements"
  fi
  stop_all
  "$root/scripts/pg.sh" stop "$work/pg" >/dev/null 2>&1 || true
  if [ "$explain_ms" -gt 0 ]; then
    cp "$work/pg/server.log" "$explain_dir/plans-$rate.log"
    echo "plans of statements slower than ${explain_ms} ms: $explain_dir/plans-$rate.log"
  fi
}

for rate in $rates; do run_rate "$rate"; done
