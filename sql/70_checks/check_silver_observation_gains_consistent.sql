-- check: silver_observation_gains_consistent
-- severity: error; runs on: refresh
-- guards: Each observation carries every counter forward from the observation
--   before it (previous_observed_at), and each gain is the difference of
--   the two carried values (the first observation gains its whole value).
--   Checked for the observations a refresh recomputed; smelt check covers
--   all.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_observation_gains_consistent',
    'error',
    'silver',
    'refresh',
    'Each observation carries every counter forward from the observation before it (previous_observed_at), and each gain is the difference of the two carried values (the first observation gains its whole value). Checked for the observations a refresh recomputed; smelt check covers all.',
    $check$
with scoped as (
    select o.*
    from smelt.scope_post_minutes() as s
    join silver.post_observations as o
        on o.source = s.source and o.post_id = s.post_id and o.observed_at >= s.from_at
),

paired as (
    select o.*, prev.observed_at as expected_previous,
           prev.likes_carried as prev_likes, prev.shares_carried as prev_shares,
           prev.comments_carried as prev_comments, prev.views_carried as prev_views,
           prev.impressions_carried as prev_impressions
    from scoped as o
    left join lateral (
        select p.*
        from silver.post_observations as p
        where p.source = o.source and p.post_id = o.post_id and p.observed_at < o.observed_at
        order by p.observed_at desc
        limit 1
    ) as prev on true
)

select source, post_id, observed_at, previous_observed_at, expected_previous
from paired
where previous_observed_at is distinct from expected_previous
   or likes_carried is distinct from coalesce(likes, prev_likes)
   or shares_carried is distinct from coalesce(shares, prev_shares)
   or comments_carried is distinct from coalesce(comments, prev_comments)
   or views_carried is distinct from coalesce(views, prev_views)
   or impressions_carried is distinct from coalesce(impressions, prev_impressions)
   or likes_gained is distinct from smelt.counter_gained(likes_carried, prev_likes)
   or shares_gained is distinct from smelt.counter_gained(shares_carried, prev_shares)
   or comments_gained is distinct from smelt.counter_gained(comments_carried, prev_comments)
   or views_gained is distinct from smelt.counter_gained(views_carried, prev_views)
   or impressions_gained is distinct from smelt.counter_gained(impressions_carried, prev_impressions)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
