-- check: silver_observation_totals
-- severity: error; runs on: demand
-- guards: Gains telescope: for every post whose whole history is kept, the gains
--   of all its observations add up to its current counters. Reads each
--   post's whole history, so it runs with smelt check only.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_observation_totals',
    'error',
    'silver',
    'demand',
    'Gains telescope: for every post whose whole history is kept, the gains of all its observations add up to its current counters. Reads each post''s whole history, so it runs with smelt check only.',
    $check$
with kept as (
    select p.*
    from silver.posts as p
    where p.first_seen_at >= (select retention_cutoff from smelt.refresh_state)
),

sums as (
    select
        p.source, p.post_id,
        coalesce(p.likes, 0) as likes, coalesce(sum(o.likes_gained), 0) as likes_gained,
        coalesce(p.shares, 0) as shares, coalesce(sum(o.shares_gained), 0) as shares_gained,
        coalesce(p.comments, 0) as comments, coalesce(sum(o.comments_gained), 0) as comments_gained,
        coalesce(p.views, 0) as views, coalesce(sum(o.views_gained), 0) as views_gained,
        coalesce(p.impressions, 0) as impressions, coalesce(sum(o.impressions_gained), 0) as impressions_gained
    from kept as p
    join silver.post_observations as o on o.source = p.source and o.post_id = p.post_id
    group by p.source, p.post_id, p.likes, p.shares, p.comments, p.views, p.impressions
)

select *
from sums
where (likes, shares, comments, views, impressions)
      <> (likes_gained, shares_gained, comments_gained, views_gained, impressions_gained)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
