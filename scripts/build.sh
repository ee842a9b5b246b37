#!/usr/bin/env bash
# Configures and builds smelt into build/ (or $SMELT_BUILD_DIR). Quiet unless
# something fails. SMELT_SANITIZE=1 builds with ASan and UBSan.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${SMELT_BUILD_DIR:-$root/build}
sanitize=${SMELT_SANITIZE:-0}
[ "$sanitize" = 1 ] && build=${SMELT_BUILD_DIR:-$root/build-asan}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DSMELT_SANITIZE=$([ "$sanitize" = 1 ] && echo ON || echo OFF) >"$log" 2>&1 ||
   ! cmake --build "$build" -j "$(nproc)" >>"$log" 2>&1; then
  cat "$log" >&2
  echo "build: failed (see above)" >&2
  exit 1
fi
echo "$build"
