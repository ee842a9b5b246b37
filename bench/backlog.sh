# shellcheck shell=bash disable=SC2154,SC2034  # variables of the sourcing script
# Sourced by the backlog benchmarks (refresh_backlog.sh, gold_refresh.sh):
# load_backlog migrates the fresh database $db, adds one campaign, and loads
# $count generated events (seed 1, event time from 2026-11-22 10:00 UTC at
# 2,800 events/s) into bronze through a private local broker with $partitions
# partitions and `smelt ingest`; nothing is refreshed yet. Needs root, smelt,
# work, db, count and partitions; sets broker_pid, which the caller's cleanup
# stops, and exports SMELT_DATABASE and SMELT_BROKERS.
load_backlog() {
  export SMELT_DATABASE="$db" SMELT_LOG_FORMAT=json
  "$smelt" migrate up >/dev/null 2>&1
  psql "$db" -qAtX -c "select smelt.add_campaign('launch', 'acme', array['orbit','launch'], array['orbit'],
                                                 '2026-11-01', null)" >/dev/null

  "$smelt" broker --partitions "$partitions" --bootstrap-file "$work/broker" >/dev/null 2>&1 &
  broker_pid=$!
  for _ in $(seq 300); do [ -s "$work/broker" ] && break; sleep 0.1; done
  SMELT_BROKERS=$(cat "$work/broker")
  export SMELT_BROKERS

  # Ingest runs while the generator produces (the local broker keeps only a
  # few MiB per partition), and stops once it has been idle for 3 s.
  "$smelt" ingest --idle-exit 3 --batch-rows 5000 2>"$work/ingest.log" &
  local ingest_pid=$!
  "$smelt" generate --rate 0 --count "$count" --seed 1 --start-time 2026-11-22T10:00:00Z \
    --event-rate 2800 2>"$work/generate.log"
  wait "$ingest_pid"
}
