#!/usr/bin/env bash
# smelt's main job on local defaults: installs what is missing, builds, starts
# a local PostgreSQL and a local Kafka-protocol broker, streams simulated
# traffic of all five platforms through two ingest workers into bronze, keeps
# silver and gold fresh with the scheduler, shows the live dashboard
# (`smelt serve`) while it runs, and prints what landed and the gold KPIs.
# The database and the dashboard stay up afterwards for exploring. Migrations
# run as the owner; each daemon connects as a login role in its own group
# role (smelt_ingest, smelt_refresh, smelt_serve; docs/security.md).
#   SMELT_DEMO_SECONDS  how long the generator runs (default 60)
#   SMELT_DEMO_RATE     events per second (default 2800, the source plan's 10 M/hour)
#   SMELT_SERVE_PORT    the dashboard's port (default 8080)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${SMELT_DEMO_SECONDS:-60}
rate=${SMELT_DEMO_RATE:-2800}
state="$root/.smelt"
mkdir -p "$state"

"$root/scripts/setup.sh"
echo "demo: building"
build=$("$root/scripts/build.sh" smelt)
smelt="$build/smelt"

echo "demo: starting PostgreSQL"
export SMELT_PG_PORT=${SMELT_PG_PORT:-54329}
export SMELT_DATABASE=$("$root/scripts/pg.sh" start)
psql "$(echo "$SMELT_DATABASE" | sed 's/dbname=smelt/dbname=postgres/')" -qXc "drop database if exists smelt with (force)" -c "create database smelt"
"$smelt" migrate up --log-format text
ingest_db=$("$root/scripts/pg.sh" login ingest)
refresh_db=$("$root/scripts/pg.sh" login refresh)
serve_db=$("$root/scripts/pg.sh" login serve)

echo "demo: the generator's campaigns"
add_campaign() { "$smelt" campaign add -d "$refresh_db" "$@" --starts 2000-01-01 --log-format text >/dev/null; }
add_campaign "Aurora X2 launch" --brand Aurora --hashtag AuroraX2 --hashtag ShotOnAurora --hashtag AuroraLaunch \
  --keyword "Aurora X2" --keyword "Aurora phone"
add_campaign "Verde Cola summer" --brand "Verde Cola" --hashtag VerdeCola --hashtag TasteTheGreen \
  --hashtag VerdeSummer --keyword "Verde Cola"
add_campaign "Helix Bank app relaunch" --brand "Helix Bank" --hashtag HelixBank --hashtag HelixDown \
  --hashtag HelixRewards --keyword "Helix Bank" --keyword "Helix app"
add_campaign "Nimbus Air new routes" --brand "Nimbus Air" --hashtag NimbusAir --hashtag FlyNimbus \
  --hashtag NimbusDelays --keyword "Nimbus Air"
add_campaign "Pulse 30-day challenge" --brand Pulse --hashtag PulseChallenge --hashtag 30DaysOfPulse \
  --keyword "Pulse Fit" --keyword "Pulse app"
add_campaign "Orbit+ originals" --brand Orbit --hashtag OrbitOriginals --hashtag OrbitFinale --hashtag OrbitPlus \
  --keyword "Orbit+" --keyword "Orbit Originals"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
}
trap cleanup EXIT

echo "demo: starting the local broker"
rm -f "$state/broker"
"$smelt" broker --partitions 8 --bootstrap-file "$state/broker" --log-format text >"$state/broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do [ -s "$state/broker" ] && break; sleep 0.1; done
export SMELT_BROKERS=$(cat "$state/broker")

echo "demo: two ingest workers in one consumer group"
for worker in 1 2; do
  SMELT_DATABASE=$ingest_db "$smelt" ingest --log-format text --progress-interval 10 >"$state/ingest-$worker.log" 2>&1 &
  pids+=($!)
done

echo "demo: the scheduler keeps silver and gold fresh"
SMELT_DATABASE=$refresh_db "$smelt" scheduler --log-format text >"$state/scheduler.log" 2>&1 &
pids+=($!)

# The dashboard outlives the demo (it is not in pids); a previous one is replaced.
if [ -s "$state/serve.pid" ]; then kill "$(cat "$state/serve.pid")" 2>/dev/null || true; fi
rm -f "$state/serve.url"
SMELT_DATABASE=$serve_db setsid nohup "$smelt" serve --port "${SMELT_SERVE_PORT:-8080}" --url-file "$state/serve.url" --log-format text \
  >"$state/serve.log" 2>&1 &
echo $! >"$state/serve.pid"
for _ in $(seq 100); do [ -s "$state/serve.url" ] && break; sleep 0.1; done
if [ -s "$state/serve.url" ]; then
  echo "demo: the live dashboard is at $(cat "$state/serve.url") (watch the charts move while traffic flows)"
else
  echo "demo: smelt serve did not start; see $state/serve.log" >&2
fi

echo "demo: generating ${seconds}s of traffic at ${rate} events/s"
"$smelt" generate --rate "$rate" --duration "$seconds" --duplicates 0.01 --late 0.01 \
  --out-of-order 0.01 --malformed 0.001 --log-format text

echo "demo: waiting for ingest to catch up"
for _ in $(seq 300); do
  stored=$(psql "$SMELT_DATABASE" -qAtXc "select coalesce(sum(next_offset), 0) from smelt.ingest_offsets")
  ended=$(kcat -Q -b "$SMELT_BROKERS" $(for p in $(seq 0 7); do echo -t "smelt.events:$p:-1"; done) 2>/dev/null |
          awk '/offset/ {sum += $NF} END {print sum + 0}')
  [ "$stored" -gt 0 ] && [ "$stored" = "$ended" ] && break
  sleep 0.2
done
for worker in 1 2; do kill -TERM "${pids[$worker]}"; done
wait "${pids[1]}" "${pids[2]}" || true
grep -h "ingest finished" "$state"/ingest-*.log || true
SMELT_DATABASE=$refresh_db "$smelt" refresh --log-format text 2>&1 | tail -n 1
grep -h "lag_s" "$state/scheduler.log" | tail -n 1 || true

echo
psql "$SMELT_DATABASE" -X -f "$root/sql/queries/reports/bronze_landed.sql"
psql "$SMELT_DATABASE" -X -f "$root/sql/queries/reports/gold_kpis.sql"
psql "$SMELT_DATABASE" -X -f "$root/sql/queries/reports/freshness.sql"
echo "PostgreSQL keeps running. Explore:  psql \"$SMELT_DATABASE\""
echo "BI tools: grant the read-only role smelt_bi (gold only) to a login role."
echo "Stop it with:                     scripts/pg.sh stop"
if [ -s "$state/serve.url" ] && kill -0 "$(cat "$state/serve.pid")" 2>/dev/null; then
  echo "smelt serve keeps running (metrics at $(cat "$state/serve.url")metrics); stop it with: kill $(cat "$state/serve.pid")"
  echo "Dashboard: $(cat "$state/serve.url")"
fi
