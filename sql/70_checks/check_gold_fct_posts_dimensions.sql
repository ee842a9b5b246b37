-- check: gold_fct_posts_dimensions
-- severity: error; runs on: refresh
-- guards: Every gold.fct_posts row points at an existing post, platform, date
--   and (when the author is known) user, and its engagement is likes +
--   shares + comments.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_fct_posts_dimensions',
    'error',
    'gold',
    'refresh',
    'Every gold.fct_posts row points at an existing post, platform, date and (when the author is known) user, and its engagement is likes + shares + comments.',
    $check$
select f.post_key, f.platform_key, f.date_key, f.user_key,
       d.post_key is null as missing_post, p.platform_key is null as missing_platform,
       dd.date_key is null as missing_date, (f.user_key is not null and u.user_key is null) as missing_user
from gold.fct_posts as f
join smelt.scope_post_keys('gold.fct_posts') as s on s.post_key = f.post_key
left join gold.dim_post as d on d.post_key = f.post_key
left join gold.dim_platform as p on p.platform_key = f.platform_key
left join gold.dim_date as dd on dd.date_key = f.date_key
left join gold.dim_user as u on u.user_key = f.user_key
where d.post_key is null or p.platform_key is null or dd.date_key is null
   or (f.user_key is not null and u.user_key is null)
   or f.engagement <> smelt.engagement(f.likes, f.shares, f.comments)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
