-- check: silver_campaign_posts_references
-- severity: error; runs on: refresh
-- guards: Every silver.campaign_posts row points at an existing campaign and
--   post, and the post was created within the campaign.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_campaign_posts_references',
    'error',
    'silver',
    'refresh',
    'Every silver.campaign_posts row points at an existing campaign and post, and the post was created within the campaign.',
    $check$
select cp.campaign_id, cp.source, cp.post_id, cp.created_at,
       c.campaign_id is null as unknown_campaign, p.post_id is null as unknown_post
from silver.campaign_posts as cp
join smelt.scope_posts('silver.campaign_posts') as s on s.source = cp.source and s.post_id = cp.post_id
left join smelt.campaigns as c on c.campaign_id = cp.campaign_id
left join silver.posts as p on p.source = cp.source and p.post_id = cp.post_id
where c.campaign_id is null
   or p.post_id is null
   or cp.created_at < c.starts_at
   or cp.created_at >= coalesce(c.ends_at, 'infinity')
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
