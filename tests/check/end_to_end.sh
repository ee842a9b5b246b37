#!/usr/bin/env bash
# End to end: generated traffic through the local broker, two ingest workers
# and the scheduler into gold, then gold checked against figures computed
# independently from the same messages (tests/check/independent_check.py).
# Migrations run as the owner; ingest, the scheduler, refresh and campaign
# run as login roles of smelt_ingest and smelt_refresh (docs/security.md).
#
#   SMELT_TEST_DATABASE  conninfo of a server where this test may create a database
#   SMELT_BINARY         the smelt binary (default: build/smelt)
#
# Creates a fresh database, drops it at the end and stops every process it
# started. The last line of output is "N passed, N failed" (assertions).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
smelt=${SMELT_BINARY:-$root/build/smelt}
if [ -z "${SMELT_TEST_DATABASE:-}" ]; then
    echo "SMELT_TEST_DATABASE is not set (a conninfo of a server where databases can be created)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

count=40000
generate_options=(--seed 11 --count "$count" --start-time 2026-11-22T10:00:00Z
                  --duplicates 0.01 --late 0.01 --out-of-order 0.01 --malformed 0.002)
db="smelt_e2e_$$"
admin=(psql -X -q -v ON_ERROR_STOP=1 -d "$SMELT_TEST_DATABASE dbname=postgres")
export SMELT_DATABASE="$SMELT_TEST_DATABASE dbname=$db"
work=$(mktemp -d "${TMPDIR:-/tmp}/smelt-e2e.XXXXXX")
started=$(date +%s)

passed=0
failed=0
pids=()
broker_pid=""

check() {  # check NAME COMMAND...: one assertion
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok - $name"
        return 0
    fi
    failed=$((failed + 1))
    echo "not ok - $name"
    return 1
}

