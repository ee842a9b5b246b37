#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what is missing,
# builds, starts a private PostgreSQL, runs unit, integration and SQL tests.
#   scripts/test.sh            everything: the suite on the RelWithDebInfo build,
#                              a Release compile of smelt, then the suite again on
#                              a Debug build under AddressSanitizer and UBSan
#   scripts/test.sh -R Ingest  only tests matching a regex, on the main build
#                              (any arguments go to ctest)
# SMELT_TEST_SANITIZE=0 skips the sanitizer pass of a full run.
# SMELT_TEST_CLOCK_SHIFT=+35d runs PostgreSQL and the tests with the wall
# clock moved (libfaketime; monotonic clocks are left alone so timeouts and
# librdkafka's timers behave): the suite as it will run on a later day.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
started=$(date +%s)

"$root/scripts/setup.sh"
echo "test: building"
build=$("$root/scripts/build.sh")

faked=()
if [ -n "${SMELT_TEST_CLOCK_SHIFT:-}" ]; then
  faked=(env "LD_PRELOAD=$(dpkg -L libfaketime | grep -m1 'libfaketimeMT.so')" "FAKETIME=$SMELT_TEST_CLOCK_SHIFT"
         FAKETIME_DONT_FAKE_MONOTONIC=1)
  echo "test: the clock is moved by $SMELT_TEST_CLOCK_SHIFT: $("${faked[@]}" date -u)"
fi

# A throwaway PostgreSQL just for this run.
export SMELT_PG_PORT=${SMELT_TEST_PG_PORT:-54339}
pgdir="$root/.smelt/test-pg"
"$root/scripts/pg.sh" wipe "$pgdir"
conninfo=$("${faked[@]}" "$root/scripts/pg.sh" start "$pgdir")
trap '"$root/scripts/pg.sh" stop "$pgdir" >/dev/null 2>&1 || true' EXIT
export SMELT_TEST_DATABASE="${conninfo/dbname=smelt/dbname=postgres}"

echo "test: running"
(cd "$build" && "${faked[@]}" ctest --output-on-failure --timeout 900 "$@")
[ $# -eq 0 ] || exit 0

echo "test: the fuzz targets (clang, libFuzzer), a short bounded run of each"
"$root/tests/fuzz/run.sh" --build-dir "$root/build-fuzz" --build-only >/dev/null
(cd "$root/build-fuzz" && ctest --output-on-failure --timeout 300)

echo "test: compiling smelt as a Release build"
SMELT_BUILD_TYPE=Release SMELT_BUILD_DIR="$root/build-release" "$root/scripts/build.sh" smelt >/dev/null

if [ "${SMELT_TEST_SANITIZE:-1}" = 1 ]; then
  echo "test: building with AddressSanitizer and UndefinedBehaviorSanitizer"
  asan=$(SMELT_SANITIZE=1 "$root/scripts/build.sh")
  echo "test: running under the sanitizers"
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  (cd "$asan" && ctest --output-on-failure --timeout 900)
fi
echo "test: all passed in $(( $(date +%s) - started )) s"
