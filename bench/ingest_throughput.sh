#!/usr/bin/env bash
# Ingest throughput, and PostgreSQL's own COPY of the same rows for scale.
# Preloads COUNT generated events into the local broker, drains them with
# WORKERS `smelt ingest` processes into a fresh database, then COPYs the very
# same bronze rows from a file into an empty copy of bronze.events with psql.
# Prints both rates and their ratio, measured in one run.
#   SMELT_BUILD_DIR  where smelt is built (default: build/)
#   COUNT            events (default 300000; the mock broker keeps ~5 MiB per partition)
#   PARTITIONS       topic partitions (default 16)
#   WORKERS          ingest processes in one group (default 1)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smelt=${SMELT_BUILD_DIR:-$root/build}/smelt
count=${COUNT:-300000}
partitions=${PARTITIONS:-16}
workers=${WORKERS:-1}
work=$(mktemp -d)
chmod 755 "$work"
pgdir=$work/pg
export SMELT_PG_PORT=${SMELT_BENCH_PG_PORT:-54338}
broker_pid=

cleanup() {
  [ -n "$broker_pid" ] && kill -TERM "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null
  "$root/scripts/pg.sh" wipe "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

db=$("$root/scripts/pg.sh" start "$pgdir")
export SMELT_DATABASE="$db" SMELT_LOG_FORMAT=json
"$smelt" migrate up >/dev/null 2>&1

"$smelt" broker --partitions "$partitions" --bootstrap-file "$work/broker" >/dev/null 2>&1 &
broker_pid=$!
for _ in $(seq 100); do [ -s "$work/broker" ] && break; sleep 0.1; done
export SMELT_BROKERS=$(cat "$work/broker")

"$smelt" generate --rate 0 --count "$count" --seed 1 --start-time 2026-11-22T10:00:00Z 2>"$work/generate.log"
bytes=$(grep -o '"bytes":[0-9]*' "$work/generate.log" | head -1 | cut -d: -f2 || true)

pids=()
for w in $(seq "$workers"); do
  "$smelt" ingest --idle-exit 3 --batch-rows 20000 2>"$work/ingest-$w.log" &
  pids+=($!)
done
wait "${pids[@]}"

q() { psql "$db" -qAtX -c "$1"; }
events=$(q "select count(*) from bronze.events")
rejects=$(q "select count(*) from bronze.rejects")
# Busy time: from the first batch's start to the last batch's commit.
busy=$(q "select extract(epoch from max(committed_at) - min(first_ingested)) from (
            select first_ingested, lead(first_ingested) over (order by batch_id) as next,
                   pg_xact_commit_timestamp(committed_xid::text::xid) as committed_at
              from smelt.ingest_batches) b" 2>/dev/null || true)
if [ -z "$busy" ]; then
  # Without track_commit_timestamp: first batch start to last batch start, plus one mean batch.
  busy=$(q "select extract(epoch from max(first_ingested) - min(first_ingested)) * count(*) / greatest(count(*) - 1, 1)
              from smelt.ingest_batches")
fi
ingest_rate=$(python3 -c "print(round(($events + $rejects) / $busy))")

# PostgreSQL's own COPY of the same rows, from a file through psql (client side,
# like ingest), into an empty twin table.
q "\\copy (select topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp, source, kind, observed_at, raw from bronze.events) to '$work/rows.copy'"
q "create table bench_copy (like bronze.events including defaults including indexes)"
start=$(date +%s.%N)
psql "$db" -qAtX -c "set smelt.batch_id = 0" -c "\\copy bench_copy (topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp, source, kind, observed_at, raw) from '$work/rows.copy'"
copy_s=$(python3 -c "import time; print(time.time() - $start)")
copy_rate=$(python3 -c "print(round($events / $copy_s))")

echo "events: $events valid + $rejects rejected, $partitions partitions, $workers worker(s)"
echo "smelt ingest (Kafka -> bronze, offsets, rejects): $ingest_rate events/s over ${busy}s busy"
echo "psql COPY of the same rows from a local file:     $copy_rate events/s"
python3 -c "print('ratio ingest / plain COPY: %.2f' % ($ingest_rate / $copy_rate))"
