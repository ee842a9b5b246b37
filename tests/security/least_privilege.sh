#!/usr/bin/env bash
# The pipeline as it should run in production, on its own throwaway
# PostgreSQL (scripts/pg.sh, a free port) that accepts only TLS on 127.0.0.1
# with SCRAM passwords:
#   - a throwaway CA and server certificate (openssl); every daemon connects
#     with sslmode=verify-full; a wrong CA and a connection without TLS are
#     refused;
#   - smelt ingest, scheduler, refresh, campaign and serve each run as a login
#     role of their group role (smelt_ingest, smelt_refresh, smelt_serve), never
#     as the owner, and do their jobs;
#   - passwords given in argv (conninfo, URI, Kafka -X sasl.password), in
#     PGPASSWORD, a PGPASSFILE and a config file never show up in a log, an
#     error message or /proc/<pid>/cmdline;
#   - messages whose text looks like SQL, COPY framing or shell land verbatim
#     in bronze, silver, gold and the JSON API, a campaign whose name and
#     keyword look like SQL and a regular expression matches only literally,
#     hostile API parameters are refused, and nothing else in the database
#     changes.
#   SMELT_BINARY  the smelt binary (default: build/smelt)
# Last line: "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
smelt=${SMELT_BINARY:-$root/build/smelt}
work=$(mktemp -d "${TMPDIR:-/tmp}/smelt-privilege.XXXXXX")
pgdir="$work/pg"
export SMELT_PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
unset SMELT_DATABASE PGPASSWORD PGPASSFILE PGSSLMODE PGHOST PGUSER PGDATABASE
passed=0
failed=0
pids=()
broker_pid=""

