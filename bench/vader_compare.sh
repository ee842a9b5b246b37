#!/usr/bin/env bash
# Agreement of smelt's sentiment with the reference JavaScript implementation
# (npm package vader-sentiment) on bench/sentences.tsv, and accuracy of both
# against the sentences' hand-written categories. Prints Markdown tables.
#
# usage: bench/vader_compare.sh [SMELT_BINARY] [--details]
#   SMELT_BINARY defaults to the first of build-text/smelt, build/smelt.
#   --details also lists every sentence the two score differently.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
smelt=""
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  smelt=$1
  shift
fi
if [ -z "$smelt" ]; then
  for candidate in "$root/build-text/smelt" "$root/build/smelt"; do
    if [ -x "$candidate" ]; then
      smelt=$candidate
      break
    fi
  done
fi
if [ -z "$smelt" ] || [ ! -x "$smelt" ]; then
  echo "vader_compare: no smelt binary; build it or pass its path" >&2
  exit 2
fi
if [ ! -d "$root/node_modules/vader-sentiment" ]; then
  echo "vader_compare: node_modules/vader-sentiment is missing; run scripts/setup.sh" >&2
  exit 2
fi
exec node "$root/bench/vader_compare.js" "$smelt" "$root/bench/sentences.tsv" "$@"
