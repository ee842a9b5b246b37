-- check: gold_engagement_minute_matches_silver
-- severity: error; runs on: refresh
-- guards: Engagement minute deltas are consistent: for each post, the gold
--   minutes hold exactly the observations and gains of its silver
--   observations, minute by minute (checked from the first minute a
--   refresh recomputed; smelt check covers all).
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_engagement_minute_matches_silver',
    'error',
    'gold',
    'refresh',
    'Engagement minute deltas are consistent: for each post, the gold minutes hold exactly the observations and gains of its silver observations, minute by minute (checked from the first minute a refresh recomputed; smelt check covers all).',
    $check$
with scoped as (
    select s.post_key, d.platform, d.post_id, s.from_minute
    from smelt.scope_post_key_minutes() as s
    join gold.dim_post as d on d.post_key = s.post_key
),

gold_minutes as (
    select f.post_key, f.minute, f.observations, f.likes_gained, f.shares_gained, f.comments_gained,
           f.views_gained, f.impressions_gained, f.reach_gained
    from scoped as s
    join gold.fct_engagement_minute as f on f.post_key = s.post_key and f.minute >= s.from_minute
),

silver_minutes as (
    select s.post_key, smelt.utc_minute(o.observed_at) as minute, count(*)::integer as observations,
           coalesce(sum(o.likes_gained), 0)::bigint as likes_gained,
           coalesce(sum(o.shares_gained), 0)::bigint as shares_gained,
           coalesce(sum(o.comments_gained), 0)::bigint as comments_gained,
           coalesce(sum(o.views_gained), 0)::bigint as views_gained,
           coalesce(sum(o.impressions_gained), 0)::bigint as impressions_gained,
           coalesce(sum(smelt.reach(o.impressions_gained, o.views_gained)), 0)::bigint as reach_gained
    from scoped as s
    join silver.post_observations as o
        on o.source = s.platform and o.post_id = s.post_id and o.observed_at >= s.from_minute
    group by s.post_key, smelt.utc_minute(o.observed_at)
)

select coalesce(g.post_key, s.post_key) as post_key, coalesce(g.minute, s.minute) as minute,
       g.observations as gold_observations, s.observations as silver_observations,
       g.likes_gained as gold_likes_gained, s.likes_gained as silver_likes_gained
from gold_minutes as g
full join silver_minutes as s on s.post_key = g.post_key and s.minute = g.minute
where (g.observations, g.likes_gained, g.shares_gained, g.comments_gained, g.views_gained,
       g.impressions_gained, g.reach_gained)
      is distinct from
      (s.observations, s.likes_gained, s.shares_gained, s.comments_gained, s.views_gained,
       s.impressions_gained, s.reach_gained)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
