-- check: silver_counters_not_negative
-- severity: error; runs on: refresh
-- guards: Reported counters (likes, shares, comments, views, impressions) are
--   never negative, in posts and in observations. Reads the violation
--   indexes posts_negative_counters_idx and
--   post_observations_negative_counters_idx.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_counters_not_negative',
    'error',
    'silver',
    'refresh',
    'Reported counters (likes, shares, comments, views, impressions) are never negative, in posts and in observations. Reads the violation indexes posts_negative_counters_idx and post_observations_negative_counters_idx.',
    $check$
select 'silver.posts' as table_name, p.source, p.post_id, null::timestamptz as observed_at,
       p.likes, p.shares, p.comments, p.views, p.impressions
from silver.posts as p
where p.likes < 0 or p.shares < 0 or p.comments < 0 or p.views < 0 or p.impressions < 0
union all
select 'silver.post_observations', o.source, o.post_id, o.observed_at,
       o.likes, o.shares, o.comments, o.views, o.impressions
from silver.post_observations as o
where o.likes < 0 or o.shares < 0 or o.comments < 0 or o.views < 0 or o.impressions < 0
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
