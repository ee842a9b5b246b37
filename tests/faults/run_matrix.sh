#!/usr/bin/env bash
# The fault matrix: generated traffic through the local broker, ingest
# workers and a scheduler into gold, on a PostgreSQL of its own, while one
# fault after another hits the pipeline. After each fault has passed, and
# without any manual repair:
#   - bronze.events and bronze.rejects hold every offset the broker holds,
#     each exactly once (produced = landed, duplicates 0),
#   - bronze.rejects holds every malformed message the generator made,
#   - gold agrees with tests/check/independent_check.py,
#   - every process ends with exit 0 on SIGTERM (a SIGKILLed one is simply
#     started again, as a supervisor would).
# The topic re-created under ingest is the exception: ingest must stop with
# exit 6 and land nothing of the new log.
#
#   tests/faults/run_matrix.sh [FAULT...]      default: every fault
# Knobs (environment):
#   SMELT_FAULT_EVENTS     messages per fault (default 20000)
#   SMELT_FAULT_RATE       messages per second while faults strike (default 2000)
#   SMELT_FAULT_KILLS      SIGKILLs per kill fault (default 50)
#   SMELT_FAULT_OUTAGE_S   length of PostgreSQL and broker outages (default 15; the broker 2x)
#   SMELT_FAULT_CONCURRENT_S  how long two schedulers and a backfill run at once (default 600)
#   SMELT_FAULT_SEED       random seed (default 1)
#   SMELT_BINARY           the smelt binary (default: build/smelt)
# Prints one line per fault ("fault ... produced=N landed=N duplicates=N
# rejects=N/N gold=ok outcome=pass") and a table for docs/reliability.md;
# the last line is "N passed, N failed". Logs of a failed fault stay in the
# printed directory.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
smelt=${SMELT_BINARY:-$root/build/smelt}
events=${SMELT_FAULT_EVENTS:-20000}
rate=${SMELT_FAULT_RATE:-2000}
kills=${SMELT_FAULT_KILLS:-50}
outage_s=${SMELT_FAULT_OUTAGE_S:-15}
concurrent_s=${SMELT_FAULT_CONCURRENT_S:-600}
RANDOM=${SMELT_FAULT_SEED:-1}
all_faults=(ingest-sigkill scheduler-sigkill backfill-sigkill pg-restart-fast pg-restart-immediate pg-cancel
            pg-terminate pg-disk-full broker-down fetch-errors coordinator-errors rebalance topic-recreated
            two-schedulers-and-backfill)
