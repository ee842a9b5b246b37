#!/usr/bin/env bash
# Configures and builds smelt; prints the build directory. Quiet unless
# something fails.
#   scripts/build.sh              every target (smelt, tests, benchmarks) in build/
#   scripts/build.sh smelt        only the named targets
# SMELT_BUILD_TYPE  CMake build type (default RelWithDebInfo; Debug with SMELT_SANITIZE=1)
# SMELT_SANITIZE=1  AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/
# SMELT_BUILD_DIR   another build directory
# The project's scripts treat warnings as errors (SMELT_WERROR=ON); a plain
# `cmake` configure does not.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=${SMELT_SANITIZE:-0}
if [ "$sanitize" = 1 ]; then
  build=${SMELT_BUILD_DIR:-$root/build-asan}
  type=${SMELT_BUILD_TYPE:-Debug}
else
  build=${SMELT_BUILD_DIR:-$root/build}
  type=${SMELT_BUILD_TYPE:-RelWithDebInfo}
fi
targets=()
for target in "$@"; do targets+=(--target "$target"); done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$type" -DSMELT_WERROR=ON \
      -DSMELT_SANITIZE=$([ "$sanitize" = 1 ] && echo ON || echo OFF) >"$log" 2>&1 ||
   ! cmake --build "$build" -j "$(nproc)" "${targets[@]}" >>"$log" 2>&1; then
  cat "$log" >&2
  echo "build: failed (see above)" >&2
  exit 1
fi
echo "$build"
