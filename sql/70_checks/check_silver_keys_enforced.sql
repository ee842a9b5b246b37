-- check: silver_keys_enforced
-- severity: error; runs on: refresh
-- guards: Every silver table with a key has it enforced: a unique index on
--   exactly the key columns, all NOT NULL (so duplicates and NULL keys
--   cannot exist there). silver.post_hashtags and silver.post_mentions
--   have no such index and are checked row by row.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_keys_enforced',
    'error',
    'silver',
    'refresh',
    'Every silver table with a key has it enforced: a unique index on exactly the key columns, all NOT NULL (so duplicates and NULL keys cannot exist there). silver.post_hashtags and silver.post_mentions have no such index and are checked row by row.',
    $check$
with expected (table_name, key_columns) as (
    values
        ('silver.posts', '{source,post_id}'::text[]),
        ('silver.post_observations', '{source,post_id,observed_at}'::text[]),
        ('silver.comments', '{source,comment_id}'::text[]),
        ('silver.users', '{source,user_id}'::text[]),
        ('silver.user_history', '{source,user_id,observed_at}'::text[]),
        ('silver.campaign_posts', '{campaign_id,source,post_id}'::text[])
)

select e.table_name, e.key_columns
from expected as e
where not smelt.key_enforced(e.table_name, e.key_columns)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
