#!/usr/bin/env bash
# SQL tests: tests/sql/run.sh CONNINFO [GLOB]
# Creates a fresh database on the server CONNINFO points at, applies
# migrations/ and sql/ the way smelt migrate up does (with $SMELT_BINARY
# migrate up when it is set, else with psql in the same order), installs
# pgTAP, runs every tests/sql/*.sql with pg_prove in its own copy of that
# database, drops the databases and exits non-zero when a test fails. The
# last line of output is "N passed, N failed" (test assertions). GLOB picks
# some of the test files (e.g. '04_*'); default: all.
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: tests/sql/run.sh CONNINFO [GLOB]   (e.g. \"host=/tmp/pg port=5432 user=postgres\" '04_*')" >&2
    exit 2
fi
conninfo=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
template="smelt_sqltest_$$"
psql_admin=(psql -X -q -v ON_ERROR_STOP=1 -d "$conninfo dbname=postgres")
databases=("$template")

cleanup() {
    for db in "${databases[@]}"; do
        "${psql_admin[@]}" -c "drop database if exists \"$db\"" >/dev/null 2>&1
    done
}
trap cleanup EXIT

"${psql_admin[@]}" -c "create database \"$template\"" >/dev/null || exit 1
# pg_prove takes host, port and user separately: let libpq resolve CONNINFO.
read -r pg_host pg_port pg_user < <(psql -X -At -d "$conninfo dbname=postgres" -c '\echo :HOST :PORT :USER')
target="$conninfo dbname=$template"

if [ -n "${SMELT_BINARY:-}" ]; then
    "$SMELT_BINARY" migrate up --database "$target" --dir "$root" >/dev/null || {
        echo "smelt migrate up failed" >&2; exit 1; }
else
    # Same order as smelt migrate up: versioned migrations by version, then
    # every sql/**/*.sql but sql/queries/ by path, each in one transaction.
    migrations=$(cd "$root" && ls migrations/V*.sql | sed -E 's/^migrations\/V0*([0-9]+)__.*/\1 &/' | sort -n | cut -d' ' -f2)
    repeatables=$(cd "$root" && find sql -name '*.sql' -not -path 'sql/queries/*' | LC_ALL=C sort)
    for script in $migrations $repeatables; do
        psql -X -q -1 -v ON_ERROR_STOP=1 -d "$target" -f "$root/$script" >/dev/null 2>"$here/.apply.err" || {
            echo "applying $script failed:" >&2; cat "$here/.apply.err" >&2; rm -f "$here/.apply.err"; exit 1; }
    done
    rm -f "$here/.apply.err"
fi
psql -X -q -v ON_ERROR_STOP=1 -d "$target" -c "create extension if not exists pgtap" >/dev/null || exit 1

passed=0
failed=0
status=0
for test in "$here"/${2:-*}.sql; do
    name=$(basename "$test" .sql)
    db="${template}_${name}"
    databases+=("$db")
    "${psql_admin[@]}" -c "create database \"$db\" template \"$template\"" >/dev/null || exit 1
    output=$(cd "$here" && pg_prove --verbose --host "$pg_host" --port "$pg_port" --username "$pg_user" \
                 --dbname "$db" "$test" 2>&1)
    code=$?
    echo "$output"
    ok=$(printf '%s\n' "$output" | grep -cE '^\s*ok [0-9]+')
    not_ok=$(printf '%s\n' "$output" | grep -cE '^\s*not ok [0-9]+')
    planned=$(printf '%s\n' "$output" | sed -nE 's/^\s*1\.\.([0-9]+)$/\1/p' | head -n1)
    missing=0
    if [ -n "$planned" ] && [ $((ok + not_ok)) -lt "$planned" ]; then
        missing=$((planned - ok - not_ok))
    fi
    passed=$((passed + ok))
    failed=$((failed + not_ok + missing))
    if [ $code -ne 0 ] || [ $((not_ok + missing)) -gt 0 ]; then
        status=1
        if [ $((not_ok + missing)) -eq 0 ]; then failed=$((failed + 1)); fi
    fi
    "${psql_admin[@]}" -c "drop database if exists \"$db\"" >/dev/null 2>&1
done

echo "$passed passed, $failed failed"
exit $status
