-- check: gold_fct_comments_dimensions
-- severity: error; runs on: refresh
-- guards: Every gold.fct_comments row points at an existing platform and date,
--   and at an existing post and user when it has them.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_fct_comments_dimensions',
    'error',
    'gold',
    'refresh',
    'Every gold.fct_comments row points at an existing platform and date, and at an existing post and user when it has them.',
    $check$
select f.platform_key, f.comment_id, f.post_key, f.user_key, f.date_key
from gold.fct_comments as f
join gold.dim_platform as p on p.platform_key = f.platform_key
join smelt.scope_comments('silver.comments') as s on s.source = p.platform and s.comment_id = f.comment_id
left join gold.dim_post as d on d.post_key = f.post_key
left join gold.dim_user as u on u.user_key = f.user_key
left join gold.dim_date as dd on dd.date_key = f.date_key
where dd.date_key is null
   or (f.post_key is not null and d.post_key is null)
   or (f.user_key is not null and u.user_key is null)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
