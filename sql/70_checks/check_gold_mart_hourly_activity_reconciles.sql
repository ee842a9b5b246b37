-- check: gold_mart_hourly_activity_reconciles
-- severity: error; runs on: refresh
-- guards: the engagement of gold.mart_hourly_activity (observations and
--   every *_gained) equals the sum of gold.mart_engagement_minute over the
--   hour, for every (hour, platform); the engagement API answers ranges
--   over a day from the hourly mart, so both grains must tell the same.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_engagement_minutes narrows it to the hours
-- of the minutes a refresh moved (the hourly engagement moves by the same
-- minute deltas).
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_mart_hourly_activity_reconciles',
    'error',
    'gold',
    'refresh',
    'gold.mart_hourly_activity observations and engagement gains equal the sum of gold.mart_engagement_minute over each hour and platform; the engagement API reads the hourly mart for ranges over a day.',
    $check$
with scoped as (
    select smelt.utc_hour(s.minute) as hour, s.platform
    from smelt.scope_engagement_minutes() as s
    union
    -- all data: also hours with engagement but no minutes
    select h.hour, h.platform
    from gold.mart_hourly_activity as h
    where coalesce(current_setting('smelt.check_scope', true), 'full') <> 'incremental'
      and (h.observations, h.engagement_gained, h.reach_gained) <> (0, 0, 0)
),

minutes as (
    select s.hour, s.platform,
           coalesce(sum(m.observations), 0) as observations,
           coalesce(sum(m.likes_gained), 0) as likes_gained,
           coalesce(sum(m.shares_gained), 0) as shares_gained,
           coalesce(sum(m.comments_gained), 0) as comments_gained,
           coalesce(sum(m.views_gained), 0) as views_gained,
           coalesce(sum(m.impressions_gained), 0) as impressions_gained,
           coalesce(sum(m.engagement_gained), 0) as engagement_gained,
           coalesce(sum(m.reach_gained), 0) as reach_gained
    from scoped as s
    left join gold.mart_engagement_minute as m
        on m.platform = s.platform and m.minute >= s.hour and m.minute < s.hour + interval '1 hour'
    group by s.hour, s.platform
)

select m.hour, m.platform, h.engagement_gained as hourly_engagement_gained, m.engagement_gained,
       h.observations as hourly_observations, m.observations
from minutes as m
left join gold.mart_hourly_activity as h on h.hour = m.hour and h.platform = m.platform
where (coalesce(h.observations, 0), coalesce(h.likes_gained, 0), coalesce(h.shares_gained, 0),
       coalesce(h.comments_gained, 0), coalesce(h.views_gained, 0), coalesce(h.impressions_gained, 0),
       coalesce(h.engagement_gained, 0), coalesce(h.reach_gained, 0))
      <> (m.observations, m.likes_gained, m.shares_gained, m.comments_gained, m.views_gained,
          m.impressions_gained, m.engagement_gained, m.reach_gained)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
