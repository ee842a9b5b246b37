-- check: gold_mart_engagement_minute_reconciles
-- severity: error; runs on: refresh
-- guards: gold.mart_engagement_minute equals the sum of
--   gold.fct_engagement_minute for every (minute, platform) it holds;
--   guards the incremental maintenance of the marts.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_mart_engagement_minute_reconciles',
    'error',
    'gold',
    'refresh',
    'gold.mart_engagement_minute equals the sum of gold.fct_engagement_minute for every (minute, platform) it holds; guards the incremental maintenance of the marts.',
    $check$
with scoped as (
    select distinct s.minute, s.platform from smelt.scope_engagement_minutes() as s
),

facts as (
    select s.minute, s.platform, count(f.post_key) as posts_observed,
           coalesce(sum(f.observations), 0) as observations,
           coalesce(sum(f.likes_gained), 0) as likes_gained,
           coalesce(sum(f.engagement_gained), 0) as engagement_gained,
           coalesce(sum(f.reach_gained), 0) as reach_gained
    from scoped as s
    join gold.dim_platform as p on p.platform = s.platform
    left join gold.fct_engagement_minute as f on f.minute = s.minute and f.platform_key = p.platform_key
    group by s.minute, s.platform
)

select f.minute, f.platform, m.posts_observed as mart_posts_observed, f.posts_observed,
       m.likes_gained as mart_likes_gained, f.likes_gained
from facts as f
left join gold.mart_engagement_minute as m on m.minute = f.minute and m.platform = f.platform
where (coalesce(m.posts_observed, 0), coalesce(m.observations, 0), coalesce(m.likes_gained, 0),
       coalesce(m.engagement_gained, 0), coalesce(m.reach_gained, 0))
      <> (f.posts_observed, f.observations, f.likes_gained, f.engagement_gained, f.reach_gained)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
