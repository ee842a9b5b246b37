-- check: silver_post_hashtags_key
-- severity: error; runs on: refresh
-- guards: silver.post_hashtags has one row per (source, post_id, hashtag) and no
--   empty hashtag. The key has no constraint: a duplicate would count a
--   post twice for a hashtag.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_post_hashtags_key',
    'error',
    'silver',
    'refresh',
    'silver.post_hashtags has one row per (source, post_id, hashtag) and no empty hashtag. The key has no constraint: a duplicate would count a post twice for a hashtag.',
    $check$
select h.source, h.post_id, h.hashtag, count(*) as copies
from silver.post_hashtags as h
join smelt.scope_posts('silver.post_hashtags') as s on s.source = h.source and s.post_id = h.post_id
group by h.source, h.post_id, h.hashtag
having count(*) > 1 or h.hashtag = ''
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
