#!/usr/bin/env bash
# One gold refresh at a live cycle's size, repeated on the same data, without
# the rest of the pipeline. COUNT generated events are ingested and refreshed
# (silver and gold up to date); then, for each size in POSTS, REPEAT times in
# one session: a transaction marks that many posts dirty (with observations
# from 20 s before each post's newest one, as a merge would), 40 % as many
# comments and 20 % as many accounts, runs smelt.refresh_gold and rolls back,
# so every repetition refreshes the same keys of the same gold. Prints each
# size's refresh time (min / median / max over the repetitions) and the
# statements inside it that took the most (pg_stat_statements, from three
# more refreshes of each size), per refresh. With BASELINE_BUILD_DIR, the
# same keys on another build's SQL, alternating, with the ratios.
# A run takes about a minute after the backlog (a few with a baseline).
#   SMELT_BUILD_DIR  where smelt is built (default: build/)
#   COUNT            events of the backlog (default 200000)
#   POSTS            refresh sizes in posts (default "0 1500 6000")
#   REPEAT           timed refreshes per size (default 7; the first is not
#                    counted), run without statement tracking
#   STATEMENTS       statements listed per size (default 12; 0 = none)
#   BASELINE_BUILD_DIR  another build to compare with: its SQL is installed in
#                    a copy of the same backlog, and each size is timed ROUNDS
#                    times (default 3) on each, alternating, with the ratio of
#                    the medians per round (this build / the baseline)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smelt=${SMELT_BUILD_DIR:-$root/build}/smelt
count=${COUNT:-200000}
sizes=${POSTS:-0 1500 6000}
repeat=${REPEAT:-7}
statements=${STATEMENTS:-12}
baseline=${BASELINE_BUILD_DIR:-}
rounds=${ROUNDS:-3}
baseline_smelt=
if [ -n "$baseline" ]; then
  baseline_smelt=$(cd "$baseline" && pwd)/smelt
  [ -x "$baseline_smelt" ] || { echo "no smelt in BASELINE_BUILD_DIR=$baseline" >&2; exit 2; }
fi
[ "$repeat" -ge 2 ] || { echo "REPEAT must be 2 or more (the first refresh warms the session)" >&2; exit 2; }
work=$(mktemp -d)
chmod 755 "$work"
pgdir=$work/pg
export SMELT_PG_PORT=${SMELT_BENCH_PG_PORT:-54338}
export SMELT_PG_SETTINGS="shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
pg_stat_statements.max = 10000"
broker_pid=