check() {  # check NAME COMMAND...: one assertion
    local name=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok - $name"; return 0; fi
    failed=$((failed + 1)); echo "not ok - $name"; return 1
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
cleanup() {
    for pid in "${pids[@]}" $broker_pid; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${pids[@]}" $broker_pid; do wait "$pid" 2>/dev/null; done
    "$root/scripts/pg.sh" wipe "$pgdir" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
show_log() { echo "--- $1" >&2; tail -n 20 "$1" >&2; }
logged() {  # logged LOG COMMAND...: the command's output goes to LOG
    local log=$1
    shift
    "$@" >"$log" 2>&1
}
wait_for() {  # wait_for SECONDS COMMAND...: polls until COMMAND succeeds; a bound for failure, not a speed
    local deadline=$(( $(date +%s) + $1 ))
    shift
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

# -- PostgreSQL with TLS only, SCRAM passwords ------------------------------------
admin=$("$root/scripts/pg.sh" start "$pgdir") || { echo "cannot start PostgreSQL"; finish; }
sql() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$admin" -c "$1"; }
datadir=$(sql "show data_directory")
certs() {
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=smelt test CA" \
        -keyout "$work/ca.key" -out "$work/ca.crt" &&
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$work/server.key" -out "$work/server.csr" &&
    printf 'subjectAltName=IP:127.0.0.1\n' >"$work/san.ext" &&
    openssl x509 -req -in "$work/server.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" -CAcreateserial \
        -days 3650 -extfile "$work/san.ext" -out "$work/server.crt" &&
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=some other CA" \
        -keyout "$work/other.key" -out "$work/other.crt"
} >"$work/openssl.log" 2>&1
check "a throwaway CA and server certificate (openssl)" certs || { show_log "$work/openssl.log"; finish; }
tls_on() {
    install -o postgres -g postgres -m 600 "$work/server.key" "$datadir/server.key" &&
    install -o postgres -g postgres -m 644 "$work/server.crt" "$datadir/server.crt" &&
    cat >>"$datadir/postgresql.conf" <<CONF &&
listen_addresses = '127.0.0.1'
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
password_encryption = 'scram-sha-256'
CONF
    { printf '%s\n' "hostnossl all all all reject" \
          "hostssl smelt smelt_ingest_user,smelt_refresh_user,smelt_serve_user 127.0.0.1/32 scram-sha-256" \
          "host all all all reject"
      grep '^local' "$datadir/pg_hba.conf"; } >"$work/pg_hba.conf" &&
    install -o postgres -g postgres -m 600 "$work/pg_hba.conf" "$datadir/pg_hba.conf" &&
    "$root/scripts/pg.sh" stop "$pgdir" && "$root/scripts/pg.sh" start "$pgdir" >/dev/null
}
check "PostgreSQL restarted with ssl = on, TLS and SCRAM only on 127.0.0.1" tls_on || finish

check "smelt migrate up (as the owner, over the local socket)" \
    logged "$work/migrate.log" "$smelt" migrate up -d "$admin" --log-format text || { show_log "$work/migrate.log"; finish; }

ingest_pw="ingest-Pw-$RANDOM$RANDOM"
refresh_pw="refresh-Pw-$RANDOM$RANDOM"
serve_pw="serve-Pw-$RANDOM$RANDOM"
sasl_pw="sasl-Pw-$RANDOM$RANDOM"
wrong_pw="wrong-Pw-$RANDOM$RANDOM"
secrets=("$ingest_pw" "$refresh_pw" "$serve_pw" "$sasl_pw" "$wrong_pw")
logins() {
    sql "create role smelt_ingest_user login password '$ingest_pw' in role smelt_ingest;
         create role smelt_refresh_user login password '$refresh_pw' in role smelt_refresh;
         create role smelt_serve_user login password '$serve_pw' in role smelt_serve"
}
check "login roles in smelt_ingest, smelt_refresh and smelt_serve" logins || finish

tls="host=127.0.0.1 port=$SMELT_PG_PORT dbname=smelt sslmode=verify-full sslrootcert=$work/ca.crt"
printf '127.0.0.1:%s:smelt:smelt_refresh_user:%s\n' "$SMELT_PG_PORT" "$refresh_pw" >"$work/pgpass"
chmod 600 "$work/pgpass"
as_refresh() { PGPASSFILE="$work/pgpass" "$smelt" "$@" -d "$tls user=smelt_refresh_user" --log-format text; }

refused() {  # refused LOG WHAT COMMAND...: exits 3 and says WHAT
    local log=$1 what=$2
    shift 2
    "$@" >"$log" 2>&1
    local code=$?
    [ "$code" = 3 ] && grep -q "$what" "$log" || { echo "exit $code" >&2; show_log "$log"; return 1; }
}
check "verify-full refuses a server certificate from another CA" refused "$work/other-ca.log" "certificate verify failed" \
    env PGPASSFILE="$work/pgpass" "$smelt" check -d "$tls user=smelt_refresh_user sslrootcert=$work/other.crt"
check "a connection without TLS is refused" refused "$work/no-tls.log" "no encryption" \
    env PGPASSFILE="$work/pgpass" "$smelt" check -d "$tls user=smelt_refresh_user sslmode=disable"
check "a wrong password (in a URI on the command line) is refused" refused "$work/wrong-pw.log" "password authentication failed" \
    "$smelt" check -d "postgresql://smelt_refresh_user:$wrong_pw@127.0.0.1:$SMELT_PG_PORT/smelt?sslmode=verify-full&sslrootcert=$work/ca.crt"
check "a URI libpq cannot parse is refused" refused "$work/bad-uri.log" "PostgreSQL" \
    "$smelt" check -d "postgresql://smelt_refresh_user:$wrong_pw@[::1/smelt"
"$smelt" ingest -b 127.0.0.1:1 -X security.protocol=bogus -X "sasl.password=$sasl_pw" -d "$tls password=$ingest_pw" \
    >"$work/bad-property.log" 2>&1
check "a bad Kafka property is refused" test $? -ne 0

# -- campaign with SQL and a regular expression in it ------------------------------
campaign_name="Robert'); DROP TABLE smelt.campaigns; --"
check "smelt campaign add (as smelt_refresh, password from PGPASSFILE)" \
    logged "$work/campaign.log" as_refresh campaign add "$campaign_name" --brand "\$\$ \\ '" --hashtag "quote'tag" --keyword ".*" \
    --starts 2000-01-01 || show_log "$work/campaign.log"
check "the campaign's name lands verbatim" \
    test "$(sql "select count(*) from smelt.campaigns where name = \$q\$$campaign_name\$q\$ and brand = \$q\$\$\$ \\ '\$q\$")" = 1

fingerprint() {
    sql "select md5(string_agg(x, ',' order by x)) from (
           select n.nspname || '.' || c.relname || ':' || c.relkind::text || ':' || pg_get_userbyid(c.relowner) as x
           from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
           where n.nspname in ('bronze', 'silver', 'gold', 'smelt', 'public') and not c.relispartition
           union all select 'role:' || rolname || ':' || rolsuper || rolcreaterole || rolcanlogin from pg_roles
           union all select 'settings:' || md5(string_agg(name || '=' || value, ',' order by name)) from smelt.settings
           union all select 'history:' || count(*) from smelt.schema_history
           union all select 'platforms:' || count(*) from gold.dim_platform
           union all select 'checks:' || count(*) from smelt.checks) as t"
}
before=$(fingerprint)
check "the database's fingerprint is taken" test -n "$before"

# -- broker and the daemons, each as its role --------------------------------------
"$smelt" broker --partitions 1 --bootstrap-file "$work/broker" --log-format text >"$work/broker.log" 2>&1 &
broker_pid=$!
check "smelt broker ready" wait_for 120 test -s "$work/broker" || { show_log "$work/broker.log"; finish; }
brokers=$(cat "$work/broker")

# ingest: passwords on the command line (the worst case: they must vanish from argv)
"$smelt" ingest -b "$brokers" -d "$tls user=smelt_ingest_user password=$ingest_pw" \
    -X sasl.username=smelt -X "sasl.password=$sasl_pw" --log-format json >"$work/ingest.log" 2>&1 &
ingest_pid=$!
pids+=($ingest_pid)
# scheduler: password in PGPASSWORD
PGPASSWORD=$refresh_pw SMELT_DATABASE="$tls user=smelt_refresh_user" "$smelt" scheduler --log-format json \
    >"$work/scheduler.log" 2>&1 &
pids+=($!)
# serve: password in a config file
printf 'database = %s user=smelt_serve_user password=%s\nbrokers = %s\nkafka-properties = sasl.username=smelt,sasl.password=%s\n' \
    "$tls" "$serve_pw" "$brokers" "$sasl_pw" >"$work/smelt.conf"
chmod 600 "$work/smelt.conf"
"$smelt" serve --config "$work/smelt.conf" --port 0 --url-file "$work/url" --log-format json >"$work/serve.log" 2>&1 &
serve_pid=$!
pids+=($serve_pid)
check "smelt serve is up" wait_for 60 test -s "$work/url" || { show_log "$work/serve.log"; finish; }
url=$(cat "$work/url")

connected_as() {  # every daemon's sessions are TLS sessions of its own login role
    local rows
    rows=$(sql "select a.usename || ' ' || bool_and(s.ssl)
                from pg_stat_activity as a join pg_stat_ssl as s on s.pid = a.pid
                where a.usename like 'smelt\_%\_user' group by a.usename order by 1")
    [ "$rows" = "$(printf 'smelt_ingest_user true\nsmelt_refresh_user true\nsmelt_serve_user true')" ]
}
curl -s -o /dev/null --max-time 10 "${url}metrics"
check "ingest, scheduler and serve are connected over TLS, each as its own role" wait_for 60 connected_as ||
    { sql "select usename, application_name, client_addr from pg_stat_activity" >&2; show_log "$work/ingest.log"; }
check "no daemon's session is a superuser's or the owner's" \
    test "$(sql "select count(*) from pg_stat_activity as a join pg_roles as r on r.rolname = a.usename
                 where a.client_addr is not null and (r.rolsuper or r.rolname = 'postgres')")" = 0

# -- hostile messages ----------------------------------------------------------------
python3 "$here/hostile_messages.py" "$work" || finish
messages=$(wc -l <"$work/raw.md5")
posts=$(wc -l <"$work/texts")
check "$messages hostile messages produced" \
    kcat -P -b "$brokers" -t smelt.events -D '\x1e' -K '\x1f' -l "$work/messages"
stored() { [ "$(sql "select coalesce(sum(next_offset), 0) from smelt.ingest_offsets")" = "$messages" ]; }
check "ingest (as smelt_ingest) stored all of them" wait_for 120 stored || show_log "$work/ingest.log"
published() {
    [ "$(sql "select count(*) from gold.dim_post where post_id like '91000000000000000%'")" = "$posts" ]
}
check "the scheduler (as smelt_refresh) published them to gold" wait_for 180 published || show_log "$work/scheduler.log"

check "bronze holds every message and key byte for byte (events and rejects)" test \
    "$(sql "select md5(kafka_key) || ' ' || md5(raw) from (
              select kafka_offset, kafka_key, convert_to(raw, 'UTF8') as raw from bronze.events
              union all select kafka_offset, kafka_key, raw from bronze.rejects) as m
            order by kafka_offset")" = "$(cat "$work/raw.md5")"
check "the message that is not JSON is a reject" test "$(sql "select count(*) from bronze.rejects")" = 1
check "silver.posts holds every text verbatim" test \
    "$(sql "select post_id || ' ' || md5(text) from silver.posts order by post_id")" = "$(sort "$work/texts")"
check "gold.dim_post holds every text verbatim" test \
    "$(sql "select post_id || ' ' || md5(text) from gold.dim_post order by post_id")" = "$(sort "$work/texts")"
check "silver.users holds every display name verbatim" test \
    "$(sql "select user_id || ' ' || md5(display_name) from silver.users order by user_id")" = "$(sort "$work/users")"
check "silver.posts holds every hashtag verbatim" test \
    "$(sql "select distinct to_json(h)::text from silver.posts, unnest(hashtags) as h order by 1")" = \
    "$(LC_ALL=C sort "$work/hashtags")"
check "the campaign's keyword '.*' matches literally, its hashtag as written" test \
    "$(sql "select count(*) from silver.campaign_posts")" = "$(( (posts + 4) / 5 ))"

# -- the JSON API with hostile parameters --------------------------------------------
api() {  # api PATH EXPECTED_STATUS [curl args]: the body in $work/body
    local path=$1 expected=$2 got
    shift 2
    got=$(curl -s -G -o "$work/body" -w '%{http_code}' --max-time 10 "$@" "$url$path")
    [ "$got" = "$expected" ] || { echo "$path: HTTP $got" >&2; head -c 300 "$work/body" >&2; return 1; }
}
campaign_id=$(sql "select campaign_id from smelt.campaigns")
check "the API returns the hostile campaign" api api/campaign_daily 200 --data-urlencode "campaign=$campaign_id"
trending_has_tags() {
    api api/trending_hashtags 200 --data-urlencode limit=50 &&
    python3 - "$work/body" "$work/hashtags" <<'PY'
import json, sys, unicodedata
def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
found = set(strings(json.load(open(sys.argv[1]))))
tags = [json.loads(line) for line in open(sys.argv[2])]
missing = [t for t in tags if unicodedata.normalize("NFKC", t.lower()) not in found]
if missing:
    print("missing from the API's answer:", missing, file=sys.stderr)
    sys.exit(1)
PY
}
check "hostile hashtags come back as JSON from the API" trending_has_tags
for param in "campaign=$campaign_id'); DROP TABLE gold.dim_post; --" "campaign=1 or 1=1" \
             "days=1; delete from gold.dim_post" "days=\$\$1\$\$" "campaign=\\'" ; do
    check "API refuses $param" api api/campaign_daily 400 --data-urlencode "$param"
done
for param in "hashtags=quote'tag" "hashtags=a'); drop table silver.posts; --" "minutes=1e9" "hashtags=%00"; do
    check "API refuses $param" api api/hashtag_sentiment 400 --data-urlencode "$param"
done
check "API refuses platform=x' or '1'='1" api api/engagement_minute 400 --data-urlencode "platform=x' or '1'='1"

check "nothing else changed: relations, owners, roles, settings, migration history" test "$(fingerprint)" = "$before"
check "no shell ran: /tmp/smelt-pwned does not exist" test ! -e /tmp/smelt-pwned

# -- secrets ----------------------------------------------------------------------------
hidden_in_argv() {
    local pid secret
    for pid in "$ingest_pid" "$serve_pid"; do
        for secret in "${secrets[@]}"; do
            if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$secret"; then
                echo "pid $pid shows a secret: $(tr '\0' ' ' <"/proc/$pid/cmdline")" >&2
                return 1
            fi
        done
    done
    tr '\0' ' ' <"/proc/$ingest_pid/cmdline" | grep -q 'sasl.password=\*\*\*'
}
check "no password is left in /proc/<pid>/cmdline" hidden_in_argv
stop_all() {
    local status=0 pid
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    pids=()
    return $status
}
check "ingest, scheduler and serve stop cleanly" stop_all
check "a last smelt refresh as smelt_refresh" logged "$work/refresh.log" as_refresh refresh || show_log "$work/refresh.log"
check "smelt backfill as smelt_refresh" \
    logged "$work/backfill.log" as_refresh backfill --from "$(date -u -d '3 hours ago' +%FT%TZ)" --to now || show_log "$work/backfill.log"
check "after the backfill silver.posts still holds every text verbatim" test \
    "$(sql "select post_id || ' ' || md5(text) from silver.posts order by post_id")" = "$(sort "$work/texts")"
check "smelt check as smelt_refresh" logged "$work/check.log" as_refresh check || show_log "$work/check.log"
check "smelt replay as smelt_ingest re-submits the reject" \
    logged "$work/replay.log" env PGPASSWORD="$ingest_pw" "$smelt" replay -b "$brokers" \
    -d "$tls user=smelt_ingest_user" --log-format text || show_log "$work/replay.log"
check "and marks it replayed" test "$(sql "select count(*) from bronze.rejects where replayed_at is not null")" = 1
no_secret_in_logs() {
    local secret found=0
    for secret in "${secrets[@]}"; do
        if grep -rlF -- "$secret" "$work"/*.log; then found=1; fi
    done
    [ "$found" = 0 ]
}
check "no password appears in any log or error message" no_secret_in_logs
check "the logs did record the failures" grep -q "certificate verify failed" "$work/other-ca.log"
check "libpq's echo of the unparseable URI shows *** for its password" \
    grep -qF 'in URI: \"postgresql://smelt_refresh_user:***@[::1/smelt' "$work/bad-uri.log"
finish
