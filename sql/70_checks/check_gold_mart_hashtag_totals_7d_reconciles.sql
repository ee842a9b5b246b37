-- check: gold_mart_hashtag_totals_7d_reconciles
-- severity: error; runs on: refresh
-- guards: gold.mart_hashtag_totals_7d holds, for every hashtag, the sum of
--   gold.mart_hashtag_daily's posts over the trending window and over the 7
--   days before it, and that window is the one of the published
--   complete_through; guards the incremental maintenance of the totals that
--   the trending ranking reads.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_hashtags narrows it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_mart_hashtag_totals_7d_reconciles',
    'error',
    'gold',
    'refresh',
    'gold.mart_hashtag_totals_7d holds, for every hashtag, the sum of gold.mart_hashtag_daily posts over the trending window (the 7 days ending with the complete_through day) and the 7 days before it; guards the incremental maintenance of the trending totals.',
    $check$
with windows as (
    select last_day - 6 as window_start, last_day as window_end, last_day - 13 as previous_start
    from (select (f.complete_through at time zone 'UTC')::date as last_day
          from gold.mart_freshness as f
          where f.mart = 'mart_hashtag_sentiment_hourly') as f
),

scoped as (
    select distinct s.hashtag from smelt.scope_hashtags() as s
),

expected as (
    select
        s.hashtag,
        coalesce(sum(d.posts) filter (where d.day >= w.window_start), 0) as posts_7d,
        coalesce(sum(d.posts) filter (where d.day < w.window_start), 0) as posts_previous_7d
    from scoped as s
    cross join windows as w
    left join gold.mart_hashtag_daily as d
        on d.hashtag = s.hashtag and d.day >= w.previous_start and d.day <= w.window_end
    group by s.hashtag
)

select e.hashtag, t.window_end as mart_window_end, w.window_end,
       t.posts_7d as mart_posts_7d, e.posts_7d,
       t.posts_previous_7d as mart_posts_previous_7d, e.posts_previous_7d
from expected as e
cross join windows as w
left join gold.mart_hashtag_totals_7d as t on t.hashtag = e.hashtag
where (coalesce(t.posts_7d, 0), coalesce(t.posts_previous_7d, 0)) <> (e.posts_7d, e.posts_previous_7d)
   or (t.hashtag is not null and (t.window_start, t.window_end) is distinct from (w.window_start, w.window_end))
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
