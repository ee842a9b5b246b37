#!/usr/bin/env bash
# Ingest side by side, every contender in one run, on the same rows and the
# same table (bronze.events, truncated between contenders):
#   smelt-1      `smelt ingest`, one worker
#   smelt-2      `smelt ingest`, two workers in one group
#   copy         psql's \copy of the very rows smelt-1 wrote, from a local file
#                (PostgreSQL's own COPY: no Kafka, no parsing; the ceiling)
#   kcat|psql    `kcat -C` piped into psql: \copy into a temporary table, then
#                one INSERT ... SELECT taking source, kind and observed_at from
#                the JSON, in one transaction
#   python       bench/python_consumer.py (confluent-kafka + psycopg2, COPY
#                batches, offsets committed after the database commit)
# COUNT generated events are preloaded once into a private `smelt broker`;
# every Kafka contender reads the topic from its start. The mock broker keeps
# only about 5 MiB per partition, so the script checks that the log still
# starts at offset 0 and holds COUNT messages, and stops otherwise (raise
# PARTITIONS). Rate = rows / (last commit - first transaction start), from
# PostgreSQL (track_commit_timestamp), so joining a group and idle waits do not
# count. CPU seconds and peak RSS per process come from GNU time; PostgreSQL's
# CPU from /proc (server processes plus exited backends).
#   SMELT_BUILD_DIR      where smelt is built (default: build/)
#   SMELT_BENCH_PG_PORT  port of the private PostgreSQL (default 54338)
#   COUNT                events (default 1000000)
#   PARTITIONS           topic partitions (default 48: 1 M events need about 40)
#   BATCH_ROWS           rows per batch for smelt and Python (default 20000)
#   ONLY                 space-separated subset of: smelt-1 smelt-2 copy kcat python
#   INGEST_ARGS          extra arguments for smelt ingest (e.g. -X key=value)
#   LOG_DIR              keep the processes' logs there
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smelt=${SMELT_BUILD_DIR:-$root/build}/smelt
count=${COUNT:-1000000}
partitions=${PARTITIONS:-48}
batch_rows=${BATCH_ROWS:-20000}
only=${ONLY:-smelt-1 smelt-2 copy kcat python}
read -r -a ingest_args <<<"${INGEST_ARGS:-}"
py=/usr/bin/python3  # Debian's, with python3-confluent-kafka and python3-psycopg2
for tool in kcat psql "$py" /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "ingest_compare: $tool missing; run scripts/setup.sh" >&2; exit 1; }
done
"$py" -c 'import confluent_kafka, psycopg2' 2>/dev/null ||
  { echo "ingest_compare: python3-confluent-kafka or python3-psycopg2 missing; run scripts/setup.sh" >&2; exit 1; }
