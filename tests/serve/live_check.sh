#!/usr/bin/env bash
# smelt serve against a running pipeline: generator -> local broker -> ingest
# -> scheduler -> gold, with `smelt serve` in front. Checks the JSON API
# (answers, 400s, reads gold only as smelt_bi), /metrics of serve, ingest and
# scheduler (promtool check metrics), consumer lag in seconds rising while
# ingest is stopped and falling when it resumes, and the dashboard in
# chromium (tests/browser/dashboard_test.js; screenshots in
# $SMELT_ARTIFACT_DIR, default build/test-artifacts).
#
#   SMELT_TEST_DATABASE  conninfo of a server where this test may create a database
#   SMELT_BINARY         the smelt binary (default: build/smelt)
# Last line: "N passed, N failed".
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
smelt=${SMELT_BINARY:-$root/build/smelt}
artifacts=${SMELT_ARTIFACT_DIR:-$(dirname "$smelt")/test-artifacts}
if [ -z "${SMELT_TEST_DATABASE:-}" ]; then
    echo "SMELT_TEST_DATABASE is not set"; echo "0 passed, 1 failed"; exit 1
fi
db="smelt_serve_$$"
admin=(psql -X -q -v ON_ERROR_STOP=1 -d "$SMELT_TEST_DATABASE dbname=postgres")
export SMELT_DATABASE="$SMELT_TEST_DATABASE dbname=$db"
work=$(mktemp -d "${TMPDIR:-/tmp}/smelt-serve.XXXXXX")
passed=0
failed=0
pids=()
ingest_pid=""