finish() {
    echo "end to end took $(( $(date +%s) - started )) s"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

cleanup() {
    for pid in "${pids[@]}" $broker_pid; do
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${pids[@]}" $broker_pid; do
        wait "$pid" 2>/dev/null
    done
    "${admin[@]}" -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

show_log() {  # the tail of a log after a failure
    echo "--- $1" >&2
    tail -n 20 "$1" >&2
}

logged() {  # logged LOG COMMAND...: the command's output goes to LOG
    local log=$1
    shift
    "$@" >"$log" 2>&1
}

psql_value() {
    psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$SMELT_DATABASE" -c "$1"
}

# -- database and campaigns ---------------------------------------------------
check "create database" "${admin[@]}" -c "create database \"$db\"" || finish
check "smelt migrate up" logged "$work/migrate.log" "$smelt" migrate up --dir "$root" --log-format text ||
    { show_log "$work/migrate.log"; finish; }

# login roles of the daemons' group roles (cluster-wide: another test may create them meanwhile)
login_roles() {
    "${admin[@]}" -c "do \$\$ begin
        if not exists (select 1 from pg_roles where rolname = 'smelt_ingest_user') then
            create role smelt_ingest_user login in role smelt_ingest; end if;
        if not exists (select 1 from pg_roles where rolname = 'smelt_refresh_user') then
            create role smelt_refresh_user login in role smelt_refresh; end if;
    exception when duplicate_object or unique_violation then null; end \$\$"
}
check "login roles in smelt_ingest and smelt_refresh" login_roles || finish
as_ingest=(env SMELT_DATABASE="$SMELT_DATABASE user=smelt_ingest_user")
as_refresh=(env SMELT_DATABASE="$SMELT_DATABASE user=smelt_refresh_user")

add_campaign() { "${as_refresh[@]}" "$smelt" campaign add "$@" --starts 2000-01-01 --log-format text >>"$work/campaign.log" 2>&1; }
add_campaigns() {
    add_campaign "Aurora X2 launch" --brand Aurora --hashtag AuroraX2 --hashtag ShotOnAurora --hashtag AuroraLaunch \
        --keyword "Aurora X2" --keyword "Aurora phone" &&
    add_campaign "Verde Cola summer" --brand "Verde Cola" --hashtag VerdeCola --hashtag TasteTheGreen \
        --hashtag VerdeSummer --keyword "Verde Cola" &&
    add_campaign "Helix Bank app relaunch" --brand "Helix Bank" --hashtag HelixBank --hashtag HelixDown \
        --hashtag HelixRewards --keyword "Helix Bank" --keyword "Helix app" &&
    add_campaign "Nimbus Air new routes" --brand "Nimbus Air" --hashtag NimbusAir --hashtag FlyNimbus \
        --hashtag NimbusDelays --keyword "Nimbus Air" &&
    add_campaign "Pulse 30-day challenge" --brand Pulse --hashtag PulseChallenge --hashtag 30DaysOfPulse \
        --keyword "Pulse Fit" --keyword "Pulse app" &&
    add_campaign "Orbit+ originals" --brand Orbit --hashtag OrbitOriginals --hashtag OrbitFinale --hashtag OrbitPlus \
        --keyword "Orbit+" --keyword "Orbit Originals"
}
check "the generator's six campaigns added" add_campaigns || { show_log "$work/campaign.log"; finish; }

# -- the events file: exactly the messages that go to Kafka below ---------------
check "smelt generate --output" logged "$work/generate-file.log" "$smelt" generate --output "$work/events.jsonl" \
    --rate 0 "${generate_options[@]}" --log-format json || { show_log "$work/generate-file.log"; finish; }

# -- broker, two ingest workers, scheduler --------------------------------------
"$smelt" broker --partitions 8 --bootstrap-file "$work/broker" --log-format text >"$work/broker.log" 2>&1 &
broker_pid=$!
wait_for() {  # wait_for SECONDS COMMAND...: polls until COMMAND succeeds; a bound for failure, not a speed
    local deadline=$(( $(date +%s) + $1 ))
    shift
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}
wait_for 120 test -s "$work/broker"
check "smelt broker ready" test -s "$work/broker" || { show_log "$work/broker.log"; finish; }
export SMELT_BROKERS=$(cat "$work/broker")

for worker in 1 2; do
    "${as_ingest[@]}" "$smelt" ingest --log-format text >"$work/ingest-$worker.log" 2>&1 &
    pids+=($!)
done
"${as_refresh[@]}" "$smelt" scheduler --log-format text >"$work/scheduler.log" 2>&1 &
pids+=($!)

check "smelt generate to Kafka (same messages)" logged "$work/generate-kafka.log" "$smelt" generate --rate 8000 \
    "${generate_options[@]}" --log-format json || { show_log "$work/generate-kafka.log"; finish; }

stored_offsets() { psql_value "select coalesce(sum(next_offset), 0) from smelt.ingest_offsets"; }
all_stored() { [ "$(stored_offsets)" = "$count" ]; }
caught_up() {
    wait_for 600 all_stored && return 0
    echo "stored offsets sum to $(stored_offsets), expected $count" >&2
    return 1
}
check "ingest caught up (stored offsets sum to $count)" caught_up ||
    { show_log "$work/ingest-1.log"; show_log "$work/ingest-2.log"; }

stop_all() {
    local status=0 pid
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    pids=()
    return $status
}
check "ingest workers and scheduler stop cleanly on SIGTERM" stop_all ||
    { show_log "$work/ingest-1.log"; show_log "$work/ingest-2.log"; show_log "$work/scheduler.log"; }

malformed=$(sed -n 's/.*"malformed":\([0-9]*\).*/\1/p' "$work/generate-file.log" | tail -n 1)
rejects=$(psql_value "select count(*) from bronze.rejects")
check "bronze.rejects holds the $malformed malformed messages" test "${rejects:-x}" = "${malformed:-y}"

check "final smelt refresh" logged "$work/refresh.log" "${as_refresh[@]}" "$smelt" refresh --log-format text ||
    { show_log "$work/refresh.log"; finish; }

# -- gold against the independent figures ---------------------------------------
check "gold matches the independent check" python3 "$here/independent_check.py" \
    --events "$work/events.jsonl" --database "$SMELT_DATABASE"

sentiment=$(psql_value "
    select string_agg(hashtag || '=' || coalesce(round(sum_s / nullif(scored, 0), 4)::text, 'none'), ' ' order by hashtag)
    from (select hashtag, sum(sentiment_sum) as sum_s, sum(scored_posts) as scored
          from gold.mart_hashtag_sentiment_hourly
          where hashtag in ('shotonaurora', 'helixdown') group by hashtag) t")
echo "average sentiment: $sentiment"
higher() {
    local verdict
    verdict=$(psql_value "
        select coalesce((select sum(sentiment_sum) / nullif(sum(scored_posts), 0)
                         from gold.mart_hashtag_sentiment_hourly where hashtag = 'shotonaurora')
                        > (select sum(sentiment_sum) / nullif(sum(scored_posts), 0)
                           from gold.mart_hashtag_sentiment_hourly where hashtag = 'helixdown'), false)")
    [ "$verdict" = "t" ]
}
check "#ShotOnAurora averages a higher sentiment than #HelixDown" higher

finish
