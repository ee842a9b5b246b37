-- check: gold_bridges_dimensions
-- severity: error; runs on: refresh
-- guards: Every bridge row points at an existing post and hashtag or campaign,
--   and a post's bridge rows are exactly the hashtags and campaigns of its
--   fct_posts row.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_bridges_dimensions',
    'error',
    'gold',
    'refresh',
    'Every bridge row points at an existing post and hashtag or campaign, and a post''s bridge rows are exactly the hashtags and campaigns of its fct_posts row.',
    $check$
with scoped as (
    select f.post_key, f.hashtags, f.campaign_ids
    from smelt.scope_post_keys('gold.fct_posts') as s
    join gold.fct_posts as f on f.post_key = s.post_key
),

bridged as (
    select
        s.post_key,
        s.hashtags,
        s.campaign_ids,
        array(select h.hashtag
                from gold.bridge_post_hashtag as b
                left join gold.dim_hashtag as h on h.hashtag_key = b.hashtag_key
               where b.post_key = s.post_key
               order by h.hashtag) as bridged_hashtags,
        array(select b.campaign_key
                from gold.bridge_post_campaign as b
                join gold.dim_campaign as c on c.campaign_key = b.campaign_key
               where b.post_key = s.post_key
               order by b.campaign_key) as bridged_campaign_ids
    from scoped as s
)

select post_key, hashtags, bridged_hashtags, campaign_ids, bridged_campaign_ids
from bridged
where hashtags is distinct from bridged_hashtags
   or campaign_ids is distinct from bridged_campaign_ids
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
