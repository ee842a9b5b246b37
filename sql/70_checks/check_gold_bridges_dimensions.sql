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

bridged_hashtags as (
    select b.post_key, array_agg(h.hashtag order by h.hashtag) as hashtags
    from scoped as s
    join gold.bridge_post_hashtag as b on b.post_key = s.post_key
    left join gold.dim_hashtag as h on h.hashtag_key = b.hashtag_key
    group by b.post_key
),

bridged_campaigns as (
    select b.post_key, array_agg(b.campaign_key order by b.campaign_key) as campaign_ids
    from scoped as s
    join gold.bridge_post_campaign as b on b.post_key = s.post_key
    join gold.dim_campaign as c on c.campaign_key = b.campaign_key
    group by b.post_key
)

select s.post_key, s.hashtags, coalesce(h.hashtags, '{}') as bridged_hashtags,
       s.campaign_ids, coalesce(c.campaign_ids, '{}') as bridged_campaign_ids
from scoped as s
left join bridged_hashtags as h on h.post_key = s.post_key
left join bridged_campaigns as c on c.post_key = s.post_key
where s.hashtags is distinct from coalesce(h.hashtags, '{}')
   or s.campaign_ids is distinct from coalesce(c.campaign_ids, '{}')
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
