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
with scope as (
    select s.source, s.post_id, s.from_at from smelt.scope_post_minutes() as s
),

-- the observations in scope, and the one before each post's scope (the
-- first scoped observation's predecessor)
observations as (
    select o.source, o.post_id, o.observed_at, o.previous_observed_at,
           o.likes, o.shares, o.comments, o.views, o.impressions,
           o.likes_carried, o.shares_carried, o.comments_carried, o.views_carried, o.impressions_carried,
           o.likes_gained, o.shares_gained, o.comments_gained, o.views_gained, o.impressions_gained,
           true as in_scope
    from scope as s
    join silver.post_observations as o
        on o.source = s.source and o.post_id = s.post_id and o.observed_at >= s.from_at
    union all
    select p.source, p.post_id, p.observed_at, null, null, null, null, null, null,
           p.likes_carried, p.shares_carried, p.comments_carried, p.views_carried, p.impressions_carried,
           null, null, null, null, null,
           false
    from scope as s
    cross join lateral (
        select b.source, b.post_id, b.observed_at, b.likes_carried, b.shares_carried, b.comments_carried,
               b.views_carried, b.impressions_carried
        from silver.post_observations as b
        where b.source = s.source and b.post_id = s.post_id and b.observed_at < s.from_at
        order by b.observed_at desc
        limit 1
    ) as p
),

paired as (
    select o.*,
           lag(o.observed_at) over w as expected_previous,
           lag(o.likes_carried) over w as prev_likes,
           lag(o.shares_carried) over w as prev_shares,
           lag(o.comments_carried) over w as prev_comments,
           lag(o.views_carried) over w as prev_views,
           lag(o.impressions_carried) over w as prev_impressions
    from observations as o
    window w as (partition by o.source, o.post_id order by o.observed_at)
)

select source, post_id, observed_at, previous_observed_at, expected_previous
from paired
where in_scope
  and (previous_observed_at is distinct from expected_previous
   or likes_carried is distinct from coalesce(likes, prev_likes)
   or shares_carried is distinct from coalesce(shares, prev_shares)
   or comments_carried is distinct from coalesce(comments, prev_comments)
   or views_carried is distinct from coalesce(views, prev_views)
   or impressions_carried is distinct from coalesce(impressions, prev_impressions)
   or likes_gained is distinct from smelt.counter_gained(likes_carried, prev_likes)
   or shares_gained is distinct from smelt.counter_gained(shares_carried, prev_shares)
   or comments_gained is distinct from smelt.counter_gained(comments_carried, prev_comments)
   or views_gained is distinct from smelt.counter_gained(views_carried, prev_views)
   or impressions_gained is distinct from smelt.counter_gained(impressions_carried, prev_impressions))
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
