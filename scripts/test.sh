#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what is missing,
# builds, starts a private PostgreSQL, runs unit, integration and SQL tests.
#   scripts/test.sh                 everything
#   scripts/test.sh -R Ingest       only tests matching a regex (ctest -R)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

"$root/scripts/setup.sh"
echo "test: building"
build=$("$root/scripts/build.sh")

# A throwaway PostgreSQL just for this run.
export SMELT_PG_PORT=${SMELT_TEST_PG_PORT:-54339}
pgdir="$root/.smelt/test-pg"
"$root/scripts/pg.sh" wipe "$pgdir"
conninfo=$("$root/scripts/pg.sh" start "$pgdir")
trap '"$root/scripts/pg.sh" stop "$pgdir" >/dev/null 2>&1 || true' EXIT
export SMELT_TEST_DATABASE="${conninfo/dbname=smelt/dbname=postgres}"

echo "test: running"
cd "$build"
ctest --output-on-failure --timeout 900 "$@"
