#!/usr/bin/env bash
# Generator throughput: `smelt generate --rate 0 --count N` into the local
# broker (`smelt broker`, librdkafka's mock cluster), and the same run into
# /dev/null for the generator alone. Prints events/s for both; exits non-zero
# if a run fails.
#   SMELT_BUILD_DIR   where smelt is built (default: build/)
#   COUNT             messages per run (default 500000)
#   PARTITIONS        partitions of the benchmark topic (default 8)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smelt=${SMELT_BUILD_DIR:-$root/build}/smelt
count=${COUNT:-500000}
partitions=${PARTITIONS:-8}
topic=smelt.bench.generate
work=$(mktemp -d)
broker_pid=

cleanup() {
  [ -n "$broker_pid" ] && kill -TERM "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The figure from a run's summary line ("generate finished", JSON log).
field() { grep '"generate finished"' "$1" | sed -E "s/.*\"$2\":([0-9.]+).*/\1/"; }

report() {
  printf '%-28s %9s events in %6.2f s  = %8.0f events/s\n' "$1" "$(field "$2" records)" \
    "$(field "$2" duration_s)" "$(field "$2" events_per_s)"
}

[ -x "$smelt" ] || { echo "no smelt binary at $smelt (run scripts/build.sh)" >&2; exit 1; }
common=(--rate 0 --count "$count" --seed 1 --start-time 2026-11-22T10:00:00Z --log-format json)

"$smelt" broker --topic "$topic" --partitions "$partitions" --bootstrap-file "$work/bootstrap" \
  --log-format json >"$work/broker.out" 2>"$work/broker.log" &
broker_pid=$!
for _ in $(seq 100); do [ -s "$work/bootstrap" ] && break; sleep 0.1; done
[ -s "$work/bootstrap" ] || { cat "$work/broker.log" >&2; echo "broker did not start" >&2; exit 1; }
bootstrap=$(cat "$work/bootstrap")

echo "smelt generate, $count messages, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
if ! "$smelt" generate "${common[@]}" --brokers "$bootstrap" --topic "$topic" 2>"$work/kafka.log"; then
  cat "$work/kafka.log" >&2
  exit 1
fi
report "kafka ($partitions partitions)" "$work/kafka.log"
if command -v kcat >/dev/null; then
  stored=$(kcat -Q -b "$bootstrap" $(for p in $(seq 0 $((partitions - 1))); do echo -t "$topic:$p:-1"; done) |
           awk '/offset/ {sum += $NF} END {print sum + 0}')
  echo "  broker end offsets add up to $stored messages"
  [ "$stored" = "$count" ] || { echo "expected $count messages in the topic" >&2; exit 1; }
fi
"$smelt" generate "${common[@]}" -o /dev/null 2>"$work/file.log" || { cat "$work/file.log" >&2; exit 1; }
report "file (/dev/null)" "$work/file.log"