[ -x "$smelt" ] || { echo "ingest_compare: $smelt not built" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
pgdir=$work/pg
export SMELT_PG_PORT=${SMELT_BENCH_PG_PORT:-54338}
broker_pid=

cleanup() {
  [ -n "${LOG_DIR:-}" ] && mkdir -p "$LOG_DIR" && cp "$work"/*.log "$LOG_DIR"/ 2>/dev/null
  [ -n "$broker_pid" ] && kill -TERM "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null
  "$root/scripts/pg.sh" wipe "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

db=$("$root/scripts/pg.sh" start "$pgdir")
q() { psql "$db" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
q "alter system set track_commit_timestamp = on" >/dev/null
# No autovacuum: after each contender's million rows it would bill its work to the next one.
q "alter system set autovacuum = off" >/dev/null
"$root/scripts/pg.sh" stop "$pgdir" >/dev/null
db=$("$root/scripts/pg.sh" start "$pgdir")
pg_socket=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$db")
export SMELT_DATABASE="$db" SMELT_LOG_FORMAT=json
"$smelt" migrate up >/dev/null 2>&1

"$smelt" broker --partitions "$partitions" --bootstrap-file "$work/broker" >/dev/null 2>&1 &
broker_pid=$!
for _ in $(seq 300); do [ -s "$work/broker" ] && break; sleep 0.1; done
export SMELT_BROKERS=$(cat "$work/broker")
topic=smelt.events

echo "ingest_compare: preloading $count events into $partitions partitions" >&2
"$smelt" generate --rate 0 --count "$count" --seed 1 --start-time 2026-11-22T10:00:00Z 2>"$work/generate.log"
# The mock broker drops the oldest message sets past ~5 MiB per partition.
"$py" - "$SMELT_BROKERS" "$topic" "$partitions" "$count" <<'EOF'
import sys
from confluent_kafka import Consumer, TopicPartition
brokers, topic, partitions, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
c = Consumer({"bootstrap.servers": brokers, "group.id": "watermarks"})
marks = [c.get_watermark_offsets(TopicPartition(topic, p), timeout=10) for p in range(partitions)]
c.close()
lost = sum(low for low, _ in marks)
held = sum(high - low for low, high in marks)
if lost or held != count:
    sys.exit(f"ingest_compare: the broker kept {held} of {count} messages ({lost} dropped by its retention); "
             "raise PARTITIONS or lower COUNT")
EOF

# CPU seconds of the whole PostgreSQL server so far: live processes plus the
# exited backends the postmaster has reaped.
pg_cpu() {
  "$py" - "$pg_socket/data/postmaster.pid" <<'EOF'
import os, sys
postmaster = int(open(sys.argv[1]).readline())
hz = os.sysconf("SC_CLK_TCK")
def fields(pid):
    text = open(f"/proc/{pid}/stat").read()
    return text[text.rindex(")") + 2:].split()
total = sum(int(v) for v in fields(postmaster)[11:15])
for pid in os.listdir("/proc"):
    if not pid.isdigit() or int(pid) == postmaster:
        continue
    try:
        f = fields(pid)
    except OSError:
        continue
    if int(f[1]) == postmaster:
        total += int(f[11]) + int(f[12])
print(total / hz)
EOF
}

# Seconds from the first row's transaction start to the last commit, and rows.
busy_rows() {
  q "select extract(epoch from max(pg_xact_commit_timestamp(xmin)) - min(ingested_at)), count(*) from bronze.events" |
    tr '|' ' '
}

reset_table() {
  q "truncate bronze.events" >/dev/null
  q "checkpoint" >/dev/null
}

# GNU time line: wall user system maxrss_kb
timed() {
  local out=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$out" "$@"
}

declare -A rate rows_of secs pgcpu procs
record() {  # name, then the "proc:timefile" pairs of its processes
  local name=$1
  shift
  local b r
  read -r b r < <(busy_rows)
  secs[$name]=$b
  rows_of[$name]=$r
  rate[$name]=$("$py" -c "print(round($r / $b) if $b > 0 else 0)")
  procs[$name]=""
  for pair in "$@"; do
    local label=${pair%%:*} file=${pair#*:}
    read -r _wall user sys rss <"$file"
    procs[$name]+=$(printf '%s cpu %.1fs rss %dMiB' "$label" "$("$py" -c "print($user + $sys)")" $((rss / 1024)))
    # smelt ingest's summary line: the events this worker wrote.
    local log=${file%.time}.log written
    if [ -f "$log" ]; then
      written=$(grep -o '"records":[0-9]*' "$log" | tail -1 | cut -d: -f2 || true)
      procs[$name]+=" events ${written:-?}"
    fi
    procs[$name]+="; "
  done
}

run_smelt() {  # name workers
  local name=$1 workers=$2 pids=() pairs=() before after
  before=$(pg_cpu)
  for w in $(seq "$workers"); do
    timed "$work/$name-$w.time" "$smelt" ingest --group "bench-$name" --idle-exit 3 --batch-rows "$batch_rows" \
      "${ingest_args[@]}" 2>"$work/$name-$w.log" &
    pids+=($!)
    pairs+=("ingest$w:$work/$name-$w.time")
  done
  wait "${pids[@]}" || { tail -5 "$work/$name"-*.log >&2; exit 1; }
  after=$(pg_cpu)
  pgcpu[$name]=$("$py" -c "print(round($after - $before, 1))")
  record "$name" "${pairs[@]}"
}

has() { [[ " $only " == *" $1 "* ]]; }

if has smelt-1 || has copy; then
  run_smelt smelt-1 1
  # The rows for the COPY ceiling: exactly what smelt wrote.
  q "\\copy (select topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp, source, kind, observed_at, raw from bronze.events) to '$work/rows.copy'"
  reset_table
fi

if has smelt-2; then
  run_smelt smelt-2 2
  reset_table
fi

if has copy; then
  before=$(pg_cpu)
  timed "$work/copy.time" psql "$db" -qAtX -v ON_ERROR_STOP=1 -c "set smelt.batch_id = 0" \
    -c "\\copy bronze.events (topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp, source, kind, observed_at, raw) from '$work/rows.copy'"
  after=$(pg_cpu)
  pgcpu[copy]=$("$py" -c "print(round($after - $before, 1))")
  record copy "psql:$work/copy.time"
  reset_table
fi

if has kcat; then
  # Fields separated by 0x1f; CSV with 0x01 as quote so JSON is taken verbatim.
  cat >"$work/kcat.sql" <<'SQL'
set smelt.batch_id = 0;
create temp table stage (topic text, kafka_partition int, kafka_offset bigint, kafka_key text,
                         kafka_timestamp_ms bigint, raw text) on commit drop;
\copy stage from pstdin with (format csv, delimiter e'\x1f', quote e'\x01')
insert into bronze.events (topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp,
                           source, kind, observed_at, raw)
select topic, kafka_partition, kafka_offset, convert_to(kafka_key, 'UTF8'),
       to_timestamp(kafka_timestamp_ms / 1000.0), j->>'source', j->>'kind', (j->>'observed_at')::timestamptz, raw
  from (select *, raw::jsonb as j from stage) s;
SQL
  before=$(pg_cpu)
  timed "$work/kcat.time" kcat -C -b "$SMELT_BROKERS" -t "$topic" -o beginning -e -q \
      -f '%t\x1f%p\x1f%o\x1f%k\x1f%T\x1f%s\n' |
    timed "$work/kcat-psql.time" psql "$db" -qAtX -v ON_ERROR_STOP=1 -1 -f "$work/kcat.sql"
  after=$(pg_cpu)
  pgcpu[kcat]=$("$py" -c "print(round($after - $before, 1))")
  record kcat "kcat:$work/kcat.time" "psql:$work/kcat-psql.time"
  reset_table
fi

if has python; then
  before=$(pg_cpu)
  timed "$work/python.time" "$py" "$root/bench/python_consumer.py" --brokers "$SMELT_BROKERS" --topic "$topic" \
    --database "$db" --batch-rows "$batch_rows" >"$work/python.out"
  after=$(pg_cpu)
  pgcpu[python]=$("$py" -c "print(round($after - $before, 1))")
  record python "python:$work/python.time"
  reset_table
fi

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "ingest_compare: $count events, $partitions partitions, batch $batch_rows rows, load average $load"
printf '%-10s %10s %9s %12s %10s  %s\n' contender rows seconds events/s pg_cpu_s processes
for name in smelt-1 smelt-2 copy kcat python; do
  [ -n "${rate[$name]:-}" ] || continue
  printf '%-10s %10s %9.2f %12s %10s  %s\n' "$name" "${rows_of[$name]}" "${secs[$name]}" "${rate[$name]}" \
    "${pgcpu[$name]}" "${procs[$name]}"
done
ratio() {
  [ -n "${rate[$1]:-}" ] && [ -n "${rate[$2]:-}" ] && [ "${rate[$2]}" -gt 0 ] &&
    "$py" -c "print('%-24s %.2f' % ('$1 / $2', ${rate[$1]} / ${rate[$2]}))"
  return 0
}
echo "ratios (target: smelt-1/copy >= 0.8, smelt-2/copy >= 1.0, smelt/kcat >= 0.9, smelt/python >= 5):"
ratio smelt-1 copy
ratio smelt-2 copy
ratio smelt-1 kcat
ratio smelt-2 kcat
ratio smelt-1 python
ratio smelt-2 python
