#!/usr/bin/env bash
# Refresh cost against history size: the same ~10,000-event refresh on a
# history of ~20,000 events and on one of ~2,000,000, measured in one run.
# Starts a private PostgreSQL and runs tests/sql/bench/refresh_cost.sh on it
# (which synthesises silver staging rows, merges them as live batches and
# refreshes gold). Building the large history takes several minutes.
#   LARGE_SECONDS  seconds of synthetic traffic in the large history (default 7200)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
export SMELT_PG_PORT=${SMELT_BENCH_PG_PORT:-54337}
trap '"$root/scripts/pg.sh" wipe "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
conninfo=$("$root/scripts/pg.sh" start "$work/pg")
"$root/tests/sql/bench/refresh_cost.sh" "${conninfo% dbname=smelt}" "${LARGE_SECONDS:-7200}"