check() {
    local name=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok - $name"; return 0; fi
    failed=$((failed + 1)); echo "not ok - $name"; return 1
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
cleanup() {
    for pid in $ingest_pid "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in $ingest_pid "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    "${admin[@]}" -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
show_log() { echo "--- $1" >&2; tail -n 20 "$1" >&2; }
psql_value() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$SMELT_DATABASE" -c "$1"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for SECONDS COMMAND...: until the command succeeds (polls every 0.5 s)
    local deadline=$(( $(date +%s) + $1 ))
    shift
    until "$@"; do
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.5
    done
}
status_of() { curl -s -o /dev/null -w '%{http_code}' "$1"; }

# -- database, campaigns, broker, workers, serve ---------------------------------
check "create database" "${admin[@]}" -c "create database \"$db\"" || finish
check "smelt migrate up" "$smelt" migrate up --log-format text >"$work/migrate.log" 2>&1 || { show_log "$work/migrate.log"; finish; }
add_campaign() { "$smelt" campaign add "$@" --starts 2000-01-01 --log-format text >>"$work/campaign.log" 2>&1; }
check "campaigns added" eval 'add_campaign "Aurora X2 launch" --brand Aurora --hashtag AuroraX2 --hashtag ShotOnAurora --hashtag AuroraLaunch --keyword "Aurora X2" &&
    add_campaign "Verde Cola summer" --brand "Verde Cola" --hashtag VerdeCola --hashtag TasteTheGreen --keyword "Verde Cola" &&
    add_campaign "Helix Bank app relaunch" --brand "Helix Bank" --hashtag HelixBank --hashtag HelixDown --keyword "Helix Bank"' ||
    { show_log "$work/campaign.log"; finish; }

"$smelt" broker --partitions 4 --bootstrap-file "$work/broker" --log-format text >"$work/broker.log" 2>&1 &
pids+=($!)
check "smelt broker ready" wait_for 30 test -s "$work/broker" || { show_log "$work/broker.log"; finish; }
export SMELT_BROKERS=$(cat "$work/broker")

ingest_port=$(free_port)
start_ingest() {
    "$smelt" ingest --metrics-port "$ingest_port" --log-format text >>"$work/ingest.log" 2>&1 &
    ingest_pid=$!
}
start_ingest
scheduler_port=$(free_port)
"$smelt" scheduler --interval 1 --min-interval-ms 200 --metrics-port "$scheduler_port" --log-format text \
    >"$work/scheduler.log" 2>&1 &
pids+=($!)
"$smelt" serve --port 0 --url-file "$work/url" --log-format text >"$work/serve.log" 2>&1 &
pids+=($!)
check "smelt serve listening" wait_for 30 test -s "$work/url" || { show_log "$work/serve.log"; finish; }
url=$(cat "$work/url")
echo "dashboard: $url"

# Live traffic, stamped with the current time, for as long as the checks need.
"$smelt" generate --rate 150 --event-rate 150 --duration 900 --log-format text >"$work/generate.log" 2>&1 &
pids+=($!)

ready() { [ "$(status_of "${url}readyz")" = 200 ]; }
check "/readyz turns 200 once gold is refreshed" wait_for 120 ready ||
    { show_log "$work/scheduler.log"; show_log "$work/serve.log"; }
has_minutes() { [ "$(curl -s "${url}api/engagement_minute" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["rows"]))')" -gt 0 ]; }
check "gold has complete minutes" wait_for 180 has_minutes || show_log "$work/scheduler.log"

# -- the JSON API ------------------------------------------------------------------
api_ok() {
    local endpoint
    for endpoint in filters freshness engagement_minute "engagement_minute?platform=x&minutes=30" likes_last_5_minutes \
                    hashtag_sentiment "hashtag_sentiment?hashtags=ShotOnAurora,%23helixdown" trending_hashtags \
                    campaign_daily "campaign_daily?campaign=1&days=3" share_of_voice "share_of_voice?days=30"; do
        curl -sf "${url}api/$endpoint" | python3 -c 'import json,sys; json.load(sys.stdin)' || { echo "api/$endpoint" >&2; return 1; }
    done
}
check "every API endpoint answers JSON" api_ok
grain_of() { curl -s "${url}api/engagement_minute?minutes=$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["grain"])'; }
engagement_grains() { [ "$(grain_of 1440)" = minute ] && [ "$(grain_of 1441)" = hour ] && [ "$(grain_of 43200)" = hour ]; }
check "engagement_minute: minutes up to a day, hours beyond" engagement_grains
refuses() {  # refuses QUERY EXPECTED_STATUS TEXT: status and a message naming the problem
    local body status
    body=$(curl -s -w '\n%{http_code}' "${url}api/$1")
    status=$(tail -n1 <<<"$body")
    echo "  api/$1 -> $status $(head -n1 <<<"$body")"
    [ "$status" = "$2" ] && grep -q "\"error\":\".*$3" <<<"$body"
}
check "unknown platform: 400" refuses "engagement_minute?platform=myspace" 400 "no platform 'myspace'"
check "minutes not a number: 400" refuses "engagement_minute?minutes=1%3Bdrop%20table%20x" 400 "must be a whole number"
check "minutes out of range: 400" refuses "engagement_minute?minutes=0" 400 "from 5 to"
check "unknown campaign: 400" refuses "campaign_daily?campaign=999999" 400 "no campaign"
check "campaign not a number: 400" refuses "campaign_daily?campaign=x'%20or%201%3D1" 400 "no campaign"
check "hashtags with SQL in them: 400" refuses "hashtag_sentiment?hashtags=a'%29%3Bselect" 400 "comma-separated list"
check "unknown parameter: 400" refuses "trending_hashtags?order=1" 400 "unknown parameter 'order'"
check "repeated parameter: 400" refuses "trending_hashtags?limit=1&limit=2" 400 "more than once"
check "unknown endpoint: 404" refuses "bronze_events" 404 "no API endpoint"
gold_only_sql() {
    # every schema-qualified name in the API's statements is in gold
    ! grep -hoE '\b(bronze|silver|smelt|public|pg_catalog|information_schema)\.[a-z_]+' "$root"/sql/queries/api/*.sql |
        grep -v '^$' && grep -q 'gold\.' "$root"/sql/queries/api/engagement_minute.sql
}
check "API statements name only gold objects" gold_only_sql
as_bi_role() {
    # the API runs as smelt_bi: take a grant away from smelt_bi and the endpoint fails
    psql_value "revoke select on gold.mart_trending_hashtags_7d from smelt_bi" &&
    local denied=$(status_of "${url}api/trending_hashtags")
    psql_value "grant select on gold.mart_trending_hashtags_7d to smelt_bi"
    local allowed=$(status_of "${url}api/trending_hashtags")
    echo "  without smelt_bi's grant: $denied, with it: $allowed"
    [ "$denied" = 503 ] && [ "$allowed" = 200 ]
}
check "API queries run as the read-only role smelt_bi" as_bi_role
read_only() { grep -q '"default_transaction_read_only"\|set_config(.default_transaction_read_only' "$root/sql/queries/api/bi_session.sql"; }
check "API sessions are read-only" read_only

# -- /metrics ------------------------------------------------------------------------
metrics_parse() {  # metrics_parse NAME URL SERIES...: promtool accepts it and it holds each series
    local name=$1 target=$2 series
    shift 2
    curl -sf "$target" >"$work/$name.prom" || return 1
    promtool check metrics <"$work/$name.prom" || return 1
    for series in "$@"; do grep -q "^$series" "$work/$name.prom" || { echo "  $name: no $series" >&2; return 1; }; done
}
check "serve /metrics parses (promtool check metrics)" metrics_parse serve "${url}metrics" \
    smelt_database_up smelt_refresh_runs_15m smelt_refresh_step_duration_seconds smelt_refresh_pending_batches \
    smelt_checks_failing smelt_mart_complete_through_age_seconds smelt_ingest_consumer_lag_messages \
    smelt_ingest_consumer_lag_seconds smelt_refresh_gold_status
check "ingest /metrics parses" metrics_parse ingest "http://127.0.0.1:$ingest_port/metrics" \
    smelt_ingest_messages_total smelt_ingest_bytes_total smelt_ingest_batches_total \
    smelt_ingest_batch_duration_seconds_bucket smelt_ingest_consumer_lag_messages smelt_ingest_consumer_lag_seconds
check "scheduler /metrics parses" metrics_parse scheduler "http://127.0.0.1:$scheduler_port/metrics" \
    smelt_scheduler_refreshes_total smelt_scheduler_batches_merged_total smelt_scheduler_refresh_duration_seconds_bucket \
    smelt_refresh_pending_batches smelt_scheduler_gold_lag_seconds

max_lag_s() {
    curl -sf "${url}metrics" | awk '/^smelt_ingest_consumer_lag_seconds/ {if ($2 > m) m = $2} END {print m + 0}'
}
lag_above() { local lag; lag=$(max_lag_s); [ "${lag%.*}" -ge "$1" ]; }
lag_at_most() { local lag; lag=$(max_lag_s); awk -v l="$lag" -v b="$1" 'BEGIN {exit !(l <= b)}'; }
check "lag is small while ingest runs" wait_for 60 lag_at_most 2
kill -TERM "$ingest_pid"; wait "$ingest_pid"; ingest_pid=""
check "lag in seconds rises past 5 s while ingest is stopped" wait_for 60 lag_above 5
first=$(max_lag_s)
check "... and keeps rising" wait_for 30 lag_above $(( ${first%.*} + 3 ))
echo "  lag while stopped: $first s, then $(max_lag_s) s"
start_ingest
check "lag falls back under 2 s when ingest resumes" wait_for 90 lag_at_most 2
echo "  lag after resuming: $(max_lag_s) s"

# -- the dashboard in a browser ----------------------------------------------------------
check "dashboard in chromium (tests/browser/dashboard_test.js)" \
    node "$root/tests/browser/dashboard_test.js" "$url" "$artifacts"
finish
