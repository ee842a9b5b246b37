#!/usr/bin/env bash
# Runs tests several times in a row while other processes keep every core
# busy, to show they depend on conditions, not on how fast the machine is.
#   tests/load/repeat_under_load.sh [RUNS] [CTEST ARGS...]
#   tests/load/repeat_under_load.sh 5 -R 'Ingest|Refresh|Broker|Cli|Migrate|Sql|Gold'
# RUNS defaults to 5; one busy loop per core (SMELT_LOAD_LOOPS to change).
# Prints the load average and each run's result; exits non-zero when any run
# failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
shift || true
loops=${SMELT_LOAD_LOOPS:-$(nproc)}

busy=()
stop_load() { for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null; }
trap stop_load EXIT
for _ in $(seq "$loops"); do
  (while :; do :; done) &
  busy+=($!)
done
echo "load: $loops busy loops"

failures=0
for run in $(seq "$runs"); do
  log=$(mktemp)
  if "$root/scripts/test.sh" "$@" >"$log" 2>&1; then
    result="passed"
  else
    result="FAILED"
    failures=$((failures + 1))
    grep -E '\*\*\*Failed|Failed|not ok' "$log" | head -20
  fi
  echo "run $run/$runs: $result ($(grep -E 'tests passed' "$log" | tail -n1)) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -f "$log"
done
echo "$((runs - failures)) of $runs runs passed"
[ "$failures" -eq 0 ]
