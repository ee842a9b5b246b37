#!/usr/bin/env bash
# /readyz follows PostgreSQL and gold's freshness while `smelt serve` keeps
# serving: 503 before gold was ever refreshed, 200 after a refresh, 503 once
# the refresh is older than --max-staleness, 503 while PostgreSQL is stopped
# (with /healthz, the page and /metrics still answering), 200 again when it
# returns. Runs its own throwaway PostgreSQL (scripts/pg.sh) on a free port,
# since it stops the server.
#   SMELT_BINARY  the smelt binary (default: build/smelt)
# Last line: "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
smelt=${SMELT_BINARY:-$root/build/smelt}
work=$(mktemp -d "${TMPDIR:-/tmp}/smelt-readyz.XXXXXX")
pgdir="$work/pg"
export SMELT_PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
passed=0
failed=0
pids=()

check() {
    local name=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok - $name"; return 0; fi
    failed=$((failed + 1)); echo "not ok - $name"; return 1
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    "$root/scripts/pg.sh" wipe "$pgdir" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
show_log() { echo "--- $1" >&2; tail -n 20 "$1" >&2; }
wait_for() {  # wait_for SECONDS COMMAND...: until the command succeeds (polls every 0.2 s)
    local deadline=$(( $(date +%s) + $1 ))
    shift
    until "$@"; do
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.2
    done
}
status_is() {  # status_is CODE URL
    local got
    got=$(curl -s -o "$work/body" -w '%{http_code}' --max-time 10 "$2")
    [ "$got" = "$1" ]
}
says() { grep -q "$1" "$work/body"; }

conninfo=$("$root/scripts/pg.sh" start "$pgdir") || { echo "cannot start PostgreSQL"; finish; }
export SMELT_DATABASE="$conninfo"
# the cluster may live elsewhere than $pgdir (pg.sh falls back to /tmp); stop/start it by its socket dir
check "smelt migrate up" "$smelt" migrate up --log-format text >"$work/migrate.log" 2>&1 || { show_log "$work/migrate.log"; finish; }

"$smelt" serve --port 0 --url-file "$work/url" --max-staleness 600 --log-format text >"$work/serve.log" 2>&1 &
pids+=($!)
"$smelt" serve --port 0 --url-file "$work/url-strict" --max-staleness 1 --log-format text >"$work/serve-strict.log" 2>&1 &
pids+=($!)
check "smelt serve listening" wait_for 30 test -s "$work/url" -a -s "$work/url-strict" || { show_log "$work/serve.log"; finish; }
url=$(cat "$work/url")
strict=$(cat "$work/url-strict")

check "/healthz is 200" status_is 200 "${url}healthz"
check "/readyz is 503 before gold was ever refreshed" eval 'status_is 503 "${url}readyz" && says "never been refreshed"'
check "smelt refresh" "$smelt" refresh --log-format text >"$work/refresh.log" 2>&1 || show_log "$work/refresh.log"
check "/readyz is 200 after a refresh" status_is 200 "${url}readyz"
cat "$work/body"; echo
check "/readyz with --max-staleness 1 turns 503 when the refresh gets older" \
    wait_for 30 eval 'status_is 503 "${strict}readyz" && says "last refreshed"'
cat "$work/body"; echo

check "PostgreSQL stops" "$root/scripts/pg.sh" stop "$pgdir"
check "/readyz turns 503 while PostgreSQL is down" wait_for 30 eval 'status_is 503 "${url}readyz" && says "database unreachable"'
cat "$work/body"; echo
check "... /healthz still 200" status_is 200 "${url}healthz"
check "... the dashboard page still 200" status_is 200 "$url"
check "... the API says 503 with a message" eval 'status_is 503 "${url}api/freshness" && says "not available"'
check "... /metrics still answers, smelt_database_up 0" eval 'status_is 200 "${url}metrics" && says "^smelt_database_up 0"'
check "PostgreSQL starts again" eval '"$root/scripts/pg.sh" start "$pgdir" >/dev/null'
check "/readyz is 200 again once PostgreSQL is back" wait_for 60 status_is 200 "${url}readyz"
cat "$work/body"; echo
check "... and the API answers again" status_is 200 "${url}api/freshness"
check "smelt serve kept running throughout" kill -0 "${pids[0]}"
finish