cleanup() {
  [ -n "$broker_pid" ] && kill -TERM "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null
  "$root/scripts/pg.sh" wipe "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

db=$("$root/scripts/pg.sh" start "$pgdir")
partitions=16
# shellcheck source=bench/backlog.sh
. "$root/bench/backlog.sh"
load_backlog
q() { psql "$db" -qAtX -c "$1"; }
q "create extension if not exists pg_stat_statements" >/dev/null
"$smelt" refresh 2>"$work/refresh.log" || { tail -20 "$work/refresh.log"; exit 1; }
echo "backlog: $(q "select count(*) from bronze.events") events refreshed;" \
  "gold holds $(q "select count(*) from gold.dim_post") posts," \
  "$(q "select count(*) from gold.fct_comments") comments"

# What smelt's own sessions set (TimeZone, work_mem, temp_buffers), named
# for this benchmark.
session_setup() {
  sed -e '/^--/d' -e "s/\\\$1/'smelt bench gold'/" "$root/sql/queries/refresh/session_setup.sql"
}

# REPEAT refreshes of the same keys in one session: each marks them in a
# transaction of its own, refreshes gold and rolls back.
refreshes() {
  local posts=$1 comments=$2 users=$3 label=$4 n=$5 i
  for i in $(seq "$n"); do
    cat <<SQL
begin;
insert into smelt.dirty_posts (source, post_id, changed, minutes_from, changes)
select source, post_id, 3, last_observed_at - interval '20 seconds', null
  from silver.posts order by hashtext(post_id) limit $posts;
insert into smelt.dirty_comments (source, comment_id)
select source, comment_id from silver.comments order by hashtext(comment_id) limit $comments;
insert into smelt.dirty_users (source, user_id)
select source, user_id from silver.users order by hashtext(user_id) limit $users;
\\timing on
call smelt.refresh_gold('bench-$label-$i');
\\timing off
select 'outcome ' || status from smelt.refresh_runs where run_id = 'bench-$label-$i' and model = 'gold';
rollback;
SQL
  done
}

# Times REPEAT refreshes of one size in a new session on database $1 and
# prints their milliseconds, the first (which warms the session) left out.
timed() {
  local database=$1 posts=$2 comments=$3 users=$4 label=$5 script out
  script=$work/refresh-$label.sql
  {
    session_setup
    # statement tracking costs time of its own
    echo "set pg_stat_statements.track = 'none';"
    refreshes "$posts" "$comments" "$users" "$label" "$repeat"
  } >"$script"
  out=$(psql "${db/dbname=smelt/dbname=$database}" -qAtX -v ON_ERROR_STOP=1 -f "$script" 2>&1) ||
    { echo "$out" | tail -20 >&2; return 1; }
  if echo "$out" | grep '^outcome' | grep -qv 'outcome ok'; then
    echo "a refresh of $posts posts in $database did not publish:" >&2
    echo "$out" | grep '^outcome' | sort | uniq -c >&2
    return 1
  fi
  echo "$out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n +2
}

median() { python3 -c "import statistics, sys; print(f'{statistics.median(float(x) for x in sys.stdin.read().split()):.1f}')"; }
summary() {  # label, then milliseconds on stdin
  python3 -c "
import statistics, sys
t = sorted(float(x) for x in sys.stdin.read().split())
print(f'  $1: ms min {t[0]:.1f}, median {statistics.median(t):.1f}, max {t[-1]:.1f} over {len(t)} refreshes')"
}

if [ -n "$baseline" ]; then
  # the same backlog with the baseline's SQL: its repeatable scripts replace
  # the ones the build under test installed
  psql "${db/dbname=smelt/dbname=postgres}" -qAtX -c "create database smelt_baseline template smelt"
  SMELT_DATABASE=${db/dbname=smelt/dbname=smelt_baseline} "$baseline_smelt" migrate up >/dev/null 2>&1
  echo "baseline: $baseline_smelt (database smelt_baseline, a copy of the same backlog)"
fi

for posts in $sizes; do
  comments=$((posts * 2 / 5))
  users=$((posts / 5))
  echo "refresh of $posts posts, $comments comments, $users accounts (load average before: $(cut -d' ' -f1-3 /proc/loadavg)):"
  if [ -z "$baseline" ]; then
    timed smelt "$posts" "$comments" "$users" "$posts" | summary "$smelt"
  else
    # ROUNDS times, alternating: the build under test, then the baseline
    new_all="" old_all=""
    for round in $(seq "$rounds"); do
      new_ms=$(timed smelt "$posts" "$comments" "$users" "$posts-$round")
      old_ms=$(timed smelt_baseline "$posts" "$comments" "$users" "$posts-$round-baseline")
      new_all+=" $new_ms" old_all+=" $old_ms"
      new_median=$(echo "$new_ms" | median)
      old_median=$(echo "$old_ms" | median)
      echo "  round $round: median $new_median ms against the baseline's $old_median ms," \
        "ratio $(python3 -c "print(f'{$new_median / $old_median:.3f}')")"
    done
    echo "$new_all" | summary "all rounds, $smelt"
    echo "$old_all" | summary "all rounds, baseline $baseline_smelt"
  fi
  if [ "$statements" -gt 0 ]; then
    script=$work/statements-$posts.sql
    {
      session_setup
      echo "select pg_stat_statements_reset();"
      refreshes "$posts" "$comments" "$users" "$posts-tracked" 3
    } >"$script"
    psql "$db" -qAtX -v ON_ERROR_STOP=1 -f "$script" >/dev/null
    echo "  statements, ms per refresh (3 more refreshes, pg_stat_statements.track = all):"
    psql "$db" -qX -c "
      select round((sum(s.total_exec_time) / 3)::numeric, 2) as ms_per_refresh,
             (sum(s.calls) / 3)::bigint as calls,
             left(regexp_replace(s.query, '\s+', ' ', 'g'), 100) as statement
        from pg_stat_statements as s
       where s.query not like 'call smelt.refresh_gold%' and s.query not like 'insert into smelt.dirty_%'
         and s.query not like 'select % from smelt.evaluate_check%' and s.query not like 'select %outcome%'
         and s.query not like '%pg_stat_statements_reset%' and s.query not like 'select set_config%'
       group by 3 order by 1 desc limit $statements"
  fi
done
