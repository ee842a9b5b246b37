-- check: gold_fct_engagement_minute_dimensions
-- severity: error; runs on: refresh
-- guards: Every gold.fct_engagement_minute row points at an existing post,
--   platform and date, has at least one observation, and its
--   engagement_gained is likes + shares + comments gained.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_fct_engagement_minute_dimensions',
    'error',
    'gold',
    'refresh',
    'Every gold.fct_engagement_minute row points at an existing post, platform and date, has at least one observation, and its engagement_gained is likes + shares + comments gained.',
    $check$
select f.post_key, f.minute, f.platform_key, f.date_key, f.observations
from smelt.scope_post_key_minutes() as s
join gold.fct_engagement_minute as f on f.post_key = s.post_key and f.minute >= s.from_minute
left join gold.dim_post as d on d.post_key = f.post_key
left join gold.dim_platform as p on p.platform_key = f.platform_key
left join gold.dim_date as dd on dd.date_key = f.date_key
where d.post_key is null or p.platform_key is null or dd.date_key is null
   or f.engagement_gained <> f.likes_gained + f.shares_gained + f.comments_gained
   or f.observations <= 0
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
