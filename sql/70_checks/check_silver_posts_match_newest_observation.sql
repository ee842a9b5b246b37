-- check: silver_posts_match_newest_observation
-- severity: error; runs on: refresh
-- guards: A post's current counters and last_observed_at are those of its newest
--   observation: the newest observed_at wins whatever the arrival order.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_posts_match_newest_observation',
    'error',
    'silver',
    'refresh',
    'A post''s current counters and last_observed_at are those of its newest observation: the newest observed_at wins whatever the arrival order.',
    $check$
select p.source, p.post_id, p.last_observed_at, n.observed_at as newest_observed_at,
       p.likes, n.likes_carried, p.shares, n.shares_carried, p.comments, n.comments_carried,
       p.views, n.views_carried, p.impressions, n.impressions_carried
from silver.posts as p
join smelt.scope_posts('silver.posts') as s on s.source = p.source and s.post_id = p.post_id
left join lateral (
    select o.*
    from silver.post_observations as o
    where o.source = p.source and o.post_id = p.post_id and o.observed_at >= p.last_observed_at
    order by o.observed_at desc
    limit 1
) as n on true
where n.observed_at is null
   or (p.last_observed_at, p.likes, p.shares, p.comments, p.views, p.impressions)
      is distinct from
      (n.observed_at, n.likes_carried, n.shares_carried, n.comments_carried, n.views_carried,
       n.impressions_carried)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