faults=("$@")
[ ${#faults[@]} -gt 0 ] || faults=("${all_faults[@]}")

top=$(mktemp -d "${TMPDIR:-/tmp}/smelt-faults.XXXXXX")
passed=0
failed=0
table=()
pids=()
broker_pid=""
tiny=""

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
wait_for() {  # wait_for SECONDS COMMAND...: until the command succeeds; a bound for failure, not a speed
    local deadline=$(( $(date +%s) + $1 ))
    shift
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}
pause_random() {  # pause_random MIN_MS MAX_MS: the fault's own rhythm, not a wait for readiness
    local ms=$(( $1 + RANDOM % ($2 - $1 + 1) ))
    sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
}
sql() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$SMELT_DATABASE" -c "$1"; }
sql_quiet() { sql "$1" >/dev/null 2>&1; }
pg() { SMELT_PG_STOP_MODE=${2:-fast} "$root/scripts/pg.sh" "$1" "$work/pg" >/dev/null 2>&1; }

cleanup_fault() {
    local pid
    for pid in "${pids[@]}" $broker_pid; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${pids[@]}" $broker_pid; do wait "$pid" 2>/dev/null; done
    pids=()
    broker_pid=""
    "$root/scripts/pg.sh" wipe "$work/pg" >/dev/null 2>&1
    if [ -n "$tiny" ]; then umount -l "$tiny" 2>/dev/null; rmdir "$tiny" 2>/dev/null; tiny=""; fi
}
trap 'cleanup_fault; [ "$failed" -eq 0 ] && rm -rf "$top"' EXIT
trap 'exit 130' INT TERM

# -- the pipeline ----------------------------------------------------------------
add_campaigns() {
    local c
    for c in "Aurora X2 launch|Aurora|AuroraX2 ShotOnAurora AuroraLaunch|Aurora X2;Aurora phone" \
             "Verde Cola summer|Verde Cola|VerdeCola TasteTheGreen VerdeSummer|Verde Cola" \
             "Helix Bank app relaunch|Helix Bank|HelixBank HelixDown HelixRewards|Helix Bank;Helix app" \
             "Nimbus Air new routes|Nimbus Air|NimbusAir FlyNimbus NimbusDelays|Nimbus Air" \
             "Pulse 30-day challenge|Pulse|PulseChallenge 30DaysOfPulse|Pulse Fit;Pulse app" \
             "Orbit+ originals|Orbit|OrbitOriginals OrbitFinale OrbitPlus|Orbit+;Orbit Originals"; do
        IFS='|' read -r name brand tags words <<<"$c"
        local args=("$name" --brand "$brand" --starts 2000-01-01 --log-format text) t w
        for t in $tags; do args+=(--hashtag "$t"); done
        IFS=';' read -ra wl <<<"$words"
        for w in "${wl[@]}"; do args+=(--keyword "$w"); done
        "$smelt" campaign add "${args[@]}" >>"$work/campaign.log" 2>&1 || return 1
    done
}

generate_options() {
    echo --seed "$seed" --count "$events" --start-time 2026-11-22T10:00:00Z --duplicates 0.01 --late 0.01 \
        --out-of-order 0.01 --malformed 0.002
}

setup() {  # a fresh server, schema, campaigns, events file and broker
    work="$top/$fault"
    mkdir -p "$work"
    seed=$(( RANDOM + 1 ))
    export SMELT_PG_PORT=5432  # the socket lives in the fault's own directory
    SMELT_DATABASE=$("$root/scripts/pg.sh" start "$work/pg") || return 1
    export SMELT_DATABASE
    "$smelt" migrate up --dir "$root" --log-format text >"$work/migrate.log" 2>&1 || return 1
    add_campaigns || return 1
    # shellcheck disable=SC2046
    "$smelt" generate --output "$work/events.jsonl" --rate 0 $(generate_options) --log-format json \
        >"$work/generate-file.log" 2>&1 || return 1
    "$smelt" broker --partitions 8 --bootstrap-file "$work/broker" --control "$work/control" --log-format text \
        >"$work/broker.log" 2>&1 &
    broker_pid=$!
    wait_for 60 test -s "$work/broker" || return 1
    SMELT_BROKERS=$(cat "$work/broker")
    export SMELT_BROKERS
}

declare -A worker_pid=()
start_worker() {  # start_worker NAME
    "$smelt" ingest --batch-wait-ms 100 -X session.timeout.ms=6000 --log-format text >>"$work/ingest-$1.log" 2>&1 &
    worker_pid[$1]=$!
    pids+=($!)
}
declare -A scheduler_pid=()
start_scheduler() {  # start_scheduler NAME
    "$smelt" scheduler --interval 1 --db-retry 0 --log-format text >>"$work/scheduler-$1.log" 2>&1 &
    scheduler_pid[$1]=$!
    pids+=($!)
}
stream() {  # the generator, in the background
    # shellcheck disable=SC2046
    "$smelt" generate --rate "$rate" $(generate_options) --log-format json >"$work/generate-kafka.log" 2>&1 &
    generator_pid=$!
}
stored() { sql "select coalesce(sum(next_offset), 0) from smelt.ingest_offsets" 2>/dev/null; }
stored_over() { local n; n=$(stored); [ -n "$n" ] && [ "$n" -gt "$1" ]; }  # evaluated at every poll
all_stored() { [ "$(stored)" = "$events" ]; }
control() { echo "$*" >"$work/control"; }

stop_everything() {  # SIGTERM, and every process must exit 0
    local status=0 pid
    for pid in "${pids[@]}"; do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill -TERM "$pid"; done
    for pid in "${pids[@]}"; do
        [ -n "$pid" ] || continue  # a SIGKILLed process already reaped
        wait "$pid"
        local code=$?
        if [ "$code" -ne 0 ]; then status=1; echo "process $pid exited $code" >>"$work/verdict.log"; fi
    done
    pids=()
    return $status
}

verdict() {  # verdict [NOTE]: the pass criterion, one line per fault
    local note=${1:-} outcome=pass gold=ok processes=ok
    wait "$generator_pid" || { outcome=fail; echo "the generator failed" >>"$work/verdict.log"; }
    wait_for 600 all_stored || { outcome=fail; echo "stored offsets sum to $(stored), not $events" >>"$work/verdict.log"; }
    stop_everything || { outcome=fail; processes=fail; }
    "$smelt" refresh --log-format text >"$work/refresh.log" 2>&1 || { outcome=fail; gold=fail; }
    local landed duplicates rejects malformed
    landed=$(sql "select count(distinct (kafka_partition, kafka_offset)) from (select kafka_partition, kafka_offset
                  from bronze.events union all select kafka_partition, kafka_offset from bronze.rejects) l")
    duplicates=$(sql "select count(*) - count(distinct (kafka_partition, kafka_offset)) from (select kafka_partition,
                      kafka_offset from bronze.events union all select kafka_partition, kafka_offset from bronze.rejects) l")
    rejects=$(sql "select count(*) from bronze.rejects")
    malformed=$(sed -n 's/.*"malformed":\([0-9]*\).*/\1/p' "$work/generate-file.log" | tail -n 1)
    [ "$landed" = "$events" ] && [ "$duplicates" = 0 ] && [ "$rejects" = "$malformed" ] || outcome=fail
    [ ! -s "$work/verdict.log" ] || outcome=fail  # every line there is a failure of this fault
    python3 "$root/tests/check/independent_check.py" --events "$work/events.jsonl" --database "$SMELT_DATABASE" \
        >"$work/independent-check.log" 2>&1 || { gold=fail; outcome=fail; }
    report "$events" "$landed" "$duplicates" "$rejects/$malformed" "$gold" "$processes" "$outcome" "$note"
}

report() {  # report PRODUCED LANDED DUPLICATES REJECTS GOLD PROCESSES OUTCOME NOTE
    echo "fault $fault produced=$1 landed=$2 duplicates=$3 rejects=$4 gold=$5 processes=$6 outcome=$7${8:+ ($8)}"
    table+=("| $fault | $1 | $2 | $3 | $4 | $5 | $6 | **$7** | ${8:-} |")
    if [ "$7" = pass ]; then passed=$((passed + 1)); else failed=$((failed + 1)); log "logs of $fault: $work"; fi
}

standard_pipeline() {  # two workers and a scheduler, then the stream
    start_worker a
    start_worker b
    start_scheduler s
    stream
}

# -- the faults ------------------------------------------------------------------
fault_ingest-sigkill() {
    standard_pipeline
    local i victim
    for ((i = 0; i < kills; i++)); do
        pause_random 100 1500
        victim=$([ $((RANDOM % 2)) = 0 ] && echo a || echo b)
        kill -KILL "${worker_pid[$victim]}" 2>/dev/null
        wait "${worker_pid[$victim]}" 2>/dev/null
        pids=("${pids[@]/${worker_pid[$victim]}}")
        start_worker "$victim"
    done
    verdict "$kills SIGKILLs of a random worker"
}

fault_scheduler-sigkill() {
    standard_pipeline
    local i
    for ((i = 0; i < kills; i++)); do
        pause_random 200 2000
        kill -KILL "${scheduler_pid[s]}" 2>/dev/null
        wait "${scheduler_pid[s]}" 2>/dev/null
        pids=("${pids[@]/${scheduler_pid[s]}}")
        start_scheduler s
    done
    verdict "$kills SIGKILLs of the scheduler"
}

fault_backfill-sigkill() {
    standard_pipeline
    local i pid done_runs=0
    for ((i = 0; i < kills; i++)); do
        "$smelt" backfill --from 2026-11-22T00:00:00Z --to now --chunk-events 2000 --log-format text \
            >>"$work/backfill.log" 2>&1 &
        pid=$!
        pause_random 200 3000
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null && done_runs=$((done_runs + 1))
    done
    # and one that runs to its end
    "$smelt" backfill --from 2026-11-22T00:00:00Z --to now --log-format text >>"$work/backfill.log" 2>&1 ||
        echo "the last backfill failed" >>"$work/verdict.log"
    verdict "$kills SIGKILLs of smelt backfill ($done_runs finished before their kill)"
}

# What each PostgreSQL restart strikes, in turn (a condition on
# pg_stat_activity as a): an ingest worker inside its write transaction, a
# scheduler lane holding the batches it merges (the advisory locks of
# claim_batches.sql), and the scheduler's gold publish.
declare -A running=(
    [ingest]="a.application_name like 'smelt-ingest/%' and a.xact_start is not null"
    [merge]="a.application_name like 'smelt scheduler%' and exists (select from pg_locks as l where l.pid = a.pid
             and l.locktype = 'advisory' and l.classid = hashtext('smelt.refresh_batch')::oid and l.objsubid = 2)"
    [gold]="a.application_name like 'smelt scheduler%' and a.state = 'active'
            and a.query like '%call smelt.refresh_gold(%'")
seen_running() {  # seen_running WHAT SECONDS: as soon as one session is doing WHAT (polled every 10 ms),
                  # prints its name and statement and succeeds
    sql "set statement_timeout = '$2s';
         do \$\$ declare hit text; begin
           loop
             perform pg_stat_clear_snapshot();  -- pg_stat_activity is otherwise read once per transaction
             select a.application_name || ' (' || a.state || '): '
                    || left(regexp_replace(regexp_replace(a.query, '--[^\n]*', '', 'g'), '\s+', ' ', 'g'), 90)
               into hit from pg_stat_activity as a where a.pid <> pg_backend_pid() and ${running[$1]} limit 1;
             exit when hit is not null;
             perform pg_sleep(0.01);
           end loop;
           raise notice 'seen %', hit;
         end \$\$" 2>&1 >/dev/null | sed -n 's/^NOTICE:  seen //p' | grep .
}
pg_restart() {  # pg_restart MODE: stopped inside an ingest write, a merge and a gold publish
    standard_pipeline
    local targets=(ingest merge gold) i what postmaster seen struck=""
    local signal=INT  # what pg_ctl sends: fast shutdown
    [ "$1" = immediate ] && signal=QUIT
    for i in 1 2 3; do
        what=${targets[i - 1]}
        wait_for 120 stored_over $(( events * i / 5 ))
        postmaster=$(head -n 1 "$(sql "show data_directory")/postmaster.pid")
        if seen=$(seen_running "$what" 120); then
            kill -s "$signal" "$postmaster"  # at once; pg_ctl below waits for the shutdown to end
            echo "$what: $seen" >>"$work/struck.log"
            struck+="${struck:+, }$what"
        else
            echo "no $what seen running in 120 s: PostgreSQL stopped without it" >>"$work/verdict.log"
        fi
        pg stop "$1"
        sleep "$outage_s"
        pg start
    done
    verdict "3 $1 shutdowns, ${outage_s} s down each, struck inside: $struck"
}
fault_pg-restart-fast() { pg_restart fast; }
fault_pg-restart-immediate() { pg_restart immediate; }

signal_sessions() {  # signal_sessions FUNCTION: signals smelt's busy sessions; prints "INGEST SCHEDULER" hit
    sql "with busy as materialized (
             select pid, application_name like 'smelt-ingest/%' as ingest from pg_stat_activity
             where (application_name like 'smelt-ingest/%' or application_name like 'smelt scheduler%')
               and state in ('active', 'idle in transaction') and pid <> pg_backend_pid())
         select count(*) filter (where ingest), count(*) filter (where not ingest) from busy where $1(pid)" \
        2>/dev/null | tr '|' ' '
}
signal_some() {  # signal_some FUNCTION: true once a signal hit at least one session (hits added up)
    local counts
    counts=$(signal_sessions "$1")
    set -- ${counts:-0 0}
    ingest_hits=$((ingest_hits + $1))
    scheduler_hits=$((scheduler_hits + $2))
    [ $(($1 + $2)) -gt 0 ]
}
pg_signal_backends() {  # pg_signal_backends FUNCTION: 40 rounds, each hitting at least one busy session
    local saved_rate=$rate i
    rate=$(( events / 20 > 0 ? events / 20 : 1 ))  # the stream lasts about as long as the 40 rounds
    standard_pipeline
    rate=$saved_rate
    ingest_hits=0 scheduler_hits=0
    for ((i = 0; i < 40; i++)); do
        pause_random 100 800
        wait_for 5 signal_some "$1"  # a bound: once the stream is over, sessions are busy only now and then
    done
    [ $((ingest_hits + scheduler_hits)) -gt 0 ] || echo "$1 hit no backend" >>"$work/verdict.log"
    verdict "$((ingest_hits + scheduler_hits)) backends hit by $1 ($ingest_hits ingest, $scheduler_hits scheduler)"
}
fault_pg-cancel() { pg_signal_backends pg_cancel_backend; }
fault_pg-terminate() { pg_signal_backends pg_terminate_backend; }

fault_pg-disk-full() {
    tiny=$(mktemp -d "${TMPDIR:-/tmp}/smelt-tiny.XXXXXX")
    mount -t tmpfs -o size=32m tmpfs "$tiny" && chown postgres "$tiny" && chmod 700 "$tiny" || return 1
    sql "create tablespace tiny location '$tiny'" || return 1
    sql "select format('alter table %s set tablespace tiny', inhrelid::regclass) from pg_inherits
         where inhparent = 'bronze.events'::regclass" | while read -r statement; do sql "$statement"; done
    sql "alter table bronze.events set tablespace tiny"
    standard_pipeline
    wait_for 120 stored_over $(( events / 4 ))
    dd if=/dev/zero of="$tiny/filler" bs=64k >/dev/null 2>&1
    wait_for 120 grep -q "out of disk space" "$work"/ingest-*.log
    local full_at
    full_at=$(stored)
    sleep "$outage_s"
    local still=$(stored)
    rm -f "$tiny/filler"
    verdict "disk full at $full_at stored, $still after ${outage_s} s full; resumed by itself"
}

fault_broker-down() {
    standard_pipeline
    wait_for 120 stored_over $(( events / 4 ))
    control down
    sleep $(( outage_s * 2 ))
    control up
    verdict "every broker down for $(( outage_s * 2 )) s"
}

fault_fetch-errors() {
    standard_pipeline
    local i
    for ((i = 0; i < 10; i++)); do
        pause_random 500 1500
        control errors Fetch 20 NOT_LEADER_OR_FOLLOWER
        control delay 1 Fetch 20 1500
        control errors ListOffsets 5 REQUEST_TIMED_OUT
    done
    verdict "200 Fetch errors, 200 delayed Fetch responses, 50 ListOffsets timeouts"
}

fault_coordinator-errors() {
    standard_pipeline
    local i
    for ((i = 0; i < 10; i++)); do
        pause_random 500 1500
        control errors Heartbeat 5 NOT_COORDINATOR
        control errors JoinGroup 3 COORDINATOR_LOAD_IN_PROGRESS
        control errors SyncGroup 2 REQUEST_TIMED_OUT
        control errors FindCoordinator 2 COORDINATOR_NOT_AVAILABLE
        control delay 1 Heartbeat 5 3000
    done
    verdict "errors and delays on Heartbeat, JoinGroup, SyncGroup, FindCoordinator"
}

fault_rebalance() {
    start_worker a
    start_worker b
    start_worker c
    start_scheduler s
    local saved_rate=$rate i victim n=0
    rate=$(( events / 30 > 0 ? events / 30 : 1 ))  # a stream of about 30 s: several leave-and-join rounds
    stream
    rate=$saved_rate
    while kill -0 "$generator_pid" 2>/dev/null; do
        pause_random 2000 4000
        victim=$(printf '%s\n' a b c | sed -n "$(( RANDOM % 3 + 1 ))p")
        kill -TERM "${worker_pid[$victim]}"
        wait "${worker_pid[$victim]}" || echo "worker $victim exited $? on SIGTERM" >>"$work/verdict.log"
        pids=("${pids[@]/${worker_pid[$victim]}}")
        pause_random 500 2000
        start_worker "$victim"
        n=$((n + 1))
    done
    verdict "$n leave-and-join rounds in a group of three"
}

fault_two-schedulers-and-backfill() {
    start_worker a
    start_worker b
    start_scheduler s1
    start_scheduler s2
    local saved_rate=$rate
    rate=$(( events / concurrent_s > 0 ? events / concurrent_s : 1 ))
    stream
    rate=$saved_rate
    local runs=0 started
    started=$(date +%s)
    while [ $(( $(date +%s) - started )) -lt "$concurrent_s" ]; do
        "$smelt" backfill --from 2026-11-22T00:00:00Z --to now --chunk-events 5000 --log-format text \
            >>"$work/backfill.log" 2>&1 || echo "a backfill failed" >>"$work/verdict.log"
        runs=$((runs + 1))
    done
    [ ! -s "$work/verdict.log" ] || { report "$events" "?" "?" "?" "?" "fail" "fail" "a backfill failed"; return; }
    verdict "2 schedulers and $runs backfills over $concurrent_s s"
}

fault_topic-recreated() {
    start_worker a
    stream
    wait "$generator_pid"
    wait_for 300 all_stored
    kill -TERM "${worker_pid[a]}"; wait "${worker_pid[a]}"
    pids=()
    local before_events
    before_events=$(sql "select count(*) from bronze.events")
    kill -TERM "$broker_pid"; wait "$broker_pid"
    rm -f "$work/broker"
    "$smelt" broker --partitions 8 --bootstrap-file "$work/broker" --log-format text >"$work/broker2.log" 2>&1 &
    broker_pid=$!
    wait_for 60 test -s "$work/broker"
    SMELT_BROKERS=$(cat "$work/broker")
    # the new log grows past the stored offsets
    # shellcheck disable=SC2046
    "$smelt" generate --rate 0 $(generate_options | sed "s/--seed [0-9]*/--seed 999/; s/--count [0-9]*/--count $(( events * 2 ))/") \
        --log-format json >"$work/generate-new.log" 2>&1
    "$smelt" ingest --idle-exit 5 --log-format text >"$work/ingest-new.log" 2>&1
    local code=$? after_events outcome=fail
    after_events=$(sql "select count(*) from bronze.events")
    [ "$code" = 6 ] && [ "$after_events" = "$before_events" ] && outcome=pass
    report "$events+$(( events * 2 )) new" "$before_events events, +$(( after_events - before_events )) of the new log" \
        0 "-" "-" "exit $code" "$outcome" "ingest refuses with exit 6, naming $(grep -o 'partition [0-9]*:' \
        "$work/ingest-new.log" | sort -u | wc -l) partitions"
}

# -- run -------------------------------------------------------------------------
log "fault matrix in $top: ${faults[*]} (events=$events rate=$rate kills=$kills outage_s=$outage_s)"
for fault in "${faults[@]}"; do
    if ! declare -F "fault_$fault" >/dev/null; then echo "unknown fault $fault" >&2; failed=$((failed + 1)); continue; fi
    log "fault $fault"
    started=$(date +%s)
    if setup; then
        "fault_$fault"
    else
        report "$events" "-" "-" "-" "-" "-" "fail" "setup failed"
    fi
    cleanup_fault
    log "fault $fault took $(( $(date +%s) - started )) s"
done
echo
echo "| fault | produced | landed | duplicates | rejects/malformed | gold | processes | outcome | what struck |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${table[@]}"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
