#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UBSan) in build-fuzz/
# and runs each in turn for a bounded time from its seed corpus.
#   tests/fuzz/run.sh --minutes 10              every target, ten minutes each
#   tests/fuzz/run.sh --seconds 30 decode       one target, thirty seconds
#   --build-dir DIR   the fuzz build (default <root>/build-fuzz)
#   --no-build        run what is built (ctest does)
#   --build-only      build, run nothing
# Seeds are read from tests/fuzz/seeds/<target>/ and never written; the inputs
# a run discovers go to <build>/fuzz-corpus/<target>/ and are reused next
# time. A crash leaves its input in <build>/fuzz-artifacts/ and fails the
# run; the figures (executions, coverage, corpus) print at the end of each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=30
build="$root/build-fuzz"
do_build=1
do_run=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    --no-build) do_build=0; shift ;;
    --build-only) do_run=0; shift ;;
    envelope|decode|text) targets+=("$1"); shift ;;
    *) echo "run.sh: unknown argument $1 (targets: envelope decode text)" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(envelope decode text)

if [ "$do_build" = 1 ]; then
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DSMELT_FUZZ=ON -DSMELT_BUILD_TESTS=OFF -DSMELT_BUILD_BENCH=OFF -DSMELT_WERROR=ON >"$log" 2>&1 ||
     ! cmake --build "$build" -j 2 $(printf -- '--target fuzz_%s ' "${targets[@]}") >>"$log" 2>&1; then
    cat "$log" >&2
    echo "run.sh: the fuzz build failed" >&2
    exit 1
  fi
fi

[ "$do_run" = 1 ] || { echo "$build"; exit 0; }

# Leaks and undefined behaviour are failures too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for name in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts"
  logfile="$build/fuzz-logs/$name.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$logfile")"
  echo "fuzz: $name for ${seconds} s (log $logfile)"
  started=$(date +%s)
  dict=()
  [ "$name" = text ] || dict=(-dict="$here/json.dict")
  if "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
       "${dict[@]}" -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "$corpus" "$here/seeds/$name" >"$logfile" 2>&1; then
    outcome=clean
  else
    outcome=FAILED
    status=1
    tail -n 60 "$logfile" >&2
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logfile" | tail -n 1)
  last=$(grep -E '^#[0-9]+' "$logfile" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  units=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"$last")
  echo "fuzz: $name $outcome in $(( $(date +%s) - started )) s: ${execs:-?} executions, cov ${cov:-?} edges, ft ${ft:-?} features, corpus ${units:-?} inputs"
done
exit $status
