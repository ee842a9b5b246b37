#!/usr/bin/env bash
# Refresh cost against history size: tests/sql/bench/refresh_cost.sh CONNINFO [LARGE_SECONDS]
# Builds two databases on the server CONNINFO points at: one with a history
# of 72 s of synthetic traffic (about 20,000 events), one with LARGE_SECONDS
# of it (default 7200: about 2,000,000 events). Then merges and refreshes the
# same next 36 s (about 10,000 events) in both, three times in a row, and
# prints each step's duration and the ratio of the totals. Needs the
# checkout's migrations and sql/ (applied with psql, as tests/sql/run.sh does).
set -euo pipefail
conninfo=$1
large=${2:-7200}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
admin=(psql -X -q -v ON_ERROR_STOP=1 -d "$conninfo dbname=postgres")

create_db() {
    "${admin[@]}" -c "drop database if exists \"$1\"" -c "create database \"$1\""
    local migrations repeatables
    migrations=$(cd "$root" && ls migrations/V*.sql | sed -E 's/^migrations\/V0*([0-9]+)__.*/\1 &/' | sort -n | cut -d' ' -f2)
    repeatables=$(cd "$root" && find sql -name '*.sql' -not -path 'sql/queries/*' | LC_ALL=C sort)
    for script in $migrations $repeatables; do
        psql -X -q -1 -v ON_ERROR_STOP=1 -d "$conninfo dbname=$1" -f "$root/$script" >/dev/null 2>&1
    done
    psql -X -q -v ON_ERROR_STOP=1 -d "$conninfo dbname=$1" -f "$here/synthetic_events.sql" >/dev/null
}

# run DB FROM TO: stage [FROM, TO), merge as one live batch, refresh gold
run() {
    psql -X -q -v ON_ERROR_STOP=1 -d "$conninfo dbname=$1" >/dev/null <<SQL
begin;
select bench.stage($2, $3);
call smelt.merge_decoded('merge-$2', array[$2::bigint]);
commit;
call smelt.refresh_gold('gold-$2');
SQL
}

load() {
    local db=$1 from=$2 to=$3 step=$4 s
    for ((s = from; s < to; s += step)); do
        run "$db" "$s" $((s + step < to ? s + step : to))
    done
    psql -X -q -d "$conninfo dbname=$db" -c "vacuum analyze" >/dev/null
}

report() {
    psql -X -At -d "$conninfo dbname=$1" -c "
        select model || '|' || rows || '|' || round(duration_ms)
        from smelt.refresh_runs where run_id in ('merge-$2', 'gold-$2')
          and (model like 'silver.%' or model like 'smelt.%' or model like 'gold%')
        order by refresh_run_id"
}

total() {
    psql -X -At -d "$conninfo dbname=$1" -c "
        select round(sum(duration_ms)) from smelt.refresh_runs
        where (run_id = 'merge-$2' and model <> 'gold') or (run_id = 'gold-$2' and model = 'gold')"
}

echo "building the small history (72 s) ..."
create_db smelt_bench_small
load smelt_bench_small $((large - 72)) "$large" 72
echo "building the large history ($large s) ..."
create_db smelt_bench_large
load smelt_bench_large 0 "$large" 720
for db in smelt_bench_small smelt_bench_large; do
    psql -X -At -d "$conninfo dbname=$db" -c \
        "select '$db: ' || count(*) || ' observations, ' || (select count(*) from silver.posts) || ' posts' from silver.post_observations"
done

for round in 0 1 2; do
    from=$((large + 36 * round))
    run smelt_bench_small "$from" $((from + 36))
    run smelt_bench_large "$from" $((from + 36))
    small=$(total smelt_bench_small "$from")
    big=$(total smelt_bench_large "$from")
    echo "batch [$from, $((from + 36))) s: small history ${small} ms, large history ${big} ms, ratio $(echo "scale=2; $big / $small" | bc)"
    if [ "$round" -eq 2 ]; then
        paste -d'|' <(report smelt_bench_small "$from") <(report smelt_bench_large "$from") |
            awk -F'|' '{ printf "  %-36s %7s rows %6s ms | %7s rows %6s ms\n", $1, $2, $3, $5, $6 }'
    fi
done
